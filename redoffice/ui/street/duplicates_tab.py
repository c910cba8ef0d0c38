"""跨社区核查: what no single community can see — one ID number registered live in two
communities, granted fund aid in two in the same half-year, a wish beneficiary in two
communities' rounds in the same year — each finding with both (all) sides, one row per side,
for the clerk to resolve with the communities. Nothing is merged or changed here."""

from __future__ import annotations

from functools import partial
from typing import Final

from PySide6.QtWidgets import QVBoxLayout, QWidget

from redoffice.street.duplicates import Finding, find_duplicates
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.sync.common import note

SHOWS: Final = frozenset(
    {"resident", "household", "fund_application", "wish", "wish_round", "sync_partner"}
)


class DuplicatesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.findings: list[Finding] = []
        self.table = SimpleTable(
            [
                self.tr("Finding"),
                self.tr("ID number"),
                self.tr("Period"),
                self.tr("Community"),
                self.tr("Name"),
                self.tr("Record"),
            ],
            stretch=5,
        )
        self.table.setObjectName("duplicates")
        self.summary = note()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        refresh_on(ctx, self, SHOWS, self.reload).request()  # once the tab is shown

    def reload(self) -> None:
        self.ctx.query(
            partial(find_duplicates, self.ctx.db), self.show_findings, partial(report, self)
        )

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        rows, keys = [], []
        for number, finding in enumerate(findings):
            for side in finding.sides:
                rows.append(
                    [
                        finding.kind_label,
                        finding.id_number,
                        finding.period,
                        side.community,
                        side.name,
                        side.record,
                    ]
                )
                keys.append((number, side.record_id))
        self.table.set_rows(rows, keys)
        self.summary.setText(
            self.tr(
                "%1 finding(s) across communities, each with every side. Nothing is merged: "
                "check them with the communities concerned."
            ).replace("%1", str(len(findings)))
            if findings
            else self.tr("No person is found in two communities.")
        )
