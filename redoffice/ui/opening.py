"""Opening the database from the window (issue 16, decision 0028).

An encrypted file whose key this PC does not have (another PC, a reset keyring) or whose stored
key is wrong: :class:`KeyDialog` asks for the recovery key from the sheet in the safe or the
passphrase, checks it against the file (read-only) and opens the database with it, keeping the
key in this PC's keyring when the user wishes. Nothing is written to the file before a key
opens it.

The integrity check (``PRAGMA quick_check``, about a second on a big database) runs on the
worker once the window is filled; a damaged database is offered the restore of the newest good
backup then (:func:`check_after_start`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import backups, cipher, keystore, restoring
from redoffice.kit.db import Database, open_database, sqlite_path
from redoffice.kit.errors import UserError
from redoffice.kit.touched import Changes
from redoffice.ui.backup_actions import _offer_recovery, _restored, open_or_recover
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.dialog_parts import message_line, submit_buttons
from redoffice.ui.kit.errors import describe, report
from redoffice.ui.kit.waiting import wait_for

translate = QCoreApplication.translate

# why an encrypted file did not open: its key is not here, or not right
KEY_REFUSALS = frozenset({"db.key_missing", "db.key_wrong", "db.passphrase_needed"})


class KeyDialog(QDialog):
    """此数据库已加密，本机没有它的密钥: the recovery key (or the passphrase) typed, checked
    against the file; a wrong one is said in the dialog, which stays open for another try."""

    def __init__(self, path: Path, refusal: UserError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Encrypted database"))
        no_keyring = refusal.code == "db.passphrase_needed"  # asked at every start
        heading = QLabel(
            self.tr("Enter the recovery key (or the passphrase)")
            if no_keyring
            else self.tr("This database is encrypted and this PC does not have its key.")
        )
        heading.setStyleSheet("font-weight: bold;")
        said = QLabel(self._no_keyring() if no_keyring else refusal.text)
        said.setWordWrap(True)
        self.recovery = QLineEdit()
        self.recovery.setObjectName("recovery_key")
        self.recovery.setPlaceholderText("XXXX XXXX XXXX …")
        self.recovery.setMaxLength(120)  # 56 characters, with spaces or dashes between groups
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(200)
        self.remember = QCheckBox(
            self.tr("Keep the key in this PC's keyring: the database then opens by itself")
        )
        self.remember.setChecked(True)
        self.remember.setVisible(keystore.keyring_available())
        self.message = message_line()
        self.buttons = submit_buttons(self, self.submit)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self._lay_out(heading, said)

    def _no_keyring(self) -> str:
        """Why the key is asked for on a PC without a keyring: the database may have been
        encrypted with a passphrase, or with a keyring's key (no passphrase then)."""
        return self.tr(
            "This PC has no keyring, so the encrypted database %1 does not open by itself. Type "
            "the recovery key from the recovery sheet kept in the safe. Type a passphrase only "
            "if one was set when the database was encrypted: a database encrypted with a PC's "
            "keyring has none."
        ).replace("%1", str(self.path))

    def _lay_out(self, heading: QLabel, said: QLabel) -> None:
        hint = QLabel(
            self.tr(
                "Type the recovery key from the recovery sheet kept in the safe (14 groups of "
                "4 digits and letters; spaces and dashes do not matter), or the database's "
                "passphrase if it was encrypted with one."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Recovery key"), self.recovery)
        form.addRow(self.tr("or passphrase"), self.passphrase)
        body = QVBoxLayout(self)
        for widget in (heading, said, hint):
            body.addWidget(widget)
        body.addLayout(form)
        body.addWidget(self.remember)
        body.addWidget(self.message)
        body.addWidget(self.buttons)
        self.resize(560, 320)

    def submit(self) -> None:
        """Check the typed key against the file (read only; scrypt's 0.1-0.3 s off the GUI
        thread, the dialog painting meanwhile); the right one is used by this program, and kept
        in the keyring when 记住 is ticked."""
        if not self.buttons.isEnabled():  # a key being checked (Enter reaches the button too)
            return
        remember = self.remember.isVisible() and self.remember.isChecked()
        check = partial(_use_key, self.path, self.recovery.text(), self.passphrase.text(), remember)
        self.buttons.setEnabled(False)
        try:
            wait_for(check)
        except UserError as refusal:
            self.message.setText(refusal.text)
            self.message.show()
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()

    def reject(self) -> None:
        """退出 and Esc; not while a key is being checked."""
        if self.buttons.isEnabled():
            super().reject()


def _use_key(path: Path, recovery: str, passphrase: str, remember: bool) -> None:
    """The typed recovery key (or the passphrase's key) checked against the file, held for
    this program and, when ``remember``, kept in the keyring."""
    key = _typed_key(path, recovery, passphrase)
    cipher.hold(path, key)
    if remember:
        cipher.remember(path, key)


def _typed_key(path: Path, recovery: str, passphrase: str) -> bytes:
    """The key that opens the file: the recovery key's when one is typed; the passphrase's
    when it is typed instead, or as well and the recovery key does not open the file."""
    if recovery.strip():
        try:
            return _checked(path, cipher.parse_recovery_key, recovery, "db.recovery_key_wrong")
        except UserError:
            if not passphrase:
                raise
    if passphrase:
        derive = partial(cipher.from_passphrase, salt=cipher.file_salt(path))
        return _checked(path, derive, passphrase, "db.passphrase_wrong")
    raise UserError("db.key_not_typed")


def _checked(path: Path, derive: Callable[[str], bytes], typed: str, wrong: str) -> bytes:
    key = derive(typed)
    cipher.check_key(path, key, wrong)
    return key


def open_with_key(
    window: QWidget, url: str, *, create: bool = False, ask_key: bool = True
) -> Database | None:
    """Open ``url`` for the window (a missing file made only when ``create``: the first start
    at the default place), its integrity check left to :func:`check_after_start`: an encrypted
    file without its key asks for it (None: 退出 chosen; refused as it is when not
    ``ask_key``: nobody to answer); a file that does not open because it is damaged goes to the
    recovery (restore the newest good backup)."""
    while True:
        try:
            return open_database(url, create=create)
        except UserError as refusal:
            path = sqlite_path(url)
            if refusal.code == "db.cannot_open":  # damaged: recovered there, or refused
                return open_or_recover(window, url)
            if refusal.code not in KEY_REFUSALS or path is None or not ask_key:
                raise
            if KeyDialog(path, refusal, window).exec() != QDialog.DialogCode.Accepted:
                return None


def check_after_start(ctx: AppContext, window: QMainWindow, then: Callable[[], None]) -> None:
    """``PRAGMA quick_check`` on the worker; ``then`` once the database passed it (the daily
    backup must never copy a damaged file). Damaged: the way out offered — the newest good
    backup restored in its place and every view reloaded — or, declined, the program closes
    with the message."""

    def damaged(error: BaseException) -> None:
        if not isinstance(error, backups.Damaged):
            report(window, error)
            return
        if error.copies and _offer_recovery(window, error):
            _restore_in_place(ctx, window, error, then)
        else:
            ask.inform(window, "RedOffice", error.text)
            window.close()

    ctx.query(partial(backups.check, ctx.db), lambda _ok: then(), damaged)


def _restore_in_place(
    ctx: AppContext, window: QMainWindow, damaged: backups.Damaged, then: Callable[[], None]
) -> None:
    old = ctx.db
    url = old.engine.url.render_as_string(hide_password=False)

    def job() -> tuple[restoring.Restored, Database]:
        info = backups.newest_good(damaged.copies)
        restored = restoring.restore_file(
            damaged.path,
            info,
            backups.attachments_of(damaged.path),
            partial(backups.close_damaged, old),
            old.actor,
        )
        db = restoring.open_restored(url, restored, old.actor)  # erasures applied again
        db.user = old.user
        return restored, db

    def done(result: tuple[restoring.Restored, Database]) -> None:
        restored, db = result
        ctx.db = db
        ctx.announce(Changes.everything())
        ctx.replaced.emit()
        ask.inform(window, translate("backup", "Restore from backup"), _restored(restored))
        then()

    def failed(error: BaseException) -> None:
        ask.inform(window, "RedOffice", describe(error))
        window.close()

    ctx.query(job, done, failed)
