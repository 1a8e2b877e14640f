"""ETI passes inspectorate's conformance suite."""

import inspectorate_eti.plugin
from inspectorate.testing import RegimeConformance, sample_cases


class TestConformance(RegimeConformance):
    plugin = inspectorate_eti.plugin
    regime_id = "eti"

    def cases(self, framework, regime):
        return sample_cases(framework, nation="northern-ireland")
