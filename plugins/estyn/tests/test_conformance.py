"""Estyn passes the conformance suite every regime plugin must pass."""

import inspectorate_estyn.plugin
from inspectorate.testing import RegimeConformance


class TestEstynConformance(RegimeConformance):
    plugin = inspectorate_estyn.plugin
    regime_id = "estyn"
