"""``--lang en|cy`` on every command, and the language spoken before each one runs.

Given once, to the whole command tree, after every command is attached (the core's, and those a
front end contributes), so no command can be without it. The language chosen is the nearest
``--lang`` (``inspectorate --lang cy evaluate ...`` or ``inspectorate evaluate ... --lang cy``), else
``language`` in ``config.toml``, else English.

A command that already takes ``--lang`` for its own purpose (``report``: the report's language)
keeps its option; the language it is given is spoken too.
"""

from __future__ import annotations

import functools

import click

from inspectorate import i18n

#: Where a ``--lang`` given on the command line is kept (``ctx.meta`` is shared by the whole chain).
_GIVEN = "inspectorate.language"
PARAM = "lang"


def _remember(ctx: click.Context, _param, value: str | None) -> None:
    if value is not None:
        ctx.meta[_GIVEN] = value.lower()


def lang_option() -> click.Option:
    """The ``--lang`` a command is given: a choice of :data:`inspectorate.i18n.LANGUAGES`."""
    return click.Option(
        ["--lang"],
        type=click.Choice(list(i18n.LANGUAGES), case_sensitive=False),
        expose_value=False,
        is_eager=True,  # read before the other options, so their errors can be told in it
        callback=_remember,
        help="Language of the output: " + ", ".join(f"{k} ({v})" for k, v in i18n.LANGUAGES.items())
        + " (default: language in config.toml, else en).",
    )


def given_language(ctx: click.Context) -> str | None:
    """The ``--lang`` given on the command line, at any level of the command chain; None if none was."""
    own = ctx.params.get(PARAM)
    return i18n.checked_language(own) if own else ctx.meta.get(_GIVEN)


def chosen_language(ctx: click.Context) -> str:
    """The nearest ``--lang``, else ``language`` in config.toml, else English."""
    own = ctx.params.get(PARAM)  # a command's own --lang (report)
    if own:
        return i18n.checked_language(own)
    if ctx.meta.get(_GIVEN):
        return ctx.meta[_GIVEN]
    from inspectorate.casebook.settings import language_setting

    return language_setting() or i18n.SOURCE_LANGUAGE


def _speaking_first(command: click.Command) -> None:
    callback = command.callback
    if callback is None or getattr(callback, "_speaks", False):
        return

    @functools.wraps(callback)
    def speak_then_run(*args, **kwargs):
        ctx = click.get_current_context()
        leaf = not isinstance(command, click.Group) or ctx.invoked_subcommand is None
        if leaf or ctx.meta.get(_GIVEN):  # a group before its subcommand: that one decides
            i18n.set_language(chosen_language(ctx))
        return callback(*args, **kwargs)

    speak_then_run._speaks = True  # type: ignore[attr-defined]
    command.callback = speak_then_run


def speak_everywhere(command: click.Command) -> None:
    """Give ``command`` and every command under it ``--lang``, spoken before each runs."""
    if not any(param.name == PARAM for param in command.params):
        command.params.append(lang_option())
    _speaking_first(command)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            speak_everywhere(sub)


def every_command(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    """``command`` and all under it, each with the words that run it (``("casebook", "status")``)."""
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += every_command(sub, (*path, name))
    return found
