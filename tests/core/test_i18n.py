"""The words layer: gettext catalogues per package, the language spoken, and hooks told it."""

from __future__ import annotations

import os
import sys
import textwrap
import time

import pytest
from inspectorate import hookimpl, i18n
from inspectorate.i18n import MessageCatalogue, compile_po, speaking, words_of
from inspectorate.testing import toy
from inspectorate.testing.builders import make_case
from inspectorate.testing.catalogues import untranslated, update
from inspectorate.testing.hosts import make_host

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);\\n"

msgid "The plan is due within {days} working days."
msgstr "Mae'r cynllun yn ddyledus o fewn {days} diwrnod gwaith."
"""


@pytest.fixture
def package(tmp_path, monkeypatch):
    """An importable package ``wordy`` with a Welsh catalogue, as a plugin would ship one."""
    root = tmp_path / "wordy"
    (root / "locale" / "cy" / "LC_MESSAGES").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "locale" / "cy" / "LC_MESSAGES" / "wordy.po").write_text(PO, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    sys.modules.pop("wordy", None)
    i18n._words.cache_clear()


def test_a_welsh_catalogue_gives_the_sentence_with_its_figures(package):
    words = words_of(MessageCatalogue("wordy", "wordy"), "cy")
    assert words("The plan is due within {days} working days.", days=20) == (
        "Mae'r cynllun yn ddyledus o fewn 20 diwrnod gwaith."
    )
    assert not words.fell_back


def test_english_is_the_message_itself(package):
    words = words_of(MessageCatalogue("wordy", "wordy"), "en")
    assert words("The plan is due within {days} working days.", days=5) == "The plan is due within 5 working days."


def test_a_translators_latest_po_wins_over_an_older_compiled_mo(package):
    folder = package / "locale" / "cy" / "LC_MESSAGES"
    (folder / "wordy.mo").write_bytes(compile_po(PO.replace("Mae'r cynllun", "HEN")))
    old = time.time() - 60
    os.utime(folder / "wordy.mo", (old, old))
    words = words_of(MessageCatalogue("wordy", "wordy"), "cy")
    assert words("The plan is due within {days} working days.", days=1).startswith("Mae'r cynllun")


def test_a_package_without_welsh_falls_back_to_english_and_says_so(tmp_path, monkeypatch):
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    words = words_of(MessageCatalogue("plain", "plain"), "cy")
    assert words("Good.") == "Good."
    assert words.fell_back and words.asked == "cy" and words.language == "en"
    sys.modules.pop("plain", None)


def test_an_unknown_language_names_the_ones_spoken():
    with pytest.raises(i18n.UnknownLanguage, match=r"'fr'.*en \(English\), cy \(Cymraeg\)"):
        i18n.checked_language("fr")


def test_speaking_sets_the_language_for_the_block_only():
    assert i18n.language() == "en"
    with speaking("cy"):
        assert i18n.language() == "cy"
    assert i18n.language() == "en"


class _Listener:
    """A plugin that reports the language its hook was called with."""

    def __init__(self):
        self.heard: list[str] = []

    @hookimpl
    def check_case(self, framework, case, language):
        self.heard.append(language)
        return []


class _Deaf:
    """A plugin written before hooks were told the language: still called, unchanged."""

    def __init__(self):
        self.calls = 0

    @hookimpl
    def check_case(self, framework, case):
        self.calls += 1
        return []


def test_hooks_are_told_the_language_spoken_and_older_hooks_still_run():
    listener, deaf = _Listener(), _Deaf()
    host = make_host(toy=toy, listener=listener, deaf=deaf)
    case = make_case(toy.FRAMEWORK)
    framework = host.framework(toy.FRAMEWORK_ID)
    host.collect("check_case", framework=framework, case=case)
    with speaking("cy"):
        host.collect("check_case", framework=framework, case=case)
    assert listener.heard == ["en", "cy"]
    assert deaf.calls == 2


class _Catalogued:
    @hookimpl
    def register_message_catalogues(self, register):
        register(MessageCatalogue("wordy", "wordy"))


def test_the_host_knows_which_regime_plugins_lack_welsh(package):
    host = make_host(toy=toy)
    assert host.not_speaking("cy") == ["toy"]
    assert host.not_speaking("en") == []
    host.add(_Catalogued(), name="toy-words")
    assert host.catalogues()["toy-words"].languages() == ("en", "cy")


def test_the_kit_finds_messages_the_welsh_catalogue_lacks(package):
    (package / "rules.py").write_text(
        textwrap.dedent(
            """
            def findings(_):
                return [
                    _("The plan is due within {days} working days.", days=3),
                    _("No reporting inspector is named."),
                ]
            """
        )
    )
    gaps = untranslated(package, "wordy", "cy")
    assert [(gap.message, gap.why) for gap in gaps] == [("No reporting inspector is named.", "no translation")]
    assert gaps[0].where == "rules.py:5"


def test_the_kit_flags_a_translation_that_drops_a_figure(package):
    (package / "rules.py").write_text('_("The plan is due within {days} working days.", days=3)\n')
    po = package / "locale" / "cy" / "LC_MESSAGES" / "wordy.po"
    po.write_text(PO.replace("o fewn {days} diwrnod", "o fewn ychydig o ddiwrnodau"), encoding="utf-8")
    (gap,) = untranslated(package, "wordy", "cy")
    assert gap.why.startswith("placeholders differ from the English")


def test_update_adds_new_messages_and_keeps_the_translators_work(package):
    (package / "rules.py").write_text('_("The plan is due within {days} working days.", days=3)\n_("New sentence.")\n')
    update(package, "wordy", ["cy"])
    text = (package / "locale" / "cy" / "LC_MESSAGES" / "wordy.po").read_text(encoding="utf-8")
    assert "Mae'r cynllun yn ddyledus" in text
    assert 'msgid "New sentence."\nmsgstr ""' in text
    assert (package / "locale" / "wordy.pot").is_file()
