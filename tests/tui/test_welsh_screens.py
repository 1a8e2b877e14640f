"""The app in Welsh (``language = "cy"``): every screen, dialog and the palette, pictured at 140x40,
and none shows a word of the app's or the core's English where a Welsh one is in the catalogue.

The case is an Estyn one, whose plugin speaks Welsh; what the team typed (names, evidence) and
quotations from the guidance stay as written. Regenerate the pictures with
``pytest tests/tui/test_welsh_screens.py --snapshot-update`` and read the SVGs before committing.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import inspectorate
import inspectorate_tui
import pytest
from babel.messages.pofile import read_po
from inspectorate import i18n
from inspectorate.casefile import read_case_file

from tests.tui.conftest import casebook_loaded, cursors_still, screen_text

SIZE = (140, 40)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
CASE = "estyn-2022-safeguarding-concern.toml"

#: What may stay English on a Welsh screen although a message says it in English too: names, and
#: the keys as the keyboard names them.
NAMES = {"Estyn", "Ofsted", "Education Scotland", "inspectorate", "Markdown", "Word", "PDF", "HTML", "TOML",
         "Delete", "Enter", "Escape", "Space", "Home", "End", "Tab"}


def _pieces(message: str) -> list[str]:
    """The fixed words of a message: the text between its placeholders and markup."""
    parts = re.split(r"\{[^{}]*\}|\[[^\]]*\]|\\n|\n|[·:;()…,.?!\"'«»]", message)
    return [p.strip(" -–—/|") for p in parts]


def _english_words() -> set[str]:
    """Every fixed piece of English (two letters or more) of the app's and the core's messages whose
    Welsh says something else: on a Welsh screen, any of them is chrome left in English."""
    found: set[str] = set()
    for package, domain in ((inspectorate_tui, "inspectorate_tui"), (inspectorate, "inspectorate")):
        po = Path(package.__file__).parent / "locale" / "cy" / "LC_MESSAGES" / f"{domain}.po"
        with po.open(encoding="utf-8") as source:
            catalogue = read_po(source)
        for message in catalogue:
            if not message.id:
                continue
            english = message.id if isinstance(message.id, tuple) else (message.id,)
            welsh = " ".join(message.string if isinstance(message.string, tuple) else (message.string,))
            for piece in (p for text in english for p in _pieces(text)):
                if _chrome_like(piece) and piece not in welsh and piece not in NAMES:
                    found.add(piece)
    return found


def _chrome_like(piece: str) -> bool:
    """A phrase (two words or more, one of them a real word), or one capitalised word of four
    letters or more (a label, a heading, a button): what only the app would write. A lone "the" or
    "evidence" could be what the team typed in English."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", piece)
    if len(words) >= 2:
        return any(len(w) >= 4 for w in words)
    return len(words) == 1 and len(words[0]) >= 4 and words[0][0].isupper() and words[0] == piece


ENGLISH = sorted(_english_words(), key=len, reverse=True)
#: Each piece as a whole word or phrase, compiled once: there are far more of them than the regular
#: expression module keeps compiled, and every line of every screen is searched for each.
_AS_WORDS = [(piece, re.compile(rf"(?<![\w']){re.escape(piece)}(?![\w'])")) for piece in ENGLISH]


def english_on(text: str) -> list[str]:
    """The pieces of English chrome ``text`` shows, each as a whole word or phrase."""
    return [piece for piece, pattern in _AS_WORDS if pattern.search(text)]


@pytest.fixture
def welsh(monkeypatch):
    """Welsh spoken, and the casebook's audit clock fixed, so that History is the same every run."""
    from inspectorate.casebook import store

    monkeypatch.setattr(store, "_now", lambda: "2026-11-20T09:30:00+00:00")
    i18n.set_language("cy")
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture
def estyn_case(demo_casebook, host):
    """The Estyn case, at a Welsh-medium provider: its reports are drafted in Welsh too."""
    case = read_case_file(EXAMPLES / CASE, host)
    case = attrs.evolve(case, provider=attrs.evolve(case.provider, language_medium="welsh"))
    return demo_casebook.add(case).id


def _said_by_others(text: str, host, host_cases) -> str:
    """``text`` less what is not the app's to translate: quotations from the guidance (“…” or "…"), the
    casebook's file name in the title, the documents citations name, the providers' names, and the names regimes give
    themselves, their frameworks, areas and grades (a plugin without Welsh names them in English,
    and the screen says so)."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text.replace("casebook.sqlite", ""))
    text = re.sub(r"DOMAIN-NOTES\.md, [^,)]*\)", "", text)  # a citation's document: "…, Estyn (Wales)"
    names = {name for regime in host.regimes.values() for framework in regime.frameworks
             for part in (regime, framework, *framework.areas, *(g for s in framework.scales for g in s.grades))
             for name in part.names.values()}
    names |= {line.provider for line in host_cases}
    # A long name wraps inside its column, so its words are looked for one by one too.
    words = {word for name in names for word in name.split() if len(word) >= 4}
    for name in sorted(names | words, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "", text)
    return text


def shown_in_welsh(case_id: str | None, *keys: str):
    """A snapshot's ``run_before``: open the case (if any), press the keys, wait for what they
    started, and fail at once naming any English the screen shows."""

    async def run_before(pilot) -> None:
        await casebook_loaded(pilot)
        if case_id:
            pilot.app.screen.open_case(case_id)
            await pilot.pause()
        for key in keys:  # each key's work (the rules, a draft) done before the next, as a person waits
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await cursors_still(pilot)
        cases = pilot.app.casebook.list_cases(include_archived=True)
        text = _said_by_others(screen_text(pilot.app), pilot.app.host, cases)
        found = english_on(text)
        if found:  # only then the lines that show it: each line is searched with every piece's pattern
            lines = [line.strip() for line in text.splitlines() if english_on(line)]
            raise AssertionError("English on a Welsh screen: " + ", ".join(map(repr, found)) + "\n" + "\n".join(lines))

    return run_before


SCREENS = {
    "casebook": (False, ()),
    "new-case": (False, ("n",)),
    "agenda": (False, ("g",)),
    "import": (False, ("i",)),
    "help": (False, ("f1",)),
    "plugins": (False, ("f2",)),
    "theme": (False, ("f3",)),
    "frameworks": (False, ("f4",)),
    "palette": (False, ("ctrl+p",)),
    "details": (True, ("f7",)),
    "evidence": (True, ("f8",)),
    "judgements": (True, ("f9",)),
    "recommendations": (True, ("f10",)),
    "follow-up": (True, ("f11",)),
    "reports": (True, ("f12",)),
    "history": (True, ("f6",)),
    "compare": (True, ("c",)),
    "export": (True, ("f12", "x")),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_in_welsh(screen, welsh, snap_compare, make_app, demo_casebook, estyn_case):
    with_case, keys = SCREENS[screen]
    run_before = shown_in_welsh(estyn_case if with_case else None, *keys)
    assert snap_compare(make_app(demo_casebook), terminal_size=SIZE, run_before=run_before)


def test_the_check_finds_english_chrome():
    """The check above would see an English footer or heading: it is not silent by construction."""
    assert english_on("^q Quit  F1 Help") and english_on("Recommendations")
    assert english_on("Ysgol Gymraeg Aber · Estyn · ^q Gadael") == []


def test_every_message_of_the_app_has_its_welsh():
    """A message in the app's code (or one changed) with no Welsh, a fuzzy one, or one whose
    placeholders differ from the English fails here, naming it."""
    from inspectorate.testing.catalogues import untranslated

    assert untranslated(Path(inspectorate_tui.__file__).parent, "inspectorate_tui", "cy") == []


@pytest.mark.parametrize("args", [["--demo", "--lang", "cy"], ["--lang", "cy", "--demo"]])
def test_lang_on_the_bare_command_opens_the_app_in_welsh(args, monkeypatch, tmp_path, welsh):
    """``inspectorate --demo --lang cy`` opens the app speaking Welsh: the app is not left to fall
    back on the configuration file's language (English) when the option was given. (The command
    speaks Welsh for the rest of the process: ``welsh`` puts English back after.)"""
    import inspectorate_tui.app
    from inspectorate.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no config.toml: its language is English
    opened = []
    monkeypatch.setattr(inspectorate_tui.app, "run", lambda **given: opened.append(given))
    main(args, standalone_mode=False)
    assert opened == [{"casebook": None, "demo": True, "language": "cy"}]
