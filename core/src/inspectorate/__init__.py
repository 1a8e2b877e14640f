"""inspectorate: the core of the inspectors' casebook.

Plugin authors need only this::

    from inspectorate import hookimpl

The core never imports Textual; the terminal app lives in ``inspectorate_tui``.
"""

import pluggy

__version__ = "0.1.0"

#: Version of the hook API. Hooks change additively within a major version:
#: a plugin written for 1.x keeps working on every later 1.y.
HOOK_API_VERSION = "1.4"

PROJECT_NAME = "inspectorate"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

__all__ = ["HOOK_API_VERSION", "PROJECT_NAME", "__version__", "hookimpl", "hookspec"]
