"""Sane limits on a TOML file, checked before it is parsed.

``tomllib`` builds a table for every part of a dotted key and recurses into every nested array, so a
40 KB file holding one key of 20,000 parts takes seconds and gigabytes, and deep nesting ends in
"maximum recursion depth exceeded". No case or school-terms file a person writes comes near these
limits; a file past one is refused at once, naming the line, before ``tomllib`` sees it.

The scan knows just enough TOML to tell keys from values: strings and comments are skipped, a dot
counts as a key part only where a key is written (before ``=``, in a ``[table]`` header, or after
``{`` or ``,`` in an inline table).
"""

from __future__ import annotations

import re

from attrs import frozen

#: Bytes in one file: a case with hundreds of evidence notes is well under a megabyte.
MAX_BYTES = 5_000_000
#: Parts in one dotted key or table header (``a.b.c`` has three); the deepest the case files use is four.
MAX_KEY_PARTS = 12
#: Arrays and inline tables inside one another.
MAX_NESTING = 24
#: Characters in one quoted key.
MAX_KEY_CHARS = 200

_TOKEN = re.compile(r'"""|\'\'\'|"|\'|#|[\[\]{}=.,\n]')
_BASIC = re.compile(r'(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"[^'\n]*'")
_MULTI_BASIC = re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.S)
_MULTI_LITERAL = re.compile(r"(?:[^']|'(?!''))*'''", re.S)


@frozen
class Limit:
    """A file past a limit: the 1-based line where it was found, and what is wrong in words."""

    line: int | None
    message: str


def too_big(size: int) -> Limit | None:
    if size > MAX_BYTES:
        return Limit(None, f"the file is {size:,} bytes, more than the {MAX_BYTES:,} a file may be")
    return None


def past_limits(text: str) -> Limit | None:
    """The first limit ``text`` goes past, or None. Runs in time proportional to what it scans."""
    if (found := too_big(len(text))) is not None:
        return found
    line, pos = 1, 0
    stack: list[str] = []
    in_key, header, parts = True, False, 1
    while (match := _TOKEN.search(text, pos)) is not None:
        token, pos = match.group(), match.end()
        if token in ('"', "'", '"""', "'''"):
            pattern = {'"': _BASIC, "'": _LITERAL, '"""': _MULTI_BASIC, "'''": _MULTI_LITERAL}[token]
            end = pattern.match(text, pos)
            if end is None:
                return None  # unterminated: tomllib says where
            if in_key and end.end() - pos > MAX_KEY_CHARS:
                return Limit(line, f"a quoted key is longer than {MAX_KEY_CHARS} characters")
            line += text.count("\n", pos, end.end())
            pos = end.end()
        elif token == "#":
            newline = text.find("\n", pos)
            pos = len(text) if newline < 0 else newline
        elif token == "\n":
            line += 1
            if not stack:  # a new line at the top level starts a key (arrays may span lines)
                in_key, header, parts = True, False, 1
        elif token == ".":
            if in_key:
                parts += 1
                if parts > MAX_KEY_PARTS:
                    return Limit(line, f"a key has more than {MAX_KEY_PARTS} dotted parts")
        elif token == "=":
            in_key = False
        elif token == "[" and in_key and not stack and not header:
            header = True  # a [table] or [[array of tables]] header: a key
            if text.startswith("[", pos):
                pos += 1
        elif token == "]" and header:
            header, in_key = False, False
            if text.startswith("]", pos):
                pos += 1
        elif token in "[{":
            stack.append(token)
            if len(stack) > MAX_NESTING:
                return Limit(line, f"values are nested more than {MAX_NESTING} deep")
            in_key, parts = token == "{", 1
        elif token in "]}":
            if stack:
                stack.pop()
            in_key = False
        elif token == "," and stack and stack[-1] == "{":
            in_key, parts = True, 1
    return None
