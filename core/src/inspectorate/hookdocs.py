"""Generate the plugin authors' hook reference (docs/hooks.md) from the hookspec docstrings.

Run ``python -m inspectorate.hookdocs > docs/hooks.md``; a test fails when the page is stale or a
hook is missing from it.
"""

from __future__ import annotations

import inspect

from inspectorate import HOOK_API_VERSION, hookspecs
from inspectorate.hookreturns import returns_of


def hook_names() -> list[str]:
    return [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(fn, "inspectorate_spec")]


def render() -> str:
    lines = [
        "# Hook reference",
        "",
        f"Hook API version {HOOK_API_VERSION}. Generated from `core/src/inspectorate/hookspecs.py`",
        "by `python -m inspectorate.hookdocs`; do not edit by hand.",
        "",
    ]
    for name in sorted(hook_names(), key=lambda n: inspect.getsourcelines(getattr(hookspecs, n))[1]):
        fn = getattr(hookspecs, name)
        spec = fn.inspectorate_spec
        style = "first result wins" if spec.get("firstresult") else "called on every plugin"
        declared = returns_of(fn)
        returns = f"; returns {declared.describe()} (checked: anything else is a recorded problem)" if declared else ""
        signature = f"{name}{inspect.signature(fn)}"
        lines += [f"## `{signature}`", "", f"*{style}{returns}*", "", inspect.getdoc(fn) or "", ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
