"""粘贴通知…: the State Council's notice on the year's holidays (or a list of days) pasted from
the web page, checked whole before anything is stored."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.errors import UserError
from redoffice.settings import calendar


class HolidayPasteDialog(QDialog):
    """导入 stays refused, with every bad line named, until the text reads whole; what was
    pasted is kept for correcting."""

    parsed = Signal(list)  # list[calendar.ListedDay]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste the holiday notice"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr(
                "Paste the State Council's notice (国务院办公厅关于……年部分节假日安排的通知) "
                "as it is published, or one day or range a line: 2027-01-01,元旦,休"
            )
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        self.ok_button = ok
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.text.setFocus()

    def accept(self) -> None:
        try:
            days = calendar.parse_day_list(self.text.toPlainText())
        except UserError as exc:
            self.problem.setText(exc.text)
            self.problem.show()
            return
        self.parsed.emit(days)
        super().accept()
