"""冲突: records changed on both sides. The owner's copy won at import; the local copy it replaced
is kept: the tab lists the conflicts by the record they are about, shows the fields that differ
(街道的版本 / 社区的版本, worded as in the 变更记录), and 已核对… marks one reviewed with a
note (``conflicts.resolve`` on the worker, audited)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.sync import conflicts
from redoffice.sync.conflicts import ConflictView
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import splitter
from redoffice.ui.sync.common import note, when


class ConflictsTab(QWidget):
    """``resolved(id)``: a conflict marked reviewed here (the page refreshes on the write)."""

    resolved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ConflictView] = []
        self.show_resolved = QCheckBox(self.tr("Show reviewed"))
        self.show_resolved.setChecked(False)
        self.show_resolved.toggled.connect(self._show)
        self.table = SimpleTable(
            [
                self.tr("Time"),
                self.tr("Community"),
                self.tr("Kind"),
                self.tr("Record"),
                self.tr("Fields differing"),
                self.tr("Reviewed"),
            ],
            stretch=3,
        )
        self.table.setObjectName("conflicts")
        self.table.current_changed.connect(self._detail)
        self.review_button = QPushButton(self.tr("Reviewed…"))
        self.review_button.setObjectName("conflict-review")
        self.review_button.setEnabled(False)
        on_click(self.review_button, self._review)
        self.table.set_row_actions([self.review_button])
        self.fields = SimpleTable(
            [self.tr("Field"), self.tr("Street office's version"), self.tr("Community's version")],
            stretch=2,
        )
        self.fields.setObjectName("conflict-fields")
        # the two versions side by side, equally wide
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.about = note()
        self.summary = note()
        top = QHBoxLayout()
        top.addWidget(
            note(
                self.tr(
                    "A record changed here and by its community: the community's copy was "
                    "applied. Compare the two versions; change the record again or ask the "
                    "community to if the street office's change is still wanted, then mark "
                    "the conflict reviewed."
                )
            ),
            1,
        )
        top.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.review_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.about)
        lower_layout.addWidget(self.fields, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(splitter(Qt.Orientation.Vertical, [300, 200], self.table, lower), 1)

    def show_rows(self, rows: list[ConflictView]) -> None:
        self.rows = rows
        self._show()

    def open_count(self) -> int:
        return sum(1 for r in self.rows if not r.resolved)

    def _show(self) -> None:
        rows = [r for r in self.rows if self.show_resolved.isChecked() or not r.resolved]
        self.summary.setText(
            self.tr("%1 conflict(s) to review.").replace("%1", str(self.open_count()))
        )
        self.table.set_rows(
            [
                [
                    when(r.at),
                    r.partner,
                    r.table_label,
                    r.record or r.row_id[:8],
                    "、".join(f.label for f in r.fields) or "—",
                    self.tr("Yes") if r.resolved else self.tr("No"),
                ]
                for r in rows
            ],
            [r.id for r in rows],
        )
        self._detail(self.table.current_key())

    def _current(self) -> ConflictView | None:
        key = self.table.current_key()
        return next((r for r in self.rows if r.id == key), None)

    def _detail(self, key: object) -> None:
        found = next((r for r in self.rows if r.id == key), None)
        self.review_button.setEnabled(found is not None and not found.resolved)
        if found is None:
            self.about.setText(self.tr("Select a conflict to compare the two versions."))
            self.fields.set_rows([])
            return
        about = f"{found.table_label} {found.record or found.row_id[:8]}"
        if found.owner_row is None:
            about += self.tr(" (no longer held here)")
        if found.resolved:
            reviewed = self.tr("Reviewed %1 by %2").replace("%1", when(found.resolved_at))
            reviewed = reviewed.replace("%2", found.resolved_by)
            if found.resolution:
                reviewed += f"：{found.resolution}"
            about += f" · {reviewed}"
        self.about.setText(about)
        if found.fields:
            self.fields.set_rows([[f.label, f.local, f.owner] for f in found.fields])
        else:
            self.fields.set_rows([[self.tr("(no field differs now)"), "", ""]])

    def _review(self) -> None:
        found = self._current()
        if found is None or found.resolved:
            return
        text = ask.text(
            self,
            self.tr("Mark reviewed"),
            self.tr("%1 %2: a note on what was done (optional)")
            .replace("%1", found.table_label)
            .replace("%2", found.record or found.row_id[:8]),
        )
        if text is None:
            return
        self.ctx.write(
            partial(conflicts.resolve, self.ctx.db, found.id, text),
            lambda _result: self.resolved.emit(found.id),
            partial(report, self),
            self,
        )
