"""入户走访: the visit records, the visit plan (due and overdue, per 网格 and worker) and the
coverage figures; new visits, printed forms and attachments."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.registry import reference as registry
from redoffice.ui.kit import record_actions
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.export import export_list
from redoffice.ui.kit.figures import CoverageTab
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.place_filters import PlaceFilters
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import ShowGate, refresh_on
from redoffice.ui.kit.staged import LazyTabs, built_in_parts
from redoffice.ui.kit.widgets import Writes, button_row, combo_value, fill_combo
from redoffice.ui.visits.visit_dialog import open_visit_dialog, show_visit_form
from redoffice.visits import plan as plan_queries
from redoffice.visits import queries as visit_queries
from redoffice.visits.plan import PlanFilter
from redoffice.visits.queries import VisitQuery, VisitRow
from redoffice.visits.service import DueHousehold

translate = QCoreApplication.translate


def visit_columns() -> list[Column[VisitRow]]:
    return [
        Column(translate("visits", "Date"), lambda r: r.visit_date.isoformat(), "date", 90),
        Column(translate("visits", "Address"), lambda r: r.address, "address", 220),
        Column(translate("visits", "Grid"), lambda r: r.grid, None, 75),
        Column(translate("visits", "Visitors"), lambda r: r.visitors, None, 140),
        Column(translate("visits", "Purposes"), lambda r: r.purposes, None, 140),
        Column(translate("visits", "Issues"), lambda r: str(r.issues or ""), None, 45),
        Column(translate("visits", "Files"), lambda r: str(r.attachments or ""), None, 45),
        Column(translate("visits", "Situation"), lambda r: r.situation, None, 300),
    ]


def _days_overdue(d: DueHousehold) -> str:
    late = (clock.today() - d.due).days
    return str(late) if late > 0 else ""


def plan_columns() -> list[Column[DueHousehold]]:
    never = translate("visits", "never")
    return [
        Column(translate("visits", "Due"), lambda d: d.due.isoformat(), "due", 90),
        Column(translate("visits", "Address"), lambda d: d.address, "address", 420),
        Column(translate("visits", "Grid"), lambda d: d.grid, None, 90),
        Column(
            translate("visits", "Last visit"),
            lambda d: d.last_visit.isoformat() if d.last_visit else never,
            "last",
            90,
        ),
        Column(
            translate("visits", "Every (days)"), lambda d: str(d.interval_days), "interval", 120
        ),
        Column(translate("visits", "Days overdue"), _days_overdue, None, 80),
    ]


@built_in_parts(
    records=("places", "list", "record_buttons"),
    plan=("plan_places", "worker", "plan", "plan_count", "plan_buttons", "_plan_gate"),
    coverage=("coverage",),
)
class VisitsPage(QWidget):
    # the tables each part shows (a 小区's name is in every address)
    RECORDS = frozenset(
        {"visit", "visit_participant", "case_record", "attachment", "household", "estate", "grid"}
    )
    PLAN = frozenset({"household_visit_state", "household", "estate", "grid", "staff"})
    COVERAGE = frozenset({"visit", "household", "grid", "resident", "resident_tag"})
    WORKERS = frozenset({"staff"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        self.tabs.add_part("records", self.tr("Visit records"), self._records_tab)
        self.tabs.add_part("plan", self.tr("Visit plan"), self._plan_tab)
        self.tabs.add_part("coverage", self.tr("Coverage"), self._coverage_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _coverage_tab(self) -> QWidget:
        self.coverage = CoverageTab(self.ctx)
        refresh_on(self.ctx, self.coverage, self.COVERAGE, self.coverage.load)
        return self.coverage

    # -- records -------------------------------------------------------------------------
    def _records_tab(self) -> QWidget:
        self.places = PlaceFilters(self.ctx, self)
        self.list: SearchableList[VisitRow] = SearchableList(
            self.ctx,
            visit_columns(),
            partial(visit_queries.visit_rows, self.ctx.db),
            lambda r: r.id,
            self._load_ids,
            self.tr("Search address"),
            "date",
            self,
            newest_first=True,
            state_key="visits",
        )
        self.list.add_filter(self.places.grid)
        self.places.changed.connect(self.list.reload)
        self.list.activated.connect(
            lambda visit_id: show_visit_form(self.ctx, self, None, visit_id)
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = button_row(
            Writes(self.tr("New visit"), self.new_visit),
            (self.tr("Print filled form"), self.print_current),
            Writes(self.tr("Attachments"), self.show_attachments),
            Writes(self.tr("Delete"), partial(self.set_deleted, True)),
            (self.tr("History"), self.show_history),
            (self.tr("Export Excel…"), lambda: export_list(self.ctx, self, "visits", self.list)),
            (self.tr("Print list"), lambda: self.list.print_preview(self.tr("Visit records"))),
        )
        self.list.set_row_actions(layout_buttons(buttons)[1:5])
        self.record_buttons = RowButtons(self.list.current_id, self)
        for button in layout_buttons(buttons)[1:5]:
            self.record_buttons.add(button)
        self.record_buttons.watch(self.list.table)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        refresh_on(self.ctx, self.list, self.RECORDS, self.list.reload)
        self.places.reload()
        return tab

    def _load_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        query = VisitQuery(
            text=text, grid_id=self.places.grid_id(), sort=sort, descending=descending
        )
        return visit_queries.visit_id_query(self.ctx.db, query)

    def new_visit(self, household: tuple[str, str] | None = None) -> None:
        open_visit_dialog(self.ctx, self, household)

    def print_current(self) -> None:
        visit_id = self.list.current_id()
        if visit_id:
            show_visit_form(self.ctx, self, None, visit_id)

    def show_attachments(self) -> None:
        row = self.list.current_row()
        if isinstance(row, VisitRow):
            AttachmentsDialog(self.ctx, "visit", row.id, row.address, self).open()

    def set_deleted(self, deleted: bool) -> None:
        row = self.list.current_row()
        if isinstance(row, VisitRow):
            label = f"{row.visit_date} {row.address}"
            record_actions.set_deleted(self.ctx, self, "visit", row.id, label, deleted)

    def show_history(self) -> None:
        record_actions.show_history(self.ctx, self, "visit", self.list.current_id())

    # -- plan ----------------------------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        self.plan_places = PlaceFilters(self.ctx, self)
        self.worker = QComboBox()
        self.plan: SearchableList[DueHousehold] = SearchableList(
            self.ctx,
            plan_columns(),
            partial(plan_queries.plan_rows, self.ctx.db),
            lambda d: d.household_id,
            self._load_plan_ids,
            self.tr("Search address"),
            "due",
            self,
            state_key="visit_plan",
        )
        self.plan.add_filter(self.plan_places.grid)
        self.plan.add_filter(self.worker)
        self.plan_places.changed.connect(self.reload_plan)
        self.worker.currentIndexChanged.connect(self.reload_plan)
        self.plan.activated.connect(lambda _household: self._visit_selected())
        self.plan.reloaded.connect(self._count_overdue)
        self.plan_count = QLabel()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = button_row(
            Writes(self.tr("Record visit"), self._visit_selected),
            (self.tr("Print blank form"), self._blank_form),
        )
        self.plan_buttons = RowButtons(self.plan.current_id, self)
        for button in layout_buttons(buttons):
            self.plan_buttons.add(button)
        self.plan_buttons.watch(self.plan.table)
        self.plan.set_row_actions(layout_buttons(buttons))
        layout.addLayout(buttons)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.plan_count)
        self._plan_gate = ShowGate(tab, self.plan.reload).watch(self.ctx, self.PLAN)
        refresh_on(self.ctx, self.worker, self.WORKERS, self.reload_workers)
        self.plan_places.reload()
        self.reload_workers()
        return tab

    def _plan_filter(self, text: str = "") -> PlanFilter:
        return PlanFilter(text, self.plan_places.grid_id(), combo_value(self.worker))

    def _load_plan_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return plan_queries.plan_id_query(self.ctx.db, self._plan_filter(text), sort, descending)

    def reload_workers(self) -> None:
        self.ctx.query(
            partial(registry.staff_choices, self.ctx.db),
            lambda staff: fill_combo(self.worker, staff, self.tr("All workers")),
        )

    def reload_plan(self) -> None:
        """The plan again: now when its tab is on screen, else when the tab is next shown."""
        self._plan_gate.request()

    def _count_overdue(self, listed: int) -> None:
        job = partial(
            plan_queries.overdue_count, self.ctx.db, self._plan_filter(self.plan.search.text())
        )
        self.ctx.query(
            job,
            lambda overdue: self.plan_count.setText(
                self.tr("%1 household(s) due within 7 days, %2 of them overdue")
                .replace("%1", str(listed))
                .replace("%2", str(overdue))
            ),
        )

    def _visit_selected(self) -> None:
        self.plan.with_current_row(lambda d: self.new_visit((d.household_id, d.address)))

    def _blank_form(self) -> None:
        self.plan.with_current_row(lambda d: show_visit_form(self.ctx, self, d.household_id))
