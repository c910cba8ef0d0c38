"""微心愿 statistics: wishes collected, verified, published, claimed and fulfilled in a period,
counted by round, grid or group, with the claim and fulfilment rates; exported to Excel."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from redoffice.kit import clock
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.export import save_bytes
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import button_row, code_combo, combo_value
from redoffice.wishes import exports
from redoffice.wishes import queries as wish_queries
from redoffice.wishes.queries import STATS_BY, StatRow


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class StatsTab(QWidget):
    """The figures of the period (this year so far) by the chosen key."""

    SHOWS = frozenset({"wish_event", "wish_round", "grid"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats_by = code_combo(STATS_BY)
        self.stats_from, self.stats_to = DateField(), DateField()
        self.stats_from.set_value(date(clock.today().year, 1, 1))
        self.stats_to.set_value(clock.today())
        self.stats = SimpleTable(
            [
                self.tr("Counted by"),
                self.tr("Collected"),
                self.tr("Verified"),
                self.tr("Published"),
                self.tr("Claimed"),
                self.tr("Fulfilled"),
                self.tr("Claim rate"),
                self.tr("Fulfilment rate"),
            ],
            stretch=0,
        )
        for signal in (
            self.stats_by.currentIndexChanged,
            self.stats_from.value_changed,
            self.stats_to.value_changed,
        ):
            signal.connect(self.reload)
        note = QLabel(
            self.tr(
                "Counted by the date of each step: a claim cancelled later does not "
                "change the figures of earlier months."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row((self.tr("Export to Excel…"), self.export_stats)))
        layout.addLayout(self._period_row())
        layout.addWidget(self.stats, 1)
        layout.addWidget(note)
        refresh_on(ctx, self, self.SHOWS, self.reload)
        self.reload()

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in (
            self.stats_by,
            QLabel(self.tr("From")),
            self.stats_from,
            QLabel(self.tr("to")),
            self.stats_to,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def reload(self) -> None:
        start, end = self.stats_from.value(), self.stats_to.value()
        if start and end and start <= end:
            by = combo_value(self.stats_by) or "round"
            job = partial(wish_queries.statistics, self.ctx.db, start, end, by)
            self.ctx.query(job, self._show_stats)

    def export_stats(self) -> None:
        start, end = self.stats_from.value(), self.stats_to.value()
        path = ask.save_path(self, self.tr("Export to Excel"), "微心愿统计.xlsx", "Excel (*.xlsx)")
        if not (path and start and end):
            return
        by = combo_value(self.stats_by) or "round"
        make = partial(exports.wish_stats_xlsx, self.ctx.db, start, end, by)
        save_bytes(self.ctx, self, path, make)

    def _show_stats(self, rows: list[StatRow]) -> None:
        self.stats.set_rows(
            [
                (
                    r.key,
                    *(str(r.counts[k]) for k in wish_queries.COUNTED),
                    _rate(r.claim_rate),
                    _rate(r.fulfil_rate),
                )
                for r in rows
            ]
        )
