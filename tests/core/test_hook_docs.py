"""The hook reference page is generated from the hookspecs and kept in step with them."""

import inspect
import re
import textwrap

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


# -- every field of every type a hook receives or returns ------------------------------------------


def test_every_field_of_every_type_a_hook_receives_or_returns_is_documented_on_the_page():
    import attrs
    from inspectorate import typedocs

    types = hookdocs.documented_types()
    names = {cls.__name__ for cls in types}
    # What hooks receive and return, and what those hold, down to the last nested class.
    assert {"Case", "Provider", "Judgement", "Framework", "Area", "Grade", "Regime", "ReportTemplate", "WordLimit",
            "Timing", "Recorded", "WorkingDays", "When", "FollowUpEvent", "Anchor", "Provenance", "Exporter",
            "Importer", "WorkingCalendar", "Citation", "TimingRule", "FollowUpTrigger"} <= names
    assert typedocs.undocumented(types) == [], "give each of these fields a #: comment above it in its class"
    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    for cls in types:
        assert f"## `{cls.__module__}.{cls.__name__}`" in page
        if attrs.has(cls):
            for field in typedocs.fields_of(cls):
                assert f"| `{field.name}` |" in page and field.doc.split()[0] in page


def test_a_field_without_a_comment_is_caught():
    import attrs
    from inspectorate import typedocs

    @attrs.frozen
    class Half:
        #: Documented.
        kept: str
        forgotten: int = 0

    assert typedocs.undocumented([Half]) == ["Half.forgotten"]


def test_every_hook_parameter_is_described_and_every_hook_has_an_example_that_parses():
    import ast
    import re

    from inspectorate import hookspecs

    assert hookdocs.undescribed_parameters() == []
    for name in hookdocs.hook_names():
        doc = inspect.getdoc(getattr(hookspecs, name))
        match = re.search(r"Example::\n\n((?:    .*\n|\n)+)", doc + "\n")
        assert match, f"{name} has no Example:: block"
        code = textwrap.dedent(match.group(1))
        tree = ast.parse(code)  # a syntax error in an example fails here
        assert any(isinstance(n, ast.FunctionDef) and n.name == name for n in ast.walk(tree)), f"{name}'s example implements another hook"


def test_report_template_is_described_as_it_is():
    import attrs
    from inspectorate.reports import ReportTemplate

    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    section = page.split("## `inspectorate.reports.ReportTemplate`")[1].split("\n## ")[0]
    listed = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    assert listed == [f.name for f in attrs.fields(ReportTemplate)]
    hook = page.split("## `register_report_templates(register)`")[1].split("\n## ")[0]
    assert "source loader" not in hook  # it has a directory and a file name, not a loader


def test_the_template_context_on_the_page_is_the_one_templates_are_rendered_with(monkeypatch):
    import datetime as dt

    from inspectorate import drafting, reports
    from inspectorate.testing import make_host, sample_cases, toy

    seen = {}
    real = reports.render

    def spy(template, context, lang="en"):
        seen.update(context)
        return real(template, context, lang)

    monkeypatch.setattr(drafting, "render", spy)
    host = make_host(toy=toy)
    case = sample_cases(toy.FRAMEWORK, nation="scotland")["worst"]
    drafting.draft_report(host, case, "toy-report", "en", dt.date(2025, 6, 2))
    passed_by_render = {"t", "lang", "template"}
    assert set(seen) | passed_by_render == set(drafting.CONTEXT)
    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    for name in drafting.CONTEXT:
        assert f"| `{name}` |" in page
    for name in (*reports.FILTERS, *reports.GLOBALS, "StrictUndefined", "trim_blocks", "lstrip_blocks", "<!-- section: id -->"):
        assert name in page
