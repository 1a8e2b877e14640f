"""``inspectorate import`` and ``inspectorate export``: cases into and out of the casebook, one
or many at once (a folder of case files, a many-case file, a spreadsheet a plugin reads)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from inspectorate.cli import EXIT_ERROR, FORCE, _casebook, _check_output, _host, casebook_option, force_option
from inspectorate.i18n import core_words

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar  # what click.progressbar returns


class TerminalProgress:
    """A progress bar on stderr, made when the first count (and so the total) arrives; none
    where stderr is not a terminal, so logs and pipes get only the summary."""

    def __init__(self, label: str):
        self.label = label
        self.bar: ProgressBar[int] | None = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("import")
@casebook_option
@click.argument("source", type=click.Path(exists=True))
@click.option("--format", "format_id", metavar="ID",
              help="Read the file as the format of this importer id instead of by its extension and header.")
@click.pass_context
def import_cases(ctx: click.Context, source: str, format_id: str | None) -> None:
    """Add cases to the casebook from SOURCE: a case file, a folder of case files, a many-case
    file, or a spreadsheet a plugin reads (recognised by its header, or named with --format).

    Case files are all or none: if any has an error, every error is shown, nothing is added and
    the exit status is 1. A spreadsheet's rows that cannot be cases are refused, each listed with
    its row number and reason after the summary line; the others are added together, and the exit
    status is 1 when any row was refused (0 only when every row was imported), so a script sees
    that the casebook does not hold the whole file.
    """
    from inspectorate.importing import read_for_import, store

    host = _host(ctx)
    path = Path(source)
    _ = core_words()
    reading, storing = TerminalProgress(_("reading")), TerminalProgress(_("storing"))
    try:
        read = read_for_import(host, path, format_id, reading)
    finally:
        reading.close()
    with _casebook(ctx) as casebook:
        try:
            imported = store(casebook, host, read, source, storing)
        finally:
            storing.close()
    if len(imported.ids) == 1 and read.rows == 1:
        case = read.cases[0]
        click.echo(_("imported {id}: {provider} ({framework})", id=imported.ids[0], provider=case.provider.name,
                     framework=case.framework))
    for note in read.amended:
        click.echo("  " + _("row {row}: {reason}", row=note.row, reason=note.reason))
    click.echo(imported.summary())
    for note in read.refused:
        click.echo("  " + _("row {row}: {reason}", row=note.row, reason=note.reason))
    if read.refused:
        ctx.exit(EXIT_ERROR)


def _is_folder(output: str) -> bool:
    """A folder is an existing one, or a name ending in a slash or without an extension."""
    path = Path(output)
    return path.is_dir() or output.endswith(("/", "\\")) or not path.suffix


@click.command("export")
@casebook_option
@click.argument("case_ids", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every case of the casebook (archived ones too).")
@click.option("-o", "--output", required=True, type=click.Path(),
              help=f"A file (.toml: one case file, or a many-case file for several cases) or a folder, "
                   f"one case file per case (new files unless {FORCE}).")
@force_option
@click.pass_context
def export_cases(ctx: click.Context, case_ids: tuple[str, ...], every: bool, output: str, force: bool) -> None:
    """Write cases of the casebook to a file or a folder: CASE_ID..., or --all."""
    from inspectorate.exchange import export_case, export_to_folder, exporter_for
    from inspectorate.exchange import export_cases as export_many

    _ = core_words()
    if every == bool(case_ids):
        raise click.UsageError(_("give the ids of the cases to export, or --all"))
    host = _host(ctx)
    folder = _is_folder(output)
    if not folder:
        exporter_for(host, Path(output))  # an unknown format is refused before the casebook is read
        _check_output(output, force)
    with _casebook(ctx) as casebook:
        ids = [row.id for row in casebook.list_cases(include_archived=True)] if every else list(case_ids)
        cases = [casebook.get(case_id).case for case_id in ids]
    if folder:
        written = export_to_folder(host, cases, Path(output), replace=force)
        click.echo(_.plural("exported {count} case to {output}", "exported {count} cases to {output}", len(written), output=output))
    elif len(cases) == 1 and not every:
        export_case(host, cases[0], Path(output), replace=force)
        click.echo(_("exported {id} to {output}", id=ids[0], output=output))
    else:
        export_many(host, cases, Path(output), replace=force)
        click.echo(_.plural("exported {count} case to {output}", "exported {count} cases to {output}", len(cases), output=output))


def attach(group: click.Group) -> None:
    for command in (import_cases, export_cases):
        group.add_command(command)
