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
from redoffice.kit.identity import User
from redoffice.kit.touched import Changes
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import describe


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
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Log in"))
        self.ok.setDefault(True)  # Enter in either field submits
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.login.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
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
