"""The 数据同步 dialogs: the key file's passphrase (a new one typed twice), and a partner's
enrolment file checked against the fingerprint the partner reads out."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.errors import UserError
from redoffice.sync import enrol, keys, node
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import describe

MIN_PASSPHRASE = 8
ERROR_STYLE = "color: #c0392b;"


def fingerprint_label(grouped: str, size: int = 26) -> QLabel:
    """The fingerprint large, in two lines of four groups: read aloud group by group."""
    groups = grouped.split()
    lines = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    label = QLabel("\n".join(lines))
    label.setObjectName("fingerprint")
    label.setStyleSheet(
        f"font-family: monospace; font-size: {size}px; font-weight: bold; color: #9e1f1f;"
        "background: #fbeeee; padding: 8px 16px; letter-spacing: 2px;"
    )
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PassphraseDialog(QDialog):
    """The passphrase of the key file: a new one (``new``) is typed twice and has at least 8
    characters; an existing one is typed once."""

    def __init__(self, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(
            self.tr("Protect the sync keys with a passphrase")
            if new
            else self.tr("Passphrase of the key file")
        )
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setObjectName("passphrase")
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setObjectName("passphrase-again")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        explain = QLabel(
            self.tr(
                "This computer has no system keyring. The sync keys will be kept in a file "
                "protected by this passphrase (at least 8 characters). Remember it: without it "
                "no package can be made or opened, and new keys would have to be enrolled again."
            )
            if new
            else self.tr("The sync keys are kept in a file protected by a passphrase.")
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.first)
        if new:
            form.addRow(self.tr("Passphrase again"), self.second)
        else:
            self.second.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        text = self.first.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            self._refuse(self.tr("The passphrase needs at least 8 characters."))
        elif self.new and text != self.second.text():
            self._refuse(self.tr("The two passphrases differ. Type them again."))
        elif not text:
            self._refuse(self.tr("Type the passphrase."))
        else:
            self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.second.clear()
        self.first.selectAll()
        self.first.setFocus()

    @property
    def passphrase(self) -> str:
        return self.first.text()


def ask_passphrase(parent: QWidget | None, new: bool) -> str | None:
    dialog = PassphraseDialog(new, parent)
    dialog.setObjectName("sync-passphrase")
    return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else None


class EnrolImportDialog(QDialog):
    """A partner's enrolment file: who it says it is, its fingerprint large, and the digits
    the partner reads out (phone) or that its printed sheet shows, typed in. Enrolled only
    when they are the same; otherwise the core's refusal stays on screen."""

    def __init__(
        self, ctx: AppContext, path: Path, found: enrol.Enrolment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.found = found
        self.enrolled: enrol.Enrolment | None = None
        self.setWindowTitle(self.tr("Enrol a partner"))
        who = QLabel(
            self.tr("%1 (%2), %3 — file %4")
            .replace("%1", found.name)
            .replace("%2", found.code)
            .replace("%3", node.ROLE_NAMES.get(found.role, found.role))
            .replace("%4", path.name)
        )
        who.setWordWrap(True)
        who.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.typed = QLineEdit()
        self.typed.setObjectName("typed-fingerprint")
        self.typed.setPlaceholderText("12345 67890 …")
        self.typed.setStyleSheet("font-family: monospace; font-size: 18px;")
        self.error = QLabel()
        self.error.setObjectName("enrol-error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.enrol_button = buttons.addButton(
            self.tr("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._enrol)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(QLabel(self.tr("Fingerprint in this file:")))
        layout.addWidget(fingerprint_label(keys.grouped(found.fingerprint)))
        steps = QLabel(
            self.tr(
                "Ask the partner to read its fingerprint over the phone, or take it from the "
                "enrolment sheet it printed, and type the 40 digits below (spaces do not "
                "matter). Enrol only when every group is the same: a different fingerprint "
                "means the file is not from this partner."
            )
        )
        steps.setWordWrap(True)
        layout.addWidget(steps)
        layout.addWidget(QLabel(self.tr("Fingerprint read out by the partner:")))
        layout.addWidget(self.typed)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _enrol(self) -> None:
        db, path, typed = self.ctx.db, self.path, self.typed.text()
        if not keys.digits_only(typed):
            self._show(self.tr("Type the fingerprint the partner read out."))
            return
        self.enrol_button.setEnabled(False)
        self.ctx.write(
            partial(enrol.import_enrolment, db, path, typed), self._enrolled, self._refused, self
        )

    def _enrolled(self, found: enrol.Enrolment) -> None:
        self.enrolled = found
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self._show(describe(error))

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.typed.setFocus()


def refusal(error: BaseException) -> str:
    """One line for a result list: the core's Chinese words, never a traceback."""
    return error.text if isinstance(error, UserError) else describe(error)
