"""The hook reference page is generated from the hookspecs and kept in step with them."""

from inspectorate import hookdocs
from tests.support import ROOT


def test_every_hook_is_in_the_reference_page_and_the_page_is_current():
    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    for name in hookdocs.hook_names():
        assert f"## `{name}(" in page, f"docs/hooks.md lacks {name}: run python -m inspectorate.hookdocs > docs/hooks.md"
    assert page == hookdocs.render(), "docs/hooks.md is stale: run python -m inspectorate.hookdocs > docs/hooks.md"


def test_every_hook_docstring_says_what_it_receives_returns_and_since_when():
    from inspectorate import hookspecs

    for name in hookdocs.hook_names():
        doc = getattr(hookspecs, name).__doc__
        for part in ("Receives:", "Returns:", "Since hook API"):
            assert part in doc, f"{name} docstring lacks {part!r}"


def test_every_hook_declares_what_it_returns_and_the_page_shows_it():
    from inspectorate import hookspecs
    from inspectorate.hookreturns import returns_of

    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    for name in hookdocs.hook_names():
        declared = returns_of(getattr(hookspecs, name))
        assert declared is not None, f"{name} has no @returns(...) beside its hookspec"
        assert declared.type is not None  # the dotted path names a real type
        assert declared.describe() in page
