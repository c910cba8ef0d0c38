"""The date and time fields of every dialog: typed as the secretary writes them (1965.3.12,
19650312, 1965年3月12日, 9:30 …), left empty when nothing is known, marked at once in Chinese when
the text is not a date, and (for dates) a calendar that opens at a sensible month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from redoffice.kit import clock
from redoffice.kit.date_input import format_date, format_time, parse_date, parse_time
from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.ui.kit.connect import on_click

V = TypeVar("V", date, time)
_BAD = "QLineEdit { border: 1px solid #c0392b; background: #fdecea; }"


class TypedField(QWidget, Generic[V]):
    """A line edit read through ``parse``; the Chinese reason appears beside it when unreadable
    (in a table cell, ``in_cell``: a red field whose tooltip gives the reason)."""

    edited = Signal()  # the user typed or picked something
    value_changed = Signal()  # a readable new value (or empty) took effect

    def __init__(
        self,
        parse: Callable[[str], V | None],
        show: Callable[[V | None], str],
        required: bool,
        parent: QWidget | None,
        in_cell: bool = False,
    ) -> None:
        super().__init__(parent)
        self.in_cell = in_cell
        self._problem = ""
        self._parse: Callable[[str], V | None] = parse
        self._show: Callable[[V | None], str] = show
        self.required = required
        self._last: V | None = None
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setObjectName("field_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.edit)
        if not in_cell:
            self.row.addWidget(self.error, 10)
            self.row.addStretch(1)  # the field stays at the left of its row
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typing)
        self.edit.editingFinished.connect(self.check)

    def value(self) -> V | None:
        """The value typed; None when empty or unreadable (``check`` tells which)."""
        try:
            return self._parse(self.edit.text())
        except UserError:
            return None

    def required_value(self) -> V:
        """The value of a ``required`` field, once ``check`` has passed (the dialog ensures it)."""
        value = self.value()
        if value is None:
            raise ValueError(self.problem() or message("required"))
        return value

    def set_value(self, value: V | None) -> None:
        self.edit.setText(self._show(value))
        self._mark("")
        self._took(value)

    def _took(self, value: V | None) -> None:
        if value != self._last:
            self._last = value
            self.value_changed.emit()

    def text(self) -> str:
        return self.edit.text()

    def check(self) -> bool:
        """Mark the field when its text is unreadable (or empty but required); True when fine.
        A readable entry is rewritten the one usual way (1965.3.12 -> 1965-03-12)."""
        try:
            value = self._parse(self.edit.text())
        except UserError as error:
            self._mark(error.text)
            return False
        if value is None and self.required:
            self._mark(message("required"))
            return False
        if value is not None and self.edit.text() != self._show(value):
            self.edit.setText(self._show(value))
        self._mark("")
        self._took(value)
        return True

    def problem(self) -> str:
        return self._problem

    def _typing(self, text: str) -> None:
        """While typing, only a character no date or time can hold is marked at once."""
        self.edited.emit()
        if any(ch.isalpha() and ch not in "年月日点时分半" for ch in text):
            self.check()
        elif self.problem():
            self._mark("")

    def _mark(self, text: str) -> None:
        self._problem = text
        self.error.setText(text)
        self.error.setVisible(bool(text) and not self.in_cell)
        self.edit.setToolTip(text)
        self.edit.setStyleSheet(_BAD if text else "")


class DateField(TypedField[date]):
    """A date, or empty. The calendar (button or Alt+↓) opens at the value, else at ``opens_at``
    (today unless told, e.g. a birth decade)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        required: bool = False,
        opens_at: date | None = None,
        in_cell: bool = False,
    ) -> None:
        super().__init__(parse_date, format_date, required, parent, in_cell)
        self.edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
        self.opens_at = opens_at
        self.edit.setFixedWidth(self._edit_width())
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Calendar (Alt+Down)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        on_click(self.calendar_button, self.open_calendar)
        self.row.insertWidget(1, self.calendar_button)
        self.calendar: QCalendarWidget | None = None
        self.edit.installEventFilter(self)

    def _edit_width(self) -> int:
        """Room for yyyy-mm-dd and the clear button, so the field keeps its width (and the
        calendar button its place) whether or not a date is in it."""
        digits = self.edit.fontMetrics().horizontalAdvance("8888-88-88")
        clear = self.edit.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 12
        return digits + clear + 16

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            opens = event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if opens:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        """A calendar under the field, at the typed date's month (or ``opens_at``, or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setMinimumDate(QDate(1900, 1, 1))
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        shown = self.value() or self.opens_at or clock.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.set_value(date(day.year(), day.month(), day.day()))
        self.edited.emit()
        self.edit.setFocus()


class TimeField(TypedField[time]):
    """A time of day (24-hour), or empty: 9:30, 0930, 9点半."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parse_time, format_time, required, parent)
        self.edit.setPlaceholderText(self.tr("hh:mm"))
        self.edit.setMaximumWidth(90)


def birth_decade(today: date | None = None) -> date:
    """Where a birth date's calendar opens: the decade of a resident aged about 50."""
    year = (today or clock.today()).year - 50
    return date(year - year % 10, 1, 1)
