"""A search box over a lazily loaded, SQL-sorted table: the shape of every big list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redoffice.ui.context import AppContext
from redoffice.ui.lazy_table import Column, LazyTableModel

R = TypeVar("R")
IdLoader = Callable[[str, str, bool], Callable[[], list[str]]]


class SearchableList(QWidget, Generic[R]):
    """``load_ids(text, sort_key, descending)`` returns the worker job that lists the ids."""

    current_changed = Signal(str)
    activated = Signal(str)
    reloaded = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        columns: Sequence[Column[R]],
        fetch: Callable[[Sequence[str]], list[R]],
        row_id: Callable[[R], str],
        load_ids: IdLoader,
        placeholder: str,
        default_sort: str,
        parent: QWidget | None = None,
        newest_first: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._load_ids = load_ids
        self._sort = (default_sort, newest_first)
        self._generation = 0
        self._select_next: str | None = None
        self.model: LazyTableModel[R] = LazyTableModel(ctx, columns, fetch, row_id, self)
        self.model.sort_requested.connect(self._sort_by)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=180)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.reload)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 3)
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSortIndicator(
            0, Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder
        )
        table.setSortingEnabled(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(26)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Row numbers up to 100,000 keep widening the header while scrolling, and each width
        # change relays out the whole table (70+ ms steps); the count is shown below instead.
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        for column, width in enumerate(self.model.widths()):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda index: self._emit_id(index.row(), self.activated))
        return table

    def add_filter(self, widget: QWidget, stretch: int = 1) -> None:
        self.filters.addWidget(widget, stretch)

    def reload(self) -> None:
        """Query the ids again (in the background); older answers are ignored."""
        self._generation += 1
        generation = self._generation
        job = self._load_ids(self.search.text(), *self._sort)
        self.ctx.query(job, lambda ids: self._show(generation, ids))

    def _show(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        keep = self._select_next or self.current_id()
        self._select_next = None
        self.model.set_ids(ids)
        position = self.model.row_of(keep) if keep else -1
        if position >= 0:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))
        self.count.setText(self.tr("%n record(s)", "", len(ids)))
        self.reloaded.emit(len(ids))

    def select_after_reload(self, record_id: str) -> None:
        """Reload, then select ``record_id`` when it is in the list."""
        self._select_next = record_id
        self.reload()

    def _sort_by(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self.reload()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def current_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.current_changed.emit(self.current_id() or "")

    def _emit_id(self, position: int, signal: Any) -> None:
        record_id = self.model.id_at(position)
        if record_id:
            signal.emit(record_id)
