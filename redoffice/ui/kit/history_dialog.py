"""变更记录: who changed what and when, field by field, as :mod:`redoffice.audit.history`
words it (Chinese field names and values, masked ID numbers and phones)."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redoffice.audit import history
from redoffice.audit.history import Change, HistoryEntry
from redoffice.ui.kit.context import AppContext

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _change_text(action: str, change: Change) -> str:
    """“电话：old → new” for a change; “性别：女” for what a record holds (created, removed or
    restored)."""
    if action == "update":
        return f"{change.field}：{change.old} → {change.new}"
    return f"{change.field}：{change.new}"


class HistoryDialog(QDialog):
    def __init__(
        self, ctx: AppContext, table: str, record_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Operator"), self.tr("Action"), self.tr("Changes")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 420)
        ctx.query(partial(history.history, ctx.db, table, record_id), self.show_entries)

    def _action(self, action: str) -> str:
        names = {
            "create": self.tr("Created"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "restore": self.tr("Restored"),
        }
        return names.get(action, action)

    def show_entries(self, entries: list[HistoryEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            changes = "\n".join(_change_text(entry.action, c) for c in entry.changes)
            action = self._action(entry.action)
            cells = (
                entry.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor,
                f"{action}{entry.part}" if entry.part else action,
                changes,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
