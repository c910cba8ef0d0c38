"""Lists to Excel, whichever feature's: each feature declares its lists (the kind, the name, how
its rows are read) and :mod:`redoffice.features` registers them here, as it registers session
hooks; the screens and the CLI export a list by its kind. ID numbers and phones are masked unless
the user explicitly asks otherwise, and that choice is written to the audit log."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from redoffice.kit import audit_log
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError

Rows = tuple[Sequence[str], Iterable[Sequence[Any]]]
"""The column headings and the rows (read as the workbook is written)."""
Ids = Sequence[str] | None
"""The records to export in their order (what the screen shows), or None for every record."""
KeyedColumn = tuple[str, Callable[[Sequence[str]], dict[str, str]]]
"""A column an export adds at the end (the street office's 社区): its heading and its texts by
id, read for a chunk of ids at a time."""
CHUNK: Final = 500  # ids per IN (...) query


@dataclass(frozen=True)
class ListExport:
    """A list a feature exports: ``rows(db, unmasked, ids)`` reads it."""

    kind: str
    name: str
    rows: Callable[[Database, bool, Ids], Rows]


_EXPORTS: dict[str, ListExport] = {}
_UNMASK_GUARDS: list[Callable[[Database], bool]] = []
_PENDING: list[tuple[str, tuple[str, ...]]] = []
_LOADING = threading.Lock()  # the GUI and its worker may ask first at the same time


def register_exports(module: str, names: Sequence[str]) -> None:
    """Offer the lists ``module`` declares as ``names`` to the screens and the CLI
    (:mod:`redoffice.features` calls this). The module is imported when the lists are first
    asked for: exports pull in ReportLab and openpyxl, which starting the app does not need."""
    with _LOADING:
        _PENDING.append((module, tuple(names)))


def guard_unmasked(may: Callable[[Database], bool]) -> None:
    """Ask ``may(db)`` before any unmasked export: the logged-in role must hold the permission
    (:mod:`redoffice.features` registers the accounts' check; the kit imports no feature)."""
    _UNMASK_GUARDS.append(may)


def may_unmask(db: Database) -> bool:
    """Whether ``db``'s logged-in account may export full ID numbers and phones."""
    return all(may(db) for may in _UNMASK_GUARDS)


def _registered() -> dict[str, ListExport]:
    with _LOADING:
        while _PENDING:
            module, names = _PENDING.pop(0)
            declared = importlib.import_module(module)
            for name in names:
                export: ListExport = getattr(declared, name)
                _EXPORTS[export.kind] = export
    return _EXPORTS


def kinds() -> dict[str, str]:
    """Each exportable list's kind and name (居民, 住户, …), in the order registered."""
    return {kind: export.name for kind, export in _registered().items()}


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` a query's worth at a time."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


@dataclass(frozen=True)
class Exported:
    data: bytes
    count: int


def export_rows(
    db: Database,
    kind: str,
    unmasked: bool = False,
    ids: Ids = None,
    extra: KeyedColumn | None = None,
) -> Exported:
    """The list as a workbook: the records ``ids`` in that order (what the screen shows), or
    every record; an unmasked export is recorded in the audit log. With ``ids``, an ``extra``
    column may follow the list's own (its texts name the records that still exist: one gone
    since the list was read is left out, so that no row gets another's text)."""
    from redoffice.kit.workbook import table_workbook  # openpyxl: not needed to start

    export = _registered().get(kind)
    if export is None:
        raise UserError("invalid_choice", value=kind)
    if unmasked and not may_unmask(db):
        raise UserError("privacy.not_allowed")
    if extra is not None and ids is not None:
        heading, texts = extra
        found = {i: t for chunk in chunks(ids) for i, t in texts(chunk).items()}
        ids = [i for i in ids if i in found]
        headers, own = export.rows(db, unmasked, ids)
        headers = [*headers, heading]
        rows: Iterable[Sequence[Any]] = ([*row, found[i]] for row, i in zip(own, ids, strict=False))
    else:
        headers, rows = export.rows(db, unmasked, ids)
    counted = _Counted(rows)
    data = table_workbook(export.name, headers, counted)
    if unmasked:
        with db.uow() as s:
            audit_log.record(s, "export", kind, "*", {"unmasked": True, "rows": counted.count})
    return Exported(data, counted.count)


def export_workbook(db: Database, kind: str, unmasked: bool = False, ids: Ids = None) -> bytes:
    return export_rows(db, kind, unmasked, ids).data


class _Counted:
    """Passes rows through and counts them (for the audit record of an export)."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[Sequence[Any]]:
        for row in self.rows:
            self.count += 1
            yield row
