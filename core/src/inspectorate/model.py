"""The inspection as the inspectors record it, and what the rules say about it.

Everything here is an immutable attrs class: an edit makes a new value (``attrs.evolve``), which is
what lets the casebook compare old and new for its audit log and undo.

Every computed thing (a proposal, a finding, a follow-up date) carries a :class:`Citation`: the
guidance document and the sentence it comes from. Follow-up events also carry a
:class:`Provenance`: the rule, the anchor date, the calendar policy and the reading of any
ambiguous sentence that produced them.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    from inspectorate.frameworks import Scale


def _tuple(value) -> tuple:
    return tuple(value) if value is not None else ()


def _mapping(value) -> Mapping:
    return dict(value) if value is not None else {}


SEVERITIES = ("error", "warning", "info")
#: The evidence kind of a point of action agreed with the provider at follow-up; its ``by`` date
#: is the timescale agreed for it.
AGREED_ACTION = "agreed-action"
#: The ``document`` and ``confidence`` of a citation for a rule no sentence of the guidance states:
#: its ``quote`` says so in words (starting "The guidance is silent") instead of quoting another.
NO_GUIDANCE = "no guidance document"
UNSOURCED = "unsourced"


@frozen
class Citation:
    """Where a rule comes from.

    ``document`` is the guidance file name (or a publication named in DOMAIN-NOTES.md),
    ``locator`` the paragraph or section, ``quote`` the sentence itself. ``confidence`` is
    ``"primary"`` for the guidance documents, ``"H"`` or ``"M"`` as DOMAIN-NOTES.md grades its
    secondary facts (M: a secondary source quoting the inspectorate), ``"record"`` for a check of
    the case as recorded that no guidance sentence states (dates in order, ids that name events),
    or ``"unsourced"`` where no sentence of the guidance states the rule: ``quote`` then says so in
    words rather than quoting an unrelated sentence.
    """

    #: The guidance file name, or a publication named in the inspectorate's notes.
    document: str
    #: The sentence the rule encodes, word for word; for an unsourced rule, why there is none.
    quote: str
    #: Where in the document: the paragraph, section or page.
    locator: str = ""
    #: "primary", "H" or "M" (secondary sources, as the notes grade them), "record" or "unsourced".
    confidence: str = "primary"
    #: Where the guidance or DOMAIN-NOTES.md says so: the first and last day the sentence is in
    #: force, and the sectors it rules (empty: every sector of the rule's framework).
    in_force_from: dt.date | None = None
    #: The last day the sentence is in force, where known.
    in_force_until: dt.date | None = None
    #: The sectors the sentence rules; empty: every sector of the rule's framework.
    sectors: tuple[str, ...] = field(default=(), converter=_tuple)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the sentence is in force on ``day``, as far as its dates are known."""
        after_start = self.in_force_from is None or day >= self.in_force_from
        before_end = self.in_force_until is None or day <= self.in_force_until
        return after_start and before_end

    def covers(self, sector: str) -> bool:
        """Whether the sentence rules ``sector`` (a sentence with no sectors rules every one)."""
        return not self.sectors or sector in self.sectors

    def __str__(self) -> str:
        where = f"{self.document}, {self.locator}" if self.locator else self.document
        marker = "" if self.confidence == "primary" else f" [{self.confidence}]"
        return f'{where}{marker}: "{self.quote}"'

    def to_json(self) -> dict:
        data: dict[str, str | list[str]] = {"document": self.document, "quote": self.quote, "locator": self.locator,
                                            "confidence": self.confidence}
        # The scope is written only where it is known, so older readers of the JSON see what they did.
        if self.in_force_from:
            data["in_force_from"] = self.in_force_from.isoformat()
        if self.in_force_until:
            data["in_force_until"] = self.in_force_until.isoformat()
        if self.sectors:
            data["sectors"] = list(self.sectors)
        return data


@frozen
class Provider:
    """The school, college or partnership inspected."""

    #: The provider's name as published.
    name: str
    #: The sector id of the framework ("primary", "school", "further-education", ...).
    sector: str
    #: england, wales, scotland or northern-ireland: whose bank holidays and school terms count.
    nation: str = "england"
    #: The local authority; in Wales it chooses the school terms a date is counted on.
    local_authority: str = ""
    #: The language the provider teaches in, where the framework records it ("welsh").
    language_medium: str = ""
    #: Reference numbers by scheme: {"urn": "100001"}, {"ukprn": ...}.
    identifiers: Mapping[str, str] = field(factory=dict, converter=_mapping)


@frozen
class InspectionDates:
    """Dates of the inspection itself; any may be unknown (None) while it is being planned."""

    #: The day the provider was told of the inspection.
    notified: dt.date | None = None
    #: The first day on site.
    start: dt.date | None = None
    #: The last day on site.
    end: dt.date | None = None
    #: The day the draft report went to the provider.
    draft_issued: dt.date | None = None
    #: The day the report was published.
    published: dt.date | None = None


@frozen
class Team:
    #: The inspector who leads and writes the report.
    reporting_inspector: str = ""
    #: The other inspectors on the team.
    team_inspectors: tuple[str, ...] = field(default=(), converter=_tuple)
    #: The provider's nominee who works with the team.
    nominee: str = ""
    #: The HMI supporting the provider after inspection (only frameworks naming
    #: team.improvement_hmi).
    improvement_hmi: str = ""
    #: Inspectors already named for the next inspection, where known (Ofsted's support and
    #: challenge guidance keeps the improvement HMI off both teams).
    next_inspection_team: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class Judgement:
    """A grade recorded for one area. ``overridden_from`` is the proposal the inspector set aside."""

    #: The area id of the framework the grade is for.
    area: str
    #: The grade id on the area's scale.
    grade: str
    #: Who recorded it.
    by: str = ""
    #: The grade the rules proposed, where the inspector set it aside.
    overridden_from: str | None = None
    #: Why the proposal was set aside, in the inspector's words.
    reason: str = ""


@frozen
class Evidence:
    """One piece of evidence. ``tags`` carry regime-specific marks (e.g. the sector-leading tests met).

    ``by`` is the date an agreed action (kind :data:`AGREED_ACTION`) is to be done by: the
    timescale agreed with the provider.
    """

    #: The area id it is evidence for.
    area: str
    #: One of the framework's evidence_kinds ("strength", "area-for-improvement", ...).
    kind: str
    #: What the inspector wrote.
    text: str
    #: Where it was seen (a lesson, a meeting, a document).
    source: str = ""
    #: Regime-specific marks, e.g. the sector-leading tests met.
    tags: tuple[str, ...] = field(default=(), converter=_tuple)
    #: For an agreed action: the date it is to be done by.
    by: dt.date | None = None


@frozen
class ProgressEntry:
    """Progress against a recommendation, recorded at a follow-up visit."""

    #: The day of the follow-up visit the progress was judged at.
    on: dt.date
    #: The judgement, from the framework's progress_scale where it has one.
    progress: str
    #: The inspector's note.
    note: str = ""


@frozen
class Recommendation:
    """Recommendations are kept in priority order: 1 is the most important."""

    #: The recommendation as the report words it.
    text: str
    #: Its place in priority order: 1 is the most important.
    priority: int
    #: The area ids it is about.
    areas: tuple[str, ...] = field(default=(), converter=_tuple)
    #: The progress recorded against it at follow-up visits, oldest first.
    progress: tuple[ProgressEntry, ...] = field(default=(), converter=_tuple)


@frozen
class FollowUpRecord:
    """What has happened since the inspection: events done (event id -> date), category set by hand."""

    #: Events done, by event id: the day each happened.
    done: Mapping[str, dt.date] = field(factory=dict, converter=_mapping)
    #: A follow-up category set by hand, overriding the rules' (None: the rules decide).
    category: str | None = None
    #: Why the category was set by hand.
    category_reason: str = ""
    #: Support strategies or other options the inspector picked from a regime's catalogue.
    chosen: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class DocumentDetails:
    """How a letter or report drafted for the case is dated, addressed and signed, as the team set
    it. Anything left empty is as the template writes it (dated the day it is drafted, addressed
    and signed as the regime's template has it)."""

    #: The date the document bears; None: as the template dates it.
    date: dt.date | None = None
    #: Whom it is addressed to; empty: as the template has it.
    addressee: str = ""
    #: Who signs it; empty: as the template has it.
    signatory: str = ""


#: The language mediums (``Provider.language_medium``) whose reports are drafted in Welsh by default.
WELSH_MEDIUM = ("welsh", "cymraeg")


@frozen
class Case:
    """One inspection of one provider under one regime's framework."""

    #: The provider inspected.
    provider: Provider
    #: The regime id ("estyn").
    regime: str
    #: The framework id the case is recorded under.
    framework: str
    #: The visit kind, one of the framework's visit_kinds.
    kind: str = "inspection"
    #: The inspection's own dates.
    dates: InspectionDates = field(factory=InspectionDates)
    #: The inspection team.
    team: Team = field(factory=Team)
    #: The grades recorded, one per area.
    judgements: tuple[Judgement, ...] = field(default=(), converter=_tuple)
    #: The evidence recorded.
    evidence: tuple[Evidence, ...] = field(default=(), converter=_tuple)
    #: The recommendations, with progress at follow-up.
    recommendations: tuple[Recommendation, ...] = field(default=(), converter=_tuple)
    #: What has happened since: events done, a category set by hand, options chosen.
    follow_up: FollowUpRecord = field(factory=FollowUpRecord)
    #: The inspector's own calls that rules depend on but cannot derive, by id, each naming the
    #: areas it applies to (e.g. Estyn 2010 "many-strengths": ["outcomes"]).
    inspector_calls: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_mapping)
    #: Readings of ambiguous rules chosen for this case (setting id -> reading id).
    settings: Mapping[str, str] = field(factory=dict, converter=_mapping)
    #: The date, addressee and signatory set for a letter or report, by template id.
    documents: Mapping[str, DocumentDetails] = field(factory=dict, converter=_mapping)
    #: The language its reports and letters are drafted in (an ``i18n.LANGUAGES`` code); "" for
    #: the provider's language medium's (see ``drafting_language``).
    report_language: str = ""
    #: The casebook's id; None for a case not (yet) stored.
    id: str | None = None

    @property
    def drafting_language(self) -> str:
        """The language its reports are drafted in: the one chosen for the case, else Welsh for a
        Welsh-medium provider and English for any other."""
        if self.report_language:
            return self.report_language
        return "cy" if self.provider.language_medium.strip().lower() in WELSH_MEDIUM else "en"

    def grade(self, area: str) -> str | None:
        """The recorded grade for ``area``, or None."""
        for judgement in self.judgements:
            if judgement.area == area:
                return judgement.grade
        return None

    def evidence_in(self, area: str, kind: str | None = None) -> list[Evidence]:
        return [e for e in self.evidence if e.area == area and (kind is None or e.kind == kind)]

    def with_judgement(self, judgement: Judgement) -> Case:
        """A copy with ``judgement`` replacing any earlier grade for its area."""
        others = [j for j in self.judgements if j.area != judgement.area]
        return attrs.evolve(self, judgements=(*others, judgement))


# -- what the rules say ---------------------------------------------------------------------------


@frozen
class Finding:
    """A rule's verdict on a case: an error must be put right, a warning deserves a look."""

    #: "error" (must be put right), "warning" (deserves a look) or "info".
    severity: str = field(validator=attrs.validators.in_(SEVERITIES))
    #: The rule id, e.g. "estyn.safeguarding-concern".
    rule: str
    #: What the inspector reads and can act on.
    message: str
    #: The sentence the rule encodes.
    citation: Citation
    #: The area id the finding is about, if any.
    area: str | None = None
    #: The case-file key the finding is about, dotted (``follow_up.done.improvment-visit``), so a
    #: front end can point at the file's line or the field.
    key: str | None = None

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "citation": self.citation.to_json(),
            "area": self.area,
            "key": self.key,
        }


@frozen
class Proposal:
    """A judgement the regime's rules propose for an area, and whether the inspector may override it.

    ``ceiling`` is set when the rules fix only the best grade allowed (e.g. "at best requires
    improvement"); ``grade`` is then the proposal and anything better is not allowed.
    """

    #: The area id the proposal is for.
    area: str
    #: The grade id proposed (with ceiling: the best allowed); None where no grade follows.
    grade: str | None
    #: Why, in words.
    rationale: str
    #: The sentence the rule encodes.
    citation: Citation
    #: The rule id.
    rule: str
    #: Whether the inspector may record another grade (with a reason).
    overridable: bool = True
    #: Set when the rules fix only the best grade allowed: that grade's id.
    ceiling: str | None = None

    def allows(self, scale: Scale | None, grade_id: str) -> bool:
        """False when ``grade_id`` is better than a limit the inspector may not override: the
        ceiling (else the grade) of a proposal that is not overridable. The app refuses such a
        grade; the regime's checks report one recorded anyway as an error."""
        if self.overridable or scale is None:
            return True
        limit = self.ceiling or self.grade
        chosen, worst_allowed = scale.grade(grade_id), scale.grade(limit) if limit else None
        return chosen is None or worst_allowed is None or chosen.rank >= worst_allowed.rank

    def needs_reason(self, scale: Scale | None, grade_id: str) -> bool:
        """Whether recording ``grade_id`` sets the proposal aside, so the inspector must say why:
        any other grade than proposed, but one below a ceiling (what the rules allow anyway)."""
        if self.grade is None or grade_id == self.grade:
            return False
        if self.ceiling and scale is not None:
            chosen, ceiling = scale.grade(grade_id), scale.grade(self.ceiling)
            if chosen is not None and ceiling is not None and chosen.rank > ceiling.rank:
                return False
        return True

    def to_json(self) -> dict:
        return {
            "area": self.area,
            "grade": self.grade,
            "rationale": self.rationale,
            "rule": self.rule,
            "overridable": self.overridable,
            "ceiling": self.ceiling,
            "citation": self.citation.to_json(),
        }


@frozen
class FollowUpCategory:
    """The follow-up a case falls into (e.g. special measures, Estyn review, none)."""

    #: The category id ("special-measures", "none"), as describe_follow_up_triggers names it.
    id: str
    #: Its name as the guidance gives it.
    name: str
    #: Why this case falls into it, in words.
    rationale: str
    #: The sentence that puts the case there.
    citation: Citation
    #: Whether the category is set in law.
    statutory: bool = False
    #: The rule id.
    rule: str = ""

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "rationale": self.rationale,
            "statutory": self.statutory,
            "rule": self.rule,
            "citation": self.citation.to_json(),
        }


@frozen
class Anchor:
    """The date an event is counted from, by name (e.g. "inspection-end", "report-published").

    An event counted back from another event's window (a notice before a re-inspection that is
    not yet done) has no one ``date``; ``window`` then holds that window's first and last days.
    """

    #: What the event is counted from: a case date ("report-published") or another event's id.
    name: str
    #: That date; None while unknown or when counted from a window.
    date: dt.date | None
    #: The first and last day of the window counted from, where there is no one date.
    window: tuple[dt.date, dt.date] | None = None

    def when(self) -> str:
        """The anchor's date, or window, in words for every front end."""
        from inspectorate.i18n import core_words

        if self.date is not None:
            return self.date.isoformat()
        _ = core_words()
        if self.window is not None:
            return _("{first} – {last} (its window)", first=self.window[0].isoformat(), last=self.window[1].isoformat())
        return _("(not yet known)")


@frozen
class Provenance:
    """How a date was computed: the rule, the calendar policy and any reading of ambiguous guidance."""

    #: The rule id that dated the event.
    rule: str
    #: The calendar policy used (WorkingCalendar.policy).
    calendar: str
    #: The reading of an ambiguous sentence the date depends on, if any.
    reading: str = ""


EVENT_STATUSES = ("done", "overdue", "due-soon", "open", "upcoming", "waiting")


@frozen
class FollowUpEvent:
    """A dated follow-up event: a window (``earliest`` .. ``latest``) or a plain deadline.

    ``earliest`` is None for a deadline; both are None while the anchor date is unknown
    (status ``waiting``). ``basis`` says the rule in words, e.g. "10 to 30 working days after the
    report is published".
    """

    #: The event id that [follow_up] done records it under.
    id: str
    #: What a person reads.
    title: str
    #: The first day of the window; None for a plain deadline or while unknown.
    earliest: dt.date | None
    #: The deadline or the window's last day; None while the anchor is unknown.
    latest: dt.date | None
    #: What it is counted from, and that date.
    anchor: Anchor
    #: The rule in words ("10 to 30 working days after the report is published").
    basis: str
    #: The sentence that sets the time.
    citation: Citation
    #: The rule, calendar policy and reading that produced the dates.
    provenance: Provenance
    #: Whether the time is set in law.
    statutory: bool = False
    #: done, overdue, due-soon, open, upcoming or waiting: set by the core, leave the default.
    status: str = field(default="waiting", validator=attrs.validators.in_(EVENT_STATUSES))
    #: The day it was recorded done: set by the core.
    done_on: dt.date | None = None

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "id": self.id,
            "title": self.title,
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "anchor": {"name": self.anchor.name, "date": iso(self.anchor.date),
                       **({"window": [iso(d) for d in self.anchor.window]} if self.anchor.window else {})},
            "basis": self.basis,
            "statutory": self.statutory,
            "status": self.status,
            "done_on": iso(self.done_on),
            "rule": self.provenance.rule,
            "calendar": self.provenance.calendar,
            "reading": self.provenance.reading,
            "citation": self.citation.to_json(),
        }


# -- a regime's follow-up rules in words, for comparing regimes ------------------------------------


@frozen
class FollowUpTrigger:
    """What puts a case into one follow-up category, in words, with the sentence it comes from.

    ``category`` is the id :func:`~inspectorate.hookspecs.classify_follow_up` gives for it;
    ``setting`` names the framework setting whose reading decides it, if any.
    """

    #: The category id classify_follow_up gives.
    category: str
    #: The category's name.
    name: str
    #: What puts a case there, in words.
    when: str
    #: The sentence that says so.
    citation: Citation
    #: Whether the category is set in law.
    statutory: bool = False
    #: The framework setting whose reading changes when the category applies, if any.
    setting: str = ""

    def to_json(self) -> dict:
        return {
            "category": self.category,
            "name": self.name,
            "when": self.when,
            "statutory": self.statutory,
            "setting": self.setting,
            "citation": self.citation.to_json(),
        }


@frozen
class TimingRule:
    """One follow-up timing rule in words: the event, when it falls and counted from what, its source.

    ``event`` is the id :func:`~inspectorate.hookspecs.schedule_follow_up` gives the events it
    produces, or a pattern with ``*`` for events numbered as they happen
    (``"further-visit-*"``; see :meth:`describes`). ``applies_when`` says which cases bring the
    event ("special measures"), empty for every case. ``setting`` names the framework setting
    whose reading moves the date, if any.
    """

    #: The event id schedule_follow_up gives, or a pattern with * for numbered events.
    event: str
    #: The event's title.
    title: str
    #: When it falls, counted from what, in words.
    basis: str
    #: The sentence that sets the time.
    citation: Citation
    #: Which cases bring the event, in words; empty for every case.
    applies_when: str = ""
    #: The framework setting whose reading moves the date, if any.
    setting: str = ""
    #: Whether the time is set in law.
    statutory: bool = False

    def to_json(self) -> dict:
        return {
            "event": self.event,
            "title": self.title,
            "basis": self.basis,
            "applies_when": self.applies_when,
            "setting": self.setting,
            "statutory": self.statutory,
            "citation": self.citation.to_json(),
        }

    def describes(self, event_id: str) -> bool:
        """Whether this rule is the one for the scheduled event ``event_id``: the same id, or an
        id matching an ``event`` with ``*`` wildcards (``further-visit-*-letter``)."""
        if "*" in self.event:
            return fnmatch.fnmatchcase(event_id, self.event)
        return event_id == self.event
