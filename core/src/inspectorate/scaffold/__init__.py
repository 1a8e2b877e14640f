"""A new inspectorate plugin, ready to pass the conformance suite: ``inspectorate new-plugin``.

The files are templates (``string.Template``: ``$name``, ``$package``, ``$title``) in ``files/``;
``+`` in a file name stands for a folder separator and ``PACKAGE`` for the package name.
"""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path

from inspectorate import files

NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class ScaffoldError(ValueError):
    pass


def new_plugin(name: str, folder: Path, title: str | None = None) -> list[Path]:
    """Write a plugin distribution for regime ``name`` into ``folder`` (which must not exist)."""
    if not NAME.match(name):
        raise ScaffoldError(f"{name!r} is not a plugin name: use lower case letters, digits and hyphens")
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose a new folder")
    package = "inspectorate_" + name.replace("-", "_")
    values = {"name": name, "package": package, "title": title or name.replace("-", " ").title()}
    written = []
    for entry in sorted(resources.files(__package__).joinpath("files").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".tmpl"):
            continue
        relative = entry.name.removesuffix(".tmpl").replace("PACKAGE", package).replace("NAME", name).replace("+", "/")
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        files.write_text(target, string.Template(entry.read_text(encoding="utf-8")).substitute(values))
        written.append(target)
    return written
