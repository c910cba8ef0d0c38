"""公示: the notices calendar — running, with objections, ending — and the notice printed for
the board (A4 portrait, A3)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redoffice.fund import queries, screens
from redoffice.fund.queries import NoticeRow
from redoffice.fund.screens import NoticeApplication
from redoffice.kit.db import Database
from redoffice.ui.fund import printing
from redoffice.ui.fund.common import day, money
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import button_row, combo_value, select_data, splitter, stacked

ENDING = "ending"  # the 工作台's 本周公示期满: the notices the card counts


def _load(db: Database, which: str) -> list[NoticeRow]:
    if which == ENDING:
        return queries.notices_ending(db)
    return queries.notice_rows(db)


class NoticesTab(QWidget):
    """``open_application(id)``: double-click on an application of the notice."""

    open_application = Signal(str)
    SHOWS = frozenset(
        {"fund_notice", "fund_application", "fund_objection", "resident", "party_member"}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[NoticeRow] = []
        self._select_next: str | None = None
        self.which = QComboBox()
        self.which.addItem(self.tr("All notices"), "")
        self.which.addItem(self.tr("Ending this week"), ENDING)
        self.which.currentIndexChanged.connect(self.refresh)
        self.count = QLabel()
        self.table = SimpleTable(
            [
                self.tr("Number"),
                self.tr("Title"),
                self.tr("Starts on"),
                self.tr("Ends on"),
                self.tr("State"),
                self.tr("Count"),
                self.tr("Open objections"),
                self.tr("Supervision phone"),
            ],
            stretch=1,
        )
        self.table.current_changed.connect(self.show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.applications = SimpleTable(
            [
                self.tr("Number"),
                self.tr("Applicant"),
                self.tr("Use"),
                self.tr("Approved"),
                self.tr("State"),
                self.tr("Objections"),
                self.tr("Not resolved"),
            ],
            stretch=1,
        )
        self.applications.activated_key.connect(self.open_application.emit)
        buttons = button_row(
            (self.tr("Print notice (A4)"), partial(self.print_notice, "A4")),
            (self.tr("Print notice (A3)"), partial(self.print_notice, "A3")),
        )
        self.row_buttons = RowButtons(self.current, self)
        prints: list[QPushButton] = layout_buttons(buttons)
        for button in prints:
            self.row_buttons.add(button)
        self.row_buttons.watch(self.table)
        self.table.set_row_actions(prints)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        filters = QHBoxLayout()
        filters.addWidget(self.which)
        filters.addWidget(self.count)
        filters.addStretch(1)
        layout.addLayout(filters)
        split = splitter(
            Qt.Orientation.Vertical,
            [330, 230],
            self.table,
            stacked(self.detail, self.applications),
        )
        layout.addWidget(split, 1)
        refresh_on(ctx, self, self.SHOWS, self.refresh).request()  # now, or once shown

    def refresh(self) -> None:
        self.reload()
        self.show_detail()

    def reload(self) -> None:
        job = partial(_load, self.ctx.db, combo_value(self.which) or "")
        self.ctx.query(job, self._show)

    def show_filter(self, which: str) -> None:
        """All notices ("") or those ending this week (``ending``, the 工作台's card)."""
        if (combo_value(self.which) or "") == which:
            self.refresh()
        select_data(self.which, which)

    def select(self, notice_id: str) -> None:
        """Show all notices and select ``notice_id`` once listed (a notice just saved)."""
        self._select_next = notice_id
        self.show_filter("")

    def state(self, n: NoticeRow) -> str:
        if n.running:
            return self.tr("Running")
        if n.ended:
            return self.tr("Ended")
        return self.tr("Not yet begun")

    def _show(self, rows: list[NoticeRow]) -> None:
        self.rows = rows
        self.table.set_rows(
            [
                (
                    n.number,
                    n.title,
                    day(n.starts_on),
                    day(n.ends_on),
                    self.state(n),
                    str(n.applications),
                    str(n.open_objections) if n.open_objections else "",
                    n.phone,
                )
                for n in rows
            ],
            [n.id for n in rows],
        )
        self.count.setText(self.tr("%n notice(s)", "", len(rows)))
        keys = list(map(str, self.table.rows_model.keys()))
        if self._select_next in keys:
            position = keys.index(self._select_next)
            self.table.selectRow(position)
            self.table.scrollTo(self.table.rows_model.index(position, 0))
        self._select_next = None
        self.row_buttons.apply()
        if self.current() is None:
            self.show_detail()

    def current(self) -> NoticeRow | None:
        key = self.table.current_key()
        return next((n for n in self.rows if n.id == key), None)

    def show_detail(self) -> None:
        n = self.current()
        self.detail.setText(
            ""
            if n is None
            else self.tr("Basis: %1　Issued by: %2")
            .replace("%1", n.basis or "—")
            .replace("%2", n.issuer or "—")
        )
        if n is None:
            self.applications.set_rows([])
            return
        job = partial(screens.notice_applications, self.ctx.db, n.id)
        self.ctx.query(job, self._show_applications)

    def _show_applications(self, rows: list[NoticeApplication]) -> None:
        # (a late answer for a notice no longer selected is harmless: the next one follows)
        self.applications.set_rows(
            [
                (
                    a.number,
                    a.applicant,
                    a.use_label,
                    money(a.amount_approved),
                    a.status_label,
                    str(a.objections or ""),
                    str(a.open_objections or ""),
                )
                for a in rows
            ],
            [a.id for a in rows],
        )

    def print_notice(self, paper: str) -> None:
        n = self.current()
        if n is not None:
            printing.notice_pdf(self.ctx, self, n.id, n.number, paper)
