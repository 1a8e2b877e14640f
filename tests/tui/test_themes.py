"""Themes: F3 opens a list, the theme chosen is kept in the config file, and high contrast shows
every field's edge and the focus clearly."""

from __future__ import annotations

from inspectorate_tui.config import Settings, load_settings, save_theme
from inspectorate_tui.dialogs.theme import ThemeDialog
from inspectorate_tui.themes import HIGH_CONTRAST
from textual.color import Color
from textual.widgets import Input, OptionList

from tests.tui.conftest import SIZE, case_id_of, casebook_loaded, open_case, screen_text

CONFIG = '# my settings\n\n[keymap]\n"casebook.new" = "ctrl+n"  # n is for notes\n'


async def _choose(pilot, name: str) -> None:
    """F3, then down the list to ``name`` and Enter, as a person would."""
    await pilot.press("f3")
    await pilot.pause()
    themes = pilot.app.screen.query_one(OptionList)
    steps = themes.get_option_index(name) - themes.highlighted
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()


async def test_f3_lists_the_themes_and_the_one_chosen_is_kept_in_the_config_file(make_app, casebook, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    async with make_app(casebook, settings=load_settings(path)).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ThemeDialog)
        text = screen_text(pilot.app)
        assert "✓ textual-dark" in text and HIGH_CONTRAST.name in text
        await pilot.press("down")  # tried at once...
        await pilot.pause()
        assert pilot.app.theme != "textual-dark"
        await pilot.press("escape")  # ...and put back on Escape, nothing kept
        await pilot.pause()
        assert pilot.app.theme == "textual-dark" and path.read_text(encoding="utf-8") == CONFIG
        await _choose(pilot, HIGH_CONTRAST.name)
        assert pilot.app.theme == HIGH_CONTRAST.name
    kept = load_settings(path)
    assert kept.theme == HIGH_CONTRAST.name and kept.keymap == {"casebook.new": "ctrl+n"} and not kept.problems
    assert path.read_text(encoding="utf-8").endswith(CONFIG.split("\n", 2)[2])  # comments and keymap as they were
    async with make_app(casebook, settings=kept).run_test(size=SIZE) as pilot:  # and the next start uses it
        assert pilot.app.theme == HIGH_CONTRAST.name


async def test_a_config_file_with_a_mistake_is_not_overwritten(make_app, casebook, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keymap\n', encoding="utf-8")
    async with make_app(casebook, settings=load_settings(path)).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await _choose(pilot, "textual-light")
        assert pilot.app.theme == "textual-light"  # used now
        assert any("not kept" in n.message and str(path) in n.message for n in pilot.app._notifications)
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n[keymap\n'


def test_save_theme_replaces_only_the_theme_line(tmp_path):
    path = tmp_path / "inspectorate" / "config.toml"
    save_theme("nord", path)  # made if missing
    assert load_settings(path).theme == "nord"
    path.write_text('theme = "nord"   # dark\n[keymap]\n"case.undo" = "u"\n', encoding="utf-8")
    save_theme("textual-light", path)
    assert path.read_text(encoding="utf-8") == 'theme = "textual-light"\n[keymap]\n"case.undo" = "u"\n'


async def test_high_contrast_shows_every_fields_edge_and_the_focus_in_yellow(make_app, demo_casebook):
    app = make_app(demo_casebook, settings=Settings(theme=HIGH_CONTRAST.name))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id_of(demo_casebook, "Riverside College"))
        page = screen.query_one("#details-tab").styles.background
        name, authority = screen.query_one("#provider-name", Input), screen.query_one("#provider-local_authority", Input)
        # The Details tab's fields have no border: each is still a box set apart from the page.
        assert name.styles.background != page and name.styles.background.a > 0
        authority.focus()
        await pilot.pause()
        assert _near(authority.styles.color, HIGH_CONTRAST.accent) and "underline" in str(authority.styles.text_style)
        assert name.styles.color != authority.styles.color
        pilot.app.set_focus(None)  # out of the field, so the number keys switch tabs
        await pilot.press("f8", "n")  # a dialog's bordered fields: white edges, the focused one yellow
        await pilot.pause()
        dialog = pilot.app.screen
        source = dialog.query_one("#source", Input)
        assert _near(source.styles.border_top[1], "#FFFFFF")
        source.focus()
        await pilot.pause()
        assert _near(source.styles.border_top[1], HIGH_CONTRAST.accent)


def _near(color: Color, hex_colour: str) -> bool:
    """The same colour, give or take Textual's rounding of theme colours."""
    return all(abs(a - b) <= 2 for a, b in zip(color.rgb, Color.parse(hex_colour).rgb, strict=True))
