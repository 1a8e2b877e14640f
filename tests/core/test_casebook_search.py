"""The words the casebook list filters on are stored with each case and kept current."""

from __future__ import annotations

import json
import sqlite3

import attrs
from inspectorate.casebook import Casebook
from inspectorate.model import Evidence, Provider, Team

from tests.core.test_casebook import make_case
from tests.core.test_casebook_storage import make_version_1


def test_team_identifiers_and_evidence_are_searchable_and_follow_each_change(casebook_at):
    with Casebook.open(casebook_at, who="ann") as book:
        case = make_case(
            provider=Provider("Ysgol Aber", "school", "wales", identifiers={"urn": "6612345"}),
            team=Team(reporting_inspector="Gwen Morgan", team_inspectors=("Huw Price",)),
            evidence=[Evidence("teaching-and-learning", "strength", "Pupils read aloud with confidence", "lesson visit")],
        )
        added = book.add(case)
        [row] = book.list_cases()
        for words in ("urn 6612345", "Gwen Morgan", "Huw Price", "read aloud", "lesson visit"):
            assert words in row.search_text
        book.update(added.id, attrs.evolve(added, team=Team(reporting_inspector="Siân Lloyd")), 1)
        [row] = book.list_cases()
        assert "Siân Lloyd" in row.search_text and "Gwen Morgan" not in row.search_text


def test_an_older_casebook_gets_the_words_of_each_case_it_holds(tmp_path):
    path = tmp_path / "old.sqlite"
    make_version_1(path)
    conn = sqlite3.connect(path)
    data = json.loads(conn.execute("SELECT data FROM cases").fetchone()[0])
    data["team"] = {"reporting_inspector": "Eve Jones"}
    conn.execute("UPDATE cases SET data = ?", (json.dumps(data),))
    conn.commit()
    conn.close()
    with Casebook.open(path) as book:
        [row] = book.list_cases()
        assert "Eve Jones" in row.search_text


def test_a_duplicate_can_be_renamed_as_it_is_made(casebook_at):
    with Casebook.open(casebook_at, who="ann") as book:
        original = book.add(make_case("Ysgol Aber"))
        copy = book.duplicate(original.id, provider_name="Ysgol Aber (copy)")
        assert copy.provider.name == "Ysgol Aber (copy)"
        assert book.get(original.id).case.provider.name == "Ysgol Aber"
        assert sorted(row.provider for row in book.list_cases()) == ["Ysgol Aber", "Ysgol Aber (copy)"]
