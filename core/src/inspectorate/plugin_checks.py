"""What the host checks of a plugin before it takes it: the hook API versions it says it
supports, and that every hook it implements is one of ours.

A plugin says which hook API versions it works with in a module-level (or class-level)
``HOOK_API_SUPPORTED``, a version specifier such as ``">=1.3,<2"``. Hooks change only additively
within a major version, so a plugin written for 1.3 says ``">=1.3,<2"`` and keeps working on every
later 1.x; the host refuses one whose versions do not include its own, saying which it needs and
which the host has. A plugin that declares nothing is taken as written for 1.x.
"""

from __future__ import annotations

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from inspectorate import HOOK_API_VERSION


class Refused(Exception):
    """Why the host does not take a plugin: its message is what the person reads."""


#: The attribute a plugin declares its supported hook API versions in.
SUPPORTED_ATTRIBUTE = "HOOK_API_SUPPORTED"
#: What a plugin that declares nothing is taken to support: any 1.x (it predates declarations).
UNDECLARED = ">=1.0,<2"


def supported_versions(plugin: object) -> str:
    """The hook API versions ``plugin`` declares it supports (the undeclared default if none)."""
    declared = getattr(plugin, SUPPORTED_ATTRIBUTE, None)
    return UNDECLARED if declared is None else declared


def incompatibility(plugin: object, host_version: str = HOOK_API_VERSION) -> str | None:
    """Why the host cannot take ``plugin`` (its hook API versions exclude the host's), or None."""
    declared = supported_versions(plugin)
    try:
        versions = SpecifierSet(declared) if isinstance(declared, str) else None
    except InvalidSpecifier:
        versions = None
    if versions is None or not str(versions):
        return (
            f"{SUPPORTED_ATTRIBUTE} = {declared!r} is not a version specifier: "
            f"write the hook API versions it supports, such as {'>=' + host_version + ',<' + str(Version(host_version).major + 1)!r}"
        )
    if Version(host_version) in versions:
        return None
    return f"needs hook API {declared} (its {SUPPORTED_ATTRIBUTE}); this inspectorate has hook API {host_version}"


def unknown_hooks(implemented: list[str], relay: object) -> str | None:
    """What is wrong when a plugin implements hooks that do not exist (a misspelt name), or None.

    ``relay`` is the plugin manager's ``pm.hook``: the hooks with a hookspec are the real ones."""
    from inspectorate.problems import choice_hint

    hooks = sorted(name for name, caller in vars(relay).items() if getattr(caller, "spec", None) is not None)
    unknown = [name for name in implemented if name not in hooks]
    if not unknown:
        return None
    named = "; ".join(f"{name!r} is no hook {choice_hint(name, hooks, 'hooks')}" for name in unknown)
    return f"implements a hook that does not exist, so none of its hooks are used: {named}"
