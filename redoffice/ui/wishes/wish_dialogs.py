"""Dialogs of the 微心愿 page: register a wish (征集), verify, claim, fulfil, follow up, and
register a 双报到 member or a service record. Each saves through one service call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from redoffice.kit import clock
from redoffice.kit.codes import TAGS
from redoffice.registry import party_members, search
from redoffice.registry.party_members import ClaimerChoices, MemberForm, MemberInput, ServiceInput
from redoffice.registry.search import ResidentQuery, ResidentRow
from redoffice.ui.kit.attachments_dialog import AttachmentPicker
from redoffice.ui.kit.check_list import checkable_list, checked_data
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, select_data
from redoffice.ui.registry.privacy_dialogs import RevealField
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import WishRow
from redoffice.wishes.service import ClaimInput, FulfilInput, WishForm, WishInput


def _today_edit(required: bool = True) -> DateField:
    edit = DateField(required=required)
    edit.set_value(clock.today())
    return edit


def _day(edit: DateField) -> date:
    return edit.required_value()


def _dated(given: bool, stored: date | None, first: date) -> date | None:
    """A consent keeps the date it was first recorded; a new one is dated ``first``."""
    return (stored or first) if given else None


class ResidentChooser(QWidget):
    """Type part of a name (or ID/phone tail), pick the resident from the matches.

    ``chosen`` is emitted whenever the resident shown changes: picked from the list, or the
    first match shown after typing (the list is refilled without its own signals)."""

    chosen = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, ID or phone tail"))
        self.matches = QComboBox()
        self.matches.setMinimumWidth(280)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.matches, 1)
        self.text.textEdited.connect(self._search)
        self.matches.currentIndexChanged.connect(self.chosen)

    def _search(self, text: str) -> None:
        if len(text.strip()) >= 1:
            job = partial(search.search_residents, self.ctx.db, ResidentQuery(text=text), 20)
            self.ctx.query(job, self._show)

    def _show(self, rows: list[ResidentRow]) -> None:
        fill_combo(
            self.matches,
            [(f"{r.name}　{r.address}　{r.id_number_masked}", r.id) for r in rows],
            None,
        )
        self.chosen.emit()

    def set_resident(self, text: str, resident_id: str) -> None:
        fill_combo(self.matches, [(text, resident_id)], None)
        self.chosen.emit()

    def value(self) -> str | None:
        return combo_value(self.matches)


class WishDialog(SaveDialog):
    """征集: the wish, its beneficiary, group (from their tags), value and the consents."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        wish_id: str | None = None,
        form: WishForm | None = None,
    ) -> None:
        title = self.tr("Correct a wish") if wish_id else self.tr("Register a wish")
        super().__init__(ctx, title, parent)
        self.wish_id = wish_id
        self._group = form.data.group_tag if form else ""
        self._stored = form.data if form else None
        self.who = ResidentChooser(ctx)
        self.who.chosen.connect(self._load_groups)
        self.text = QLineEdit()
        self.category = code_combo(wishes.CATEGORIES)
        self.group = QComboBox()
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("Yuan"))
        self.collected_on, self.collected_by = _today_edit(), QLineEdit()
        self.consent = QCheckBox(self.tr("Agrees that the wish is published (signed)"))
        self.guardian = QLineEdit()
        self.guardian.setPlaceholderText(self.tr("Only for a child under 14"))
        for field, label, widget in (
            ("beneficiary_id", self.tr("Beneficiary"), self.who),
            ("text", self.tr("Wish"), self.text),
            ("category", self.tr("Category"), self.category),
            ("group_tag", self.tr("Group"), self.group),
            ("estimated_value", self.tr("Estimated value"), self.value),
            ("collected_on", self.tr("Collected on"), self.collected_on),
            ("collected_by", self.tr("Collected by"), self.collected_by),
            ("consent_on", self.tr("Consent"), self.consent),
            ("guardian", self.tr("Guardian who consented"), self.guardian),
        ):
            self.form.add_row(field, label, widget)
        if form is not None:
            self._fill(form)
        self.resize(620, 460)

    def _fill(self, form: WishForm) -> None:
        d = form.data
        self.text.setText(d.text)
        select_data(self.category, d.category)
        self.value.setText(d.estimated_value)
        self.collected_on.set_value(d.collected_on)
        self.collected_by.setText(d.collected_by)
        self.consent.setChecked(d.consent_on is not None)
        self.guardian.setText(d.guardian)
        self._show_groups([d.group_tag] if d.group_tag else [])  # until the list comes
        self.who.set_resident(form.beneficiary_name, d.beneficiary_id)

    def _load_groups(self) -> None:
        resident = self.who.value()
        if resident:
            job = partial(wishes.resident_groups, self.ctx.db, resident)
            self.ctx.query(job, self._show_groups)
        else:
            self._show_groups([])

    def _show_groups(self, tags: list[str]) -> None:
        """The beneficiary's groups; the only one, or the wish's own, chosen."""
        fill_combo(self.group, [(TAGS.get(t, t), t) for t in tags], self.tr("(none)"))
        only = tags[0] if len(tags) == 1 else ""
        select_data(self.group, self._group if self._group in tags else only)

    def data(self) -> WishInput:
        day = _day(self.collected_on)
        first = clock.today() if self._stored else day  # the date a consent is first recorded
        guardian = self.guardian.text()
        return WishInput(
            beneficiary_id=self.who.value() or "",
            text=self.text.text(),
            category=combo_value(self.category) or "",
            estimated_value=self.value.text(),
            collected_on=day,
            collected_by=self.collected_by.text(),
            group_tag=combo_value(self.group) or "",
            consent_on=_dated(self.consent.isChecked(), self._stored_on("consent_on"), first),
            guardian=guardian,
            guardian_consent_on=_dated(
                bool(guardian), self._stored_on("guardian_consent_on"), first
            ),
        )

    def _stored_on(self, name: str) -> date | None:
        value = getattr(self._stored, name, None)
        return value if isinstance(value, date) else None

    def action(self) -> Callable[[], Any]:
        if self.wish_id:
            return partial(wishes.update_wish, self.ctx.db, self.wish_id, self.data())
        return partial(wishes.collect, self.ctx.db, self.data())


class VerifyDialog(SaveDialog):
    """核实 by phone or a home visit."""

    def __init__(self, ctx: AppContext, row: WishRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"{row.number} · " + self.tr("Verify"), parent)
        self.row = row
        self.on, self.by = _today_edit(), QLineEdit()
        self.method = code_combo(wishes.VERIFY_METHODS)
        self.note = QLineEdit()
        for field, label, widget in (
            ("verified_on", self.tr("Verified on"), self.on),
            ("verified_by", self.tr("Verified by"), self.by),
            ("verify_method", self.tr("How"), self.method),
            ("verify_note", self.tr("Note"), self.note),
        ):
            self.form.add_row(field, label, widget)

    def action(self) -> Callable[[], Any]:
        return partial(
            wishes.verify,
            self.ctx.db,
            self.row.id,
            _day(self.on),
            self.by.text(),
            combo_value(self.method) or "",
            self.note.text(),
        )


class ClaimDialog(SaveDialog):
    """认领 by one or several members and/or a partner unit."""

    def __init__(
        self, ctx: AppContext, row: WishRow, choices: ClaimerChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, f"{row.number} · " + self.tr("Claim"), parent)
        self.row = row
        self.members = checkable_list(choices.members, set())
        self.members.setMaximumHeight(180)
        self.unit = QComboBox()
        fill_combo(self.unit, choices.units, self.tr("(no unit)"))
        self.on = _today_edit()
        self.form.add_row("wish", self.tr("Wish"), QLineEdit(row.wish, readOnly=True))
        self.form.add_row("member_ids", self.tr("Party members"), self.members)
        self.form.add_row("unit_id", self.tr("Partner unit"), self.unit)
        self.form.add_row("claimed_on", self.tr("Claimed on"), self.on)

    def action(self) -> Callable[[], Any]:
        data = ClaimInput(checked_data(self.members), combo_value(self.unit), _day(self.on))
        return partial(wishes.claim, self.ctx.db, self.row.id, data)


class FulfilDialog(SaveDialog):
    """兑现: date, actual value, signed receipt, photos."""

    def __init__(self, ctx: AppContext, row: WishRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"{row.number} · " + self.tr("Fulfilled"), parent)
        self.row = row
        self.on, self.value = _today_edit(), QLineEdit()
        self.receipt = QCheckBox(self.tr("The beneficiary signed the receipt"))
        self.photos = AttachmentPicker()
        for field, label, widget in (
            ("fulfilled_on", self.tr("Fulfilled on"), self.on),
            ("actual_value", self.tr("Actual value (yuan)"), self.value),
            ("receipt_signed", self.tr("Receipt"), self.receipt),
            ("photos", self.tr("Photos"), self.photos),
        ):
            self.form.add_row(field, label, widget)

    def action(self) -> Callable[[], Any]:
        data = FulfilInput(
            _day(self.on), self.value.text(), self.receipt.isChecked(), tuple(self.photos.paths)
        )
        return partial(wishes.fulfil, self.ctx.db, self.row.id, data)


class FollowUpDialog(SaveDialog):
    """回访: satisfaction and what the beneficiary said."""

    def __init__(self, ctx: AppContext, row: WishRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"{row.number} · " + self.tr("Follow-up call"), parent)
        self.row = row
        self.on = _today_edit()
        self.satisfaction = code_combo(wishes.SATISFACTION)
        self.feedback = QPlainTextEdit()
        self.feedback.setMaximumHeight(90)
        for field, label, widget in (
            ("feedback_on", self.tr("Date"), self.on),
            ("satisfaction", self.tr("Satisfaction"), self.satisfaction),
            ("feedback", self.tr("Feedback"), self.feedback),
        ):
            self.form.add_row(field, label, widget)

    def action(self) -> Callable[[], Any]:
        return partial(
            wishes.follow_up,
            self.ctx.db,
            self.row.id,
            _day(self.on),
            combo_value(self.satisfaction) or "",
            self.feedback.toPlainText(),
        )


class MemberDialog(SaveDialog):
    """双报到: register a party member (a resident, or someone living elsewhere), or change one."""

    def __init__(
        self,
        ctx: AppContext,
        form: MemberForm,
        member_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Party member") if member_id else self.tr("Register a party member")
        super().__init__(ctx, title, parent)
        self.member_id = member_id
        self.resident = ResidentChooser(ctx)
        self.name, self.phone, self.workplace = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone_reveal = RevealField(ctx, "party_member", "phone", self.phone)
        self.unit = QComboBox()
        fill_combo(self.unit, form.units, self.tr("(no unit)"))
        self.party_org, self.reported_on = QLineEdit(), _today_edit(required=False)
        self.commitments = QPlainTextEdit()
        self.commitments.setMaximumHeight(80)
        self.active = QCheckBox(self.tr("Still reports to this community"))
        self.active.setChecked(True)
        for field, label, widget in (
            ("resident_id", self.tr("Resident (if living here)"), self.resident),
            ("name", self.tr("Name"), self.name),
            ("phone", self.tr("Phone"), self.phone_reveal),
            ("workplace", self.tr("Workplace"), self.workplace),
            ("unit_id", self.tr("Partner unit"), self.unit),
            ("party_org", self.tr("Party organization"), self.party_org),
            ("reported_on", self.tr("Reported on"), self.reported_on),
            ("commitments", self.tr("Service commitments"), self.commitments),
            ("active", "", self.active),
        ):
            self.form.add_row(field, label, widget)
        if form.data is not None:
            self._fill(form.data, form.resident_name)
        self.resize(600, 500)

    def _fill(self, data: MemberInput, resident_name: str) -> None:
        if data.resident_id:
            fill_combo(self.resident.matches, [(resident_name, data.resident_id)], None)
        self.name.setText(data.name)
        if self.member_id is not None:
            self.phone_reveal.load(self.member_id, data.phone)
        self.workplace.setText(data.workplace)
        select_data(self.unit, data.unit_id)
        self.party_org.setText(data.party_org)
        self.reported_on.set_value(data.reported_on)
        self.commitments.setPlainText(data.commitments)
        self.active.setChecked(data.active)

    def action(self) -> Callable[[], Any]:
        data = MemberInput(
            name=self.name.text(),
            resident_id=self.resident.value(),
            phone=self.phone_reveal.value(),
            workplace=self.workplace.text(),
            unit_id=combo_value(self.unit),
            party_org=self.party_org.text(),
            reported_on=self.reported_on.value(),
            commitments=self.commitments.toPlainText(),
            active=self.active.isChecked(),
        )
        return partial(party_members.save_member, self.ctx.db, data, self.member_id)


class ServiceDialog(SaveDialog):
    """A service a member gave: date, activity, hours."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: str,
        name: str,
        claimed: list[tuple[str, str]],
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, f"{name} · " + self.tr("Service record"), parent)
        self.member_id = member_id
        self.on, self.activity = _today_edit(), QLineEdit()
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(1)
        self.wish = QComboBox()
        fill_combo(self.wish, claimed, self.tr("(none)"))
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Request number, e.g. 2026-00042"))
        for field, label, widget in (
            ("service_date", self.tr("Date"), self.on),
            ("activity", self.tr("Activity"), self.activity),
            ("hours", self.tr("Hours"), self.hours),
            ("wish_id", self.tr("For the wish"), self.wish),
            ("case", self.tr("For the request"), self.case),
        ):
            self.form.add_row(field, label, widget)

    def action(self) -> Callable[[], Any]:
        data = ServiceInput(
            self.member_id,
            _day(self.on),
            self.activity.text(),
            self.hours.value(),
            wish_id=combo_value(self.wish),
            case=self.case.text(),
        )
        return partial(party_members.add_service, self.ctx.db, data)
