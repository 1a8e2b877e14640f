"""Plugin hosts for tests: only the plugins named, never the installed entry points."""

from __future__ import annotations

from inspectorate.plugins import PluginHost, host_from


def make_host(*plugins: object, strict: bool = True, **named: object) -> PluginHost:
    """A host with exactly these plugins; strict by default so a failing hook fails the test.

    Plugins are given positionally (named after their module) or as keyword arguments.
    """
    pairs = [(getattr(plugin, "__name__", type(plugin).__name__), plugin) for plugin in plugins]
    return host_from([*pairs, *named.items()], environ={}, strict=strict)
