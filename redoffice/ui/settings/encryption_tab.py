"""设置 → 数据安全 (issue 16, decision 0028): whether the database file is encrypted, and
加密此数据库… on a plain one (administrators only: the settings page shows the tab to those
holding MANAGE_SETTINGS)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redoffice.kit import cipher, keystore
from redoffice.kit.db import Database, sqlite_path
from redoffice.kit.touched import Changes
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report


class State(Enum):
    PLAIN = "plain"
    ENCRYPTED = "encrypted"
    SERVER = "server"  # PostgreSQL: encrypted, if at all, on the server


@dataclass(frozen=True)
class Security:
    state: State
    keyring: bool  # this PC has a keyring (else the key comes from a passphrase)


def security_of(db: Database) -> Security:
    """On the worker: whether ``db``'s SQLite file is encrypted (its header read, nothing else)
    and whether this PC has a keyring (the first look loads keyring's backends: ~50 ms that
    held the GUI thread when the tab opened)."""
    url = db.engine.url
    path = sqlite_path(url.render_as_string(hide_password=False)) if db.is_sqlite else None
    if path is None:
        state = State.SERVER
    else:
        state = State.ENCRYPTED if cipher.is_encrypted(path) else State.PLAIN
    return Security(state, keystore.keyring_available())


class EncryptionTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setObjectName("encryption_status")
        self.status.setStyleSheet("font-weight: bold;")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Encrypt this database…"))
        self.encrypt_button.hide()
        on_click(self.encrypt_button, self.encrypt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.encrypt_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)
        layout.addStretch(1)
        ctx.changed.connect(self._changed)
        self.load()

    def load(self) -> None:
        self.ctx.query(partial(security_of, self.ctx.db), self._show, partial(report, self))

    def _changed(self, changes: Changes) -> None:
        if changes == Changes.everything():  # the database replaced: encrypted, or restored
            self.load()

    def _show(self, found: Security) -> None:
        self.status.setText(self._status_text(found.state))
        self.explain.setText(self._explanation(found.state, found.keyring))
        self.encrypt_button.setVisible(found.state is State.PLAIN)

    def _status_text(self, state: State) -> str:
        return {
            State.PLAIN: self.tr("Not encrypted"),
            State.ENCRYPTED: self.tr("Encrypted"),
            State.SERVER: self.tr("Server database"),
        }[state]

    def _explanation(self, state: State, keyring: bool) -> str:
        if state is State.ENCRYPTED and not keyring:
            return self.tr(
                "The database file is encrypted (SQLCipher, AES-256). This PC has no keyring: "
                "at every start the program asks for the recovery key on the recovery sheet "
                "kept in the safe, or for the passphrase if one was set when it was encrypted "
                "(the passphrase opens it on another PC too). The recovery key is not shown again."
            )
        if state is State.ENCRYPTED:
            return self.tr(
                "The database file is encrypted (SQLCipher, AES-256). On this PC it opens with "
                "the key in the system keyring (or the passphrase); on another PC, or after the "
                "keyring is lost, only with the recovery key on the recovery sheet kept in the "
                "safe. The recovery key is not shown again."
            )
        if state is State.SERVER:
            return self.tr(
                "This database is on a database server: encrypt it there (ask its administrator)."
            )
        if not keyring:
            return self.tr(
                "The database file holds ID numbers, phones and other personal data readable by "
                "anyone who copies it. Encrypting it makes the file unreadable without its key. "
                "This PC has no keyring: a passphrase typed twice when encrypting makes the key, "
                "and it is asked for at every start; a recovery sheet to print and keep in the "
                "safe opens it too. A verified backup is made first."
            )
        return self.tr(
            "The database file holds ID numbers, phones and other personal data readable by "
            "anyone who copies it. Encrypting it makes the file unreadable without its key: "
            "the key is kept in this PC's system keyring, and a recovery sheet to print and "
            "keep in the safe opens it on another PC. A verified backup is made first."
        )

    def encrypt(self) -> None:
        """加密此数据库…; once the database was opened again, the window's pages are built
        again with it (this tab too)."""
        from redoffice.ui.settings.encryption_dialog import EncryptDialog  # reportlab: on use

        before = self.ctx.db
        EncryptDialog(self.ctx, self).exec()
        if self.ctx.db is not before:  # after the dialog: the rebuild takes this tab away
            self.ctx.replaced.emit()
