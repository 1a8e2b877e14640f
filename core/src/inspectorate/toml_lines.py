"""Where each key of a TOML document is written: the line numbers tomllib does not give.

tomllib returns plain dicts and lists, so an error found after parsing ("unknown key", "not a
grade") cannot say where the person should look. :func:`key_lines` scans the source once more,
lightly, and records the line of every key path it sees:

- ``[table]`` and ``[[array]]`` headers, counting the n-th occurrence of an array of tables, and
  nested ones (``[[recommendations.progress]]`` belongs to the latest ``[[recommendations]]``);
- ``key = value`` and dotted ``a.b = value`` lines;
- keys inside inline tables and items of arrays, including arrays spread over several lines.

A path is a tuple of keys and list indexes, as the parsed data would be walked:
``("evidence", 2, "kind")``. The scanner is forgiving: it is meant for documents tomllib has
already read (or for finding the key on the line of a syntax error), and never raises.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import tomllib
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = frozenset(",]}#\n")


class KeyLines:
    """Line numbers (1-based) of the key paths of one document."""

    def __init__(self, lines: dict[Path, int]):
        self._lines = lines

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, else of its nearest recorded parent (the table header of a
        missing key), else None."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None

    def key_at(self, line: int) -> Path | None:
        """The deepest key path written on ``line`` (used to name the key of a syntax error)."""
        here = [p for p, n in self._lines.items() if n == line]
        return max(here, key=len) if here else None

    def __contains__(self, path: object) -> bool:
        return path in self._lines


def key_name(path: Sequence[str | int]) -> str:
    """``("evidence", 2, "kind")`` -> ``evidence[2].kind``; keys that need quotes get them."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if _BARE_KEY.fullmatch(part) else _quoted(part)
            out += f".{text}" if out else text
    return out


def _quoted(key: str) -> str:
    """A key as a TOML basic string, control characters escaped: a key holding newlines stays one line."""
    escaped = "".join(
        "\\" + ch if ch in '"\\' else ch if ch.isprintable() else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
        for ch in key
    )
    return f'"{escaped}"'


def key_lines(source: str) -> KeyLines:
    """Scan ``source`` and return where each key path is written."""
    scanner = _Scanner(source)
    with contextlib.suppress(Exception):  # a best effort: keep whatever was found before the scanner got lost
        scanner.document()
    return KeyLines(scanner.lines)


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.lines: dict[Path, int] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        #: For each array of tables (its resolved path), how many items have been opened so far.
        self._arrays: dict[Path, int] = {}

    # -- helpers ---------------------------------------------------------------------------------

    def line_at(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos)

    def _char(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _skip(self, chars: str) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in chars:
            self.pos += 1

    def _skip_blank(self) -> None:
        """Skip whitespace, newlines and comments (between items of a multi-line array)."""
        while self.pos < len(self.text):
            self._skip(" \t\r\n")
            if self._char() == "#":
                self._to_end_of_line()
            else:
                return

    def _to_end_of_line(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end

    def _record(self, path: Path, line: int, overwrite: bool = True) -> None:
        if overwrite:
            self.lines[path] = line
        else:
            self.lines.setdefault(path, line)

    # -- the document ----------------------------------------------------------------------------

    def document(self) -> None:
        table: Path = ()
        while True:
            self._skip_blank()
            if self.pos >= len(self.text):
                return
            start = self.pos
            if self.text.startswith("[[", self.pos):
                table = self._header(array=True)
            elif self._char() == "[":
                table = self._header(array=False)
            else:
                self._keyval(table)
            if self.pos == start:  # garbage: never loop on it
                self.pos += 1

    def _header(self, array: bool) -> Path:
        line = self.line_at(self.pos)
        self.pos += 2 if array else 1
        keys = self._keys()
        self._to_end_of_line()
        path: Path = ()
        for i, key in enumerate(keys):
            path += (key,)
            if array and i == len(keys) - 1:
                count = self._arrays.get(path, 0)
                self._arrays[path] = count + 1
                self._record(path, line, overwrite=False)
                path += (count,)
            elif path in self._arrays:
                path += (self._arrays[path] - 1,)
            else:
                self._record(path, line, overwrite=False)
        self._record(path, line)
        return path

    def _keys(self) -> list[str]:
        """A (possibly dotted) key: bare, "basic" or 'literal' parts."""
        keys: list[str] = []
        while True:
            self._skip(" \t")
            char = self._char()
            if char in "\"'":
                start = self.pos
                self._string()
                raw = self.text[start : self.pos]
                try:
                    keys.append(tomllib.loads(f"k = {raw}")["k"])
                except tomllib.TOMLDecodeError:
                    keys.append(raw.strip("\"'"))
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if not match:
                    return keys
                keys.append(match.group())
                self.pos = match.end()
            self._skip(" \t")
            if self._char() != ".":
                return keys
            self.pos += 1

    def _keyval(self, base: Path) -> None:
        line = self.line_at(self.pos)
        keys = self._keys()
        if not keys:
            self._to_end_of_line()
            return
        for i in range(1, len(keys)):
            self._record(base + tuple(keys[:i]), line, overwrite=False)
        path = base + tuple(keys)
        self._record(path, line)
        self._skip(" \t")
        if self._char() != "=":
            self._to_end_of_line()
            return
        self.pos += 1
        self._value(path)

    # -- values ----------------------------------------------------------------------------------

    def _value(self, path: Path) -> None:
        self._skip(" \t")
        char = self._char()
        if char in "\"'":
            self._string()
        elif char == "{":
            self._inline_table(path)
        elif char == "[":
            self._array(path)
        else:  # numbers, booleans, dates: up to the next delimiter
            start = self.pos
            while self.pos < len(self.text) and self.text[self.pos] not in _SCALAR_END:
                self.pos += 1
            if self.pos == start and char not in _SCALAR_END:
                self.pos += 1

    def _inline_table(self, path: Path) -> None:
        self.pos += 1
        while self.pos < len(self.text):
            self._skip_blank()
            char = self._char()
            if char == "}":
                self.pos += 1
                return
            start = self.pos
            if char == ",":
                self.pos += 1
            else:
                self._keyval(path)
            if self.pos == start:
                self.pos += 1

    def _array(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while self.pos < len(self.text):
            self._skip_blank()
            char = self._char()
            if char == "]":
                self.pos += 1
                return
            start = self.pos
            if char == ",":
                self.pos += 1
                index += 1
            else:
                self._record(path + (index,), self.line_at(self.pos))
                self._value(path + (index,))
            if self.pos == start:
                self.pos += 1

    def _string(self) -> None:
        quote = self._char()
        triple = self.text.startswith(quote * 3, self.pos)
        escapes = quote == '"'
        self.pos += 3 if triple else 1
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if escapes and char == "\\":
                self.pos += 2
            elif triple and self.text.startswith(quote * 3, self.pos):
                self.pos += 3
                # up to two quotes may sit just inside the closing delimiter: """a "quote"""""
                for _ in range(2):
                    if self._char() == quote:
                        self.pos += 1
                return
            elif not triple and char == quote:
                self.pos += 1
                return
            elif not triple and char == "\n":
                return
            else:
                self.pos += 1
