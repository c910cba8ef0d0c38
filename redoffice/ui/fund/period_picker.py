"""The ledger's period filter: all entries, a quarter, a year, or any dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from redoffice.fund.periods import Period, quarter_of, year_of
from redoffice.kit import clock
from redoffice.ui.kit.date_fields import DateField

ALL, RANGE = "", "range"


def recent_periods(today: date) -> list[Period]:
    """This quarter and the three before it, this year and the one before."""
    quarters = [quarter_of(today)]
    for _ in range(3):
        quarters.append(quarter_of(quarters[-1].starts_on - timedelta(days=1)))
    years = [year_of(today), year_of(date(today.year - 1, 1, 1))]
    return quarters + years


class FundPeriodPicker(QWidget):
    """全部 / a recent quarter or year / 自定义: the dates beside show the period and can be
    typed; typing them makes it 自定义. ``period_name()`` is the quarter or year chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        self.period.addItem(self.tr("All dates"), ALL)
        self._periods: dict[str, Period] = {}
        for p in recent_periods(clock.today()):
            self._periods[p.name] = p
            label = self.tr("Year %1") if "Q" not in p.name else self.tr("Quarter %1")
            self.period.addItem(label.replace("%1", p.name), p.name)
        self.period.addItem(self.tr("Dates beside"), RANGE)
        self.start, self.end = DateField(), DateField()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.period,
            QLabel(self.tr("From")),
            self.start,
            QLabel(self.tr("to")),
            self.end,
        ):
            row.addWidget(widget)
        self.period.currentIndexChanged.connect(self._chosen)
        self.start.value_changed.connect(self._typed)
        self.end.value_changed.connect(self._typed)

    def _chosen(self) -> None:
        code = str(self.period.currentData() or "")
        if code != RANGE:
            chosen = self._periods.get(code)
            for field, value in (
                (self.start, chosen.starts_on if chosen else None),
                (self.end, chosen.ends_on if chosen else None),
            ):
                field.blockSignals(True)
                field.set_value(value)
                field.blockSignals(False)
        self.changed.emit()

    def _typed(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(RANGE))
        self.period.blockSignals(False)
        self.changed.emit()

    def choose(self, name: str) -> None:
        """Choose the quarter or year ``name`` (or all dates for "")."""
        index = self.period.findData(name)
        if index >= 0:
            self.period.setCurrentIndex(index)

    def dates(self) -> tuple[date | None, date | None]:
        return self.start.value(), self.end.value()

    def period_name(self) -> str:
        """The quarter or year chosen ("" for all dates or typed dates)."""
        code = str(self.period.currentData() or "")
        return code if code in self._periods else ""

    def describe(self) -> str:
        start, end = self.dates()
        if self.period_name():
            return self.period_name()
        if start or end:
            return f"{start.isoformat() if start else '…'}至{end.isoformat() if end else '…'}"
        return ""
