"""Export: choose what to write, the folder and the file name; asks before replacing a file.

The list holds the :class:`~inspectorate_tui.exports.ExportChoice` the screen offers (a report in
each format, and whatever else is exportable from there); highlighting one puts its suggested
file name in the name field. The folder starts as the one last used (kept in the configuration
file), else the documents folder; it must exist. A file that exists is replaced only after a
yes. The file is written in a worker; an error is shown here and the dialog stays open, so
nothing typed is lost. Returns the path written, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspectorate.files import OutputError, OutputExists, check_target
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.exports import ExportChoice
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


class ExportDialog(FormDialog):
    DEFAULT_CSS = """
    ExportDialog #export-choices { height: auto; max-height: 12; }
    ExportDialog .export-field { height: auto; }
    ExportDialog .export-field Label { width: 8; padding: 1 1 0 0; color: $text-muted; }
    ExportDialog .export-field Input { width: 1fr; }
    """
    HINT = N_("Enter or ctrl+s exports · Tab moves · Escape cancels")
    SAVE = N_("Export")

    def __init__(self, title: str, choices: Sequence[ExportChoice], folder: Path):
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.folder = folder
        self.writing = False

    def fields(self) -> ComposeResult:
        yield OptionList(*(Option(c.label, id=str(n)) for n, c in enumerate(self.choices)), id="export-choices")
        with Horizontal(classes="export-field"):
            yield Label(_("Folder"))
            yield OneLineInput(str(self.folder), id="export-folder", what="The folder")
        with Horizontal(classes="export-field"):
            yield Label(_("File"))
            yield OneLineInput(self.choices[0].file_name if self.choices else "", id="export-name", what="The file name")

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Static(_(self.HINT), classes="dialog-hint")
            yield Button(_(self.SAVE), variant="primary", id="save", disabled=not self.choices)
            yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        choices = self.query_one("#export-choices", OptionList)
        if self.choices:
            choices.highlighted = 0
        else:
            self.show_error(_("There is nothing to export from here."))
        choices.focus()

    @property
    def chosen(self) -> ExportChoice | None:
        index = self.query_one("#export-choices", OptionList).highlighted
        return self.choices[index] if index is not None and self.choices else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.query_one("#export-name", Input).value = self.choices[int(event.option.id)].file_name

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    def result(self) -> Path:
        """The file to write, or Invalid naming the field that is wrong."""
        if self.chosen is None:
            raise Invalid(_("There is nothing to export from here."), "export-choices")
        folder_text = self.query_one("#export-folder", Input).value.strip()
        if not folder_text:
            raise Invalid(_("Give the folder to write to."), "export-folder")
        folder = Path(folder_text).expanduser()
        if not folder.is_absolute():
            raise Invalid(_("Give the folder's whole path (from /), not {folder!r}.", folder=folder_text), "export-folder")
        if not folder.is_dir():
            what = _("is a file, not a folder") if folder.exists() else _("does not exist")
            raise Invalid(_("The folder {folder} {what}.", folder=folder, what=what), "export-folder")
        name = self.query_one("#export-name", Input).value.strip()
        if not name:
            raise Invalid(_("Give the file a name."), "export-name")
        if "/" in name or name in (".", ".."):
            raise Invalid(_("{name!r} is not a file name: give the name only, the folder above.", name=name), "export-name")
        expected = Path(self.chosen.file_name).suffix
        if Path(name).suffix.lower() != expected.lower():
            raise Invalid(_("This export is a {extension} file: end the name with {extension}.", extension=expected), "export-name")
        return folder / name

    def action_save(self) -> None:
        if self.writing:
            return
        try:
            path = self.result()
            check_target(path)
        except Invalid as problem:
            self.show_error(str(problem))
            self.query_one(f"#{problem.field}").focus()
            return
        except OutputExists:
            self._confirm_replace(path)
            return
        except OutputError as error:  # a folder, a link, a casebook...: never written over
            self.show_error(f"{error}.")
            return
        self.export(path, replace=False)

    def _confirm_replace(self, path: Path) -> None:
        from inspectorate_tui.dialogs.confirm import Confirm

        def answered(replace: bool | None) -> None:
            if replace:
                self.export(path, replace=True)

        self.app.push_screen(Confirm(_("Replace the file?"), _("{path} exists. Replace it?", path=path),
                                     yes=N_("Replace"), no=N_("Keep it")), answered)

    def export(self, path: Path, replace: bool) -> None:
        self.writing = True
        self.query_one("#error", Static).update(f"⧗ Writing {path}…")
        self._write(self.chosen, path, replace)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, choice: ExportChoice, path: Path, replace: bool) -> None:
        try:
            choice.write(path, replace)
        except Exception as error:  # noqa: BLE001 - a plugin's format or template: a message, not a crash
            what = str(error) if isinstance(error, OutputError) else f"{error}" or type(error).__name__
            self.app.call_from_thread(self._failed, what)
        else:
            self.app.call_from_thread(self._written, path)

    def _failed(self, message: str) -> None:
        self.writing = False
        self.show_error(_("Not exported: {reason}", reason=message))

    def _written(self, path: Path) -> None:
        self.writing = False
        self.dismiss(path)
