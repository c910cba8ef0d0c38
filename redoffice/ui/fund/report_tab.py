"""收支报告: a quarter's (or half year's, or year's) income by source and spending by use, each
account's opening and closing balance, and the 收支情况 report with its chart shown beside —
printed or saved from the preview, for the public notice of the fund's income and spending."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from redoffice.fund import books
from redoffice.fund.books import PeriodTotals
from redoffice.fund.codes import SOURCES, USES
from redoffice.fund.periods import Period, parse_period, quarter_of
from redoffice.kit import clock
from redoffice.ui.fund import printing
from redoffice.ui.fund.common import money
from redoffice.ui.fund.period_picker import recent_periods
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import button_row, splitter, stacked


def report_periods() -> list[Period]:
    """The last ended quarter first, then the running one and the two before, the half years,
    then the years."""
    today = clock.today()
    periods = recent_periods(today)
    last_ended = quarter_of(quarter_of(today).starts_on - timedelta(days=1))
    halves = [
        parse_period(f"{today.year}H1"),
        parse_period(f"{today.year - 1}H2"),
        parse_period(f"{today.year - 1}H1"),
    ]
    quarters = [last_ended] + [p for p in periods[:4] if p != last_ended]
    return quarters + halves + periods[4:]


class ReportTab(QWidget):
    SHOWS = frozenset({"fund_entry", "fund_account", "fund_application", "setting"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = QComboBox()
        for p in report_periods():
            self.period.addItem(f"{p.name}（{p.starts_on:%Y-%m-%d}至{p.ends_on:%Y-%m-%d}）", p.name)
        self.period.currentIndexChanged.connect(self.reload)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.income = SimpleTable([self.tr("Source"), self.tr("Income")], stretch=0)
        self.spending = SimpleTable([self.tr("Use"), self.tr("Spending")], stretch=0)
        self.accounts = SimpleTable(
            [
                self.tr("Account"),
                self.tr("Opening"),
                self.tr("Income"),
                self.tr("Spending"),
                self.tr("Closing"),
            ],
            stretch=0,
        )
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf = b""
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period, 1)
        buttons = button_row(
            (self.tr("Preview the report"), self.preview),
            (self.tr("Print or save…"), self.print_report),
        )
        self.hint = QLabel(self.tr("Press “Preview the report” to see it here."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tables = QHBoxLayout()
        tables.addWidget(self.income)
        tables.addWidget(self.spending)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(buttons)
        column.addWidget(self.summary)
        column.addLayout(tables, 2)
        column.addWidget(self.accounts, 1)
        note = QLabel(
            self.tr(
                "The report lists income by source and spending by use with a chart, for the "
                "half-yearly public notice of the fund's income and spending."
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        layout = QVBoxLayout(self)
        self.view.hide()  # until a report is previewed (laying it out takes a moment)
        right = stacked(self.hint, self.view)
        layout.addWidget(splitter(Qt.Orientation.Horizontal, [520, 640], left, right))
        refresh_on(ctx, self, self.SHOWS, self.reload).request()  # now, or once shown

    def chosen(self) -> str:
        return str(self.period.currentData() or "")

    def reload(self) -> None:
        period = self.chosen()
        self.ctx.query(partial(books.totals, self.ctx.db, period), self._show)
        if not self.view.isHidden():  # a report shown: the one of the period now chosen
            self.preview()

    def preview(self) -> None:
        self.ctx.query(printing.quarterly_job(self.ctx, self.chosen()), self._show_pdf)

    def _show(self, t: PeriodTotals) -> None:
        self.summary.setText(
            self.tr("Opening %1 + income %2 − spending %3 = closing %4")
            .replace("%1", money(t.opening))
            .replace("%2", money(t.income))
            .replace("%3", money(t.spending))
            .replace("%4", money(t.closing))
        )
        total = self.tr("Total")
        self.income.set_rows(
            [(label, money(t.income_by_source.get(code, 0))) for code, label in SOURCES.items()]
            + [(total, money(t.income))]
        )
        self.spending.set_rows(
            [(label, money(t.spending_by_use.get(code, 0))) for code, label in USES.items()]
            + [(total, money(t.spending))]
        )
        self.accounts.set_rows(
            [
                (a.name, money(a.opening), money(a.income), money(a.spending), money(a.closing))
                for a in t.accounts
            ]
        )

    def _show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.hint.hide()
        self.view.show()

    def print_report(self) -> None:
        printing.quarterly_pdf(self.ctx, self, self.chosen())
