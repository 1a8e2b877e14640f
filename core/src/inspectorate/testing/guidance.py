"""The guidance documents a plugin's citations quote, for its tests: found wherever they are kept,
so a plugin's tests run inside the project or copied out of it alone.

The folder is ``INSPECTORATE_GUIDANCE`` if set, else the first ``shared/guidance`` folder found
beside the tests' folder or any folder above it. Tests that need it skip, saying so, when there is none.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def guidance_folder(start: Path | None = None) -> Path | None:
    """Where the guidance documents are, or None."""
    named = os.environ.get("INSPECTORATE_GUIDANCE")
    if named:
        return Path(named)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "shared" / "guidance"
        if candidate.is_dir():
            return candidate
    return None


def read_guidance(name: str, start: Path | None = None) -> str:
    """A guidance document, whitespace folded so quotes that cross line breaks still match; the
    test is skipped when the document cannot be found."""
    folder = guidance_folder(start)
    path = folder / name if folder else None
    if path is None or not path.exists():
        pytest.skip(f"guidance document {name!r} not found (set INSPECTORATE_GUIDANCE to its folder)")
    return " ".join(path.read_text(encoding="utf-8").split())


def assert_quoted(citation, start: Path | None = None) -> None:
    """The citation's quote appears word for word in its document."""
    text = read_guidance(citation.document, start)
    assert " ".join(citation.quote.split()) in text, f"{citation.document}: not quoted word for word: {citation.quote!r}"
