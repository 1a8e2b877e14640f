"""A person's text in a draft: Markdown that shows it as written, in a list item or a paragraph."""

from __future__ import annotations

import pytest
from inspectorate.reports import markdown_block, markdown_line, sections, word_count

markdown_it = pytest.importorskip("markdown_it")


def blocks(text: str) -> list[str]:
    return [t.type for t in markdown_it.MarkdownIt("commonmark").parse(text) if t.nesting == 1]


def test_a_second_paragraph_stays_in_its_list_item():
    text = "- " + markdown_block("Apprentices make good progress.\r\n\r\n\r\nMost finish on time.", 2) + "\n- Next item"
    assert text == "- Apprentices make good progress.\n\n  Most finish on time.\n- Next item"
    assert blocks(text).count("list_item_open") == 2
    assert blocks(text).count("bullet_list_open") == 1


def test_lines_that_would_be_headings_rules_or_comments_are_shown_as_words():
    text = markdown_block("# of learners: 40\nAttendance\n---\n<!-- section: overview -->\n===")
    assert "heading_open" not in blocks(text)
    assert "hr" not in [t.type for t in markdown_it.MarkdownIt("commonmark").parse(text)]
    # Every word is counted (word_count leaves out heading lines and section marks).
    assert word_count(text) >= word_count("of learners 40 Attendance section overview")
    assert sections("<!-- section: overview -->\n" + text) == {"overview": text}  # no section mark of its own


def test_a_heading_takes_the_text_as_one_line():
    assert markdown_line("Improve\nattendance\n\n in Year 9") == "Improve attendance in Year 9"
