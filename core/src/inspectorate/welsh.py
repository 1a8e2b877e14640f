"""Welsh mutations for generated sentences: a name or noun put after "ar", "am", "o", "i", "â" ...

Welsh changes the first consonant of a word after certain words: "Adroddiad ar Bartneriaeth ..."
(Partneriaeth), "i Goleg Cambria" (Coleg), "ymweliad â Chonsortiwm ..." (Consortiwm). A sentence
made from a catalogue puts a value where the translator wrote ``{provider}``, so the value has to
take the mutation of the word the translator put before it. :func:`fill` does that: it formats a
Welsh sentence and mutates each value as the word before its placeholder requires, so a translator
writes natural Welsh and never a mutated copy of a name.

What is mutated, and what is left alone (a translator should check the choices):

- **Soft mutation** (treiglad meddal) after the prepositions ``am ar at dan dros drwy gan heb hyd i
  o tan tros trwy wrth`` and after ``neu``, ``dyma``, ``dyna``: p→b, t→d, c→g, b→f, d→dd, g→(dropped),
  m→f, ll→l, rh→r.
- **Aspirate mutation** (treiglad llaes) after ``â``, ``a`` ("and"), ``gyda``, ``na`` and ``tua``:
  c→ch, p→ph, t→th. Before a vowel ``a``, ``â`` and ``na`` become ``ac``, ``ag`` and ``nac``
  ("arolygiadau ac ymweliadau", "cytuno ag Estyn").
- **Proper names mutate**, English ones included: Welsh prose mutates the names of places and
  institutions ("i Gaerdydd", "ar Goleg Sir Gâr") and, in Estyn's register, a provider's name in
  English as well ("ar Bartneriaeth ..."). A name in capitals (an acronym such as "CBAC") is left
  alone, as are names starting with a vowel, a digit or a consonant that does not mutate.
- **Not mutated**: after ``yn``, which mutates softly before a predicate ("yn dda") but nasally
  where it means "in" ("yng Nghaerdydd"); nor after the article (``y``, ``yr``, ``'r``), whose
  mutation depends on the noun's gender. A translator who needs either writes the sentence so the
  value does not follow them. The exceptions of "ll" and "rh" after "yn" are therefore not needed.
"""

from __future__ import annotations

import re
import string

#: The soft mutation of a word's first consonant(s), longest first ("ll" before "l"). "g" is dropped.
SOFT = (("ll", "l"), ("rh", "r"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""), ("m", "f"))
#: The aspirate mutation: only c, p and t change.
ASPIRATE = (("c", "ch"), ("p", "ph"), ("t", "th"))
#: Beginnings that look like a mutable consonant but are another letter of the Welsh alphabet
#: ("ch", "dd", "ff", "ng", "ph", "th"): they never mutate.
DIGRAPHS = ("ch", "dd", "ff", "ng", "ph", "th")

#: Words after which the next word takes the soft mutation.
SOFT_AFTER = frozenset(
    {"am", "ar", "at", "dan", "dros", "drwy", "gan", "heb", "hyd", "i", "o", "tan", "tros", "trwy", "wrth",
     "neu", "dyma", "dyna"}
)
#: Words after which the next word takes the aspirate mutation.
ASPIRATE_AFTER = frozenset({"â", "a", "gyda", "na", "tua"})

#: "a", "â" and "na" before a vowel.
BEFORE_A_VOWEL = {"a": "ac", "â": "ag", "na": "nac"}
VOWELS = "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"

_FORMATTER = string.Formatter()
_LAST_WORD = re.compile(r"(?:^|[\s(\"“‘])([^\s(\"“‘]+)(\s+)$")


def _mutate(word: str, table) -> str:
    if not word or _is_acronym(word):
        return word
    lower = word.lower()
    if lower.startswith(DIGRAPHS) and not lower.startswith(("ll", "rh")):
        return word
    for radical, mutated in table:
        if lower.startswith(radical):
            rest = word[len(radical):]
            if not mutated:  # g dropped: the next letter begins the word, in the same case
                return (rest[:1].upper() + rest[1:]) if word[:1].isupper() else rest
            if word[:1].isupper():
                mutated = mutated[:1].upper() + mutated[1:]
            return mutated + rest
    return word


def _is_acronym(word: str) -> bool:
    """A name written in capitals (CBAC, ERW): an acronym is read letter by letter and not mutated."""
    first = word.split()[0] if word.split() else word
    letters = [c for c in first if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def soft(text: str) -> str:
    """``text`` with its first word softly mutated: "Partneriaeth" → "Bartneriaeth", "Gŵyr" → "Ŵyr"."""
    return _mutate(text, SOFT)


def aspirate(text: str) -> str:
    """``text`` with its first word's aspirate mutation: "Consortiwm" → "Chonsortiwm"."""
    return _mutate(text, ASPIRATE)


def after(word: str, text: str) -> str:
    """``text`` as it reads after ``word``: mutated if ``word`` causes a mutation, else as it is."""
    key = word.lower().strip(",;:")
    if key in SOFT_AFTER:
        return soft(text)
    if key in ASPIRATE_AFTER:
        return aspirate(text)
    return text


class FillError(ValueError):
    """A sentence names a value it was not given, or a field that is not a plain name."""


def fill(text: str, /, **values: object) -> str:
    """``text.format(**values)`` for a Welsh sentence, each value mutated as the word before its
    placeholder requires: ``fill("Adroddiad ar {provider}", provider="Coleg Cambria")`` is
    "Adroddiad ar Goleg Cambria". Only plain ``{name}`` fields are allowed."""
    out: list[str] = []
    for literal, field, spec, conversion in _FORMATTER.parse(text):
        out.append(literal)
        if field is None:
            continue
        if not field.isidentifier():
            raise FillError(f"a message can only name plain values, as {{name}}, not {{{field}}}")
        if field not in values:
            raise FillError(f"the message needs a value for {{{field}}}")
        value = _FORMATTER.format_field(_FORMATTER.convert_field(values[field], conversion), spec or "")
        so_far = "".join(out)
        before = _LAST_WORD.search(so_far)
        if before is None:
            out.append(value)
            continue
        word = before.group(1)
        if word.lower() in BEFORE_A_VOWEL and value[:1].lower() in VOWELS:
            changed = BEFORE_A_VOWEL[word.lower()]
            changed = changed[:1].upper() + changed[1:] if word[:1].isupper() else changed
            out = [so_far[: before.start(1)] + changed + before.group(2)]
        out.append(after(word, value))
    return "".join(out)


#: Welsh numbers before a noun, masculine and feminine ("pedwar diwrnod", "pedair wythnos").
_MASCULINE = ("un", "dau", "tri", "pedwar", "pum", "chwe", "saith", "wyth", "naw", "deg")
_FEMININE = ("un", "dwy", "tair", "pedair", "pum", "chwe", "saith", "wyth", "naw", "deg")


def number(n: int, feminine: bool = False) -> str:
    """``n`` as a Welsh word before a noun, for 1 to 10 ("pedair" wythnos, "tri" mis); digits beyond."""
    words = _FEMININE if feminine else _MASCULINE
    return words[n - 1] if 1 <= n <= len(words) else str(n)
