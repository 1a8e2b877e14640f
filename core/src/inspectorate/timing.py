"""Follow-up timing rules, each declared once: the core derives the dates, the words and the checks.

A plugin returns :class:`Timing` declarations (and :class:`Recorded` events, which happen rather
than fall due) from its ``declare_timing_rules`` hook. A declaration names the event, what it is
counted from (a case date or another event), the offset (:class:`WorkingDays`, :class:`Months`,
:class:`Weeks`, :class:`SchoolWeeks`, :class:`OnTheDay`, :class:`NoTimeSet`) as a deadline or a
window, when it applies (:class:`When`), its citation and the setting whose reading can move it.
From it the core makes, the same way for every regime:

- the dated event with its provenance (:func:`declared_events`);
- its description in words for comparisons and docs (:func:`describe`), so the words cannot drift
  from the dates;
- the checks (:func:`timing_findings`): an event done after its latest date or before its
  earliest; an event done before what it is counted from or follows; a ``done`` id that names no
  event of the framework; an inspection's dates out of order.

Rules that do not fit a declaration stay code in ``schedule_follow_up``; their events are checked
for lateness and order all the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import attrs
from attrs import field, frozen

from inspectorate.calendar import (
    SchoolTermsUnknown,
    WorkingCalendar,
    add_months,
    add_school_weeks,
    add_weeks_discounting_school_holidays,
    add_working_days,
)
from inspectorate.i18n import N_, core_words, language
from inspectorate.model import (
    Anchor,
    Case,
    Citation,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    Provenance,
    TimingRule,
)
from inspectorate.problems import choice_hint

#: The case dates an event can be counted from, by anchor name, with the words for them (English:
#: :func:`case_date_words` gives them in the language spoken).
CASE_DATES = {
    "notified": ("notified", N_("notice to the provider")),
    "inspection-start": ("start", N_("the first day on site")),
    "inspection-end": ("end", N_("the last day on site")),
    "draft-issued": ("draft_issued", N_("the issue of the draft")),
    "report-published": ("published", N_("publication of the report")),
}


def case_date_words(anchor: str) -> str:
    """A case date as a rule counts from it, in the language spoken."""
    return core_words()(CASE_DATES[anchor][1])


def case_file_key(anchor: str) -> str:
    """A case date's key in a case file (``[inspection]`` holds them by attribute name)."""
    return f"inspection.{CASE_DATES[anchor][0]}"


MONTHS_POLICY = "calendar months, clamped to month end"
WEEKS_POLICY = "calendar weeks"

#: The source of checks on the record itself (dates in order, ids that name events), which no
#: guidance sentence states because every inspection takes them for granted.
CASE_RECORD = Citation(
    document="the case as recorded",
    quote="An inspection's dates run in order, and a date recorded as done names an event of its framework.",
    confidence="record",
)


# -- offsets: how far from the anchor, as a deadline or a window --------------------------------


class Dated(NamedTuple):
    """What an offset gives: the window (``earliest`` None for a deadline), its calendar policy,
    and a problem in words where the dates could not be counted."""

    earliest: dt.date | None
    latest: dt.date | None
    policy: str
    problem: str = ""


def _inside(first: dt.date, last: dt.date, calendar: WorkingCalendar) -> tuple[dt.date, dt.date]:
    """A window's first and last working days: an event "in its window" happens on a working day."""
    if first != last:
        if not calendar.is_working_day(first):
            first = add_working_days(first, 1, calendar)
        if not calendar.is_working_day(last):
            last = add_working_days(last, -1, calendar)
    return first, last


@frozen
class WorkingDays:
    """``WorkingDays(5)``: within five working days of the anchor; ``WorkingDays(10, 30)``: a window
    from the 10th to the 30th working day after it; ``WorkingDays(-15)``: by the 15th working day
    before it. Counted on the provider's nation's working days (:func:`add_working_days`).

    Counted back from a window (an event anchored on another event's window), each end is first
    moved inside the window onto a working day, so "two working days before a re-inspection in its
    window" never ends on the notice for a Saturday.
    """

    #: Working days from the anchor: the deadline, or the window's first day (negative: before it).
    first: int
    #: The window's last day in working days; None for a deadline.
    last: int | None = None

    @property
    def counts_back(self) -> bool:
        return self.first < 0

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        first, last = anchor
        if self.first < 0 and self.last is None:
            first, last = _inside(first, last, calendar)
        if self.last is None:
            latest = add_working_days(last, self.first, calendar)
            earliest = None if first == last else add_working_days(first, self.first, calendar)
            return Dated(earliest, latest, calendar.policy)
        return Dated(
            add_working_days(first, self.first, calendar), add_working_days(last, self.last, calendar), calendar.policy
        )

    def words(self, anchor: str) -> str:
        _ = core_words()
        if self.last is None:
            if self.first < 0:
                return _.plural("{count} working day before {anchor}", "{count} working days before {anchor}",
                                -self.first, anchor=anchor)
            return _.plural("within {count} working day of {anchor}", "within {count} working days of {anchor}",
                            self.first, anchor=anchor)
        if self.first == self.last:
            return _.plural("{count} working day after {anchor}", "{count} working days after {anchor}",
                            self.first, anchor=anchor)
        if self.first == 0:
            return _.plural("in the {count} working day from {anchor}", "in the {count} working days from {anchor}",
                            self.last, anchor=anchor)
        return _.plural("{first} to {count} working day after {anchor}", "{first} to {count} working days after {anchor}",
                        self.last, first=self.first, anchor=anchor)


@frozen
class Months:
    """``Months(12, 18)``: a window 12 to 18 calendar months after the anchor, clamped to month
    end; a window's ends are not moved off a weekend. ``Months(6)``: within six months."""

    #: Calendar months from the anchor: the deadline, or the window's first day.
    first: int
    #: The window's last month; None for a deadline.
    last: int | None = None

    counts_back = False  # counted forward from the anchor

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        first, last = anchor
        if self.last is None:
            return Dated(None, add_months(last, self.first), MONTHS_POLICY)
        return Dated(add_months(first, self.first), add_months(last, self.last), MONTHS_POLICY)

    def words(self, anchor: str) -> str:
        _ = core_words()
        if self.last is None:
            return _.plural("within {count} calendar month of {anchor}", "within {count} calendar months of {anchor}",
                            self.first, anchor=anchor)
        return _.plural("{first} to {count} calendar month after {anchor}", "{first} to {count} calendar months after {anchor}",
                        self.last, first=self.first, anchor=anchor)


@frozen
class Weeks:
    """``Weeks(4)``: within four calendar weeks of the anchor (the guidance counts weeks, not
    working days)."""

    #: Calendar weeks from the anchor (negative: before it).
    count: int

    counts_back = False  # counted forward from the anchor

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        return Dated(None, anchor[1] + dt.timedelta(weeks=self.count), WEEKS_POLICY)

    def words(self, anchor: str) -> str:
        _ = core_words()
        return _.plural("within {count} week of {anchor}, in calendar weeks",
                        "within {count} weeks of {anchor}, in calendar weeks", self.count, anchor=anchor)


#: How "N weeks, discounting school holidays" is counted: readings a framework setting can offer.
SCHOOL_WEEK_COUNTS = {
    "school-weeks": N_("whole weeks, a week with no school day not counted"),
    "days-outside-holidays": N_("seven days a week, days inside a school holiday (its weekends too) not counted"),
}


@frozen
class SchoolWeeks:
    """``SchoolWeeks(-4)``: at least four weeks before the anchor, discounting school holidays, on
    the provider's local authority's school terms. ``count`` is how the weeks are counted (a key
    of :data:`SCHOOL_WEEK_COUNTS`). Where the terms do not cover the dates there is no date, and
    the event and a finding say so, naming the file to add."""

    #: Weeks discounting school holidays (negative: before the anchor).
    weeks: int
    #: How they are counted: "school-weeks" or "days-outside-holidays".
    count: str = field(default="school-weeks", validator=attrs.validators.in_(tuple(SCHOOL_WEEK_COUNTS)))

    @property
    def counts_back(self) -> bool:
        return self.weeks < 0

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        direction = -1 if self.weeks < 0 else 1
        day = anchor[0] if direction < 0 else anchor[1]
        add = add_school_weeks if self.count == "school-weeks" else add_weeks_discounting_school_holidays
        terms = calendar.school_terms
        _ = core_words()
        no_terms = Dated(None, None, "no school terms for this provider", problem=(
            _("No school terms are known for this provider, so school holidays cannot be discounted.")
        ))
        if terms is None:
            return no_terms
        try:
            found = add(day, abs(self.weeks), calendar, direction=direction)
        except SchoolTermsUnknown as unknown:
            return Dated(None, None, "school terms not known for these dates", problem=str(unknown))
        except ValueError:
            return no_terms
        return Dated(None, found, f"weeks discounting school holidays, counted as {SCHOOL_WEEK_COUNTS[self.count]} ({terms.name})")

    def words(self, anchor: str) -> str:
        _ = core_words()
        counting = _(SCHOOL_WEEK_COUNTS[self.count])
        if self.weeks < 0:
            return _.plural("at least {count} week before {anchor}, discounting school holidays (counted as {counting})",
                            "at least {count} weeks before {anchor}, discounting school holidays (counted as {counting})",
                            -self.weeks, anchor=anchor, counting=counting)
        return _.plural("at least {count} week after {anchor}, discounting school holidays (counted as {counting})",
                        "at least {count} weeks after {anchor}, discounting school holidays (counted as {counting})",
                        self.weeks, anchor=anchor, counting=counting)


@frozen
class OnTheDay:
    """On the anchor date itself (oral feedback on the last day on site)."""

    counts_back = False  # counted forward from the anchor

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        return Dated(anchor[0], anchor[1], "the anchor date itself")

    def words(self, anchor: str) -> str:
        _ = core_words()
        return _("on {anchor}", anchor=anchor)


@frozen
class NoTimeSet:
    """Once the anchor has passed, with no time set by the guidance: open, never overdue."""

    counts_back = False  # counted forward from the anchor

    def dates(self, anchor: tuple[dt.date, dt.date], calendar: WorkingCalendar) -> Dated:
        return Dated(anchor[0], None, "no time set in the guidance")

    def words(self, anchor: str) -> str:
        _ = core_words()
        return _("after {anchor} (the guidance sets no time)", anchor=anchor)


Offset = WorkingDays | Months | Weeks | SchoolWeeks | OnTheDay | NoTimeSet


# -- when a rule applies ------------------------------------------------------------------------


class Facts:
    """What a condition may ask of a case: the case, its framework, readings and follow-up category."""

    def __init__(self, case: Case, framework, category: Callable[[], FollowUpCategory | None]):
        self.case = case
        self.framework = framework
        self._category = category
        self._category_known = False
        self._category_value: FollowUpCategory | None = None

    @property
    def category(self) -> FollowUpCategory | None:
        if not self._category_known:
            self._category_value, self._category_known = self._category(), True
        return self._category_value

    def reading(self, setting: str) -> str:
        return self.framework.setting(self.case.settings, setting)


@frozen
class When:
    """When a rule applies: a test of the :class:`Facts` and the same condition in words.

    Combine with ``&``, ``|`` and ``~``; the words combine too. :data:`ALWAYS` applies to every case.
    """

    #: A function of the Facts (case, framework, readings, category) saying whether it applies.
    test: Callable[[Facts], bool] = field(eq=False)
    #: The same condition in words, for descriptions.
    words: str = ""

    def __and__(self, other: When) -> When:
        words = " and ".join(w for w in (self.words, other.words) if w)
        return When(lambda f: self.test(f) and other.test(f), words)

    def __or__(self, other: When) -> When:
        return When(lambda f: self.test(f) or other.test(f), f"{self.words} or {other.words}")

    def __invert__(self) -> When:
        return When(lambda f: not self.test(f), f"not ({self.words})" if self.words else "never")


ALWAYS = When(lambda f: True, "")


def category(*ids: str, words: str = "") -> When:
    """The case's follow-up category (as ``classify_follow_up`` gives it) is one of ``ids``."""
    return When(lambda f: f.category is not None and f.category.id in ids, words or f"follow-up category {' or '.join(ids)}")


def statutory_category(words: str = "a statutory follow-up category") -> When:
    return When(lambda f: f.category is not None and f.category.statutory, words)


def grade(area: str, *grades: str, words: str = "") -> When:
    """The grade recorded for ``area`` is one of ``grades``."""
    return When(lambda f: f.case.grade(area) in grades, words or f"{area} is {' or '.join(grades)}")


def inspector_call(call_id: str, words: str = "") -> When:
    """The team has made the inspector's call ``call_id`` (``case.inspector_calls``)."""
    return When(lambda f: bool(f.case.inspector_calls.get(call_id)), words or f"the team's call {call_id!r}")


def evidence(kind: str, words: str = "") -> When:
    """Evidence of ``kind`` is recorded anywhere in the case."""
    return When(lambda f: any(e.kind == kind for e in f.case.evidence), words or f"{kind} evidence is recorded")


def done(event_id: str, words: str = "") -> When:
    """``event_id`` is recorded as done (``[follow_up] done``)."""
    return When(lambda f: event_id in f.case.follow_up.done, words or f"{event_id} is recorded as done")


def date_known(anchor: str, words: str = "") -> When:
    """The case date ``anchor`` (a key of :data:`CASE_DATES`) is recorded."""
    attribute, phrase = CASE_DATES[anchor]
    return When(lambda f: getattr(f.case.dates, attribute) is not None, words or f"{phrase} is known")


def visit_kind(*kinds: str, words: str = "") -> When:
    """The visit is one of ``kinds`` (``case.kind``)."""
    return When(lambda f: f.case.kind in kinds, words or " and ".join(k.replace("-", " ") + "s" for k in kinds))


def sector(*sectors: str, words: str = "") -> When:
    return When(lambda f: f.case.provider.sector in sectors, words or f"{' or '.join(sectors)} providers")


# -- the declarations ---------------------------------------------------------------------------


class Declaration:
    """What ``declare_timing_rules`` returns: a :class:`Timing` or a :class:`Recorded`."""

    __slots__ = ()


def _reading_map(value) -> Mapping | object:
    return dict(value) if isinstance(value, Mapping) else value


@frozen
class Timing(Declaration):
    """One follow-up timing rule, declared once.

    - ``event``, ``title``: the event's id (what ``[follow_up] done`` records it under) and title.
      With ``each`` (a regular expression), the rule gives one event per recorded id that matches
      it in full, counted from that record: ``{each}`` in ``event`` and ``title`` is the id,
      ``{n}`` its first group (``each=r"further-visit-(\\d+)"``, ``event="{each}-letter"``).
    - ``anchor``: what it is counted from: a key of :data:`CASE_DATES`, the id of another event
      (its done date, or else its scheduled window) or of a :class:`Recorded` event; or a mapping
      from each reading of ``setting`` to one of those.
    - ``offset``: an offset, or a mapping from each reading of ``setting`` to one.
    - ``when``: the cases it applies to. ``setting``: the framework setting whose reading moves it.
    - ``recorded_as``: a case date (a key of :data:`CASE_DATES`) that records the event as done,
      for events the case has a field for (the notice, the report's publication).
    - ``after``: other events or case dates it must not come before (besides its anchor): the
      window opens no earlier than they do, and an event done before them is a warning.
    - ``rule``: the rule id in the event's provenance and in findings about it.

    An event may have several declarations (a window, then a fixed day once notice is given): the
    last one that applies dates it, so a later declaration refines an earlier one.
    """

    #: The event id ([follow_up] done records it under it); {each} with each.
    event: str
    #: What a person reads; {each} and {n} with each.
    title: str
    #: What it is counted from: a case date, an event id or a Recorded id; or one per reading of
    #: setting.
    anchor: str | Mapping[str, str] = field(converter=_reading_map)
    #: How far from the anchor (WorkingDays, Months, Weeks, SchoolWeeks, OnTheDay, NoTimeSet); or
    #: one per reading.
    offset: Offset | Mapping[str, Offset] = field(converter=_reading_map)
    #: The sentence that sets the time.
    citation: Citation
    #: The rule id in the event's provenance and in findings about it.
    rule: str
    #: The cases it applies to; every case by default.
    when: When = ALWAYS
    #: The framework setting whose reading moves it.
    setting: str = ""
    #: Whether the time is set in law.
    statutory: bool = False
    #: A case date that records the event as done ("report-published").
    recorded_as: str = field(default="", validator=attrs.validators.in_(("", *CASE_DATES)))
    #: Events or case dates it must not come before, besides its anchor.
    after: tuple[str, ...] = field(default=(), converter=tuple)
    #: A regular expression: one event per recorded id matching it.
    each: str = ""

    def anchor_for(self, reading: str) -> str:
        return self.anchor if isinstance(self.anchor, str) else self.anchor[reading]

    def offset_for(self, reading: str) -> Offset:
        return self.offset[reading] if isinstance(self.offset, Mapping) else self.offset

    @property
    def described_event(self) -> str:
        """The event id a description names: ``further-visit-*-letter`` for one rule per record."""
        return self.event.replace("{each}", _pattern_words(self.each)) if self.each else self.event


@frozen
class Recorded(Declaration):
    """An event that is recorded when it happens rather than scheduled (the original inspection's
    last day, a request to bring a re-inspection forward, a further visit): a valid ``done`` id
    and something rules can count from. ``id`` may be a regular expression with ``pattern``."""

    #: The event id recorded when it happens; a regular expression with pattern.
    id: str
    #: What a person reads.
    title: str
    #: Whether id is a regular expression (numbered events).
    pattern: bool = False

    def names(self, event_id: str) -> bool:
        return bool(re.fullmatch(self.id, event_id)) if self.pattern else event_id == self.id

    def next_id(self, done: Iterable[str]) -> str | None:
        """The id to record this event under next: its own id, or for a numbered pattern
        (``further-visit-(\\d+)``) the next number after those recorded. None when it is already
        recorded, or its pattern has no number to count with."""
        done = list(done)
        if not self.pattern:
            return None if self.id in done else self.id
        if self.id.count(_NUMBER) != 1:
            return None
        taken = [int(m.group(1)) for m in (re.fullmatch(self.id, d) for d in done) if m and m.groups()]
        return self.id.replace(_NUMBER, str(max(taken, default=0) + 1))


#: The numbered part of a :class:`Recorded` pattern that :meth:`Recorded.next_id` counts with.
_NUMBER = r"(\d+)"


def _pattern_words(pattern: str) -> str:
    """``further-visit-(\\d+)`` as a description's wildcard: ``further-visit-*``."""
    return re.sub(r"\(.*?\)[+*?]?|\\d[+*]?|\.[+*]", "*", pattern)


def declaration_problem(item: Declaration, framework=None, language: str = "") -> str | None:
    """What is wrong with one declaration for ``framework``, or None: a declaration the host
    refuses (naming the plugin) rather than one that would fail on some case's reading."""
    if not isinstance(item, Timing) or framework is None:
        return None
    where = f"timing rule {item.event!r}"
    mapped = [value for value in (item.anchor, item.offset) if type(value) is dict]
    if item.setting and item.setting not in framework.settings:
        return f"{where} names the setting {item.setting!r}, which {framework.id} does not have"
    if mapped and not item.setting:
        return f"{where} gives a value per reading but names no setting"
    if mapped:
        readings = set(framework.settings[item.setting]["readings"])
        for values in mapped:
            if set(values) != readings:
                return f"{where} gives values for {sorted(values)}, but {item.setting!r} reads {sorted(readings)}"
    return None


def reading_is_anchor(framework, setting: str) -> dict[str, str]:
    """For a setting whose readings are anchor names: each reading counts from itself."""
    return {reading: reading for reading in framework.settings[setting]["readings"]}


# -- dating the declarations --------------------------------------------------------------------


class Scheduled(NamedTuple):
    """A declared event as dated for one case, with the declaration it came from."""

    event: FollowUpEvent
    timing: Timing
    problem: str = ""
    #: The event or date that opened the window later than its offset would (one of ``after``).
    opened_by: str = ""


#: A declaration's words by (identity, reading, anchor): plugins keep their declarations, so the
#: words are the same on every call (the declaration is kept in the value to check identity).
_WORDS: dict[tuple[int, str, str, str], tuple[Timing, str]] = {}


_SPLIT: dict[int, tuple] = {}


def _split(declarations: list) -> tuple[list[Timing], list[Recorded], dict[str, str]]:
    """(timings, records, the case-date attribute recording each event recorded by one), worked out
    once per declarations list: the host keeps each framework's list, so it is the same one each call."""
    found = _SPLIT.get(id(declarations))
    if found is None or found[0] is not declarations:
        timings = [d for d in declarations if isinstance(d, Timing)]
        records = [d for d in declarations if isinstance(d, Recorded)]
        recorded_as = {t.event: CASE_DATES[t.recorded_as][0] for t in timings if t.recorded_as}
        found = _SPLIT[id(declarations)] = (declarations, (timings, records, recorded_as))
    return found[1]


class _Dating:
    """Dates one case's declarations, resolving anchors on other events (done dates first)."""

    def __init__(self, declarations, case: Case, framework, calendar: WorkingCalendar, facts: Facts, code_events):
        self.timings, self.records, self.recorded_as = _split(declarations)
        self.case, self.framework, self.calendar, self.facts = case, framework, calendar, facts
        self.code_events = {e.id: e for e in code_events}
        self._busy: set[str] = set()
        self._cache: dict[tuple[int, str], Scheduled | None] = {}

    def title_of(self, name: str) -> str:
        return _anchor_words(self.timings, name, self.records, self.code_events)

    def done_on(self, event_id: str) -> dt.date | None:
        day = self.case.follow_up.done.get(event_id)
        if day is not None:
            return day
        attribute = self.recorded_as.get(event_id)
        return getattr(self.case.dates, attribute) if attribute else None

    def span(self, name: str, window: bool = False, for_event: str = "") -> tuple[dt.date, dt.date] | None:
        """The date ``name`` stands for: a case date or a done date; with ``window``, an event not
        yet done stands for its scheduled window (a notice counted back from a re-inspection's)."""
        if name in CASE_DATES:
            day = getattr(self.case.dates, CASE_DATES[name][0])
            return (day, day) if day else None
        day = self.done_on(name)
        if day is not None:
            return day, day
        if not window:
            return None  # counted forward from an event: waiting until it is done
        # An applicable rule, else the event code scheduled (a re-inspection brought forward), else any rule.
        scheduled = self.resolve(name, excluding=for_event, applicable_only=True)
        event = scheduled.event if scheduled else self.code_events.get(name)
        if event is None:
            scheduled = self.resolve(name, excluding=for_event)
            event = scheduled.event if scheduled else None
        if event is None or event.latest is None:
            return None
        return event.earliest or event.latest, event.latest

    def resolve(self, event_id: str, excluding: str = "", applicable_only: bool = False) -> Scheduled | None:
        """The event ``event_id`` as its applicable rule dates it (the last applicable rule wins;
        without one, the last rule for it), leaving out rules counted from ``excluding``: a notice
        counted back from the re-inspection does not see the re-inspection its own date fixes."""
        rules = [t for t in self.timings if t.event == event_id and not t.each and self.anchor_of(t) not in (event_id, excluding)]
        applicable = [t for t in rules if t.when.test(self.facts)]
        chosen = (applicable if applicable_only else applicable or rules)[-1:]
        return self.date(chosen[0]) if chosen else None

    def reading_of(self, timing: Timing) -> str:
        return self.facts.reading(timing.setting) if timing.setting else ""

    def anchor_of(self, timing: Timing) -> str:
        return timing.anchor_for(self.reading_of(timing))

    def date(self, timing: Timing, each: re.Match | None = None) -> Scheduled | None:
        key = (id(timing), each.group(0) if each else "")
        if key in self._cache:
            return self._cache[key]
        if key[1] in self._busy or timing.event in self._busy:
            return None  # a rule counted, through others, from itself: no date rather than a loop
        self._busy.add(key[1] or timing.event)
        try:
            self._cache[key] = found = self._date(timing, each)
        finally:
            self._busy.discard(key[1] or timing.event)
        return found

    def _date(self, timing: Timing, each: re.Match | None) -> Scheduled:
        reading = self.reading_of(timing)
        anchor_name = each.group(0) if each else timing.anchor_for(reading)
        offset = timing.offset_for(reading)
        # Counted back from an event not yet done (a notice before a re-inspection), from its window.
        span = self.span(anchor_name, window=offset.counts_back, for_event=timing.event)
        policy, problem, opened_by = self.calendar.policy, "", ""
        earliest = latest = None
        if span is not None:
            dated = offset.dates(span, self.calendar)
            earliest, latest, policy, problem = dated.earliest, dated.latest, dated.policy, dated.problem
            for other in timing.after:
                # What it follows has passed once done, else once its own time has run out.
                after = self.span(other, window=True, for_event=timing.event)
                if after and latest and (earliest is None or earliest < after[1]):
                    earliest, latest, opened_by = after[1], max(latest, after[1]), other
        values = {"each": each.group(0), "n": each.group(1) if each.groups() else each.group(0)} if each else {}
        basis = self.words(timing, reading, offset, anchor_name)
        _ = core_words()
        if opened_by and earliest:
            basis = _("{basis} (not before {date}, after {event})", basis=basis, date=earliest.isoformat(),
                      event=self.title_of(opened_by))
        if problem:
            basis = _("{basis}: no date, because the school terms for these dates are not known", basis=basis)
        event_id = timing.event.format(**values) if each else timing.event
        event = FollowUpEvent(
            id=event_id,
            title=timing.title.format(**values) if each else timing.title,
            earliest=earliest,
            latest=latest,
            # A window counted from another event's window has no one anchor date.
            anchor=Anchor(anchor_name, span[0], None) if span and span[0] == span[1] else Anchor(anchor_name, None, span),
            basis=basis,
            citation=timing.citation,
            provenance=Provenance(rule=timing.rule, calendar=policy, reading=reading),
            statutory=timing.statutory,
            done_on=self.done_on(event_id),
        )
        return Scheduled(event, timing, problem, opened_by)

    def words(self, timing: Timing, reading: str, offset: Offset, anchor_name: str) -> str:
        """The rule's words for this reading, built once per declaration and reading."""
        key = (id(timing), reading, anchor_name, language())  # words in each language spoken
        cached = _WORDS.get(key)
        if cached is None or cached[0] is not timing:
            cached = _WORDS[key] = (timing, offset.words(self.title_of(anchor_name)))
        return cached[1]

    def scheduled(self) -> list[Scheduled]:
        found: list[Scheduled] = []
        facts = self.facts
        applicable = [t for t in self.timings if t.when.test(facts)]
        last = {t.event: t for t in applicable if not t.each}  # a later rule for an event refines an earlier
        for timing in applicable:
            if not timing.each and last[timing.event] is not timing:
                continue
            if timing.each:
                for record_id in sorted(self.case.follow_up.done):
                    match = re.fullmatch(timing.each, record_id)
                    if match and (dated := self.date(timing, match)) is not None:
                        found.append(dated)
                continue
            dated = self.date(timing)
            if dated is not None:
                found.append(dated)
        return found


def _the(title: str) -> str:
    """An event's title as the thing a rule counts from: "the improvement visit by the improvement HMI".

    In Welsh the title stands without an article: the article's form and the mutation it causes
    depend on the noun's gender, which a title does not carry; every Welsh phrase an anchor follows
    ("ar ôl", "cyn", "yn dilyn") leaves it unmutated.
    """
    if language() != "en":
        return _lower_first(title)
    return _lower_first(title) if title.startswith("The ") else "the " + _lower_first(title)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def declared_events(declarations, case: Case, framework, calendar: WorkingCalendar, facts: Facts, code_events=()) -> list[Scheduled]:
    """The events the declarations give ``case``, dated, with the declaration each came from."""
    return _Dating(declarations, case, framework, calendar, facts, code_events).scheduled()


# -- the same rules in words --------------------------------------------------------------------


def _anchor_words(timings, name: str, records=(), code_events=None) -> str:
    """What ``name`` is, in words a rule counts from: a case date, or "the" and an event's title."""
    if name in CASE_DATES:
        return case_date_words(name)
    for timing in timings:
        if timing.event == name:
            return _the(timing.title)
    for record in records:
        if record.names(name):
            return _the(record.title)
    event = (code_events or {}).get(name)
    return _the(event.title) if event else name.replace("-", " ")


def describe(declarations, framework) -> list[TimingRule]:
    """Each declaration in words: its offset and anchor for every reading, default first."""
    rules = []
    timings, records, _unused = _split(declarations)
    _ = core_words()
    for timing in timings:
        each_words = next((_the(r.title) for r in records if r.id == timing.each), "")
        # Bound now: each rule's words are its own (the lambdas are called before the loop moves on).
        anchor_of = (lambda name, words=each_words, each=timing.each: words or _pattern_words(each)) if timing.each else (
            lambda name: _anchor_words(timings, name, records))
        if timing.setting and (isinstance(timing.anchor, Mapping) or isinstance(timing.offset, Mapping)):
            setting = framework.settings[timing.setting]
            readings = [setting["default"], *(r for r in setting["readings"] if r != setting["default"])]
            phrases = [timing.offset_for(r).words(anchor_of(timing.anchor_for(r))) for r in readings]
            basis = _("{phrase} (as the {setting} setting reads it by default, '{reading}')",
                      phrase=phrases[0], setting=timing.setting, reading=readings[0])
            for r, p in zip(readings[1:], phrases[1:], strict=True):
                basis = _("{basis}; or, read as '{reading}', {phrase}", basis=basis, reading=r, phrase=p)
        else:
            basis = timing.offset_for("").words(anchor_of(timing.anchor_for("")))
        if timing.after:
            either = _("or")
            anchors = f" {either} ".join(_anchor_words(timings, a, records) for a in timing.after)
            basis = _("{basis}, and not before {anchors}", basis=basis, anchors=anchors)
        rules.append(
            TimingRule(
                event=timing.described_event,
                title=timing.title.replace("{n}", "N").replace("{each}", timing.described_event),
                basis=basis,
                citation=timing.citation,
                applies_when=timing.when.words,
                setting=timing.setting,
                statutory=timing.statutory,
            )
        )
    return rules


# -- the checks every regime gets ---------------------------------------------------------------


def _done_key(event: FollowUpEvent, timing: Timing | None = None) -> str:
    """Where the case records the event as done: its case date's key, or its ``done`` entry."""
    return case_file_key(timing.recorded_as) if timing and timing.recorded_as else f"follow_up.done.{event.id}"


def _late_or_early(event: FollowUpEvent, opened_by: str = "", key: str = "") -> Finding | None:
    """Done after its latest date, or before its earliest (unless what it follows opened the
    window: that is said as an order finding, citing what it follows)."""
    day = event.done_on
    if day is None:
        return None
    _ = core_words()
    if event.latest is not None and day > event.latest:
        rule = "timing.done-late"
        message = _("{event} is recorded on {day}, after {latest}, its latest date ({basis}).",
                    event=event.title, day=day.isoformat(), latest=event.latest.isoformat(), basis=event.basis)
    elif event.earliest is not None and day < event.earliest and not opened_by:
        rule = "timing.done-early"
        message = _("{event} is recorded on {day}, before {earliest}, the start of its window ({basis}).",
                    event=event.title, day=day.isoformat(), earliest=event.earliest.isoformat(), basis=event.basis)
    else:
        return None
    return Finding(
        severity="warning",
        rule=rule,
        message=message,
        citation=event.citation,
        key=key or _done_key(event),
    )


def _out_of_order(event: FollowUpEvent, done: dt.date, what: str, when: dt.date, citation: Citation, key: str = "") -> Finding:
    _ = core_words()
    return Finding(
        severity="warning",
        rule="timing.done-before-what-it-follows",
        message=_("{event} is recorded on {day}, before {what} ({when}), which it follows.",
                  event=event.title, day=done.isoformat(), what=what, when=when.isoformat()),
        citation=citation,
        key=key or _done_key(event),
    )


def _order(event: FollowUpEvent, key: str = "", what: str = "") -> Finding | None:
    """An event done before the date it is counted from (``what``, in words), where it falls after that date."""
    anchor, day = event.anchor.date, event.done_on
    if anchor is None or day is None or day >= anchor:
        return None
    falls = event.latest or event.earliest
    if falls is None or falls < anchor:
        return None  # counted back from its anchor (a notice before a visit): no order to keep
    return _out_of_order(event, day, what or event.anchor.name.replace("-", " "), anchor, event.citation, key)


#: Pairs of case dates that run in order (the first on or before the second), and the words when not.
_IN_ORDER = (
    ("inspection-start", "inspection-end", N_("The last day on site is before the first")),
    ("notified", "inspection-start", N_("The provider is recorded as notified after the first day on site")),
    ("inspection-end", "draft-issued", N_("The draft is recorded as issued before the last day on site")),
    ("inspection-end", "report-published", N_("The report is recorded as published before the last day on site")),
    ("draft-issued", "report-published", N_("The report is recorded as published before its draft was issued")),
)


def _dates_in_order(case: Case) -> list[Finding]:
    dates = case.dates
    findings = []
    _ = core_words()
    for before, after, words in _IN_ORDER:
        first, second = getattr(dates, CASE_DATES[before][0]), getattr(dates, CASE_DATES[after][0])
        if first is not None and second is not None and second < first:
            findings.append(
                Finding(
                    severity="error",
                    rule="case.dates-in-order",
                    message=_("{what} ({first_key} {first}, {second_key} {second}): correct whichever date is wrong.",
                              what=_(words), first_key=CASE_DATES[before][0], first=first.isoformat(),
                              second_key=CASE_DATES[after][0], second=second.isoformat()),
                    citation=CASE_RECORD,
                    # The date a person most likely mistyped: the later one, or a notice after the start.
                    key=case_file_key(after if before != "notified" else before),
                )
            )
    return findings


def _unknown_ids(case: Case, framework, known: Iterable[str], records: list[Recorded], descriptions) -> list[Finding]:
    known = set(known)
    findings = []
    unknown = [i for i in case.follow_up.done if i not in known and not any(r.names(i) for r in records)]
    described = descriptions() if unknown else []  # words are built only when an id needs them
    for event_id in unknown:
        if any(d.describes(event_id) for d in described):
            continue
        choices = sorted(known | {r.id for r in records if not r.pattern})
        _ = core_words()
        hint = choice_hint(event_id, choices, _("the events it can record"))
        findings.append(
            Finding(
                severity="error",
                rule="timing.unknown-event",
                message=_("'{id}' in [follow_up] done names no event of {framework}, so it is not counted {hint}.",
                          id=event_id, framework=framework.id, hint=hint),
                citation=CASE_RECORD,
                key=f"follow_up.done.{event_id}",
            )
        )
    return findings


def timing_findings(
    case: Case,
    framework,
    declarations,
    declared: list[Scheduled],
    code_events: list[FollowUpEvent],
    descriptions: Callable[[], list[TimingRule]],
) -> list[Finding]:
    """The checks the core derives for every regime from the declarations and the scheduled events.

    ``descriptions`` gives every timing rule in words (called only when a ``done`` id is not one
    the declarations or the scheduled events know)."""
    findings = _dates_in_order(case)
    timings, records, _unused = _split(declarations)
    _ = core_words()
    for scheduled in declared:
        event = scheduled.event
        if event.done_on is None and not scheduled.problem:
            continue  # not done: nothing to be late, early or out of order
        key = _done_key(event, scheduled.timing)
        what = _anchor_words(timings, event.anchor.name, records)
        for finding in (_late_or_early(event, scheduled.opened_by, key), _order(event, key, what)):
            if finding is not None:
                findings.append(finding)
        if scheduled.opened_by and event.done_on and event.earliest and event.done_on < event.earliest:
            other = next((t for t in reversed(timings) if t.event == scheduled.opened_by), None)
            what = _anchor_words(timings, scheduled.opened_by, records)
            findings.append(_out_of_order(event, event.done_on, what, event.earliest, other.citation if other else event.citation, key))
        if scheduled.problem:
            findings.append(
                Finding(
                    severity="warning",
                    rule="timing.school-terms-unknown",
                    message=_("{event} has no date: {problem}", event=event.title, problem=scheduled.problem),
                    citation=event.citation,
                )
            )
    for event in code_events:
        if event.done_on is None:
            continue
        for finding in (_late_or_early(event), _order(event)):
            if finding is not None:
                findings.append(finding)
    known = {s.event.id for s in declared} | {t.event for t in timings if not t.each} | {e.id for e in code_events}
    findings += _unknown_ids(case, framework, known, records, descriptions)
    return findings
