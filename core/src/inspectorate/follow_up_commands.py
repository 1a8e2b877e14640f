"""``inspectorate agenda`` and ``inspectorate calendar``: follow-up across the casebook.

Built from the CLI module's own helpers (passed in, so this works when the CLI runs as
``python -m inspectorate.cli`` too) and attached to its group in one line.
"""

from __future__ import annotations

from pathlib import Path

import click

from inspectorate.i18n import core_words


def commands(cli) -> list[click.Command]:
    """The commands, made with ``cli``'s options and helpers."""

    @click.command()
    @cli.casebook_option
    @click.option("--from", "start", help="List the events due from this day (YYYY-MM-DD); overdue ones are always listed.")
    @click.option("--to", "end", help="List the events due up to this day (YYYY-MM-DD).")
    @click.option("--today", help="Date to judge due and overdue against (YYYY-MM-DD); default today.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @cli.tolerate_option
    @click.pass_context
    def agenda(ctx, start, end, today, as_json, tolerate):
        """Every open follow-up deadline and window in the casebook, overdue first, then week by week.

        A case whose plugin failed is listed as incomplete (JSON: "incomplete") and the exit
        status is 3, unless --tolerate-plugin-errors.
        """
        import datetime as dt

        from inspectorate.agenda import casebook_agenda

        day = cli._date(today, "--today") or dt.date.today()
        first, last = cli._date(start, "--from"), cli._date(end, "--to")
        if first and last and first > last:
            _ = core_words()
            raise click.BadParameter(_("{end} is before --from {start}", end=end, start=start), param_hint="--to")
        host = cli._host(ctx)
        with cli._casebook(ctx) as casebook:
            found = casebook_agenda(host, casebook, day, first, last)
        if as_json:
            cli._print_json(found.to_json())
        else:
            _print_agenda(found)
        if found.incomplete and not tolerate:
            ctx.exit(cli.EXIT_PLUGIN_ERROR)

    @click.command()
    @cli.casebook_option
    @click.argument("case_file", required=False, type=click.Path(exists=True, dir_okay=False))
    @click.option("-o", "--output", required=True, type=click.Path(), help=f"The .ics file to write (a new file unless {cli.FORCE}).")
    @cli.force_option
    @cli.tolerate_option
    @click.pass_context
    def calendar(ctx, case_file, output, force, tolerate):
        """Follow-up events as an iCalendar file: of CASE_FILE, or of every case in the casebook.

        Each event keeps its UID from one export to the next, so importing a newer file updates
        the calendar's events rather than adding them twice. When a plugin failed, the events it
        would have given are missing: stderr says "incomplete" and the exit status is 3, unless
        --tolerate-plugin-errors.
        """
        from inspectorate.exchange import export_case, export_cases, exporter_for

        host = cli._host(ctx)
        target = Path(output)
        if target.suffix.lower() != ".ics":
            _ = core_words()
            raise click.BadParameter(_("{output}: an iCalendar file ends in .ics", output=output), param_hint="-o")
        exporter_for(host, target)  # refused before any case is read if no plugin writes .ics
        cli._check_output(output, force, [case_file] if case_file else [])
        if case_file:
            cases = [cli._read_case(ctx, case_file)]
        else:
            with cli._casebook(ctx) as casebook:
                cases = [casebook.get(row.id).case for row in casebook.list_cases()]
        _ = core_words()
        lacking = [_("incomplete: {provider}: no loaded plugin provides framework '{framework}'; its events are not in the file",
                     provider=c.provider.name, framework=c.framework)
                   for c in cases if host.framework(c.framework) is None]
        with host.watch() as problems:
            if case_file:
                export_case(host, cases[0], target, replace=force)
            else:
                export_cases(host, cases, target, replace=force)
        for line in lacking:
            click.echo(f"inspectorate: {line}", err=True)
        count = len(cases) - len(lacking)
        click.echo(_.plural("wrote the follow-up events of {count} case to {output}",
                            "wrote the follow-up events of {count} cases to {output}", count, output=output))
        cli._incomplete(ctx, problems, tolerate)
        if lacking and not tolerate:
            ctx.exit(cli.EXIT_PLUGIN_ERROR)

    return [agenda, calendar]


def _print_agenda(found) -> None:
    from inspectorate.agenda import AgendaItem
    from inspectorate.wording import short_word, window_text

    _ = core_words()

    def show(item: AgendaItem) -> None:
        event = item.event
        when = window_text(event)
        click.echo(f"  {when:<24} {short_word(event.status):<9} {item.provider}: {event.title}")
        where = _("case {case} ({framework}); source: {citation}", case=item.case_id, framework=item.framework,
                  citation=event.citation)
        click.echo(f"  {'':<24} {where}")

    for case in found.incomplete:
        for reason in case.reasons:
            click.echo(_("{provider} (case {case}): {reason}", provider=case.provider, case=case.case_id, reason=reason))
    if not found.items:
        click.echo(_("No open follow-up deadlines or windows.") if not found.incomplete
                   else _("No open follow-up deadlines or windows among the cases whose rules ran."))
    if found.overdue:
        click.echo(_("Overdue"))
        for item in found.overdue:
            show(item)
    for week in found.weeks:
        click.echo(_("Week {week}, beginning Monday {monday}", week=week.iso_week, monday=week.monday.isoformat()))
        for item in week.items:
            show(item)
