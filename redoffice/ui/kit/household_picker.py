"""Choosing a household by searching (address, head's name, pinyin, phone tail)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.registry import search
from redoffice.registry.search import HouseholdQuery, HouseholdRow
from redoffice.ui.kit import ui_state
from redoffice.ui.kit.columns import household_columns
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import SearchableList


def household_list(
    ctx: AppContext,
    query: Callable[[str, str, bool], HouseholdQuery],
    parent: QWidget | None = None,
    state_key: str | None = None,
) -> SearchableList[HouseholdRow]:
    """A searchable household list; ``query`` builds the filter from text and sort."""

    def load_ids(text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return search.household_id_query(ctx.db, query(text, sort, descending))

    return SearchableList(
        ctx,
        household_columns(),
        partial(search.household_rows, ctx.db),
        lambda h: h.id,
        load_ids,
        QCoreApplication.translate(
            "HouseholdPicker", "Search address, head of household, pinyin initials, phone tail"
        ),
        "address",
        parent,
        state_key=state_key,
    )


class HouseholdPicker(QDialog):
    chosen = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a household"))
        self.list = household_list(
            ctx,
            lambda text, sort, desc: HouseholdQuery(text=text, sort=sort, descending=desc),
            self,
            "household_picker",
        )
        self.list.highlight_first = True  # Enter takes the first match
        self.list.activated.connect(lambda _id: self._choose())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(820, 520)
        ui_state.restore_geometry(self, "household_picker")
        self.list.reload()

    def _choose(self) -> None:
        """The highlighted household, once the list shows what was typed."""
        self.list.with_current_row(self._chosen)

    def _chosen(self, row: HouseholdRow) -> None:
        if self.isVisible():
            self.chosen.emit(row.id, row.address)
            self.accept()

    def done(self, result: int) -> None:
        ui_state.save_geometry(self, "household_picker")
        super().done(result)


class HouseholdField(QWidget):
    """A form field: the chosen household's address and a 选择… button opening the picker."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: str | None = None
        self.label = QLabel(self.tr("(none chosen)"))
        choose = QPushButton(self.tr("Choose…"))
        on_click(choose, self.pick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(choose)

    def set_household(self, household_id: str, address: str) -> None:
        self.household_id = household_id
        self.label.setText(address)
        self.changed.emit(household_id)

    def pick(self) -> None:
        picker = HouseholdPicker(self.ctx, self)
        picker.chosen.connect(self.set_household)
        picker.open()
