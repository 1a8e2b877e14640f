"""Judgements: a grade per area beside what the regime's rules propose and find, live.

Grades are shown as symbol and words (never colour alone). Choosing a grade other than the
proposal is an override and asks for the reason, which is recorded with it; a grade the rules do
not allow to be overridden (a limiting judgement) is refused with the rule's source.
"""

from __future__ import annotations

import attrs
from inspectorate.evaluation import UnknownFramework, evaluate
from inspectorate.frameworks import Area, Framework, Scale
from inspectorate.model import Case, Finding, Judgement, Proposal
from inspectorate.wording import area_name, grade_label
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Label, Select, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.fallback import regime_in_english
from inspectorate_tui.labels import area_choices, call_label, severity_label
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab
from inspectorate_tui.words import N_, _


def proposal_text(scale: Scale | None, proposal: Proposal | None) -> str:
    if proposal is None:
        return _("No proposal: the rules leave this to the team.")
    if scale is None:
        return escape(proposal.rationale)
    what = _("at best {grade}", grade=grade_label(scale, proposal.ceiling)) if proposal.ceiling else grade_label(scale, proposal.grade)
    lock = "" if proposal.overridable else _(" (not overridable)")
    return (_("Proposed: [b]{grade}[/b]{lock}.", grade=escape(what), lock=lock)
            + f" {escape(proposal.rationale)}\n[dim]{escape(str(proposal.citation))}[/dim]")


def finding_text(finding: Finding, framework: Framework | None) -> str:
    area = framework.area(finding.area) if framework and finding.area else None
    where = f" {escape(f'[{area.name()}]')}" if area else ""
    return f"[b]{severity_label(finding.severity)}[/b]{where} {escape(finding.message)}\n  [dim]{escape(str(finding.citation))}[/dim]"


class CallBox(Checkbox):
    """A checkbox whose tick is a mark, not only a colour: ✓ when ticked, blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual reads it under this name
        return "✓" if self.value else " "


class AreaRow(Horizontal):
    """One graded area: its name, the grade selector, the proposal and the inspector's calls.

    A new row is built with the case's values, so nothing has to be set on widgets that are not
    composed yet; ``show`` brings an existing row up to date.
    """

    def __init__(self, area: Area, scale: Scale, calls: dict[str, str], case: Case, proposal: Proposal | None):
        super().__init__(classes="area-row", id=f"area-{area.id}")
        self.area = area
        self.scale = scale
        self.calls = calls
        self.grade, self.ticked, self.text = self._values(case, proposal)

    def _values(self, case: Case, proposal: Proposal | None) -> tuple[str | None, set[str], str]:
        text = proposal_text(self.scale, proposal)
        judgement = next((j for j in case.judgements if j.area == self.area.id), None)
        if judgement and judgement.overridden_from:
            was = grade_label(self.scale, judgement.overridden_from)
            text += "\n[i]" + _("Overridden from {grade}: {reason}", grade=escape(was), reason=escape(judgement.reason)) + "[/i]"
        ticked = {call for call in self.calls if self.area.id in case.inspector_calls.get(call, ())}
        return case.grade(self.area.id), ticked, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="area-grade"):
            yield Label(f"[b]{escape(self.area.name())}[/b]", classes="area-name")
            options = [(grade_label(self.scale, g.id), g.id) for g in self.scale.grades]
            value = self.grade if self.grade is not None else Select.NULL
            yield Select(options, prompt=_("— not judged —"), id=f"grade-{self.area.id}", value=value)
            for call_id, description in self.calls.items():
                # The id in words on screen; the framework's full sentence as the tooltip and in help.
                box = CallBox(
                    call_label(call_id),
                    call_id in self.ticked,
                    id=f"call-{call_id}-{self.area.id}",
                    classes="inspector-call",
                    compact=True,
                )
                box.tooltip = description
                yield box
        yield Static(self.text, classes="proposal", id=f"proposal-{self.area.id}")

    def show(self, case: Case, proposal: Proposal | None) -> None:
        self.grade, self.ticked, self.text = self._values(case, proposal)
        select = self.query_one(Select)
        if select.value != (self.grade if self.grade is not None else Select.NULL):
            with select.prevent(Select.Changed):
                if self.grade is None:
                    select.clear()
                else:
                    select.value = self.grade
        self.query_one(".proposal", Static).update(self.text)
        for call_id in self.calls:
            box = self.query_one(f"#call-{call_id}-{self.area.id}", Checkbox)
            if box.value != (call_id in self.ticked):
                with box.prevent(Checkbox.Changed):
                    box.value = call_id in self.ticked


def call_texts(framework: Framework | None) -> dict[str, str]:
    """The framework's inspector's calls, id -> what each means in the language spoken."""
    return {call_id: framework.call_text(call_id) for call_id in framework.inspector_calls} if framework else {}


def call_areas_text(framework: Framework | None, case: Case, call_id: str) -> str:
    named = case.inspector_calls.get(call_id, ())
    if not named:
        return _("not made")
    return _("made for {areas}", areas="; ".join(area_name(framework, a) for a in named))


class CallRow(Horizontal):
    """One of the framework's inspector's calls: a button to choose the areas it names, and those areas.

    Every area can be named here, sub-areas and ungraded areas too, so a call works in a framework
    with no summative judgements (Estyn from 2022) as in one with grades.
    """

    def __init__(self, call_id: str, description: str, text: str):
        super().__init__(classes="call-row", id=f"call-row-{call_id}")
        self.call_id = call_id
        self.description = description
        self.text = text

    def compose(self) -> ComposeResult:
        button = Button(f"{call_label(self.call_id)}…", id=f"edit-call-{self.call_id}", compact=True)
        button.tooltip = self.description
        yield button
        yield Static(
            f"{escape(self.text)}\n[dim]{escape(self.description)}[/dim]", classes="call-areas", id=f"call-areas-{self.call_id}"
        )

    def show(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.query_one(".call-areas", Static).update(f"{escape(text)}\n[dim]{escape(self.description)}[/dim]")


class JudgementsTab(CaseTab):
    BINDINGS = bindings("judgements")
    HELP = N_("""\
## Judgements

Choose a grade for each area (Enter opens the list). Beside it is what the regime's rules propose,
with the sentence of the guidance it comes from. `a` accepts the proposal for the area you are on;
choosing something else records an override with your reason. Below are the findings of every
rule, recomputed on each change.

Under the areas are **the team's calls**: judgements of the inspectors' own that the rules depend
on but cannot derive (Estyn's "safeguarding is a serious cause for concern", "serious
shortcomings"). Enter on a call chooses the areas it names, sub-areas included; the rules that
depend on it (a required recommendation, a wellbeing letter, follow-up) apply at once.
""")

    DEFAULT_CSS = """
    JudgementsTab #judgement-columns { height: 1fr; }
    JudgementsTab #areas-column { width: 3fr; }
    /* As tall as their rows, so the column scrolls through every area (1fr would clip them to the
       screen's height, hiding areas on a short terminal). */
    JudgementsTab #areas, JudgementsTab #calls { height: auto; }
    JudgementsTab #findings-column { width: 2fr; border-left: vkey $panel; }
    JudgementsTab .call-row { height: auto; padding: 0 1; margin-top: 1; }
    JudgementsTab .call-row Button { width: auto; min-width: 24; margin-right: 1; }
    JudgementsTab .call-areas { width: 1fr; height: auto; }
    """

    def compose(self) -> ComposeResult:
        # Grades on the left, what the rules find beside them, so a change and its consequence
        # are on screen together.
        with Horizontal(id="judgement-columns"):
            with VerticalScroll(id="areas-column"):
                yield Static(id="follow-up-category")
                yield Vertical(id="areas")
                yield Static(_("The team's calls"), classes="section-title", id="calls-title")
                yield Vertical(id="calls")
            with VerticalScroll(id="findings-column"):
                yield Static(_("What the rules find"), classes="section-title")
                yield Static(id="findings")

    def show(self, session: CaseSession) -> None:
        framework = session.framework
        case = session.case
        proposals = {p.area: p for p in session.evaluation.proposals}
        if not self._build_rows(framework, case, proposals):
            for row in self.query(AreaRow):
                row.show(case, proposals.get(row.area.id))
        self._show_calls(framework, case)
        rows = {row.area.id for row in self.query(AreaRow)}
        ungraded = [p for p in session.evaluation.proposals if p.area not in rows]
        category = session.evaluation.follow_up
        lines = [escape(line) for line in (regime_in_english(session.host, case.regime),) if line]
        if framework and not framework.graded_areas:
            lines.append(_("This framework makes no summative judgements: record evidence and recommendations instead."))
        if category:
            lines.append(_("Follow-up: [b]{category}[/b].", category=escape(category.name))
                         + f" {escape(category.rationale)}\n[dim]{escape(str(category.citation))}[/dim]")
        lines += [f"{escape(p.area)}: {proposal_text(None, p)}" for p in ungraded]
        self.query_one("#follow-up-category", Static).update("\n".join(lines))
        findings = session.evaluation.findings
        # Never an all-clear while a plugin's part is missing: say what is missing first.
        lacking = [f"[b]✖ {escape(text)}[/b]" for text in session.incomplete]
        said = [finding_text(f, framework) for f in findings]
        self.query_one("#findings", Static).update(
            "\n".join(lacking + said) if lacking or said else _("✓ No rule has anything to say about this case.")
        )

    def _build_rows(self, framework: Framework | None, case: Case, proposals: dict[str, Proposal]) -> bool:
        """Make one row per graded area, with the case's values; True when they were (re)built."""
        areas = [a for a in framework.graded_areas if framework.scale(a.scale)] if framework else []
        container = self.query_one("#areas", Vertical)
        if [r.area.id for r in container.query(AreaRow)] == [a.id for a in areas]:
            return False
        container.remove_children()
        calls = call_texts(framework)
        container.mount_all([AreaRow(a, framework.scale(a.scale), calls, case, proposals.get(a.id)) for a in areas])
        return True

    def _show_calls(self, framework: Framework | None, case: Case) -> None:
        """One row per call the framework declares (its data names them and their words)."""
        calls = call_texts(framework)
        self.query_one("#calls-title").display = bool(calls)
        container = self.query_one("#calls", Vertical)
        if [r.call_id for r in container.query(CallRow)] != list(calls):
            container.remove_children()
            container.mount_all(
                [CallRow(call_id, text, call_areas_text(framework, case, call_id)) for call_id, text in calls.items()]
            )
            return
        for row in container.query(CallRow):
            row.show(call_areas_text(framework, case, row.call_id))

    # -- changes --------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        row = next((n for n in (event.button, *event.button.ancestors) if isinstance(n, CallRow)), None)
        if row is None:
            return
        event.stop()
        self.choose_call_areas(row.call_id)

    def choose_call_areas(self, call_id: str) -> None:
        """Ask which areas the call names, and record it (no area ticked: the call is withdrawn)."""
        from inspectorate_tui.dialogs.inspector_call import InspectorCallDialog

        framework = self.session.framework
        before = tuple(self.session.case.inspector_calls.get(call_id, ()))

        def chosen(areas: tuple[str, ...] | None) -> None:
            if areas is None or areas == before:
                return
            case = self.session.case
            calls = {k: v for k, v in case.inspector_calls.items() if k != call_id}
            if areas:
                calls[call_id] = areas
            what = f"{call_label(call_id)}: " + ("; ".join(area_name(framework, a) for a in areas) if areas else _("withdrawn"))
            self.edit(attrs.evolve(case, inspector_calls=calls), what)

        description = framework.call_text(call_id) if framework else ""
        self.app.push_screen(
            InspectorCallDialog(_("The team's call: {call}", call=call_label(call_id)), description,
                                area_choices(framework, keep=before), before),
            chosen,
        )

    def _row_of(self, widget) -> AreaRow | None:
        for node in (widget, *widget.ancestors):
            if isinstance(node, AreaRow):
                return node
        return None

    def on_select_changed(self, event: Select.Changed) -> None:
        row = self._row_of(event.select)
        if row is None:
            return
        event.stop()
        if event.value is Select.NULL:
            self._clear(row)
        else:
            self.choose(row, str(event.value))

    def choose(self, row: AreaRow, grade_id: str) -> None:
        case = self.session.case
        if case.grade(row.area.id) == grade_id:
            return
        proposal = self._proposal_with(case, row.area.id, grade_id)
        if proposal is not None and not proposal.allows(row.scale, grade_id):
            self.notify(
                _("{grade} is not allowed for {area}: {reason} ({citation})", grade=grade_label(row.scale, grade_id),
                  area=row.area.name(), reason=proposal.rationale, citation=proposal.citation),
                severity="error",
                timeout=12,
            )
            self.show(self.session)
            return
        if proposal is None or not proposal.needs_reason(row.scale, grade_id):
            # Agreeing with the proposal, or choosing below a ceiling, needs no reason.
            self.edit(case.with_judgement(Judgement(row.area.id, grade_id, by=self.session.casebook.who)),
                      _("judgement of {area}", area=row.area.name()))
            return
        from inspectorate_tui.dialogs.prompt import TextPrompt

        def reasoned(reason: str | None) -> None:
            if reason is None:
                self.show(self.session)  # cancelled: the selector goes back to the stored grade
                return
            judgement = Judgement(row.area.id, grade_id, by=self.session.casebook.who, overridden_from=proposal.grade, reason=reason)
            self.edit(case.with_judgement(judgement), _("override of {area}", area=row.area.name()))

        self.app.push_screen(
            TextPrompt(
                _("Override: {area}", area=row.area.name()),
                _("The rules propose {proposed}. Why {chosen}?", proposed=grade_label(row.scale, proposal.grade),
                  chosen=grade_label(row.scale, grade_id)),
                placeholder=_("The reason is recorded with the judgement"),
            ),
            reasoned,
        )

    def _proposal_with(self, case, area_id: str, grade_id: str) -> Proposal | None:
        """What the rules propose for the area once this grade is recorded.

        Some rules only speak about a grade once it is there (an 'excellent' without the evidence
        for it), so the choice is tried first and an override is asked for before anything is saved.
        """
        trial = case.with_judgement(Judgement(area_id, grade_id))
        try:
            proposals = evaluate(self.session.host, trial).proposals
        except UnknownFramework:
            proposals = self.session.evaluation.proposals
        return next((p for p in proposals if p.area == area_id), None)

    def _clear(self, row: AreaRow) -> None:
        case = self.session.case
        if case.grade(row.area.id) is None:
            return
        judgements = tuple(j for j in case.judgements if j.area != row.area.id)
        self.edit(attrs.evolve(case, judgements=judgements), _("judgement of {area} cleared", area=row.area.name()))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        row = self._row_of(event.checkbox)
        if row is None or not event.checkbox.id:
            return
        event.stop()
        call_id = event.checkbox.id.removeprefix("call-").removesuffix(f"-{row.area.id}")
        case = self.session.case
        areas = [a for a in case.inspector_calls.get(call_id, ()) if a != row.area.id]
        if event.value:
            areas.append(row.area.id)
        calls = {k: v for k, v in case.inspector_calls.items() if k != call_id}
        if areas:
            calls[call_id] = tuple(areas)
        self.edit(attrs.evolve(case, inspector_calls=calls), _("{call} for {area}", call=call_id, area=row.area.name()))

    def _focused_row(self) -> AreaRow | None:
        focused = self.app.focused
        return self._row_of(focused) if focused else None

    def action_accept_proposal(self) -> None:
        row = self._focused_row()
        if row is None:
            self.notify(_("Move to an area's grade first."), severity="warning")
            return
        proposal = next((p for p in self.session.evaluation.proposals if p.area == row.area.id), None)
        if proposal is None or proposal.grade is None:
            self.notify(_("The rules propose nothing for {area}.", area=row.area.name()), severity="warning")
            return
        self.choose(row, proposal.grade)

    def action_clear_judgement(self) -> None:
        row = self._focused_row()
        if row is not None:
            self._clear(row)
