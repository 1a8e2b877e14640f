"""The team's roles, as ``docs/team-casebook.md`` writes them: every SQL statement of that page is
run here as written, on a throwaway cluster, then the roles are used as a team would use them. The
page and the test cannot drift apart: the SQL is read from the page.

The schema's owner migrates; a team inspector reads and edits, and a change is by them; a
quality-assurance reader reads everything and any edit is refused in words; neither changes the
tables themselves. A casebook whose tables were made before the roles is granted with the page's
statements for that. The service file and libpq's variables of the page reach the casebook.
"""

from __future__ import annotations

import re

import attrs
import pytest
from inspectorate.casebook import Casebook, CasebookError
from inspectorate.model import Case, Judgement, Provider
from inspectorate.testing import toy

from tests.support import ROOT

PAGE = ROOT / "docs" / "team-casebook.md"


def page_sql() -> list[str]:
    """The page's ```sql blocks, in order: the schema and roles, the people, the older tables."""
    blocks = re.findall(r"^```sql\n(.*?)^```", PAGE.read_text(encoding="utf-8"), flags=re.S | re.M)
    assert len(blocks) == 3, f"{PAGE.name} should hold three sql blocks, found {len(blocks)}"
    return blocks


def make_case(name: str = "Toy Primary School") -> Case:
    return Case(Provider(name=name, sector="school", nation="scotland"), toy.REGIME_ID, toy.FRAMEWORK_ID,
                judgements=[Judgement("teaching", "sound")])  # fmt: skip


def as_role(cluster, role: str, database: str = "team") -> str:
    return f"postgresql://{role}@/{database}?host={cluster.socket}"


@pytest.fixture(scope="module")
def made():
    return {}


@pytest.fixture
def team(postgres, made):
    """The page's database ``team``, its schema and roles made as written, then migrated by its
    owner with ``inspectorate casebook migrate`` (once per cluster; ``made`` keeps what it said)."""
    if "migrate" not in made:
        from inspectorate.testing.command import TOY, run_cli

        setup, people, _ = page_sql()
        postgres.psql("CREATE DATABASE team")
        postgres.psql(setup, database="team")
        postgres.psql(people, database="team")
        made["migrate"] = run_cli("casebook", "migrate", "--casebook", as_role(postgres, "casebook_owner"), plugins=TOY)
    return postgres


def test_the_owner_migrates_and_the_team_reads_and_edits_with_who_made_each_change(team, made):
    migrated = made["migrate"]
    assert migrated.returncode == 0, migrated.stderr
    assert "migrated from a new casebook to schema" in migrated.stdout
    owners = team.psql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'casebook'", database="team")
    assert owners.split() == ["casebook_owner"]  # in the schema the search path names

    with Casebook.open(as_role(team, "ann")) as ann:
        added = ann.add(make_case())
        stored = ann.get(added.id)
        changed = ann.update(added.id, attrs.evolve(stored.case, judgements=[Judgement("wellbeing", "sound")]), stored.version)
        assert changed.version == 2
        assert {entry.who for entry in ann.history(added.id)} == {"ann"}  # her database role
    with pytest.raises(RuntimeError, match="must be owner of table cases"):
        team.psql("DROP TABLE cases", database="team", user="ann")


def test_the_quality_assurance_reader_reads_everything_and_any_edit_is_refused_in_words(team, toy_cli):
    with Casebook.open(as_role(team, "casebook_owner"), who="ann") as book:
        if book.count() == 0:  # this test may run alone
            book.add(make_case())
        expected = {row.id: row.provider for row in book.list_cases()}
        case_id = next(iter(expected))
        history = [e.who for e in book.history(case_id)]
        version = book.get(case_id).version
    with Casebook.open(as_role(team, "quentin"), who="Quentin") as reader:
        assert {row.id: row.provider for row in reader.list_cases()} == expected
        assert [e.who for e in reader.history(case_id)] == history
        stored = reader.get(case_id)
        new = attrs.evolve(stored.case, judgements=[Judgement("teaching", "strong")])
        with pytest.raises(CasebookError, match=r"you can read the casebook on .* but not change it.*nothing was saved"):
            reader.update(case_id, new, stored.version)
        with pytest.raises(CasebookError, match="but not change it"):
            reader.add(make_case("Another"))
    with Casebook.open(as_role(team, "ann")) as ann:
        assert ann.get(case_id).version == version and len(ann.list_cases()) == len(expected)
    status = toy_cli("casebook", "status", "--casebook", as_role(team, "quentin"))
    assert status.returncode == 0 and "up to date" in status.stdout, status.stderr


def test_a_casebook_made_before_the_roles_is_granted_with_the_pages_statements(team):
    *_, older_tables = page_sql()
    team.psql("CREATE DATABASE older")
    team.psql("CREATE SCHEMA casebook; ALTER DATABASE older SET search_path = casebook", database="older")
    from inspectorate.casebook.store import open_backend

    open_backend(as_role(team, "inspectorate", "older"), migrate=True).dispose()  # tables by the superuser
    for role in ("ann", "quentin"):  # not theirs yet: told so, not that there is no casebook
        with pytest.raises(CasebookError, match=rf"the role {role} may not read the casebook on postgresql://{role}@/older"):
            Casebook.open(as_role(team, role, "older"))
    team.psql(older_tables, database="older")
    with Casebook.open(as_role(team, "ann", "older")) as ann:
        added = ann.add(make_case())
    with Casebook.open(as_role(team, "quentin", "older")) as reader:
        assert reader.get(added.id).case.provider.name == "Toy Primary School"
        with pytest.raises(CasebookError, match="but not change it"):
            reader.add(make_case("Another"))


def test_a_service_file_and_libpqs_variables_reach_the_casebook(team, toy_cli, tmp_path):
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team-casebook]\nhost={team.socket}\ndbname=team\nuser=ann\n")
    with Casebook.open(as_role(team, "ann")) as ann:
        ann.add(make_case("Toy Service School"))
    by_service = toy_cli("--casebook", "postgresql:///?service=team-casebook", "list", env={"PGSERVICEFILE": str(services)})
    assert by_service.returncode == 0, by_service.stderr
    assert "Toy Service School" in by_service.stdout
    by_variables = toy_cli("--casebook", "postgresql://", "list",
                       env={"PGHOST": str(team.socket), "PGDATABASE": "team", "PGUSER": "quentin"})  # fmt: skip
    assert by_variables.returncode == 0, by_variables.stderr
    assert by_variables.stdout == by_service.stdout
