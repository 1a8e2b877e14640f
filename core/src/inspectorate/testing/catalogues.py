"""Keep a package's gettext catalogue complete: extract its messages, update its ``.po``, find gaps.

The convention (see :mod:`inspectorate.i18n`): in code, the translation function is named ``_``
(``_ = words_of(CATALOGUE, language)``), ``_("Sentence with {name}.", name=...)``,
``_.plural("one {count}", "{count} things", n)``, ``_.context("grade", "Good")``; a message declared
before the language is known (a key binding, a rule's words) is marked ``N_("...")`` and
translated where it is shown, with ``_(message)``. Templates use Jinja's ``{% trans %}`` or ``_()``.

From a shell, after changing messages (a translator then fills the new ``msgstr`` entries)::

    python -m inspectorate.testing.catalogues update PACKAGE_FOLDER DOMAIN

In a test, the gaps a translator still has to fill (every message in the code, none left out)::

    assert untranslated(Path(package.__file__).parent, "my_domain", "cy") == []
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

#: What Babel looks for: the function names and which of their arguments are messages.
KEYWORDS: dict[str, Any] = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "plural": (1, 2),
    "context": ((1, "c"), 2),
    "pgettext": ((1, "c"), 2),
}

#: Which files hold messages, and how each is read.
METHOD_MAP = [
    ("**.py", "python"),
    ("**.j2", "jinja2"),
]
OPTIONS_MAP = {"**.j2": {"extensions": "jinja2.ext.do", "trimmed": "true"}}

_HEADER = """\
# Messages of {domain}. Extracted from the code with
#   python -m inspectorate.testing.catalogues update PACKAGE_FOLDER {domain}
# Each msgid is the English; write the translation in msgstr and keep every {{placeholder}}."""

_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}(?!\})")


@frozen
class Gap:
    """A message the catalogue cannot give in the language: missing, empty, fuzzy or mismatched."""

    message: str
    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}: {self.message!r}"


def extract(folder: Path, domain: str = "messages") -> Catalog:
    """Every message in ``folder``'s code and templates, as a Babel catalogue (the ``.pot``)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project=domain, domain=domain, charset="utf-8", header_comment=_HEADER.format(domain=domain))
    for filename, lineno, message, comments, context in extract_from_dir(
        str(folder), METHOD_MAP, OPTIONS_MAP, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        if ".venv" in Path(filename).parts or "tests" in Path(filename).parts:
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(folder: Path, domain: str, language: str) -> Path:
    return folder / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def _read(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open(encoding="utf-8") as source:
        return read_po(source)


def untranslated(folder: Path, domain: str, language: str) -> list[Gap]:
    """What the ``language`` catalogue of ``domain`` in ``folder`` lacks for the code's messages.

    A gap is a message with no entry, an empty or fuzzy entry, or a translation whose
    ``{placeholders}`` differ from the English (it would fail or drop a figure when shown).
    """
    template = extract(folder)
    path = po_path(folder, domain, language)
    if not path.is_file():
        return [Gap(str(message.id), "", f"no catalogue {path.name} for {language!r}") for message in _messages(template)]
    translated = _read(path)
    gaps = []
    for message in _messages(template):
        where = ", ".join(f"{Path(file).name}:{line}" for file, line in message.locations[:2])
        entry = translated.get(message.id, message.context)
        strings = entry.string if entry is not None else None
        forms = [strings] if isinstance(strings, str) else list(strings or ())
        if entry is None or not forms or not all(forms):
            gaps.append(Gap(_text(message.id), where, "no translation"))
        elif entry.fuzzy:
            gaps.append(Gap(_text(message.id), where, "marked fuzzy (not yet checked)"))
        elif any(_names(form) != _names(_text(message.id)) for form in forms):
            gaps.append(Gap(_text(message.id), where, f"placeholders differ from the English: {forms[0]!r}"))
    return gaps


def _messages(catalog) -> Iterable:
    return (message for message in catalog if message.id)


def _text(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _names(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text)) - {"count"}


def update(folder: Path, domain: str, languages: Iterable[str] = ("cy",)) -> list[Path]:
    """Write ``locale/DOMAIN.pot`` from the code and merge it into each language's ``.po``.

    New messages arrive with an empty translation; messages the code no longer has are kept as
    obsolete entries (``#~``) so a translator's work is never thrown away.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    template = extract(folder, domain)
    written = []
    pot = folder / "locale" / f"{domain}.pot"
    pot.parent.mkdir(parents=True, exist_ok=True)
    with pot.open("wb") as target:
        write_po(target, template, width=100, omit_header=False)
    written.append(pot)
    for language in languages:
        path = po_path(folder, domain, language)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = _read(path) if path.is_file() else Catalog(
            locale=language, domain=domain, project=domain, charset="utf-8", header_comment=_HEADER.format(domain=domain)
        )
        catalog.update(template, no_fuzzy_matching=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, include_previous=False)
        path.write_bytes(buffer.getvalue())
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in {"update", "check"}:
        print("usage: python -m inspectorate.testing.catalogues update|check PACKAGE_FOLDER DOMAIN [LANGUAGE...]")
        return 2
    command, folder, domain, *languages = argv
    if command == "update":
        for path in update(Path(folder), domain, languages or ("cy",)):
            print(f"wrote {path}")
        return 0
    gaps = [gap for language in (languages or ("cy",)) for gap in untranslated(Path(folder), domain, language)]
    for gap in gaps:
        print(gap)
    print(f"{len(gaps)} message(s) without a translation")
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
