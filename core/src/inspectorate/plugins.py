"""The plugin host: finds inspectorate plugins, loads them defensively, calls their hooks safely.

One broken plugin must never stop the app: each entry point loads inside its own error handling.
Hooks are called through pluggy (``pm.hook.<name>``), so the hookspec decides the result style,
wrappers work as pluggy defines them and call monitoring sees every call; inside that call each
implementation is guarded, so one that raises, or returns what its hookspec's ``@returns`` does
not allow, loses only its own contribution. Every such error is recorded
(``PluginHost.problems``) for the ``plugins`` command and the Plugins screen, and
:meth:`PluginHost.watch` tells a result which problems it was computed with.
``INSPECTORATE_STRICT_PLUGINS=1`` turns them into exceptions instead, for plugin development and CI.

Environment:

- ``INSPECTORATE_LOAD_PLUGINS=estyn,ofsted``: load only these entry points.
- ``INSPECTORATE_DISABLE_PLUGINS=ofsted``: skip these.
- ``INSPECTORATE_STRICT_PLUGINS=1``: plugin errors raise :class:`PluginError`.
- ``INSPECTORATE_HOOK_BUDGET=2``: the seconds an installed plugin's part of one hook call may take
  (see :mod:`inspectorate.containment`); past it, its part is left out and the problem recorded.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
import traceback
from collections.abc import Iterable, Iterator, Mapping
from importlib import metadata

import pluggy
from attrs import define, field, frozen

from inspectorate import PROJECT_NAME, hookspecs, i18n
from inspectorate.containment import DEFAULT_BUDGET, Contained, Containment
from inspectorate.frameworks import Framework, Regime
from inspectorate.hookreturns import Returns, returns_of
from inspectorate.plugin_checks import Refused, incompatibility, unknown_hooks

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
        _ = i18n.core_words()
        return _("plugin '{plugin}' failed in {stage}: {message}", plugin=self.plugin, stage=self.stage, message=self.message)

    @property
    def incomplete(self) -> str:
        """What a result lacking this plugin's contribution says instead of an all-clear."""
        _ = i18n.core_words()
        return _("incomplete: {problem}", problem=str(self))


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
    return str(exc) if isinstance(exc, (Contained, Refused)) else f"{type(exc).__name__}: {exc}"


#: What a guard catches from plugin code run in the calling thread. A KeyboardInterrupt there
#: may be the person's Ctrl+C, so it is left to end the call; in a worker it can only be the plugin's.
_INLINE_FAILURES = (Exception, SystemExit)


def hook_budget_from(environ: Mapping[str, str]) -> float:
    """The seconds from ``INSPECTORATE_HOOK_BUDGET``, or the default; a clear error if it is not one."""
    raw = environ.get("INSPECTORATE_HOOK_BUDGET", "").strip()
    if not raw:
        return DEFAULT_BUDGET
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise ValueError(f"INSPECTORATE_HOOK_BUDGET={raw!r}: give the seconds a plugin's hook may take, a number above 0")
    return seconds


class PluginHost:
    """Owns the pluggy manager, the list of plugins and the regimes they registered."""

    def __init__(self, environ: Mapping[str, str] | None = None, strict: bool | None = None, hook_budget: float | None = None):
        self.environ = dict(os.environ if environ is None else environ)
        self.strict = strict if strict is not None else self.environ.get("INSPECTORATE_STRICT_PLUGINS") == "1"
        self.pm = pluggy.PluginManager(PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        #: Seconds an installed plugin's part of one hook call may take (the built-ins run unlimited).
        self.hook_budget = hook_budget or hook_budget_from(self.environ)
        self._containment = Containment()
        self.plugins: list[PluginInfo] = []
        self.problems: list[PluginProblem] = []
        self._regimes: dict[str, Regime] | None = None
        self._catalogues: dict[str, i18n.MessageCatalogue] | None = None
        self._regime_owners: dict[str, str] = {}
        self._collected: dict[str, list] = {}
        #: Per hook: (caller, declared returns, firstresult, wrappers), worked out once per plugin set.
        self._plans: dict[str, tuple] = {}
        self._per_framework: dict[tuple[str, str, str], tuple[list, tuple]] = {}
        #: How many plugin failures have been met (repeats included): a cheap "did this call fail?".
        self.problem_count = 0
        self._frameworks_by_id: dict[str, Framework] | None = None
        self._frameworks_from: dict | None = None
        self._local = threading.local()  # the watches open in each thread

    # -- loading ---------------------------------------------------------------------------------

    def load_entry_points(self) -> PluginHost:
        """Load every selected entry point of the ``inspectorate`` group, one at a time."""
        allow = _env_list(self.environ, "INSPECTORATE_LOAD_PLUGINS")
        deny = _env_list(self.environ, "INSPECTORATE_DISABLE_PLUGINS") or set()
        for name, make in CORE_PLUGINS.items():  # the core's own formats, selectable by name like any plugin
            if (allow is None or name in allow) and name not in deny and not self.pm.has_plugin(name):
                self.add(make(self), name, version=_core_version(), distribution=PROJECT_NAME)
        # The built-in plugins first, so what they register is taken before any installed one asks.
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (not _builtin(e), e.name)):
            if (allow is not None and ep.name not in allow) or ep.name in deny:
                continue
            if self.pm.has_plugin(ep.name):
                continue
            try:  # contained too: importing a plugin runs its code, which may exit or print
                module, printed = self._containment.run((ep.name, "load"), None, ep.load, (), {})
            except Exception as exc:  # a broken plugin is reported, never fatal
                self._problem(ep.name, "load", exc)
                continue
            if printed:
                self._printed(ep.name, "load", printed)
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
        """Register a plugin object (a module or an instance with ``@hookimpl`` methods).

        A plugin whose hook API versions exclude the host's, or that implements a hook that does
        not exist, is refused whole (:mod:`inspectorate.plugin_checks`): it is reported and
        neither listed nor called."""
        refused = incompatibility(plugin)
        if refused:
            self._problem(name, "load", Refused(refused))
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            self._problem(name, "load", exc)
            return
        misspelt = unknown_hooks(list(self._hooks_of(plugin)), self.pm.hook)
        if misspelt:
            self.pm.unregister(plugin)
            self._problem(name, "load", Refused(misspelt))
            return
        self._guard_hooks_of(plugin, contained=distribution != PROJECT_NAME)
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
        self._catalogues = None
        self._collected.clear()
        self._plans.clear()
        self._per_framework.clear()

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

    def _problem(self, plugin: str, stage: str, exc: BaseException, wrapper: bool = False, lacking: bool = True) -> None:
        """Record a plugin's failure; ``lacking=False`` when no result lacks anything for it."""
        problem = PluginProblem(
            plugin=plugin,
            stage=stage,
            message=("wrapper: " if wrapper else "") + _describe(exc),
            detail="".join(traceback.format_exception(exc)),
        )
        self.problem_count += lacking
        # The same failure on every evaluation is listed once; each watch sees it every time.
        if not any(_same(problem, known) for known in self.problems):
            self.problems.append(problem)
        for seen in self._watch_stack() if lacking else ():
            if not any(_same(problem, known) for known in seen):
                seen.append(problem)
        if self.strict:
            raise PluginError(str(problem)) from exc

    # -- calling hooks safely -------------------------------------------------------------------
    #
    # Every call goes through pluggy's own hook caller (``pm.hook.<name>``), so the hookspec decides
    # first-result or collect-all, wrappers wrap and call monitoring sees the call. Isolation sits
    # inside it: each plain implementation's function is replaced, once registered, by a guard that
    # catches what it raises and checks what it returns against the hookspec's ``@returns``; either
    # is a recorded problem and the guard returns None, which pluggy skips. A wrapper that raises
    # (or leaves a result the hookspec does not allow) is recorded and the call is made again
    # without that wrapper's plugin.
    #
    # An installed plugin's function runs contained (:mod:`inspectorate.containment`): in a worker
    # thread, within the time budget, with what it prints kept off standard output. The built-in
    # plugins are part of inspectorate and run in the calling thread, which keeps the rules as fast
    # as they were.

    def _guard_hooks_of(self, plugin: object, contained: bool) -> None:
        for caller in self.pm.get_hookcallers(plugin) or []:
            declared = _declared_returns(caller.name)
            if caller.spec is None:
                continue  # a misspelt hook: check_pending reports it, nothing calls it
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin and not (impl.wrapper or impl.hookwrapper):
                    function = self._contained(impl.function, impl.plugin_name, caller.name) if contained else impl.function
                    # pluggy calls the attribute Final; the host replaces it once, as the plugin is registered.
                    impl.function = self._guarded(impl, function, caller.name, declared)  # type: ignore[misc]

    def _contained(self, function, plugin: str, hook_name: str):
        """``function`` run in a worker within the budget; what it printed goes to stderr, not stdout."""
        key, run = (plugin, hook_name), self._containment.run

        def contained(*args, **kwargs):
            result, printed = run(key, self.hook_budget, function, args, kwargs)
            if printed:
                self._printed(plugin, hook_name, printed)
            return result

        return contained

    def _printed(self, plugin: str, hook_name: str, text: str) -> None:
        """Standard output is the app's (``--json``): a plugin's print is shown on stderr and recorded."""
        for line in text.splitlines():
            sys.stderr.write(f"inspectorate: plugin {plugin!r} printed in {hook_name}: {line}\n")
        self._problem(plugin, hook_name, Contained("printed to standard output (shown on standard error instead)"), lacking=False)

    def _guarded(self, impl: pluggy.HookImpl, function, hook_name: str, declared: Returns | None):
        plugin = impl.plugin_name
        registers = declared is not None and declared.kind == "registers"
        at = impl.argnames.index("register") if registers and "register" in impl.argnames else None

        checks_items = declared is not None and bool(declared.check_path)

        if declared is not None and not registers and not checks_items:
            # The common hook (one result, or a list, checked by type alone): no more work than that.
            check = declared.checker()

            @functools.wraps(impl.function)
            def guarded(*args, **kwargs):
                try:
                    result = function(*args, **kwargs)
                    if result is not None:
                        wrong = check(result)
                        if wrong:
                            raise TypeError(wrong)
                except PluginError:
                    raise  # strict mode
                except _INLINE_FAILURES as exc:  # noqa: BLE001 - a plugin's failure loses only its own part
                    self._problem(plugin, hook_name, exc)
                    return None
                return result

            return guarded

        @functools.wraps(impl.function)
        def guarded_with_items(*args, **kwargs):
            mine: list = []
            if at is not None:
                register, args = args[at], (*args[:at], mine.append, *args[at + 1 :])
            try:
                result = function(*args, **kwargs)
                # The hook's arguments are named for an item check only (timing declarations).
                arguments = dict(zip(impl.argnames, args, strict=False)) if checks_items else None
                wrong = declared.wrong(mine if registers else result, arguments) if declared else None
                if wrong:
                    raise TypeError(wrong)
                if at is not None:
                    _hand_over(register, plugin, mine)
            except PluginError:
                raise  # strict mode
            except _INLINE_FAILURES as exc:  # noqa: BLE001 - a plugin's failure loses only its own part
                self._problem(plugin, hook_name, exc)
                return None
            return None if registers else result

        return guarded_with_items

    def call(self, hook_name: str, **kwargs):
        """Call a hook through pluggy: one result for a firstresult hook, else a list of results.

        A plain implementation that raises or returns the wrong type contributes nothing (pluggy
        skips its None); a wrapper that fails is recorded and the call made again without it.
        """
        caller, declared, firstresult, wrappers = self._plan(hook_name)
        if "language" not in kwargs and caller.spec and "language" in caller.spec.argnames:
            kwargs["language"] = i18n.language()  # words come back in the language spoken here
        if not wrappers and "register" not in kwargs:
            return caller(**kwargs)  # plain implementations only: each is guarded
        left_out: list[object] = []
        while True:
            if isinstance(kwargs.get("register"), _Registrations):
                kwargs["register"].clear()  # a call made again starts its registrations afresh
            if left_out:
                wrappers = [i for i in caller.get_hookimpls() if i.wrapper or i.hookwrapper]
            try:
                result = caller(**kwargs)
            except PluginError:
                raise  # strict mode
            except _INLINE_FAILURES as exc:
                if not wrappers:
                    raise  # not a plugin's failure: plain implementations are guarded
                culprit = _culprit(exc, wrappers)
                self._problem(culprit.plugin_name, hook_name, exc, wrapper=True)
            else:
                wrong = _wrong_outcome(declared, firstresult, result) if wrappers else None
                if wrong is None:
                    return result
                culprit = wrappers[-1]  # the outermost wrapper has the last word on the result
                self._problem(culprit.plugin_name, hook_name, TypeError(wrong), wrapper=True)
            left_out.append(culprit.plugin)
            caller = self.pm.subset_hook_caller(hook_name, remove_plugins=left_out)

    def _plan(self, hook_name: str) -> tuple:
        plan = self._plans.get(hook_name)
        if plan is None:
            caller = getattr(self.pm.hook, hook_name)
            firstresult = bool(caller.spec and caller.spec.opts.get("firstresult"))
            wrappers = [i for i in caller.get_hookimpls() if i.wrapper or i.hookwrapper]
            plan = self._plans[hook_name] = (caller, _declared_returns(hook_name), firstresult, wrappers)
        return plan

    def call_first(self, hook_name: str, **kwargs):
        """The result of a firstresult hook: the first implementation's that is not None."""
        self._require_style(hook_name, firstresult=True)
        return self.call(hook_name, **kwargs)

    def collect(self, hook_name: str, expect: type | None = None, **kwargs) -> list:
        """Flatten the lists every implementation of a collect-all hook returned.

        Each implementation's list is checked against the type the hookspec declares (``expect``
        is accepted for older callers; the hookspec's declaration is what is checked); a plugin
        whose list holds anything else is a recorded problem and its contribution is dropped.
        """
        self._require_style(hook_name, firstresult=False)
        return [item for result in self.call(hook_name, **kwargs) for item in (result or ())]

    def registered(self, hook_name: str) -> list:
        """Run a ``register_*`` callback hook once and cache what the plugins registered."""
        if hook_name not in self._collected:
            self._collected[hook_name] = [item for _plugin, items in self._registrations(hook_name) for item in items]
        return self._collected[hook_name]

    def _registrations(self, hook_name: str) -> list[tuple[str, list]]:
        """(plugin, what it registered) for each plugin whose ``register_*`` hook worked, in call order.

        Registrations are the host's state, not one result's: their problems go to
        :attr:`problems` but not to a :meth:`watch` that happens to be open.
        """
        sink = _Registrations()
        with self._unwatched():
            self.call(hook_name, register=sink)
        return sink.items

    def _require_style(self, hook_name: str, firstresult: bool) -> None:
        caller, _, is_first, _ = self._plan(hook_name)
        if caller.spec is not None and is_first != firstresult:
            style = "first result" if is_first else "collect-all"
            raise TypeError(f"{hook_name} is a {style} hook (see its hookspec); call it with host.call")

    # -- which problems one result has -----------------------------------------------------------

    @contextlib.contextmanager
    def watch(self) -> Iterator[list[PluginProblem]]:
        """The problems recorded while the block runs (in this thread): what a result computed
        in it lacks. ``with host.watch() as problems: ...``"""
        seen: list[PluginProblem] = []
        stack = self._watch_stack()
        stack.append(seen)
        try:
            yield seen
        finally:
            del stack[next(i for i, open_ in enumerate(stack) if open_ is seen)]  # by identity: lists compare by value

    @contextlib.contextmanager
    def _unwatched(self) -> Iterator[None]:
        saved = self._local.__dict__.get("watches")
        self._local.watches = []
        try:
            yield
        finally:
            self._local.watches = saved if saved is not None else []

    def _watch_stack(self) -> list[list[PluginProblem]]:
        if not hasattr(self._local, "watches"):
            self._local.watches = []
        return self._local.watches

    # -- regimes and frameworks ------------------------------------------------------------------

    @property
    def regimes(self) -> dict[str, Regime]:
        if self._regimes is None:
            self._register_regimes()
        assert self._regimes is not None  # _register_regimes sets it
        return self._regimes

    @property
    def regime_owners(self) -> dict[str, str]:
        """Regime id -> name of the plugin that registered it."""
        if self._regimes is None:
            self._register_regimes()
        return self._regime_owners

    def _register_regimes(self) -> None:
        """Each regime id (and framework id) belongs to the first plugin that registers it: the
        built-ins, then the others in the order they were added. A later plugin asking for one that
        is taken registers nothing and the problem is its own; it never replaces what is there."""
        regimes: dict[str, Regime] = {}
        owners: dict[str, str] = {}
        framework_owners: dict[str, str] = {}
        for plugin, mine in self._in_registration_order(self._registrations("register_regimes")):
            taken = next(
                (
                    (what, owner)
                    for regime in mine
                    for what, owner in (
                        (f"regime {regime.id!r}", owners.get(regime.id)),
                        *((f"framework {f.id!r}", framework_owners.get(f.id)) for f in regime.frameworks),
                    )
                    if owner is not None
                ),
                None,
            )
            if taken is not None:
                what, owner = taken
                with self._unwatched():
                    self._problem(plugin, "register_regimes", PluginError(f"{what} is already registered by plugin {owner!r}; kept theirs"))
                continue
            for regime in mine:
                regimes[regime.id], owners[regime.id] = regime, plugin
                framework_owners.update((f.id, plugin) for f in regime.frameworks)
        self._regimes = dict(sorted(regimes.items()))
        self._regime_owners = owners

    def _in_registration_order(self, registrations: list[tuple[str, list]]) -> list[tuple[str, list]]:
        """pluggy calls the last plugin added first; "first wins" needs the order they were added,
        built-ins ahead of the rest."""
        rank = {p.name: (not p.builtin, n) for n, p in enumerate(self.plugins)}
        last = (True, len(self.plugins))  # registered through a wrapper: after every plugin
        return sorted(registrations, key=lambda item: rank.get(item[0], last))

    def registered_in_order(self, hook_name: str) -> list[tuple[str, list]]:
        """(plugin, what it registered) for a ``register_*`` hook, built-ins first, then the rest
        in the order they were added: the order in which the first to take an id keeps it."""
        return self._in_registration_order(self._registrations(hook_name))

    def refuse_registration(self, plugin: str, hook_name: str, why: str) -> None:
        """Record that what ``plugin`` registered was not taken (an id already taken, say)."""
        with self._unwatched():
            self._problem(plugin, hook_name, PluginError(why))

    def catalogues(self) -> dict[str, i18n.MessageCatalogue]:
        """Plugin name -> its message catalogue (``register_message_catalogues``), first kept."""
        if self._catalogues is None:
            self._catalogues = {}
            for plugin, mine in self.registered_in_order("register_message_catalogues"):
                if mine:
                    self._catalogues.setdefault(plugin, mine[0])
        return self._catalogues

    def not_speaking(self, language: str | None = None) -> list[str]:
        """The plugins (those that register a regime) whose words cannot be had in ``language``
        (default: the language spoken here): their findings, events and reasons are in English."""
        code = language or i18n.language()
        if code == i18n.SOURCE_LANGUAGE:
            return []
        catalogues = self.catalogues()
        owners = sorted(set(self.regime_owners.values()))
        return [name for name in owners if name not in catalogues or code not in catalogues[name].languages()]

    def regime(self, regime_id: str) -> Regime | None:
        return self.regimes.get(regime_id)

    def frameworks(self) -> list[Framework]:
        return [f for r in self.regimes.values() for f in r.frameworks]

    def framework(self, framework_id: str) -> Framework | None:
        regimes = self.regimes
        if self._frameworks_by_id is None or self._frameworks_from is not regimes:
            self._frameworks_by_id = {}
            for f in self.frameworks():
                self._frameworks_by_id.setdefault(f.id, f)  # the first registered wins, as before
            self._frameworks_from = regimes
        return self._frameworks_by_id.get(framework_id)

    def per_framework(self, hook_name: str, framework: Framework) -> list:
        """A collect-all hook whose answer depends on the framework alone (the timing
        declarations), asked once per framework; a failure it had is reported again to every
        watch, so each result computed without that plugin's part still says so."""
        key = (hook_name, framework.id, i18n.language())
        if key not in self._per_framework:
            with self.watch() as watched:
                items = self.collect(hook_name, framework=framework, language=key[2])
            self._per_framework[key] = (items, tuple(watched))
        items, seen = self._per_framework[key]
        self.problem_count += len(seen)
        for problem in seen:
            for watch in self._watch_stack():
                if not any(_same(problem, known) for known in watch):
                    watch.append(problem)
        return items


def _same(one: PluginProblem, other: PluginProblem) -> bool:
    return (one.plugin, one.stage, one.message) == (other.plugin, other.stage, other.message)


def _declared_returns(hook_name: str) -> Returns | None:
    spec = getattr(hookspecs, hook_name, None)
    return returns_of(spec) if spec is not None else None


class _Registrations:
    """The ``register`` callable of one ``register_*`` call: what each plugin registered."""

    def __init__(self) -> None:
        self.items: list[tuple[str, list]] = []

    def __call__(self, item: object) -> None:  # called by a wrapper, not through a guard
        self.items.append(("?", [item]))

    def take(self, plugin: str, items: list) -> None:
        self.items.append((plugin, list(items)))

    def clear(self) -> None:
        self.items.clear()


def _hand_over(register, plugin: str, items: list) -> None:
    """Pass what one plugin registered (checked) to the call's ``register``."""
    if isinstance(register, _Registrations):
        register.take(plugin, items)
    else:
        for item in items:
            register(item)


def _culprit(exc: BaseException, wrappers: list[pluggy.HookImpl]) -> pluggy.HookImpl:
    """The wrapper whose code raised ``exc``: the innermost of theirs in its traceback."""
    codes = {getattr(w.function, "__code__", None): w for w in wrappers}
    found = None
    tb = exc.__traceback__
    while tb is not None:
        found = codes.get(tb.tb_frame.f_code, found)
        tb = tb.tb_next
    return found or wrappers[-1]


def _wrong_outcome(declared: Returns | None, firstresult: bool, result: object) -> str | None:
    """What is wrong with a whole call's result once wrappers had their say."""
    if declared is None or declared.kind == "registers":
        return None
    if firstresult:
        return declared.wrong(result)
    if not isinstance(result, list):
        return f"left {type(result).__name__} {result!r:.60} as the result, not a list of results"
    return next((wrong for wrong in map(declared.wrong, result) if wrong), None)


def _core_version() -> str:
    from inspectorate import __version__

    return __version__


def _calendar_feed(host: PluginHost) -> object:
    from inspectorate.ics import CalendarFeed

    return CalendarFeed(host)


#: Formats the core itself provides through the exporter hooks, by plugin name; each is made
#: for the host it is added to (its exporter schedules the cases with that host's plugins).
CORE_PLUGINS = {"icalendar": _calendar_feed}


def _builtin(ep: metadata.EntryPoint) -> bool:
    return ep.dist is not None and ep.dist.name == PROJECT_NAME


def _module_version(module: str) -> str:
    top = module.split(".")[0]
    try:
        for dist_name in _distributions_by_package().get(top, []):
            return metadata.version(dist_name)
    except Exception:
        return ""
    return ""


@functools.cache
def _distributions_by_package() -> Mapping[str, list[str]]:
    """Which installed distributions provide each top-level package, read once a process: it reads
    every installed distribution's file list (a quarter of a second here), and a test or the test
    kit adds plugins to hosts thousands of times. A version is still read afresh each time."""
    return metadata.packages_distributions()


_default_host: PluginHost | None = None
_default_budget: float | None = None


def default_host() -> PluginHost:
    """The process-wide host with every selected entry point loaded (created on first use)."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost(hook_budget=_default_budget).load_entry_points()
    return _default_host


def reporting_host() -> PluginHost:
    """A host that records every plugin problem and raises none, strict mode or not: for
    ``inspectorate plugins``, which must list them all before it fails."""
    return PluginHost(strict=False, hook_budget=_default_budget).load_entry_points()


def use_hook_budget(seconds: float) -> None:
    """The process-wide host's time budget for a hook call (``--hook-budget``), made or not yet."""
    global _default_budget
    _default_budget = seconds
    if _default_host is not None:
        _default_host.hook_budget = seconds


def host_from(plugins: Iterable[tuple[str, object]], **kwargs) -> PluginHost:
    """A host with only the given (name, plugin) pairs: for tests and the test kit."""
    host = PluginHost(**kwargs)
    for name, plugin in plugins:
        host.add(plugin, name)
    host.check_pending()
    return host

