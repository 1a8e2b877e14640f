"""What the terminal app adds to the ``inspectorate`` command line, through the
``inspectorate.front_ends`` entry point: the app itself (``inspectorate`` with no command) and
``keys`` and ``serve``. The core's CLI names no front end; it takes what each installed one contributes.

Importing this module imports no Textual, so headless commands stay light.
"""

from __future__ import annotations

import json

import click


def run(casebook: str | None, demo: bool, lang: str | None = None) -> None:
    """Open the terminal app (``inspectorate`` with no command), speaking ``lang`` (``--lang cy``),
    else the language of the configuration file, else English."""
    from inspectorate.cli_language import given_language
    from inspectorate.i18n import UnknownLanguage, checked_language

    from inspectorate_tui.app import run as run_app

    context = click.get_current_context(silent=True)
    lang = lang or (given_language(context) if context else None)
    try:
        language = checked_language(lang) if lang else None
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint="'--lang'") from None
    run_app(casebook=casebook, demo=demo, language=language)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def keys(as_json: bool) -> None:
    """The terminal app's key bindings: id, keys (yours, else the default) and what each does."""
    from inspectorate_tui import config, keymap  # plain data modules: no Textual is imported

    settings = config.load_settings()
    for problem in settings.problems:
        click.echo(f"inspectorate: warning: {problem}", err=True)
    rows = [
        {
            "id": a.id,
            "keys": keymap.keys_for(a.id, settings.keymap),
            "default": a.keys,
            "where": a.scope,
            "description": a.description,
        }
        for a in keymap.ACTIONS
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(f"Rebind in the [keymap] table of {config.config_path()}")
    for row in rows:
        mark = "" if row["keys"] == row["default"] else f"  (default {row['default']})"
        click.echo(f"{row['id']:<28} {row['keys']:<14} {row['description']}{mark}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this machine's own warns: there is no login.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--public-url", metavar="URL",
              help="The address people open when a reverse proxy is in front (e.g. https://inspect.example.org).")
@click.option("--casebook", help="Use this casebook (a file, or a postgresql:// URL) instead of the default.")
@click.option("--demo", is_flag=True, help="Serve the sample cases (a throwaway casebook per browser unless --casebook).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, public_url: str | None, casebook: str | None, demo: bool) -> None:
    """Serve the terminal app in a browser: each browser gets an app of its own on the casebook.

    It has no login of its own: it listens on this machine only unless --host says otherwise;
    for a team, put it behind a reverse proxy that asks who people are (docs/team-casebook.md).
    """
    from inspectorate.casebook import resolve_casebook

    from inspectorate_tui import serving

    if not host.strip():
        raise click.BadParameter("give an address to listen on, such as 127.0.0.1", param_hint="'--host'")
    root = ctx.find_root().params  # `inspectorate --casebook F --demo serve` works as well
    chosen = casebook or root.get("casebook")
    demo = demo or bool(root.get("demo"))
    target = resolve_casebook(chosen) if chosen or not demo else None
    what = serving.served(target, demo, root.get("hook_budget"))
    if not demo:  # an unreachable server or a too-new schema is told now, not in each browser
        from inspectorate.casebook import Casebook

        with Casebook.open(target) as book:
            for notice in book.notices:
                click.echo(f"inspectorate: warning: {notice}", err=True)
    serving.check_free(host, port)
    warning = serving.unguarded_warning(host)
    if warning:
        click.echo(f"inspectorate: warning: {warning}", err=True)
    serving.serve(what, host, port, public_url, click.echo)


#: The commands this front end adds to ``inspectorate``.
COMMANDS = (keys, serve)
