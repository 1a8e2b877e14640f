"""Import cases into the casebook: a case file, a folder of them, a many-case file, or a
spreadsheet a plugin reads. Reading and storing run in a worker thread behind a progress bar;
case files are all or none, a spreadsheet's refused rows are listed with their numbers."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import _


class ImportDialog(ModalScreen[int | None]):
    """Enter imports the path typed; Escape closes (returning how many cases were imported)."""

    BINDINGS = bindings("dialogs")

    def __init__(self):
        super().__init__()
        self.running = False
        self.imported: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Import cases"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Label(_("Case file, folder, many-case file or spreadsheet (.csv):"))
                yield OneLineInput(placeholder=_("path"), id="path", what="The path")
                yield ProgressBar(id="progress", show_eta=False)
                yield Static("", id="outcome", markup=False)
            with Vertical(classes="dialog-foot"):
                yield Static("", classes="dialog-error", id="error", markup=False)
                yield Static(_("Enter to import · Escape to close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.running:
            return
        text = event.value.strip()
        error = self.query_one("#error", Static)
        if not text:
            error.update(_("A path is needed (Escape closes)."))
            return
        path = Path(text).expanduser()
        if not path.exists():
            error.update(_("There is no file or folder {path}.", path=path))
            return
        error.update("")
        self.running = True
        self.query_one(Input).disabled = True
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.query_one("#outcome", Static).update(_("Reading {path}…", path=path))
        self.run_worker(lambda: self._import(path), thread=True, exclusive=True, group="import")

    def _import(self, path: Path) -> None:
        from inspectorate.casefile import CaseFileError
        from inspectorate.importing import read_for_import, store

        app = self.app
        step = lambda label: lambda done, total: app.call_from_thread(self._progress, label, done, total)  # noqa: E731
        try:
            read = read_for_import(app.host, path, progress=step(_.context("import step", "Reading")))
            imported = store(app.casebook, app.host, read, str(path), progress=step(_("Storing")))
        except CaseFileError as error:
            app.call_from_thread(self._finished, None, _("Nothing was imported:\n{error}", error=error))
        except Exception as error:  # noqa: BLE001 - any failure is told in the dialog; nothing was stored
            app.call_from_thread(self._finished, None, _("Nothing was imported: {error}", error=error))
        else:
            lines = [*(_("  row {row}: {reason}", row=n.row, reason=n.reason) for n in read.amended), imported.summary(),
                     *(_("  row {row}: {reason}", row=n.row, reason=n.reason) for n in read.refused)]
            app.call_from_thread(self._finished, len(imported.ids), "\n".join(lines))

    def _progress(self, label: str, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)
        said = _("{step}: {done} of {total}", step=label, done=format(done, ","), total=format(total, ","))
        self.query_one("#outcome", Static).update(said)

    def _finished(self, count: int | None, text: str) -> None:
        self.running = False
        self.imported = (self.imported or 0) + count if count is not None else self.imported
        # A bar stopped part way says nothing once the import has failed: the message says it all.
        self.query_one("#progress", ProgressBar).display = count is not None
        self.query_one("#outcome", Static).update(text)
        field = self.query_one(Input)
        field.disabled = False
        field.focus()

    def action_cancel(self) -> None:
        if self.running:
            self.query_one("#error", Static).update(_("The import is running; it is stored whole or not at all."))
            return
        self.dismiss(self.imported)
