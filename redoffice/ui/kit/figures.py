"""The figures tabs: 走访覆盖率 (入户走访) and 诉求统计 (民情诉求), for this month, quarter or
year or any dates, exported to Excel or printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from redoffice.cases import documents as case_documents
from redoffice.cases import exports as case_exports
from redoffice.cases import queries as case_queries
from redoffice.cases.queries import CaseStatsRow
from redoffice.kit import clock
from redoffice.kit.errors import UserError
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import offer_folder, save_bytes
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.show_gate import ShowGate
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import button_row
from redoffice.visits import documents as visit_documents
from redoffice.visits import exports as visit_exports
from redoffice.visits import queries as visit_queries
from redoffice.visits.queries import Coverage

translate = QCoreApplication.translate
RANGE = "range"


class PeriodPicker(QWidget):
    """本月 / 本季度 / 本年度 or 自定义: the dates beside show the period and can be typed or
    picked; changing them makes the period 自定义."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        for code, label in visit_queries.PERIODS.items():
            self.period.addItem(label, code)
        self.period.addItem(self.tr("Dates below"), RANGE)
        self.start, self.end = DateField(required=True), DateField(required=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            QLabel(self.tr("Period")),
            self.period,
            QLabel(self.tr("From")),
            self.start,
            QLabel(self.tr("to")),
            self.end,
        ):
            row.addWidget(widget)
        self._set_dates()
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start.value_changed.connect(self._dates_typed)
        self.end.value_changed.connect(self._dates_typed)

    def _set_dates(self) -> None:
        code = str(self.period.currentData())
        if code != RANGE:
            start, end = visit_queries.period_bounds(code, clock.today())
            for field, value in ((self.start, start), (self.end, end)):
                field.blockSignals(True)
                field.set_value(value)
                field.blockSignals(False)

    def _period_chosen(self) -> None:
        self._set_dates()
        self.changed.emit()

    def _dates_typed(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(RANGE))
        self.period.blockSignals(False)
        self.changed.emit()

    def dates(self) -> tuple[date, date] | None:
        """From and to, or None while a date is missing or the end is before the start."""
        start, end = self.start.value(), self.end.value()
        return (start, end) if start and end and start <= end else None

    def file_suffix(self) -> str:
        dates = self.dates()
        return f"{dates[0].isoformat()}至{dates[1].isoformat()}" if dates else ""


Job = Callable[[date, date], Callable[[], bytes]]


class FiguresTab(QWidget):
    """A period, the export and print buttons and the figures below; ``workbook`` and ``pdf``
    give the worker job that makes the file for the dates."""

    def __init__(
        self, ctx: AppContext, name: str, workbook: Job, pdf: Job, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = name
        self.workbook, self.pdf = workbook, pdf
        self.picker = PeriodPicker()
        self.title = QLabel()
        self.buttons = button_row(
            (self.tr("Export to Excel…"), self.export),
            (self.tr("Print"), self.print_),
        )
        self.top = QHBoxLayout()
        self.top.addWidget(self.picker)
        self.top.addWidget(self.title, 1)
        self.top.addLayout(self.buttons)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.top)
        self._gate = ShowGate(self, self.load)

    def reload(self) -> None:
        """The figures again: now when the tab is on screen, else when it is next shown."""
        self._gate.request()

    def load(self) -> None:
        """Query the figures for the period and show them."""
        raise NotImplementedError

    def checked_dates(self) -> tuple[date, date] | None:
        """The dates, or None after saying what is wrong (beside a field, or in a message)."""
        readable = all([self.picker.start.check(), self.picker.end.check()])
        dates = self.picker.dates()
        if readable and dates is None:
            report(self, UserError("date_order"))
        return dates if readable else None

    def export(self) -> None:
        dates = self.checked_dates()
        if dates is None:
            return
        file_name = f"{self.name}{self.picker.file_suffix()}.xlsx"
        path = ask.save_path(self, self.tr("Export to Excel"), file_name, "Excel (*.xlsx)")
        if path:
            save_bytes(
                self.ctx,
                self,
                path,
                self.workbook(*dates),
                lambda _r: offer_folder(
                    self, self.tr("Exported to %1.").replace("%1", Path(path).name), path
                ),
            )

    def print_(self) -> None:
        dates = self.checked_dates()
        if dates is not None:
            file_name = f"{self.name}{self.picker.file_suffix()}.pdf"
            show_report(self.ctx, self, self.name, file_name, self.pdf(*dates))


class CoverageTab(FiguresTab):
    """Households visited in the period / households, per 网格 and per special group."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            translate("CoverageTab", "Visit coverage"),
            lambda start, end: partial(visit_exports.coverage_xlsx, ctx.db, start, end),
            lambda start, end: partial(visit_documents.coverage_pdf, ctx.db, start, end),
            parent,
        )
        self.picker.changed.connect(self.reload)
        figures = [self.tr("Households"), self.tr("Visited"), self.tr("Rate")]
        self.by_grid = SimpleTable([self.tr("Grid"), *figures], stretch=0)
        self.by_group = SimpleTable([self.tr("Special group"), *figures], stretch=0)
        tables = QHBoxLayout()
        tables.addWidget(self.by_grid)
        tables.addWidget(self.by_group)
        self.layout_.addLayout(tables, 1)
        self.reload()

    def load(self) -> None:
        dates = self.picker.dates()
        if dates is not None:
            job = partial(visit_queries.coverage_between, self.ctx.db, *dates)
            self.ctx.query(job, self._show)

    def _show(self, result: Coverage) -> None:
        self.title.setText(
            self.tr("%1 of %2 households visited (%3)")
            .replace("%1", str(result.total.visited))
            .replace("%2", str(result.total.households))
            .replace("%3", f"{result.total.rate:.1%}")
        )
        self.by_grid.set_rows([visit_documents.coverage_cells(r) for r in result.by_grid])
        self.by_group.set_rows([visit_documents.coverage_cells(r) for r in result.by_group])


class CaseStatsTab(FiguresTab):
    """办结率, 按时办结率, 满意率 of the requests accepted in the period, by category, 网格 or
    month."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            translate("CaseStatsTab", "Request statistics"),
            lambda start, end: partial(
                case_exports.case_stats_xlsx, ctx.db, self.grouping(), start, end
            ),
            lambda start, end: partial(
                case_documents.case_stats_pdf, ctx.db, self.grouping(), start, end
            ),
            parent,
        )
        self.picker.period.setCurrentIndex(self.picker.period.findData("year"))
        self.picker.changed.connect(self.reload)
        self.by = QComboBox()
        for code, label in case_queries.STATS_BY.items():
            self.by.addItem(label, code)
        self.by.currentIndexChanged.connect(self.reload)
        self.top.insertWidget(0, self.by)
        self.top.insertWidget(0, QLabel(self.tr("By")))
        self.table = SimpleTable(
            [
                self.by.currentText(),
                self.tr("Accepted"),
                self.tr("Closed"),
                self.tr("Closure rate"),
                self.tr("On-time rate"),
                self.tr("Satisfaction rate"),
            ],
            stretch=0,
        )
        self.layout_.addWidget(self.table, 1)
        note = QLabel(
            self.tr(
                "Requests accepted in the period. Closure rate = closed / accepted; on-time "
                "rate = closed by the deadline / closed; satisfaction rate = satisfied or "
                "basically satisfied / called back."
            )
        )
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.reload()

    def grouping(self) -> str:
        return str(self.by.currentData())

    def load(self) -> None:
        self.table.set_header(0, self.by.currentText())
        dates = self.picker.dates()
        if dates is not None:
            job = partial(case_queries.case_stats, self.ctx.db, self.grouping(), *dates)
            self.ctx.query(job, self._show)

    def _show(self, result: tuple[CaseStatsRow, list[CaseStatsRow]]) -> None:
        total, rows = result
        self.table.set_rows([case_documents.stats_cells(r) for r in [*rows, total]])
        self.title.setText(self.tr("%n request(s) accepted", "", total.total))
