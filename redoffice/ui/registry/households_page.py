"""户 list with its members; new household, edit, add a member, delete and restore."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import codes
from redoffice.registry import households, residents, search
from redoffice.registry.search import HouseholdQuery, HouseholdRow, ResidentRow
from redoffice.ui.cases.case_dialogs import open_case_dialog
from redoffice.ui.kit import record_actions
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.export import export_list
from redoffice.ui.kit.household_picker import household_list
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.place_filters import PlaceFilters
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.staged import LazyPart, built_in_parts
from redoffice.ui.kit.widgets import Writes, button_row, splitter, stacked
from redoffice.ui.registry.household_dialog import HouseholdDialog
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.visits.visit_dialog import open_visit_dialog, show_visit_form


@built_in_parts(
    tabs="body",
    body=("places", "deleted", "list", "members", "members_title", "row_buttons"),
)
class HouseholdsPage(QWidget):
    """Built in one part on the turn after the page (:mod:`redoffice.ui.kit.staged`)."""

    SHOWS = frozenset({"household", "estate", "grid", "resident", "resident_tag"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.body = LazyPart("body", self._body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)

    def _body(self) -> QWidget:
        ctx = self.ctx
        self.places = PlaceFilters(ctx, self)
        self.deleted = QCheckBox(self.tr("Recycle bin"))
        self.list: SearchableList[HouseholdRow] = household_list(
            ctx, self.query, self, "households"
        )
        self.places.changed.connect(self.list.reload)
        self.deleted.toggled.connect(self.list.reload)
        self.list.add_filter(self.places.grid)
        self.list.add_filter(self.places.estate)
        self.list.add_filter(self.deleted, 0, remember=False)
        self.list.activated.connect(self.edit)
        self.list.current_changed.connect(self.show_members)
        self.members = SimpleTable(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Gender"),
                self.tr("Birth date"),
                self.tr("ID number"),
                self.tr("Special groups"),
            ],
            stretch=5,
        )
        self.members.activated_key.connect(self.edit_member)
        self.members_title = QLabel(self.tr("Members"))
        lower = stacked(self.members_title, self.members)
        split = splitter(Qt.Orientation.Vertical, [420, 180], self.list, lower)
        body = QWidget()
        layout = QVBoxLayout(body)
        buttons = self._buttons()
        self.list.set_row_actions(layout_buttons(buttons)[1:9])
        self._row_buttons(layout_buttons(buttons)[1:9])
        layout.addLayout(buttons)
        layout.addWidget(split)
        refresh_on(ctx, self, self.SHOWS, self.refresh)
        self.places.reload()
        return body

    def _buttons(self) -> QHBoxLayout:
        return button_row(
            Writes(self.tr("New household"), self.add),
            Writes(self.tr("Edit"), self.edit_current),
            Writes(self.tr("Add member"), self.add_member),
            Writes(self.tr("Record visit"), self.record_visit),
            (self.tr("Blank visit form"), self.print_visit_form),
            Writes(self.tr("New request"), self.new_request),
            Writes(self.tr("Delete"), partial(self.set_deleted, True)),
            Writes(self.tr("Restore"), partial(self.set_deleted, False)),
            (self.tr("History"), self.show_history),
            (self.tr("Export Excel…"), self.export),
            (self.tr("Print list"), lambda: self.list.print_preview(self.tr("Households list"))),
        )

    def _row_buttons(self, buttons: list[QPushButton]) -> None:
        """A household in the recycle bin can only be restored (or its history read); one
        in use can be everything else."""
        edit, member, visit, form, request, delete, restore, history = buttons
        self.row_buttons = RowButtons(self.list.current_row, self)
        for button in (edit, member, visit, form, request, delete):
            self.row_buttons.add(button, lambda _row: not self.deleted.isChecked())
        self.row_buttons.add(restore, lambda _row: self.deleted.isChecked())
        self.row_buttons.add(history)
        self.row_buttons.watch(self.list.table)
        self.deleted.toggled.connect(self.row_buttons.update)

    def export(self) -> None:
        export_list(self.ctx, self, "households", self.list)

    def query(self, text: str, sort: str, descending: bool) -> HouseholdQuery:
        return HouseholdQuery(
            text=text,
            grid_id=self.places.grid_id(),
            estate_id=self.places.estate_id(),
            deleted=self.deleted.isChecked(),
            sort=sort,
            descending=descending,
        )

    def refresh(self) -> None:
        self.list.reload()
        self.show_members(self.list.current_id() or "")

    def show_members(self, household_id: str) -> None:
        if not household_id:
            self.members.set_rows([])
            return
        self.ctx.query(
            partial(search.household_members, self.ctx.db, household_id), self._fill_members
        )

    def _fill_members(self, rows: list[ResidentRow]) -> None:
        self.members.set_rows(
            [
                (
                    r.name,
                    codes.label(codes.RELATIONS, r.relation),
                    codes.label(codes.GENDERS, r.gender),
                    r.birth_date.isoformat() if r.birth_date else "",
                    r.id_number_masked,
                    "、".join(r.tags),
                )
                for r in rows
            ],
            [r.id for r in rows],
        )

    def edit_member(self, resident_id: str) -> None:
        """Double-click on a member: the resident's form."""
        self.ctx.query(
            partial(residents.get_resident, self.ctx.db, resident_id),
            lambda detail: ResidentDialog(self.ctx, detail, parent=self).open(),
        )

    def add(self) -> None:
        dialog = HouseholdDialog(self.ctx, parent=self)
        dialog.saved.connect(self.list.select_after_reload)  # the new one selected, in view
        dialog.open()

    def edit_current(self) -> None:
        record_id = self.list.current_id()
        if record_id:
            self.edit(record_id)

    def edit(self, record_id: str) -> None:
        self.ctx.query(
            partial(households.get_household, self.ctx.db, record_id),
            lambda detail: HouseholdDialog(self.ctx, detail, self).open(),
        )

    def add_member(self) -> None:
        if household := self._current():
            ResidentDialog(self.ctx, household=household, parent=self).open()

    def _current(self) -> tuple[str, str] | None:
        row = self.list.current_row()
        return (row.id, row.address) if isinstance(row, HouseholdRow) else None

    def record_visit(self) -> None:
        if household := self._current():
            open_visit_dialog(self.ctx, self, household)

    def print_visit_form(self) -> None:
        if household := self._current():
            show_visit_form(self.ctx, self, household[0])

    def new_request(self) -> None:
        if household := self._current():
            open_case_dialog(self.ctx, self, household)

    def set_deleted(self, deleted: bool) -> None:
        row = self.list.current_row()
        if isinstance(row, HouseholdRow):
            record_actions.set_deleted(self.ctx, self, "household", row.id, row.address, deleted)

    def show_history(self) -> None:
        record_actions.show_history(self.ctx, self, "household", self.list.current_id())
