"""What the rules say about a case: proposals, follow-up category, findings, dated events.

This is the one place that asks the plugins (through the host) about a case; the CLI and the
terminal app both call it. Plugin failures are recorded by the host and never raised here, unless
the host is strict.
"""

from __future__ import annotations

import datetime as dt
import functools

from attrs import field, frozen

from inspectorate import i18n
from inspectorate.calendar import (
    WorkingCalendar,
    add_working_days,
    calendar_for,
    division_for_nation,
    terms_for_local_authority,
)
from inspectorate.frameworks import Framework
from inspectorate.model import (
    Case,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    Proposal,
    TimingRule,
    _tuple,
)
from inspectorate.plugins import PluginHost, PluginProblem
from inspectorate.timing import Declaration, Facts, Scheduled, declared_events, describe, timing_findings
from inspectorate.wording import severity_rank

#: An event whose deadline is this many working days away or fewer is "due soon".
DUE_SOON_WORKING_DAYS = 10


class UnknownFramework(LookupError):
    pass


@frozen
class Evaluation:
    proposals: tuple[Proposal, ...] = field(converter=_tuple)
    follow_up: FollowUpCategory | None
    findings: tuple[Finding, ...] = field(converter=_tuple)
    #: The plugin failures this evaluation was computed with: what it lacks (empty: nothing).
    problems: tuple[PluginProblem, ...] = field(default=(), converter=_tuple)

    def to_json(self) -> dict:
        data = {
            "proposals": {p.area: p.to_json() for p in self.proposals},
            "follow_up": self.follow_up.to_json() if self.follow_up else None,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.problems:  # a result lacking some plugin's contribution says so
            data["problems"] = problems_to_json(self.problems)
        return data


def problems_to_json(problems) -> list[dict]:
    return [{"plugin": p.plugin, "hook": p.stage, "message": p.message, "text": p.incomplete} for p in problems]


def framework_of(host: PluginHost, case: Case) -> Framework:
    framework = host.framework(case.framework)
    if framework is None:
        known = ", ".join(f.id for f in host.frameworks()) or "none: no regime plugin is loaded"
        raise UnknownFramework(f"framework {case.framework!r} is not provided by any loaded plugin (known: {known})")
    return framework




def evaluate(host: PluginHost, case: Case) -> Evaluation:
    """Proposals, follow-up category and every plugin's findings for ``case``, with the checks the
    core derives from the timing rules (lateness, order, unknown ids, dates in order) and the plugin
    failures (``problems``) that left any of them out."""
    framework = framework_of(host, case)
    with host.watch() as problems:
        proposals = host.call_first("propose_judgements", framework=framework, case=case) or []
        category = host.call_first("classify_follow_up", framework=framework, case=case)
        findings = host.collect("check_case", framework=framework, case=case)
        dated = _dated(host, case, framework, calendar_for_case(case), lambda: category)
        findings += timing_findings(case, framework, *dated, lambda: timing_rules(host, framework, dated[0]))
    findings.sort(key=lambda f: (severity_rank(f.severity), f.rule))
    return Evaluation(proposals=proposals, follow_up=category, findings=findings, problems=problems)


def declarations(host: PluginHost, framework: Framework) -> list[Declaration]:
    """Every plugin's timing declarations for ``framework`` (data: asked once per framework)."""
    return host.per_framework("declare_timing_rules", framework)


def timing_rules(host: PluginHost, framework: Framework, declared=None) -> list[TimingRule]:
    """Every timing rule of ``framework`` in words: the declarations', then those code describes."""
    declared = declarations(host, framework) if declared is None else declared
    return [*describe(declared, framework),
            *host.collect("describe_timing_rules", expect=TimingRule, framework=framework)]


#: The last case dated: the app evaluates a case and then schedules it, so the second asks the
#: plugins nothing. Keyed by identity (a case is immutable; an edit makes a new one); a result
#: that lost a plugin's contribution is not kept, so every call reports what it lacks.
_last_dated: list = [None, None]


def _dated(host, case, framework, calendar, category) -> tuple[list[Declaration], list[Scheduled], list[FollowUpEvent]]:
    """(declarations, declared events dated, events code scheduled) for ``case``."""
    key, found = _last_dated
    spoken = i18n.language()  # the events' words are in the language spoken
    if key is not None and key[0] is host and key[1] is case and key[2] is framework and key[3] is calendar and key[4] == spoken:
        return found
    failures = host.problem_count
    declared = declarations(host, framework)
    code = host.collect("schedule_follow_up", framework=framework, case=case, calendar=calendar)
    facts = Facts(case, framework, category)
    found = declared, declared_events(declared, case, framework, calendar, facts, code), code
    failed = host.problem_count != failures
    _last_dated[:] = [None, None] if failed else [(host, case, framework, calendar, spoken), found]
    return found


def calendar_for_case(case: Case) -> WorkingCalendar:
    """The provider's nation's bank holidays, with its local authority's school terms in Wales."""
    return calendar_for_provider(case.provider.nation, case.provider.local_authority)


def calendar_for_provider(nation: str, local_authority: str = "") -> WorkingCalendar:
    """:func:`calendar_for_case` from the provider's nation and local authority alone (what the
    casebook's list keeps of a case)."""
    return _calendar(division_for_nation(nation), local_authority if nation == "wales" else None)


@functools.lru_cache(maxsize=64)
def _calendar(division: str, welsh_local_authority: str | None) -> WorkingCalendar:
    # Cached: a casebook of thousands of cases would otherwise look for (and parse) the local
    # authority's terms file once per case. A terms file added later is read on the next start.
    terms = None if welsh_local_authority is None else terms_for_local_authority(welsh_local_authority)
    return calendar_for(division, school_terms=terms)


def deadline_status(latest: dt.date, today: dt.date, calendar: WorkingCalendar) -> str:
    """"overdue" after ``latest``; "due-soon" from :data:`DUE_SOON_WORKING_DAYS` working days
    before it, counted on ``calendar`` (the provider's: :func:`calendar_for_case`); else "open".

    The one test of a deadline: the events of a case, the agenda and the casebook's list all use it.
    """
    if today > latest:
        return "overdue"
    if today >= add_working_days(latest, -DUE_SOON_WORKING_DAYS, calendar):
        return "due-soon"
    return "open"


def event_status(event: FollowUpEvent, case: Case, today: dt.date, calendar: WorkingCalendar) -> FollowUpEvent:
    """Set ``status`` and ``done_on`` from the events recorded as done and from ``today``."""
    done_on = case.follow_up.done.get(event.id) or event.done_on  # or a case date that records it
    if done_on is not None:
        status = "done"
    elif event.latest is None and event.earliest is None:
        status = "waiting"
    elif event.latest is not None and (by_deadline := deadline_status(event.latest, today, calendar)) != "open":
        status = by_deadline
    elif event.earliest is not None and today < event.earliest:
        status = "upcoming"
    else:
        status = "open"
    # Built directly rather than with attrs.evolve: this runs for every event on every redraw.
    return FollowUpEvent(
        event.id, event.title, event.earliest, event.latest, event.anchor, event.basis, event.citation,
        event.provenance, event.statutory, status, done_on,
    )


def _event_order(event: FollowUpEvent):
    when = event.latest or event.earliest or dt.date.max
    return (when, event.id)


def schedule(
    host: PluginHost, case: Case, today: dt.date | None = None, calendar: WorkingCalendar | None = None
) -> list[FollowUpEvent]:
    """Every plugin's follow-up events for ``case``, with statuses as of ``today``, in date order."""
    framework = framework_of(host, case)
    calendar = calendar or calendar_for_case(case)
    today = today or dt.date.today()
    category = lambda: host.call_first("classify_follow_up", framework=framework, case=case)  # noqa: E731
    _, declared, code = _dated(host, case, framework, calendar, category)
    events = [*(s.event for s in declared), *code]
    return sorted((event_status(e, case, today, calendar) for e in events), key=_event_order)


def schedule_with_problems(
    host: PluginHost, case: Case, today: dt.date | None = None, calendar: WorkingCalendar | None = None
) -> tuple[list[FollowUpEvent], tuple[PluginProblem, ...]]:
    """:func:`schedule`, and the plugin failures that left events out (empty: none)."""
    with host.watch() as problems:
        events = schedule(host, case, today, calendar)
    return events, tuple(problems)


def stage_by_dates(start: dt.date | None, end: dt.date | None, published: dt.date | None, today: dt.date) -> str | None:
    """Planned, on site or reporting, as the dates alone say; None once the report is published
    (what follows depends on the follow-up events)."""
    if start is None or today < start:
        return "planned"
    # A published report is past on site even when its last day is not recorded (Ofsted's
    # published outcome data gives only the first).
    if (end is None and (published is None or today < published)) or (end is not None and today <= end):
        return "on site"
    if published is None:
        return "reporting"
    return None


def stage_of(case: Case, events: list[FollowUpEvent], today: dt.date) -> str:
    """Where the case stands, in the words a casebook column shows."""
    dates = case.dates
    by_dates = stage_by_dates(dates.start, dates.end, dates.published, today)
    if by_dates:
        return by_dates
    if any(e.status not in ("done", "waiting") for e in events):
        return "follow-up"
    return "closed"


def next_deadline(events: list[FollowUpEvent]) -> FollowUpEvent | None:
    """The open event that matters next: overdue first, then the nearest deadline."""
    pending = [e for e in events if e.status in ("overdue", "due-soon", "open", "upcoming") and e.latest]
    return min(pending, key=lambda e: (e.status != "overdue", e.latest), default=None)


def summary(host: PluginHost, case: Case, today: dt.date | None = None) -> dict:
    """The casebook's list columns for ``case``: stage, next deadline and its event."""
    today = today or dt.date.today()
    try:
        events, problems = schedule_with_problems(host, case, today)
    except UnknownFramework:
        return {"stage": "unknown framework", "next_deadline": None, "next_event": ""}
    return summary_of(case, events, today, problems)


def summary_of(case: Case, events: list[FollowUpEvent], today: dt.date, problems=()) -> dict:
    """The list columns from events already scheduled (with their statuses as of ``today``).

    When a plugin's events are missing (``problems``), the next event says so instead: the
    deadline shown may not be the next one.
    """
    upcoming = next_deadline(events)
    return {
        "stage": stage_of(case, events, today),
        "next_deadline": upcoming.latest if upcoming else None,
        "next_event": problems[0].incomplete if problems else upcoming.title if upcoming else "",
    }
