"""新增/编辑居民: every field with its message in place; special-group tags with dates; a stored
ID number and phone masked until 显示 (issue 16), and 个人信息查询… for the person."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock, codes
from redoffice.registry import residents
from redoffice.registry.residents import ResidentDetail, ResidentInput, TagInput
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField, birth_decade
from redoffice.ui.kit.household_picker import HouseholdPicker
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import button_row, code_combo, combo_value, fit_columns, select_data
from redoffice.ui.registry.privacy_dialogs import RevealField, export_subject, may_answer


class TagTable(QTableWidget):
    """特殊人群: one row per tag with since/until dates and a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Since"), self.tr("Until"), self.tr("Note")]
        )
        fit_columns(self, stretch=3)
        self.verticalHeader().hide()
        self.setMinimumHeight(110)

    def add_tag(self, tag: TagInput | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        combo = code_combo(codes.TAGS)
        since, until = DateField(in_cell=True), DateField(in_cell=True)
        note = QLineEdit()
        if tag is not None:
            select_data(combo, tag.tag)
            since.set_value(tag.since)
            until.set_value(tag.until)
            note.setText(tag.note)
        for column, widget in enumerate((combo, since, until, note)):
            self.setCellWidget(row, column, widget)
        self.horizontalHeader().resizeSections()  # the columns fit the new editors

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def tags(self) -> tuple[TagInput, ...]:
        result = []
        for row in range(self.rowCount()):
            combo, since, until, note = (self.cellWidget(row, c) for c in range(4))
            assert isinstance(combo, QComboBox) and isinstance(note, QLineEdit)
            assert isinstance(since, DateField) and isinstance(until, DateField)
            result.append(
                TagInput(
                    str(combo.currentData()), since.value(), until.value(), note.text().strip()
                )
            )
        return tuple(result)


class ResidentDialog(SaveDialog):
    """Create a resident (optionally into a given household) or edit one."""

    def __init__(
        self,
        ctx: AppContext,
        detail: ResidentDetail | None = None,
        household: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit resident") if detail else self.tr("New resident")
        super().__init__(ctx, title, parent)
        self.record_id = detail.id if detail else None
        self.household_id: str | None = None
        self._build()
        if detail is not None:
            self._load(detail.data)
            self.id_reveal.load(detail.id, detail.data.id_number)
            self.phone_reveal.load(detail.id, detail.data.phone)
            self._set_household(detail.data.household_id or "", detail.household_address)
            self._subject_button(detail.id, detail.data.name)
        if household is not None:
            self._set_household(*household)
        self.resize(620, 760)

    def _build(self) -> None:
        f = self.form
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(20)
        self.gender = code_combo(codes.GENDERS, empty="")
        self.birth_date = DateField(opens_at=birth_decade())
        self.ethnicity = QComboBox()
        self.ethnicity.setEditable(True)
        self.ethnicity.addItems(codes.ETHNIC_GROUPS)
        self.phone = QLineEdit()
        self.political_status = code_combo(codes.POLITICAL_STATUSES)
        select_data(self.political_status, "masses")
        self.party_org = QLineEdit()
        self.party_join_date = DateField()
        self.hukou_place = QLineEdit()
        self.current_address = QLineEdit()
        self.residence_type = code_combo(codes.RESIDENCE_TYPES)
        self.relation = code_combo(codes.RELATIONS)
        select_data(self.relation, "9")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        self.tag_table = TagTable()
        self.id_reveal = RevealField(self.ctx, "resident", "id_number", self.id_number)
        self.phone_reveal = RevealField(self.ctx, "resident", "phone", self.phone)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("Name"), self.name),
            ("id_number", self.tr("ID number"), self.id_reveal),
            ("gender", self.tr("Gender"), self.gender),
            ("birth_date", self.tr("Birth date"), self.birth_date),
            ("ethnicity", self.tr("Ethnic group"), self.ethnicity),
            ("phone", self.tr("Phone"), self.phone_reveal),
            ("political_status", self.tr("Political status"), self.political_status),
            ("party_org", self.tr("Party organization"), self.party_org),
            ("party_join_date", self.tr("Joined the Party"), self.party_join_date),
            ("hukou_place", self.tr("Place of household registration"), self.hukou_place),
            ("current_address", self.tr("Current address"), self.current_address),
            ("residence_type", self.tr("Residence type"), self.residence_type),
            ("household_id", self.tr("Household"), self._household_row()),
            ("relation", self.tr("Relation to head"), self.relation),
            ("tags", self.tr("Special groups"), self._tags_box()),
            ("notes", self.tr("Notes"), self.notes),
        ]
        for field, label, widget in rows:
            f.add_row(field, label, widget)
        self.political_status.currentIndexChanged.connect(self._party_fields)
        self._party_fields()

    def _subject_button(self, resident_id: str, name: str) -> None:
        """个人信息查询… for a role that handles data-subject requests."""
        if not may_answer(self.ctx):
            return
        self.subject_button = QPushButton(self.tr("Personal information request…"))
        self.buttons.addButton(self.subject_button, QDialogButtonBox.ButtonRole.ActionRole)
        on_click(self.subject_button, partial(export_subject, self.ctx, self, resident_id, name))

    def _household_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.household_label = QLabel(self.tr("(none)"))
        choose = QPushButton(self.tr("Choose…"))
        on_click(choose, self._choose_household)
        row.addWidget(self.household_label, 1)
        row.addWidget(choose)
        return box

    def _tags_box(self) -> QWidget:
        """The table over its 添加/移除 buttons, so the dates and the note have the full width."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tag_table, 1)
        column.addLayout(
            button_row(
                (self.tr("Add"), lambda: self.tag_table.add_tag()),
                (self.tr("Remove"), self.tag_table.remove_current),
            )
        )
        return box

    def _party_fields(self) -> None:
        party = self.political_status.currentData() in codes.PARTY_STATUSES
        self.party_org.setEnabled(party)
        self.party_join_date.setEnabled(party)

    def _choose_household(self) -> None:
        picker = HouseholdPicker(self.ctx, self)
        picker.chosen.connect(self._set_household)
        picker.open()

    def _set_household(self, household_id: str, address: str) -> None:
        self.household_id = household_id or None
        self.household_label.setText(address or self.tr("(none)"))

    def _load(self, d: ResidentInput) -> None:
        self.name.setText(d.name)
        select_data(self.gender, d.gender)
        self.birth_date.set_value(d.birth_date)
        self.ethnicity.setCurrentText(d.ethnicity)
        select_data(self.political_status, d.political_status)
        self.party_org.setText(d.party_org)
        self.party_join_date.set_value(d.party_join_date)
        self.hukou_place.setText(d.hukou_place)
        self.current_address.setText(d.current_address)
        select_data(self.residence_type, d.residence_type)
        select_data(self.relation, d.relation)
        self.notes.setPlainText(d.notes)
        for tag in d.tags:
            self.tag_table.add_tag(tag)

    def value(self) -> ResidentInput:
        return ResidentInput(
            name=self.name.text(),
            gender=combo_value(self.gender) or "",
            id_number=self.id_reveal.value(),
            birth_date=self.birth_date.value(),
            ethnicity=self.ethnicity.currentText(),
            phone=self.phone_reveal.value(),
            political_status=combo_value(self.political_status) or "",
            party_org=self.party_org.text(),
            party_join_date=self.party_join_date.value(),
            hukou_place=self.hukou_place.text(),
            current_address=self.current_address.text(),
            residence_type=combo_value(self.residence_type) or "",
            household_id=self.household_id,
            relation=combo_value(self.relation) or "",
            notes=self.notes.toPlainText(),
            tags=self.tag_table.tags(),
        )

    def action(self) -> Callable[[], Any]:
        return partial(residents.save_resident, self.ctx.db, self.value(), self.record_id)


class StatusDialog(SaveDialog):
    """迁出/去世 (or back to 在册): the date it happened, today unless told, and the reason."""

    def __init__(
        self, ctx: AppContext, resident_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Moved out / deceased: %1").replace("%1", name), parent)
        self.resident_id = resident_id
        self.status = code_combo(codes.RESIDENT_STATUSES)
        select_data(self.status, "moved_out")
        self.day = DateField(required=True)
        self.day.set_value(clock.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Where to, or the cause of death"))
        self.form.add_row("status", self.tr("New status"), self.status)
        self.form.add_row("status_date", self.tr("Date"), self.day)
        self.form.add_row("status_reason", self.tr("Reason"), self.reason)
        self.resize(460, 220)

    def action(self) -> Callable[[], Any]:
        return partial(
            residents.set_status,
            self.ctx.db,
            self.resident_id,
            combo_value(self.status) or "",
            self.day.required_value(),
            self.reason.text(),
        )
