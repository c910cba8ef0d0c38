"""概览: the accounts with their balances at a glance, this year's income by source and spending
by use, and the notices running; 新增账户 and 编辑 here."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from redoffice.fund import queries, screens
from redoffice.fund.accounts import AccountInput
from redoffice.fund.queries import NoticeRow
from redoffice.fund.roles import ACCOUNT_SETUP
from redoffice.fund.screens import AccountLine
from redoffice.ui.fund.common import day, money
from redoffice.ui.fund.fund_dialogs import AccountDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import Writes, button_row


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 14px;")
    return label


class OverviewTab(QWidget):
    """``open_account(id)``: double-click on an account shows its entries in the 台账."""

    open_account = Signal(str)
    open_notices = Signal()

    SHOWS = frozenset({"fund_account", "fund_entry"})
    NOTICES = frozenset({"fund_notice", "fund_application", "fund_objection"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accounts: list[AccountLine] = []
        self._select_next: str | None = None  # a new account, selected once listed
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 18px; font-weight: bold; color: #c0392b;")
        self.table = SimpleTable(
            [
                self.tr("Account"),
                self.tr("Kind"),
                self.tr("Held by"),
                self.tr("Bank account"),
                self.tr("Balance"),
                self.tr("Entries"),
                self.tr("In use"),
            ],
            stretch=2,
        )
        self.table.activated_key.connect(self.open_account.emit)
        self.income = SimpleTable([self.tr("Source"), self.tr("Income")], stretch=0)
        self.spending = SimpleTable([self.tr("Use"), self.tr("Spending")], stretch=0)
        self.notices = SimpleTable(
            [self.tr("Number"), self.tr("Title"), self.tr("Until"), self.tr("Open objections")],
            stretch=1,
        )
        self.notices.activated_key.connect(lambda _key: self.open_notices.emit())
        self.year_title = _title("")
        buttons = button_row(
            Writes(self.tr("New account…"), self.new_account, ACCOUNT_SETUP),
            Writes(self.tr("Edit account…"), self.edit_account, ACCOUNT_SETUP),
        )
        edit = layout_buttons(buttons)[1]
        self.row_buttons = RowButtons(self.table.current_key, self)
        self.row_buttons.add(edit)
        self.row_buttons.watch(self.table)
        self.table.set_row_actions([edit])
        self.table.activated_key.connect(lambda _key: None)
        buttons.insertWidget(0, self.total)
        buttons.insertSpacing(1, 20)
        figures = QGridLayout()
        figures.addWidget(self.year_title, 0, 0, 1, 2)
        figures.addWidget(self.income, 1, 0)
        figures.addWidget(self.spending, 1, 1)
        figures.addWidget(_title(self.tr("Notices running")), 0, 2)
        figures.addWidget(self.notices, 1, 2)
        figures.setColumnStretch(2, 2)
        for column in (0, 1):
            figures.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("Accounts")))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addLayout(figures, 3)
        hint = QLabel(self.tr("Double-click an account to see its entries in the ledger."))
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        refresh_on(ctx, self, self.SHOWS, self.reload_accounts).request()  # now, or once shown
        refresh_on(ctx, self.notices, self.NOTICES, self.reload_notices).request()

    # --- loading ----------------------------------------------------------------------------
    def reload_accounts(self) -> None:
        self.ctx.query(partial(screens.account_lines, self.ctx.db), self._show_accounts)
        self.ctx.query(partial(screens.year_figures, self.ctx.db), self._show_figures)

    def _show_accounts(self, rows: list[AccountLine]) -> None:
        self.accounts = rows
        self.table.set_rows(
            [
                (
                    a.name,
                    a.kind_label,
                    a.holder,
                    a.bank_account,
                    money(a.balance),
                    f"{a.entries:,}",
                    self.tr("yes") if a.active else self.tr("no"),
                )
                for a in rows
            ],
            [a.id for a in rows],
        )
        keys = list(map(str, self.table.rows_model.keys()))
        if self._select_next in keys:
            position = keys.index(self._select_next)
            self.table.selectRow(position)
            self.table.scrollTo(self.table.rows_model.index(position, 0))
            self._select_next = None
        total = sum(a.balance for a in rows)
        self.total.setText(self.tr("Balance %1").replace("%1", money(total)))
        self.row_buttons.apply()

    def _show_figures(self, figures: screens.Figures) -> None:
        self.year_title.setText(
            self.tr("%1: income by source, spending by use").replace("%1", figures.period)
        )
        total = self.tr("Total")
        self.income.set_rows(
            [(label, money(fen)) for label, fen in figures.income]
            + [(total, money(sum(fen for _label, fen in figures.income)))]
        )
        self.spending.set_rows(
            [(label, money(fen)) for label, fen in figures.spending]
            + [(total, money(sum(fen for _label, fen in figures.spending)))]
        )

    def reload_notices(self) -> None:
        self.ctx.query(partial(queries.notice_rows, self.ctx.db), self._show_notices)

    def _show_notices(self, rows: list[NoticeRow]) -> None:
        running = [n for n in rows if n.running]
        self.notices.set_rows(
            [(n.number, n.title, day(n.ends_on), str(n.open_objections or "")) for n in running],
            [n.id for n in running],
        )

    # --- actions ----------------------------------------------------------------------------
    def new_account(self) -> None:
        dialog = AccountDialog(self.ctx, self)
        dialog.saved.connect(lambda account_id: self._select_later(str(account_id)))
        dialog.open()

    def _select_later(self, account_id: str) -> None:
        """Select (and scroll to) the account once the list shows it."""
        self._select_next = account_id
        self.reload_accounts()

    def edit_account(self) -> None:
        account_id = self.table.current_key()
        if not account_id:
            return

        def open_dialog(form: AccountInput) -> None:
            AccountDialog(self.ctx, self, account_id, form).open()

        job = partial(screens.account_form, self.ctx.db, account_id)
        self.ctx.query(job, open_dialog, partial(report, self))
