"""File formats a case can be read from and written to.

The case file (``inspectorate-case/1``, TOML) is the core's own format; plugins add others through
the ``register_importers`` and ``register_exporters`` hooks. The format is chosen by the file's
extension.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import field, frozen

from inspectorate.model import Case, _tuple
from inspectorate.plugins import PluginHost

#: ``(done, total)``: rows (or files) read so far, out of how many; called as reading goes on.
Progress = Callable[[int, int], None]


@frozen
class RowNote:
    """One row of a many-case file that could not become a case (or did, with something left out),
    and why: nothing is dropped unsaid."""

    #: The row's number as a spreadsheet shows it (the first row of the file is 1).
    row: int
    #: Why, in words: "no framework in force on 2016-03-01".
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@frozen
class ManyRead:
    """What a many-case importer made of a file: the cases, and the rows it refused."""

    #: Every case made, in the order of the file.
    cases: tuple[Case, ...] = field(converter=_tuple)
    #: Every row that could not become a case, with its number and why.
    refused: tuple[RowNote, ...] = field(default=(), converter=_tuple)
    #: Rows imported with a value left out (a publication date before the inspection), and why.
    amended: tuple[RowNote, ...] = field(default=(), converter=_tuple)
    #: How many rows (or files) were read, imported or refused.
    rows: int = 0


@frozen
class Importer:
    #: The format id.
    id: str
    #: The format's name as a person knows it.
    name: str
    #: The file name endings it reads (".csv").
    extensions: tuple[str, ...] = field(converter=_tuple)
    #: ``(path, host) -> Case``; raises CaseFileError naming file, line and key on bad input.
    #: None for a format that only ever holds many cases (then ``read_many`` is given).
    read: Callable[[Path, PluginHost], Case] | None = field(eq=False)
    #: ``(path, host, progress) -> ManyRead``, for formats that hold many cases and may refuse some
    #: rows (a spreadsheet of published outcomes): the cases read, the rows refused with their
    #: number and reason; ``progress(done, total)`` is called as rows are read. Raises
    #: CaseFileError when the file as a whole cannot be read. Since hook API 1.3.
    read_many: Callable[[Path, PluginHost, Progress], ManyRead] | None = field(default=None, eq=False)
    #: ``(path) -> bool``: whether the file is this format, by its content (a spreadsheet's
    #: header), when several importers read the same extension. Since hook API 1.3.
    recognises: Callable[[Path], bool] | None = field(default=None, eq=False)


@frozen
class Exporter:
    #: The format id.
    id: str
    #: The format's name as a person knows it.
    name: str
    #: The file name ending it writes (".csv").
    extension: str
    #: ``(case, path) -> None``: writes the case to ``path``, a new empty file that
    #: :func:`export_case` then moves into place by the rules of :mod:`inspectorate.files`.
    write: Callable[[Case, Path], None] = field(eq=False)
    #: ``(cases, path) -> None``: writes many cases (a whole casebook) to one file, under the same
    #: rules as ``write``; None where the format holds one case only. Since hook API 1.3.
    write_many: Callable[[Sequence[Case], Path], None] | None = field(default=None, eq=False)


class UnknownFormat(ValueError):
    pass


def _case_file_importer() -> Importer:
    from inspectorate.casefile import read_case_file, read_many_cases

    def read_many(path: Path, host: PluginHost, progress: Progress | None = None) -> ManyRead:
        cases = read_many_cases(path, host)  # all or none: a case file refuses no single case
        return ManyRead(cases, rows=len(cases))

    return Importer(id="case-file", name="inspectorate case file", extensions=[".toml"], read=read_case_file,
                    read_many=read_many)


def _case_file_exporter(host: PluginHost) -> Exporter:
    from inspectorate.casefile import case_file_text, many_cases_text

    def write(case: Case, path: Path) -> None:  # read back before it is written: an export always re-imports
        path.write_text(case_file_text(case, host), encoding="utf-8", newline="\n")

    def write_many(cases: Sequence[Case], path: Path) -> None:
        path.write_text(many_cases_text(cases, host), encoding="utf-8", newline="\n")

    return Exporter(id="case-file", name="inspectorate case file", extension=".toml", write=write, write_many=write_many)


def importers(host: PluginHost) -> list[Importer]:
    return [_case_file_importer(), *host.registered("register_importers")]


def exporters(host: PluginHost) -> list[Exporter]:
    return [_case_file_exporter(host), *host.registered("register_exporters")]


def importer_for(host: PluginHost, path: Path, format_id: str | None = None) -> Importer:
    """The importer named ``format_id``; else the one for the file's extension, and where several
    read it, the first that recognises the file's content (then the first with no such test)."""
    every = importers(host)
    if format_id is not None:
        for importer in every:
            if importer.id == format_id:
                return importer
        raise UnknownFormat(f"no importer is called {format_id!r} (known: {', '.join(i.id for i in every)})")
    suffix = path.suffix.lower()
    candidates = [i for i in every if suffix in i.extensions]
    for importer in candidates:
        if importer.recognises is not None and _recognised(importer, path):
            return importer
    for importer in candidates:
        if importer.recognises is None:
            return importer
    if candidates:
        names = ", ".join(i.id for i in candidates)
        raise UnknownFormat(f"{path}: no importer recognises this {suffix} file ({names} looked at it); name one with --format")
    known = ", ".join(sorted({e for i in importers(host) for e in i.extensions}))
    raise UnknownFormat(f"{path}: no importer reads {suffix or 'files without an extension'} (known: {known})")


def _recognised(importer: Importer, path: Path) -> bool:
    try:
        return importer.recognises is not None and bool(importer.recognises(path))
    except (OSError, UnicodeDecodeError, ValueError):
        return False


def read_case(host: PluginHost, path: Path) -> Case:
    """The case in ``path``, by the importer for its extension; whatever importer read it, the
    provider's identifiers are checked as the case-file reader checks them (CaseFileError)."""
    from inspectorate import identifiers
    from inspectorate.casefile import CaseFileError, Problem

    importer = importer_for(host, path)
    if importer.read is None:
        raise UnknownFormat(f"{path}: {importer.name} holds many cases; import it into the casebook")
    case = importer.read(path, host)
    wrong = identifiers.problems(case.provider.identifiers)
    if wrong:
        raise CaseFileError(Problem(str(path), None, f"provider.identifiers.{key}", why) for key, why in wrong.items())
    return case


def exporter_for(host: PluginHost, path: Path) -> Exporter:
    suffix = path.suffix.lower()
    for exporter in exporters(host):
        if suffix == exporter.extension:
            return exporter
    known = ", ".join(sorted({e.extension for e in exporters(host)}))
    raise UnknownFormat(f"{path}: no exporter writes {suffix or 'files without an extension'} (known: {known})")


def export_case(host: PluginHost, case: Case, path: Path, *, replace: bool = False) -> None:
    """Write ``case`` to ``path`` in the format its extension names, by the rules of
    :mod:`inspectorate.files` (refusals, owner-only, whole or not at all); ``replace`` an existing file."""
    from inspectorate.files import writing

    exporter = exporter_for(host, path)
    with writing(path, replace=replace) as temp:
        exporter.write(case, temp)


def export_cases(host: PluginHost, cases: Sequence[Case], path: Path, *, replace: bool = False) -> None:
    """Write every case in ``cases`` to the one file ``path``, in the format its extension names,
    by the rules of :mod:`inspectorate.files`; a format that holds one case only is refused."""
    from inspectorate.files import writing

    exporter = exporter_for(host, path)
    if exporter.write_many is None:
        raise UnknownFormat(f"{path}: {exporter.name} holds one case only; export the cases one by one or to a folder")
    with writing(path, replace=replace) as temp:
        exporter.write_many(list(cases), temp)


def case_file_name(case: Case) -> str:
    """The file a case is exported to in a folder: the provider's name and the casebook id, so
    two cases of one provider never share a file."""
    import re

    words = re.sub(r"[^\w]+", "-", case.provider.name.casefold()).strip("-")[:60] or "case"
    return f"{words}-{case.id}.toml" if case.id else f"{words}.toml"


def export_to_folder(host: PluginHost, cases: Sequence[Case], folder: Path, *, replace: bool = False) -> list[Path]:
    """Write each case to its own case file in ``folder`` (made if it does not exist, owner-only).
    Every target is checked before the first is written, so a refusal writes none of them."""
    from inspectorate.casefile import case_file_text
    from inspectorate.files import OutputError, check_target, write_text

    if folder.exists() and not folder.is_dir():
        raise OutputError(f"not written to {folder}: it is not a folder")
    paths = [folder / case_file_name(case) for case in cases]
    if len(set(paths)) != len(paths):
        raise OutputError(f"not written to {folder}: two cases would share a file name (cases without a casebook id?)")
    texts = [case_file_text(case, host, str(path)) for case, path in zip(cases, paths, strict=True)]
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for path in paths:
        check_target(path, replace=replace)
    for path, text in zip(paths, texts, strict=True):
        write_text(path, text, replace=replace)
    return paths
