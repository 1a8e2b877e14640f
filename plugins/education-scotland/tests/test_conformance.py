"""Education Scotland passes inspectorate's conformance suite."""

import inspectorate_education_scotland.plugin
from inspectorate.testing import RegimeConformance, sample_cases


class TestConformance(RegimeConformance):
    plugin = inspectorate_education_scotland.plugin
    regime_id = "education-scotland"

    def cases(self, framework, regime):
        return sample_cases(framework, nation="scotland")
