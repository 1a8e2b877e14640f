"""The conformance suite every regime plugin subclasses.

It loads the plugin alone in a strict host (so any exception inside a hook fails the test) and
checks what every inspector and every other part of the app relies on: frameworks that load with
ids and names for every scale and area, rules that run on sample cases of every framework and
cite their sources, follow-up events that carry provenance and move with the calendar they are
given, templates that render in every language they declare, in every branch the sample cases
reach (mixed grades, unpublished, follow-up done), and pass their own checks on a complete case,
templates only for frameworks that exist, and hooks that leave another regime's cases alone.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from inspectorate.calendar import WorkingCalendar
from inspectorate.calendar.bank_holidays import BankHolidaySource
from inspectorate.compare.themes import COMMON_KINDS, COMMON_THEMES
from inspectorate.drafting import draft_report, plugin_templates
from inspectorate.evaluation import calendar_for_case, declarations, evaluate, schedule, timing_rules
from inspectorate.model import (
    Citation,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    FollowUpTrigger,
    ProgressEntry,
    Proposal,
)
from inspectorate.reports import ReportError, check_rendered
from inspectorate.testing.builders import sample_cases
from inspectorate.testing.hosts import make_host
from inspectorate.timing import CASE_DATES, Recorded, Timing

TODAY = dt.date(2025, 6, 2)


def _check_citation(citation: Citation, where: str) -> None:
    assert isinstance(citation, Citation), f"{where}: citation must be a Citation"
    assert citation.document.strip(), f"{where}: citation names no document"
    assert citation.quote.strip(), f"{where}: citation quotes no sentence"


def _working_days_after(first: dt.date, last: dt.date, calendar) -> list[dt.date]:
    """The working days after ``first`` up to ``last``."""
    days = (first + dt.timedelta(days=n) for n in range(1, (last - first).days + 1))
    return [day for day in days if calendar.is_working_day(day)]


class _ClosedDays(BankHolidaySource):
    """A division's bank holidays and, besides, ``closed`` days: another calendar a schedule is given."""

    def __init__(self, division: str, closed: list[dt.date]) -> None:
        super().__init__(division)
        self.closed = dict.fromkeys(closed, "Closure (conformance suite)")
        self.description += f", and {len(closed)} days closed by the conformance suite"

    def for_years(self, first: int, last: int) -> dict[dt.date, str]:
        within = {day: name for day, name in self.closed.items() if first <= day.year <= last}
        return {**super().for_years(first, last), **within}


class RegimeConformance:
    """Subclass with ``plugin`` (the module or object holding the hook implementations) and
    ``regime_id``. Override :meth:`cases` to add sample cases of your own."""

    plugin: object = None
    regime_id: str = ""

    # -- helpers ---------------------------------------------------------------------------------

    @pytest.fixture
    def host(self):
        assert self.plugin is not None, "set `plugin` on your conformance class"
        return make_host(**{self.regime_id or "plugin": self.plugin})

    @pytest.fixture
    def regime(self, host):
        regime = host.regime(self.regime_id)
        assert regime is not None, f"the plugin registered no regime {self.regime_id!r}"
        return regime

    def cases(self, framework, regime):
        """Sample cases for ``framework``: by default, :func:`sample_cases` in the regime's first nation."""
        return sample_cases(framework, nation=regime.nations[0] if regime.nations else None)

    def cases_with_follow_up_done(self, host, framework, regime):
        """:meth:`cases` and, for each with follow-up events, the same case with every event
        recorded done on its last day: the branches a template or rule takes once follow-up is done."""
        cases = dict(self.cases(framework, regime))
        for label, case in list(cases.items()):
            done = {e.id: e.latest for e in schedule(host, case, TODAY) if e.latest and not any(c in e.id for c in "*{")}
            if done:
                cases[f"{label}-follow-up-done"] = attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done=done))
        return cases

    def complete_cases(self, host, framework, regime):
        """Each judged sample case as it stands once everything is done: every dated follow-up
        event recorded done on its last day, and every recommendation's progress judged (on the
        last of those days, else the publication day). A template's own checks must pass on these."""
        complete = {}
        for label, case in self.cases(framework, regime).items():
            if not case.judgements:
                continue
            done = {e.id: e.latest for e in schedule(host, case, TODAY) if e.latest and not any(c in e.id for c in "*{")}
            visited = max(done.values(), default=case.dates.published or TODAY)
            judged = framework.progress_scale[0] if framework.progress_scale else "Some progress"
            recommendations = [attrs.evolve(r, progress=(*r.progress, ProgressEntry(visited, judged, "Sample note.")))
                               for r in case.recommendations]
            complete[f"{label}-complete"] = attrs.evolve(
                case, recommendations=recommendations, follow_up=attrs.evolve(case.follow_up, done=done))
        return complete

    # -- the suite -------------------------------------------------------------------------------

    def test_regime_registers_with_names_and_nations(self, host, regime):
        assert not host.problems
        assert regime.names.get("en"), "the regime needs an English name"
        assert regime.nations, "the regime needs the nations it inspects"
        assert regime.frameworks, "the regime needs at least one framework"

    def test_frameworks_load_with_ids_and_names(self, regime):
        ids = [f.id for f in regime.frameworks]
        assert len(ids) == len(set(ids)), f"framework ids repeat: {ids}"
        for framework in regime.frameworks:
            assert framework.regime == regime.id
            assert framework.names.get("en"), f"{framework.id} has no English name"
            assert framework.sectors, f"{framework.id} names no sector"
            assert framework.areas, f"{framework.id} has no areas"
            for scale in framework.scales:
                assert scale.grades, f"{framework.id}: scale {scale.id} has no grades"
                ranks = [g.rank for g in scale.grades]
                assert len(ranks) == len(set(ranks)), f"{framework.id}: scale {scale.id} repeats a rank"
                for grade in scale.grades:
                    assert grade.id and grade.names.get("en"), f"{framework.id}: grade without id or name"
            area_ids = [a.id for a in framework.areas]
            assert len(area_ids) == len(set(area_ids)), f"{framework.id}: area ids repeat"
            for area in framework.areas:
                assert area.id and area.names.get("en"), f"{framework.id}: area without id or name"
                if area.scale:
                    assert framework.scale(area.scale), f"{framework.id}: area {area.id} names unknown scale"
                if area.parent:
                    assert framework.area(area.parent), f"{framework.id}: area {area.id} names unknown parent"

    def test_languages_cover_every_name(self, regime):
        for framework in regime.frameworks:
            for lang in regime.languages:
                for area in framework.areas:
                    assert area.names.get(lang), f"{framework.id}: area {area.id} has no {lang} name"
                for scale in framework.scales:
                    for grade in scale.grades:
                        assert grade.names.get(lang), f"{framework.id}: grade {grade.id} has no {lang} name"

    def test_evaluate_runs_on_sample_cases_of_every_framework(self, host, regime):
        for framework in regime.frameworks:
            for label, case in self.cases(framework, regime).items():
                where = f"{framework.id}/{label}"
                result = evaluate(host, case)
                for proposal in result.proposals:
                    assert isinstance(proposal, Proposal), where
                    assert framework.area(proposal.area), f"{where}: proposal for unknown area {proposal.area}"
                    _check_citation(proposal.citation, f"{where} proposal {proposal.rule}")
                for finding in result.findings:
                    assert isinstance(finding, Finding), where
                    _check_citation(finding.citation, f"{where} finding {finding.rule}")
                if result.follow_up is not None:
                    assert isinstance(result.follow_up, FollowUpCategory), where
                    _check_citation(result.follow_up.citation, f"{where} follow-up")
        assert not host.problems

    def test_schedule_runs_with_provenance(self, host, regime):
        for framework in regime.frameworks:
            for label, case in self.cases(framework, regime).items():
                where = f"{framework.id}/{label}"
                for event in schedule(host, case, TODAY):
                    assert isinstance(event, FollowUpEvent), where
                    assert event.id and event.title and event.basis, f"{where}: event without id/title/basis"
                    _check_citation(event.citation, f"{where} event {event.id}")
                    assert event.provenance.rule and event.provenance.calendar, f"{where}: {event.id} lacks provenance"
                    if event.earliest and event.latest:
                        assert event.earliest <= event.latest, f"{where}: {event.id} window is back to front"

    def test_every_template_renders_in_every_language(self, host, regime):
        frameworks = {f.id: f for f in regime.frameworks}
        templates = [t for t in plugin_templates(host) if set(t.frameworks) & set(frameworks)]
        for template in templates:
            assert template.path(template.languages[0]).parent.is_dir(), f"{template.id}: no template folder"
            for framework_id in template.frameworks:
                framework = frameworks.get(framework_id)
                if framework is None:
                    continue
                for label, case in self.cases_with_follow_up_done(host, framework, regime).items():
                    for lang in template.languages:
                        try:
                            drafted = draft_report(host, case, template.id, lang, TODAY)
                        except ReportError as error:
                            pytest.fail(f"{template.id} ({lang}) fails on the sample case {label!r}: {error}")
                        assert drafted.text.strip(), f"{template.id} ({lang}) rendered nothing for {label}"
        assert not host.problems

    def test_every_template_passes_its_own_checks_on_complete_cases(self, host, regime):
        """A complete case (:meth:`complete_cases`) drafts a report its own checks (required
        sections, word limits) find no error in: otherwise every inspector gets the error, whatever
        they write. (An unfinished case may leave a required section empty: that is the check working.)"""
        frameworks = {f.id: f for f in regime.frameworks}
        for template in plugin_templates(host):
            for framework in (frameworks[f] for f in template.frameworks if f in frameworks):
                for label, case in self.complete_cases(host, framework, regime).items():
                    for lang in template.languages:
                        text = draft_report(host, case, template.id, lang, TODAY).text
                        errors = [f.message for f in check_rendered(template, text) if f.severity == "error"]
                        assert not errors, (
                            f"{template.id} ({lang}) on the sample case {label!r}: its own checks find "
                            f"{'; '.join(errors)}. Each required section needs a '<!-- section: ID -->' mark "
                            "with words after it in every branch the template takes"
                        )

    def test_areas_map_to_common_themes(self, regime):
        for framework in regime.frameworks:
            for area in framework.areas:
                unknown = [t for t in area.themes if t not in COMMON_THEMES]
                assert not unknown, f"{framework.id}: area {area.id} names themes outside the common ones: {unknown}"
            for kind, common in framework.comparable_kinds.items():
                assert kind in framework.evidence_kinds, f"{framework.id}: comparable_kinds names unknown kind {kind}"
                assert common in COMMON_KINDS, f"{framework.id}: {kind} compares as {common}, not a common kind"

    def test_every_follow_up_category_is_described(self, host, regime):
        for framework in regime.frameworks:
            triggers = host.collect("describe_follow_up_triggers", expect=FollowUpTrigger, framework=framework)
            for trigger in triggers:
                assert trigger.category and trigger.name and trigger.when, f"{framework.id}: trigger without words"
                _check_citation(trigger.citation, f"{framework.id} trigger {trigger.category}")
                if trigger.setting:
                    assert trigger.setting in framework.settings, f"{framework.id}: {trigger.category} names unknown setting"
            categories = {t.category for t in triggers}
            for label, case in self.cases(framework, regime).items():
                category = evaluate(host, case).follow_up
                if category is not None:
                    assert category.id in categories, (
                        f"{framework.id}/{label}: category {category.id!r} is not described by describe_follow_up_triggers"
                    )
        assert not host.problems

    def test_every_scheduled_event_is_described(self, host, regime):
        for framework in regime.frameworks:
            rules = timing_rules(host, framework)
            for rule in rules:
                assert rule.event and rule.title and rule.basis, f"{framework.id}: timing rule without words"
                _check_citation(rule.citation, f"{framework.id} timing rule {rule.event}")
                if rule.setting:
                    assert rule.setting in framework.settings, f"{framework.id}: {rule.event} names unknown setting"
            for label, case in self.cases(framework, regime).items():
                for event in schedule(host, case, TODAY):
                    assert any(rule.describes(event.id) for rule in rules), (
                        f"{framework.id}/{label}: event {event.id!r} is not declared (declare_timing_rules)"
                        " or described (describe_timing_rules)"
                    )
        assert not host.problems

    def test_timing_declarations_are_well_formed(self, host, regime):
        """Every declaration counts from something that exists, and names a setting of its
        framework with a value for each reading (the host refuses one that does not)."""
        for framework in regime.frameworks:
            declared = declarations(host, framework)
            assert not host.problems, "\n".join(str(p) for p in host.problems)
            events = {d.event for d in declared if isinstance(d, Timing)}
            described = timing_rules(host, framework, declared)
            for item in declared:
                if not isinstance(item, Timing) or item.each:
                    continue
                _check_citation(item.citation, f"{framework.id}: timing rule {item.event!r}")
                anchors = set(item.anchor.values()) if isinstance(item.anchor, dict) else {item.anchor}
                for anchor in anchors:
                    known = (anchor in CASE_DATES or anchor in events
                             or any(isinstance(d, Recorded) and d.names(anchor) for d in declared)
                             or any(rule.describes(anchor) for rule in described))
                    assert known, (f"{framework.id}: timing rule {item.event!r} counts from {anchor!r}, "
                                   "which is no case date, event or recorded event")
        assert not host.problems

    def test_schedule_follows_the_calendar_it_is_given(self, host, regime):
        """An event counted in working days moves when the calendar it is given closes every
        working day between its anchor and its date (every one, so a floor such as "not before"
        cannot hold it still): a plugin that counts on a calendar of its own gives every inspector
        the wrong date whenever a one-off bank holiday falls in the window."""
        for framework in regime.frameworks:
            for label, case in self.cases(framework, regime).items():
                given = calendar_for_case(case)
                for event in schedule(host, case, TODAY, given):
                    if "working day" not in event.basis or not (event.anchor.date and event.latest):
                        continue
                    closed = _working_days_after(event.anchor.date, event.latest, given)
                    if not closed:
                        continue  # counted back from its anchor, or nought days
                    other = WorkingCalendar(_ClosedDays(given.division, closed), school_terms=given.school_terms)
                    moved = {e.id: e for e in schedule(host, case, TODAY, other)}.get(event.id)
                    where = f"{framework.id}/{label}: event {event.id!r} ({event.basis})"
                    assert moved is not None, f"{where} is not scheduled with another calendar"
                    assert moved.latest and moved.latest > event.latest, (
                        f"{where} stays on {event.latest} when the calendar it is given closes every working day "
                        f"from {closed[0]} to {closed[-1]}: "
                        "count working days on the `calendar` the hook receives "
                        "(inspectorate.calendar.add_working_days(day, n, calendar)), or declare the rule "
                        "(declare_timing_rules) and let the core count"
                    )
                    assert moved.provenance.calendar == other.policy, (
                        f"{where} gives the calendar {moved.provenance.calendar!r} as provenance, not the one it "
                        f"was given ({other.policy!r}): set Provenance(calendar=calendar.policy)"
                    )
        assert not host.problems

    def test_templates_name_frameworks_that_exist(self, host, regime):
        """A template registered for a framework id no regime has is never offered for any case."""
        for template in plugin_templates(host):
            unknown = [f for f in template.frameworks if host.framework(f) is None]
            assert not unknown, f"template {template.id!r} is registered for frameworks that do not exist: {unknown}"

    def test_hooks_leave_another_regimes_cases_alone(self, regime):
        """Beside another regime (the kit's toy), every hook given the other's framework and cases
        must not raise: it returns None or nothing for frameworks that are not its own."""
        from inspectorate.testing import toy

        if regime.id == toy.REGIME_ID:
            pytest.skip("the toy regime is the other regime")
        host = make_host(**{self.regime_id or "plugin": self.plugin, "toy": toy})
        for case in sample_cases(toy.FRAMEWORK, nation="scotland").values():
            evaluate(host, case)  # a strict host: a hook that raises fails here, naming it
            schedule(host, case, TODAY)
            draft_report(host, case, toy.TEMPLATE.id, "en", TODAY)
        assert not host.problems
