"""冲突: records changed on both sides. The owner's copy won at import; the local copy it replaced
is kept and shown here for review (read only)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from redoffice.sync.status import ConflictRow
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import splitter
from redoffice.ui.sync.common import note, when


class ConflictsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []
        self.open_only = QCheckBox(self.tr("Only those not yet reviewed"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self._show)
        self.table = SimpleTable(
            [
                self.tr("Time"),
                self.tr("Partner"),
                self.tr("Record"),
                self.tr("Record id"),
                self.tr("Local version"),
                self.tr("Incoming version"),
                self.tr("Reviewed"),
            ],
            stretch=3,
        )
        self.table.setObjectName("conflicts")
        self.table.current_changed.connect(self._detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setObjectName("conflict-detail")
        self.detail.setPlaceholderText(self.tr("Select a conflict to see the local copy kept."))
        self.summary = note()
        top = QHBoxLayout()
        top.addWidget(
            note(
                self.tr(
                    "A record changed here and by its owner: the owner's copy was applied; "
                    "the local copy it replaced is kept below for review."
                )
            ),
            1,
        )
        top.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter(Qt.Orientation.Vertical, [300, 200], self.table, self.detail), 1)

    def show_rows(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        self._show()

    def _show(self) -> None:
        rows = [r for r in self.rows if not (self.open_only.isChecked() and r.resolved)]
        self.summary.setText(
            self.tr("%1 conflict(s) to review.").replace(
                "%1", str(sum(1 for r in self.rows if not r.resolved))
            )
        )
        self.table.set_rows(
            [
                [
                    when(r.at),
                    r.partner,
                    r.table_label,
                    r.row_id,
                    str(r.local_version),
                    str(r.incoming_version),
                    self.tr("Yes") if r.resolved else self.tr("No"),
                ]
                for r in rows
            ],
            [r.id for r in rows],
        )

    def _detail(self, key: object) -> None:
        found = next((r for r in self.rows if r.id == key), None)
        if found is None:
            self.detail.clear()
            return
        try:
            text = json.dumps(json.loads(found.local_row), ensure_ascii=False, indent=2)
        except ValueError:
            text = found.local_row
        self.detail.setPlainText(text)
