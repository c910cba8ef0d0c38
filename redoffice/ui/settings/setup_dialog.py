"""First start on an empty database: who this community is and who is working. Without it
the program cannot start, so 取消 says that it closes the program, and asks first."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.settings import community
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.settings.identity_form import IdentityForm


class SetupDialog(SaveDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.identity_form = IdentityForm()
        super().__init__(ctx, self.tr("Welcome to RedOffice"), parent, self.identity_form)
        intro = QLabel(
            self.tr(
                "Please enter your community's identity and your name. "
                "The operator is recorded on every change."
            )
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self._add_admin_fields()
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel and quit"))
        cancel.setToolTip(self.tr("RedOffice cannot start without the community's identity"))
        self.resize(640, 400)

    def _add_admin_fields(self) -> None:
        """The first administrator's login (optional: left empty, nobody logs in) and its
        password typed twice, as rows of the identity form (one column of labels)."""
        self.admin_login = QLineEdit()
        self.admin_login.setPlaceholderText(self.tr("Leave empty to work without logging in"))
        self.admin_password, self.admin_again = QLineEdit(), QLineEdit()
        form = self.identity_form
        form.add_row("admin_login", self.tr("Administrator's login name"), self.admin_login)
        for field, label, secret in (
            ("admin_password", self.tr("Password (at least 8 characters)"), self.admin_password),
            ("admin_again", self.tr("Password again"), self.admin_again),
        ):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
            form.add_row(field, label, secret)

    def action(self) -> Callable[[], Any]:
        form = self.identity_form
        return partial(
            set_up,
            self.ctx.db,
            form.identity(),
            form.operator.text(),
            self.admin_login.text(),
            (self.admin_password.text(), self.admin_again.text()),
        )

    def reject(self) -> None:
        """取消, Esc or the close box: the program closes, so ask first."""
        question = self.tr(
            "RedOffice cannot be used without the community's identity: cancelling closes "
            "the program. Quit now?"
        )
        if ask.risky(self, self.tr("Quit RedOffice"), question):
            QDialog.reject(self)


def set_up(
    db: Database,
    identity: community.Identity,
    operator: str,
    login: str,
    passwords: tuple[str, str],
) -> None:
    """The community's identity and, when a login name is given, its first administrator
    (named as the operator); the account (its password typed twice alike) is checked before
    anything is written."""
    password, again = passwords
    if login.strip():
        accounts.check_new(login, password)
        if password != again:
            raise UserError("account.password_mismatch")
    community.initialize(db, identity, operator)
    if login.strip():
        accounts.add(db, login, operator, "admin", password)
    else:  # left empty at setup: not offered again at the next start
        accounts.put_off_first_admin(db)
