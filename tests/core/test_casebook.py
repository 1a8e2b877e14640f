"""The casebook's API: storing, reading, changing, history and undo."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import attrs
import pytest
import sqlalchemy as sa
from inspectorate.casebook import Casebook, CaseNotFound, NothingToUndo, StaleWriteError
from inspectorate.model import Case, Evidence, InspectionDates, Judgement, Provider, Recommendation
from inspectorate.testing import toy


def make_case(name: str = "Toy Primary School", **changes) -> Case:
    """A bare toy case (no dates, no team), so each test's history names only what it changed."""
    case = Case(
        provider=Provider(name=name, sector="school", nation="scotland"),
        regime=toy.REGIME_ID,
        framework=toy.FRAMEWORK_ID,
        judgements=[Judgement("teaching", "sound")],
    )
    return attrs.evolve(case, **changes)


@pytest.fixture
def casebook(casebook_at):
    with Casebook.open(casebook_at, who="ann") as book:
        yield book


def test_add_sets_id_and_get_returns_the_same_case(casebook):
    case = make_case(
        dates=InspectionDates(start=dt.date(2024, 3, 4), end=dt.date(2024, 3, 7)),
        evidence=[Evidence("teaching", "strength", "Year 4 maths")],
        recommendations=[Recommendation("Improve attendance", 1)],
    )
    added = casebook.add(case)
    assert added.id and len(added.id) >= 8
    stored = casebook.get(added.id)
    assert stored.case == added
    assert stored.version == 1
    assert stored.archived is False
    assert stored.updated_at.tzinfo is not None


def test_add_writes_a_created_audit_row(casebook):
    added = casebook.add(make_case())
    [entry] = casebook.history(added.id)
    assert (entry.what, entry.old, entry.who, entry.version) == ("case", None, "ann", 1)
    assert entry.new["provider"]["name"] == "Toy Primary School"
    assert entry.label == "created"


def test_unknown_id_is_case_not_found_with_clear_message(casebook):
    with pytest.raises(CaseNotFound, match="there is no case 'nope' in this casebook"):
        casebook.get("nope")
    with pytest.raises(CaseNotFound):
        casebook.history("nope")
    with pytest.raises(CaseNotFound):
        casebook.update("nope", make_case(), 1)


def test_update_records_one_audit_row_per_changed_path(casebook):
    added = casebook.add(make_case())
    new = attrs.evolve(
        added,
        provider=attrs.evolve(added.provider, name="Toy School"),
        dates=InspectionDates(end=dt.date(2024, 3, 7)),
        judgements=[Judgement("teaching", "weak"), Judgement("wellbeing", "sound")],
        evidence=[Evidence("wellbeing", "concern", "Attendance 94%")],
    )
    stored = casebook.update(added.id, new, expected_version=1, what="edit inspection")
    assert stored.version == 2
    assert stored.case == new
    latest = [e for e in casebook.history(added.id) if e.version == 2]
    assert {e.what: (e.old, e.new) for e in latest} == {
        "provider.name": ("Toy Primary School", "Toy School"),
        "inspection.end": (None, "2024-03-07"),
        "judgements.teaching": ("sound", "weak"),
        "judgements.wellbeing": (None, "sound"),
        "evidence": (None, [{"area": "wellbeing", "kind": "concern", "text": "Attendance 94%"}]),
    }
    assert len({e.change_id for e in latest}) == 1
    assert {e.label for e in latest} == {"edit inspection"}
    assert all(e.who == "ann" for e in latest)


def test_removed_values_are_recorded_with_new_none(casebook):
    added = casebook.add(make_case())
    casebook.update(added.id, attrs.evolve(added, judgements=[]), 1)
    [entry] = [e for e in casebook.history(added.id) if e.version == 2]
    assert (entry.what, entry.old, entry.new) == ("judgements.teaching", "sound", None)


def test_saving_an_unchanged_case_records_nothing_but_stores_summary(casebook):
    added = casebook.add(make_case())
    stored = casebook.update(added.id, added, 1, summary={"stage": "reporting"})
    assert stored.version == 1
    assert len(casebook.history(added.id)) == 1
    assert casebook.list_cases()[0].stage == "reporting"


def test_stale_update_is_refused_with_who_and_when(casebook, casebook_at):
    added = casebook.add(make_case())
    with Casebook.open(casebook_at, who="bob") as other:
        other.update(added.id, attrs.evolve(added, judgements=[Judgement("teaching", "strong")]), 1)
    with pytest.raises(StaleWriteError) as raised:
        casebook.update(added.id, attrs.evolve(added, judgements=[]), 1)
    message = str(raised.value)
    assert "changed by bob at" in message
    assert "since it was read" in message
    assert "not applied" in message and "Reload" in message
    assert raised.value.current_version == 2
    assert casebook.get(added.id).case.grade("teaching") == "strong"


def test_summary_is_stored_in_columns_and_listed(casebook):
    a = casebook.add(make_case("Later"), summary={"stage": "follow-up", "next_deadline": dt.date(2025, 6, 1), "next_event": "visit"})
    b = casebook.add(make_case("Sooner"), summary={"next_deadline": dt.date(2025, 1, 1)})
    c = casebook.add(make_case("None"))
    rows = casebook.list_cases()
    assert [r.id for r in rows] == [b.id, a.id, c.id]  # by deadline, none last
    row = rows[1]
    assert (row.provider, row.regime, row.framework, row.sector) == ("Later", toy.REGIME_ID, toy.FRAMEWORK_ID, "school")
    assert (row.stage, row.next_deadline, row.next_event, row.archived) == ("follow-up", dt.date(2025, 6, 1), "visit", False)
    casebook.update(a.id, a, 1, summary={"next_deadline": None})
    assert casebook.list_cases()[-2:][0].next_deadline is None


def test_unknown_summary_key_is_refused(casebook):
    with pytest.raises(ValueError, match="unknown summary keys"):
        casebook.add(make_case(), summary={"deadline": dt.date(2025, 1, 1)})


def test_archive_hides_from_list_and_unarchive_brings_back(casebook):
    kept = casebook.add(make_case("Kept"))
    gone = casebook.add(make_case("Gone"))
    stored = casebook.archive(gone.id, expected_version=1)
    assert (stored.archived, stored.version) == (True, 2)
    assert [r.id for r in casebook.list_cases()] == [kept.id]
    assert {r.id for r in casebook.list_cases(include_archived=True)} == {kept.id, gone.id}
    assert (casebook.count(), casebook.count(include_archived=True)) == (1, 2)
    entry = casebook.history(gone.id)[0]
    assert (entry.what, entry.old, entry.new, entry.label) == ("case", {"archived": False}, {"archived": True}, "archived")
    with pytest.raises(StaleWriteError):
        casebook.unarchive(gone.id, expected_version=1)
    assert casebook.unarchive(gone.id, expected_version=2).archived is False
    assert casebook.count() == 2


def test_duplicate_makes_a_new_case_and_says_where_from(casebook):
    original = casebook.add(make_case(), summary={"stage": "planning"})
    copy = casebook.duplicate(original.id)
    assert copy.id != original.id
    assert copy.provider.name == original.provider.name
    assert attrs.evolve(copy, id=None) == attrs.evolve(original, id=None)
    [entry] = casebook.history(copy.id)
    assert entry.label == f"duplicated from {original.id}"
    assert casebook.count() == 2


def test_history_is_newest_first(casebook):
    added = casebook.add(make_case())
    case = added
    version = 1
    for grade in ("weak", "strong"):
        case = attrs.evolve(case, judgements=[Judgement("teaching", grade)])
        version = casebook.update(added.id, case, version).version
    history = casebook.history(added.id)
    assert [e.version for e in history] == [3, 2, 1]
    assert [e.new for e in history[:2]] == ["strong", "weak"]
    assert history[0].at >= history[-1].at


def test_undo_restores_the_last_change_and_repeats_back_to_creation(casebook):
    added = casebook.add(make_case())
    first = attrs.evolve(added, judgements=[Judgement("teaching", "weak")])
    second = attrs.evolve(first, dates=InspectionDates(end=dt.date(2024, 3, 7)), evidence=[Evidence("a", "b", "c")])
    version = casebook.update(added.id, first, 1).version
    version = casebook.update(added.id, second, version).version

    undone = casebook.undo(added.id, version)
    assert undone.case == first
    assert undone.version == version + 1
    top = [e for e in casebook.history(added.id) if e.version == undone.version]
    assert {e.what for e in top} == {"inspection.end", "evidence"}
    second_change = next(e.change_id for e in casebook.history(added.id) if e.version == 3)
    assert {e.undo_of for e in top} == {second_change}
    assert all(e.label.startswith("undo") for e in top)

    undone = casebook.undo(added.id, undone.version)
    assert undone.case == added

    with pytest.raises(NothingToUndo, match="nothing to undo"):
        casebook.undo(added.id, undone.version)
    assert casebook.get(added.id).case == added


def test_undo_after_a_new_edit_undoes_that_edit_first(casebook):
    added = casebook.add(make_case())
    a = attrs.evolve(added, judgements=[Judgement("teaching", "weak")])
    v = casebook.update(added.id, a, 1).version
    v = casebook.undo(added.id, v).version  # back to "sound"
    b = attrs.evolve(added, provider=attrs.evolve(added.provider, name="Renamed"))
    v = casebook.update(added.id, b, v).version
    restored = casebook.undo(added.id, v)
    assert restored.case == added
    with pytest.raises(NothingToUndo):  # the "weak" edit was undone already
        casebook.undo(added.id, restored.version)


def test_undo_of_archive_unarchives(casebook):
    added = casebook.add(make_case())
    archived = casebook.archive(added.id, 1)
    restored = casebook.undo(added.id, archived.version)
    assert restored.archived is False
    assert casebook.count() == 1


def test_undo_checks_the_version_and_can_recompute_the_summary(casebook):
    added = casebook.add(make_case(), summary={"stage": "old"})
    v = casebook.update(added.id, attrs.evolve(added, judgements=[]), 1, summary={"stage": "new"}).version
    with pytest.raises(StaleWriteError):
        casebook.undo(added.id, v - 1)
    casebook.undo(added.id, v, summarise=lambda case: {"stage": f"{len(case.judgements)} judgements"})
    assert casebook.list_cases()[0].stage == "1 judgements"


def test_case_json_is_the_codec_layout(casebook):
    added = casebook.add(make_case(dates=InspectionDates(end=dt.date(2024, 3, 7))))
    with casebook._engine.connect() as conn:
        text = conn.execute(sa.text("SELECT data FROM cases WHERE id = :id"), {"id": added.id}).scalar()
    data = json.loads(text)
    assert data["format"] == "inspectorate-case/1"
    assert data["inspection"]["end"] == "2024-03-07"


def test_list_cases_of_25000_rows_reads_only_the_summary_columns(casebook_at, monkeypatch):
    # How fast this is, is measured in bench/, not here; this holds the reason it is fast.
    from inspectorate.casebook import schema, store

    with Casebook.open(casebook_at) as book:
        data = json.dumps({"format": "inspectorate-case/1"})
        rows = [
            {
                "id": f"{n:012x}", "provider": f"School {n}", "regime": toy.REGIME_ID, "framework": toy.FRAMEWORK_ID,
                "sector": "school", "stage": "reporting", "next_deadline": (dt.date(2025, 1, 1) + dt.timedelta(days=n % 365)).isoformat(),
                "next_event": "report", "archived": int(n % 10 == 0), "version": 1, "data": data,
                "created_at": "2025-01-01T00:00:00+00:00", "updated_at": "2025-01-01T00:00:00+00:00",
            }
            for n in range(25_000)
        ]  # fmt: skip
        with book._engine.begin() as conn:
            conn.execute(schema.cases.insert(), rows)

        def no_json(*args, **kwargs):
            raise AssertionError("list_cases parsed case JSON")

        # the store's json only: a database driver may read JSON of its own as it connects
        monkeypatch.setattr(store, "json", SimpleNamespace(loads=no_json, dumps=json.dumps))
        listed = book.list_cases()
        assert len(listed) == 22_500
        assert listed[0].next_deadline == dt.date(2025, 1, 1)
        assert len(book.list_cases(include_archived=True)) == 25_000
        assert book.count() == 22_500


def test_add_many_stores_every_case_in_one_transaction_or_none(casebook_at):
    import pytest
    from inspectorate.casebook import Casebook
    from inspectorate.model import Case, Provider

    with Casebook.open(casebook_at, who="Tester") as book:
        cases = [(Case(Provider(f"School {n}", "school"), toy.REGIME_ID, toy.FRAMEWORK_ID), {"stage": "planned"}) for n in range(50)]
        ids = book.add_many(cases)
        assert len(set(ids)) == 50 and book.count() == 50
        assert book.get(ids[7]).case.provider.name == "School 7"
        assert book.history(ids[7])[0].who == "Tester"

        def broken():
            yield cases[0]
            raise RuntimeError("the import file ended early")

        with pytest.raises(RuntimeError):
            book.add_many(broken())
        assert book.count() == 50


def test_a_case_without_a_provider_name_is_refused_with_words_and_nothing_written(casebook):
    from inspectorate.casebook import CasebookError

    stored = casebook.add(make_case())
    nameless = make_case(name="")
    with pytest.raises(CasebookError, match="a case needs the provider's name; the change was not saved"):
        casebook.update(stored.id, nameless, 1)
    assert casebook.get(stored.id).case.provider.name == "Toy Primary School"
    assert casebook.get(stored.id).version == 1 and len(casebook.history(stored.id)) == 1
    with pytest.raises(CasebookError, match="the provider's name"):
        casebook.add(nameless)


def test_redo_puts_back_what_undo_took_and_a_new_change_ends_redo(casebook):
    from inspectorate.casebook import NothingToRedo

    added = casebook.add(make_case())
    a = attrs.evolve(added, judgements=[Judgement("teaching", "weak")])
    b = attrs.evolve(a, provider=attrs.evolve(a.provider, name="Renamed"))
    v = casebook.update(added.id, a, 1, what="judgement").version
    v = casebook.update(added.id, b, v, what="provider").version
    with pytest.raises(NothingToRedo):
        casebook.redo(added.id, v)
    assert [e.what for e in casebook.next_undo(added.id)] == ["provider.name"]
    v = casebook.undo(added.id, v).version
    v = casebook.undo(added.id, v).version
    assert casebook.get(added.id).case == added
    assert [e.what for e in casebook.next_redo(added.id)] == ["judgements.teaching"]
    redone = casebook.redo(added.id, v)
    assert redone.case == a
    assert casebook.history(added.id)[0].label == "redo judgement"
    redone = casebook.redo(added.id, redone.version)
    assert redone.case == b
    with pytest.raises(NothingToRedo):
        casebook.redo(added.id, redone.version)
    # Undo walks back through the redone changes, and a new change ends what redo could do.
    v = casebook.undo(added.id, redone.version).version
    assert casebook.get(added.id).case == a and casebook.history(added.id)[0].label == "undo provider"
    v = casebook.update(added.id, attrs.evolve(a, evidence=[Evidence("a", "b", "c")]), v).version
    assert casebook.next_redo(added.id) == []
    with pytest.raises(NothingToRedo, match="nothing to redo"):
        casebook.redo(added.id, v)
    assert casebook.undo(added.id, v).case == a
    assert casebook.undo(added.id, v + 1).case == added


def test_redo_of_an_undone_archive_archives_again(casebook):
    added = casebook.add(make_case())
    archived = casebook.archive(added.id, 1)
    restored = casebook.undo(added.id, archived.version)
    assert casebook.redo(added.id, restored.version).archived is True
