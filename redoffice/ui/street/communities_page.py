"""社区: one row per community the street office has enrolled — its last package, how current
the street's copy is, held packages, conflicts to review and the state of its key. A
double-click (or Enter) opens that community's 数据同步 › 记录."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.settings.calendar import SHANGHAI
from redoffice.sync import enrol, status
from redoffice.sync.status import PartnerStatus
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.sync.common import SHOWS, heading, note, state_text


@dataclass(frozen=True)
class CommunityRow:
    partner: PartnerStatus
    code: str
    last_package: date | None


def read_communities(db: Database) -> list[CommunityRow]:
    """On the worker: the enrolled communities, each with the day its latest package was
    imported."""
    latest: dict[str, date] = {}
    for row in status.history(db):  # newest first
        if row.kind == "package" and row.direction == "in" and row.status == "applied":
            latest.setdefault(row.partner, row.at.astimezone(SHANGHAI).date())
    codes = {p.node_id: p.code for p in enrol.partners(db)}
    return [
        CommunityRow(p, codes.get(p.node_id, ""), latest.get(p.name))
        for p in status.partner_status(db)
    ]


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
        self.ctx.query(
            partial(read_communities, self.ctx.db), self.show_rows, partial(report, self)
        )

    def show_rows(self, rows: list[CommunityRow]) -> None:
        today = clock.today()
        self.table.set_rows(
            [
                [
                    r.partner.name,
                    r.code,
                    r.last_package.isoformat() if r.last_package else self.tr("none yet"),
                    str((today - r.last_package).days) if r.last_package else "",
                    str(r.partner.applied_seq),
                    str(r.partner.held),
                    str(r.partner.conflicts),
                    state_text(r.partner.status),
                ]
                for r in rows
            ],
            [r.partner.node_id for r in rows],
        )
        silent = sum(1 for r in rows if r.last_package is None)
        self.summary.setText(
            self.tr(
                "%1 communities; %2 have sent no package yet. Double-click a row for its history."
            )
            .replace("%1", str(len(rows)))
            .replace("%2", str(silent))
        )
