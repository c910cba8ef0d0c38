"""统计: the figures the street office reports upward for a month, a quarter or a year — one
row per community and the total (the core's :func:`redoffice.street.stats.street_stats`, under
the community filter) — with charts of the rates per community, and 跨社区核查 as a tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.reports.street import cell_text, street_pdf, street_workbook
from redoffice.street.reports import (
    ANNUAL,
    MONTHLY,
    QUARTERLY,
    SCREEN,
    TITLES,
    Column,
    StreetReport,
    street_report,
)
from redoffice.street.stats import Figures, StreetStats, street_stats
from redoffice.ui.kit import ask
from redoffice.ui.kit.bar_chart import BarChart
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import offer_folder, save_bytes
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.street.duplicates_tab import DuplicatesTab
from redoffice.ui.sync.common import heading

# the tables the figures come from (a package imported or the filter changed reloads them)
SHOWS: Final = frozenset(
    {
        "household",
        "visit",
        "case_record",
        "meeting",
        "resolution",
        "wish",
        "wish_claim",
        "party_member",
        "service_record",
        "wish_event",
        "case_event",
        "fund_entry",
        "sync_partner",
    }
)
MONTH, QUARTER, YEAR = "month", "quarter", "year"


def recent_periods(kind: str, today: date) -> list[str]:
    """The period names the chooser offers, newest first: twelve months, eight quarters or
    five years up to ``today``'s."""
    if kind == MONTH:
        months = [(today.year * 12 + today.month - 1) - n for n in range(12)]
        return [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
    if kind == QUARTER:
        quarters = [(today.year * 4 + (today.month - 1) // 3) - n for n in range(8)]
        return [f"{q // 4}Q{q % 4 + 1}" for q in quarters]
    return [str(today.year - n) for n in range(5)]


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _cell(column: Column, figures: Figures) -> str:
    return cell_text(column.kind, column.value(figures))


class StatsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: StreetStats | None = None
        self.kind = QComboBox()
        for text, code in (
            (self.tr("Month"), MONTH),
            (self.tr("Quarter"), QUARTER),
            (self.tr("Year"), YEAR),
        ):
            self.kind.addItem(text, code)
        self.kind.setObjectName("period-kind")
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self.period.currentIndexChanged.connect(self.reload)
        self.table = SimpleTable([header for header, _text in self._columns()], stretch=0)
        self.table.setObjectName("street-figures")
        self.charts = {key: BarChart() for key in ("coverage", "closure", "fulfilled")}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._figures_tab(), self.tr("Figures"))
        self.duplicates = DuplicatesTab(ctx, self)  # read when its tab is first shown
        self.tabs.addTab(self.duplicates, self.tr("Cross-community checks"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._chooser())
        layout.addWidget(self.tabs, 1)
        refresh_on(ctx, self, SHOWS, self.reload)
        self._fill_periods()

    def _chooser(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Period")), self.kind, self.period):
            row.addWidget(widget)
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export Excel…"))
        self.print_button = QPushButton(self.tr("Print…"))
        for button, slot in ((self.export_button, self.export), (self.print_button, self.print_)):
            on_click(button, slot)
            row.addWidget(button)
        return row

    def report_kind(self) -> str:
        """The street report of the period chosen: 月度, 季度 or 年度."""
        return {MONTH: MONTHLY, QUARTER: QUARTERLY, YEAR: ANNUAL}[str(self.kind.currentData())]

    def _report(self, make: Callable[[StreetReport], bytes]) -> Callable[[], bytes]:
        db, kind, period = self.ctx.db, self.report_kind(), self.period_name()
        return lambda: make(street_report(db, kind, period))

    def _file_name(self, suffix: str) -> str:
        return f"{TITLES[self.report_kind()]}{self.period_name()}{suffix}"

    def export(self) -> None:
        """导出 Excel: the report workbook (a summary sheet and one per area, no person)."""
        path = ask.save_path(
            self, self.tr("Export Excel"), self._file_name(".xlsx"), "Excel (*.xlsx)"
        )
        if path:
            save_bytes(
                self.ctx,
                self,
                path,
                self._report(street_workbook),
                lambda _r: offer_folder(
                    self, self.tr("Exported to %1.").replace("%1", Path(path).name), path
                ),
            )

    def print_(self) -> None:
        """打印: the report PDF with its charts, in the preview."""
        title = TITLES[self.report_kind()]
        show_report(self.ctx, self, title, self._file_name(".pdf"), self._report(street_pdf))

    def _figures_tab(self) -> QWidget:
        """The table above, the charts below (the clerk moves the divider)."""
        charts = QWidget()
        grid = QGridLayout(charts)
        titles = {
            "coverage": self.tr("Visit coverage (%)"),
            "closure": self.tr("Requests closed (%)"),
            "fulfilled": self.tr("Wishes fulfilled"),
        }
        for column, (key, title) in enumerate(titles.items()):
            grid.addWidget(heading(title), 0, column)
            grid.addWidget(self.charts[key], 1, column)
        grid.setRowStretch(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        return split

    def _columns(self) -> list[tuple[str, Callable[[Figures], str]]]:
        """Each column's heading and its text for one row of figures: the report's headings
        and figures (:data:`redoffice.street.reports.SCREEN`), one set for screen, workbook
        and PDF."""
        return [
            (self.tr("Community"), lambda f: f.name),
            *((c.title, partial(_cell, c)) for c in SCREEN),
        ]

    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        for name in recent_periods(str(self.kind.currentData()), clock.today()):
            self.period.addItem(name, name)
        self.period.blockSignals(False)
        self.reload()

    def period_name(self) -> str:
        return str(self.period.currentData())

    def reload(self) -> None:
        db = self.ctx.db
        self.ctx.query(
            lambda: street_stats(db, self.period_name(), db.community),
            self.show_stats,
            partial(report, self),
        )

    def show_stats(self, stats: StreetStats) -> None:
        self.shown = stats
        columns = self._columns()
        rows = [*stats.rows, stats.total] if len(stats.rows) > 1 else stats.rows
        self.table.set_rows(
            [[text(f) for _header, text in columns] for f in rows],
            [f.node or "total" for f in rows],
        )
        rates: dict[str, Callable[[Figures], float | None]] = {
            "coverage": lambda f: f.coverage,
            "closure": lambda f: f.closure_rate,
        }
        for key, rate in rates.items():
            self.charts[key].set_items(_chart(stats.rows, rate), full=100, shown=_percent_label)
        self.charts["fulfilled"].set_items([(f.name, f.wishes_fulfilled) for f in stats.rows])


def _percent_label(value: float) -> str:
    """A bar's label as the table writes the rate: one decimal (``0.8%``)."""
    return percent(value / 100)


def _chart(rows: list[Figures], rate: Callable[[Figures], float | None]) -> list[tuple[str, float]]:
    """A rate per community as a percentage (none: 0)."""
    return [(f.name, (rate(f) or 0) * 100) for f in rows]
