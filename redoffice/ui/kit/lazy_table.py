"""A table model over an ordered id list that fetches rows page by page in the background.

The GUI thread never waits for the database: rows not yet loaded show empty cells and fill in
when their page arrives (Anki's browser table keeps ids and loads rows on demand the same way).
A long list may start with its first page of ids and its count only (a street's 376,000
residents): the rows past them are empty until the rest of the ids arrives, asked for
(``more_wanted``) when the view first needs one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from redoffice.ui.kit.context import AppContext

R = TypeVar("R")
PAGE = 200
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header text, cell text, and the service's sort key (None: not sortable)."""

    header: str
    text: Callable[[R], str]
    sort_key: str | None = None
    width: int = 90


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Rows are ids; ``fetch(ids)`` (run on the worker) turns a page of ids into row objects."""

    loaded = Signal()
    sort_requested = Signal(str, bool)
    more_wanted = Signal()  # a row past the ids read so far is wanted

    def __init__(
        self,
        ctx: AppContext,
        columns: Sequence[Column[R]],
        fetch: Callable[[Sequence[str]], list[R]],
        row_id: Callable[[R], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._columns = list(columns)
        self._fetch = fetch
        self._row_id = row_id
        self._ids: list[str] = []
        self._total = 0  # rows of the list, read or not yet
        self._rows: dict[str, R] = {}
        self._requested: set[int] = set()
        self._generation = 0

    # --- what the view asks -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        return self._columns[index.column()].text(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: ask the page to query again in the new order."""
        key = self.sort_key(column)
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    # --- what the page uses -------------------------------------------------------------
    def row_at(self, position: int) -> R | None:
        """The loaded row at ``position``; schedules its page when it is not loaded yet (or
        asks for the rest of the ids when it is past them)."""
        if not 0 <= position < len(self._ids):
            if len(self._ids) <= position < self._total:
                self.more_wanted.emit()
            return None
        row = self._rows.get(self._ids[position])
        if row is None:
            self._request(position // PAGE)
        return row

    def row_of(self, record_id: str) -> int:
        """The position of ``record_id`` in the list, or -1."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        """The ids read so far, in order: every id of the list when it is ``complete``."""
        return list(self._ids)

    @property
    def complete(self) -> bool:
        """Every id of the list has been read."""
        return len(self._ids) == self._total

    def id_at(self, position: int) -> str | None:
        return self._ids[position] if 0 <= position < len(self._ids) else None

    def row_id(self, row: R) -> str:
        return self._row_id(row)

    def add_column(self, column: Column[R], fetch: Callable[[Sequence[str]], list[R]]) -> None:
        """One more column at the end, the rows read with ``fetch`` from now on (a reset: the
        views lay their columns out again)."""
        self.beginResetModel()
        self._columns.append(column)
        self._fetch = fetch
        self._generation += 1
        self._rows = {}
        self._requested = set()
        self.endResetModel()

    def widths(self) -> list[int]:
        return [c.width for c in self._columns]

    def sort_key(self, column: int) -> str | None:
        return self._columns[column].sort_key

    def set_ids(self, ids: list[str], total: int | None = None) -> None:
        """Show a new result: drop the cache, keep the view responsive. ``total``: the list
        holds that many rows, of which ``ids`` are the first (the rest comes by ``extend``)."""
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._total = max(len(ids), total or 0)
        self._rows = {}
        self._requested = set()
        self.endResetModel()
        if not ids:
            self.loaded.emit()

    def extend(self, ids: list[str]) -> bool:
        """The whole list whose first ids are shown: taken without a reset (the view keeps
        its place, the rows read stay) when it begins with them and has the count shown;
        False (nothing changed) otherwise."""
        known = len(self._ids)
        if len(ids) != self._total or ids[:known] != self._ids:
            return False
        self._ids = ids
        if self._total > known:
            last = len(self._columns) - 1
            self.dataChanged.emit(self.index(known, 0), self.index(self._total - 1, last))
        return True

    def refresh_rows(self) -> None:
        """Data changed but the id list did not: reload the visible pages."""
        self._generation += 1
        self._rows = {}
        self._requested = set()
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._total - 1, len(self._columns) - 1)
            )

    def _request(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        ids = self._ids[page * PAGE : (page + 1) * PAGE]
        generation = self._generation
        self._ctx.query(partial(self._fetch, ids), partial(self._arrived, generation, page))

    def _arrived(self, generation: int, page: int, rows: list[R]) -> None:
        if generation != self._generation:
            return
        for row in rows:
            self._rows[self._row_id(row)] = row
        first, last = page * PAGE, min((page + 1) * PAGE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))
        self.loaded.emit()
