"""记录走访: made for fast typing — Tab moves through every field, Ctrl+S saves, each issue
found becomes a 民情诉求 in the same save."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.cases import service as cases
from redoffice.kit import clock
from redoffice.ui.kit.attachments_dialog import AttachmentPicker, beside
from redoffice.ui.kit.check_list import checkable_list, checked_data
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField, TimeField
from redoffice.ui.kit.entry_dialog import open_entry_dialog
from redoffice.ui.kit.household_picker import HouseholdField
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, select_data
from redoffice.visits import documents
from redoffice.visits import service as visits
from redoffice.visits.service import EntryChoices, IssueInput, VisitInput

translate = QCoreApplication.translate


class IssueTable(QTableWidget):
    """发现的问题: category, urgency, description, who raised it (the household's head unless
    another member is chosen) and who handles it (承办人, 承办单位), as on the 民情诉求 page;
    each row becomes a case."""

    COLUMNS = 6

    def __init__(self, choices: EntryChoices, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.choices = choices
        self.people: list[tuple[str, str]] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Urgency"),
                self.tr("Description"),
                self.tr("Raised by"),
                self.tr("Handled by (staff)"),
                self.tr("Handled by (organization)"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setMinimumHeight(90)
        self.setTabKeyNavigation(False)

    def add_issue(self) -> None:
        row = self.rowCount()
        self.insertRow(row)
        category = QComboBox()
        category.addItems(self.choices.categories)
        urgency = code_combo(cases.URGENCIES)
        select_data(urgency, "normal")
        description = QLineEdit()
        raised_by, staff, org = QComboBox(), QComboBox(), QComboBox()
        fill_combo(raised_by, self.people, None)
        fill_combo(staff, self.choices.staff, "")
        fill_combo(org, self.choices.organizations, "")
        for column, widget in enumerate((category, urgency, description, raised_by, staff, org)):
            self.setCellWidget(row, column, widget)
        description.setFocus()

    def set_people(self, people: list[tuple[str, str]]) -> None:
        """The visited household's members, the one heard by default first."""
        self.people = people
        for row in range(self.rowCount()):
            fill_combo(self.combo(row, 3), people, None)

    def combo(self, row: int, column: int) -> QComboBox:
        widget = self.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def issues(self) -> tuple[IssueInput, ...]:
        result = []
        for row in range(self.rowCount()):
            description = self.cellWidget(row, 2)
            assert isinstance(description, QLineEdit)
            result.append(
                IssueInput(
                    self.combo(row, 0).currentText(),
                    description.text(),
                    str(self.combo(row, 1).currentData()),
                    combo_value(self.combo(row, 3)),
                    assignee_staff_id=combo_value(self.combo(row, 4)),
                    assignee_org_id=combo_value(self.combo(row, 5)),
                )
            )
        return tuple(result)


class VisitDialog(SaveDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: EntryChoices,
        household: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Record a visit"), parent)
        self.choices = choices
        self._build()
        if household is not None:
            self.household.set_household(*household)
        self.resize(720, 820)

    def _build(self) -> None:
        f, c = self.form, self.choices
        self.household = HouseholdField(self.ctx)
        self.household.changed.connect(self._load_people)
        f.add_row("household_id", self.tr("Household"), self.household)
        self.visit_date = DateField(required=True)
        self.visit_date.set_value(clock.today())
        f.add_row("visit_date", self.tr("Date"), self.visit_date)
        self.start_time, self.end_time = TimeField(), TimeField()
        f.add_row("start_time", self.tr("Start time"), self.start_time)
        f.add_row("end_time", self.tr("End time"), self.end_time)
        self.visitors = checkable_list(c.staff, {c.operator_staff_id})
        f.add_row("visitors", self.tr("Visitors"), self._visitors_field())
        self.party_members, self.volunteers = QLineEdit(), QLineEdit()
        self.party_members.setPlaceholderText(self.tr("Names separated by 、"))
        self.volunteers.setPlaceholderText(self.tr("Names separated by 、"))
        f.add_row("companions", self.tr("Party members along"), self.party_members)
        f.add_row("volunteers", self.tr("Volunteers along"), self.volunteers)
        self.purposes = QWidget()
        row = QHBoxLayout(self.purposes)
        row.setContentsMargins(0, 0, 0, 0)
        self.purpose_boxes = [QCheckBox(p) for p in c.purposes]
        for box in self.purpose_boxes:
            row.addWidget(box)
        row.addStretch(1)
        f.add_row("purposes", self.tr("Purposes"), self.purposes)
        self.situation = QPlainTextEdit()
        self.situation.setTabChangesFocus(True)
        self.situation.setPlaceholderText(self.tr("Health, income, changes in the family…"))
        self.situation.setFixedHeight(90)
        f.add_row("situation", self.tr("Situation"), self.situation)
        self.resolved = QSpinBox()
        self.resolved.setRange(0, 99)
        f.add_row("resolved_on_spot", self.tr("Resolved on the spot"), self.resolved)
        self.next_visit = DateField()
        f.add_row("next_visit_date", self.tr("Next visit"), self.next_visit)
        self.notes = QLineEdit()
        f.add_row("notes", self.tr("Notes"), self.notes)
        self.issue_table = IssueTable(c)
        add_issue = QPushButton(self.tr("Add issue"))
        on_click(add_issue, self.issue_table.add_issue)
        f.add_row("issues", self.tr("Issues found"), beside(self.issue_table, add_issue))
        self.attachments = AttachmentPicker()
        f.add_row("attachments", self.tr("Attachments"), self.attachments)

    def _visitors_field(self) -> QWidget:
        """The staff to tick; a new office with no staff yet sees where to add them (the
        save is refused without a 走访人)."""
        if self.visitors.count():
            return self.visitors
        self.visitors.setFixedHeight(2 * 24 + 6)
        self.no_staff = QLabel(self.tr("No staff yet: add them first in Grids & units → Staff"))
        self.no_staff.setWordWrap(True)
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.no_staff)
        column.addWidget(self.visitors)
        return field

    def _load_people(self, household_id: str) -> None:
        job = partial(visits.household_people, self.ctx.db, household_id)
        self.ctx.query(job, self.issue_table.set_people)

    def data(self) -> VisitInput:
        companions = [
            (role, name.strip())
            for role, edit in (("party_member", self.party_members), ("volunteer", self.volunteers))
            for name in edit.text().replace("，", "、").replace(",", "、").split("、")
            if name.strip()
        ]
        return VisitInput(
            household_id=self.household.household_id or "",
            visit_date=self.visit_date.required_value(),
            visitor_ids=checked_data(self.visitors),
            purposes=tuple(b.text() for b in self.purpose_boxes if b.isChecked()),
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            companions=tuple(companions),
            situation=self.situation.toPlainText(),
            resolved_on_spot=self.resolved.value(),
            next_visit_date=self.next_visit.value(),
            notes=self.notes.text(),
            issues=self.issue_table.issues(),
            attachments=tuple(self.attachments.paths),
        )

    def action(self) -> Callable[[], Any]:
        return partial(visits.record_visit, self.ctx.db, self.data())


def open_visit_dialog(
    ctx: AppContext, parent: QWidget | None, household: tuple[str, str] | None = None
) -> None:
    open_entry_dialog(VisitDialog, ctx, parent, household)


def show_visit_form(
    ctx: AppContext, parent: QWidget, household_id: str | None = None, visit_id: str | None = None
) -> None:
    """入户走访记录表 in the preview: blank for a household, or filled from a visit."""
    make = partial(documents.visit_form, ctx.db, household_id, visit_id)
    title = translate("visits", "Household visit form")
    show_report(ctx, parent, title, "入户走访记录表.pdf", make)
