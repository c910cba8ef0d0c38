"""变更记录: who changed what and when, field by field, as :mod:`redoffice.audit.history`
words it (Chinese field names and values, masked ID numbers and phones)."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from redoffice.audit import history
from redoffice.audit.history import Change, HistoryEntry
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.simple_table import SimpleTable

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
        self.table = SimpleTable(
            [self.tr("Time"), self.tr("Operator"), self.tr("Action"), self.tr("Changes")],
            stretch=3,
        )
        self.table.setWordWrap(True)  # one change a line: each row as high as its changes
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.table.set_rows([self._cells(entry) for entry in entries])

    def _cells(self, entry: HistoryEntry) -> tuple[str, str, str, str]:
        action = self._action(entry.action)
        return (
            entry.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"),
            entry.actor,
            f"{action}{entry.part}" if entry.part else action,
            "\n".join(_change_text(entry.action, c) for c in entry.changes),
        )
