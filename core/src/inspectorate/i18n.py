"""Words in the inspectors' languages: gettext catalogues, one domain per package.

The core, the app and each plugin keep their own catalogue (a gettext *domain*) beside their code::

    <package>/locale/<domain>.pot                     extracted from the code and templates (Babel)
    <package>/locale/cy/LC_MESSAGES/<domain>.po       the Welsh translation a translator edits
    <package>/locale/cy/LC_MESSAGES/<domain>.mo       compiled from the .po when the package is built

The message id is the English sentence with named ``{placeholders}``, so the code reads as English
and a translator sees the whole sentence::

    ESTYN = MessageCatalogue("inspectorate_estyn", "inspectorate_estyn")
    words = words_of(ESTYN, language)
    words("The action plan is due within {days} working days.", days=20)

Where a compiled ``.mo`` is missing or older than its ``.po`` (a checkout that has not been built
since the translator's last edit), the ``.po`` is read directly, so what the translator wrote is
what the app shows.

The language spoken is set once by a front end (``set_language`` from the config or ``--lang``) and
can be changed for a block (``speaking``), for example to draft one case's report in its own
language. Hooks that produce words receive it as their ``language`` argument.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import io
from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import NewType

from attrs import frozen

#: The languages the product speaks, in the order a chooser lists them: English is the source.
LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
SOURCE_LANGUAGE = "en"

CORE_DOMAIN = "inspectorate"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is declared, before the language is known; it
    is translated where it is shown (``core_words()(message)``)."""
    return message


class UnknownLanguage(ValueError):
    """A language code the product does not speak."""


def checked_language(code: str) -> str:
    """``code`` if the product speaks it, else an error naming the languages it does."""
    code = code.strip().lower()
    if code not in LANGUAGES:
        known = ", ".join(f"{key} ({name})" for key, name in LANGUAGES.items())
        raise UnknownLanguage(f"unknown language {code!r}: use one of {known}")
    return code


_default_language = SOURCE_LANGUAGE
_spoken: contextvars.ContextVar[str | None] = contextvars.ContextVar("inspectorate_language", default=None)


def set_language(code: str) -> None:
    """The language every part speaks from now on (a front end calls this once, at start)."""
    global _default_language
    _default_language = checked_language(code)


def language() -> str:
    """The language spoken here: the nearest ``speaking`` block's, else the one set at start."""
    return _spoken.get() or _default_language


#: A sentence in each language it is written in: ``{"en": "...", "cy": "..."}``. Data files may
#: give a plain string instead: that is English (see :func:`as_text`).
Text = NewType("Text", Mapping[str, str])


def as_text(value: str | Mapping[str, str] | None) -> Text:
    """``value`` as a :data:`Text`: a plain string is the English, an empty one no text at all."""
    if value is None or value == "":
        return Text({})
    if isinstance(value, str):
        return Text({SOURCE_LANGUAGE: value})
    return Text(dict(value))


def text_in(text: Mapping[str, str], lang: str | None = None) -> str:
    """The text in ``lang`` (by default the language spoken), falling back to English, then to any given."""
    return text.get(lang or language()) or text.get(SOURCE_LANGUAGE) or next(iter(text.values()), "")


@contextlib.contextmanager
def speaking(code: str) -> Iterator[str]:
    """Speak ``code`` inside the block (this thread and the tasks it starts)."""
    token = _spoken.set(checked_language(code))
    try:
        yield code
    finally:
        _spoken.reset(token)


@frozen
class MessageCatalogue:
    """Where a package's catalogue lives: its gettext ``domain`` and the package holding ``locale/``.

    ``package`` is an importable package name (``"inspectorate_estyn"``); its ``locale`` folder holds
    the catalogue.
    """

    #: The gettext domain, conventionally the package's name (``"inspectorate_estyn"``).
    domain: str
    #: The importable package whose ``locale`` folder holds ``<language>/LC_MESSAGES/<domain>.po``.
    package: str

    @property
    def locale(self) -> Traversable:
        return resources.files(self.package) / "locale"

    def po(self, code: str) -> Traversable:
        return self.locale / code / "LC_MESSAGES" / f"{self.domain}.po"

    def languages(self) -> tuple[str, ...]:
        """The languages this catalogue has words for (English, the source, always)."""
        return tuple(code for code in LANGUAGES if code == SOURCE_LANGUAGE or self.po(code).is_file())


@frozen
class Words:
    """The translation function of one domain in one language.

    ``words(message, **params)`` gives the message in ``language`` with its placeholders filled;
    ``fell_back`` is true when the domain has no catalogue for the language asked for, so the words
    are the English source (a front end says so rather than passing English off as Welsh).
    """

    domain: str
    language: str
    asked: str
    translations: gettext.NullTranslations

    @property
    def fell_back(self) -> bool:
        return self.language != self.asked

    def __call__(self, message: str, /, **params: object) -> str:
        text = self.translations.gettext(message)
        return text.format(**params) if params else text

    def plural(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        """The form for ``count`` (``{count}`` is filled too); Welsh has more than two forms."""
        text = self.translations.ngettext(singular, plural, count)
        return text.format(count=count, **params)

    def context(self, context: str, message: str, /, **params: object) -> str:
        """``message`` as meant in ``context``, for an English word that translates two ways."""
        text = self.translations.pgettext(context, message)
        return text.format(**params) if params else text


def _compiled(catalogue: MessageCatalogue, code: str) -> gettext.NullTranslations | None:
    po = catalogue.po(code)
    mo = catalogue.locale / code / "LC_MESSAGES" / f"{catalogue.domain}.mo"
    if mo.is_file() and not _newer(po, mo):
        return gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_po(po.read_text(encoding="utf-8"))))
    return None


def _newer(one: Traversable, other: Traversable) -> bool:
    """Whether file ``one`` was changed after ``other`` (only real files have times to compare)."""
    try:
        return bool(one.is_file()) and one.stat().st_mtime > other.stat().st_mtime  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def compile_po(text: str) -> bytes:
    """A ``.po`` file's text compiled to ``.mo`` bytes (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.StringIO(text)), use_fuzzy=False)
    return buffer.getvalue()


@functools.cache
def _words(domain: str, package: str, code: str) -> Words:
    catalogue = MessageCatalogue(domain, package)
    if code != SOURCE_LANGUAGE:
        translations = _compiled(catalogue, code)
        if translations is not None:
            return Words(domain, code, code, translations)
    return Words(domain, SOURCE_LANGUAGE, code, gettext.NullTranslations())


def words_of(catalogue: MessageCatalogue, code: str | None = None) -> Words:
    """The translation function of ``catalogue`` in ``code`` (default: the language spoken here)."""
    return _words(catalogue.domain, catalogue.package, checked_language(code or language()))


CORE = MessageCatalogue(CORE_DOMAIN, "inspectorate")


def core_words(code: str | None = None) -> Words:
    """The core's own words (the CLI's output, the core's findings) in ``code``."""
    return words_of(CORE, code)
