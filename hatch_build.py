"""Compile every package's Welsh (and any other) ``.po`` catalogue to ``.mo`` when the wheel is built.

The compiled files sit beside their ``.po`` (they are not committed); an editable install compiles
them too. ``inspectorate.i18n`` reads a ``.po`` directly where its ``.mo`` is missing or older.
"""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted(root.glob("*/**/locale/*/LC_MESSAGES/*.po")):
            if ".venv" in po.parts:
                continue
            with po.open(encoding="utf-8") as source:
                catalogue = read_po(source)
            with po.with_suffix(".mo").open("wb") as target:
                write_mo(target, catalogue, use_fuzzy=False)
            build_data.setdefault("artifacts", []).append(str(po.with_suffix(".mo").relative_to(root)))
