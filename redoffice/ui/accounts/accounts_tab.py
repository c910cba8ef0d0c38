"""设置 → 账号 (administrators; also on a database without accounts, to create the first
administrator): the accounts listed; add one; change the role and staff link of (修改…, or a
double-click: :mod:`redoffice.ui.accounts.role_dialog`), reset the password of, unlock or
disable the chosen one. Every change on the worker, refused in the service's words."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts import service as accounts
from redoffice.ui.accounts.role_dialog import RoleDialog, role_choices, staff_choices
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import describe
from redoffice.ui.kit.show_gate import refresh_on


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login name"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        role_choices(self.role, ctx.db.is_street)
        self.staff = QComboBox()
        self.rows: list[accounts.AccountRow] = []
        self.staff_list: list[tuple[str, str]] = []
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add account"))
        self.change_button = QPushButton(self.tr("Change…"))
        self.reset_button = QPushButton(self.tr("Reset password of the chosen account"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.disable_button = QPushButton(self.tr("Disable"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        on_click(self.add_button, self._add)
        on_click(self.change_button, self._change)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._change())
        on_click(self.reset_button, self._reset)
        on_click(self.unlock_button, partial(self._on_chosen, self._unlock))
        on_click(self.disable_button, partial(self._on_chosen, self._disable))
        refresh_on(ctx, self, ("account", "staff"), self.load)  # also a backup restored
        self.load()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Staff member"), self.staff)
        form.addRow(self.tr("Password (at least 8 characters)"), self.password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.reset_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addWidget(self.disable_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def load(self) -> None:
        def read() -> tuple[list[accounts.AccountRow], list[tuple[str, str]]]:
            return accounts.accounts(self.ctx.db), accounts.staff_choices(self.ctx.db)

        self.ctx.query(read, self._show)

    def _show(self, values: tuple[list[accounts.AccountRow], list[tuple[str, str]]]) -> None:
        rows, staff = values
        self.rows, self.staff_list = rows, staff
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            state = self.tr("Disabled") if row.disabled else ""
            if not state and row.locked_until is not None:
                state = self.tr("Locked")
            for column, text in enumerate((row.login, row.name, row.role, state)):
                self.table.setItem(n, column, QTableWidgetItem(text))
        staff_choices(self.staff, staff, self.tr("(none)"))

    def _chosen(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else item.text()

    def _change(self) -> None:
        """修改…: the chosen account's role and staff link, in a dialog."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.message.setText(self.tr("Choose an account in the list first."))
            return
        login = self.rows[row].login
        dialog = RoleDialog(self.ctx, self.rows[row], self.staff_list, self)
        dialog.saved.connect(lambda _: self._changed(login))
        dialog.open()

    def _changed(self, login: str) -> None:
        self.message.setText(self.tr("Done: %1").replace("%1", login))
        self.load()

    def _add(self) -> None:
        job = partial(
            accounts.add,
            self.ctx.db,
            self.login.text(),
            self.name.text(),
            str(self.role.currentData()),
            self.password.text(),
            self.staff.currentData(),
        )
        self._run(job, self.tr("Account added."))

    def _unlock(self, login: str) -> None:
        accounts.unlock(self.ctx.db, login)  # ctx.db: the database now open (maybe restored)

    def _disable(self, login: str) -> None:
        accounts.disable(self.ctx.db, login)

    def _reset(self) -> None:
        password = self.password.text()  # read here, on the GUI thread
        self._on_chosen(lambda login: accounts.reset(self.ctx.db, login, password))

    def _on_chosen(self, change: Callable[[str], Any]) -> None:
        login = self._chosen()
        if login is None:
            self.message.setText(self.tr("Choose an account in the list first."))
            return
        self._run(partial(change, login), self.tr("Done: %1").replace("%1", login))

    def _run(self, job: Callable[[], Any], said: str) -> None:
        def done(_result: object) -> None:
            self.password.clear()
            self.message.setText(said)
            self.load()

        self.ctx.write(job, done, lambda error: self.message.setText(describe(error)), self)
