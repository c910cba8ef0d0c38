"""台账: the ledger, lazily loaded through the one table view (10,000 entries and more), by
period and account; income, reversal, period close, verification, the ledger printed or
exported, and a donation's receipt and honour certificate."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from redoffice.accounts.permissions import Permission as P
from redoffice.fund import ledger, screens
from redoffice.fund.ledger import Verification
from redoffice.fund.periods import period_to_close
from redoffice.fund.screens import FundChoices, LedgerLine, closed_periods
from redoffice.kit import clock
from redoffice.ui.fund import printing
from redoffice.ui.fund.common import day, money
from redoffice.ui.fund.fund_dialogs import ClosePeriodDialog, IncomeDialog, ReverseDialog
from redoffice.ui.fund.period_picker import FundPeriodPicker
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.widgets import Writes, button_row, combo_value, fill_combo


def _signed(fen: int, income: bool) -> str:
    if income:
        return money(fen) if fen > 0 else ""
    return money(-fen) if fen < 0 else ""


class LedgerTab(QWidget):
    """The entries in number order (newest last), filtered by period and account."""

    SHOWS = frozenset(
        {"fund_entry", "fund_account", "fund_application", "fund_period_close", "staff", "setting"}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = FundPeriodPicker()
        self.account = QComboBox()
        self.account.addItem(self.tr("All accounts"), "")
        self.list: SearchableList[LedgerLine] = SearchableList(
            ctx,
            self._columns(),
            lambda ids: screens.entry_lines(ctx.db, list(ids)),
            lambda r: r.id,
            self._load_ids,
            self.tr("Voucher, counterparty, receipt or note"),
            "number",
            self,
            state_key="fund_ledger",
        )
        self.list.add_filter(self.account, remember=False)
        self.list.add_filter(self.period, stretch=0, remember=False)
        self.account.currentIndexChanged.connect(self.list.reload)
        self.period.changed.connect(self.list.reload)
        self.verification = QLabel()
        self.verification.setWordWrap(True)
        self.verification.hide()
        self.closed = QLabel()  # 已结账：2025、2026Q3
        self.closed.setWordWrap(True)
        self.closed_names: list[str] = []
        actions = button_row(
            Writes(self.tr("Record income…"), self.add_income, (P.FUND_HANDLE, P.FUND_ACCOUNT)),
            Writes(self.tr("Reverse…"), self.reverse, (P.FUND_ACCOUNT,)),
            Writes(self.tr("Close a period…"), self.close_period, (P.FUND_ACCOUNT,)),
            (self.tr("Verify ledger"), self.verify),
        )
        prints = button_row(
            (self.tr("Ledger PDF"), self.print_ledger),
            (self.tr("Ledger to Excel…"), self.export_ledger),
            (self.tr("Donation receipt"), partial(self.print_entry, "receipt")),
            (self.tr("Honour certificate"), partial(self.print_entry, "honour")),
        )
        self._row_rules(layout_buttons(actions), layout_buttons(prints))
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(prints)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.closed)
        layout.addWidget(self.verification)
        # read once shown (a hidden tab does not hold up the page), then on every change
        refresh_on(ctx, self, self.SHOWS, self.refresh).request()
        refresh_on(ctx, self.account, {"fund_account"}, self.load_accounts).request()

    def _columns(self) -> list[Column[LedgerLine]]:
        return [
            Column(self.tr("No."), lambda r: str(r.number), "number", 52),
            Column(self.tr("Date"), lambda r: day(r.entry_date), None, 84),
            Column(self.tr("Voucher"), lambda r: r.voucher_no, None, 96),
            Column(self.tr("Kind"), lambda r: r.kind_label, None, 42),
            Column(self.tr("Source or use"), lambda r: r.purpose, None, 150),
            Column(self.tr("Counterparty"), lambda r: r.counterparty, None, 84),
            Column(self.tr("Income"), lambda r: _signed(r.amount, True), None, 88),
            Column(self.tr("Payment"), lambda r: _signed(r.amount, False), None, 88),
            Column(self.tr("Balance"), lambda r: money(r.balance_after), None, 96),
            Column(self.tr("Note"), self._note, None, 170),
            Column(self.tr("Account"), lambda r: r.account, None, 96),
            Column(self.tr("Application"), lambda r: r.application, None, 84),
            Column(self.tr("Handled by"), lambda r: r.handled_by, None, 56),
            Column(self.tr("Checked by"), lambda r: r.checked_by, None, 56),
        ]

    def _note(self, r: LedgerLine) -> str:
        parts = []
        if r.reverses:
            parts.append(self.tr("reverses No. %1").replace("%1", str(r.reverses)))
        if r.reversed_by:
            parts.append(self.tr("reversed by No. %1").replace("%1", str(r.reversed_by)))
        if r.receipt_no:
            parts.append(self.tr("receipt %1").replace("%1", r.receipt_no))
        if r.channel:
            parts.append(self.tr("via %1").replace("%1", r.channel))
        if r.note:
            parts.append(r.note)
        return "；".join(parts)

    def _row_rules(self, actions: list[QPushButton], prints: list[QPushButton]) -> None:
        _income, reverse, _close, _verify = actions
        _pdf, _xlsx, receipt, honour = prints
        self.row_buttons = RowButtons(self.current, self)
        self.row_buttons.add(reverse, lambda r: r.kind != "reversal" and r.reversed_by is None)
        self.row_buttons.add(receipt, lambda r: r.donation and bool(r.receipt_no))
        self.row_buttons.add(honour, lambda r: r.honour)
        self.row_buttons.watch(self.list.table)
        self.list.set_row_actions([reverse, receipt, honour])

    def _load_ids(self, text: str, _sort: str, descending: bool) -> Callable[[], list[str]]:
        start, end = self.period.dates()
        account = combo_value(self.account)
        return partial(screens.entry_ids, self.ctx.db, account, start, end, text, descending)

    def load_accounts(self) -> None:
        self.ctx.query(partial(screens.choices, self.ctx.db), self._show_accounts)

    def _show_accounts(self, choices: FundChoices) -> None:
        fill_combo(self.account, choices.accounts, self.tr("All accounts"))

    def refresh(self) -> None:
        """On every change of the ledger (SHOWS): the list, the periods closed, and a shown
        verification result is cleared (it was of the ledger before the change)."""
        self.verification.clear()
        self.verification.hide()
        self.list.reload()
        self.list.model.refresh_rows()
        self.ctx.query(partial(closed_periods, self.ctx.db), self._show_closed)

    def _show_closed(self, names: list[str]) -> None:
        self.closed_names = names
        self.closed.setText(
            self.tr("Closed: %1").replace("%1", "、".join(names))
            if names
            else self.tr("Closed: no period yet")
        )

    def current(self) -> LedgerLine | None:
        row = self.list.current_row()
        return row if isinstance(row, LedgerLine) else None

    def show_account(self, account_id: str) -> None:
        """From the 概览: this account's entries of all dates."""
        self.period.choose("")
        index = self.account.findData(account_id)
        if index >= 0:
            self.account.setCurrentIndex(index)

    # --- actions ----------------------------------------------------------------------------
    def add_income(self) -> None:
        def open_dialog(choices: FundChoices) -> None:
            dialog = IncomeDialog(self.ctx, choices, self)
            dialog.saved.connect(lambda entry_id: self.list.select_after_reload(str(entry_id)))
            account = combo_value(self.account)
            if account:
                dialog.account.setCurrentIndex(max(dialog.account.findData(account), 0))
            dialog.open()

        self.ctx.query(partial(screens.choices, self.ctx.db), open_dialog)

    def reverse(self) -> None:
        row = self.current()
        if row is not None:
            label = self.tr("No. %1").replace("%1", str(row.number))
            amount = _signed(row.amount, True) or "-" + _signed(row.amount, False)
            summary = (
                self.tr("No. %1 of %2, %3 %4, %5 (%6)")
                .replace("%1", str(row.number))
                .replace("%2", day(row.entry_date))
                .replace("%3", row.kind_label)
                .replace("%4", amount)
                .replace("%5", row.purpose)
                .replace("%6", row.account)
            )
            ReverseDialog(self.ctx, row.id, label, self, summary).open()

    def close_period(self) -> None:
        suggested = period_to_close(clock.today(), self.closed_names)
        dialog = ClosePeriodDialog(self.ctx, suggested, self)
        dialog.saved.connect(lambda _id: self._closed(dialog.period.text().strip()))
        dialog.open()

    def _closed(self, period: str) -> None:
        ask.inform(
            self,
            self.tr("Close a period"),
            self.tr("Period %1 is closed: nothing can be dated inside it any more.").replace(
                "%1", period
            ),
        )

    def verify(self) -> None:
        self.verification.setText(self.tr("Checking the ledger…"))
        self.verification.setStyleSheet("")
        self.verification.show()
        self.ctx.query(partial(ledger.verify, self.ctx.db), self._verified)

    def _verified(self, result: Verification) -> None:
        if result.ok:
            text = self.tr(
                "Ledger intact: %1 entries checked, every hash and balance matches."
            ).replace("%1", f"{result.entries:,}")
            self.verification.setStyleSheet("color: #1e7e34; font-weight: bold;")
        else:
            text = (
                self.tr("Ledger NOT intact (%1 entries checked): %2")
                .replace("%1", f"{result.entries:,}")
                .replace("%2", result.message)
            )
            self.verification.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.verification.setText(text)
        self.verification.show()

    def chosen_ledger(self) -> printing.LedgerChoice:
        start, end = self.period.dates()
        account = combo_value(self.account)
        return printing.LedgerChoice(account, start, end, self.period.describe())

    def print_ledger(self) -> None:
        printing.ledger_pdf(self.ctx, self, self.chosen_ledger())

    def export_ledger(self) -> None:
        printing.ledger_xlsx(self.ctx, self, self.chosen_ledger())

    def print_entry(self, which: str) -> None:
        row = self.current()
        if row is not None:
            printing.entry_document(
                self.ctx, self, which, row.id, row.receipt_no or str(row.number)
            )
