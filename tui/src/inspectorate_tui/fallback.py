"""A plugin that has no words in the language spoken falls back to English, and says so.

The app translates its own words; a regime's findings, proposals, events and reasons come from its
plugin, which may have only English (``PluginHost.not_speaking``). Screens that show those words
name the regime, so English is never passed off as the language chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspectorate_tui.words import _, language_name

if TYPE_CHECKING:
    from inspectorate.plugins import PluginHost


def english_only(host: PluginHost | None) -> list[str]:
    """The names of the regimes whose plugin cannot speak the language spoken ([] in English)."""
    if host is None:
        return []
    silent = set(host.not_speaking())
    if not silent:
        return []
    return sorted(regime.name() for regime_id, regime in host.regimes.items() if host.regime_owners.get(regime_id) in silent)


def regime_in_english(host: PluginHost | None, regime_id: str) -> str:
    """A line for a case's tab when its regime's plugin speaks English only here; "" otherwise."""
    if host is None or not regime_id:
        return ""
    from inspectorate import i18n

    owner = host.regime_owners.get(regime_id)
    if owner is None or owner not in host.not_speaking():
        return ""
    regime = host.regime(regime_id)
    return _("⚑ {regime}'s rules have no words in {language}: what they say is shown in English.",
             regime=regime.name() if regime else regime_id, language=language_name(i18n.language()))
