"""A short list held in memory (a 工作台 list, figures, a timeline, a dialog's few rows): rows of
text, each with a key that double-click or Enter hands back. It is the same table view as the
big lists (:class:`~redoffice.ui.kit.list_table.TableView`): one row selected, the row menu,
the header menu, a click on a heading sorts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from redoffice.ui.kit.list_table import TableView

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _is_number(text: str) -> bool:
    """1,234 · 56% · 7.5 — shown right-aligned and sorted by value."""
    return text.replace(",", "").replace("%", "").replace(".", "", 1).isdigit()


def _sort_key(text: str) -> tuple[int, float, str]:
    """Numbers by value before words; words (and dates, written yyyy-mm-dd) as text."""
    if _is_number(text):
        return (0, float(text.replace(",", "").replace("%", "")), "")
    return (1, 0.0, text)


class RowsModel(QAbstractTableModel):
    """Rows of text with one key each; sorts itself by a column."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[list[str], Any]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def setHeaderData(
        self,
        section: int,
        orientation: Qt.Orientation,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return False
        self._headers[section] = str(value)
        self.headerDataChanged.emit(orientation, section, section)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and _is_number(text):
            return int(_RIGHT.value)
        return None

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None) -> None:
        self.beginResetModel()
        keys = list(keys) if keys is not None else [None] * len(rows)
        self._rows = [(list(cells), key) for cells, key in zip(rows, keys, strict=True)]
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        if 0 <= row < len(self._rows) and 0 <= column < len(self._rows[row][0]):
            return self._rows[row][0][column]
        return ""

    def key(self, row: int) -> Any:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def keys(self) -> list[Any]:
        return [key for _cells, key in self._rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Stable, in place; the selection follows its row. Column -1: as given."""
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keyed = [(self._rows[i.row()], i) for i in before]
        self._rows.sort(
            key=lambda row: _sort_key(row[0][column] if column < len(row[0]) else ""),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        position = {id(row): n for n, row in enumerate(self._rows)}
        after = [self.index(position[id(row)], i.column()) for row, i in keyed]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


class SimpleTable(TableView):
    """``activated_key(key)``: double-click or Enter on a row with a key; ``current_changed``:
    the selected row's key (None when none is)."""

    activated_key = Signal(object)
    current_changed = Signal(object)

    def __init__(
        self, headers: Sequence[str], stretch: int = -1, parent: QWidget | None = None
    ) -> None:
        self.rows_model = RowsModel(headers)
        super().__init__(self.rows_model, parent)
        self.rows_model.setParent(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # widths from the rows on screen and 100 more (Qt's default, 1000, made refilling the
        # 711 resolutions of a year take 0.1 s)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
        self.enable_sorting(-1, Qt.SortOrder.AscendingOrder)  # as given until a heading is clicked
        self.open_row.connect(self._activate)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_row_actions(self, buttons: Sequence[QPushButton]) -> None:
        """Right-click on a row offers these buttons."""
        self.rows.buttons = list(buttons)

    def set_header(self, column: int, text: str) -> None:
        self.rows_model.setHeaderData(column, Qt.Orientation.Horizontal, text)

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        """Show ``rows`` (in the order of the heading clicked last, if any); the row that was
        selected stays selected when its key is still listed."""
        kept = self.current_key()
        self.rows_model.set_rows(rows, keys)
        header = self.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.rows_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        keys_now = self.rows_model.keys()
        if kept is not None and kept in keys_now:
            self.selectRow(keys_now.index(kept))
        elif kept is not None:
            self.current_changed.emit(None)

    def rowCount(self) -> int:
        return self.rows_model.rowCount()

    def text(self, row: int, column: int) -> str:
        """The text of a cell as shown (row in the order on screen)."""
        return self.rows_model.text(row, column)

    def currentRow(self) -> int:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def current_key(self) -> Any:
        return self.rows_model.key(self.currentRow())

    def _activate(self, row: int) -> None:
        key = self.rows_model.key(row)
        if key is not None:
            self.activated_key.emit(key)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.current_changed.emit(self.current_key())
