"""新增/编辑户: 小区/楼栋/单元/室 or a free-text address, 网格, 人户状态; its members. A stored
phone is masked until 显示 (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from redoffice.kit import codes
from redoffice.registry import households
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdDetail, HouseholdInput
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, select_data
from redoffice.ui.registry.privacy_dialogs import RevealField


class HouseholdDialog(SaveDialog):
    def __init__(
        self, ctx: AppContext, detail: HouseholdDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, self.tr("Edit household") if detail else self.tr("New household"), parent
        )
        self.record_id = detail.id if detail else None
        self.estate, self.grid = QComboBox(), QComboBox()
        self.building, self.unit, self.room = QLineEdit(), QLineEdit(), QLineEdit()
        self.address_text = QLineEdit()
        self.address_text.setPlaceholderText(
            self.tr("Only for scattered buildings without an estate")
        )
        self.phone = QLineEdit()
        self.phone_reveal = RevealField(ctx, "household", "phone", self.phone)
        self.residence_status = code_combo(codes.HOUSEHOLD_STATUSES)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        for field, label, widget in (
            ("estate_id", self.tr("Estate"), self.estate),
            ("building", self.tr("Building"), self.building),
            ("unit", self.tr("Unit"), self.unit),
            ("room", self.tr("Room"), self.room),
            ("address_text", self.tr("Address (no estate)"), self.address_text),
            ("grid_id", self.tr("Grid"), self.grid),
            ("phone", self.tr("Phone"), self.phone_reveal),
            ("residence_status", self.tr("Residence status"), self.residence_status),
            ("notes", self.tr("Notes"), self.notes),
        ):
            self.form.add_row(field, label, widget)
        self._detail = detail
        ctx.query(partial(_choices, ctx), self._fill)
        self.resize(480, 460)

    def _fill(self, choices: tuple[registry.Choices, registry.Choices]) -> None:
        estates, grids = choices
        fill_combo(self.estate, estates, self.tr("(no estate)"))
        fill_combo(self.grid, grids, self.tr("(none)"))
        d = self._detail
        if d is None:
            return
        select_data(self.estate, d.estate_id or "")
        select_data(self.grid, d.grid_id or "")
        self.building.setText(d.building)
        self.unit.setText(d.unit)
        self.room.setText(d.room)
        self.address_text.setText(d.address_text)
        self.phone_reveal.load(d.id, d.phone)
        select_data(self.residence_status, d.residence_status)
        self.notes.setPlainText(d.notes)

    def value(self) -> HouseholdInput:
        return HouseholdInput(
            estate_id=combo_value(self.estate),
            building=self.building.text(),
            unit=self.unit.text(),
            room=self.room.text(),
            address_text=self.address_text.text(),
            grid_id=combo_value(self.grid),
            phone=self.phone_reveal.value(),
            residence_status=combo_value(self.residence_status) or "",
            notes=self.notes.toPlainText(),
        )

    def action(self) -> Callable[[], Any]:
        return partial(households.save_household, self.ctx.db, self.value(), self.record_id)


def _choices(ctx: AppContext) -> tuple[registry.Choices, registry.Choices]:
    return registry.estate_choices(ctx.db), registry.grid_choices(ctx.db)
