"""The words and marks every front end shows for findings and follow-up events.

The command line, the terminal app and comparisons take them from here, so a window reads the
same wherever it is shown. Marks go with words: never colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspectorate.i18n import N_, core_words
from inspectorate.model import EVENT_STATUSES, SEVERITIES, FollowUpEvent

if TYPE_CHECKING:
    from inspectorate.frameworks import Framework, Scale

#: A finding's severity as mark and word, worst first (the order of ``SEVERITIES``), in English:
#: shown through :func:`severity_label` (or ``core_words()(label)``) in the language spoken.
SEVERITY_LABELS = dict(zip(SEVERITIES, (N_("✖ error"), N_("▲ warning"), N_("ℹ note")), strict=True))

#: A follow-up event's status as mark and word, in the order of ``EVENT_STATUSES`` (English, as above).
STATUS_LABELS = dict(
    zip(
        EVENT_STATUSES,
        (N_("✓ done"), N_("‼ overdue"), N_("! due soon"), N_("• open"), N_("○ upcoming"), N_("… waiting")),
        strict=True,
    )
)

#: A severity or status as one word, where a column is narrow (the command line): the id in English.
_WORDS = {
    "error": N_("error"), "warning": N_("warning"), "info": N_("info"),
    "done": N_("done"), "overdue": N_("overdue"), "due-soon": N_("due-soon"), "open": N_("open"),
    "upcoming": N_("upcoming"), "waiting": N_("waiting"),
}  # fmt: skip


#: Where a case stands (``evaluation.stage_of``, kept in the casebook's list in English).
_STAGES = {
    "planned": N_("planned"), "on site": N_("on site"), "reporting": N_("reporting"),
    "follow-up": N_("follow-up"), "closed": N_("closed"), "unknown": N_("unknown"),
    "unknown framework": N_("unknown framework"),
}  # fmt: skip


def stage_word(stage: str) -> str:
    """A case's stage in the language spoken."""
    return core_words()(_STAGES[stage]) if stage in _STAGES else stage


def severity_label(severity: str) -> str:
    """The severity's mark and word in the language spoken."""
    return core_words()(SEVERITY_LABELS.get(severity, severity))


def status_label(status: str) -> str:
    """The status's mark and word in the language spoken."""
    return core_words()(STATUS_LABELS.get(status, status))


def short_word(value: str) -> str:
    """A severity or status id as one word in the language spoken (the id itself in English)."""
    return core_words()(_WORDS[value]) if value in _WORDS else value


def severity_rank(severity: str) -> int:
    """Worst first: errors, then warnings, then notes; anything unknown last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def window_text(event: FollowUpEvent) -> str:
    """When the event falls: its window (earliest – latest), its deadline, its opening, or why there is no date yet."""
    _ = core_words()
    if event.earliest and event.latest:
        return f"{event.earliest.isoformat()} – {event.latest.isoformat()}"
    if event.latest:
        return _("by {date}", date=event.latest.isoformat())
    if event.earliest:
        return _("from {date}", date=event.earliest.isoformat())
    return _("date not yet known")


def area_name(framework: Framework | None, area_id: str) -> str:
    """An area's name in the language spoken (its id where the framework does not have it)."""
    area = framework.area(area_id) if framework else None
    return area.name() if area else area_id


def grade_label(scale: Scale | None, grade_id: str | None) -> str:
    """A grade as every front end shows it: symbol and name in the language spoken ("2 Good");
    its id where the scale does not have it, "—" for no grade."""
    grade = scale.grade(grade_id) if scale and grade_id else None
    if grade is None:
        return grade_id or "—"
    name = grade.name()
    # Some scales carry the number in the name already ("Good (2)"): show it once.
    return name if not grade.symbol or grade.symbol in name else f"{grade.symbol} {name}"


#: What the ids frameworks share mean in words (sectors, visit kinds, evidence kinds, the team's calls,
#: progress, the case dates events are counted from): in English the id with spaces, as before;
#: told in the language spoken. An id not here is shown as its words (hyphens as spaces).
_ID_WORDS = {
    "school": N_("school"),
    "further-education": N_("further education"),
    "adult-learning-in-the-community": N_("adult learning in the community"),
    "adult-community-learning": N_("adult community learning"),
    "work-based-learning": N_("work based learning"),
    "pupil-referral-unit": N_("pupil referral unit"),
    "independent-learning-provider": N_("independent learning provider"),
    "social-care": N_("social care"),
    "regional-consortium": N_("regional consortium"),
    "inspection": N_("inspection"),
    "core-inspection": N_("core inspection"),
    "monitoring-visit": N_("monitoring visit"),
    "interim-visit": N_("interim visit"),
    "follow-up-visit": N_("follow up visit"),
    "follow-up-inspection": N_("follow up inspection"),
    "full-inspection": N_("full inspection"),
    "full-model-inspection": N_("full model inspection"),
    "short-model-inspection": N_("short model inspection"),
    "further-inspection": N_("further inspection"),
    "improvement-visit": N_("improvement visit"),
    "interim-inspection": N_("interim inspection"),
    "monitoring-inspection": N_("monitoring inspection"),
    "re-inspection": N_("re inspection"),
    "sustaining-improvement-inspection": N_("sustaining improvement inspection"),
    "strength": N_("strength"),
    "area-for-improvement": N_("area for improvement"),
    "important-area-for-improvement": N_("important area for improvement"),
    "sector-leading-practice": N_("sector leading practice"),
    "safeguarding-concern": N_("safeguarding concern"),
    "agreed-action": N_("agreed action"),
    "strong": N_("strong"),
    "satisfactory": N_("satisfactory"),
    "limited": N_("limited"),
    "very-little-or-none": N_("very little or none"),
    "serious-shortcomings": N_("serious shortcomings"),
    "safeguarding-cause-for-concern": N_("safeguarding cause for concern"),
    "many-strengths": N_("many strengths"),
    "additional-support": N_("additional support"),
    "report": N_("report"),
    "letter": N_("letter"),
    "proforma": N_("proforma"),
    "notified": N_("notified"),
    "inspection-start": N_("inspection start"),
    "inspection-end": N_("inspection end"),
    "draft-issued": N_("draft issued"),
    "report-published": N_("report published"),
    "original-inspection": N_("original inspection"),
}


def id_words(identifier: str) -> str:
    """An id a person reads (``area-for-improvement``) as words in the language spoken."""
    known = _ID_WORDS.get(identifier)
    return core_words()(known) if known else identifier.replace("-", " ")
