"""Every action of the terminal app, with its binding id, default keys and description.

This module is plain data and never imports Textual, so ``inspectorate keys`` can list the keymap
without starting the app. Screens build their Textual bindings from it, and the person's
``[keymap]`` table (binding id = "keys") overrides the defaults.

Default keys are ones terminals pass through reliably: letters, function keys, enter, escape and a
few ctrl chords that no common terminal or multiplexer keeps for itself. Keys that move between the
case's tabs are ones a text field never consumes (F7 to F12, ctrl+PageDown/PageUp), so switching
tabs with the focus in a field never types into it. Digits and alt+digits do not qualify (a field
types them; terminals send alt+digit as a character), nor shift+F-keys (shift+F3 arrives as a
cursor-position report and is lost).
"""

from __future__ import annotations

from attrs import frozen

from inspectorate_tui.words import N_


@frozen
class Action:
    id: str
    keys: str
    #: A word or two for the footer (English, marked for the catalogue: shown translated).
    label: str
    #: A sentence for help and the command palette (English, marked; shown translated).
    description: str
    #: The Textual action it runs, on the screen or widget that owns the binding.
    action: str
    #: Where it applies, as shown in help.
    scope: str
    show: bool = True
    #: Kept at the right of every footer, however narrow the terminal (quit, help, the palette).
    pinned: bool = False
    #: Checked before the focused widget's own keys: tab switching must reach the case screen
    #: even from a table or text area that uses the same chord for scrolling.
    priority: bool = False


ACTIONS: tuple[Action, ...] = (
    # Everywhere
    Action("app.help", "f1", N_("Help"), N_("Help for what has focus, and every key"), "help", "everywhere", pinned=True),
    Action("app.command-palette", "ctrl+p", N_("Commands"), N_("Command palette: every action by name"), "command_palette", "everywhere",
           show=False, pinned=True),
    Action("app.plugins", "f2", N_("Plugins"), N_("Plugins: installed, versions, hooks, errors"), "plugins", "everywhere"),
    Action("app.theme", "f3", N_("Theme"),
           N_("Choose the theme from a list (high contrast included); it is kept in the configuration file"), "choose_theme", "everywhere"),
    Action("app.compare-frameworks", "f4", N_("Frameworks"), N_("Compare frameworks… structure by structure"),
           "compare_frameworks", "everywhere", show=False),
    Action("app.quit", "ctrl+q", N_("Quit"), N_("Quit, once what is typed is saved"), "quit", "everywhere", pinned=True, priority=True),
    # Casebook
    Action("casebook.filter", "slash", N_("Filter"), N_("Filter cases as you type"), "focus_filter", "casebook"),
    Action("casebook.open", "enter", N_("Open"), N_("Open the case"), "open_case", "casebook"),
    Action("casebook.new", "n", N_("New"), N_("New case"), "new_case", "casebook"),
    Action("casebook.duplicate", "d", N_("Duplicate"), N_("Duplicate the case"), "duplicate_case", "casebook"),
    Action("casebook.archive", "a", N_("Archive"), N_("Archive or restore the case"), "archive_case", "casebook"),
    Action("casebook.show-archived", "A", N_("Archived"), N_("Show or hide archived cases"), "toggle_archived", "casebook"),
    Action("casebook.sort", "s", N_("Sort"), N_("Sort by the next column"), "next_sort", "casebook"),
    Action("casebook.agenda", "g", N_("Agenda"), N_("Agenda: every open deadline and window across the casebook, overdue first, by week"),
           "agenda", "casebook"),
    Action("casebook.import", "i", N_("Import"), N_("Import cases: a case file, a folder of them, a many-case file or a spreadsheet"),
           "import_cases", "casebook", show=False),
    Action("casebook.compare", "c", N_("Compare"), N_("Compare the highlighted case with every other regime"), "compare_case", "casebook"),
    Action("casebook.export", "x", N_("Export"), N_("Export the highlighted case's reports and letters, in any format"),
           "export_case", "casebook"),
    Action("case-list.up", "up,k", N_("Up"), N_("Previous case in the list"), "cursor(-1)", "case list", show=False),
    Action("case-list.down", "down,j", N_("Down"), N_("Next case in the list"), "cursor(1)", "case list", show=False),
    Action("case-list.page-up", "pageup", N_("Page up"), N_("A page of cases up"), "page(-1)", "case list", show=False),
    Action("case-list.page-down", "pagedown", N_("Page down"), N_("A page of cases down"), "page(1)", "case list", show=False),
    Action("case-list.first", "home", N_("First"), N_("First case in the list"), "jump(0)", "case list", show=False),
    Action("case-list.last", "end", N_("Last"), N_("Last case in the list"), "jump(-1)", "case list", show=False),
    # Case
    Action("case.back", "escape", N_("Casebook"), N_("Back to the casebook"), "back", "case"),
    Action("case.undo", "ctrl+z", N_("Undo"), N_("Undo the last change, saying what it was"), "undo", "case"),
    Action("case.redo", "ctrl+y", N_("Redo"), N_("Redo what was last undone"), "redo", "case"),
    Action("case.history", "f6", N_("History"), N_("History: who changed what, and when"), "history", "case"),
    Action("case.compare", "c", N_("Compare"), N_("Compare the case with every other regime"), "compare", "case"),
    Action("case.tab-details", "f7", N_("Details"), N_("Details tab"), "show_tab('details')", "case", show=False, priority=True),
    Action("case.tab-evidence", "f8", N_("Evidence"), N_("Evidence tab"), "show_tab('evidence')", "case", show=False, priority=True),
    Action("case.tab-judgements", "f9", N_("Judgements"), N_("Judgements tab"), "show_tab('judgements')", "case",
           show=False, priority=True),
    Action("case.tab-recommendations", "f10", N_("Recommendations"), N_("Recommendations tab"), "show_tab('recommendations')", "case",
           show=False, priority=True),
    Action("case.tab-follow-up", "f11", N_("Follow-up"), N_("Follow-up tab"), "show_tab('follow-up')", "case", show=False, priority=True),
    Action("case.tab-reports", "f12", N_("Reports"), N_("Reports tab"), "show_tab('reports')", "case", show=False, priority=True),
    Action("case.tab-next", "ctrl+pagedown", N_("Next tab"), N_("Next tab"), "next_tab(1)", "case", show=False, priority=True),
    Action("case.tab-previous", "ctrl+pageup", N_("Previous tab"), N_("Previous tab"), "next_tab(-1)", "case", show=False, priority=True),
    # Case tabs
    Action("evidence.add", "n", N_("Add"), N_("Add evidence"), "add_evidence", "evidence"),
    Action("evidence.edit", "e", N_("Edit"), N_("Edit the evidence"), "edit_evidence", "evidence"),
    Action("evidence.delete", "delete", N_("Delete"), N_("Delete the evidence"), "delete_evidence", "evidence"),
    Action("judgement.accept", "a", N_("Accept"), N_("Accept the proposal for the area"), "accept_proposal", "judgements"),
    Action("judgement.clear", "delete", N_("Clear"), N_("Clear the area's judgement"), "clear_judgement", "judgements"),
    Action("recommendation.add", "n", N_("Add"), N_("Add a recommendation"), "add_recommendation", "recommendations"),
    Action("recommendation.edit", "e", N_("Edit"), N_("Edit the recommendation and its areas"), "edit_recommendation", "recommendations"),
    Action("recommendation.delete", "delete", N_("Delete"), N_("Delete the recommendation"), "delete_recommendation", "recommendations"),
    Action("recommendation.raise", "K", N_("Raise"), N_("Raise its priority"), "move(-1)", "recommendations"),
    Action("recommendation.lower", "J", N_("Lower"), N_("Lower its priority"), "move(1)", "recommendations"),
    Action("recommendation.progress", "p", N_("Progress"), N_("Record progress at follow-up"), "record_progress", "recommendations"),
    Action("follow-up.done", "d", N_("Done"), N_("Mark the event done on a date"), "mark_done", "follow-up"),
    Action("follow-up.not-done", "u", N_("Not done"), N_("Mark the event not done"), "mark_not_done", "follow-up"),
    Action("follow-up.record", "r", N_("Record"), N_("Record what happened: a further visit, a request"), "record_event", "follow-up"),
    Action("follow-up.options", "s", N_("Support"), N_("Choose the support or options agreed from the framework's catalogue"),
           "choose_options", "follow-up"),
    Action("follow-up.agreed-action", "a", N_("Action"), N_("Add a point of action agreed, with the date it is to be done by"),
           "add_agreed_action", "follow-up"),
    Action("report.export", "x", N_("Export"), N_("Export the draft as Word, PDF, HTML or Markdown (and every other export of the case)"),
           "export_report", "reports"),
    Action("report.details", "e", N_("Date, to, signed"), N_("Set the draft's date, addressee and signatory"), "edit_document", "reports"),
    # Dialogs and the screens on top of a case
    Action("dialog.cancel", "escape", N_("Cancel"), N_("Close the dialog; nothing is saved"), "cancel", "dialogs"),
    Action("dialog.save", "ctrl+s", N_("Save"), N_("Save what the dialog holds"), "save", "dialogs with a form"),
    Action("dialog.yes", "y,enter", N_("Yes"), N_("Answer yes"), "answer(True)", "yes-or-no questions"),
    Action("dialog.no", "n,escape", N_("No"), N_("Answer no"), "answer(False)", "yes-or-no questions"),
    Action("help.close", "escape,f1,q", N_("Close"), N_("Close help"), "dismiss", "help"),
    Action("plugins.back", "escape", N_("Back"), N_("Back from the plugins"), "app.pop_screen", "plugins"),
    Action("history.back", "escape", N_("Back"), N_("Back to the case"), "app.pop_screen", "history"),
    Action("agenda.open", "enter", N_("Open"), N_("Open the event's case at its Follow-up tab"), "open_case", "agenda"),
    Action("agenda.back", "escape", N_("Casebook"), N_("Back to the casebook"), "app.pop_screen", "agenda"),
    Action("compare.back", "escape", N_("Back"), N_("Back from the comparison"), "app.pop_screen", "compare"),
    Action("compare.layout", "l", N_("Layout"), N_("Regimes side by side, or stacked one under another"), "toggle_layout", "compare"),
    Action("compare.grades", "g", N_("Grades"), N_("Next reading of grades carried to another scale"), "next_reading", "compare"),
    Action("compare.with", "w", N_("With…"), N_("Compare the case with another regime or framework of your choice"),
           "compare_with", "compare"),
)

BY_ID = {action.id: action for action in ACTIONS}


def actions_for(scope: str) -> tuple[Action, ...]:
    return tuple(a for a in ACTIONS if a.scope == scope)


def keys_for(action_id: str, keymap: dict[str, str] | None = None) -> str:
    """The keys bound to ``action_id``: the person's keymap, else the default."""
    return (keymap or {}).get(action_id) or BY_ID[action_id].keys
