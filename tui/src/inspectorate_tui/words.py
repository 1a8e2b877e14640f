"""The app's own words in the language spoken: the ``inspectorate_tui`` gettext catalogue.

``_`` translates at the moment it is called, in the language spoken then (``i18n.language()``),
so a screen built after ``set_language`` speaks it, and a test can speak Welsh in one block and
English in the next. Words declared before the language is known (key bindings, tab titles,
column headings, help texts) are marked ``N_("...")`` and translated where shown, ``_(text)``.
"""

from __future__ import annotations

from inspectorate import i18n
from inspectorate.i18n import N_ as N_  # the one marker; modules here import it from this module

APP = i18n.MessageCatalogue("inspectorate_tui", "inspectorate_tui")


class AppWords:
    """The app's translation function, following the language spoken at each call."""

    def __call__(self, message: str, /, **params: object) -> str:
        if not message:  # gettext's "" is the catalogue's header, never a word to show
            return message
        return i18n.words_of(APP)(message, **params)

    def plural(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        return i18n.words_of(APP).plural(singular, plural, count, **params)

    def context(self, context: str, message: str, /, **params: object) -> str:
        return i18n.words_of(APP).context(context, message, **params)


_ = AppWords()


def language_name(code: str) -> str:
    """A language as its own speakers name it (``cy`` -> Cymraeg), as every chooser lists it."""
    return i18n.LANGUAGES.get(code, code)
