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


@frozen
class Importer:
    #: The format id.
    id: str
    #: The format's name as a person knows it.
    name: str
    #: The file name endings it reads (".csv").
    extensions: tuple[str, ...] = field(converter=_tuple)
    #: ``(path, host) -> Case``; raises CaseFileError naming file, line and key on bad input.
    read: Callable[[Path, PluginHost], Case] = field(eq=False)


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
    from inspectorate.casefile import read_case_file

    return Importer(id="case-file", name="inspectorate case file", extensions=[".toml"], read=read_case_file)


def _case_file_exporter(host: PluginHost) -> Exporter:
    from inspectorate.casefile import case_file_text

    def write(case: Case, path: Path) -> None:  # read back before it is written: an export always re-imports
        path.write_text(case_file_text(case, host), encoding="utf-8", newline="\n")

    return Exporter(id="case-file", name="inspectorate case file", extension=".toml", write=write)


def importers(host: PluginHost) -> list[Importer]:
    return [_case_file_importer(), *host.registered("register_importers")]


def exporters(host: PluginHost) -> list[Exporter]:
    return [_case_file_exporter(host), *host.registered("register_exporters")]


def importer_for(host: PluginHost, path: Path) -> Importer:
    suffix = path.suffix.lower()
    for importer in importers(host):
        if suffix in importer.extensions:
            return importer
    known = ", ".join(sorted({e for i in importers(host) for e in i.extensions}))
    raise UnknownFormat(f"{path}: no importer reads {suffix or 'files without an extension'} (known: {known})")


def read_case(host: PluginHost, path: Path) -> Case:
    """The case in ``path``, by the importer for its extension; whatever importer read it, the
    provider's identifiers are checked as the case-file reader checks them (CaseFileError)."""
    from inspectorate import identifiers
    from inspectorate.casefile import CaseFileError, Problem

    case = importer_for(host, path).read(path, host)
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
