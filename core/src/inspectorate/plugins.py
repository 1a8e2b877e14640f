"""The plugin host: finds inspectorate plugins, loads them defensively, calls their hooks safely.

One broken plugin must never stop the app: each entry point loads inside its own error handling,
and each hook implementation is called on its own so that one that raises loses only its own
contribution to that call. Every such error is recorded (``PluginHost.errors``) for the
``plugins`` command and the Plugins screen. ``INSPECTORATE_STRICT_PLUGINS=1`` turns them into
exceptions instead, for plugin development and CI.

Environment:

- ``INSPECTORATE_LOAD_PLUGINS=estyn,ofsted``: load only these entry points.
- ``INSPECTORATE_DISABLE_PLUGINS=ofsted``: skip these.
- ``INSPECTORATE_STRICT_PLUGINS=1``: plugin errors raise :class:`PluginError`.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Mapping
from importlib import metadata

import pluggy
from attrs import define, field, frozen

from inspectorate import PROJECT_NAME, hookspecs
from inspectorate.frameworks import Framework, Regime

ENTRY_POINT_GROUP = "inspectorate"


class PluginError(RuntimeError):
    """A plugin failed to load or a hook raised, in strict mode."""


@frozen
class PluginProblem:
    """A recorded plugin failure: where (``stage`` is ``load``, ``check`` or a hook name) and what."""

    plugin: str
    stage: str
    message: str
    detail: str = ""

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed in {self.stage}: {self.message}"


@define
class PluginInfo:
    name: str
    version: str
    module: str
    distribution: str = ""
    hooks: list[str] = field(factory=list)
    builtin: bool = False


def _env_list(environ: Mapping[str, str], key: str) -> set[str] | None:
    raw = environ.get(key)
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class PluginHost:
    """Owns the pluggy manager, the list of plugins and the regimes they registered."""

    def __init__(self, environ: Mapping[str, str] | None = None, strict: bool | None = None):
        self.environ = dict(os.environ if environ is None else environ)
        self.strict = strict if strict is not None else self.environ.get("INSPECTORATE_STRICT_PLUGINS") == "1"
        self.pm = pluggy.PluginManager(PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.plugins: list[PluginInfo] = []
        self.problems: list[PluginProblem] = []
        self._regimes: dict[str, Regime] | None = None
        self._regime_owners: dict[str, str] = {}
        self._collected: dict[str, list] = {}

    # -- loading ---------------------------------------------------------------------------------

    def load_entry_points(self) -> PluginHost:
        """Load every selected entry point of the ``inspectorate`` group, one at a time."""
        allow = _env_list(self.environ, "INSPECTORATE_LOAD_PLUGINS")
        deny = _env_list(self.environ, "INSPECTORATE_DISABLE_PLUGINS") or set()
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if (allow is not None and ep.name not in allow) or ep.name in deny:
                continue
            if self.pm.has_plugin(ep.name):
                continue
            try:
                module = ep.load()
            except Exception as exc:  # a broken plugin is reported, never fatal
                self._problem(ep.name, "load", exc)
                continue
            dist = ep.dist
            self.add(
                module,
                ep.name,
                version=dist.version if dist else "",
                distribution=dist.name if dist else "",
            )
        self.check_pending()
        return self

    def add(self, plugin: object, name: str, version: str = "", distribution: str = "") -> None:
        """Register a plugin object (a module or an instance with ``@hookimpl`` methods)."""
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            self._problem(name, "load", exc)
            return
        module = getattr(plugin, "__name__", type(plugin).__module__)
        version = version or getattr(plugin, "__version__", "") or _module_version(module)
        hooks = sorted(self._hooks_of(plugin))
        self.plugins.append(
            PluginInfo(
                name=name,
                version=version,
                module=module,
                distribution=distribution,
                hooks=hooks,
                builtin=distribution == PROJECT_NAME,  # shipped inside inspectorate itself
            )
        )
        self._regimes = None
        self._collected.clear()

    def check_pending(self) -> None:
        """Report hook implementations that match no hookspec (a misspelt hook name)."""
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            plugin = self.pm.get_name(exc.plugin) if exc.plugin else "?"
            self._problem(plugin or "?", "check", exc)

    def _hooks_of(self, plugin: object) -> Iterable[str]:
        for caller in self.pm.get_hookcallers(plugin) or []:
            yield caller.name

    def _problem(self, plugin: str, stage: str, exc: BaseException) -> None:
        problem = PluginProblem(
            plugin=plugin,
            stage=stage,
            message=_describe(exc),
            detail="".join(traceback.format_exception(exc)),
        )
        self.problems.append(problem)
        if self.strict:
            raise PluginError(str(problem)) from exc

    # -- calling hooks safely -------------------------------------------------------------------

    def _implementations(self, hook_name: str) -> list[pluggy.HookImpl]:
        # pluggy calls the last registered implementation first (tryfirst/trylast aside).
        return list(reversed(getattr(self.pm.hook, hook_name).get_hookimpls()))

    _FAILED = object()

    def _call(self, impl: pluggy.HookImpl, hook_name: str, kwargs: dict):
        """Call one implementation; on an exception record it and return ``_FAILED``."""
        try:
            return impl.function(**{name: kwargs[name] for name in impl.argnames})
        except Exception as exc:
            self._problem(impl.plugin_name, hook_name, exc)
            return self._FAILED

    def call_each(self, hook_name: str, **kwargs) -> list[tuple[str, object]]:
        """Call every implementation of a hook on its own; (plugin name, result) for each that worked."""
        results = []
        for impl in self._implementations(hook_name):
            result = self._call(impl, hook_name, kwargs)
            if result is not self._FAILED:
                results.append((impl.plugin_name, result))
        return results

    def call_first(self, hook_name: str, **kwargs):
        """The first non-None result of a firstresult hook, skipping implementations that raise."""
        for impl in self._implementations(hook_name):
            result = self._call(impl, hook_name, kwargs)
            if result is not self._FAILED and result is not None:
                return result
        return None

    def collect(self, hook_name: str, expect: type | None = None, **kwargs) -> list:
        """Flatten the lists every implementation returned (None counts as an empty list).

        With ``expect``, a plugin whose list holds anything else is a recorded problem and its
        contribution is dropped, so one malformed plugin cannot break what the others return.
        """
        out: list = []
        for plugin, result in self.call_each(hook_name, **kwargs):
            items = list(result or ())
            wrong = next((item for item in items if expect is not None and not isinstance(item, expect)), None)
            if wrong is not None:
                message = f"returned {type(wrong).__name__} {wrong!r:.60}, not a {expect.__name__}"
                self._problem(plugin, hook_name, TypeError(message))
                continue
            out.extend(items)
        return out

    def registered(self, hook_name: str) -> list:
        """Run a ``register_*`` callback hook once and cache what the plugins registered."""
        if hook_name not in self._collected:
            items: list = []
            for impl in self._implementations(hook_name):
                mine: list = []
                try:
                    impl.function(register=mine.append)
                except Exception as exc:
                    self._problem(impl.plugin_name, hook_name, exc)
                    continue
                items.extend(mine)
            self._collected[hook_name] = items
        return self._collected[hook_name]

    # -- regimes and frameworks ------------------------------------------------------------------

    @property
    def regimes(self) -> dict[str, Regime]:
        if self._regimes is None:
            self._register_regimes()
        return self._regimes

    @property
    def regime_owners(self) -> dict[str, str]:
        """Regime id -> name of the plugin that registered it."""
        if self._regimes is None:
            self._register_regimes()
        return self._regime_owners

    def _register_regimes(self) -> None:
        regimes: dict[str, Regime] = {}
        owners: dict[str, str] = {}
        for impl in self._implementations("register_regimes"):
            mine: list[Regime] = []
            try:
                impl.function(register=mine.append)
                for regime in mine:
                    if regime.id in regimes:
                        raise PluginError(f"regime {regime.id!r} is already registered")
            except Exception as exc:
                self._problem(impl.plugin_name, "register_regimes", exc)
                continue
            regimes.update((r.id, r) for r in mine)
            owners.update((r.id, impl.plugin_name) for r in mine)
        self._regimes = dict(sorted(regimes.items()))
        self._regime_owners = owners

    def regime(self, regime_id: str) -> Regime | None:
        return self.regimes.get(regime_id)

    def frameworks(self) -> list[Framework]:
        return [f for r in self.regimes.values() for f in r.frameworks]

    def framework(self, framework_id: str) -> Framework | None:
        return next((f for f in self.frameworks() if f.id == framework_id), None)


def _module_version(module: str) -> str:
    top = module.split(".")[0]
    try:
        for dist_name in metadata.packages_distributions().get(top, []):
            return metadata.version(dist_name)
    except Exception:
        return ""
    return ""


_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The process-wide host with every selected entry point loaded (created on first use)."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost().load_entry_points()
    return _default_host


def host_from(plugins: Iterable[tuple[str, object]], **kwargs) -> PluginHost:
    """A host with only the given (name, plugin) pairs: for tests and the test kit."""
    host = PluginHost(**kwargs)
    for name, plugin in plugins:
        host.add(plugin, name)
    host.check_pending()
    return host

