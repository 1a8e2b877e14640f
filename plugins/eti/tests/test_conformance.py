"""Education and Training Inspectorate passes inspectorate's conformance suite."""

import inspectorate_eti.plugin
from inspectorate.testing import RegimeConformance


class TestConformance(RegimeConformance):
    plugin = inspectorate_eti.plugin
    regime_id = "eti"
