"""``inspectorate casebook status|migrate|copy``: looking after a casebook, on a file or a server."""

from __future__ import annotations

import click


@click.group()
def casebook() -> None:
    """Look after a casebook (a file, or a postgresql:// URL): schema, migrations, copies."""


def _place(ctx: click.Context):
    from inspectorate.cli import _casebook_path

    return _casebook_path(ctx)


@casebook.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """The casebook's schema and what migrating it would do (changes nothing)."""
    from inspectorate.casebook import SCHEMA_VERSION
    from inspectorate.casebook.upkeep import status as find

    found = find(_place(ctx))
    click.echo(f"casebook: {found.place}")
    if found.found is None:
        click.echo(f"schema: none yet (this inspectorate writes schema {SCHEMA_VERSION}); `inspectorate casebook migrate` makes it")
    elif not found.steps:
        click.echo(f"schema: {found.found}, up to date")
    else:
        click.echo(f"schema: {found.found}, this inspectorate writes {SCHEMA_VERSION}; migrating would:")
    for version, what in found.steps:
        click.echo(f"  {version}: {what}")


@casebook.command()
@click.pass_context
def migrate(ctx: click.Context) -> None:
    """Bring the casebook to this inspectorate's schema (making it when there is none)."""
    from inspectorate.casebook import SCHEMA_VERSION
    from inspectorate.casebook.upkeep import migrate as run

    before = run(_place(ctx))
    if not before.steps:
        click.echo(f"{before.place}: already at schema {SCHEMA_VERSION}; nothing to do")
        return
    start = "a new casebook" if before.found is None else f"schema {before.found}"
    click.echo(f"{before.place}: migrated from {start} to schema {SCHEMA_VERSION}:")
    for version, what in before.steps:
        click.echo(f"  {version}: {what}")


@casebook.command()
@click.argument("source")
@click.argument("destination")
def copy(source: str, destination: str) -> None:
    """Copy every case, its history and audit trail from SOURCE to a new casebook DESTINATION
    (each a file path or a postgresql:// URL), then check nothing was lost."""
    from inspectorate.casebook.upkeep import copy as run

    done = run(source, destination)
    click.echo(f"copied {done.cases} cases and {done.audit_rows} audit rows from {done.source} to {done.destination}")
    click.echo("checked: both hold the same cases and audit rows, row for row")
