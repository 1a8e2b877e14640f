"""``inspectorate casebook status|migrate|copy``: looking after a casebook, on a file or a server."""

from __future__ import annotations

import click

from inspectorate.i18n import core_words


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

    _ = core_words()
    found = find(_place(ctx))
    click.echo(_("casebook: {place}", place=found.place))
    if found.found is None:
        click.echo(_("schema: none yet (this inspectorate writes schema {version}); {command} makes it",
                     version=SCHEMA_VERSION, command="`inspectorate casebook migrate`"))
    elif not found.steps:
        click.echo(_("schema: {found}, up to date", found=found.found))
    else:
        click.echo(_("schema: {found}, this inspectorate writes {version}; migrating would:",
                     found=found.found, version=SCHEMA_VERSION))
    for version, what in found.steps:
        click.echo(f"  {version}: {what}")


@casebook.command()
@click.pass_context
def migrate(ctx: click.Context) -> None:
    """Bring the casebook to this inspectorate's schema (making it when there is none)."""
    from inspectorate.casebook import SCHEMA_VERSION
    from inspectorate.casebook.upkeep import migrate as run

    _ = core_words()
    before = run(_place(ctx))
    if not before.steps:
        click.echo(_("{place}: already at schema {version}; nothing to do", place=before.place, version=SCHEMA_VERSION))
        return
    if before.found is None:
        click.echo(_("{place}: migrated from a new casebook to schema {version}:", place=before.place, version=SCHEMA_VERSION))
    else:
        click.echo(_("{place}: migrated from schema {found} to schema {version}:",
                     place=before.place, found=before.found, version=SCHEMA_VERSION))
    for version, what in before.steps:
        click.echo(f"  {version}: {what}")


@casebook.command()
@click.argument("source")
@click.argument("destination")
def copy(source: str, destination: str) -> None:
    """Copy every case, its history and audit trail from SOURCE to a new casebook DESTINATION
    (each a file path or a postgresql:// URL), then check nothing was lost."""
    from inspectorate.casebook.upkeep import copy as run

    _ = core_words()
    done = run(source, destination)
    click.echo(_("copied {cases} cases and {rows} audit rows from {source} to {destination}",
                 cases=done.cases, rows=done.audit_rows, source=done.source, destination=done.destination))
    click.echo(_("checked: both hold the same cases and audit rows, row for row"))
