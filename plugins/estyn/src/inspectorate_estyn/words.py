"""Estyn's words in English and Welsh: one gettext catalogue, ``locale/cy/LC_MESSAGES/inspectorate_estyn.po``.

Every sentence the plugin shows, in its rules and in its report templates, is a message whose id
is the English, with named ``{placeholders}``. Rules bind ``_ = words(language)`` and call
``_("...", name=value)``; words declared before the language is known are marked ``N_("...")``
and translated where they are shown, with ``_(text)``. In Welsh a value takes the mutation of the
word the translator put before it ("ar {provider}" gives "ar Bartneriaeth ...", see
:mod:`inspectorate.welsh`). After changing a message::

    python -m inspectorate.testing.catalogues update plugins/estyn/src/inspectorate_estyn inspectorate_estyn
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator, Mapping

from attrs import frozen
from inspectorate import welsh
from inspectorate.i18n import N_ as N_  # the one marker; the rules import it from this module
from inspectorate.i18n import MessageCatalogue, Words, words_of

ESTYN = MessageCatalogue("inspectorate_estyn", "inspectorate_estyn")


@frozen
class EstynWords:
    """Estyn's translation function in one language: ``_("Sentence {x}.", x=1)``."""

    words: Words

    @property
    def language(self) -> str:
        return self.words.asked

    def __call__(self, message: str, /, **params: object) -> str:
        return self._fill(self.words(message), params)

    def plural(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        text = self.words.translations.ngettext(singular, plural, count)
        return self._fill(text, {"count": count, **params})

    def context(self, context: str, message: str, /, **params: object) -> str:
        return self._fill(self.words.translations.pgettext(context, message), params)

    def _fill(self, text: str, params: Mapping[str, object]) -> str:
        if not params:
            return text
        return welsh.fill(text, **params) if self.words.language == "cy" else text.format(**params)


def words(language: str | None = None) -> EstynWords:
    """Estyn's words in ``language`` (default: the language spoken here)."""
    return EstynWords(words_of(ESTYN, language))


class _Keep(dict):
    """Placeholders with no value stay as they are, for the template to fill."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@functools.cache
def message_ids() -> frozenset[str]:
    """Every message of the catalogue (the ``.pot`` extracted from the code and templates)."""
    from babel.messages.pofile import read_po

    pot = ESTYN.locale / f"{ESTYN.domain}.pot"
    return frozenset(str(m.id) for m in read_po(pot.open(encoding="utf-8")) if m.id and isinstance(m.id, str))


class Sentences(Mapping[str, str]):
    """The report templates' messages in one language, by their English (the templates' ``t``).

    A rule's figure named in a message (``{action_plan_days}``) is filled here, so the sentence
    states the number the rule counts; the template fills the rest. A message not in the catalogue
    is not here, so the core names it rather than showing an id as if it were a sentence.
    """

    def __init__(self, language: str, numbers: Mapping[str, Mapping[str, object]]):
        self.language = language
        self.numbers = numbers

    def __getitem__(self, message: str) -> str:
        if message not in message_ids():
            raise KeyError(message)
        text = words(self.language).words(message)
        figures = self.numbers.get(self.language) or self.numbers.get("en") or {}
        if not any(f"{{{name}}}" in text for name in figures):
            return text
        return string.Formatter().vformat(text, (), _Keep(figures))

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(message_ids()))

    def __len__(self) -> int:
        return len(message_ids())
