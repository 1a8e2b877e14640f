"""Estyn's fixed report text in English and Welsh, read from one TOML catalogue per language.

A translator corrects ``messages/cy.toml``; templates never hold fixed sentences themselves.
"""

import tomllib
from importlib import resources


def _load() -> dict[str, dict[str, str]]:
    folder = resources.files("inspectorate_estyn") / "messages"
    return {
        entry.name.removesuffix(".toml"): tomllib.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


MESSAGES = _load()
