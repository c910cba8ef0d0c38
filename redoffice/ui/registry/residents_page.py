"""居民 list: one search box, filters, SQL sorting, and the actions on a resident."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from redoffice.kit import codes
from redoffice.registry import residents, search
from redoffice.registry.search import ResidentQuery, ResidentRow
from redoffice.ui.kit import record_actions
from redoffice.ui.kit.ask import choose
from redoffice.ui.kit.columns import resident_columns
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.export import export_list
from redoffice.ui.kit.household_picker import HouseholdPicker
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.place_filters import PlaceFilters
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.staged import LazyPart, built_in_parts
from redoffice.ui.kit.widgets import code_combo, combo_value, mark_writes
from redoffice.ui.registry.import_wizard import open_import_wizard
from redoffice.ui.registry.resident_dialog import ResidentDialog, StatusDialog


@built_in_parts(
    tabs="body",
    body=(
        *("list", "places", "tag", "scope", "party", "deleted", "row_buttons"),
        *("add_button", "edit_button", "move_button", "status_button", "delete_button"),
        *("restore_button", "history_button", "import_button", "export_button", "print_button"),
    ),
)
class ResidentsPage(QWidget):
    """Built in one part on the turn after the page (:mod:`redoffice.ui.kit.staged`)."""

    SHOWS = frozenset({"resident", "resident_tag", "household", "estate", "grid"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.body = LazyPart("body", self._body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)

    def _body(self) -> QWidget:
        ctx = self.ctx
        self.list: SearchableList[ResidentRow] = SearchableList(
            ctx,
            resident_columns(),
            partial(search.resident_rows, ctx.db),
            lambda r: r.id,
            self._load_ids,
            self.tr("Search name, pinyin (wxm), last digits of ID or phone, address"),
            "name",
            self,
            state_key="residents",
        )
        self._filters()
        self.list.activated.connect(self.edit)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._buttons())
        layout.addWidget(self.list)
        refresh_on(ctx, self, self.SHOWS, self.list.reload)
        self.places.reload()
        return body

    def _filters(self) -> None:
        self.places = PlaceFilters(self.ctx, self)
        self.places.changed.connect(self.list.reload)
        self.tag = code_combo(codes.TAGS, empty=self.tr("All groups"))
        self.scope = QComboBox()
        for text, value in (
            (self.tr("Registered"), "active"),
            (self.tr("Moved out / deceased"), "left"),
            (self.tr("Everyone"), "all"),
        ):
            self.scope.addItem(text, value)
        self.party = QCheckBox(self.tr("Party members only"))
        self.deleted = QCheckBox(self.tr("Recycle bin"))
        for widget in (self.tag, self.scope):
            widget.currentIndexChanged.connect(self.list.reload)
        for widget in (self.places.grid, self.places.estate, self.tag, self.scope):
            self.list.add_filter(widget)
        for box in (self.party, self.deleted):
            box.toggled.connect(self.list.reload)
            self.list.add_filter(box, 0, remember=box is self.party)
        self.deleted.toggled.connect(self._update_buttons)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New resident"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.move_button = QPushButton(self.tr("Move to household…"))
        self.status_button = QPushButton(self.tr("Moved out / deceased…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.history_button = QPushButton(self.tr("History"))
        self.import_button = QPushButton(self.tr("Import Excel…"))
        self.export_button = QPushButton(self.tr("Export Excel…"))
        self.print_button = QPushButton(self.tr("Print list"))
        actions: list[tuple[QPushButton, Callable[[], object]]] = [
            (self.add_button, self.add),
            (self.edit_button, self.edit_current),
            (self.move_button, self.move_resident),
            (self.status_button, self.change_status),
            (self.delete_button, partial(self.set_deleted, True)),
            (self.restore_button, partial(self.set_deleted, False)),
            (self.history_button, self.show_history),
            (self.import_button, lambda: open_import_wizard(self.ctx, self)),
            (self.export_button, lambda: export_list(self.ctx, self, "residents", self.list)),
            (self.print_button, lambda: self.list.print_preview(self.tr("Residents list"))),
        ]
        for button, slot in actions:
            on_click(button, slot)
            row.addWidget(button)
        mark_writes(
            self.add_button,
            self.edit_button,
            self.move_button,
            self.status_button,
            self.delete_button,
            self.restore_button,
            self.import_button,
        )
        row.addStretch(1)
        self._update_buttons()
        self.row_buttons = RowButtons(self.list.current_row, self)
        for button in (self.edit_button, self.delete_button, self.restore_button):
            self.row_buttons.add(button)
        for button in (self.move_button, self.status_button):  # not again once moved out
            self.row_buttons.add(button, lambda r: r.status == "active")
        self.row_buttons.add(self.history_button)
        self.row_buttons.watch(self.list.table)
        self.list.set_row_actions(
            [
                self.edit_button,
                self.move_button,
                self.status_button,
                self.delete_button,
                self.restore_button,
                self.history_button,
            ]
        )
        return row

    def _update_buttons(self) -> None:
        in_bin = self.deleted.isChecked()
        for button in (self.edit_button, self.move_button, self.status_button, self.delete_button):
            button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)

    def query(self, text: str = "", sort: str = "name", descending: bool = False) -> ResidentQuery:
        return ResidentQuery(
            text=text,
            grid_id=self.places.grid_id(),
            estate_id=self.places.estate_id(),
            tag=combo_value(self.tag),
            party_only=self.party.isChecked(),
            scope=str(self.scope.currentData()),
            deleted=self.deleted.isChecked(),
            sort=sort,
            descending=descending,
        )

    def _load_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return search.resident_id_query(self.ctx.db, self.query(text, sort, descending))

    # --- actions ----------------------------------------------------------------------
    def add(self, household: tuple[str, str] | None = None) -> ResidentDialog:
        dialog = ResidentDialog(self.ctx, household=household, parent=self)
        dialog.saved.connect(self.list.select_after_reload)  # the new one selected, in view
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        record_id = self.list.current_id()
        if record_id:
            self.edit(record_id)

    def edit(self, record_id: str) -> None:
        def show(detail: residents.ResidentDetail) -> None:
            ResidentDialog(self.ctx, detail, parent=self).open()

        self.ctx.query(partial(residents.get_resident, self.ctx.db, record_id), show)

    def move_resident(self) -> None:
        record_id = self.list.current_id()
        if not record_id:
            return
        picker = HouseholdPicker(self.ctx, self)
        picker.chosen.connect(lambda household_id, _address: self._move_to(record_id, household_id))
        picker.open()

    def _move_to(self, record_id: str, household_id: str) -> None:
        labels = list(codes.RELATIONS.values())
        picked = choose(self, self.tr("Move to household"), self.tr("Relation to head"), labels)
        if picked is None:
            return
        relation = codes.code_for(codes.RELATIONS, picked) or "9"
        self.ctx.write(
            partial(residents.move_resident, self.ctx.db, record_id, household_id, relation),
            lambda _r: None,
            parent=self,
        )

    def change_status(self) -> None:
        """迁出/去世: one small dialog asks for the status, the date and the reason."""
        row = self.list.current_row()
        if isinstance(row, ResidentRow):
            StatusDialog(self.ctx, row.id, row.name, self).open()

    def set_deleted(self, deleted: bool) -> None:
        row = self.list.current_row()
        if isinstance(row, ResidentRow):
            record_actions.set_deleted(self.ctx, self, "resident", row.id, row.name, deleted)

    def show_history(self) -> None:
        record_actions.show_history(self.ctx, self, "resident", self.list.current_id())
