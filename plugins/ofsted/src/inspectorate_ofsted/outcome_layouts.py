"""The layouts of Ofsted's published outcome spreadsheets, as data: one TOML file per layout in
``data/outcome-spreadsheets/`` says which columns make which part of a case.

A layout is checked when it is loaded, so a mistake in one names its file and key instead of
misreading every row; a layout that names an area or visit kind no framework of its sector has is
refused the same way.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from attrs import field, frozen

FOLDER = resources.files("inspectorate_ofsted") / "data" / "outcome-spreadsheets"

#: How a layout may write its dates, and how :func:`datetime.datetime.strptime` reads them.
DATE_FORMATS = {"DD/MM/YYYY": "%d/%m/%Y", "YYYY-MM-DD": "%Y-%m-%d"}


class LayoutError(ValueError):
    """A layout file that cannot be used, naming the file and the key."""


def spelling(word: str) -> str:
    """A word as compared with the layout's: letter case and runs of spaces do not matter."""
    return re.sub(r"\s+", " ", word).strip().casefold()


@frozen
class Layout:
    path: Path
    name: str
    sector: str
    header: tuple[str, ...]
    date_format: str
    withheld: frozenset[str]
    provider: Mapping[str, str]
    identifiers: Mapping[str, str]
    inspection: Mapping[str, str]
    kinds: Mapping[str, str]  # by spelling()
    judgements: Mapping[str, tuple[str, ...]]
    grades: Mapping[str, str]  # by spelling(); "" is published as no grade
    columns: frozenset[str] = field(factory=frozenset)

    def fits(self, row: list[str]) -> bool:
        """Whether ``row`` is this layout's header row."""
        present = {cell.strip() for cell in row}
        return all(column in present for column in self.header)


_TOP = {"name", "sector", "header", "date_format", "withheld", "provider", "identifiers", "inspection", "kinds",
        "judgements", "grades"}
_PROVIDER = {"name", "name_if_withheld", "local_authority"}
_INSPECTION = {"kind", "start", "end", "published"}


def load(path: Path) -> Layout:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LayoutError(f"{path}: {error}") from error

    def fail(key: str, message: str):
        raise LayoutError(f"{path}: {key}: {message}")

    for key in data:
        if key not in _TOP:
            fail(key, f"unknown key (expected one of {', '.join(sorted(_TOP))})")
    for key in ("name", "sector", "header", "date_format", "provider", "inspection", "judgements", "grades"):
        if key not in data:
            fail(key, "missing")
    if data["date_format"] not in DATE_FORMATS:
        fail("date_format", f"{data['date_format']!r} is not one of {', '.join(DATE_FORMATS)}")
    for section, allowed in (("provider", _PROVIDER), ("inspection", _INSPECTION)):
        for key in data[section]:
            if key not in allowed:
                fail(f"{section}.{key}", f"unknown key (expected one of {', '.join(sorted(allowed))})")
    if "name" not in data["provider"]:
        fail("provider.name", "missing")
    if "start" not in data["inspection"]:
        fail("inspection.start", "missing: a case is placed in its framework by the inspection date")
    for column, areas in data["judgements"].items():
        if not isinstance(areas, list) or not areas or not all(isinstance(a, str) for a in areas):
            fail(f"judgements.{column}", "expected a list of area ids")
    named = {*data["provider"].values(), *data.get("identifiers", {}).values(), *data["inspection"].values(),
             *data["judgements"]}
    named.discard(data["provider"].get("name_if_withheld"))
    return Layout(
        path=Path(path),
        name=data["name"],
        sector=data["sector"],
        header=tuple(data["header"]),
        date_format=DATE_FORMATS[data["date_format"]],
        withheld=frozenset(spelling(w) for w in data.get("withheld", [])),
        provider=data["provider"],
        identifiers=data.get("identifiers", {}),
        inspection=data["inspection"],
        kinds={spelling(k): v for k, v in data.get("kinds", {}).items()},
        judgements={column: tuple(areas) for column, areas in data["judgements"].items()},
        grades={spelling(k): v for k, v in data["grades"].items()},
        columns=frozenset(named),
    )


def check_against(layout: Layout, frameworks) -> None:
    """Every area and visit kind the layout names is one of a framework of its sector."""
    mine = [f for f in frameworks if layout.sector in f.sectors]
    if not mine:
        raise LayoutError(f"{layout.path}: sector: no framework has the sector {layout.sector!r}")
    areas = {a.id for f in mine for a in f.areas}
    kinds = {k for f in mine for k in f.visit_kinds}
    for column, named in layout.judgements.items():
        for area in named:
            if area not in areas:
                raise LayoutError(f"{layout.path}: judgements.{column}: {area!r} is not an area of {', '.join(f.id for f in mine)}")
    for word, kind in layout.kinds.items():
        if kind not in kinds:
            raise LayoutError(f"{layout.path}: kinds: {kind!r} (for {word!r}) is not a visit kind of {', '.join(f.id for f in mine)}")


def layouts(frameworks=None) -> list[Layout]:
    """Every layout shipped, each checked (against ``frameworks`` when given)."""
    found = [load(Path(str(p))) for p in sorted(Path(str(FOLDER)).glob("*.toml"))]
    if frameworks is not None:
        for layout in found:
            check_against(layout, frameworks)
    return found
