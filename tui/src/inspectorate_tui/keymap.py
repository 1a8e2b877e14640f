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


@frozen
class Action:
    id: str
    keys: str
    #: A word or two for the footer.
    label: str
    #: A sentence for help and the command palette.
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
    Action("app.help", "f1", "Help", "Help for what has focus, and every key", "help", "everywhere", pinned=True),
    Action("app.command-palette", "ctrl+p", "Commands", "Command palette: every action by name", "command_palette", "everywhere", show=False, pinned=True),
    Action("app.plugins", "f2", "Plugins", "Plugins: installed, versions, hooks, errors", "plugins", "everywhere"),
    Action("app.theme", "f3", "Theme", "Choose the theme from a list (high contrast included); it is kept in the configuration file", "choose_theme", "everywhere"),
    Action("app.compare-frameworks", "f4", "Frameworks", "Compare frameworks… structure by structure", "compare_frameworks", "everywhere", show=False),
    Action("app.quit", "ctrl+q", "Quit", "Quit, once what is typed is saved", "quit", "everywhere", pinned=True, priority=True),
    # Casebook
    Action("casebook.filter", "slash", "Filter", "Filter cases as you type", "focus_filter", "casebook"),
    Action("casebook.open", "enter", "Open", "Open the case", "open_case", "casebook"),
    Action("casebook.new", "n", "New", "New case", "new_case", "casebook"),
    Action("casebook.duplicate", "d", "Duplicate", "Duplicate the case", "duplicate_case", "casebook"),
    Action("casebook.archive", "a", "Archive", "Archive or restore the case", "archive_case", "casebook"),
    Action("casebook.show-archived", "A", "Archived", "Show or hide archived cases", "toggle_archived", "casebook"),
    Action("casebook.sort", "s", "Sort", "Sort by the next column", "next_sort", "casebook"),
    Action("casebook.agenda", "g", "Agenda", "Agenda: every open deadline and window across the casebook, overdue first, by week", "agenda", "casebook"),
    Action("casebook.import", "i", "Import", "Import cases: a case file, a folder of them, a many-case file or a spreadsheet", "import_cases", "casebook", show=False),
    Action("casebook.compare", "c", "Compare", "Compare the highlighted case with every other regime", "compare_case", "casebook"),
    Action("casebook.export", "x", "Export", "Export the highlighted case's reports and letters, in any format", "export_case", "casebook"),
    Action("case-list.up", "up,k", "Up", "Previous case in the list", "cursor(-1)", "case list", show=False),
    Action("case-list.down", "down,j", "Down", "Next case in the list", "cursor(1)", "case list", show=False),
    Action("case-list.page-up", "pageup", "Page up", "A page of cases up", "page(-1)", "case list", show=False),
    Action("case-list.page-down", "pagedown", "Page down", "A page of cases down", "page(1)", "case list", show=False),
    Action("case-list.first", "home", "First", "First case in the list", "jump(0)", "case list", show=False),
    Action("case-list.last", "end", "Last", "Last case in the list", "jump(-1)", "case list", show=False),
    # Case
    Action("case.back", "escape", "Casebook", "Back to the casebook", "back", "case"),
    Action("case.undo", "ctrl+z", "Undo", "Undo the last change, saying what it was", "undo", "case"),
    Action("case.redo", "ctrl+y", "Redo", "Redo what was last undone", "redo", "case"),
    Action("case.history", "f6", "History", "History: who changed what, and when", "history", "case"),
    Action("case.compare", "c", "Compare", "Compare the case with every other regime", "compare", "case"),
    Action("case.tab-details", "f7", "Details", "Details tab", "show_tab('details')", "case", show=False, priority=True),
    Action("case.tab-evidence", "f8", "Evidence", "Evidence tab", "show_tab('evidence')", "case", show=False, priority=True),
    Action("case.tab-judgements", "f9", "Judgements", "Judgements tab", "show_tab('judgements')", "case", show=False, priority=True),
    Action("case.tab-recommendations", "f10", "Recommendations", "Recommendations tab", "show_tab('recommendations')", "case", show=False, priority=True),
    Action("case.tab-follow-up", "f11", "Follow-up", "Follow-up tab", "show_tab('follow-up')", "case", show=False, priority=True),
    Action("case.tab-reports", "f12", "Reports", "Reports tab", "show_tab('reports')", "case", show=False, priority=True),
    Action("case.tab-next", "ctrl+pagedown", "Next tab", "Next tab", "next_tab(1)", "case", show=False, priority=True),
    Action("case.tab-previous", "ctrl+pageup", "Previous tab", "Previous tab", "next_tab(-1)", "case", show=False, priority=True),
    # Case tabs
    Action("evidence.add", "n", "Add", "Add evidence", "add_evidence", "evidence"),
    Action("evidence.edit", "e", "Edit", "Edit the evidence", "edit_evidence", "evidence"),
    Action("evidence.delete", "delete", "Delete", "Delete the evidence", "delete_evidence", "evidence"),
    Action("judgement.accept", "a", "Accept", "Accept the proposal for the area", "accept_proposal", "judgements"),
    Action("judgement.clear", "delete", "Clear", "Clear the area's judgement", "clear_judgement", "judgements"),
    Action("recommendation.add", "n", "Add", "Add a recommendation", "add_recommendation", "recommendations"),
    Action("recommendation.edit", "e", "Edit", "Edit the recommendation and its areas", "edit_recommendation", "recommendations"),
    Action("recommendation.delete", "delete", "Delete", "Delete the recommendation", "delete_recommendation", "recommendations"),
    Action("recommendation.raise", "K", "Raise", "Raise its priority", "move(-1)", "recommendations"),
    Action("recommendation.lower", "J", "Lower", "Lower its priority", "move(1)", "recommendations"),
    Action("recommendation.progress", "p", "Progress", "Record progress at follow-up", "record_progress", "recommendations"),
    Action("follow-up.done", "d", "Done", "Mark the event done on a date", "mark_done", "follow-up"),
    Action("follow-up.not-done", "u", "Not done", "Mark the event not done", "mark_not_done", "follow-up"),
    Action("follow-up.record", "r", "Record", "Record what happened: a further visit, a request", "record_event", "follow-up"),
    Action("follow-up.options", "s", "Support", "Choose the support or options agreed from the framework's catalogue", "choose_options", "follow-up"),
    Action("follow-up.agreed-action", "a", "Action", "Add a point of action agreed, with the date it is to be done by", "add_agreed_action", "follow-up"),
    Action("report.export", "x", "Export", "Export the draft as Word, PDF, HTML or Markdown (and every other export of the case)", "export_report", "reports"),
    Action("report.details", "e", "Date, to, signed", "Set the draft's date, addressee and signatory", "edit_document", "reports"),
    # Dialogs and the screens on top of a case
    Action("dialog.cancel", "escape", "Cancel", "Close the dialog; nothing is saved", "cancel", "dialogs"),
    Action("dialog.save", "ctrl+s", "Save", "Save what the dialog holds", "save", "dialogs with a form"),
    Action("dialog.yes", "y,enter", "Yes", "Answer yes", "answer(True)", "yes-or-no questions"),
    Action("dialog.no", "n,escape", "No", "Answer no", "answer(False)", "yes-or-no questions"),
    Action("help.close", "escape,f1,q", "Close", "Close help", "dismiss", "help"),
    Action("plugins.back", "escape", "Back", "Back from the plugins", "app.pop_screen", "plugins"),
    Action("history.back", "escape", "Back", "Back to the case", "app.pop_screen", "history"),
    Action("agenda.open", "enter", "Open", "Open the event's case at its Follow-up tab", "open_case", "agenda"),
    Action("agenda.back", "escape", "Casebook", "Back to the casebook", "app.pop_screen", "agenda"),
    Action("compare.back", "escape", "Back", "Back from the comparison", "app.pop_screen", "compare"),
    Action("compare.layout", "l", "Layout", "Regimes side by side, or stacked one under another", "toggle_layout", "compare"),
    Action("compare.grades", "g", "Grades", "Next reading of grades carried to another scale", "next_reading", "compare"),
    Action("compare.with", "w", "With…", "Compare the case with another regime or framework of your choice", "compare_with", "compare"),
)

BY_ID = {action.id: action for action in ACTIONS}


def actions_for(scope: str) -> tuple[Action, ...]:
    return tuple(a for a in ACTIONS if a.scope == scope)


def keys_for(action_id: str, keymap: dict[str, str] | None = None) -> str:
    """The keys bound to ``action_id``: the person's keymap, else the default."""
    return (keymap or {}).get(action_id) or BY_ID[action_id].keys
