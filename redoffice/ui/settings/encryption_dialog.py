"""加密此数据库…: what it does, where the recovery sheet goes (not the database's folder: a thief
would take both), a passphrase typed twice where this PC has no keyring; then the work on the
worker (a verified backup, the sheet, the encrypted copy verified and swapped in — see
:func:`redoffice.settings.encryption.encrypt_database`), the database opened again with its key;
and once, the recovery key and where its sheet was saved, with 打印恢复密钥单…."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import cipher, clock, keystore
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.kit.touched import Changes
from redoffice.settings.encryption import (
    Encrypted,
    check_sheet_place,
    database_path,
    encrypt_database,
    on_database_disk,
)
from redoffice.ui.kit import ask
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import describe
from redoffice.ui.kit.preview import PreviewWindow

KEY_GROUPS_A_LINE = 4


@dataclass(frozen=True)
class Outcome:
    """The conversion's result, or why it stopped; ``db``: the database open again."""

    done: Encrypted | None
    failure: Exception | None
    db: Database


def encrypt_and_reopen(db: Database, sheet: Path, passphrase: str | None) -> Outcome:
    """On the worker: encrypt the file ``db`` is open on, then open it again — also when the
    conversion stopped after closing it (the file then is the plain one, unchanged)."""
    url = db.engine.url.render_as_string(hide_password=False)
    try:
        done, failure = encrypt_database(db, sheet, passphrase), None
    except Exception as exc:  # reported on the GUI thread, once the database is open again
        done, failure = None, exc
    if done is not None and passphrase:  # nothing in the keyring: this program keeps the key
        cipher.hold(done.database, cipher.parse_recovery_key(done.recovery))
    if not db.closed:
        return Outcome(done, failure, db)
    reopened = open_database(url)
    reopened.actor, reopened.user = db.actor, db.user
    return Outcome(done, failure, reopened)


def default_sheet(database: Path) -> Path:
    """The Documents folder when it exists, else the home folder (never a folder that is not
    there), named after the database and the day — on most office PCs the database's disk:
    the sheet is written there only once the clerk ticks that they will print it and move the
    file off the PC (:attr:`EncryptDialog.move_off`)."""
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    folder = documents if documents.is_dir() else Path.home()
    return folder / f"{database.stem}-恢复密钥单-{clock.today():%Y%m%d}.pdf"


class EncryptDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = database_path(ctx.db)
        self.setWindowTitle(self.tr("Encrypt this database"))
        self.needs_passphrase = not keystore.keyring_available()
        self.sheet = QLineEdit(str(default_sheet(self.database)))
        self.sheet.setObjectName("recovery_sheet")
        self.choose_button = QPushButton(self.tr("Choose…"))
        on_click(self.choose_button, self.choose_sheet)
        self.move_off = QCheckBox(
            self.tr(
                "This place is on this PC's own disk: I will print the sheet and then move the "
                "file off this PC (a USB drive is better)."
            )
        )
        self.move_off.setObjectName("move_sheet_off")
        self.sheet.textChanged.connect(self._place_changed)
        self.passphrase = self._secret("passphrase")
        self.again = self._secret("passphrase_again")
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # one step the core does as a whole: busy, not a count
        self.working = QLabel(
            self.tr("Backing up, encrypting and checking… do not close RedOffice.")
        )
        for widget in (self.progress, self.working):
            widget.hide()
        self.key = QLabel()
        self.key.setObjectName("recovery_key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setStyleSheet("background: #fbeeee; padding: 12px;")
        self.key.hide()
        self.buttons = QDialogButtonBox()
        self.encrypt_button = self.buttons.addButton(
            self.tr("Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button = self.buttons.addButton(
            self.tr("Print the recovery sheet…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.hide()
        self.close_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        on_click(self.encrypt_button, self.encrypt)
        on_click(self.print_button, self.print_sheet)
        on_click(self.close_button, self.reject)
        self._lay_out()
        self.done_result: Encrypted | None = None

    def _secret(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(200)
        return field

    def _lay_out(self) -> None:
        self.intro = QLabel(
            self.tr(
                "Encrypting: first a verified backup of the database is made; then the "
                "recovery sheet is saved; then an encrypted copy is written, checked against "
                "the database and put in its place. Close other RedOffice windows on this "
                "database first. Afterwards the database opens on this PC as before; on "
                "another PC only with the recovery key. Without the recovery sheet and this "
                "PC's key nobody can open it again."
            )
            if not self.needs_passphrase
            else self.tr(
                "Encrypting: first a verified backup of the database is made; then the "
                "recovery sheet is saved; then an encrypted copy is written, checked against "
                "the database and put in its place. Close other RedOffice windows on this "
                "database first. This PC has no keyring to keep the key: the passphrase set "
                "below is asked at every start; on another PC the recovery key opens it too. "
                "Without the recovery sheet and the passphrase nobody can open it again."
            )
        )
        self.intro.setWordWrap(True)
        where = QHBoxLayout()
        where.addWidget(self.sheet, 1)
        where.addWidget(self.choose_button)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Recovery sheet (PDF)"), where)
        form.addRow("", self.move_off)
        self._place_changed()
        if self.needs_passphrase:
            form.addRow(self.tr("Passphrase"), self.passphrase)
            form.addRow(self.tr("Passphrase again"), self.again)
        body = QVBoxLayout(self)
        for widget in (self.intro, self.form, self.working, self.progress, self.key, self.message):
            body.addWidget(widget)
        body.addStretch(1)
        body.addWidget(self.buttons)
        self.resize(640, 360)

    def choose_sheet(self) -> None:
        chosen = ask.save_path(
            self, self.tr("Save the recovery sheet"), self.sheet.text(), "PDF (*.pdf)"
        )
        if chosen is not None:
            self.sheet.setText(chosen)

    def _on_this_disk(self) -> bool:
        text = self.sheet.text().strip()
        return bool(text) and on_database_disk(self.database, Path(text))

    def _place_changed(self) -> None:
        """The tick asked for only where the sheet would stay on the database's disk."""
        self.move_off.setVisible(self._on_this_disk())

    def _refusal(self) -> str | None:
        """Why the form cannot go ahead, in words; None when it can: a sheet in the database's
        folder is refused, one elsewhere on its disk only with :attr:`move_off` ticked."""
        sheet = Path(self.sheet.text().strip()).expanduser()
        if not self.sheet.text().strip() or sheet.suffix.lower() != ".pdf":
            return self.tr("Choose where to save the recovery sheet (a PDF file).")
        try:
            check_sheet_place(self.database, sheet)
        except UserError as exc:
            return exc.text
        if self._on_this_disk() and not self.move_off.isChecked():
            return self.tr(
                "The recovery sheet holds the database's key: on this PC's own disk a thief "
                "would take the key with the data. Choose a USB drive, or tick that you will "
                "print it and move the file off this PC."
            )
        if self.needs_passphrase and self.passphrase.text() != self.again.text():
            return self.tr("The two passphrases differ: type the same passphrase twice.")
        if self.needs_passphrase and len(self.passphrase.text()) < cipher.PASSPHRASE_MIN:
            return UserError("db.passphrase_short", min=cipher.PASSPHRASE_MIN).text
        return None

    def encrypt(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self._say(refusal)
            return
        self.message.hide()
        self._busy(True)
        job = partial(
            encrypt_and_reopen,
            self.ctx.db,
            Path(self.sheet.text().strip()).expanduser(),
            self.passphrase.text() if self.needs_passphrase else None,
        )
        self.ctx.query(job, self._finished, self._failed)

    def _busy(self, busy: bool) -> None:
        for shown in (self.progress, self.working):
            shown.setVisible(busy)
        for widget in (self.encrypt_button, self.close_button, self.form):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self.progress.isVisible():  # Esc while it works: the work goes on, so does this
            super().reject()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _finished(self, outcome: Outcome) -> None:
        self.ctx.db = outcome.db
        self._busy(False)
        if outcome.done is None:
            self._say(describe(outcome.failure or RuntimeError("no result")))
            return
        self.ctx.announce(Changes.everything())
        self._show_key(outcome.done)

    def _failed(self, error: BaseException) -> None:  # the database did not open again
        self._busy(False)
        self._say(describe(error))

    def _show_key(self, done: Encrypted) -> None:
        """The recovery key, once, four groups a line as on the sheet; where the sheet is."""
        self.done_result = done
        for widget in (self.form, self.encrypt_button, self.message):
            widget.hide()
        self.intro.setText(
            self.tr(
                "The database is encrypted. Its recovery key is shown here this once; the "
                "recovery sheet was saved to %1: print it now, keep it in the safe, then "
                "delete the file."
            ).replace("%1", str(done.sheet))
            + "\n"
            + self._sealed(done)
        )
        groups = done.recovery.split()
        lines = [
            " ".join(groups[i : i + KEY_GROUPS_A_LINE])
            for i in range(0, len(groups), KEY_GROUPS_A_LINE)
        ]
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        self.key.setFont(font)
        self.key.setText("\n".join(lines))
        self.key.show()
        self.print_button.show()
        self.close_button.setText(self.tr("Close"))

    def _sealed(self, done: Encrypted) -> str:
        """What was encrypted with the database: its photos and scans, the backup copies."""
        text = (
            self.tr("Encrypted with it: %1 photos and scans, %2 copies in the backup folders.")
            .replace("%1", str(done.attachments))
            .replace("%2", str(len(done.copies)))
        )
        if done.removed:
            text += self.tr(
                " %1 plain copies that could not be read (damaged) were deleted."
            ).replace("%1", str(len(done.removed)))
        if done.plain_left:  # the copies it could not reach, in the service's words
            text += "\n" + done.plain_left
        return text

    def print_sheet(self) -> None:
        assert self.done_result is not None
        sheet = self.done_result.sheet
        PreviewWindow(self.tr("Recovery sheet"), sheet.read_bytes(), sheet.name, self).exec()
