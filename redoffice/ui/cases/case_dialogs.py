"""受理诉求 (a new case) and the one-step actions on a case: move it on, add a note, 上报街道."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from redoffice.cases import service as cases
from redoffice.cases.queries import CaseRow
from redoffice.cases.service import CaseInput
from redoffice.registry import search
from redoffice.registry.search import ResidentRow
from redoffice.ui.kit.attachments_dialog import AttachmentPicker
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.entry_dialog import open_entry_dialog
from redoffice.ui.kit.household_picker import HouseholdField
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, select_data
from redoffice.visits.service import EntryChoices

NEXT_STEP = {"accepted": "in_progress", "in_progress": "resolved", "resolved": "called_back"}


def prose(height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class CaseDialog(SaveDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: EntryChoices,
        household: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("New request"), parent)
        f = self.form
        self.category = QComboBox()
        self.category.addItems(choices.categories)
        self.urgency = code_combo(cases.URGENCIES)
        select_data(self.urgency, "normal")
        self.source = code_combo(cases.SOURCES)
        select_data(self.source, "walk_in")
        self.household = HouseholdField(ctx)
        self.household.changed.connect(self.load_members)
        self.reporter = QComboBox()
        self.reporter.addItem(self.tr("(not a member / anonymous)"), "")
        self.reporter_name, self.reporter_phone, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        self.reporter_name.setPlaceholderText(self.tr("If not a resident here"))
        self.description = prose(100)
        self.staff, self.org = QComboBox(), QComboBox()
        fill_combo(self.staff, choices.staff, "")
        fill_combo(self.org, choices.organizations, "")
        self.attachments = AttachmentPicker()
        for field, label, widget in (
            ("category", self.tr("Category"), self.category),
            ("urgency", self.tr("Urgency"), self.urgency),
            ("source", self.tr("Source"), self.source),
            ("household_id", self.tr("Household"), self.household),
            ("reporter_resident_id", self.tr("Reporter"), self.reporter),
            ("reporter_name", self.tr("Reporter's name"), self.reporter_name),
            ("reporter_phone", self.tr("Reporter's phone"), self.reporter_phone),
            ("place", self.tr("Place"), self.place),
            ("description", self.tr("Request"), self.description),
            ("assignee_staff_id", self.tr("Handled by (staff)"), self.staff),
            ("assignee_org_id", self.tr("Handled by (organization)"), self.org),
            ("attachments", self.tr("Attachments"), self.attachments),
        ):
            f.add_row(field, label, widget)
        if household is not None:
            self.household.set_household(*household)
        self.resize(620, 640)

    def load_members(self, household_id: str) -> None:
        """The chosen household's members become the choices for 诉求人."""

        def show(members: list[ResidentRow]) -> None:
            fill_combo(
                self.reporter,
                [(m.name, m.id) for m in members],
                self.tr("(not a member / anonymous)"),
            )

        self.ctx.query(partial(search.household_members, self.ctx.db, household_id), show)

    def data(self) -> CaseInput:
        return CaseInput(
            category=self.category.currentText(),
            description=self.description.toPlainText(),
            urgency=str(self.urgency.currentData()),
            source=str(self.source.currentData()),
            household_id=self.household.household_id,
            reporter_resident_id=combo_value(self.reporter),
            reporter_name=self.reporter_name.text(),
            reporter_phone=self.reporter_phone.text(),
            place=self.place.text(),
            assignee_staff_id=combo_value(self.staff),
            assignee_org_id=combo_value(self.org),
            attachments=tuple(self.attachments.paths),
        )

    def action(self) -> Callable[[], Any]:
        return partial(cases.create_case, self.ctx.db, self.data())


def open_case_dialog(
    ctx: AppContext, parent: QWidget | None, household: tuple[str, str] | None = None
) -> None:
    open_entry_dialog(CaseDialog, ctx, parent, household)


class CaseStepDialog(SaveDialog):
    """One action on a case with a line of text: the next state, a note, or 上报街道."""

    def __init__(self, ctx: AppContext, case: CaseRow, kind: str, parent: QWidget) -> None:
        self.case, self.kind = case, kind
        self.target = NEXT_STEP.get(case.status_code, "")
        titles = {
            "transition": self.tr("%1 → %2")
            .replace("%1", case.status)
            .replace("%2", cases.STATUSES.get(self.target, "")),
            "note": self.tr("Progress note"),
            "escalate": self.tr("Report to the street office"),
        }
        super().__init__(ctx, f"{case.number} · {titles[kind]}", parent)
        self.form.add_row("", self.tr("Request"), QLabel(case.description[:120]))
        self.satisfaction = code_combo(cases.SATISFACTIONS, empty="")
        if self.target == "called_back" and kind == "transition":
            self.form.add_row("satisfaction", self.tr("Satisfaction"), self.satisfaction)
        self.text = prose()
        field = {"transition": "note", "note": "note", "escalate": "escalation_reason"}[kind]
        label = self.tr("Reason") if kind == "escalate" else self.tr("Note")
        self.form.add_row(field, label, self.text)
        self.resize(520, 320)

    def action(self) -> Callable[[], Any]:
        db, case_id, text = self.ctx.db, self.case.id, self.text.toPlainText()
        if self.kind == "note":
            return partial(cases.add_note, db, case_id, text)
        if self.kind == "escalate":
            return partial(cases.escalate, db, case_id, text)
        satisfaction = combo_value(self.satisfaction)
        return partial(cases.transition, db, case_id, self.target, text, satisfaction)
