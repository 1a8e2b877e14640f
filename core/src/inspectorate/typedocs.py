"""What each type a hook receives or returns holds, read from the classes themselves.

A field is documented by the ``#:`` comment above it in its class (as Sphinx reads it); a plain
class (the working calendar) by its public methods' docstrings. :mod:`inspectorate.hookdocs` turns
these into the reference page, and a test fails when a field has no comment, so the page cannot
lag the code.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap
import types
import typing

import attrs

#: A class named in a hookspec's docstring: :class:`~inspectorate.model.Case` or :class:`inspectorate.frameworks.Regime`.
_CLASS_REFERENCE = re.compile(r":class:`~?([\w.]+)`")


def resolve(path: str) -> type:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def named_in(docstring: str) -> list[type]:
    """The classes a docstring refers to with ``:class:``."""
    return [resolve(path) for path in _CLASS_REFERENCE.findall(docstring or "")]


def _inner(hint) -> list:
    """The classes inside a type hint: ``tuple[Judgement, ...]``, ``Citation | None``, ``Mapping[str, Area]``."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return [hint]
    return [inner for arg in typing.get_args(hint) for inner in _inner(arg)]


def hints(cls: type) -> dict:
    module = importlib.import_module(cls.__module__)
    try:
        return typing.get_type_hints(cls, vars(module))
    except (NameError, TypeError):
        return {}


def reachable(roots: list[type]) -> list[type]:
    """``roots`` and every attrs class their fields hold, in the order first met."""
    seen: list[type] = []
    todo = list(roots)
    while todo:
        cls = todo.pop(0)
        if cls in seen or not documented_kind(cls):
            continue
        seen.append(cls)
        if attrs.has(cls):
            for hint in hints(cls).values():
                todo += [c for c in _inner(hint) if c.__module__.startswith("inspectorate")]
        # attrs' slotted classes replace the class they were made from: keep the one the module has.
        subclasses: list[type] = cls.__subclasses__()
        todo += [sub for sub in subclasses if getattr(importlib.import_module(sub.__module__), sub.__name__, None) is sub]
    return seen


def documented_kind(cls: type) -> bool:
    """Whether the reference documents ``cls``: the core's own classes, not str or a date."""
    return isinstance(cls, type) and cls.__module__.startswith("inspectorate.")


def field_comments(cls: type) -> dict[str, str]:
    """Each field's ``#:`` comment (the lines just above it in the class body), by field name."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    lines = source.splitlines()
    tree = ast.parse(source)
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found: dict[str, str] = {}
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            comment: list[str] = []
            row = node.lineno - 2  # the line above, counted from 0
            while row >= 0 and lines[row].strip().startswith("#:"):
                comment.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            if comment:
                found[node.target.id] = " ".join(comment)
    return found


def type_text(hint) -> str:
    """A type hint as a reader wants it: ``tuple[Judgement, ...]``, not ``typing.Tuple[...]``."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return hint.__name__
    text = str(hint)
    text = re.sub(r"\b(?:[a-z_][a-z0-9_]*\.)+([A-Z]\w*)", r"\1", text)  # inspectorate.model.Case -> Case
    return text.replace("typing.", "").replace("NoneType", "None")


@attrs.frozen
class FieldDoc:
    name: str
    type: str
    default: str
    doc: str


def fields_of(cls: type) -> list[FieldDoc]:
    """The fields of an attrs class with their types, defaults and comments."""
    comments, known = field_comments(cls), hints(cls)
    for base in cls.__mro__[1:]:
        if attrs.has(base):
            comments = {**field_comments(base), **comments}
    out = []
    for f in attrs.fields(cls):
        if f.default is attrs.NOTHING:
            default = "required"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]  # attrs' stubs call Factory a function; it is a class
            default = f"{getattr(f.default.factory, '__name__', 'empty')}()"
        else:
            default = repr(f.default) if not hasattr(f.default, "test") else "always"
        out.append(FieldDoc(f.name, type_text(known.get(f.name, f.type)), default, comments.get(f.name, "")))
    return out


def methods_of(cls: type) -> list[tuple[str, str]]:
    """A plain class's public methods and properties: (signature, docstring)."""
    out = []
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            out.append((name, inspect.getdoc(member) or ""))
        elif isinstance(member, (types.FunctionType, classmethod, staticmethod)):
            function = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
            out.append((f"{name}{inspect.signature(function)}".replace("(self, ", "(").replace("(self)", "()"),
                        inspect.getdoc(function) or ""))
    return out


def undocumented(classes: list[type]) -> list[str]:
    """``Class.field`` for every field (or public method) with no documentation."""
    missing = []
    for cls in classes:
        if attrs.has(cls):
            missing += [f"{cls.__name__}.{f.name}" for f in fields_of(cls) if not f.doc]
        else:
            missing += [f"{cls.__name__}.{name}" for name, doc in methods_of(cls) if not doc]
    return missing
