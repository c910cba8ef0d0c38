"""A dialog that saves through a service on the worker and shows field errors in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from redoffice.errors import ValidationFailed
from redoffice.ui.context import AppContext
from redoffice.ui.errors import describe
from redoffice.ui.widgets import FieldForm


class SaveDialog(QDialog):
    """Subclasses fill ``self.form`` and implement ``action()``: the service call to run."""

    saved = Signal(object)
    failed = Signal()
    table = ""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        parent: QWidget | None = None,
        form: FieldForm | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = form or FieldForm()
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    def action(self) -> Callable[[], Any]:
        raise NotImplementedError

    def submit(self) -> None:
        """Save in the background; stay open with the messages when the input is refused."""
        if not self.buttons.isEnabled():  # a save is already under way
            return
        self.form.clear_errors()
        self.message.hide()
        self.buttons.setEnabled(False)
        self.ctx.write(self.action(), self.table, self._done, self._refused, self)

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        unplaced = (
            self.form.show_errors(error)
            if isinstance(error, ValidationFailed)
            else [describe(error)]
        )
        if unplaced:
            self.message.setText("\n".join(unplaced))
            self.message.show()
        self.failed.emit()
