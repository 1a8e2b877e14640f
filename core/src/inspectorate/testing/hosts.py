"""Plugin hosts for tests: only the plugins named, never the installed entry points."""

from __future__ import annotations

from inspectorate.plugins import PluginHost


def make_host(*plugins: object, strict: bool = True, **named: object) -> PluginHost:
    """A host with exactly these plugins; strict by default so a failing hook fails the test.

    Plugins are given positionally (named after their module) or as keyword arguments.
    """
    host = PluginHost(environ={}, strict=strict)
    for plugin in plugins:
        host.add(plugin, getattr(plugin, "__name__", type(plugin).__name__))
    for name, plugin in named.items():
        host.add(plugin, name)
    host.check_pending()
    return host
