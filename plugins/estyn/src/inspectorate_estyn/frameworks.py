"""Estyn's frameworks, read from the TOML files shipped beside this module."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from inspectorate.frameworks import Regime, framework_from_toml

PACKAGE = resources.files("inspectorate_estyn")

CIF_2010 = "estyn-cif-2010"
CIF_2017 = "estyn-cif-2017"
ESTYN_2022 = "estyn-2022"
ESTYN_2024 = "estyn-2024"
CONSORTIUM_2017 = "estyn-consortium-follow-up-2017"

#: Frameworks with summative grades, and those without (from 2022 Estyn gives none).
GRADED = (CIF_2010, CIF_2017)
UNGRADED = (ESTYN_2022, ESTYN_2024)
#: Frameworks of full inspections, which bring notice, publication and school follow-up.
INSPECTIONS = (*GRADED, *UNGRADED)

#: The two overall judgements of CIF 2010.
OVERALL_2010 = ("current-performance", "prospects-for-improvement")

SCHOOL_SECTORS = ("school", "pupil-referral-unit")


def _frameworks():
    """Oldest first, as inspectors name them: CIF 2010, CIF 2017, 2022, 2024, then the consortia."""
    folder = Path(str(PACKAGE / "frameworks"))
    frameworks = [framework_from_toml(path, regime="estyn") for path in folder.glob("*.toml")]
    return sorted(frameworks, key=lambda f: (f.id == CONSORTIUM_2017, f.valid_from, f.id))


REGIME = Regime(
    id="estyn",
    names={"en": "Estyn", "cy": "Estyn"},
    nations=["wales"],
    frameworks=_frameworks(),
    languages=["en", "cy"],
)
FRAMEWORK_IDS = frozenset(f.id for f in REGIME.frameworks)


def is_school(case) -> bool:
    return case.provider.sector in SCHOOL_SECTORS
