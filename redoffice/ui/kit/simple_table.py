"""A read-only table of short lists (due lists, figures): rows of text, each with a key that
double-click or Enter hands back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from redoffice.ui.kit.row_menu import RowMenu


class SimpleTable(QTableWidget):
    activated_key = Signal(object)

    def __init__(
        self, headers: Sequence[str], stretch: int = -1, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # widths from the rows on screen and 100 more (Qt's default, 1000, made refilling the
        # 711 resolutions of a year take 0.1 s)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
        self._keys: list[Any] = []
        self.doubleClicked.connect(self._activate)
        self.rows = RowMenu(self)

    def set_row_actions(self, buttons: Sequence[QPushButton]) -> None:
        """Right-click on a row offers these buttons."""
        self.rows.buttons = list(buttons)

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        # Emptied first: replacing an item in place re-measures its column over every row for
        # ResizeToContents (37 wishes refilled took 0.6 s; emptied and filled, 3 ms). The row
        # that was selected stays selected when it is still listed.
        kept = self.current_key()
        self.setRowCount(0)
        self.setRowCount(len(rows))
        self._keys = list(keys) if keys is not None else [None] * len(rows)
        for n, cells in enumerate(rows):
            for column, text in enumerate(cells):  # numbers right-aligned
                item = QTableWidgetItem(text)
                if text.replace(",", "").replace("%", "").replace(".", "").isdigit():
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(n, column, item)
        if kept is not None and kept in self._keys:
            self.selectRow(self._keys.index(kept))

    def current_key(self) -> Any:
        row = self.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _activate(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._keys) and self._keys[index.row()] is not None:
            self.activated_key.emit(self._keys[index.row()])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)
