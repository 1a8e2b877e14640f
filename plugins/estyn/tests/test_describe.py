"""Estyn's follow-up rules in words: ``describe_follow_up_triggers`` and ``describe_timing_rules``.

The descriptions are checked against the rules themselves: every event the scheduler can give and
every category the classifier can give, on cases built to reach each branch and on the example case
files in ``docs/examples``, is described with the same citation, title and day counts; every
description is of something the rules really give; and a rule whose date a setting moves names it.
"""

import datetime as dt
import itertools
import re
from pathlib import Path

import attrs
import inspectorate_estyn.plugin as estyn
import pytest
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import evaluate, schedule, timing_rules
from inspectorate.frameworks import Framework
from inspectorate.model import Evidence, FollowUpRecord, Judgement
from inspectorate.testing import make_case, make_host
from inspectorate.timing import describe
from inspectorate_estyn import citations as cite
from inspectorate_estyn.follow_up import POST_16_CATEGORIES, SCHOOL_CATEGORIES
from inspectorate_estyn.frameworks import SCHOOL_SECTORS

FRAMEWORKS = ["estyn-cif-2010", "estyn-cif-2017", "estyn-2022", "estyn-2024", "estyn-consortium-follow-up-2017"]
INSPECTION_FRAMEWORKS = FRAMEWORKS[:4]
CONSORTIUM = FRAMEWORKS[4]
#: The project's example case files (docs/examples), when this plugin is beside them.
EXAMPLES_FOLDER = Path(__file__).resolve().parents[3] / "docs" / "examples"
EXAMPLES = sorted(EXAMPLES_FOLDER.glob("estyn-*.toml"))
TODAY = dt.date(2025, 6, 2)


def triggers(host, framework_id):
    return estyn.describe_follow_up_triggers(host.framework(framework_id), "en")


def rules(host, framework_id):
    """Every timing rule in words: the core's words for the declarations, and Estyn's for its code."""
    return timing_rules(host, host.framework(framework_id))


def rules_for(event_id, described):
    """The timing rules describing ``event_id``: by id, or by a prefix ending in ``*``."""
    return [r for r in described if r.describes(event_id)]


def working_day_counts(text):
    return set(re.findall(r"\b(\d+) working days\b", text))


# -- cases that reach every branch of the scheduler and the classifier ------------------------


def _inspection_scenarios(framework):
    """Every sector and visit kind, category (none set, or each one by hand, or at a monitoring
    visit), with and without the inspector's calls and 'excellent' grades, at three stages."""
    base = make_case(framework, nation="wales")
    stages = {
        "published": base.dates,
        "unpublished": attrs.evolve(base.dates, published=None),
        "planned": attrs.evolve(base.dates, notified=None, end=None, draft_issued=None, published=None),
        # Between January and September 2024, where the notice-from-2024 setting matters.
        "spring-2024": attrs.evolve(base.dates, notified=None, start=dt.date(2024, 3, 4), end=dt.date(2024, 3, 7),
                                    draft_issued=None, published=None),
    }
    excellent = [Judgement(a.id, "excellent") for a in framework.graded_areas]
    areas = tuple(a.id for a in framework.areas[:1])
    # Sector-leading practice in a key question or area that is not itself judged excellent: the
    # case-study-practice setting decides whether it invites a case study.
    practice = [Evidence(framework.areas[-1].id, "sector-leading-practice", "Peer coaching across the cluster.")]
    calls = {call: areas for call in framework.inspector_calls}
    cases = {}
    for sector, kind in itertools.product(framework.sectors, framework.visit_kinds):
        allowed = SCHOOL_CATEGORIES if sector in SCHOOL_SECTORS else POST_16_CATEGORIES
        records = {"no-category": FollowUpRecord()}
        for category in allowed:
            records[category] = FollowUpRecord(category=category)
            records[f"{category}-at-visit"] = FollowUpRecord(category=category, done={"monitoring-visit": dt.date(2025, 5, 20)})
        for (stage, dates), (record_label, record), with_calls, graded in itertools.product(
            stages.items(), records.items(), (False, True), (False, True)
        ):
            called, grades = ("calls" if with_calls else "no-calls"), ("excellent" if graded else "ungraded")
            label = f"{sector}/{kind}/{stage}/{record_label}/{called}/{grades}"
            cases[label] = attrs.evolve(
                base,
                provider=attrs.evolve(base.provider, sector=sector),
                kind=kind,
                dates=dates,
                follow_up=record,
                inspector_calls=calls if with_calls else {},
                judgements=excellent if graded else [],
                evidence=practice if with_calls else [],
            )
    return cases


def _consortium_scenarios(framework):
    """The visit before it is set, set, held, with the draft letter issued and with the final letter."""
    base = make_case(framework, nation="wales")
    dates = base.dates
    stages = {
        "not-set": attrs.evolve(dates, notified=None, start=None, end=None, draft_issued=None, published=None),
        "set": attrs.evolve(dates, notified=None, end=None, draft_issued=None, published=None),
        "notified": attrs.evolve(dates, end=None, draft_issued=None, published=None),
        "held": attrs.evolve(dates, draft_issued=None, published=None),
        "draft-issued": attrs.evolve(dates, published=None),
        "final-letter": dates,
    }
    inspected = FollowUpRecord(done={"original-inspection": dt.date(2024, 3, 8)})
    return {
        f"{stage}/{'inspection-recorded' if record.done else 'inspection-unrecorded'}": attrs.evolve(base, dates=d, follow_up=record)
        for (stage, d), record in itertools.product(stages.items(), (FollowUpRecord(), inspected))
    }


def scenarios(host, framework_id):
    framework = host.framework(framework_id)
    if framework_id == CONSORTIUM:
        return _consortium_scenarios(framework)
    return _inspection_scenarios(framework)


@pytest.fixture(scope="module")
def scheduled():
    """framework id -> [(label, case, events)] over every scenario."""
    host = make_host(estyn=estyn)
    return {
        framework_id: [(label, case, schedule(host, case, TODAY)) for label, case in scenarios(host, framework_id).items()]
        for framework_id in FRAMEWORKS
    }


# -- the rules the brief names -------------------------------------------------------------------


def test_special_measures_trigger_2010_needs_an_action_plan_within_20_working_days(host):
    """DOMAIN-NOTES.md, Follow-up for schools: "special measures (statutory; a post-inspection action plan within 20 working days)"."""
    trigger = next(t for t in triggers(host, "estyn-cif-2010") if t.category == "special-measures")
    assert trigger.statutory
    assert trigger.name == "Special measures"
    assert "20 working days" in trigger.when
    assert trigger.citation == cite.SCHOOL_CATEGORIES
    assert trigger.citation.document == "DOMAIN-NOTES.md"
    assert "20 working days" in trigger.citation.quote


def test_action_plan_rule_2010_is_20_working_days_from_publication_by_default(host):
    (rule, at_visit) = rules_for("action-plan", rules(host, "estyn-cif-2010"))
    assert "the monitoring visit" in at_visit.basis and at_visit.statutory
    assert rule.statutory
    assert "20 working days" in rule.basis
    assert rule.basis.index("publication of the report") < rule.basis.index("the last day on site")  # the default first
    assert rule.setting == "action-plan-anchor"
    assert rule.citation == cite.SCHOOL_CATEGORIES
    assert rule.citation.document == "DOMAIN-NOTES.md"
    assert "special measures" in rule.applies_when


def test_development_plan_rule_cites_the_welsh_government_guidance(host):
    """welsh-government-2022-school-improvement-guidance.txt: "This should be done within 20 working days,"."""
    for framework_id in INSPECTION_FRAMEWORKS:
        (rule,) = rules_for("development-plan", rules(host, framework_id))
        assert rule.citation.document == "welsh-government-2022-school-improvement-guidance.txt"
        assert rule.statutory and "20 working days" in rule.basis
        assert rule.setting == "development-plan-anchor"


@pytest.mark.parametrize("framework_id, days", [("estyn-cif-2010", {"20"}), ("estyn-cif-2017", {"15"}),
                                                ("estyn-2022", {"10", "15"}), ("estyn-2024", {"10", "5"})])
def test_notice_rules_state_each_framework_s_notice(host, framework_id, days):
    """DOMAIN-NOTES.md, Notice: "20 working days before 2017, 15 from Sept 2017, 10 from 2024; interim visits 5 days."."""
    notice = rules_for("inspection-notice", rules(host, framework_id))
    assert set().union(*(working_day_counts(r.basis) for r in notice)) == days
    assert all(r.citation == cite.NOTICE for r in notice)
    assert {r.setting for r in notice} == ({"notice-from-2024"} if framework_id == "estyn-2022" else {""})


def test_consortium_rules_state_the_2017_guidance_s_days(host):
    described = {r.event: r for r in rules(host, CONSORTIUM)}
    assert "10 working days" in described["draft-letter"].basis
    assert "20 working days" in described["final-letter"].basis
    assert described["draft-letter"].citation == cite.CONSORTIUM_DRAFT_LETTER
    assert described["monitoring-visit"].setting == "about-a-year"
    assert "11 to 13 calendar months" in described["monitoring-visit"].basis  # the default reading first
    assert all(r.citation.document == cite.CONSORTIA_2017 for r in described.values())


def test_consortia_are_in_no_follow_up_category(host):
    """2017 consortia guidance: "consortia are not in formal follow-up categories"."""
    assert triggers(host, CONSORTIUM) == []


def test_frameworks_not_estyn_s_are_left_to_their_plugins():
    other = Framework(id="ofsted-eif-2019", regime="ofsted", names={"en": "EIF"}, sectors=["school"])
    assert estyn.describe_follow_up_triggers(other, "en") is None
    assert estyn.describe_timing_rules(other, "en") is None


def test_setting_words_follow_the_framework_s_default(host):
    """The basis is read from the framework's setting, so a changed default changes the words."""
    framework = host.framework("estyn-cif-2010")
    setting = dict(framework.settings["action-plan-anchor"], default="inspection-end")
    swapped = attrs.evolve(framework, settings={**framework.settings, "action-plan-anchor": setting})
    (rule, _) = rules_for("action-plan", describe(estyn.declare_timing_rules(swapped, "en"), swapped))
    assert rule.basis.index("the last day on site") < rule.basis.index("publication of the report")


# -- every event and category the rules give is described, and nothing else ---------------------


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_event_the_rules_can_schedule_is_described(host, scheduled, framework_id):
    described = rules(host, framework_id)
    given = set()
    for label, _case, events in scheduled[framework_id]:
        for event in events:
            assert rules_for(event.id, described), f"{label}: {event.id} is not described"
            given.add(event.id)
    # ... and every description is of an event the rules really give.
    assert {r.event for r in described} == given


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_each_description_matches_the_event_s_citation_title_and_day_counts(host, scheduled, framework_id):
    described = rules(host, framework_id)
    for label, _case, events in scheduled[framework_id]:
        for event in events:
            matching = [
                r for r in rules_for(event.id, described)
                if r.citation == event.citation
                and event.title.startswith(r.title)
                and r.statutory == event.statutory
                and working_day_counts(event.basis) <= working_day_counts(r.basis)
            ]
            assert matching, f"{label}: no description of {event.id} has its citation, title and day counts ({event.basis!r})"


@pytest.mark.parametrize("framework_id", INSPECTION_FRAMEWORKS)
def test_every_category_the_rules_can_give_is_described_with_one_of_its_citations(host, scheduled, framework_id):
    described = {t.category: t for t in triggers(host, framework_id)}
    assert len(described) == len(triggers(host, framework_id))  # one description a category
    citations = {}
    for label, case, _events in scheduled[framework_id]:
        category = evaluate(host, case).follow_up
        assert category.id in described, f"{label}: {category.id} is not described"
        assert described[category.id].statutory == category.statutory
        citations.setdefault(category.id, set()).add(category.citation)
    assert set(described) == set(citations)  # nothing described that the rules never give
    for category_id, trigger in described.items():
        assert trigger.name and trigger.when
        assert trigger.citation in citations[category_id], category_id


def test_post_16_follow_up_is_described_only_where_the_framework_has_post_16_sectors(host):
    with_post_16 = {f for f in INSPECTION_FRAMEWORKS if "follow-up-activity" in {t.category for t in triggers(host, f)}}
    assert with_post_16 == {"estyn-cif-2010", "estyn-2022"}


@pytest.mark.skipif(not EXAMPLES, reason="the project's docs/examples are not beside this plugin")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_event_of_the_example_cases_is_described(host, path):
    case = read_case_file(path, host)
    described = rules(host, case.framework)
    for today in (dt.date(2010, 9, 1), TODAY, dt.date(2031, 1, 1)):
        events = schedule(host, case, today)
        assert events or case.dates.published, path.name
        for event in events:
            assert rules_for(event.id, described), f"{path.name}: {event.id} is not described"
    category = evaluate(host, case).follow_up
    if category is not None:
        assert category.id in {t.category for t in triggers(host, case.framework)}


# -- settings --------------------------------------------------------------------------------------


def _dates_by_reading(host, case, setting_id):
    framework = host.framework(case.framework)
    found, readings = {}, framework.settings[setting_id]["readings"]
    for reading in readings:
        flipped = attrs.evolve(case, settings={**case.settings, setting_id: reading})
        for event in schedule(host, flipped, TODAY):
            found.setdefault(event.id, {})[reading] = (event.earliest, event.latest)
    # An event one reading gives and another does not is moved by the setting too (the case study).
    return {event_id: set(by.values()) | ({"absent"} if len(by) < len(readings) else set())
            for event_id, by in found.items()}


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_timing_rules_name_the_setting_that_moves_their_date(host, scheduled, framework_id):
    """A date that moves with a setting's reading is described by a rule naming that setting, and a
    rule that names a setting is one whose date the setting really moves."""
    framework = host.framework(framework_id)
    described = rules(host, framework_id)
    moved = {}  # setting -> event ids it moves
    cases = [case for _label, case, _events in scheduled[framework_id]]
    for setting_id in framework.settings:
        for case in cases:
            for event_id, dates in _dates_by_reading(host, case, setting_id).items():
                if len(dates) > 1:
                    moved.setdefault(setting_id, set()).add(event_id)
    named = {}
    for rule in described:
        if rule.setting:
            assert rule.setting in framework.settings
            named.setdefault(rule.setting, set()).add(rule.event)
    assert moved == named
    assert set(moved) == set(framework.settings)  # every Estyn setting is a timing setting


def test_a_scheduled_reading_names_the_rule_s_setting(host, scheduled):
    """An event that records the reading it used is described by a rule naming that setting."""
    for framework_id in FRAMEWORKS:
        framework = host.framework(framework_id)
        described = rules(host, framework_id)
        for label, _case, events in scheduled[framework_id]:
            for event in events:
                reading = event.provenance.reading
                settings = {s for s, spec in framework.settings.items() if reading in spec["readings"]}
                if reading and settings:
                    assert {r.setting for r in rules_for(event.id, described)} & settings, f"{label}: {event.id}"


def test_comparable_kinds_map_estyn_s_own_evidence_to_the_common_kinds(host):
    for framework_id in FRAMEWORKS:
        assert dict(host.framework(framework_id).comparable_kinds) == {
            "important-area-for-improvement": "area-for-improvement",
            "sector-leading-practice": "strength",
            "safeguarding-concern": "area-for-improvement",
        }
