"""Compare: a case beside every other regime's projection of it, or frameworks structure by structure.

The core builds the comparison (``inspectorate.compare``) as titled tables whose rows carry a mark,
``=`` where the regimes agree and ``≠`` where they differ; this screen draws every table, side by
side (a column per regime) or stacked (each regime's cell under the row's label, for narrow
terminals). The comparison runs in a worker, so the screen paints at once; a comparison that
cannot be made is a message on the screen, never a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspectorate.compare import CompareError, compare_case, compare_frameworks
from inspectorate.compare.mapping import DEFAULT_GRADE_READING, GRADE_READINGS
from inspectorate.i18n import core_words
from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from inspectorate_tui.bindings import bindings
from inspectorate_tui.markup import escape
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.words import N_, _

if TYPE_CHECKING:
    from inspectorate.compare.table import Table
    from inspectorate.model import Case

SIDE_BY_SIDE, STACKED = "side by side", "stacked"
LAYOUT_WORDS = {SIDE_BY_SIDE: N_("side by side"), STACKED: N_("stacked")}
#: Terminals at least this wide show the regimes side by side at first; narrower ones stacked.
SIDE_BY_SIDE_FROM = 120
#: The widest the row labels' column grows, side by side.
LABEL_WIDTH = 28


def other_regimes(host, case: Case) -> list[str]:
    """Every loaded regime but the case's own, so a third regime's plugin takes part by itself."""
    return [regime_id for regime_id in host.regimes if regime_id != case.regime]


def mark_text(mark: str, colours: dict[str, str]) -> Text:
    """The mark as a symbol, bold; colour (from the theme) only on top of it."""
    colour = colours.get(mark)
    return Text(mark or " ", style=f"bold {colour}" if colour else "bold")


def side_by_side(table: Table, colours: dict[str, str]) -> RenderableType:
    """A column per regime; the row's mark first, then its label. Cells are Text, never markup."""
    grid = RichTable(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    grid.add_column("", width=1, no_wrap=True)
    label_width = min(max([len(table.columns[0]), *(len(r.label) for r in table.rows)]) + 1, LABEL_WIDTH)
    grid.add_column(Text(table.columns[0]), width=label_width)
    for column in table.columns[1:]:
        grid.add_column(Text(column), ratio=1)
    for row in table.rows:
        grid.add_row(mark_text(row.mark, colours), Text(row.label, style="bold"), *(Text(cell) for cell in row.cells))
    return grid


def stacked(table: Table, colours: dict[str, str]) -> RenderableType:
    """Each row's mark and label on a line, then each regime's cell under it, one after another."""
    parts: list[RenderableType] = []
    for row in table.rows:
        if parts:
            parts.append(Text(""))
        parts.append(Text.assemble(mark_text(row.mark, colours), " ", (row.label, "bold")))
        for column, cell in zip(table.columns[1:], row.cells, strict=True):
            parts.append(Padding(Text.assemble((f"{column}: ", "italic"), cell), (0, 0, 0, 4)))
    return Group(*parts)


class CompareScreen(Screen):
    BINDINGS = bindings("compare")
    HELP = N_("""\
## Compare

A case as recorded beside every other loaded regime's projection of it (`w` chooses another regime
or framework, the case's own regime's included): the case carried through
the common themes and run through that regime's own rules (projections are not judgements). Or
frameworks compared structure by structure: scales, areas, what triggers follow-up, timing rules
and their sources, what each report contains.

Every row is marked `=` where the regimes agree and `≠` where they differ. `l` shows the regimes
side by side or stacked one under another (for a narrow terminal); `g` changes how a case's grades
are carried to another scale. The arrow keys, Page up and Page down scroll; Escape goes back.
""")

    def __init__(
        self,
        case: Case | None = None,
        frameworks: list[str] | None = None,
        grade_reading: str = DEFAULT_GRADE_READING,
        against: list[str] | None = None,
    ):
        """Compare ``case`` with ``against`` (regime or framework ids; default: every other regime),
        or the ``frameworks`` (ids) with each other."""
        super().__init__()
        if (case is None) == (frameworks is None):
            raise ValueError("compare a case or frameworks, not both")
        self.case = case
        self.frameworks = frameworks
        self.against = against
        self.grade_reading = grade_reading
        self.chosen_layout: str | None = None  # None: chosen by the terminal's width until the person picks
        self.comparison = None
        self.tables: list[Table] = []
        self.problem = ""
        self.incomplete: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="compare-title")
        with ScrollableContainer(id="compare-body"):
            yield Static(_("⧗ Comparing…"), id="compare-message")
        yield Static(id="compare-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw_rows())
        self._show_title()
        self.compare()

    def action_targets(self) -> dict:
        return {"compare": (self, None)}

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Grades are carried, and other frameworks chosen, only for a case: no keys for them otherwise."""
        return self.case is not None if action in ("next_reading", "compare_with") else True

    @property
    def shown_layout(self) -> str:
        if self.chosen_layout is not None:
            return self.chosen_layout
        return SIDE_BY_SIDE if self.app.size.width >= SIDE_BY_SIDE_FROM else STACKED

    # -- comparing ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare")
    def compare(self) -> None:
        app = self.app
        with app.host.watch() as lacking:  # what the comparison lacks, if a plugin failed
            try:
                if self.case is not None:
                    regimes = self.against or other_regimes(app.host, self.case)
                    if not regimes:
                        raise CompareError(
                            _("Nothing to compare with: no regime but {regime!r} is loaded. "
                              "Another regime's plugin must be installed and enabled (F2 lists the plugins).", regime=self.case.regime)
                        )
                    comparison = compare_case(app.host, self.case, regimes, app.today, grade_reading=self.grade_reading)
                else:
                    comparison = compare_frameworks(app.host, list(self.frameworks), app.today)
                tables = comparison.tables()
            except CompareError as error:
                comparison, tables, problem = None, [], _("The comparison cannot be made: {error}", error=error)
            except Exception as error:  # noqa: BLE001 - a plugin's failure is a message, never a traceback
                comparison, tables, problem = None, [], (
                    _("The comparison could not be made: {kind}: {error}. "
                      "A plugin may have failed; F2 lists the plugins and their problems.", kind=type(error).__name__, error=error)
                )
            else:
                problem = ""
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._compared, comparison, tables, problem, [p.incomplete for p in lacking])

    async def _compared(self, comparison, tables: list[Table], problem: str, incomplete: list[str] = ()) -> None:
        if not self.is_attached:
            return
        self.comparison, self.tables, self.problem, self.incomplete = comparison, tables, problem, list(incomplete)
        self.app.report_plugin_problems()
        body = self.query_one("#compare-body", ScrollableContainer)
        keep = body.scroll_offset
        await body.remove_children()
        await body.mount_all(self._widgets())
        self._show_title()
        self._draw_rows()
        body.call_after_refresh(body.scroll_to, keep.x, keep.y, animate=False)

    def _widgets(self) -> list[Static]:
        if self.problem:
            return [Static(f"✖ {escape(self.problem)}", id="compare-message", classes="compare-problem")]
        widgets = [Static("\n".join(escape(line) for line in self.comparison.preface), id="compare-preface")]
        if self.incomplete:  # never a comparison that looks whole while a plugin's part is missing
            lacking = "\n".join(f"[b]✖ {escape(text)}[/b]" for text in self.incomplete)
            widgets.insert(0, Static(lacking, id="compare-incomplete", classes="compare-problem"))
        for n, table in enumerate(self.tables):
            widgets.append(Static(escape(table.title), classes="section-title compare-table-title"))
            if table.drawing:
                drawing = Text("\n".join(table.drawing), no_wrap=True, overflow="ignore")
                widgets.append(Static(drawing, classes="compare-drawing"))
            if table.rows:
                widgets.append(Static(id=f"compare-rows-{n}", classes="compare-rows"))
            if table.notes:
                notes = "\n".join(f"* {escape(note)}" for note in table.notes)
                widgets.append(Static(notes, classes="compare-notes"))
        return widgets

    # -- drawing --------------------------------------------------------------------------------

    def _colours(self) -> dict[str, str]:
        theme = self.app.current_theme
        return {"=": theme.success or "", "≠": theme.warning or ""}

    def _draw_rows(self) -> None:
        draw = side_by_side if self.shown_layout == SIDE_BY_SIDE else stacked
        colours = {} if self.app.no_color else self._colours()
        for n, table in enumerate(self.tables):
            if table.rows:
                self.query_one(f"#compare-rows-{n}", Static).update(draw(table, colours))
        self._show_status()

    def _show_title(self) -> None:
        if self.comparison is not None:
            title = escape(self.comparison.title)
        elif self.case is not None:
            title = _("{provider}: compared with every other regime", provider=escape(self.case.provider.name))
        else:
            title = escape(_(" compared with ").join(self.frameworks))
        self.query_one("#compare-title", Static).update(f"[b]{title}[/b]")

    def _show_status(self) -> None:
        if self.comparison is None:
            self.query_one("#compare-status", Static).update(_("✖ Nothing compared") if self.problem else _("⧗ Comparing…"))
            return
        differences = sum(t.differences for t in self.tables)
        parts = [
            _("{columns} columns · {differences} rows differ (≠)", columns=len(self.comparison.labels), differences=differences),
            f"{_(LAYOUT_WORDS[self.shown_layout])} (l)",
        ]
        if self.case is not None:
            parts.append(_("grades carried: {reading} (g)", reading=self.grade_reading))
        self.query_one("#compare-status", Static).update(" · ".join(parts))

    def on_resize(self) -> None:
        if self.chosen_layout is None and self.tables:
            self._draw_rows()

    # -- actions --------------------------------------------------------------------------------

    def action_toggle_layout(self) -> None:
        self.chosen_layout = STACKED if self.shown_layout == SIDE_BY_SIDE else SIDE_BY_SIDE
        self._draw_rows()

    def _compare_again(self) -> None:
        """Say so at once, and compare again in the worker (the old tables stay until it is done)."""
        self.query_one("#compare-status", Static).update(_("⧗ Comparing…"))
        self.compare()

    def action_next_reading(self) -> None:
        if self.case is None:
            self.notify(_("Grades are carried only when a case is compared; frameworks have none."), severity="warning")
            return
        readings = list(GRADE_READINGS)
        self.grade_reading = readings[(readings.index(self.grade_reading) + 1) % len(readings)]
        self.notify(_("Grades carried: {reading}. {meaning}", reading=self.grade_reading,
                      meaning=core_words()(GRADE_READINGS[self.grade_reading])),
                    timeout=6)
        self._compare_again()

    def action_compare_with(self) -> None:
        from inspectorate_tui.dialogs.compare_with import CompareWithDialog

        if self.case is None:
            return

        def chosen(against: list[str] | None) -> None:
            if against:
                self.against = against
                self._compare_again()

        self.app.push_screen(CompareWithDialog(self.app.host, self.case, self.against), chosen)
