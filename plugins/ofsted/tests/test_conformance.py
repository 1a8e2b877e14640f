"""Ofsted passes the conformance suite every regime plugin must pass, for every framework it ships.

The kit's sample cases use a framework's first sector (schools for EIF 2019 and the 2025 report
cards); further education samples are added so both kinds of provider run through every rule.
"""

import datetime as dt

import attrs
import inspectorate_ofsted.plugin
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import InspectionDates
from inspectorate.testing import RegimeConformance, make_host, sample_cases

#: A week in the framework's own time, so date-bound rules (no overall grade from 2 Sept 2024) run both ways.
EARLY_EIF = InspectionDates(start=dt.date(2021, 11, 16), end=dt.date(2021, 11, 19), draft_issued=dt.date(2021, 12, 6),
                            published=dt.date(2022, 1, 10))


class TestOfstedConformance(RegimeConformance):
    plugin = inspectorate_ofsted.plugin
    regime_id = "ofsted"

    def cases(self, framework, regime):
        cases = dict(sample_cases(framework, nation="england"))
        if "school" in framework.sectors and "further-education" in framework.sectors:
            for label, case in sample_cases(framework, nation="england").items():
                college = attrs.evolve(case.provider, sector="further-education")
                cases[f"college-{label}"] = attrs.evolve(case, provider=college)
        if framework.id == "ofsted-eif-2019":
            for label, case in sample_cases(framework, nation="england").items():
                cases[f"2021-{label}"] = attrs.evolve(case, dates=EARLY_EIF)
        return cases


def test_every_framework_of_the_issue_is_registered():
    ids = {f.id for f in inspectorate_ofsted.plugin.REGIME.frameworks}
    # and the social care outcomes framework that Ofsted's published outcome data is imported under
    assert ids == {"ofsted-cif-2012", "ofsted-eif-2019", "ofsted-renewed-2025", "ofsted-sccif-2017"}


def test_the_social_care_outcomes_framework_holds_outcomes_only():
    """No guidance document of the project rules social care: its cases get no proposal,
    category or date from rules made up for them."""
    host = make_host(ofsted=inspectorate_ofsted.plugin)
    framework = host.framework("ofsted-sccif-2017")
    for case in sample_cases(framework, nation="england").values():
        result = evaluate(host, case)
        assert (tuple(result.proposals), result.follow_up) == ((), None)
        assert schedule(host, case, dt.date(2018, 6, 1)) == []
