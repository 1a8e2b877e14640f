"""Ofsted passes the conformance suite every regime plugin must pass."""

import inspectorate_ofsted.plugin
from inspectorate.testing import RegimeConformance


class TestOfstedConformance(RegimeConformance):
    plugin = inspectorate_ofsted.plugin
    regime_id = "ofsted"
