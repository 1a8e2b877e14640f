"""Estyn's fixed report text in English and Welsh, read from one TOML catalogue per language.

A translator corrects ``messages/cy.toml``; templates never hold fixed sentences themselves.
"""

import string
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


def with_numbers(messages: dict[str, dict[str, str]], **numbers: int) -> dict[str, dict[str, str]]:
    """The catalogues with ``$name`` replaced by the rules' numbers, so a sentence such as "within
    $action_plan_days working days" states the number the rule itself counts."""
    return {
        lang: {key: string.Template(text).safe_substitute(numbers) for key, text in texts.items()}
        for lang, texts in messages.items()
    }
