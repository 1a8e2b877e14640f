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

import attrs
from attrs import field, frozen


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

    document: str
    quote: str
    locator: str = ""
    confidence: str = "primary"
    #: Where the guidance or DOMAIN-NOTES.md says so: the first and last day the sentence is in
    #: force, and the sectors it rules (empty: every sector of the rule's framework).
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
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
        data = {"document": self.document, "quote": self.quote, "locator": self.locator, "confidence": self.confidence}
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

    name: str
    sector: str
    nation: str = "england"
    local_authority: str = ""
    language_medium: str = ""
    identifiers: Mapping[str, str] = field(factory=dict, converter=_mapping)


@frozen
class InspectionDates:
    """Dates of the inspection itself; any may be unknown (None) while it is being planned."""

    notified: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    draft_issued: dt.date | None = None
    published: dt.date | None = None


@frozen
class Team:
    reporting_inspector: str = ""
    team_inspectors: tuple[str, ...] = field(default=(), converter=_tuple)
    nominee: str = ""
    improvement_hmi: str = ""
    #: Inspectors already named for the next inspection, where known (Ofsted's support and
    #: challenge guidance keeps the improvement HMI off both teams).
    next_inspection_team: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class Judgement:
    """A grade recorded for one area. ``overridden_from`` is the proposal the inspector set aside."""

    area: str
    grade: str
    by: str = ""
    overridden_from: str | None = None
    reason: str = ""


@frozen
class Evidence:
    """One piece of evidence. ``tags`` carry regime-specific marks (e.g. the sector-leading tests met).

    ``by`` is the date an agreed action (kind :data:`AGREED_ACTION`) is to be done by: the
    timescale agreed with the provider.
    """

    area: str
    kind: str
    text: str
    source: str = ""
    tags: tuple[str, ...] = field(default=(), converter=_tuple)
    by: dt.date | None = None


@frozen
class ProgressEntry:
    """Progress against a recommendation, recorded at a follow-up visit."""

    on: dt.date
    progress: str
    note: str = ""


@frozen
class Recommendation:
    """Recommendations are kept in priority order: 1 is the most important."""

    text: str
    priority: int
    areas: tuple[str, ...] = field(default=(), converter=_tuple)
    progress: tuple[ProgressEntry, ...] = field(default=(), converter=_tuple)


@frozen
class FollowUpRecord:
    """What has happened since the inspection: events done (event id -> date), category set by hand."""

    done: Mapping[str, dt.date] = field(factory=dict, converter=_mapping)
    category: str | None = None
    category_reason: str = ""
    #: Support strategies or other options the inspector picked from a regime's catalogue.
    chosen: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class DocumentDetails:
    """How a letter or report drafted for the case is dated, addressed and signed, as the team set
    it. Anything left empty is as the template writes it (dated the day it is drafted, addressed
    and signed as the regime's template has it)."""

    date: dt.date | None = None
    addressee: str = ""
    signatory: str = ""


@frozen
class Case:
    """One inspection of one provider under one regime's framework."""

    provider: Provider
    regime: str
    framework: str
    kind: str = "inspection"
    dates: InspectionDates = field(factory=InspectionDates)
    team: Team = field(factory=Team)
    judgements: tuple[Judgement, ...] = field(default=(), converter=_tuple)
    evidence: tuple[Evidence, ...] = field(default=(), converter=_tuple)
    recommendations: tuple[Recommendation, ...] = field(default=(), converter=_tuple)
    follow_up: FollowUpRecord = field(factory=FollowUpRecord)
    #: The inspector's own calls that rules depend on but cannot derive, by id, each naming the
    #: areas it applies to (e.g. Estyn 2010 "many-strengths": ["outcomes"]).
    inspector_calls: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_mapping)
    #: Readings of ambiguous rules chosen for this case (setting id -> reading id).
    settings: Mapping[str, str] = field(factory=dict, converter=_mapping)
    #: The date, addressee and signatory set for a letter or report, by template id.
    documents: Mapping[str, DocumentDetails] = field(factory=dict, converter=_mapping)
    #: The casebook's id; None for a case not (yet) stored.
    id: str | None = None

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

    severity: str = field(validator=attrs.validators.in_(SEVERITIES))
    rule: str
    message: str
    citation: Citation
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

    area: str
    grade: str | None
    rationale: str
    citation: Citation
    rule: str
    overridable: bool = True
    ceiling: str | None = None

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

    id: str
    name: str
    rationale: str
    citation: Citation
    statutory: bool = False
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

    name: str
    date: dt.date | None
    window: tuple[dt.date, dt.date] | None = None

    def when(self) -> str:
        """The anchor's date, or window, in words for every front end."""
        if self.date is not None:
            return self.date.isoformat()
        if self.window is not None:
            return f"{self.window[0].isoformat()} – {self.window[1].isoformat()} (its window)"
        return "(not yet known)"


@frozen
class Provenance:
    """How a date was computed: the rule, the calendar policy and any reading of ambiguous guidance."""

    rule: str
    calendar: str
    reading: str = ""


EVENT_STATUSES = ("done", "overdue", "due-soon", "open", "upcoming", "waiting")


@frozen
class FollowUpEvent:
    """A dated follow-up event: a window (``earliest`` .. ``latest``) or a plain deadline.

    ``earliest`` is None for a deadline; both are None while the anchor date is unknown
    (status ``waiting``). ``basis`` says the rule in words, e.g. "10 to 30 working days after the
    report is published".
    """

    id: str
    title: str
    earliest: dt.date | None
    latest: dt.date | None
    anchor: Anchor
    basis: str
    citation: Citation
    provenance: Provenance
    statutory: bool = False
    status: str = field(default="waiting", validator=attrs.validators.in_(EVENT_STATUSES))
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

    category: str
    name: str
    when: str
    citation: Citation
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

    event: str
    title: str
    basis: str
    citation: Citation
    applies_when: str = ""
    setting: str = ""
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
