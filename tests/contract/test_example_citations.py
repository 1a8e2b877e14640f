"""Every citation the app shows for the example cases is the sentence its rule rests on, and in
force for the case: its sectors and dates, where the citation knows them, cover the case.

The examples in docs/examples are the app's demo. For each one this walks what an inspector sees
cited: proposals, the follow-up category, findings, scheduled events and the checks of every report
or letter drafted for it. ``RESTS_ON`` says, rule by rule, which citation each must carry; a rule
missing from it fails the test, so a new rule (or a new example) makes the author say which
sentence it rests on. Where no sentence of the guidance states a rule, its citation says the
guidance is silent rather than quoting another sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate.casefile import loads_case
from inspectorate.drafting import draft_report, report_templates
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import NO_GUIDANCE, UNSOURCED, Citation
from inspectorate.plugins import PluginHost
from inspectorate_education_scotland import citations as education_scotland
from inspectorate_estyn import citations as estyn
from inspectorate_eti import citations as eti
from inspectorate_ofsted import citations as ofsted

from tests.support import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.toml"))
TODAY = dt.date(2026, 12, 1)

NAMED = {
    **{f"estyn.{name}": c for name, c in estyn.all_citations().items()},
    **{f"ofsted.{name}": c for name, c in vars(ofsted).items() if isinstance(c, Citation)},
    **{f"eti.{name}": c for name, c in vars(eti).items() if isinstance(c, Citation)},
    **{f"education-scotland.{name}": c for name, c in vars(education_scotland).items() if isinstance(c, Citation)},
}

#: rule id (with the template id for a report's checks) -> the citation it rests on; a rule whose
#: citation depends on the case maps example file names to it.
RESTS_ON = {
    # Education Scotland: important weaknesses bring further inspection, which sets no time.
    "education-scotland.important-weaknesses": "education-scotland.IMPORTANT_WEAKNESSES",
    "education-scotland.further-inspection": "education-scotland.FURTHER_INSPECTION",
    "eti.formal-follow-up-inspection": "eti.FOLLOW_UP_12_18",
    "eti.follow-up-12-18": "eti.FOLLOW_UP_12_18",
    "estyn-consortia-2017.notice": "estyn.CONSORTIUM_NOTICE",
    "estyn-consortia-2017.about-a-year": "estyn.CONSORTIUM_VISIT_ABOUT_A_YEAR",
    "estyn-consortia-2017.final-letter": "estyn.CONSORTIUM_FINAL_LETTER",
    "estyn-consortia-2017.draft-letter": "estyn.CONSORTIUM_DRAFT_LETTER",
    # The core's checks of a declared event cite the event's own sentence.
    "timing.school-terms-unknown": {"estyn-consortium-follow-up-2017-monitoring-visit": "estyn.CONSORTIUM_NOTICE"},
    # Estyn, CIF 2010 and 2017
    "estyn-2010.excellent-needs-sector-leading-practice": "estyn.DESCRIPTORS_2010[excellent]",
    "estyn.case-study-due": "estyn.CASE_STUDY_DUE",
    # Estyn, follow-up of schools and post-16 providers
    "estyn.follow-up-category-set": "estyn.SCHOOL_CATEGORIES",
    "estyn.no-follow-up": {
        # 2022-23: one level of post-16 follow-up is not yet in force (from 26 Feb 2024); the
        # handbook's own sentence on follow-up is the one a partnership's 'none' rests on.
        "estyn-2022-adult-learning-partnership": "estyn.SERIOUS_SHORTCOMINGS",
        "estyn-2024-core-inspection-planned": "estyn.SCHOOL_CATEGORIES",
        "estyn-cif-2010-excellent-school": "estyn.SCHOOL_CATEGORIES",
        "estyn-cif-2017-excellent-case-study": "estyn.SCHOOL_CATEGORIES",
    },
    "estyn.serious-shortcomings-follow-up": "estyn.SERIOUS_SHORTCOMINGS",
    "estyn.post-inspection-action-plan": "estyn.SCHOOL_CATEGORIES",
    "estyn.development-plan-revised": "estyn.DEVELOPMENT_PLAN_REVISED",
    "estyn.notice": "estyn.NOTICE",
    "estyn.publication": "estyn.PUBLICATION",
    "estyn-2024.interim-visit": "estyn.CORE_AND_INTERIM",
    "estyn.wellbeing-letter": "estyn.SAFEGUARDING_CONCERN",
    # Estyn, regional consortia
    "estyn-consortia-2017.limited-progress": "estyn.CONSORTIUM_LIMITED_PROGRESS",
    "estyn-consortia-2017.oral-feedback": "estyn.CONSORTIUM_ORAL_FEEDBACK",
    # Estyn, drafts
    "estyn.report-gaps estyn-2022-alc-report": "estyn.CLEAR_EVALUATION_EACH_AREA",
    "estyn.report-gaps estyn-2024-school-report": "estyn.SCHOOL_REPORT_GAPS",
    "estyn.report-gaps estyn-cif-2010-school-report": "estyn.SCHOOL_REPORT_GAPS",
    "estyn.report-gaps estyn-case-study-invitation": "estyn.EXCELLENT_NEEDS_SECTOR_LEADING",
    "estyn.report-gaps estyn-wellbeing-letter": {
        "estyn-2022-adult-learning-partnership": "estyn.SAFEGUARDING_CONCERN",
        "estyn-2024-core-inspection-planned": "estyn.SAFEGUARDING_CONCERN_ELSEWHERE",
        "estyn-2024-estyn-review": "estyn.SAFEGUARDING_CONCERN_ELSEWHERE",
    },
    "report.word-limit estyn-2022-alc-report": "estyn.OVERVIEW_LENGTH",
    # Ofsted, CIF 2012
    "ofsted-2012.requires-improvement-support": "ofsted.IMPROVEMENT_VISIT",
    "ofsted-2012.inadequate-monitoring": "ofsted.INADEQUATE_MONITORING",
    "ofsted-2012.no-follow-up": "ofsted.NOT_YET_GOOD",
    "ofsted-2012.improvement-visit": "ofsted.IMPROVEMENT_VISIT",
    "ofsted-2012.improvement-letter": "ofsted.IMPROVEMENT_LETTER",
    "ofsted-2012.confirm-in-writing": "ofsted.CONFIRM_IN_WRITING",
    "ofsted-2012.reinspection-notice": "ofsted.REINSPECTION_NOTICE",
    "ofsted-2012.reinspection-ri": "ofsted.REINSPECTION_RI",
    "ofsted-2012.monitoring-visit": "ofsted.INADEQUATE_MONITORING",
    "ofsted-2012.re-inspection": "ofsted.INADEQUATE_MONITORING",
    "report.required-section ofsted-improvement-visit-letter": "ofsted.IMPROVEMENT_LETTER",
    "report.required-section ofsted-monitoring-visit-letter": "ofsted.REPORT_SECTIONS",
    "report.required-section ofsted-cif-2012-inspection-report": "ofsted.REPORT_SECTIONS",
    # Ofsted, EIF 2019 and the renewed framework
    "eif-2019.ineffective-safeguarding": "ofsted.EIF_SAFEGUARDING_INEFFECTIVE",
    "eif-2019.key-judgement-inadequate": "ofsted.EIF_KEY_JUDGEMENT_LIMITS_OVERALL",
    "eif-2019.minor-safeguarding-weaknesses": "ofsted.EIF_SAFEGUARDING_MINOR_WEAKNESSES",
    "ofsted-2024.draft-report-comments": "ofsted.DRAFT_REPORT_COMMENTS",
    "report.required-section ofsted-eif-2019-inspection-report": "ofsted.REPORT_SECTIONS",
    "renewed-2025.fe-urgent-improvement-monitoring": "ofsted.FE_MONITORING_OF_THAT_TYPE",
    # Neither category of the notes applies: the last of their conditions is the one not met.
    "renewed-2025.no-category": "ofsted.REQUIRES_SIGNIFICANT_IMPROVEMENT",
}


@pytest.fixture(scope="module")
def host():
    return PluginHost(environ={}).load_entry_points()


def cited(host, case):
    """(rule, what cites it, citation) for everything the app shows about ``case``."""
    evaluation = evaluate(host, case)
    shown = [(p.rule, f"proposal for {p.area}", p.citation) for p in evaluation.proposals]
    if evaluation.follow_up:
        category = evaluation.follow_up
        shown.append((category.rule, f"follow-up category {category.id}", category.citation))
    shown += [(f.rule, f"finding {f.message!r}", f.citation) for f in evaluation.findings]
    shown += [(e.provenance.rule, f"event {e.id}", e.citation) for e in schedule(host, case, TODAY)]
    for template in report_templates(host):
        if case.framework not in template.frameworks:
            continue
        for lang in template.languages:
            for f in draft_report(host, case, template.id, lang, TODAY).findings:
                shown.append((f"{f.rule} {template.id}", f"{template.id} ({lang}) check {f.message!r}", f.citation))
    return shown


def _name(citation):
    return next((name for name, c in NAMED.items() if c == citation), repr(citation))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_citation_shown_for_an_example_is_the_sentence_its_rule_rests_on(host, path):
    case = loads_case(path.read_text(encoding="utf-8"), host, str(path))
    for rule, what, citation in cited(host, case):
        assert rule in RESTS_ON, f"{path.stem}: {what}: say in RESTS_ON which sentence rule {rule!r} rests on"
        expected = RESTS_ON[rule]
        if isinstance(expected, dict):
            assert path.stem in expected, f"{path.stem}: {what}: say in RESTS_ON[{rule!r}] what it cites here"
            expected = expected[path.stem]
        assert citation == NAMED[expected], f"{path.stem}: {what} cites {_name(citation)}, not {expected}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_citation_shown_for_an_example_is_in_force_for_it(host, path):
    case = loads_case(path.read_text(encoding="utf-8"), host, str(path))
    days = [d for d in (case.dates.start, case.dates.end) if d]
    for _rule, what, citation in cited(host, case):
        name = _name(citation)
        assert citation.covers(case.provider.sector), f"{path.stem}: {what}: {name} does not rule a {case.provider.sector}"
        for day in days:
            assert citation.in_force_on(day), f"{path.stem}: {what}: {name} is not in force on {day}"
        if citation.document == NO_GUIDANCE:
            assert citation.confidence == UNSOURCED and citation.quote.startswith("The guidance is silent")


def test_the_table_names_only_citations_that_exist():
    for rule, expected in RESTS_ON.items():
        for name in expected.values() if isinstance(expected, dict) else [expected]:
            assert name in NAMED, f"{rule}: no citation {name}"
