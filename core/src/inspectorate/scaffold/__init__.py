"""A new inspectorate plugin, ready to pass the conformance suite: ``inspectorate new-plugin``.

The files are templates (``string.Template``: ``$name``, ``$package``, ``$title``, ``$nation``,
``$hook_api``) in ``files/``; ``+`` in a file name stands for a folder separator and ``PACKAGE``
for the package name.
"""

from __future__ import annotations

import re
import string
from importlib import metadata, resources, util
from pathlib import Path

from inspectorate import HOOK_API_VERSION, files
from inspectorate.casefile import NATIONS
from inspectorate.plugins import ENTRY_POINT_GROUP

NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class ScaffoldError(ValueError):
    pass


def package_of(name: str) -> str:
    """The Python package (and distribution) a plugin called ``name`` is written as."""
    return "inspectorate_" + name.replace("-", "_")


def taken(name: str) -> str | None:
    """What already installed uses the name ``name`` would give a new plugin, or None.

    Two plugins under one entry-point name, or two distributions of one name, cannot both be
    installed: the second would silently stand in for the first."""
    package = package_of(name)
    for point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if point.name == name:
            owner = point.dist.name if point.dist else "?"
            return f"an installed plugin is already called {name!r} (from the distribution {owner!r})"
    wanted = {_normal(name), _normal(package)}
    for dist in metadata.distributions():
        if _normal(dist.metadata["Name"] or "") in wanted:
            return f"the distribution {dist.metadata['Name']!r} is already installed"
    if util.find_spec(package) is not None:
        return f"a Python package {package!r} is already installed"
    return None


def _normal(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def new_plugin(name: str, folder: Path, title: str | None = None, *, nation: str) -> list[Path]:
    """Write a plugin distribution for regime ``name``, inspecting in ``nation``, into ``folder``
    (which must not exist)."""
    if not NAME.match(name):
        raise ScaffoldError(f"{name!r} is not a plugin name: use lower case letters, digits and hyphens")
    if nation not in NATIONS:
        raise ScaffoldError(f"{nation!r} is not a nation: use one of {', '.join(NATIONS)}")
    clash = taken(name)
    if clash:
        raise ScaffoldError(f"{name!r} cannot be the new plugin's name: {clash}; choose another name")
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose a new folder")
    package = package_of(name)
    major = HOOK_API_VERSION.split(".")[0]
    values = {
        "name": name,
        "package": package,
        "title": title or name.replace("-", " ").title(),
        "nation": nation,
        "hook_api": f">={HOOK_API_VERSION},<{int(major) + 1}",
    }
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
