"""Regimes and their frameworks: scales, areas, sectors, evidence kinds, themes.

A framework is mostly data. Plugins build these objects (often from a TOML file they ship, see
:func:`framework_from_toml`) and hand them to the core through the ``register_regimes`` hook.
Names are per language: ``{"en": "Excellent", "cy": "Rhagorol"}``, and so are the sentences a
framework shows (its summary, the inspector's calls, the readings of its settings, its follow-up
options): each is a :data:`~inspectorate.i18n.Text`, which a data file may give as a plain string
(English) or as a table by language, and each has an accessor giving it in the language spoken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NewType

from attrs import field, frozen

from inspectorate.i18n import Text, as_text, text_in
from inspectorate.model import _mapping, _tuple
from inspectorate.problems import ProblemsError, what_it_is
from inspectorate.toml_schema import parse, read_text, register, structure, structure_at


def _texts(value: Mapping[str, str | Mapping[str, str]] | None) -> Mapping[str, Text]:
    """id -> sentence, each a plain string (English) or a table by language, as id -> Text."""
    return {key: as_text(text) for key, text in (value or {}).items()}


#: One setting for ambiguous guidance: ``{"default": reading id, "readings": {reading id: Text}}``.
Setting = NewType("Setting", Mapping[str, Any])


def _setting(value: Mapping[str, Any]) -> Setting:
    return Setting({**value, "readings": _texts(value.get("readings"))} if "readings" in value else dict(value))


def _settings(value: Mapping[str, Mapping[str, Any]] | None) -> Mapping[str, Setting]:
    return {key: _setting(setting) for key, setting in (value or {}).items()}


def _setting_from_toml(value: Any, _type: Any) -> Setting:
    """A ``[settings.X]`` table: ``default`` a reading id, ``readings`` a sentence for each reading."""
    if not isinstance(value, dict):
        raise TypeError(f"expected a table, got {what_it_is(value)}")
    table = dict(value)
    if "default" in table:
        table["default"] = structure_at(table, "default", str)
    if "readings" in table:
        table["readings"] = structure_at(table, "readings", Mapping[str, Text])
    return _setting(table)


register(Setting, _setting_from_toml)


@frozen
class Grade:
    """One point of a scale. ``rank`` 1 is the best; ``symbol`` lets a screen show it without colour."""

    #: The grade id a judgement records.
    id: str
    #: Its name by language: {"en": ..., "cy": ...}.
    names: Mapping[str, str] = field(converter=_mapping)
    #: Its place on the scale: 1 is the best.
    rank: int
    #: A short mark a screen shows it by without relying on colour.
    symbol: str = ""

    def name(self, lang: str | None = None) -> str:
        return text_in(self.names, lang)


@frozen
class Scale:
    #: The scale id an area names.
    id: str
    #: Its grades (best_first orders them by rank).
    grades: tuple[Grade, ...] = field(converter=_tuple)

    def grade(self, grade_id: str) -> Grade | None:
        return next((g for g in self.grades if g.id == grade_id), None)

    @property
    def grade_ids(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.grades)

    @property
    def best_first(self) -> tuple[Grade, ...]:
        """The grades from the best (rank 1) to the weakest, whatever order they were given in."""
        return tuple(sorted(self.grades, key=lambda g: g.rank))

    def place(self, grade_id: str) -> int | None:
        """Where the grade stands from the best, 0 for the best; None for a grade not on the scale."""
        return next((i for i, g in enumerate(self.best_first) if g.id == grade_id), None)


@frozen
class Area:
    """An inspection area (or key question, or evaluation area).

    ``scale`` is the id of the scale it is graded on, or None where it is not graded.
    ``parent`` names the area a sub-area belongs to; ``code`` is the guidance's number ("1.1").
    ``themes`` are the common themes the area maps to when regimes are compared (ids from
    :data:`inspectorate.compare.themes.COMMON_THEMES`): evidence is carried between frameworks
    through them.
    """

    #: The area id judgements and evidence name.
    id: str
    #: Its name by language.
    names: Mapping[str, str] = field(converter=_mapping)
    #: The id of the scale it is graded on; None where it is not graded.
    scale: str | None = None
    #: The area a sub-area belongs to.
    parent: str | None = None
    #: The guidance's number for it ("1.1").
    code: str = ""
    #: Common themes it maps to when regimes are compared, main theme first.
    themes: tuple[str, ...] = field(default=(), converter=_tuple)
    #: Sectors this area applies to (empty: all), e.g. Ofsted's "sixth-form".
    sectors: tuple[str, ...] = field(default=(), converter=_tuple)
    #: Whether a case may leave it ungraded without a finding.
    optional: bool = False

    def name(self, lang: str | None = None) -> str:
        return text_in(self.names, lang)


#: Case fields only some frameworks use, by case-file key; a framework names those it uses in
#: ``case_fields`` and front ends leave the others out (see :meth:`Framework.uses`).
OPTIONAL_CASE_FIELDS = ("team.improvement_hmi", "team.next_inspection_team")


def _optional_fields(_instance, _attribute, keys) -> None:
    unknown = [key for key in keys if key not in OPTIONAL_CASE_FIELDS]
    if unknown:
        raise ValueError(f"case_fields: {', '.join(unknown)} is not one of {', '.join(OPTIONAL_CASE_FIELDS)}")


@frozen
class Framework:
    """One framework of a regime: its scales, areas and the words it shows.

    Its sentences (``summary``, each of ``inspector_calls``, each reading of ``settings``,
    ``follow_up_options`` and ``follow_up_options_title``) are each a ``Text``, a mapping language ->
    sentence such as ``{"en": "...", "cy": "..."}``; given as a plain string (as a data file or an
    older plugin may), it is the English, ``{"en": text}``. Show them through ``summary_text()``,
    ``call_text(id)``, ``reading_text(setting, reading)``, ``option_text(id)`` and
    ``options_title()``: each gives the language spoken, falling back to English.
    """

    #: The framework id a case names ("estyn-2024").
    id: str
    #: The id of the regime it belongs to.
    regime: str
    #: Its name by language.
    names: Mapping[str, str] = field(converter=_mapping)
    #: The sector ids it inspects.
    sectors: tuple[str, ...] = field(converter=_tuple)
    #: Its grading scales.
    scales: tuple[Scale, ...] = field(default=(), converter=_tuple)
    #: Its areas, sub-areas after their parent.
    areas: tuple[Area, ...] = field(default=(), converter=_tuple)
    #: The kinds of evidence a case under it records.
    evidence_kinds: tuple[str, ...] = field(default=(), converter=_tuple)
    #: The kinds of visit a case under it can be ("inspection", "monitoring-visit").
    visit_kinds: tuple[str, ...] = field(default=("inspection",), converter=_tuple)
    #: The inspector's own calls the rules rely on (id -> description, a string or a table by
    #: language), see Case.inspector_calls; shown by :meth:`call_text`.
    inspector_calls: Mapping[str, Text] = field(factory=dict, converter=_texts)
    #: Settings for ambiguous guidance: id -> {"default": reading, "readings": {reading: description}},
    #: each description a string or a table by language; shown by :meth:`reading_text`.
    settings: Mapping[str, Setting] = field(factory=dict, converter=_settings)
    #: The catalogue the inspector picks follow-up options from into ``case.follow_up.chosen``
    #: (id -> the guidance's words, a string or a table by language), e.g. Ofsted's support and
    #: challenge strategies; a choice may also be another option written out in words. Empty: the
    #: framework has none. Shown by :meth:`option_text`.
    follow_up_options: Mapping[str, Text] = field(factory=dict, converter=_texts)
    #: What that catalogue is, for a heading ("Support and challenge strategies (paragraph 15)"), a
    #: string or a table by language; shown by :meth:`options_title`.
    follow_up_options_title: Text = field(default=Text({}), converter=as_text)
    #: Allowed progress judgements for recommendations at follow-up (empty: free text).
    progress_scale: tuple[str, ...] = field(default=(), converter=_tuple)
    #: The first day it is in force, where known.
    valid_from: dt.date | None = None
    #: The last day it is in force, where known.
    valid_to: dt.date | None = None
    #: A sentence or two on what it is, for the frameworks list and comparisons: a string or a
    #: table by language; shown by :meth:`summary_text`.
    summary: Text = field(default=Text({}), converter=as_text)
    #: How this framework's own evidence kinds count when a case is compared under another
    #: framework: kind -> a common kind (see :data:`inspectorate.compare.themes.COMMON_KINDS`),
    #: e.g. ``{"sector-leading-practice": "strength"}``. Common kinds carry as themselves.
    comparable_kinds: Mapping[str, str] = field(factory=dict, converter=_mapping)
    #: The fields of :data:`OPTIONAL_CASE_FIELDS` this framework uses (e.g. Ofsted 2012's improvement HMI).
    case_fields: tuple[str, ...] = field(default=(), converter=_tuple, validator=_optional_fields)

    def name(self, lang: str | None = None) -> str:
        return text_in(self.names, lang)

    def summary_text(self, lang: str | None = None) -> str:
        """The summary in ``lang`` (by default the language spoken), else in English; "" for none."""
        return text_in(self.summary, lang)

    def call_text(self, call_id: str, lang: str | None = None) -> str:
        """What the inspector's call ``call_id`` means, in ``lang`` (else English); "" for a call it lacks."""
        return text_in(self.inspector_calls.get(call_id, {}), lang)

    def reading_text(self, setting_id: str, reading: str, lang: str | None = None) -> str:
        """What ``reading`` of the setting means, in ``lang`` (else English); "" where it is not one."""
        setting = self.settings.get(setting_id)
        readings: Mapping[str, Text] = (setting.get("readings") if setting else None) or {}
        return text_in(readings.get(reading, {}), lang)

    def option_text(self, option_id: str, lang: str | None = None) -> str:
        """The guidance's words for follow-up option ``option_id`` in ``lang`` (else English); "" for none."""
        return text_in(self.follow_up_options.get(option_id, {}), lang)

    def options_title(self, lang: str | None = None) -> str:
        """The heading of the follow-up options in ``lang`` (else English); "" where none is given."""
        return text_in(self.follow_up_options_title, lang)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        return next((s for s in self.scales if s.id == scale_id), None)

    def scale_for(self, area_id: str) -> Scale | None:
        area = self.area(area_id)
        return self.scale(area.scale) if area and area.scale else None

    @property
    def graded_areas(self) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a.scale)

    @property
    def area_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.areas)

    def uses(self, key: str) -> bool:
        """Whether a case under this framework records the field with case-file key ``key``:
        every field but the optional ones this framework does not name."""
        return key not in OPTIONAL_CASE_FIELDS or key in self.case_fields

    def setting(self, case_settings: Mapping[str, str], setting_id: str) -> str:
        """The reading chosen for ``setting_id``: the case's choice, else the framework default."""
        return case_settings.get(setting_id) or self.settings[setting_id]["default"]


@frozen
class Regime:
    """An inspectorate: Estyn, Ofsted, ... with the frameworks it has inspected under."""

    #: The regime id a case names ("estyn").
    id: str
    #: Its name by language.
    names: Mapping[str, str] = field(converter=_mapping)
    #: The nations it inspects in; a case carried here from another nation counts on the first one's
    #: working days.
    nations: tuple[str, ...] = field(converter=_tuple)
    #: Its frameworks, oldest first.
    frameworks: tuple[Framework, ...] = field(default=(), converter=_tuple)
    #: The languages its frameworks and templates are written in; every name must exist in each.
    languages: tuple[str, ...] = field(default=("en",), converter=_tuple)

    def name(self, lang: str | None = None) -> str:
        return text_in(self.names, lang)

    def framework(self, framework_id: str) -> Framework | None:
        return next((f for f in self.frameworks if f.id == framework_id), None)


class FrameworkDataError(ProblemsError):
    """A plugin's framework TOML file is malformed; ``problems`` names each file, line and key."""


def framework_from_toml(path: Path | str, regime: str) -> Framework:
    """Load a framework from a plugin's TOML data file.

    The file has top-level ``id``, ``names``, ``sectors`` and optional keys matching
    :class:`Framework`; ``[[scales]]`` each with ``grades`` (best first: rank follows the order
    unless given), and ``[[areas]]``. Every mistake is reported at once, by line and key
    (:mod:`inspectorate.toml_schema`).
    """
    path = Path(path)
    data, lines = parse(read_text(path, FrameworkDataError, "a framework file"), str(path), FrameworkDataError)
    for scale in data.get("scales", []) if isinstance(data.get("scales"), list) else ():
        grades = scale.get("grades") if isinstance(scale, dict) else None
        for rank, grade in enumerate(grades if isinstance(grades, list) else (), start=1):
            if isinstance(grade, dict):
                grade.setdefault("rank", rank)  # best first: the order written is the rank
    framework, problems = structure(data, Framework, str(path), lines, regime=regime)
    if framework is None:  # structure() gives None only with the problems found
        raise FrameworkDataError(problems)
    return framework
