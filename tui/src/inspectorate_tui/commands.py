"""What the terminal app adds to the ``inspectorate`` command line, through the
``inspectorate.front_ends`` entry point: the app itself (``inspectorate`` with no command) and
``keys``. The core's CLI names no front end; it takes what each installed one contributes.

Importing this module imports no Textual, so headless commands stay light.
"""

from __future__ import annotations

import json

import click


def run(casebook: str | None, demo: bool) -> None:
    """Open the terminal app (``inspectorate`` with no command)."""
    from inspectorate_tui.app import run as run_app

    run_app(casebook=casebook, demo=demo)


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


#: The commands this front end adds to ``inspectorate``.
COMMANDS = (keys,)
