"""The core's Welsh sentences read correctly whatever name or noun fills them.

Welsh mutates the first consonant of a word after certain words ("ar", "am", "o", "i", "gan",
"â"...): "am Bartneriaeth", not "am Partneriaeth". The core does not mutate a name it is given;
its templates are phrased so that a name or noun phrase never follows such a word ("ar ôl", "cyn",
"ar gyfer", "Cofnodwyd ..." leave it as it is). This checks every template of the core's
catalogue with names beginning with each consonant that mutates.
"""

from __future__ import annotations

import re
from pathlib import Path

import inspectorate
import pytest
from babel.messages.pofile import read_po
from inspectorate.i18n import core_words

PO = Path(inspectorate.__file__).parent / "locale" / "cy" / "LC_MESSAGES" / "inspectorate.po"

#: Placeholders the core fills with words (a provider's name, an event's title, a phrase): these
#: would need mutating after a word that causes it. The others hold figures, dates, ids, paths and
#: quoted names, which Welsh leaves as written.
WORDS = {"anchor", "anchors", "event", "what", "title", "provider", "phrase", "basis", "counting",
         "problem", "message", "reason", "things", "hint", "error"}

#: Words after which Welsh mutates the next (soft, aspirate or nasal), as they stand in running text.
MUTATING = {"ar", "am", "o", "i", "at", "gan", "dan", "tan", "dros", "drwy", "trwy", "heb", "hyd", "wrth",
            "a", "â", "ac", "na", "gyda", "tua", "yn", "fy", "dy", "ei", "eu", "ein", "eich", "mor", "pa",
            "neu", "dau", "dwy", "tri", "tair", "chwe", "y", "yr", "'r"}

#: One name for each consonant that mutates: p t c b d g m ll rh.
NAMES = ["Partneriaeth Dysgu", "Tŷ Coch", "Coleg Gwent", "Bro Morgannwg", "Dyffryn Aman", "Gwynedd", "Môn",
         "Llanelli", "Rhondda"]


def _templates() -> list[str]:
    with PO.open(encoding="utf-8") as source:
        catalog = read_po(source)
    found = []
    for message in catalog:
        if message.id:
            found += [message.string] if isinstance(message.string, str) else list(message.string)
    return [t for t in found if t]


def test_the_catalogue_has_the_sentences_that_carry_names():
    templates = _templates()
    assert len(templates) > 150
    assert any("{event}" in t for t in templates) and any("{provider}" in t for t in templates)


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_never_put_after_a_word_that_mutates_it(name):
    wrong = []
    for template in _templates():
        for field in set(re.findall(r"\{(\w+)\}", template)) & WORDS:
            before = template.split("{" + field + "}")[0].rstrip()
            word = re.split(r"[\s(]", before)[-1].lower() if before else ""
            if word in MUTATING or word.endswith("'r"):
                wrong.append(f"{template!r}: {word!r} would mutate {name!r}")
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_the_sentences_a_person_reads_most_keep_the_name_as_written(name):
    _ = core_words("cy")
    assert _("{event} has no date: {problem}", event=name, problem="x") == f"Dim dyddiad ar gyfer {name}: x"
    assert _.plural("within {count} working day of {anchor}", "within {count} working days of {anchor}", 15,
                    anchor=name) == f"o fewn 15 diwrnod gwaith ar ôl {name}"
    assert _("{provider} (case {case}): {reason}", provider=name, case="7", reason="r") == f"{name} (achos 7): r"
    assert _("{event} is recorded on {day}, before {what} ({when}), which it follows.", event=name, day="2026-01-05",
             what=name, when="2026-01-09").startswith(f"Cofnodwyd {name} ar 2026-01-05, cyn {name} ")
