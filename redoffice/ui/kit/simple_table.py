"""A short list held in memory (a 工作台 list, figures, a timeline, a dialog's few rows): rows of
text, each with a key that double-click or Enter hands back. It is the same table view as the
big lists (:class:`~redoffice.ui.kit.list_table.TableView`): one row selected, the row menu,
the header menu, a click on a heading sorts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_table import TableView

Index = QModelIndex | QPersistentModelIndex
KeyedTexts = Callable[[Sequence[Any]], dict[Any, str]]
_RIGHT_VALUE = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)


def _is_number(text: str) -> bool:
    """1,234 · 56% · 7.5 — shown right-aligned and sorted by value."""
    return text.replace(",", "").replace("%", "").replace(".", "", 1).isdigit()


def _aligned_right(text: str) -> bool:
    """A number, or "—" (no figure, e.g. a rate of nothing) in a column of numbers."""
    return text == "—" or _is_number(text)


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
        # Qt asks for eight roles per cell as it paints and measures: the ones not answered
        # return before the cell is looked up
        if role == _DISPLAY:
            return self.text(index.row(), index.column())
        if role == _ALIGNMENT and _aligned_right(self.text(index.row(), index.column())):
            return _RIGHT_VALUE
        return None

    def add_header(self, header: str) -> None:
        """One more column at the end (its cells empty until the rows are set again)."""
        column = len(self._headers)
        self.beginInsertColumns(QModelIndex(), column, column)
        self._headers.append(header)
        self.endInsertColumns()

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


def _text_width(advance: Callable[[str], int], text: str) -> int:
    return max(map(advance, text.split("\n"))) if "\n" in text else advance(text)


def _sampled_rows(view: QTableView, count: int) -> list[int]:
    """The rows whose cells ``QTableView.sizeHintForColumn`` measures (Qt 6): from the first
    row on screen to the last (all rows while hidden), then alternately one below and one
    above, up to the header's resize-contents precision (no row of a SimpleTable is hidden)."""
    if count == 0:
        return []
    precision = view.horizontalHeader().resizeContentsPrecision()
    vertical = view.verticalHeader()
    top = max(0, vertical.visualIndexAt(0))
    bottom = vertical.visualIndexAt(view.viewport().height())
    if not view.isVisible() or bottom == -1:
        bottom = count - 1
    if precision <= 0:
        return list(range(top, bottom + 1))
    rows = list(range(top, min(bottom, top + precision - 1) + 1))
    row = rows[-1] if len(rows) == precision else bottom + 1
    upper, lower = top, row + 1
    while len(rows) != precision and (upper > 0 or lower <= count - 1):
        if (len(rows) % 2 and lower <= count - 1) or upper <= 0:
            rows.append(lower)
            lower += 1
        else:
            upper -= 1
            rows.append(upper)
    return rows


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
        self._given: tuple[Sequence[Sequence[str]], Sequence[Any] | None] = ([], None)
        self._keyed: tuple[AppContext, KeyedTexts, dict[Any, str]] | None = None

    def sizeHintForColumn(self, column: int) -> int:
        """Qt's own width for ``column`` (its item delegate over the rows Qt samples), asked
        of the delegate for the row with the widest text only: Qt asks every sampled row (up
        to 100, eight roles each, through Python) each time the header is shown or the rows
        change — 6,400 calls (45–75 ms) whenever the 工作台 was shown again."""
        model = self.rows_model
        rows = _sampled_rows(self, model.rowCount())
        if not rows:
            return super().sizeHintForColumn(column)
        advance = self.fontMetrics().horizontalAdvance
        widest = max(rows, key=lambda row: _text_width(advance, model.text(row, column)))
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        index = model.index(widest, column)
        hint = self.itemDelegateForIndex(index).sizeHint(option, index).width()
        return hint + 1 if self.showGrid() else hint

    def set_row_actions(self, buttons: Sequence[QPushButton]) -> None:
        """Right-click on a row offers these buttons."""
        self.rows.buttons = list(buttons)

    def set_header(self, column: int, text: str) -> None:
        self.rows_model.setHeaderData(column, Qt.Orientation.Horizontal, text)

    def add_keyed_column(self, ctx: AppContext, header: str, texts: KeyedTexts) -> None:
        """A column at the end naming each row by its key (the street office's 社区):
        ``texts(keys)`` is read on the worker for the keys not named yet, whenever rows are set."""
        self._keyed = (ctx, texts, {})
        self.rows_model.add_header(header)
        self.set_rows(*self._given)

    def _with_keyed(
        self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None
    ) -> Sequence[Sequence[str]]:
        if self._keyed is None or keys is None:
            return rows
        ctx, texts, named = self._keyed
        unnamed = [key for key in keys if key not in named]
        if unnamed:
            ctx.query(lambda: (unnamed, texts(unnamed)), self._named)
        return [(*row, named.get(key, "")) for row, key in zip(rows, keys, strict=True)]

    def _named(self, answer: tuple[list[Any], dict[Any, str]]) -> None:
        asked, texts = answer
        if self._keyed is not None:
            self._keyed[2].update({key: texts.get(key, "") for key in asked})
            self.set_rows(*self._given)

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        """Show ``rows`` (in the order of the heading clicked last, if any); the row that was
        selected stays selected when its key is still listed."""
        self._given = (rows, keys)
        rows = self._with_keyed(rows, keys)
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
