"""记录: per partner what was sent, acknowledged and applied, what is held and conflicts; below,
every package and acknowledgement sent and received with its state and reason (filtered to the
held and refused ones on request: what is held and why)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from redoffice.sync.status import PackageRow, PartnerStatus
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import fill_combo, select_data
from redoffice.ui.sync.common import heading, note, state_text, when

HELD_OR_REFUSED = frozenset({"held", "refused"})


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.partner_table = SimpleTable(
            [
                self.tr("Partner"),
                self.tr("State"),
                self.tr("Sent up to"),
                self.tr("Acknowledged up to"),
                self.tr("Imported up to"),
                self.tr("Held"),
                self.tr("Refused"),
                self.tr("Conflicts to review"),
            ],
            stretch=0,
        )
        self.partner_table.setObjectName("partner-status")
        self.partner_table.setMaximumHeight(150)
        self.held_note = note()
        self.held_note.setObjectName("held-note")
        self.only_problems = QCheckBox(self.tr("Only held and refused"))
        self.only_problems.toggled.connect(self._show_history)
        self.partner = QComboBox()  # one partner's packages (the street's 社区 page asks so)
        self.partner.setObjectName("history-partner")
        self.partner.addItem(self.tr("All partners"), "")
        self.partner.currentIndexChanged.connect(self._show_history)
        self.history_table = SimpleTable(
            [
                self.tr("Time"),
                self.tr("What"),
                self.tr("Partner"),
                self.tr("Numbers"),
                self.tr("State"),
                self.tr("Reason"),
                self.tr("Records"),
                self.tr("Conflicts"),
                self.tr("File"),
            ],
            stretch=5,
        )
        self.history_table.setObjectName("sync-history")
        self.history: list[PackageRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Partners")))
        layout.addWidget(self.partner_table)
        layout.addWidget(self.held_note)
        title = QHBoxLayout()
        title.addWidget(heading(self.tr("Packages and acknowledgements")))
        title.addStretch(1)
        title.addWidget(self.partner)
        title.addWidget(self.only_problems)
        layout.addLayout(title)
        layout.addWidget(self.history_table, 1)

    def show_rows(self, partners: list[PartnerStatus], history: list[PackageRow]) -> None:
        self.partner_table.set_rows(
            [
                [
                    p.name,
                    state_text(p.status),
                    str(p.sent_seq),
                    str(p.acked_seq),
                    str(p.applied_seq),
                    str(p.held),
                    str(p.refused),
                    str(p.conflicts),
                ]
                for p in partners
            ],
            [p.node_id for p in partners],
        )
        self.history = history
        fill_combo(self.partner, [(p.name, p.name) for p in partners], self.tr("All partners"))
        held = [r for r in history if r.status == "held" and r.direction == "in"]
        if held:
            latest = held[0]
            self.held_note.setText(
                self.tr("Held: %1 package(s). Latest from %2: %3")
                .replace("%1", str(len(held)))
                .replace("%2", latest.partner)
                .replace("%3", latest.reason)
            )
            self.held_note.setStyleSheet("color: #b9770e;")
        else:
            self.held_note.setText(self.tr("No package is held."))
            self.held_note.setStyleSheet("")
        self._show_history()

    def show_partner(self, name: str) -> None:
        """Only ``name``'s packages and acknowledgements (all while it is not listed)."""
        select_data(self.partner, name)

    def _what(self, row: PackageRow) -> str:
        if row.kind == "ack":
            return (
                self.tr("Acknowledgement in")
                if row.direction == "in"
                else self.tr("Acknowledgement out")
            )
        return self.tr("Package in") if row.direction == "in" else self.tr("Package out")

    def _show_history(self) -> None:
        rows = self.history
        if self.only_problems.isChecked():
            rows = [r for r in rows if r.status in HELD_OR_REFUSED]
        if self.partner.currentData():
            rows = [r for r in rows if r.partner == self.partner.currentData()]
        self.history_table.set_rows(
            [
                [
                    when(r.at),
                    self._what(r),
                    r.partner,
                    f"{r.seq_from}–{r.seq_to}" if r.seq_from else (str(r.seq_to) or ""),
                    state_text(r.status),
                    r.reason,
                    str(r.records),
                    str(r.conflicts),
                    r.file_name,
                ]
                for r in rows
            ]
        )
