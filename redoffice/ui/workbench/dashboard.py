"""工作台: what needs doing now — for the whole community or for the operator — with the
registry figures, counts per 网格 and charts. Every item opens where it can be dealt with."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.cases.queries import CaseRow
from redoffice.meetings.resolutions import ResolutionRow
from redoffice.registry import stats
from redoffice.settings.calendar import SHANGHAI
from redoffice.ui.kit.bar_chart import BarChart
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import fill_combo
from redoffice.visits.service import DueHousehold
from redoffice.wishes.queries import WishRow
from redoffice.workbench import queries as workbench
from redoffice.workbench.queries import FundCards, Listing, Workbench

# The tables each card (with the list behind it) and each chart shows; the 工作台 and the
# registry figures are one query each, reloaded when a write changes a table one of theirs shows.
_PLAN = frozenset({"household_visit_state", "household", "estate", "grid", "staff"})
_CASES = frozenset(
    {"case_record", "resident", "staff", "organization", "household", "estate", "grid"}
)
_RESOLUTIONS = frozenset({"resolution", "meeting", "meeting_estate", "estate"})
SHOWS: dict[str, frozenset[str]] = {
    "visits_overdue": _PLAN,
    "visits_due_week": _PLAN,
    "cases_due_24h": _CASES,
    "cases_overdue": _CASES,
    "awaiting_callback": _CASES,
    "resolutions_open": _RESOLUTIONS,
    "resolutions_overdue": _RESOLUTIONS,
    "claims_overdue": frozenset({"wish_claim", "wish", "party_member", "organization"}),
    "per_grid": _PLAN | _CASES,
    "visits_per_month": frozenset({"visit", "household"}),
    "requests_by": frozenset({"case_record", "household"}),
    "households": frozenset({"household"}),
    "residents": frozenset({"resident"}),
    "party_members": frozenset({"party_member"}),
    "special_groups": frozenset({"resident", "resident_tag"}),
}
REGISTRY = ("households", "residents", "party_members", "special_groups")
# the 红色基金 cards, each opening the 基金 page filtered (its own read: fund_cards)
_FUND = frozenset(
    {
        "fund_application",
        "fund_step",
        "fund_notice",
        "fund_objection",
        "fund_entry",
        "staff",
        "setting",
        "resident",
        "party_member",
    }
)
FUND_CARDS = {"fund_waiting": "mine", "fund_notices_ending": "notices", "fund_payments_due": "due"}
SCOPE = frozenset({"setting", "staff"})  # “我的”: the operator and their staff record


def _shown_by(keys: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(SHOWS[key] for key in keys))


class Card(QFrame):
    """A figure with its title; clicking it shows the list behind it."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "Card { background: #fff; border: 1px solid #e3c8c4; border-radius: 6px; }"
        )
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 24px; font-weight: bold; color: #c0392b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class FundFigure(Card):
    """A line of the 红色基金 card: a figure and its title side by side (three share one card,
    so that the row of cards still fits a 1366-pixel screen); clicking opens the 基金 page."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        QFrame.__init__(self, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 15px; font-weight: bold; color: #c0392b;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title))
        layout.addStretch(1)
        layout.addWidget(self.value)


def fund_card(title: str, figures: Iterable[FundFigure]) -> QFrame:
    """The 红色基金 card: its title over its figures."""
    card = QFrame()
    card.setObjectName("fund_card")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setStyleSheet(
        "QFrame#fund_card { background: #fff; border: 1px solid #e3c8c4; border-radius: 6px; }"
    )
    column = QVBoxLayout(card)
    column.setContentsMargins(10, 4, 10, 4)
    column.setSpacing(0)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: bold;")
    column.addWidget(heading)
    for figure in figures:
        column.addWidget(figure)
    return card


def _two_lines(text: str) -> str:
    """A heading of four or more characters on two lines (逾期\n未走访): five figures'
    columns then leave the 网格 column room for its names."""
    if len(text) < 4 or " " in text:
        return text
    middle = len(text) // 2
    return text[:middle] + "\n" + text[middle:]


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 14px;")
    return label


class LazyLists(Mapping[str, SimpleTable]):
    """The 工作台's lists in the tabs, built and filled a step at a time: one list built or
    filled per turn of the event loop (:meth:`step`), the tab shown first, and at once when a
    list is asked for or its tab is shown. Building the eight tables with the page and filling
    them all in the answer's event each held the GUI thread for 100–250 ms at the window start
    (issue 11); rows that arrive for a list wait in ``_pending`` for their turn."""

    def __init__(self, tabs: QTabWidget, makers: dict[str, Callable[[], SimpleTable]]) -> None:
        self._tabs = tabs
        self._makers = makers
        self._built: dict[str, SimpleTable] = {}
        self._pending: dict[str, tuple[Sequence[Sequence[str]], Sequence[Any]]] = {}
        self._placeholders = {key: QWidget() for key in makers}
        self._stepping = False

    def add_tabs(self, titles: Mapping[str, str]) -> None:
        for key, placeholder in self._placeholders.items():
            self._tabs.addTab(placeholder, titles[key])
        self._tabs.currentChanged.connect(self._shown)
        self._schedule()

    def __getitem__(self, key: str) -> SimpleTable:
        table = self._built.get(key)
        if table is None:
            table = self._built[key] = self._makers[key]()
            placeholder = self._placeholders.pop(key)
            index = self._tabs.indexOf(placeholder)
            current = self._tabs.currentIndex()
            title = self._tabs.tabText(index)
            self._tabs.blockSignals(True)  # the swap is no change of tab
            self._tabs.removeTab(index)
            self._tabs.insertTab(index, table, title)
            self._tabs.setCurrentIndex(current)
            self._tabs.blockSignals(False)
            placeholder.deleteLater()
        if key in self._pending:
            table.set_rows(*self._pending.pop(key))
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def set_rows(self, key: str, rows: Sequence[Sequence[str]], keys: Sequence[Any]) -> None:
        """Show these rows in the list at its turn."""
        self._pending[key] = (rows, keys)
        self._schedule()

    def step(self) -> None:
        """One list built or filled — the one on screen first — and another turn asked for
        while there is more to do."""
        self._stepping = False
        keys = list(self._makers)
        current = keys[self._tabs.currentIndex()] if self._tabs.currentIndex() >= 0 else ""
        waiting = [k for k in keys if k in self._pending or k not in self._built]
        if waiting:
            self[current if current in waiting else waiting[0]]
            self._schedule()

    def _schedule(self) -> None:
        if not self._stepping and (self._pending or len(self._built) < len(self._makers)):
            self._stepping = True
            QTimer.singleShot(0, self._tabs, self.step)

    def _shown(self, index: int) -> None:
        keys = list(self._makers)
        if 0 <= index < len(keys):
            self[keys[index]]


class Dashboard(QWidget):
    open_household_visit = Signal(str, str)  # household id, address
    open_case = Signal(str)
    open_resolution = Signal(str)
    open_wish = Signal(str)
    open_fund = Signal(str)  # "mine", "notices" or "due": the 基金 page filtered

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Whole community"), "")
        self.scope.currentIndexChanged.connect(self.reload)
        self.as_of = QLabel()
        self.titles = {
            "visits_overdue": self.tr("Visits overdue"),
            "visits_due_week": self.tr("Visits due this week"),
            "cases_due_24h": self.tr("Requests due within 24 h"),
            "cases_overdue": self.tr("Requests overdue"),
            "awaiting_callback": self.tr("Awaiting call-back"),
            "resolutions_open": self.tr("Open resolutions"),
            "resolutions_overdue": self.tr("Overdue resolutions"),
            "claims_overdue": self.tr("Wish claims not contacted"),
            "households": self.tr("Households"),
            "residents": self.tr("Residents"),
            "party_members": self.tr("Party members"),
            "fund_waiting": self.tr("Waiting on me"),
            "fund_notices_ending": self.tr("Notices end this week"),
            "fund_payments_due": self.tr("To be paid"),
        }
        self.cards = {
            key: FundFigure(title) if key in FUND_CARDS else Card(title)
            for key, title in self.titles.items()
        }
        for key, which in FUND_CARDS.items():
            self.cards[key].clicked.connect(partial(self.open_fund.emit, which))
        self.lists = self._lists()
        self.grids = SimpleTable(
            [
                self.tr("Grid"),
                self.tr("Households"),
                self.tr("Visits overdue"),
                self.tr("Due this week"),
                self.tr("Open requests"),
                self.tr("Overdue requests"),
            ],  # the 网格 column as wide as its names; the last one takes what is left
        )
        for column in range(1, self.grids.rows_model.columnCount()):
            heading = self.grids.rows_model.headerData(column, Qt.Orientation.Horizontal)
            self.grids.set_header(column, _two_lines(str(heading)))
        self.charts = {
            "visits": BarChart(vertical=True),
            "categories": BarChart(),
            "states": BarChart(),
            "groups": BarChart(),
        }
        self._layout()
        workbench_keys = [key for key in SHOWS if key not in REGISTRY]
        refresh_on(ctx, self, _shown_by(workbench_keys), self.reload_workbench)
        refresh_on(ctx, self, _FUND, self.reload_fund)
        refresh_on(ctx, self, _shown_by(REGISTRY), self.reload_registry)
        refresh_on(ctx, self.scope, SCOPE, self._load_scope)
        self._load_scope()
        self.reload()

    def _lists(self) -> LazyLists:
        """The lists behind the cards, one per tab, built after the page (see
        :class:`LazyLists`)."""
        visit_headers = [
            self.tr("Due"),
            self.tr("Address"),
            self.tr("Grid"),
            self.tr("Last visit"),
        ]
        case_headers = [
            self.tr("Number"),
            self.tr("Category"),
            self.tr("Request"),
            self.tr("Grid"),
            self.tr("Handled by"),
            self.tr("Due"),
        ]
        resolution_headers = [
            self.tr("Number"),
            self.tr("Resolution"),
            self.tr("Responsible"),
            self.tr("Deadline"),
            self.tr("State"),
        ]
        claim_headers = [
            self.tr("Number"),
            self.tr("Wish"),
            self.tr("Beneficiary"),
            self.tr("Claimed by"),
            self.tr("Contact by"),
        ]

        def visits() -> SimpleTable:
            table = SimpleTable(visit_headers, stretch=1)
            table.activated_key.connect(lambda k: self.open_household_visit.emit(*k))
            return table

        def maker(
            headers: list[str], stretch: int, opened: Callable[[str], None]
        ) -> Callable[[], SimpleTable]:
            def make() -> SimpleTable:
                table = SimpleTable(headers, stretch=stretch)
                table.activated_key.connect(opened)
                return table

            return make

        makers: dict[str, Callable[[], SimpleTable]] = {
            "visits_overdue": visits,
            "visits_due_week": visits,
        }
        for key in ("cases_due_24h", "cases_overdue", "awaiting_callback"):
            makers[key] = maker(case_headers, 2, self.open_case.emit)
        for key in ("resolutions_open", "resolutions_overdue"):
            makers[key] = maker(resolution_headers, 1, self.open_resolution.emit)
        makers["claims_overdue"] = maker(claim_headers, 1, self.open_wish.emit)
        self.tabs = QTabWidget()
        lists = LazyLists(self.tabs, makers)
        lists.add_tabs(self.titles)
        for key in makers:
            self.cards[key].clicked.connect(partial(self._show_list, key))
        return lists

    def _show_list(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.lists[key])

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show for")))
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.as_of)
        cards = QHBoxLayout()
        for key, card in self.cards.items():
            if key not in FUND_CARDS:
                cards.addWidget(card)
        fund = [c for key in FUND_CARDS if isinstance(c := self.cards[key], FundFigure)]
        cards.addWidget(fund_card(self.tr("Red fund"), fund))
        middle = QHBoxLayout()
        middle.addWidget(self.tabs, 3)
        grid_box = QVBoxLayout()
        grid_box.addWidget(_title(self.tr("Per grid")))
        grid_box.addWidget(self.grids)
        middle.addLayout(grid_box, 2)
        charts = QGridLayout()
        for column, (key, title) in enumerate(
            (
                ("visits", self.tr("Visits per month")),
                ("categories", self.tr("Requests by category (12 months)")),
                ("states", self.tr("Requests by state")),
                ("groups", self.tr("Special groups")),
            )
        ):
            charts.addWidget(_title(title), 0, column)
            charts.addWidget(self.charts[key], 1, column, Qt.AlignmentFlag.AlignTop)
            charts.setColumnStretch(column, 2 if key == "visits" else 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addLayout(middle, 3)
        layout.addLayout(charts, 2)

    def _load_scope(self) -> None:
        self.ctx.query(partial(workbench.operator_scope, self.ctx.db), self._show_scope)

    def _show_scope(self, scope: workbench.Scope) -> None:
        mine = self.tr("Mine: %1").replace("%1", scope.operator)
        if scope.whole_community:
            choices = [(mine, scope.staff_id)] if scope.staff_id else []
            fill_combo(self.scope, choices, self.tr("Whole community"))
        else:  # a 网格员: their grids only (the service narrows the figures whatever is chosen)
            fill_combo(self.scope, [(mine, scope.staff_id or workbench.NOBODY)], None)

    def reload(self) -> None:
        self.reload_workbench()
        self.reload_registry()
        self.reload_fund()

    def reload_fund(self) -> None:
        self.ctx.query(partial(workbench.fund_cards, self.ctx.db), self.show_fund)

    def show_fund(self, cards: FundCards) -> None:
        for key, listing in (
            ("fund_waiting", cards.waiting_on_me),
            ("fund_notices_ending", cards.notices_ending),
            ("fund_payments_due", cards.payments_due),
        ):
            self.cards[key].value.setText(f"{listing.total:,}")

    def reload_workbench(self) -> None:
        worker = self.scope.currentData() or None
        self.ctx.query(
            partial(workbench.workbench, self.ctx.db, worker=worker), self.show_workbench
        )

    def reload_registry(self) -> None:
        self.ctx.query(partial(stats.registry_figures, self.ctx.db), self.show_registry)

    def show_registry(self, r: stats.RegistryFigures) -> None:
        for key in ("households", "residents", "party_members"):
            self.cards[key].value.setText(f"{getattr(r, key):,}")
        self.charts["groups"].set_items([(label, n) for _, label, n in r.by_tag])

    def show_workbench(self, w: Workbench) -> None:
        self.as_of.setText(self.tr("As of %1").replace("%1", w.today.isoformat()))
        for key in ("visits_overdue", "visits_due_week"):
            self._fill_visits(key, getattr(w, key))
        for key in ("cases_due_24h", "cases_overdue", "awaiting_callback"):
            self._fill_cases(key, getattr(w, key))
        for key in ("resolutions_open", "resolutions_overdue"):
            self._fill_resolutions(key, getattr(w, key))
        self._fill_claims(w.claims_overdue)
        self.grids.set_rows(
            [
                (
                    g.label,
                    f"{g.households:,}",
                    str(g.visits_overdue),
                    str(g.visits_due_week),
                    str(g.open_cases),
                    str(g.overdue_cases),
                )
                for g in w.by_grid
            ]
        )
        self.charts["visits"].set_items(w.visits_per_month, partial_last=True)
        self.charts["categories"].set_items(w.cases_by_category)
        self.charts["states"].set_items(w.cases_by_status)

    def _fill_visits(self, key: str, listing: Listing) -> None:
        self.cards[key].value.setText(f"{listing.total:,}")
        items: list[DueHousehold] = listing.items
        self.lists.set_rows(
            key,
            [
                (
                    d.due.isoformat(),
                    d.address,
                    d.grid,
                    d.last_visit.isoformat() if d.last_visit else self.tr("never"),
                )
                for d in items
            ],
            [(d.household_id, d.address) for d in items],
        )

    def _fill_cases(self, key: str, listing: Listing) -> None:
        self.cards[key].value.setText(f"{listing.total:,}")
        items: list[CaseRow] = listing.items
        self.lists.set_rows(
            key,
            [
                (
                    c.number,
                    c.category,
                    c.description,
                    c.grid,
                    c.assignee,
                    c.due_at.astimezone(SHANGHAI).strftime("%m-%d %H:%M"),
                )
                for c in items
            ],
            [c.id for c in items],
        )

    def _fill_resolutions(self, key: str, listing: Listing) -> None:
        self.cards[key].value.setText(f"{listing.total:,}")
        items: list[ResolutionRow] = listing.items
        self.lists.set_rows(
            key,
            [
                (
                    r.number,
                    r.text,
                    f"{r.party} {r.responsible}".strip(),
                    r.deadline.isoformat(),
                    r.status,
                )
                for r in items
            ],
            [r.id for r in items],
        )

    def _fill_claims(self, listing: Listing) -> None:
        self.cards["claims_overdue"].value.setText(f"{listing.total:,}")
        items: list[WishRow] = listing.items
        self.lists.set_rows(
            "claims_overdue",
            [
                (
                    r.number,
                    r.wish,
                    r.beneficiary_name,
                    r.claimer_name,
                    r.contact_due.isoformat() if r.contact_due else "",
                )
                for r in items
            ],
            [r.id for r in items],
        )
