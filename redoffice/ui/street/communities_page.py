"""社区: one row per community the street office has enrolled — its last package, how current
the street's copy is, held packages, conflicts to review and the state of its key. A
double-click (or Enter) opens that community's 数据同步 › 记录."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from redoffice.kit import clock
from redoffice.settings.calendar import SHANGHAI
from redoffice.street.communities import CommunityRow, communities
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.sync.common import SHOWS, heading, note, state_text

LATE_DAYS: Final = 30  # a community silent longer than this is named in the summary


def _day(row: CommunityRow) -> date | None:
    """The day (the office's) its last package came in."""
    return row.last_package_at.astimezone(SHANGHAI).date() if row.last_package_at else None


def _days_since(row: CommunityRow, today: date) -> int | None:
    day = _day(row)
    return (today - day).days if day else None


class CommunitiesPage(QWidget):
    """``open_history(node_id)``: the clerk asked for a community's 数据同步 记录."""

    open_history = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = SimpleTable(
            [
                self.tr("Community"),
                self.tr("Code"),
                self.tr("Last package"),
                self.tr("Result"),
                self.tr("Days since"),
                self.tr("Imported up to"),
                self.tr("Held packages"),
                self.tr("Open conflicts"),
                self.tr("Key"),
            ],
            stretch=0,
        )
        self.table.setObjectName("communities")
        self.table.activated_key.connect(self.open_history.emit)
        self.summary = note()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Communities of this street office")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        refresh_on(ctx, self, SHOWS, self.reload)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(partial(communities, self.ctx.db), self.show_rows, partial(report, self))

    def show_rows(self, rows: list[CommunityRow]) -> None:
        today = clock.today()
        self.table.set_rows([self._cells(r, today) for r in rows], [r.node_id for r in rows])
        days = [_days_since(r, today) for r in rows]
        silent = sum(1 for d in days if d is None)
        late = sum(1 for d in days if d is not None and d > LATE_DAYS)
        self.summary.setText(
            self.tr(
                "%1 communities; %2 have sent no package yet, %3 none for more than %4 days. "
                "Double-click a row for its history."
            )
            .replace("%1", str(len(rows)))
            .replace("%2", str(silent))
            .replace("%3", str(late))
            .replace("%4", str(LATE_DAYS))
        )

    def _cells(self, row: CommunityRow, today: date) -> list[str]:
        day, days = _day(row), _days_since(row, today)
        return [
            row.name,
            row.code,
            day.isoformat() if day else self.tr("none yet"),
            state_text(row.last_package_status) if day else "",
            "" if days is None else str(days),
            str(row.applied_seq),
            str(row.held),
            str(row.conflicts),
            row.key_state,
        ]
