"""Dialogs of the 基金 page: accounts, income, applications and their steps, 公示, objections,
payment, reversal and period close. Each saves through one service call on the worker, as the
current operator's staff record where a step needs one; a refusal keeps the dialog open with
what was typed and the Chinese reason beside its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from redoffice.fund import accounts, applications, ledger
from redoffice.fund.accounts import AccountInput
from redoffice.fund.applications import ApplicationInput, NoticeInput, PayInput, StepInput
from redoffice.fund.codes import (
    ACCOUNT_KINDS,
    DONOR_KINDS,
    HARDSHIPS,
    PAY_METHODS,
    PAY_PLACES,
    ROLES,
    SOURCES,
    USES,
)
from redoffice.fund.ledger import IncomeInput
from redoffice.fund.queries import ApplicationRow
from redoffice.fund.screens import FundChoices
from redoffice.kit import clock
from redoffice.ui.fund.common import as_operator, money
from redoffice.ui.kit import ask
from redoffice.ui.kit.attachments_dialog import AttachmentPicker
from redoffice.ui.kit.check_list import checkable_list, checked_data
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.resident_chooser import ResidentChooser
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, select_data

INCOME_ROLES = f"{ROLES['handler']}或{ROLES['accountant']}"  # who may record income


def today_field(required: bool = True) -> DateField:
    field = DateField(required=required)
    field.set_value(clock.today())
    return field


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _yuan_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _suggest(combo: QComboBox, role: str, operator: str) -> None:
    """The only staff member, other than the operator, who holds ``role`` (shown in the
    choice's label), chosen to start with."""
    fitting = [
        n
        for n in range(combo.count())
        if role in combo.itemText(n) and not combo.itemText(n).startswith(f"{operator}（")
    ]
    if len(fitting) == 1:
        combo.setCurrentIndex(fitting[0])


class OperatorLabel(QLabel):
    """Who the step is recorded as done by: the operator of the status bar, and the fund role
    (codes.ROLES) the step needs of them."""

    def __init__(self, ctx: AppContext, role: str = "") -> None:
        super().__init__()
        name = ctx.db.actor or ""
        if role:
            text = self.tr("%1 (the current operator), as %2").replace("%2", ROLES.get(role, role))
        else:
            text = self.tr("%1 (the current operator)")
        self.setText(text.replace("%1", name))


# ── Accounts and income ────────────────────────────────────────────────────────────────────


class AccountDialog(SaveDialog):
    """新增账户 / 编辑账户: a 专户, a 党费专项科目 or a 社区慈善基金 (with its 慈善组织)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        account_id: str | None = None,
        form: AccountInput | None = None,
    ) -> None:
        title = self.tr("Edit account") if account_id else self.tr("New account")
        super().__init__(ctx, title, parent)
        self.account_id = account_id
        self.name, self.holder, self.bank = QLineEdit(), QLineEdit(), QLineEdit()
        self.kind = code_combo(ACCOUNT_KINDS)
        self.holder.setPlaceholderText(self.tr("The charity holding a 社区慈善基金"))
        self.opened_on = today_field()
        self.active = QCheckBox(self.tr("In use (income and payments can be recorded)"))
        self.active.setChecked(True)
        self.notes = _text_box()
        for field, label, widget in (
            ("account_name", self.tr("Account name"), self.name),
            ("account_kind", self.tr("Kind"), self.kind),
            ("holder", self.tr("Held by"), self.holder),
            ("bank_account", self.tr("Bank account"), self.bank),
            ("opened_on", self.tr("Opened on"), self.opened_on),
            ("active", "", self.active),
            ("notes", self.tr("Notes"), self.notes),
        ):
            self.form.add_row(field, label, widget)
        if form is not None:
            self.name.setText(form.name)
            select_data(self.kind, form.kind)
            self.holder.setText(form.holder)
            self.bank.setText(form.bank_account)
            self.opened_on.set_value(form.opened_on)
            self.active.setChecked(form.active)
            self.notes.setPlainText(form.notes)
        self.resize(560, 420)

    def data(self) -> AccountInput:
        return AccountInput(
            name=self.name.text(),
            kind=combo_value(self.kind) or "",
            holder=self.holder.text(),
            bank_account=self.bank.text(),
            opened_on=self.opened_on.value(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def action(self) -> Callable[[], Any]:
        return partial(accounts.save_account, self.ctx.db, self.data(), self.account_id)


class IncomeDialog(SaveDialog):
    """登记收入: the account, the source, the amount in yuan, the donor (a donation gets a 捐赠
    收据 number), the channel, the voucher; recorded with the operator as 经办人."""

    def __init__(
        self, ctx: AppContext, choices: FundChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Record income"), parent)
        self.account = QComboBox()
        fill_combo(self.account, choices.accounts, None)
        self.source = code_combo(SOURCES)
        self.amount = _yuan_edit(self.tr("Yuan, e.g. 10000.00"))
        self.entry_date = today_field()
        self.donor_kind = code_combo(DONOR_KINDS, empty=self.tr("(not a donation)"))
        self.donor_name, self.channel, self.voucher = QLineEdit(), QLineEdit(), QLineEdit()
        self.donor_name.setPlaceholderText(self.tr("Person or unit, as printed on the receipt"))
        self.channel.setPlaceholderText(self.tr("The charity it came through, if any"))
        self.checked_by = QComboBox()
        fill_combo(self.checked_by, choices.staff, self.tr("(none)"))
        self.note = _text_box(60)
        for field, label, widget in (
            ("account_id", self.tr("Account"), self.account),
            ("source", self.tr("Source"), self.source),
            ("amount", self.tr("Amount (yuan)"), self.amount),
            ("entry_date", self.tr("Date"), self.entry_date),
            ("donor_kind", self.tr("Donor"), self.donor_kind),
            ("donor_name", self.tr("Donor name"), self.donor_name),
            ("channel", self.tr("Channel"), self.channel),
            ("voucher_no", self.tr("Voucher number"), self.voucher),
            ("checked_by", self.tr("Checked by"), self.checked_by),
            ("note", self.tr("Note"), self.note),
            ("handled_by", self.tr("Handled by"), OperatorLabel(ctx, INCOME_ROLES)),
        ):
            self.form.add_row(field, label, widget)
        self.resize(600, 520)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        values: dict[str, Any] = {
            "account_id": combo_value(self.account) or "",
            "source": combo_value(self.source) or "",
            "amount": self.amount.text(),
            "entry_date": self.entry_date.required_value(),
            "donor_kind": combo_value(self.donor_kind) or "",
            "donor_name": self.donor_name.text(),
            "channel": self.channel.text(),
            "voucher_no": self.voucher.text(),
            "note": self.note.toPlainText(),
            "checked_by": combo_value(self.checked_by),
        }
        return as_operator(
            db, lambda by: ledger.add_income(db, IncomeInput(handled_by=by, **values))
        )


class ReverseDialog(SaveDialog):
    """冲正: the reason and the date of the reversing entry (by the operator, a 会计)."""

    def __init__(
        self,
        ctx: AppContext,
        entry_id: str,
        label: str,
        parent: QWidget | None = None,
        summary: str = "",
    ) -> None:
        super().__init__(ctx, self.tr("Reverse entry %1").replace("%1", label), parent)
        self.entry_id = entry_id
        self.reason = _text_box()
        self.on = today_field()
        self.summary = QLabel(summary or label)
        self.summary.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "A reversal cannot be undone: a new entry of the opposite amount is written and "
                "both stay in the ledger."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.form.add_row("entry", self.tr("Entry"), self.summary)
        self.form.add_row("reason", self.tr("Reason"), self.reason)
        self.form.add_row("entry_date", self.tr("Date"), self.on)
        self.form.add_row("handled_by", self.tr("Reversed by"), OperatorLabel(ctx, "accountant"))
        self.form.add_row("warning", "", self.warning)
        self.resize(560, 340)

    def submit(self) -> None:
        """Asks once more (No is the default): a reversal cannot be undone."""
        if not self.buttons.isEnabled():
            return
        question = self.tr("Reverse %1? This cannot be undone.").replace("%1", self.summary.text())
        if ask.risky(self, self.windowTitle(), question):
            super().submit()

    def action(self) -> Callable[[], Any]:
        reason, on = self.reason.toPlainText(), self.on.required_value()
        db = self.ctx.db
        return as_operator(db, lambda by: ledger.reverse(db, self.entry_id, reason, by, on))


class ClosePeriodDialog(SaveDialog):
    """结账: a quarter (2026Q3) or a year (2026) that has ended, by the operator (a 会计)."""

    def __init__(self, ctx: AppContext, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Close a period"), parent)
        self.period = QLineEdit(suggested)
        self.period.setPlaceholderText(self.tr("2026Q3 (a quarter) or 2026 (a year)"))
        self.on = today_field()
        note = QLabel(
            self.tr(
                "Once closed, nothing can be dated inside the period any more; a mistake is "
                "then corrected by a reversing entry dated later."
            )
        )
        note.setWordWrap(True)
        self.form.add_row("period", self.tr("Period"), self.period)
        self.form.add_row("closed_on", self.tr("Closed on"), self.on)
        self.form.add_row("closed_by", self.tr("Closed by"), OperatorLabel(ctx, "accountant"))
        self.form.add_row("note", "", note)
        self.resize(560, 280)

    def action(self) -> Callable[[], Any]:
        period, on = self.period.text(), self.on.required_value()
        db = self.ctx.db
        return as_operator(db, lambda by: ledger.close_period(db, period, by, on))


# ── Applications ───────────────────────────────────────────────────────────────────────────


class ApplicationDialog(SaveDialog):
    """新建申请: the applicant (a resident), hardship, use, amount asked, reason, family size,
    income per head, attachments (kept, never printed on a notice); entered by the operator
    (a 经办人)."""

    def __init__(
        self, ctx: AppContext, choices: FundChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("New application"), parent)
        self.who = ResidentChooser(ctx)
        self.member = QComboBox()
        fill_combo(self.member, choices.members, self.tr("(not a registered party member)"))
        self.account = QComboBox()
        fill_combo(self.account, choices.accounts, None)
        self.hardship = code_combo(HARDSHIPS)
        self.use = code_combo(USES)
        self.amount = _yuan_edit(self.tr("Yuan"))
        self.reason = _text_box(80)
        self.family = QSpinBox()
        self.family.setRange(0, applications.MAX_FAMILY)
        self.family.setSpecialValueText(self.tr("unknown"))
        self.family.setMaximumWidth(120)
        self.income = _yuan_edit(self.tr("Yuan a month per person"))
        self.applied_on = today_field()
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("Only when helped within the last months"))
        self.files = AttachmentPicker()
        for field, label, widget in (
            ("fund_applicant", self.tr("Applicant (resident)"), self.who),
            ("member_id", self.tr("Or a 双报到 party member"), self.member),
            ("account_id", self.tr("Account"), self.account),
            ("fund_hardship", self.tr("Hardship"), self.hardship),
            ("fund_use", self.tr("Use"), self.use),
            ("fund_amount_asked", self.tr("Amount asked (yuan)"), self.amount),
            ("fund_reason", self.tr("Reason"), self.reason),
            ("fund_family_size", self.tr("Family size"), self.family),
            ("fund_income_per_capita", self.tr("Income per head"), self.income),
            ("fund_applied_on", self.tr("Applied on"), self.applied_on),
            ("fund_repeat_override", self.tr("Why help again"), self.override),
            ("attachments", self.tr("Attachments"), self.files),
        ):
            self.form.add_row(field, label, widget)
        self.resize(680, 620)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        values: dict[str, Any] = {
            "account_id": combo_value(self.account) or "",
            "hardship": combo_value(self.hardship) or "",
            "use": combo_value(self.use) or "",
            "amount_asked": self.amount.text(),
            "reason": self.reason.toPlainText(),
            "applied_on": self.applied_on.required_value(),
            "resident_id": None if combo_value(self.member) else self.who.value(),
            "member_id": combo_value(self.member),
            "family_size": self.family.value() or None,
            "income_per_capita": self.income.text(),
            "repeat_override": self.override.text(),
            "attachments": tuple(self.files.paths),
        }
        return as_operator(
            db, lambda by: applications.apply(db, ApplicationInput(entered_by=by, **values))
        )


STEP_TITLES = {
    "review": "初审",
    "approve": "审核",
    "approve_higher": "上级审批",
    "reject": "不予批准",
    "withdraw": "撤回",
}


class StepDialog(SaveDialog):
    """初审 / 审核 / 上级审批 / 不予批准 / 撤回: the date and the opinion (the reason, for 不予批准
    and 撤回); 审核 also the amount approved (the amount asked when left empty)."""

    def __init__(
        self,
        ctx: AppContext,
        application_id: str,
        label: str,
        step: str,
        parent: QWidget | None = None,
        asked: str = "",
        approved: str = "",
    ) -> None:
        super().__init__(ctx, f"{label} · {STEP_TITLES[step]}", parent)
        self.application_id, self.step = application_id, step
        self.on = today_field()
        self.opinion = _text_box(90)
        self.amount = _yuan_edit(self.tr("Empty: the amount asked, %1").replace("%1", asked))
        opinion_label = (
            self.tr("Reason")
            if step in ("reject", "withdraw")
            else self.tr("Decision of the higher level")
            if step == "approve_higher"
            else self.tr("Opinion")
        )
        summary = QLabel(self.tr("%1, asked %2").replace("%1", label).replace("%2", asked))
        if step == "approve_higher":
            summary.setText(
                self.tr("%1, asked %2, approved by the community %3")
                .replace("%1", label)
                .replace("%2", asked)
                .replace("%3", approved)
            )
            self.amount.setPlaceholderText(
                self.tr("Empty: as the community approved, %1").replace("%1", approved)
            )
        summary.setWordWrap(True)
        self.form.add_row("application", self.tr("Application"), summary)
        self.form.add_row("fund_acted_on", self.tr("Date"), self.on)
        if step == "approve":
            approved_label = self.tr("Amount approved (yuan)")
            self.form.add_row("fund_amount_approved", approved_label, self.amount)
        elif step == "approve_higher":
            higher_label = self.tr("Amount the higher level approved (yuan)")
            self.form.add_row("fund_amount_approved", higher_label, self.amount)
        self.form.add_row("fund_opinion", opinion_label, self.opinion)
        by = self.tr("Recorded by") if step == "approve_higher" else self.tr("By")
        self.form.add_row("by", by, OperatorLabel(ctx, applications.TRANSITIONS[step][3]))
        self.resize(560, 360)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        on, opinion = self.on.required_value(), self.opinion.toPlainText()
        amount = self.amount.text() if self.step in ("approve", "approve_higher") else None
        step, application_id = self.step, self.application_id
        return as_operator(
            db,
            lambda by: applications.take_step(
                db, application_id, step, StepInput(by, on, opinion, amount)
            ),
        )


class NoticeDialog(SaveDialog):
    """公示 of the selected approved applications: the title, the basis, the first day and the
    number of working days (the setting when left at 0), the 监督电话."""

    def __init__(
        self,
        ctx: AppContext,
        approved: Sequence[ApplicationRow],
        chosen: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Public notice"), parent)
        self.listed = checkable_list(
            [
                (f"{r.number}　{r.applicant}　{r.use_label}　{money(r.amount_approved)}", r.id)
                for r in approved
            ],
            chosen,
        )
        self.listed.setMaximumHeight(150)
        self.title = QLineEdit(
            self.tr("%1年红色基金救助对象公示").replace("%1", str(clock.today().year))
        )
        self.basis = _text_box(60)
        self.starts_on = today_field()
        self.days = QSpinBox()
        self.days.setRange(0, 30)
        self.days.setSpecialValueText(self.tr("as in the settings"))
        self.days.setMaximumWidth(160)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Supervision phone (the setting when empty)"))
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(
            self.tr("Only for a notice posted on paper before today and entered late")
        )
        for field, label, widget in (
            ("fund_notice_applications", self.tr("Applications"), self.listed),
            ("fund_notice_title", self.tr("Title"), self.title),
            ("fund_notice_basis", self.tr("Basis"), self.basis),
            ("fund_starts_on", self.tr("Notice from"), self.starts_on),
            ("fund_notice_days", self.tr("Working days"), self.days),
            ("fund_notice_phone", self.tr("Supervision phone"), self.phone),
            ("fund_notice_late_reason", self.tr("Why entered late"), self.late_reason),
            ("by", self.tr("Issued by"), OperatorLabel(ctx, "handler")),
        ):
            self.form.add_row(field, label, widget)
        self.resize(600, 520)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        ids = [str(i) for i in checked_data(self.listed)]
        values = (
            self.starts_on.required_value(),
            self.title.text(),
            self.basis.toPlainText(),
            self.days.value() or None,
            self.phone.text().strip() or None,
            self.late_reason.text(),
        )

        def notice(by: str) -> str:
            starts_on, title, basis, days, phone, late = values
            data = NoticeInput(starts_on, title, basis, days, phone, None, by, late)
            return applications.open_notice(db, ids, data)

        return as_operator(db, notice)


class ObjectionDialog(SaveDialog):
    """登记异议: what was said and when it was received (it blocks payment until resolved)."""

    def __init__(
        self,
        ctx: AppContext,
        application_id: str,
        label: str,
        parent: QWidget | None = None,
        summary: str = "",
    ) -> None:
        super().__init__(ctx, f"{label} · " + self.tr("Record an objection"), parent)
        self.application_id = application_id
        self.text = _text_box(100)
        self.received_on = today_field()
        about = QLabel(summary or label)
        about.setWordWrap(True)
        self.form.add_row("application", self.tr("Application"), about)
        self.form.add_row("fund_objection_text", self.tr("Objection"), self.text)
        self.form.add_row("fund_received_on", self.tr("Received on"), self.received_on)
        self.form.add_row("by", self.tr("Recorded by"), OperatorLabel(ctx))
        self.resize(560, 340)

    def action(self) -> Callable[[], Any]:
        db, application_id = self.ctx.db, self.application_id
        text, on = self.text.toPlainText(), self.received_on.required_value()
        return as_operator(
            db, lambda by: applications.add_objection(db, application_id, text, on, by)
        )


class ResolveDialog(SaveDialog):
    """处理异议: dismissed (payment may go ahead) or upheld, with the resolution, by the operator
    (a 审核人)."""

    def __init__(
        self,
        ctx: AppContext,
        objection_id: str,
        objection: str,
        parent: QWidget | None = None,
        summary: str = "",
    ) -> None:
        super().__init__(ctx, self.tr("Resolve the objection"), parent)
        self.objection_id = objection_id
        said = QLabel(objection)
        said.setWordWrap(True)
        about = QLabel(summary)
        about.setWordWrap(True)
        self.form.add_row("application", self.tr("Application"), about)
        self.outcome = code_combo(applications.OUTCOMES)
        self.resolution = _text_box(90)
        self.on = today_field()
        for field, label, widget in (
            ("objection", self.tr("Objection"), said),
            ("fund_outcome", self.tr("Outcome"), self.outcome),
            ("fund_resolution", self.tr("Resolution"), self.resolution),
            ("fund_acted_on", self.tr("Date"), self.on),
            ("by", self.tr("By"), OperatorLabel(ctx, "reviewer")),
        ):
            self.form.add_row(field, label, widget)
        self.resize(560, 380)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        values = (
            self.objection_id,
            combo_value(self.outcome) or "",
            self.resolution.toPlainText(),
        )
        on = self.on.required_value()
        return as_operator(db, lambda by: applications.resolve_objection(db, *values, by=by, on=on))


class PayDialog(SaveDialog):
    """发放 by the operator (a 出纳), checked by a 会计 chosen here: amount (at most the amount
    approved), date, method and place, voucher."""

    def __init__(
        self,
        ctx: AppContext,
        application_id: str,
        label: str,
        approved: str,
        choices: FundChoices,
        parent: QWidget | None = None,
        summary: str = "",
    ) -> None:
        super().__init__(ctx, f"{label} · " + self.tr("Pay out"), parent)
        self.application_id = application_id
        about = QLabel(summary or label)
        about.setWordWrap(True)
        self.form.add_row("application", self.tr("Application"), about)
        self.amount = _yuan_edit(self.tr("Yuan"))
        self.amount.setText(approved)
        self.entry_date = today_field()
        self.method = code_combo(PAY_METHODS)
        self.place = code_combo(PAY_PLACES)
        select_data(self.place, "office")
        self.checked_by = QComboBox()
        fill_combo(self.checked_by, choices.staff, self.tr("(choose the accountant)"))
        _suggest(self.checked_by, ROLES["accountant"], ctx.db.actor or "")
        self.voucher = QLineEdit()
        for field, label, widget in (
            ("fund_amount_paid", self.tr("Amount (yuan)"), self.amount),
            ("fund_entry_date", self.tr("Date"), self.entry_date),
            ("fund_pay_method", self.tr("Method"), self.method),
            ("fund_pay_place", self.tr("Where"), self.place),
            ("checked_by", self.tr("Accountant (checks)"), self.checked_by),
            ("fund_voucher_no", self.tr("Voucher number"), self.voucher),
            ("handled_by", self.tr("Cashier (pays)"), OperatorLabel(ctx, "cashier")),
        ):
            self.form.add_row(field, label, widget)
        self.resize(560, 420)

    def action(self) -> Callable[[], Any]:
        db = self.ctx.db
        application_id = self.application_id
        values = (
            self.amount.text(),
            self.entry_date.required_value(),
            combo_value(self.checked_by) or "",
            combo_value(self.method) or "",
            combo_value(self.place) or "",
            self.voucher.text(),
        )

        def pay(by: str) -> str:
            amount, on, checker, method, place, voucher = values
            data = PayInput(amount, on, by, checker, method, place, voucher)
            return applications.pay(db, application_id, data)

        return as_operator(db, pay)
