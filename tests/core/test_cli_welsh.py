"""The command line in Welsh: ``--lang`` on every command, ``language`` in config.toml, the core's
own words from its Welsh catalogue, and a plain note where a plugin's words can only be English.

The rules come from the kit's toy regime, installed as a plugin (it has no Welsh catalogue), and
from a small plugin that does have one, so the note is shown for the one and not the other.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click
import inspectorate
import pytest
from inspectorate.testing.catalogues import untranslated

from tests.support import run_cli

TOY_CASE = """\
format = "inspectorate-case/1"

[provider]
name = "Bryn Academy"
sector = "school"
nation = "scotland"

[inspection]
regime = "toy"
framework = "toy-2026"
kind = "inspection"
start = 2026-03-02
end = 2026-03-04
published = 2026-04-20

[judgements]
teaching = "weak"
wellbeing = "sound"
"""

WELSH_PLUGIN = '''\
from inspectorate import hookimpl
from inspectorate.frameworks import Framework, Regime
from inspectorate.i18n import MessageCatalogue

@hookimpl
def register_regimes(register):
    register(Regime(id="cymreig", names={"en": "Welsh-speaking", "cy": "Cymraeg"}, nations=["wales"],
                    frameworks=[Framework(id="cymreig-1", regime="cymreig", names={"en": "One"}, sectors=["school"])]))

@hookimpl
def register_message_catalogues(register):
    register(MessageCatalogue("fake_cymreig", "fake_cymreig"))
'''


def _entry_point(site: Path, name: str, module: str) -> None:
    info = site / f"{module}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[inspectorate]\n{name} = {module}\n", encoding="utf-8")


@pytest.fixture
def toy(tmp_path):
    """Run the CLI with the toy regime installed (and the built-in plugins left out); the case."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "fake_toy.py").write_text("from inspectorate.testing.toy import *  # noqa: F403\n", encoding="utf-8")
    _entry_point(site, "toy", "fake_toy")
    package = site / "fake_cymreig"
    (package / "locale" / "cy" / "LC_MESSAGES").mkdir(parents=True)
    (package / "__init__.py").write_text(WELSH_PLUGIN, encoding="utf-8")
    (package / "locale" / "cy" / "LC_MESSAGES" / "fake_cymreig.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n', encoding="utf-8"
    )
    _entry_point(site, "cymreig", "fake_cymreig")
    case = tmp_path / "toy.toml"
    case.write_text(TOY_CASE, encoding="utf-8")
    env = {"PYTHONPATH": str(site), "INSPECTORATE_LOAD_PLUGINS": "toy,cymreig"}

    def run(*args: str, config: str | None = None):
        if config is not None:
            folder = tmp_path / "config"
            (folder / "inspectorate").mkdir(parents=True, exist_ok=True)
            (folder / "inspectorate" / "config.toml").write_text(config, encoding="utf-8")
            return run_cli(*args, env={**env, "XDG_CONFIG_HOME": str(folder)})
        return run_cli(*args, env=env)

    return run, str(case)


def test_every_command_takes_lang_so_a_new_one_cannot_miss_it():
    from inspectorate.cli import main
    from inspectorate.cli_language import every_command

    commands = every_command(main)
    assert len(commands) > 20  # the core's, the groups' subcommands and the app's
    lacking = [" ".join(path) or "inspectorate" for path, command in commands
               if not any("--lang" in getattr(p, "opts", ()) for p in command.params)]
    assert lacking == []
    assert ("casebook", "status") in {path for path, _ in commands}


def test_lang_cy_puts_the_core_s_words_in_welsh_and_leaves_the_toy_s_in_english(toy):
    run, case = toy
    english = run("schedule", case, "--today", "2026-05-01")
    welsh = run("schedule", case, "--today", "2026-05-01", "--lang", "cy")
    assert english.returncode == welsh.returncode == 0, welsh.stderr
    assert "failed" not in welsh.stderr  # the Welsh-speaking plugin loaded: its silence below means something
    assert "source: " in english.stdout and "ffynhonnell: " not in english.stdout
    assert "English only" not in english.stdout and "Saesneg" not in english.stdout
    lines = welsh.stdout.splitlines()
    assert lines[0] == ("Saesneg yn unig: nid oes gan ategyn 'toy' gatalog Cymraeg, felly mae ei eiriau yn Saesneg.")
    assert welsh.stdout.count("Saesneg yn unig") == 1  # once, at the top
    assert "ffynhonnell: inspectorate.testing.toy" in welsh.stdout and "source:" not in welsh.stdout
    plan = next(line for line in lines if "Written plan" in line)  # the toy's own words stay English
    assert plan.split() == ["erbyn", "2026-05-12", "cyn", "hir", "Written", "plan"]  # by, due soon
    assert "'cymreig'" not in welsh.stdout  # it has a Welsh catalogue


def test_evaluate_in_welsh_labels_the_proposal_and_the_follow_up(toy):
    run, case = toy
    welsh = run("evaluate", case, "--lang", "cy")
    assert welsh.returncode == 0, welsh.stderr
    assert "cynnig" in welsh.stdout and "gweithgarwch dilynol Toy review [toy-review]" in welsh.stdout
    english = run("evaluate", case)
    # Names in the language spoken, then the ids the case file uses.
    assert "proposal  Overall: - Weak [overall: weak]  (The weakest area grade.)" in english.stdout
    assert "follow-up Toy review [toy-review]" in english.stdout


def test_language_in_config_speaks_welsh_and_lang_wins_over_it(toy):
    run, case = toy
    configured = run("schedule", case, "--today", "2026-05-01", config='language = "cy"\n')
    assert configured.returncode == 0, configured.stderr
    assert "ffynhonnell:" in configured.stdout and configured.stdout.startswith("Saesneg yn unig")
    overruled = run("schedule", case, "--today", "2026-05-01", "--lang", "en", config='language = "cy"\n')
    assert "source:" in overruled.stdout and "ffynhonnell" not in overruled.stdout
    before = run("--lang", "en", "schedule", case, "--today", "2026-05-01", config='language = "cy"\n')
    assert "source:" in before.stdout  # --lang before the command counts too


def test_json_keeps_its_keys_and_says_which_words_are_english(toy):
    run, case = toy
    english = json.loads(run("schedule", case, "--json", "--today", "2026-05-01").stdout)
    welsh = json.loads(run("schedule", case, "--json", "--today", "2026-05-01", "--lang", "cy").stdout)
    assert "english_only" not in english
    assert welsh.pop("english_only") == {
        "plugins": ["toy"],
        "note": "Saesneg yn unig: nid oes gan ategyn 'toy' gatalog Cymraeg, felly mae ei eiriau yn Saesneg.",
    }
    assert welsh.keys() == english.keys() and len(welsh["events"]) == len(english["events"]) == 2
    for ours, theirs in zip(welsh["events"], english["events"], strict=True):
        assert ours.keys() == theirs.keys()
        words = {"basis"}  # the one text the core words for an event; ids, ISO dates and statuses stay
        assert {k: v for k, v in ours.items() if k not in words} == {k: v for k, v in theirs.items() if k not in words}
    assert welsh["events"][0]["basis"] == "o fewn 15 diwrnod gwaith ar ôl cyhoeddi'r adroddiad"
    assert english["events"][0]["basis"] == "within 15 working days of publication of the report"


def test_an_unknown_language_is_a_clear_error(toy):
    run, case = toy
    given = run("evaluate", case, "--lang", "fr")
    assert given.returncode == 2
    assert "Invalid value for '--lang': 'fr' is not one of 'en', 'cy'." in given.stderr
    configured = run("evaluate", case, config='name = "Ann"\nlanguage = "fr"\n')
    assert configured.returncode == 1 and "Traceback" not in configured.stderr
    message = configured.stderr.strip()
    assert message.endswith('config.toml:2: language: \'fr\' is not a language inspectorate speaks: '
                            'use one of "en" (English), "cy" (Cymraeg)'), message
    assert run("evaluate", case, "--lang", "en", config='language = "fr"\n').returncode == 0  # not read then


def test_errors_and_usage_messages_are_welsh_too(toy):
    run, case = toy
    result = run("compare", case, "--lang", "cy")
    assert result.returncode == 2
    assert "enwch y cyfundrefnau i'w cymharu: --regimes estyn,ofsted" in result.stderr
    bad_day = run("schedule", case, "--today", "2026-13-01", "--lang", "cy")
    assert "nid yw '2026-13-01' yn ddyddiad" in bad_day.stderr


def test_every_message_of_the_core_has_its_welsh():
    assert untranslated(Path(inspectorate.__file__).parent, "inspectorate", "cy") == []


def test_the_lang_option_is_a_choice_of_the_languages_spoken():
    from inspectorate.cli import main
    from inspectorate.i18n import LANGUAGES

    option = next(p for p in main.commands["evaluate"].params if p.name == "lang")
    assert isinstance(option.type, click.Choice) and list(option.type.choices) == list(LANGUAGES)
    help_text = textwrap.shorten(option.help or "", 200)
    assert "en (English), cy (Cymraeg)" in help_text
