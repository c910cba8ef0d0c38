"""登录: the login name and password asked at start (and at 切换用户) once the database has
accounts. Enter submits; a wrong password says how many attempts remain, a locked account until
when (the accounts service words both); the check runs on the worker."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.kit.identity import User
from redoffice.kit.touched import Changes
from redoffice.settings import community
from redoffice.ui.accounts.start import remember_login
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.dialog_parts import message_line, submit_buttons
from redoffice.ui.kit.errors import describe
from redoffice.ui.kit.waiting import wait_for


class LoginDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Log in"))
        self.login = QLineEdit()
        self.login.setObjectName("login_name")
        self.login.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_line()
        self.buttons = submit_buttons(self, self.submit)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Log in"))
        self.ok.setDefault(True)  # Enter in either field submits
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.login.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        body = QVBoxLayout(self)
        body.addLayout(form)
        body.addWidget(self.message)
        body.addWidget(self.buttons)
        self.resize(420, 200)
        self.user: User | None = None

    def submit(self) -> None:
        if not self.ok.isEnabled():  # a login being checked (Enter reaches the button too)
            return
        self.ok.setEnabled(False)
        check = partial(accounts.login, self.ctx.db, self.login.text(), self.password.text())
        self.ctx.write(check, self._done, self._failed, parent=self)

    def _done(self, user: User) -> None:
        self.user = user
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(describe(error))
        self.message.show()
        self.password.clear()
        self.password.setFocus()


def log_in(ctx: AppContext, parent: QWidget | None) -> bool:
    """The login at start: True once someone has logged in, False when 退出 was chosen."""
    return LoginDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted


def switch_user(ctx: AppContext, window: QWidget, rebuild: Callable[[], None]) -> None:
    """退出登录/切换用户: the window hides while the next person logs in, then its pages are
    built again for them (``rebuild``: their role's tabs and buttons, a 网格员's grids only) and
    every view reloads; 退出 closes the program."""
    window.hide()
    if not log_in(ctx, None):
        window.close()
        return
    rebuild()
    window.show()
    ctx.announce(Changes.everything())


class FirstAdminDialog(QDialog):
    """创建管理员账号, offered at start on a database without accounts (one from before them):
    登录名, 姓名 and the password twice; 创建 creates the administrator and logs them in (on the
    worker), 以后再说 is remembered in the database's settings so that the question does not
    come back at every start (设置 → 账号 stays there)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Create the administrator's account"))
        intro = QLabel(
            self.tr(
                "This database has no accounts yet: anyone who opens it can do everything. "
                "Create the administrator's account now? Others' accounts are then added in "
                "Settings → Accounts, and everyone logs in at start."
            )
        )
        intro.setWordWrap(True)
        self.login, self.name = QLineEdit(), QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for secret in (self.password, self.again):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_line()
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password (at least 8 characters)"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        body = QVBoxLayout(self)
        for part in (intro, form, self.message, self.buttons):
            if isinstance(part, QFormLayout):
                body.addLayout(part)
            else:
                body.addWidget(part)
        self.resize(480, 300)

    def submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.create_button.setEnabled(False)
        job = partial(
            accounts.add_first_admin,
            self.ctx.db,
            self.login.text(),
            self.name.text(),
            self.password.text(),
            self.again.text(),
        )
        self.ctx.write(job, lambda _user: self.accept(), self._failed, parent=self)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.later_button.setEnabled(True)
        self.message.setText(describe(error))
        self.message.show()
        for secret in (self.password, self.again):
            secret.clear()
        self.password.setFocus()

    def reject(self) -> None:
        """以后再说 (also Esc and the close box): remembered, then the dialog closes."""
        if not self.later_button.isEnabled():
            return
        self.later_button.setEnabled(False)
        put_off = partial(accounts.put_off_first_admin, self.ctx.db)
        self.ctx.write(put_off, lambda _r: QDialog.reject(self), self._failed, self)


def log_in_at_start(ctx: AppContext, window: QWidget, offer: bool = True) -> bool:
    """The start once the database is open. With accounts, the window is hidden while the
    login dialog is shown alone and appears only after a successful login (False: 退出, the
    window never shows; the next start shows no frame before the login, see
    :mod:`redoffice.ui.accounts.start`). Without them the stored 经办人 is the operator and, on
    a database from before accounts, the first administrator is offered (``offer``; unless
    以后再说 was chosen)."""
    needed, admin_due = wait_for(partial(_at_start, ctx.db), ctx.tasks)
    remember_login(needed)
    if needed:
        window.hide()
        if not log_in(ctx, None):
            return False
    elif offer and admin_due:
        FirstAdminDialog(ctx, window).exec()
    window.show()
    return True


def _at_start(db: Database) -> tuple[bool, bool]:
    """On the worker: whether the database has accounts (a login needed) and, without them,
    whether the first administrator is due; the stored 经办人 made the operator then."""
    if accounts.has_accounts(db):
        return True, False
    db.actor = community.operator(db)
    return False, accounts.first_admin_due(db)
