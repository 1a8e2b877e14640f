"""Reports: sections found by their marks, word limits and required sections become findings."""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate.model import Citation
from inspectorate.reports import (
    ReportError,
    ReportTemplate,
    WordLimit,
    check_rendered,
    long_date,
    render,
    sections,
    word_count,
)

LIMIT_CITE = Citation(document="toy-guidance.txt", quote="The overview is 200-300 words.")


def _template(tmp_path, body: str, **kw) -> ReportTemplate:
    (tmp_path / "t.md.j2").write_text(body, encoding="utf-8")
    return ReportTemplate(id="t", titles={"en": "T"}, frameworks=["f"], directory=tmp_path, filename="t.md.j2", **kw)


def test_sections_split_on_their_marks_whatever_the_headings_say():
    text = "# Title\n<!-- section: overview -->\n## Trosolwg\nOne two three.\n<!-- section: recommendations -->\nR1"
    assert sections(text) == {"overview": "## Trosolwg\nOne two three.", "recommendations": "R1"}


def test_word_count_leaves_out_headings_and_marks():
    assert word_count("## A heading here\nOne two, three-four. Pupils' work\n<!-- section: x -->") == 5


def test_overview_outside_its_word_limit_is_a_finding(tmp_path):
    template = _template(
        tmp_path,
        "<!-- section: overview -->\n{{ words }}\n",
        word_limits=[WordLimit("overview", 200, 300, LIMIT_CITE)],
    )
    short = render(template, {"words": "word " * 150})
    [finding] = check_rendered(template, short)
    assert finding.rule == "report.word-limit"
    assert finding.message == "section 'overview' has 150 words; the limit is 200-300"
    assert finding.citation == LIMIT_CITE
    assert check_rendered(template, render(template, {"words": "word " * 250})) == []


def test_missing_or_empty_required_section_is_an_error(tmp_path):
    template = _template(tmp_path, "<!-- section: overview -->\n{{ text }}\n", required_sections=["overview", "what-next"])
    findings = check_rendered(template, render(template, {"text": ""}))
    assert [(f.severity, f.message) for f in findings] == [
        ("error", "section 'overview' is missing or empty"),
        ("error", "section 'what-next' is missing or empty"),
    ]


def test_a_required_section_with_only_its_heading_is_empty(tmp_path):
    # The heading may stand before or after the mark; either way a heading alone is no content.
    source = "## Overview\n<!-- section: overview -->\n{{ text }}\n## Actions\n<!-- section: actions -->\n{{ actions }}\n"
    template = _template(tmp_path, source, required_sections=["overview", "actions"])
    findings = check_rendered(template, render(template, {"text": "Learners achieve well.", "actions": ""}))
    assert [f.message for f in findings] == ["section 'actions' is missing or empty"]


def test_undefined_names_in_a_template_are_errors_not_blanks(tmp_path):
    template = _template(tmp_path, "{{ nonsense }}")
    with pytest.raises(ReportError, match="nonsense"):
        render(template, {})


def test_a_language_the_template_lacks_is_refused(tmp_path):
    template = _template(tmp_path, "x")
    with pytest.raises(ReportError, match="no 'cy' version"):
        render(template, {}, lang="cy")


def test_message_catalogue_and_long_dates_follow_the_language(tmp_path):
    template = _template(
        tmp_path,
        "{{ t('hello', name='Siân') }} {{ day | longdate }}",
        languages=["en", "cy"],
        messages={"en": {"hello": "Dear {name},"}, "cy": {"hello": "Annwyl {name},"}},
    )
    day = dt.date(2025, 2, 5)
    assert render(template, {"day": day}, "cy") == "Annwyl Siân, 5 Chwefror 2025"
    assert render(template, {"day": day}, "en") == "Dear Siân, 5 February 2025"
    assert long_date(dt.date(2026, 12, 1), "cy") == "1 Rhagfyr 2026"


def test_the_reign_changes_after_8_september_2022():
    """Queen Elizabeth II died on 8 September 2022: a document of that day still names Her Majesty."""
    import datetime as _dt

    from inspectorate.reports import reign_on

    assert reign_on(_dt.date(2015, 5, 12)) == "queen"
    assert reign_on(_dt.date(2022, 9, 8)) == "queen"
    assert reign_on(_dt.date(2022, 9, 9)) == "king"


def test_recommendations_are_numbered_by_place_in_priority_order():
    from inspectorate.model import Recommendation as _Recommendation
    from inspectorate.reports import number_of, numbered

    later, first = _Recommendation("Later.", 9), _Recommendation("First.", 4)
    assert numbered([later, first]) == [(1, first), (2, later)]
    assert number_of(later, [later, first]) == 2
