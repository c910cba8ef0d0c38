"""民情诉求: the case list with filters, the selected case's timeline, and every action on a case
(move on, note, 上报街道, attachments), the 民情台账 and the statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.cases import documents
from redoffice.cases import queries as case_queries
from redoffice.cases import service as cases
from redoffice.cases.queries import CaseFilter, CaseRow
from redoffice.cases.service import TimelineEntry
from redoffice.kit import clock
from redoffice.kit.codes import CASE_EVENT_KINDS
from redoffice.kit.errors import UserError
from redoffice.settings.calendar import SHANGHAI
from redoffice.ui.cases.case_dialogs import NEXT_STEP, CaseStepDialog, open_case_dialog
from redoffice.ui.kit import record_actions
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import export_list
from redoffice.ui.kit.figures import CaseStatsTab
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.place_filters import PlaceFilters
from redoffice.ui.kit.preview import show_long_report
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.staged import LazyTabs, built_in_parts
from redoffice.ui.kit.widgets import (
    Writes,
    button_row,
    code_combo,
    combo_value,
    fill_combo,
    splitter,
    stacked,
)
from redoffice.visits import service as visits

translate = QCoreApplication.translate
KINDS = CASE_EVENT_KINDS


def case_columns() -> list[Column[CaseRow]]:
    return [
        Column(translate("cases", "Number"), lambda r: r.number, "number", 95),
        Column(translate("cases", "Accepted"), lambda r: r.accepted_on.isoformat(), "accepted", 90),
        Column(translate("cases", "Category"), lambda r: r.category, "category", 75),
        Column(translate("cases", "Urgency"), lambda r: r.urgency, "urgency", 62),
        Column(translate("cases", "Request"), lambda r: r.description, None, 240),
        Column(translate("cases", "Reporter"), lambda r: r.reporter_masked, None, 60),
        Column(translate("cases", "Grid"), lambda r: r.grid, None, 70),
        Column(translate("cases", "Handled by"), lambda r: r.assignee, None, 120),
        Column(translate("cases", "Due"), lambda r: _due(r), "due", 120),
        Column(translate("cases", "State"), lambda r: _state(r), "status", 120),
        Column(translate("cases", "Call-back"), lambda r: r.satisfaction, None, 70),
    ]


def _due(r: CaseRow) -> str:
    return r.due_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def _state(r: CaseRow) -> str:
    marks = ("（逾期）" if r.overdue else "") + ("（已上报）" if r.escalated else "")
    return r.status + marks


class PeriodDialog(QDialog):
    """From / to dates for a printed ledger (default: this month so far)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ledger period"))
        today = clock.today()
        self.start, self.end = DateField(required=True), DateField(required=True)
        self.start.set_value(today.replace(day=1))
        self.end.set_value(today)
        form = QFormLayout(self)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Only with two readable dates (each field says what is wrong)."""
        if all([self.start.check(), self.end.check()]):
            super().accept()

    def period(self) -> tuple[date, date]:
        return self.start.required_value(), self.end.required_value()


@built_in_parts(
    list=("places", "status", "category", "overdue", "list", "timeline", "detail", "row_buttons"),
    statistics=("statistics",),
)
class CasesPage(QWidget):
    # the tables each part shows (a 小区's name is in every address)
    CASES = frozenset(
        {
            "case_record",
            "case_event",
            "attachment",
            "resident",
            "staff",
            "organization",
            "household",
            "estate",
            "grid",
        }
    )
    STATISTICS = frozenset({"case_record", "household", "grid"})
    CATEGORIES = frozenset({"setting"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        self.tabs.add_part("list", self.tr("Requests"), self._list_tab)
        self.tabs.add_part("statistics", self.tr("Statistics"), self._statistics_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _statistics_tab(self) -> QWidget:
        self.statistics = CaseStatsTab(self.ctx)
        refresh_on(self.ctx, self.statistics, self.STATISTICS, self.statistics.load)
        return self.statistics

    # -- list ----------------------------------------------------------------------------
    def _list_tab(self) -> QWidget:
        self.places = PlaceFilters(self.ctx, self)
        self.status = code_combo(cases.STATUSES, empty=self.tr("All states"))
        self.category = QComboBox()
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.list: SearchableList[CaseRow] = SearchableList(
            self.ctx,
            case_columns(),
            partial(case_queries.case_rows, self.ctx.db),
            lambda r: r.id,
            self._load_ids,
            self.tr("Search number, request or place"),
            "number",
            self,
            newest_first=True,
            state_key="cases",
        )
        for widget in (self.places.grid, self.status, self.category):
            self.list.add_filter(widget)
        self.list.add_filter(self.overdue, 0)
        self.places.changed.connect(self.list.reload)
        self.status.currentIndexChanged.connect(self.list.reload)
        self.category.currentIndexChanged.connect(self.list.reload)
        self.overdue.toggled.connect(self.list.reload)
        self.list.current_changed.connect(self.show_timeline)
        self.list.activated.connect(lambda _id: self.step("transition"))
        self.timeline = SimpleTable(
            [
                self.tr("Time"),
                self.tr("Done by"),
                self.tr("What"),
                self.tr("State"),
                self.tr("Note"),
            ],
            stretch=4,
        )
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        split = splitter(
            Qt.Orientation.Vertical, [430, 200], self.list, stacked(self.detail, self.timeline)
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = self._buttons()
        self.list.set_row_actions(layout_buttons(buttons)[1:5] + layout_buttons(buttons)[6:7])
        self._row_buttons(layout_buttons(buttons))
        layout.addLayout(buttons)
        layout.addWidget(split)
        refresh_on(self.ctx, self.list, self.CASES, self.refresh)
        refresh_on(self.ctx, self.category, self.CATEGORIES, self._load_categories)
        self.places.reload()
        self._load_categories()
        return tab

    def _buttons(self) -> QHBoxLayout:
        return button_row(
            Writes(self.tr("New request"), lambda: open_case_dialog(self.ctx, self)),
            Writes(self.tr("Next step"), partial(self.step, "transition")),
            Writes(self.tr("Progress note"), partial(self.step, "note")),
            Writes(self.tr("Report to street"), partial(self.step, "escalate")),
            Writes(self.tr("Attachments"), self.show_attachments),
            (self.tr("Print ledger"), self.print_ledger),
            (self.tr("History"), self.show_history),
            (self.tr("Export Excel…"), lambda: export_list(self.ctx, self, "cases", self.list)),
            (self.tr("Print list"), lambda: self.list.print_preview(self.tr("Requests list"))),
        )

    def _row_buttons(self, buttons: list[QPushButton]) -> None:
        """Next step until the call-back is done; 上报街道 once, while the case is open."""
        _new, step, note, escalate, attachments, _ledger, history = buttons[:7]
        self.row_buttons = RowButtons(self.list.current_row, self)
        self.row_buttons.add(step, lambda r: r.status_code != "called_back")
        self.row_buttons.add(escalate, lambda r: r.status_code in cases.OPEN and not r.escalated)
        for button in (note, attachments, history):
            self.row_buttons.add(button)
        self.row_buttons.watch(self.list.table)

    def case_filter(
        self, text: str = "", sort: str = "number", descending: bool = False
    ) -> CaseFilter:
        return CaseFilter(
            status=combo_value(self.status),
            overdue_only=self.overdue.isChecked(),
            category=combo_value(self.category),
            grid_id=self.places.grid_id(),
            text=text,
            sort=sort,
            descending=descending,
        )

    def _load_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return partial(case_queries.case_ids, self.ctx.db, self.case_filter(text, sort, descending))

    def _load_categories(self) -> None:
        def show(choices: visits.EntryChoices) -> None:
            fill_combo(
                self.category, [(c, c) for c in choices.categories], self.tr("All categories")
            )

        self.ctx.query(partial(visits.entry_choices, self.ctx.db), show)

    def show_overdue(self) -> None:
        """From the 工作台: every overdue case, whatever the list was filtered by."""
        self.list.clear_filters()
        self.overdue.setChecked(True)

    def open_case(self, case_id: str) -> None:
        """From the 工作台: show this case (filters cleared) and its timeline."""
        self.list.clear_filters()
        self.list.select_after_reload(case_id)

    def show_timeline(self, case_id: str) -> None:
        if not case_id:
            self.timeline.set_rows([])
            self.detail.clear()
            return
        self.ctx.query(
            partial(case_queries.case_with_timeline, self.ctx.db, case_id), self._fill_timeline
        )

    def _fill_timeline(self, loaded: tuple[list[CaseRow], list[TimelineEntry]]) -> None:
        rows, entries = loaded
        if not rows or rows[0].id != self.list.current_id():
            return  # the case left the list (or another was selected) meanwhile
        row = rows[0]
        self.detail.setText(
            f"<b>{row.number}</b>　{row.category}　{row.address}　{_state(row)}<br>"
            f"{row.description}"
        )
        self.timeline.set_rows(
            [
                (
                    e.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M"),
                    e.actor,
                    KINDS.get(e.kind, e.kind),
                    cases.STATUSES.get(e.to_status or "", "")
                    + (f"（{cases.SATISFACTIONS[e.satisfaction]}）" if e.satisfaction else ""),
                    e.note,
                )
                for e in entries
            ]
        )

    def step(self, kind: str) -> None:
        row = self.list.current_row()
        if not isinstance(row, CaseRow):
            return
        if kind == "transition" and row.status_code not in NEXT_STEP:
            report(self, UserError("case.finished", number=row.number))
            return
        CaseStepDialog(self.ctx, row, kind, self).open()

    def show_attachments(self) -> None:
        row = self.list.current_row()
        if isinstance(row, CaseRow):
            AttachmentsDialog(self.ctx, "case_record", row.id, row.number, self).open()

    def show_history(self) -> None:
        record_actions.show_history(self.ctx, self, "case_record", self.list.current_id())

    def print_ledger(self) -> None:
        dialog = PeriodDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.period()
        load = partial(documents.case_ledger_data, self.ctx.db, start, end)
        title = self.tr("Request ledger")
        show_long_report(self.ctx, self, title, "民情台账.pdf", load, documents.case_ledger_pdf)

    def refresh(self) -> None:
        self.list.reload()
        self.show_timeline(self.list.current_id() or "")
