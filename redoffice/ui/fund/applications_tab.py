"""申请: applications by step, each with what it is waiting for and by whom; the steps as
buttons (each enabled only from the state it starts from), 公示 of several approved ones, the
objections, the payment and the printed 审批表 / 签收单."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts.permissions import Permission as P
from redoffice.fund import queries, screens
from redoffice.fund.applications import BEFORE_PAID
from redoffice.fund.codes import STATUSES
from redoffice.fund.queries import ApplicationDetail, ApplicationRow
from redoffice.fund.roles import OBJECTION
from redoffice.fund.screens import FundChoices
from redoffice.kit.money import yuan
from redoffice.ui.fund import printing
from redoffice.ui.fund.common import acting_staff, day, money
from redoffice.ui.fund.fund_dialogs import (
    ApplicationDialog,
    NoticeDialog,
    ObjectionDialog,
    PayDialog,
    ResolveDialog,
    StepDialog,
)
from redoffice.ui.kit import ask
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import Writes, button_row, combo_value, select_data, splitter, stacked

MINE, DUE = "mine", "due"  # the filters the 工作台 opens: waiting on me, payments due


def _keys(tab: ApplicationsTab) -> list[str]:
    return list(map(str, tab.table.rows_model.keys()))


def _load(db: Any, which: str, text: str) -> list[ApplicationRow]:
    """The rows of filter ``which`` (a state, 待我办理, 待发放 or all) matching ``text``."""
    if which == MINE:
        rows = queries.waiting_on(db, acting_staff(db))
    elif which == DUE:
        rows = queries.payments_due(db)
    else:
        return queries.application_rows(db, which or None, text)
    words = text.strip()
    return [r for r in rows if not words or words in r.number or words in r.applicant]


class ApplicationsTab(QWidget):
    """The list over the selected application's steps, objections and payments.
    ``notice_opened(id)``: a 公示 was saved from here (the 公示 tab selects it)."""

    notice_opened = Signal(str)

    SHOWS = frozenset(
        {
            "fund_application",
            "fund_step",
            "fund_objection",
            "fund_notice",
            "fund_entry",
            "fund_account",
            "resident",
            "party_member",
            "household",
            "estate",
            "grid",
            "staff",
            "setting",
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ApplicationRow] = []
        self._select_next: str | None = None  # to select once the list shows it
        self.status = QComboBox()
        self.status.addItem(self.tr("All states"), "")
        self.status.addItem(self.tr("Waiting on me"), MINE)
        self.status.addItem(self.tr("Payments due"), DUE)
        for code, label in STATUSES.items():
            self.status.addItem(label, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number or applicant"))
        self.search.setClearButtonEnabled(True)
        self.status.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.table = SimpleTable(
            [
                self.tr("Number"),
                self.tr("Applicant"),
                self.tr("Grid / estate"),
                self.tr("Hardship"),
                self.tr("Use"),
                self.tr("Asked"),
                self.tr("Approved"),
                self.tr("Paid"),
                self.tr("State"),
                self.tr("Waiting for"),
                self.tr("Applied on"),
            ],
            stretch=9,
        )
        self.table.current_changed.connect(self.show_detail)
        self.table.activated_key.connect(lambda _key: self.print_("form"))  # 双击: the 审批表
        self.count = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = SimpleTable(
            [
                self.tr("Date"),
                self.tr("Step"),
                self.tr("By"),
                self.tr("Amount"),
                self.tr("Opinion"),
            ],
            stretch=4,
        )
        steps_row, prints_row = self._actions(), self._prints()
        self._rules(layout_buttons(steps_row), layout_buttons(prints_row))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.count)
        split = splitter(
            Qt.Orientation.Vertical, [380, 220], self.table, stacked(self.detail, self.steps)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(steps_row)
        layout.addLayout(prints_row)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        refresh_on(ctx, self, self.SHOWS, self.refresh).request()  # now, or once shown

    def _actions(self) -> QHBoxLayout:
        handle, review, pay = (P.FUND_HANDLE,), (P.FUND_REVIEW,), (P.FUND_PAY,)
        return button_row(  # each step's button follows its permission (ui/kit/role_gate)
            Writes(self.tr("New application…"), self.new_application, handle),
            Writes(self.tr("Review…"), partial(self.step, "review"), review),
            Writes(self.tr("Approve…"), partial(self.step, "approve"), review),
            Writes(self.tr("Higher approval…"), partial(self.step, "approve_higher"), review),
            Writes(self.tr("Refuse…"), partial(self.step, "reject"), review),
            Writes(self.tr("Withdraw…"), partial(self.step, "withdraw"), handle),
            Writes(self.tr("Public notice…"), self.notice, handle),
            Writes(self.tr("Objection…"), self.objection, OBJECTION),
            Writes(self.tr("Resolve objection…"), self.resolve, review),
            Writes(self.tr("Pay out…"), self.pay, pay),
        )

    def _prints(self) -> QHBoxLayout:
        return button_row(
            (self.tr("Print approval form"), partial(self.print_, "form")),
            (self.tr("Print receipt slip"), partial(self.print_, "slip")),
            Writes(self.tr("Attachments"), self.attachments),
        )

    def _rules(self, steps: list[QPushButton], prints: list[QPushButton]) -> None:
        """Each step only from its starting state (applications.TRANSITIONS)."""
        (
            _new,
            review,
            approve,
            higher,
            reject,
            withdraw,
            _notice,
            objection,
            resolve,
            pay,
        ) = steps
        form, slip, files = prints
        self.row_buttons = RowButtons(self.current, self)
        for button, rule in (
            (review, lambda r: r.status == "applied"),
            (approve, lambda r: r.status == "reviewed"),
            (higher, lambda r: r.status == "pending_higher"),
            (reject, lambda r: r.status in BEFORE_PAID),
            (withdraw, lambda r: r.status in BEFORE_PAID),
            (objection, lambda r: r.status == "on_notice"),
            (resolve, lambda r: r.status == "on_notice" and r.open_objections > 0),
            (pay, lambda r: r.status == "on_notice"),
            (form, None),
            (slip, lambda r: r.status == "paid"),
            (files, None),
        ):
            self.row_buttons.add(button, rule)
        self.row_buttons.watch(self.table)
        self.table.set_row_actions([b for b in steps[1:] + prints if b is not _notice])

    # --- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        which = combo_value(self.status) or ""
        job = partial(_load, self.ctx.db, which, self.search.text())
        self.ctx.query(job, self._show, partial(report, self))

    def _show(self, rows: list[ApplicationRow]) -> None:
        self.rows = rows
        self.table.set_rows(
            [
                (
                    r.number,
                    r.applicant,
                    " ".join(p for p in (r.grid, r.estate) if p),
                    r.hardship,
                    r.use_label,
                    money(r.amount_asked),
                    money(r.amount_approved),
                    money(r.amount_paid) if r.amount_paid else "",
                    r.status_label,
                    r.waiting_for,
                    day(r.applied_on),
                )
                for r in rows
            ],
            [r.id for r in rows],
        )
        self.count.setText(self.tr("%n application(s)", "", len(rows)))
        self.row_buttons.apply()
        keys = _keys(self)
        if self._select_next in keys:
            position = keys.index(self._select_next)
            self.table.selectRow(position)
            self.table.scrollTo(self.table.rows_model.index(position, 0))
        self._select_next = None
        if self.current() is None:  # nothing selected in this list: no other one's detail
            self.show_detail()

    def refresh(self) -> None:
        self.reload()

    def current(self) -> ApplicationRow | None:
        key = self.table.current_key()
        return next((r for r in self.rows if r.id == key), None)

    def show_filter(self, which: str) -> None:
        """From the 工作台: 待我办理 (``mine``), 待发放 (``due``) or a state."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if combo_value(self.status) == (which or None):
            self.reload()
        select_data(self.status, which)

    def select(self, application_id: str) -> None:
        self._select_next = application_id
        self.show_filter("")

    def show_detail(self) -> None:
        row = self.current()
        if row is None:
            self.detail.clear()
            self.steps.set_rows([])
            return
        job = partial(queries.application_detail, self.ctx.db, row.id)
        self.ctx.query(job, self._fill_detail)

    def _fill_detail(self, d: ApplicationDetail) -> None:
        row = self.current()
        if row is None or row.id != d.row.id:  # the list changed while it was read
            return
        parts = [
            self.tr("Account: %1").replace("%1", d.account),
            self.tr("Entered by: %1").replace("%1", d.entered_by),
            self.tr("Reason: %1").replace("%1", d.reason),
        ]
        if d.family_size:
            parts.append(self.tr("Family of %1").replace("%1", str(d.family_size)))
        if d.income_per_capita is not None:
            parts.append(
                self.tr("Income per head: %1 a month").replace("%1", money(d.income_per_capita))
            )
        if d.notice is not None:
            parts.append(
                self.tr("Notice %1: %2 to %3")
                .replace("%1", d.notice.number)
                .replace("%2", day(d.notice.starts_on))
                .replace("%3", day(d.notice.ends_on))
            )
        if d.repeat_override:
            parts.append(self.tr("Helped again because: %1").replace("%1", d.repeat_override))
        if d.closed_reason:
            parts.append(self.tr("Closed because: %1").replace("%1", d.closed_reason))
        for o in d.objections:
            state = (
                self.tr("resolved %1: %2 %3")
                .replace("%1", day(o.resolved_on))
                .replace("%2", o.outcome_label)
                .replace("%3", o.resolution)
                if o.resolved_on
                else self.tr("not resolved")
            )
            parts.append(
                self.tr("Objection of %1: %2 (%3)")
                .replace("%1", day(o.received_on))
                .replace("%2", o.text)
                .replace("%3", state)
            )
        self.detail.setText("　".join(parts))
        self.steps.set_rows(
            [(day(s.acted_on), s.label, s.staff, money(s.amount), s.opinion) for s in d.steps]
        )

    # --- actions ----------------------------------------------------------------------------
    def _with_choices(self, open_dialog: Callable[[FundChoices], None]) -> None:
        self.ctx.query(partial(screens.choices, self.ctx.db), open_dialog)

    def new_application(self) -> None:
        def open_dialog(choices: FundChoices) -> None:
            dialog = ApplicationDialog(self.ctx, choices, self)
            dialog.saved.connect(lambda new_id: self.select(str(new_id)))
            dialog.open()

        self._with_choices(open_dialog)

    def summary(self, row: ApplicationRow) -> str:
        """What a dialog acts on: number, applicant, the amount asked and approved."""
        text = (
            self.tr("%1 %2, asked %3")
            .replace("%1", row.number)
            .replace("%2", row.applicant)
            .replace("%3", money(row.amount_asked))
        )
        if row.amount_approved is not None:
            text += self.tr(", approved %1").replace("%1", money(row.amount_approved))
        return text

    def step(self, step: str) -> None:
        row = self.current()
        if row is not None:
            label = f"{row.number} {row.applicant}"
            asked, approved = money(row.amount_asked), money(row.amount_approved)
            StepDialog(self.ctx, row.id, label, step, self, asked, approved).open()

    def notice(self) -> None:
        """公示: the approved applications to tick (the selected one ticked)."""
        job = partial(queries.application_rows, self.ctx.db, "approved")
        self.ctx.query(job, self._open_notice)

    def _open_notice(self, approved: list[ApplicationRow]) -> None:
        if not approved:
            ask.inform(
                self,
                self.tr("Public notice"),
                self.tr("No application is approved and waiting for its public notice."),
            )
            return
        row = self.current()
        chosen = {row.id} if row is not None and row.status == "approved" else set()
        dialog = NoticeDialog(self.ctx, approved, chosen, self)
        dialog.saved.connect(lambda notice_id: self.notice_opened.emit(str(notice_id)))
        dialog.open()

    def objection(self) -> None:
        row = self.current()
        if row is not None:
            label = f"{row.number} {row.applicant}"
            ObjectionDialog(self.ctx, row.id, label, self, self.summary(row)).open()

    def resolve(self) -> None:
        row = self.current()
        if row is not None:
            job = partial(queries.application_detail, self.ctx.db, row.id)
            self.ctx.query(job, self._open_resolve)

    def _open_resolve(self, d: ApplicationDetail) -> None:
        open_ = [o for o in d.objections if o.resolved_on is None]
        if open_:
            summary = self.summary(d.row)
            ResolveDialog(self.ctx, open_[0].id, open_[0].text, self, summary).open()

    def pay(self) -> None:
        row = self.current()
        if row is None:
            return
        approved = yuan(row.amount_approved)
        label, summary = f"{row.number} {row.applicant}", self.summary(row)
        self._with_choices(
            lambda c: PayDialog(self.ctx, row.id, label, approved, c, self, summary).open()
        )

    def print_(self, which: str) -> None:
        row = self.current()
        if row is None:
            return
        if which == "form":
            printing.application_form(self.ctx, self, row.id, row.number)
            return
        job = partial(queries.application_detail, self.ctx.db, row.id)
        self.ctx.query(job, self._print_slip, partial(report, self))

    def _print_slip(self, d: ApplicationDetail) -> None:
        """The 发放签收单 of the payment (the one not reversed)."""
        paid = [p for p in d.payments if not p.reversed] or d.payments
        if paid:
            number = d.row.number
            printing.entry_document(self.ctx, self, "slip", paid[-1].entry_id, number)

    def attachments(self) -> None:
        row = self.current()
        if row is not None:
            title = f"{row.number} {row.applicant}"
            AttachmentsDialog(self.ctx, "fund_application", row.id, title, self).open()
