"""Pick a resident: type part of a name (or an ID or phone tail), choose among the matches."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from redoffice.registry import search
from redoffice.registry.search import ResidentQuery, ResidentRow
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.widgets import combo_value, fill_combo


def resident_label(row: ResidentRow) -> str:
    return f"{row.name}　{row.address}　{row.id_number_masked}"


class ResidentChooser(QWidget):
    """``chosen`` whenever the resident shown changes; ``touched`` once the user typed (so an
    empty choice can tell "removed" from "not loaded yet")."""

    chosen = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.touched = False
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, ID or phone tail"))
        self.text.setMinimumWidth(190)
        self.text.setClearButtonEnabled(True)
        self.matches = QComboBox()
        self.matches.setMinimumWidth(300)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.matches, 1)
        self.text.textEdited.connect(self._search)
        self.matches.currentIndexChanged.connect(self.chosen)

    def _search(self, text: str) -> None:
        self.touched = True
        if text.strip():
            job = partial(search.search_residents, self.ctx.db, ResidentQuery(text=text), 20)
            self.ctx.query(job, self._show)
        else:
            self._show([])

    def _show(self, rows: list[ResidentRow]) -> None:
        fill_combo(self.matches, [(resident_label(r), r.id) for r in rows], None)
        self.chosen.emit()

    def show_resident(self, resident_id: str | None) -> None:
        """Start with this resident chosen (read on the worker)."""
        if resident_id:
            job = partial(search.resident_rows, self.ctx.db, [resident_id])
            self.ctx.query(job, self._show)

    def value(self) -> str | None:
        return combo_value(self.matches)
