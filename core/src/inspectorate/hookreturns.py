"""What each hook returns, declared beside its hookspec, and the check of one result against it.

Each hookspec in :mod:`inspectorate.hookspecs` carries ``@returns(kind, type)``:

- ``returns("list", T)``: a list (or tuple) of ``T``, or None;
- ``returns("one", T)``: one ``T``, or None;
- ``returns("registers", T)``: nothing; the hook calls ``register`` once per ``T``.

The plugin host checks every implementation's result against it, and the hook reference page shows
it. Types are named by dotted path and imported on first use, so this module and the hookspecs
import nothing from the rest of the core.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from attrs import frozen

KINDS = ("list", "one", "registers")


_TYPES: dict[str, object] = {}


def _resolve(path: str):
    """A type or function by dotted path, imported on first use, then kept: every result is checked."""
    found = _TYPES.get(path)
    if found is None:
        module, _, name = path.rpartition(".")
        found = _TYPES[path] = getattr(importlib.import_module(module), name)
    return found


def _shown(value: object) -> str:
    return f"{type(value).__name__} {value!r:.60}"


@frozen
class Returns:
    kind: str
    type_path: str
    #: Optional dotted path of ``check(item, **hook_arguments) -> str | None``: what is wrong with
    #: one item beyond its type (a timing declaration naming a setting its framework lacks).
    check_path: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"returns kind {self.kind!r} is not one of {', '.join(KINDS)}")

    @property
    def type(self) -> type:
        return _resolve(self.type_path)

    @property
    def type_name(self) -> str:
        return self.type_path.rpartition(".")[2]

    def describe(self) -> str:
        """In words, for the hook reference page."""
        if self.kind == "list":
            return f"a list of {self.type_name}, or None"
        if self.kind == "one":
            return f"a {self.type_name}, or None"
        return f"nothing; each call of register takes a {self.type_name}"

    def checker(self) -> Callable[[object], str | None]:
        """:meth:`wrong` for a hook without an item check, with the type looked up once: the host
        checks every implementation's result with it."""
        if self.check_path:
            return self.wrong
        expected = self.type
        if self.kind == "one":
            return lambda result: None if isinstance(result, expected) else self.wrong(result)
        return lambda result: (
            None if isinstance(result, list | tuple) and all(isinstance(i, expected) for i in result) else self.wrong(result)
        )

    def wrong(self, result: object, arguments: dict | None = None) -> str | None:
        """What is wrong with one implementation's result (a ``register`` hook's: what it
        registered, as a list), or None when it is what the hookspec says. ``arguments`` are the
        hook's, for the item check."""
        expected = self.type
        if result is None:
            return None
        if self.kind == "one":
            if not isinstance(result, expected):
                return f"returned {_shown(result)}, not a {self.type_name}"
            return _resolve(self.check_path)(result, **(arguments or {})) if self.check_path else None
        if not isinstance(result, list | tuple):
            what = "registered" if self.kind == "registers" else "returned"
            return f"{what} {_shown(result)}, not a list of {self.type_name}"
        for item in result:
            if not isinstance(item, expected):
                what = "registered" if self.kind == "registers" else "returned a list holding"
                return f"{what} {_shown(item)}, not a {self.type_name}"
        if self.check_path:
            check = _resolve(self.check_path)
            for item in result:
                problem = check(item, **(arguments or {}))
                if problem:
                    return problem
        return None


_Hook = TypeVar("_Hook", bound=Callable[..., Any])


def returns(kind: str, type_path: str, check: str = "") -> Callable[[_Hook], _Hook]:
    """Declare what a hookspec's implementations return (see the module's docstring); ``check``
    names a function that says what is wrong with one item, given the hook's arguments."""
    declared = Returns(kind, type_path, check)

    def mark(function: _Hook) -> _Hook:  # the hookspec keeps its typed signature
        vars(function)["inspectorate_returns"] = declared
        return function

    return mark


def returns_of(function: Callable) -> Returns | None:
    return getattr(function, "inspectorate_returns", None)
