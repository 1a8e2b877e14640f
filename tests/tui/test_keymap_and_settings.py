"""The keymap is data every screen builds from, and `inspectorate keys` reads it without Textual."""

from __future__ import annotations

import json

from inspectorate_tui.config import load_settings
from inspectorate_tui.keymap import ACTIONS

from tests.support import run_cli


def test_every_binding_has_a_unique_id_a_description_and_keys():
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    assert all(a.keys and a.description and a.label for a in ACTIONS)


def test_default_keys_avoid_chords_terminals_swallow():
    # ctrl+s/ctrl+q flow control is off in Textual, but ctrl+h is backspace, ctrl+i tab, ctrl+m enter.
    swallowed = {"ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j", "ctrl+[", "alt+enter"}
    assert not {k for a in ACTIONS for k in a.keys.split(",")} & swallowed


def test_settings_file_problems_name_file_line_and_key(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\ncolour = "blue"\n[keymap]\n"case.undo" = ""\n"case.undoo" = "u"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.keymap == {}
    assert settings.theme is None
    assert [str(p).split(": ", 1)[0] for p in settings.problems] == [f"{path}:1", f"{path}:2", f"{path}:4", f"{path}:5"]
    assert [p.key for p in settings.problems] == ["theme", "colour", 'keymap."case.undo"', 'keymap."case.undoo"']
    assert "did you mean 'case.undo'" in str(settings.problems[-1])


def test_a_settings_file_that_is_not_toml_is_one_problem(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keymap\n"a" = 1\n', encoding="utf-8")
    [problem] = load_settings(path).problems
    assert str(problem).startswith(f"{path}:1: keymap: not valid TOML")


def test_keys_command_lists_ids_defaults_and_the_persons_keys(tmp_path):
    config = tmp_path / "config" / "inspectorate"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keymap]\n"casebook.new" = "ctrl+n"\n', encoding="utf-8")
    result = run_cli("keys", "--json", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {a.id for a in ACTIONS}
    assert rows["casebook.new"]["keys"] == "ctrl+n" and rows["casebook.new"]["default"] == "n"
    text = run_cli("keys", env={"XDG_CONFIG_HOME": str(tmp_path / "config")}).stdout
    assert "casebook.new" in text and "(default n)" in text


def test_every_binding_of_the_app_comes_from_the_keymap():
    """So every key has an id a person can rebind and help can list."""
    from tests.support import ROOT

    source = ROOT / "tui" / "src" / "inspectorate_tui"
    stray = [
        f"{path.relative_to(source)}:{n}"
        for path in source.rglob("*.py")
        if path.name != "bindings.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "Binding(" in line
    ]
    assert stray == []


def test_a_language_the_app_does_not_speak_is_the_same_problem_the_cli_reports(tmp_path):
    """The app and the CLI read ``language`` through the core's one reader: the app reports the
    mistake beside its own keys' problems and speaks English; the CLI stops with the same words."""
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nlanguage = "fr"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.language is None
    assert settings.theme == "nord"
    [problem] = settings.problems
    said = f"{path}:2: language: 'fr' is not a language inspectorate speaks: use one of"
    assert str(problem).startswith(said)
    assert load_settings(_written(tmp_path, 'language = "CY"\n')).language == "cy"


def _written(folder, text):
    path = folder / "other.toml"
    path.write_text(text, encoding="utf-8")
    return path
