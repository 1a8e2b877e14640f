"""Ofsted's follow-up in words (hook API 1.1): every category it classifies, every event it schedules.

Sources: the 2013 support-and-challenge guidance (CIF 2012, each timing rule cites its paragraph)
and DOMAIN-NOTES.md (the later frameworks). The descriptions are the same constants the rules
date and classify with, so these tests check that what is described is what is scheduled.
"""

import datetime as dt
import itertools
import types
from pathlib import Path

import attrs
import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import evaluate, schedule, timing_rules
from inspectorate.model import (
    FollowUpRecord,
    FollowUpTrigger,
    InspectionDates,
    Judgement,
    Provider,
)
from inspectorate.plugins import PluginHost
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite

#: The project's example case files; none when the plugin is copied out on its own.
EXAMPLES = sorted((Path(__file__).resolve().parents[3] / "docs" / "examples").glob("ofsted-*.toml"))
FRAMEWORKS = ("ofsted-cif-2012", "ofsted-eif-2019", "ofsted-renewed-2025")
CIF_DATES = InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8), published=dt.date(2013, 4, 12))
RENEWED_DATES = InspectionDates(start=dt.date(2026, 1, 20), end=dt.date(2026, 1, 22), draft_issued=dt.date(2026, 2, 9),
                                published=dt.date(2026, 3, 4))
#: Every follow-up record that sends the CIF 2012 schedule down another path.
CIF_RECORDS = {
    "nothing done": FollowUpRecord(),
    "visited, further visits": FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2),
                                                    "further-visit-1": dt.date(2013, 9, 26),
                                                    "further-visit-2": dt.date(2013, 12, 5)}),
    "brought forward": FollowUpRecord(done={"re-inspection-brought-forward": dt.date(2013, 10, 1)}),
    "notice given": FollowUpRecord(done={"re-inspection-notice": dt.date(2014, 4, 17)}),
}


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


def _timing_rules(host, framework):
    return timing_rules(host, framework)


def _triggers(host, framework):
    return host.collect("describe_follow_up_triggers", expect=FollowUpTrigger, framework=framework)


def _rules_for(event_id, rules):
    """The timing rules describing ``event_id``: by its id, or by a prefix ending in ``*``."""
    return [r for r in rules if r.describes(event_id)]


def _cif_cases(framework):
    """CIF 2012 cases down every path of the schedule: each overall grade, record and setting reading."""
    readings = [[(key, r) for r in framework.settings[key]["readings"]] for key in sorted(framework.settings)]
    for overall in ("outstanding", "good", "requires-improvement", "inadequate"):
        for (label, record), settings in itertools.product(CIF_RECORDS.items(), itertools.product(*readings)):
            case = make_case(framework, nation="england", dates=CIF_DATES, follow_up=record, settings=dict(settings),
                             judgements=[Judgement("overall-effectiveness", overall)])
            yield f"{overall}, {label}, {dict(settings)}", case


def _scheduled_is_described(host, framework, case, where):
    rules = _timing_rules(host, framework)
    events = schedule(host, case, today=dt.date(2014, 1, 6))
    for event in events:
        matching = _rules_for(event.id, rules)
        assert matching, f"{where}: event {event.id!r} is not described"
        # The event's citation is one its rules give; its words are theirs where the id is exact.
        assert event.citation in {r.citation for r in matching}, f"{where}: {event.id} cites another sentence"
        exact = [r for r in matching if r.event == event.id]
        if exact:
            # A description gives every reading; the event's words are those of the reading it used.
            # ... less the day a rule it follows opened the window ("not before ..., after the request").
            words = event.basis.split(" (not before ")[0]
            assert any(words in r.basis for r in exact), f"{where}: {event.id} basis {event.basis!r} not described"
            assert event.title in {r.title for r in exact}, f"{where}: {event.id} title not described"
    return events


# -- the CIF 2012 timing rules say what the 2013 guidance says --------------------------------------


def test_improvement_visit_rule_is_10_to_30_working_days_after_publication_from_paragraph_10(host, guidance_text):
    """Paragraph 10: "...normally between 10 and 30 working days after the publication of the inspection report." """
    [rule] = [r for r in _timing_rules(host, host.framework("ofsted-cif-2012")) if r.event == "improvement-visit"]
    assert "10 to 30 working days after publication of the report" in rule.basis
    assert "requires improvement" in rule.applies_when
    assert rule.citation == cite.IMPROVEMENT_VISIT
    assert (rule.citation.document, rule.citation.locator) == (cite.SUPPORT_AND_CHALLENGE_2013, "paragraph 10")
    assert "between 10 and 30 working days after the publication" in rule.citation.quote
    assert rule.citation.quote in guidance_text(rule.citation.document)
    assert rule.setting == "" and not rule.statutory


@pytest.mark.parametrize(
    ("event", "words", "citation"),
    [
        ("improvement-letter", "within 5 working days of the improvement visit", cite.IMPROVEMENT_LETTER),
        ("re-inspection-notice", "2 working days before the re-inspection", cite.REINSPECTION_NOTICE),
        ("monitoring-visit", "6 to 8 calendar months after", cite.INADEQUATE_MONITORING),
    ],
)
def test_cif_2012_timing_rules_quote_their_paragraph(host, event, words, citation):
    """Paragraphs 2, 12 and 14 of the 2013 guidance."""
    [rule] = [r for r in _timing_rules(host, host.framework("ofsted-cif-2012")) if r.event == event]
    assert words in rule.basis and rule.citation == citation


def test_cif_2012_re_inspection_has_a_rule_for_each_way_its_date_is_set(host):
    """Paragraphs 2 and 12: 12 to 18 months (requires improvement), 12 to 15 (inadequate), brought forward, after notice."""
    rules = {r.basis.split(" (")[0]: r for r in _timing_rules(host, host.framework("ofsted-cif-2012")) if r.event == "re-inspection"}
    assert rules["12 to 18 calendar months after the last day on site"].citation == cite.REINSPECTION_RI
    assert rules["12 to 15 calendar months after the last day on site"].citation == cite.INADEQUATE_MONITORING
    assert "inadequate" in rules["12 to 15 calendar months after the last day on site"].applies_when
    brought_forward = next(r for b, r in rules.items() if b.startswith("brought forward from the 12 to 18 months window"))
    assert brought_forward.citation == cite.BRING_FORWARD
    assert rules["2 working days after the two working days' notice of the re-inspection"].citation == cite.REINSPECTION_NOTICE


# -- every event the scheduler can produce is described ---------------------------------------------


def test_every_cif_2012_event_on_every_path_is_described_in_the_same_words(host):
    framework = host.framework("ofsted-cif-2012")
    seen = set()
    for where, case in _cif_cases(framework):
        seen |= {e.id for e in _scheduled_is_described(host, framework, case, where)}
    assert seen == {"improvement-visit", "improvement-letter", "further-visit-1-letter", "further-visit-2-letter",
                    "re-inspection", "re-inspection-notice", "monitoring-visit"}


def test_every_timing_rule_is_one_the_scheduler_uses(host):
    """No description of an event the rules never schedule: each CIF 2012 rule's words appear on some path."""
    framework = host.framework("ofsted-cif-2012")
    scheduled = {(e.id, e.basis, e.citation) for _, case in _cif_cases(framework) for e in schedule(host, case)}
    for rule in _timing_rules(host, framework):
        if "*" in rule.event:
            assert any(_rules_for(event_id, [rule]) and c == rule.citation for event_id, _, c in scheduled), rule.event
        else:
            assert any(e == rule.event and b in rule.basis and c == rule.citation for e, b, c in scheduled), (
                f"{rule.event}: {rule.basis}")


@pytest.mark.parametrize("framework_id", ["ofsted-eif-2019", "ofsted-renewed-2025"])
def test_the_draft_report_deadline_is_described_under_the_later_frameworks(host, framework_id):
    """DOMAIN-NOTES.md [M]: "Since 5 Apr 2024: 5 working days to comment on a draft report;" """
    framework = host.framework(framework_id)
    [rule] = _timing_rules(host, framework)
    assert (rule.event, rule.citation) == ("draft-report-comments", cite.DRAFT_REPORT_COMMENTS)
    assert "5 working days" in rule.basis and "5 April 2024" in rule.applies_when
    case = make_case(framework, nation="england", dates=RENEWED_DATES)
    [event] = _scheduled_is_described(host, framework, case, framework_id)
    assert event.id == "draft-report-comments"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_event_and_category_of_the_examples_is_described(example):
    host = PluginHost(environ={}).load_entry_points()
    case = read_case_file(example, host)
    framework = host.framework(case.framework)
    _scheduled_is_described(host, framework, case, example.name)
    category = evaluate(host, case).follow_up
    if category is not None:
        assert category.id in {t.category for t in _triggers(host, framework)}, f"{example.name}: {category.id}"
    assert not host.problems


# -- a rule whose date a setting moves names that setting ---------------------------------------------


def _describing(event, rules):
    """The rules describing ``event``: those of its id with its very words, else every rule matching its id."""
    matching = _rules_for(event.id, rules)
    return [r for r in matching if r.event == event.id and event.basis in r.basis] or matching


def test_timing_rules_name_the_setting_that_moves_their_date(host):
    """Change one setting's reading on every CIF 2012 path: the events it moves are those whose rule names it."""
    framework = host.framework("ofsted-cif-2012")
    rules = _timing_rules(host, framework)
    moved = {key: set() for key in framework.settings}
    for where, case in _cif_cases(framework):
        for key, setting in framework.settings.items():
            if case.settings[key] != setting["default"]:
                continue
            before = {e.id: e for e in schedule(host, case)}
            for reading in setting["readings"]:
                other = attrs.evolve(case, settings={**case.settings, key: reading})
                for event in schedule(host, other):
                    if (event.earliest, event.latest) == (before[event.id].earliest, before[event.id].latest):
                        continue
                    moved[key].add(event.id)
                    for rule in _describing(before[event.id], rules) + _describing(event, rules):
                        assert rule.setting == key, f"{where}: {key} moves {event.id}; '{rule.basis}' does not name it"
    assert moved == {
        "reinspection-anchor": {"re-inspection", "re-inspection-notice", "monitoring-visit"},
        "further-visit-confirmation": {"further-visit-1-letter", "further-visit-2-letter"},
    }
    # The improvement visit counts from publication whatever the reading, its letter from the visit.
    assert not any(r.setting for r in rules if r.event in ("improvement-visit", "improvement-letter"))


def test_every_setting_named_is_one_the_framework_has(host):
    for framework_id in FRAMEWORKS:
        framework = host.framework(framework_id)
        for rule in _timing_rules(host, framework):
            assert not rule.setting or rule.setting in framework.settings, f"{framework_id}: {rule.event}"


# -- every category the rules can give is described ---------------------------------------------------

SCHOOL = {"inclusion": "expected-standard", "curriculum-and-teaching": "expected-standard",
          "achievement": "expected-standard", "attendance-and-behaviour": "strong-standard",
          "personal-development-and-well-being": "strong-standard", "leadership-and-governance": "expected-standard",
          "safeguarding": "met"}
COLLEGE = {"inclusion": "strong-standard", "leadership-and-governance": "expected-standard",
           "contribution-to-meeting-skills-needs": "expected-standard", "safeguarding": "met"}
RENEWED = [
    ("school", SCHOOL, {}, ("none", "No category")),
    ("school", {}, {}, ("none", "No category")),
    ("school", {**SCHOOL, "achievement": "urgent-improvement"}, {},
     ("requires-significant-improvement", "Requires significant improvement")),
    ("school", {**SCHOOL, "safeguarding": "not-met"}, {},
     ("requires-significant-improvement", "Requires significant improvement")),
    ("school", {**SCHOOL, "safeguarding": "not-met"}, {"special-measures-reading": "either"},
     ("special-measures", "Special measures")),
    ("school", {**SCHOOL, "leadership-and-governance": "urgent-improvement", "achievement": "urgent-improvement"}, {},
     ("special-measures", "Special measures")),
    ("further-education", COLLEGE, {}, ("none", "No monitoring")),
    ("further-education", {**COLLEGE, "inclusion": "needs-attention"}, {},
     ("needs-attention-monitoring", "Needs attention monitoring")),
    ("further-education", {**COLLEGE, "inclusion": "urgent-improvement", "safeguarding": "not-met"}, {},
     ("urgent-improvement-monitoring", "Urgent improvement monitoring")),
    ("further-education", {**COLLEGE, "inclusion": "urgent-improvement", "safeguarding": "not-met"},
     {"fe-monitoring-when-both": "safeguarding"}, ("safeguarding-monitoring", "Safeguarding not met monitoring")),
]


@pytest.mark.parametrize(("sector", "grades", "settings", "expected"), RENEWED)
def test_every_renewed_2025_category_is_described_with_the_name_and_citation_it_is_given(
    host, sector, grades, settings, expected
):
    """DOMAIN-NOTES.md: school categories [M] and FE and skills monitoring [H]."""
    framework = host.framework("ofsted-renewed-2025")
    case = make_case(framework, dates=RENEWED_DATES, provider=Provider(name="Moorside", sector=sector),
                     judgements=[Judgement(a, g) for a, g in grades.items()], settings=settings)
    category = evaluate(host, case).follow_up
    assert (category.id, category.name) == expected
    [trigger] = [t for t in _triggers(host, framework) if (t.category, t.name) == expected]
    assert (trigger.citation, trigger.statutory) == (category.citation, category.statutory)


def test_renewed_2025_triggers_are_all_reached_and_categories_are_statutory():
    triggers = ofsted.renewed_2025.TRIGGERS
    assert {(t.category, t.name) for t in triggers} == {expected for *_, expected in RENEWED}
    statutory = {t.category for t in triggers if t.statutory}
    assert statutory == {"special-measures", "requires-significant-improvement"}
    [special] = [t for t in triggers if t.category == "special-measures"]
    assert "special-measures-reading" in special.when and special.citation == cite.SPECIAL_MEASURES


@pytest.mark.parametrize(
    ("overall", "expected", "citation"),
    [
        ("requires-improvement", "requires-improvement-support", cite.IMPROVEMENT_VISIT),
        ("inadequate", "inadequate-monitoring", cite.INADEQUATE_MONITORING),
        ("good", "none", cite.NOT_YET_GOOD),
        (None, "none", cite.NOT_YET_GOOD),
    ],
)
def test_every_cif_2012_category_is_described(host, overall, expected, citation):
    """Paragraphs 2, 7 and 10 of the 2013 guidance: good or better brings no additional challenge and support."""
    framework = host.framework("ofsted-cif-2012")
    judgements = [Judgement("overall-effectiveness", overall)] if overall else []
    category = evaluate(host, make_case(framework, dates=CIF_DATES, judgements=judgements)).follow_up
    [trigger] = [t for t in _triggers(host, framework) if t.category == expected]
    assert (category.id, category.name, category.citation) == (expected, trigger.name, citation)
    assert trigger.citation == citation and not trigger.statutory


def test_agreed_actions_have_no_common_counterpart(host):
    """An agreed action is CIF 2012's own kind: it is not mapped, so comparing lists it as not carried."""
    framework = host.framework("ofsted-cif-2012")
    assert "agreed-action" in framework.evidence_kinds
    assert "agreed-action" not in framework.comparable_kinds


# -- frameworks not Ofsted's ----------------------------------------------------------------------------


def test_frameworks_not_ofsteds_are_left_to_their_plugin():
    other = types.SimpleNamespace(id="estyn-2024")
    assert ofsted.describe_timing_rules(other) is None
    assert ofsted.describe_follow_up_triggers(other) is None


def test_eif_2019_describes_no_category_because_it_classifies_none(host):
    framework = host.framework("ofsted-eif-2019")
    assert _triggers(host, framework) == []
    assert evaluate(host, make_case(framework, nation="england")).follow_up is None
