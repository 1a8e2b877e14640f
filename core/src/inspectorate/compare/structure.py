"""Two (or more) frameworks structure by structure: scales, areas and their themes, what triggers
follow-up, every timing rule with its source, what each report contains, the settings for
ambiguous guidance. Everything comes from the plugins' hooks, so any regime can be compared.
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from inspectorate.compare.case import CompareError
from inspectorate.compare.outline import Outline, outline_table, outlines
from inspectorate.compare.table import DIFFERENT, Row, Table, keyed_rows, mark
from inspectorate.compare.themes import COMMON_THEMES, theme_name
from inspectorate.describe import framework_to_json
from inspectorate.evaluation import timing_rules
from inspectorate.frameworks import Framework, Regime
from inspectorate.i18n import core_words
from inspectorate.model import (
    Case,
    Evidence,
    FollowUpTrigger,
    InspectionDates,
    Judgement,
    Provider,
    Recommendation,
    TimingRule,
    _tuple,
)
from inspectorate.plugins import PluginHost


def exemplar_case(framework: Framework, regime: Regime | None) -> Case:
    """A case with something in every part, so that a template shows every section it can.

    Graded at the weakest point of each scale, because that is where reports say most (follow-up,
    what happens next). Dated in the middle of the framework's life.
    """
    _ = core_words()
    start = framework.valid_from or dt.date(2020, 1, 6)
    start = start + dt.timedelta(days=(7 - start.weekday()) % 7 + 28)  # a Monday a month in
    evidence = [
        Evidence(area=a.id, kind=kind, text=_("An example {kind}.", kind=kind.replace("-", " ")), source="example")
        for a in framework.areas
        for kind in framework.evidence_kinds[:2]
    ]
    judgements = []
    for area in framework.graded_areas:
        scale = framework.scale_for(area.id)
        if scale is not None and scale.best_first:
            judgements.append(Judgement(area=area.id, grade=scale.best_first[-1].id))
    return Case(
        provider=Provider(
            name=_("Example provider"),
            sector=framework.sectors[0],
            nation=regime.nations[0] if regime and regime.nations else "england",
        ),
        regime=framework.regime,
        framework=framework.id,
        kind=framework.visit_kinds[0],
        dates=InspectionDates(
            notified=start - dt.timedelta(days=21),
            start=start,
            end=start + dt.timedelta(days=3),
            draft_issued=start + dt.timedelta(days=30),
            published=start + dt.timedelta(days=50),
        ),
        judgements=judgements,
        evidence=evidence,
        recommendations=[Recommendation(text=_("An example recommendation."), priority=1, areas=framework.area_ids[:1])],
    )


@frozen
class FrameworkView:
    regime: Regime
    framework: Framework
    triggers: tuple[FollowUpTrigger, ...] = field(converter=_tuple)
    timing_rules: tuple[TimingRule, ...] = field(converter=_tuple)
    outlines: tuple[Outline, ...] = field(converter=_tuple)

    @property
    def label(self) -> str:
        return f"{self.regime.name()} · {self.framework.id}"

    def to_json(self) -> dict:
        """The framework as ``inspectorate frameworks --json`` gives it, with its follow-up and reports."""
        return {
            **framework_to_json(self.framework),
            "follow_up_triggers": [t.to_json() for t in self.triggers],
            "timing_rules": [r.to_json() for r in self.timing_rules],
            "reports": [o.to_json() for o in self.outlines],
        }


def view_of(host: PluginHost, framework: Framework, today: dt.date, lang: str = "en") -> FrameworkView:
    regime = host.regime(framework.regime)
    if regime is None:
        _ = core_words()
        raise ValueError(
            _(
                "framework {framework} names regime {regime}, which no plugin registers",
                framework=framework.id, regime=repr(framework.regime),
            )
        )
    return FrameworkView(
        regime=regime,
        framework=framework,
        triggers=host.collect("describe_follow_up_triggers", expect=FollowUpTrigger, framework=framework),
        timing_rules=timing_rules(host, framework),
        outlines=outlines(host, exemplar_case(framework, regime), today, lang),
    )


def _in_force(f: Framework) -> str:
    _ = core_words()
    since = f.valid_from.isoformat() if f.valid_from else "—"
    return _("{since} to {until}", since=since, until=f.valid_to.isoformat()) if f.valid_to else _("from {since}", since=since)


def _scale_text(scale) -> str:
    # Welsh keeps a noun singular after a figure, so one message serves every number.
    grades = " / ".join(f"{g.symbol} {g.name()}".strip() for g in scale.best_first)
    _ = core_words()
    return _("{count} points: {grades}", count=len(scale.grades), grades=grades)


@frozen
class FrameworkComparison:
    views: tuple[FrameworkView, ...] = field(converter=_tuple)

    @property
    def labels(self) -> list[str]:
        return [v.label for v in self.views]

    @property
    def title(self) -> str:
        _ = core_words()
        title = self.views[0].framework.id
        for view in self.views[1:]:
            title = _("{first} compared with {other}", first=title, other=view.framework.id)
        return title

    @property
    def preface(self) -> list[str]:
        _ = core_words()
        return [_("≠ marks a difference between the frameworks, = agreement.")]

    def tables(self) -> list[Table]:
        return [
            self._overview(),
            self._scales(),
            self._areas(),
            self._triggers(),
            self._timings(),
            self._reports(),
            self._settings(),
        ]

    def to_json(self) -> dict:
        return {"title": self.title, "frameworks": [v.to_json() for v in self.views], "tables": [t.to_json() for t in self.tables()]}

    def _overview(self) -> Table:
        _ = core_words()
        fs = [v.framework for v in self.views]
        rows = [
            Row(_("Regime"), [v.regime.name() for v in self.views], mark([v.regime.id for v in self.views])),
            Row(_("Name"), [f.name() for f in fs]),
            Row(_("In force"), [_in_force(f) for f in fs]),
            Row(_("Sectors"), [", ".join(f.sectors) for f in fs], mark([frozenset(f.sectors) for f in fs])),
            Row(_("Visits"), [", ".join(f.visit_kinds) for f in fs], mark([frozenset(f.visit_kinds) for f in fs])),
            Row(_("Evidence kinds"), [", ".join(f.evidence_kinds) for f in fs], mark([frozenset(f.evidence_kinds) for f in fs])),
        ]
        return Table(_("Frameworks"), ["", *self.labels], rows,
                     notes=[f"{v.label}: {v.framework.summary_text()}" for v in self.views if v.framework.summary_text()])

    def _scales(self) -> Table:
        _ = core_words()
        fs = [v.framework for v in self.views]
        rows = []
        for i in range(max((len(f.scales) for f in fs), default=0)):
            scales = [f.scales[i] if i < len(f.scales) else None for f in fs]
            rows.append(
                Row(
                    _("Scale {number}", number=i + 1),
                    [_scale_text(s) if s else "—" for s in scales],
                    mark([len(s.grades) if s else None for s in scales]),
                )
            )
        if not rows:
            rows.append(Row(_("Scale"), [_("no graded areas") for f in fs]))
        else:
            ungraded = [f for f in fs if not f.scales]
            if ungraded:
                words = _("not graded: findings in words")
                rows = [Row(r.label, [c if f.scales else words for c, f in zip(r.cells, fs, strict=True)], DIFFERENT) for r in rows]
        return Table(_("Scales"), ["", *self.labels], rows, notes=[_("= the scales have as many points; ≠ they do not.")])

    def _areas(self) -> Table:
        _ = core_words()
        fs = [v.framework for v in self.views]
        themes = [t for t in COMMON_THEMES if any(t in a.themes for f in fs for a in f.areas)]
        themes += sorted({t for f in fs for a in f.areas for t in a.themes} - set(themes))
        rows = []
        for theme in themes:
            cells = []
            for f in fs:
                areas = [a for a in f.areas if theme in a.themes]
                cells.append("; ".join(_area_text(f, a) for a in areas) or "—")
            rows.append(Row(theme_name(theme), cells, mark([c == "—" for c in cells])))
        unthemed = [[a for a in f.areas if not a.themes] for f in fs]
        if any(unthemed):
            cells = ["; ".join(_area_text(f, a) for a in areas) or "—" for f, areas in zip(fs, unthemed, strict=True)]
            rows.append(Row(_("No common theme"), cells, DIFFERENT))
        notes = [_("= every framework has an area for the theme; ≠ some have none (its evidence cannot be carried there).")]
        return Table(_("Areas by common theme"), [_("Theme"), *self.labels], rows, notes=notes)

    def _triggers(self) -> Table:
        _ = core_words()
        statutory = " " + _("(statutory)")
        columns = [
            _numbered(
                (
                    t.category,
                    f"{t.name}{statutory if t.statutory else ''}: {t.when}"
                    f"{_reading_set_by(repr(t.setting)) if t.setting else ''} — {t.citation}",
                )
                for t in v.triggers
            )
            for v in self.views
        ]
        notes = [_("{label}: no follow-up category is described", label=v.label) for v in self.views if not v.triggers]
        return Table(_("What triggers follow-up"), [_("Category"), *self.labels], keyed_rows(columns), notes=notes)

    def _timings(self) -> Table:
        _ = core_words()
        columns = []
        for v in self.views:
            column = []
            for r in v.timing_rules:
                when = " [" + _("when: {condition}", condition=r.applies_when) + "]" if r.applies_when else ""
                reading = _reading_set_by(f"'{r.setting}'") if r.setting else ""
                column.append((r.event, f"{r.title}: {r.basis}{when}{reading} — {r.citation}"))
            columns.append(_numbered(column))
        notes = [_("{label}: no timing rule is described", label=v.label) for v in self.views if not v.timing_rules]
        return Table(_("Timing rules and their sources"), [_("Event"), *self.labels], keyed_rows(columns), notes=notes)

    def _reports(self) -> Table:
        _ = core_words()
        return outline_table(_("What each report contains"), self.labels, [list(v.outlines) for v in self.views])

    def _settings(self) -> Table:
        _ = core_words()
        columns = [
            {key: _("default {default}; readings: {readings}", default=value.get("default"), readings=", ".join(value.get("readings", {})))
             for key, value in v.framework.settings.items()}
            for v in self.views
        ]
        return Table(_("Settings for ambiguous guidance"), [_("Setting"), *self.labels], keyed_rows(columns))


def _reading_set_by(setting: str) -> str:
    """" [reading set by 'setting']", in the language spoken (``setting`` comes quoted)."""
    _ = core_words()
    return " [" + _("reading set by {setting}", setting=setting) + "]"


def _numbered(pairs) -> dict[str, str]:
    """``{key: text}`` keeping every pair: a key given again (an event whose date is set in more
    than one way, a category reached in more than one way) becomes "key (2)"."""
    out: dict[str, str] = {}
    for key, text in pairs:
        unique, n = key, 1
        while unique in out:
            n += 1
            unique = f"{key} ({n})"
        out[unique] = text
    return out


def _area_text(framework: Framework, area) -> str:
    graded = f" ({scale.id})" if (scale := framework.scale_for(area.id)) else ""
    return f"{area.name()}{graded}"


def compare_frameworks(host: PluginHost, framework_ids: list[str], today: dt.date | None = None, lang: str = "en") -> FrameworkComparison:
    _ = core_words()
    today = today or dt.date.today()
    views = []
    for framework_id in framework_ids:
        framework = host.framework(framework_id)
        if framework is None:
            known = ", ".join(f.id for f in host.frameworks()) or _("none")
            raise CompareError(_("no framework {wanted} is loaded (frameworks: {known})", wanted=repr(framework_id), known=known))
        views.append(view_of(host, framework, today, lang))
    if len(views) < 2:
        raise CompareError(_("name at least two frameworks to compare"))
    return FrameworkComparison(views=views)
