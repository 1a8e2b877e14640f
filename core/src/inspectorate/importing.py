"""Bringing cases into the casebook: one case file, a folder of them, a many-case file, or a
spreadsheet a plugin reads (an inspectorate's published outcomes).

Case files are all or none: if any file has a problem, every problem of every file is reported
(file, line and key) and nothing is imported. A spreadsheet of published data may refuse single
rows (each with its number and reason); the rows it accepts are stored together, in one
transaction, so an import is never left half done.
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from inspectorate.casefile import CaseFileError, Problem
from inspectorate.exchange import ManyRead, Progress, importer_for, read_case
from inspectorate.model import Case
from inspectorate.plugins import PluginHost


@frozen
class Imported:
    """What an import stored: the new ids, and what it read (its refused rows among them)."""

    ids: tuple[str, ...]
    read: ManyRead
    source: str

    def summary(self) -> str:
        """The line ending every import: how many imported and how many refused."""
        from inspectorate.i18n import core_words

        _ = core_words()
        refused = len(self.read.refused)
        if refused:
            return _.plural("imported {count} row, refused {refused}: ({source})",
                            "imported {count} rows, refused {refused}: ({source})",
                            len(self.ids), refused=refused, source=self.source)
        return _.plural("imported {count} row, refused 0 ({source})", "imported {count} rows, refused 0 ({source})",
                        len(self.ids), source=self.source)


def _quiet(done: int, total: int) -> None:
    pass


def read_for_import(
    host: PluginHost, path: Path, format_id: str | None = None, progress: Progress | None = None
) -> ManyRead:
    """Every case in ``path`` (a file, or a folder of case files), read and checked; nothing is stored.

    Raises :class:`CaseFileError` naming file, line and key when any case file has a problem, and
    :class:`~inspectorate.exchange.UnknownFormat` when no importer reads the file.
    """
    progress = progress or _quiet
    if path.is_dir():
        return _read_folder(host, path, progress)
    importer = importer_for(host, path, format_id)
    if importer.read_many is not None:
        return importer.read_many(path, host, progress)
    case = read_case(host, path)
    progress(1, 1)
    return ManyRead([case], rows=1)


def _read_folder(host: PluginHost, folder: Path, progress: Progress) -> ManyRead:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".toml" and p.is_file())
    if not files:
        raise CaseFileError([Problem(str(folder), None, "", "holds no case files (.toml)")])
    cases: list[Case] = []
    problems: list[Problem] = []
    for done, file in enumerate(files, 1):
        try:
            cases.extend(read_for_import(host, file).cases)
        except CaseFileError as error:
            problems.extend(error.problems)
        progress(done, len(files))
    if problems:  # every file's problems at once: one round of corrections is enough
        raise CaseFileError(problems)
    return ManyRead(cases, rows=len(cases))


def store(casebook, host: PluginHost, read: ManyRead, source: str, progress: Progress | None = None) -> Imported:
    """Store every case ``read`` holds in one transaction (all or none), each with its list columns."""
    from inspectorate.evaluation import summary

    progress = progress or _quiet
    total = len(read.cases)
    summarised = []
    for done, case in enumerate(read.cases, 1):
        summarised.append((case, summary(host, case)))
        if done % 50 == 0 or done == total:
            progress(done, total)
    ids = casebook.add_many(summarised) if summarised else []
    return Imported(tuple(ids), read, source)


def import_path(
    casebook, host: PluginHost, path: Path, format_id: str | None = None,
    reading: Progress | None = None, storing: Progress | None = None,
) -> Imported:
    """:func:`read_for_import` then :func:`store`."""
    read = read_for_import(host, path, format_id, reading)
    return store(casebook, host, read, str(path), storing)

