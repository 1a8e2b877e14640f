"""A change from the audit log in words: fields as the screens name them, items by number and area."""

from __future__ import annotations

import pytest
from inspectorate_tui.change_words import NOTHING, ChangeLine, change_lines, change_words
from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.tabs.details import TEXT_FIELDS


@pytest.fixture
def cif_2012(host):
    return host.framework("ofsted-cif-2012")


def test_details_fields_take_the_labels_the_details_tab_shows(cif_2012):
    assert change_lines("team.nominee", None, "Sam Okafor", cif_2012) == [ChangeLine("Nominee", NOTHING, "Sam Okafor")]
    [line] = change_lines("team.team_inspectors", ["Bob Smith"], ["Bob Smith", "Carys Evans"], cif_2012)
    assert line.what == TEXT_FIELDS["team-team_inspectors"].name == "Team inspectors"
    assert (line.before, line.after) == ("Bob Smith", "Bob Smith, Carys Evans")
    assert change_lines("inspection.published", None, "2013-05-03")[0].what == "Report published"
    assert change_lines("provider.sector", "school", "further-education")[0] == ChangeLine("Sector", "school", "further education")
    [ids] = change_lines("provider.identifiers", {"urn": "1"}, {"urn": "1", "ukprn": "10012345"})
    assert ids.what == "Identifiers" and ids.after == "urn=1, ukprn=10012345"


def test_evidence_by_number_and_area_and_its_field_by_the_dialogs_label(cif_2012):
    one = {"area": "outcomes-for-learners", "kind": "strength", "text": "Success rates rose"}
    two = {"area": "quality-of-teaching-learning-and-assessment", "kind": "area-for-improvement", "text": "Too few lessons challenge"}
    edited = dict(two, text="Too few lessons challenge the most able")
    [line] = change_lines("evidence", [one, two], [one, edited], cif_2012)
    assert line.what == f"Evidence 2 on Quality of teaching, learning and assessment: {EvidenceDialog.LABELS['text']}"
    assert (line.before, line.after) == ("Too few lessons challenge", "Too few lessons challenge the most able")
    [added] = change_lines("evidence", [one], [one, two], cif_2012)
    assert added == ChangeLine("Evidence 2 on Quality of teaching, learning and assessment added", NOTHING, "Too few lessons challenge")
    [deleted] = change_lines("evidence", [one, two], [two], cif_2012)
    assert deleted == ChangeLine("Evidence 1 on Outcomes for learners deleted", "Success rates rose", NOTHING)
    [moved] = change_lines("evidence", [one], [dict(one, area="effectiveness-of-leadership-and-management")], cif_2012)
    assert (moved.what, moved.before, moved.after) == (
        "Evidence 1 on Effectiveness of leadership and management: Area", "Outcomes for learners",
        "Effectiveness of leadership and management",
    )


def test_recommendations_moved_are_told_by_priority_and_text(cif_2012):
    first = {"priority": 1, "text": "Raise success rates"}
    second = {"priority": 2, "text": "Share good practice"}
    lines = change_lines("recommendations", [first, second], [dict(second, priority=1), dict(first, priority=2)], cif_2012)
    assert lines == [ChangeLine("Priority of “Share good practice”", "2", "1"), ChangeLine("Priority of “Raise success rates”", "1", "2")]
    [progress] = change_lines(
        "recommendations", [first], [dict(first, progress=[{"on": "2013-06-01", "progress": "reasonable-progress"}])], cif_2012
    )
    assert (progress.what, progress.after) == ("Recommendation 1: Progress", "2013-06-01: reasonable progress")


def test_grades_in_the_scales_words_and_events_by_title(cif_2012):
    [line] = change_lines("judgements.outcomes-for-learners", "good", "requires-improvement", cif_2012)
    assert line.what == "Judgement of Outcomes for learners"
    assert "Good" in line.before and "Requires improvement" in line.after
    [done] = change_lines("follow_up.done", None, {"improvement-visit": "2013-06-10"}, cif_2012, {"improvement-visit": "Improvement visit"})
    assert done == ChangeLine("Improvement visit done", "not done", "2013-06-10")


def test_never_raw_data_even_for_a_path_no_screen_names(cif_2012):
    text = change_words([_Entry("follow_up.chosen", None, ["monitoring", "support"])], cif_2012)
    assert text == "Follow up: chosen: — → monitoring, support"
    text = change_words([_Entry("evidence", None, [{"area": "x", "kind": "strength", "text": "Good"}])], cif_2012)
    assert "{" not in text and '"' not in text


class _Entry:
    def __init__(self, what, old, new):
        self.what, self.old, self.new = what, old, new
