"""基础数据: 网格, 小区, 组织 (物业/业委会/共建单位/街道部门) and 工作人员, one tab each."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.fund.codes import ROLES as FUND_ROLES
from redoffice.kit import codes
from redoffice.kit.codes import Labels
from redoffice.registry import reference as registry
from redoffice.ui.kit import record_actions
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.resident_chooser import ResidentChooser
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.staged import LazyTabs
from redoffice.ui.kit.widgets import code_combo, combo_value, fill_combo, mark_writes, select_data

Options = Callable[[Any], registry.Choices]


@dataclass(frozen=True)
class Field:
    """A form field: a line of text, a code list, or a reference to other records."""

    name: str
    label: str
    codes: codes.Labels | None = None
    options: Options | None = None
    checks: Labels | None = None  # several codes ticked (a tuple of them)
    resident: bool = False  # a link to a resident, searched by name


class CheckRow(QWidget):
    """A check box per code, side by side; ``value()`` the ticked codes in order."""

    def __init__(self, labels: Labels, ticked: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for code, label in labels.items():
            box = QCheckBox(label)
            box.setChecked(code in ticked)
            self.boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())


@dataclass(frozen=True)
class Kind:
    """One kind of reference record: its table, list, columns, form and save service, and
    the tables its list shows (its own and those it takes names from)."""

    table: str
    title: str
    load: Callable[[Any], Sequence[Any]]
    columns: Sequence[tuple[str, Callable[[Any], str]]]
    fields: Sequence[Field]
    save: Callable[..., str]
    make_input: Callable[..., Any]
    shows: frozenset[str]


class RecordDialog(SaveDialog):
    def __init__(
        self, ctx: AppContext, kind: Kind, row: Any | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, kind.title, parent)
        self.kind, self.record_id = kind, getattr(row, "id", None)
        self.widgets: dict[str, QLineEdit | QComboBox | CheckRow | ResidentChooser] = {}
        for f in kind.fields:
            widget: QLineEdit | QComboBox | CheckRow | ResidentChooser
            if f.resident:
                widget = ResidentChooser(ctx)
                widget.show_resident(getattr(row, f.name, None))
            elif f.checks is not None:
                widget = CheckRow(f.checks, tuple(getattr(row, f.name, ()) or ()))
            elif f.codes is not None:
                widget = code_combo(f.codes)
            elif f.options is not None:
                widget = QComboBox()
                ctx.query(partial(f.options, ctx.db), partial(self._options, widget, f, row))
            else:
                widget = QLineEdit(str(getattr(row, f.name, "") or ""))
            if f.codes is not None and row is not None and isinstance(widget, QComboBox):
                select_data(widget, getattr(row, f.name))
            self.widgets[f.name] = widget
            self.form.add_row(f.name, f.label, widget)
        wide = any(f.resident for f in kind.fields)  # the resident search and its matches
        self.resize(640 if wide else 440, 100 + 48 * len(kind.fields))

    def _options(self, combo: QComboBox, f: Field, row: Any, items: list[tuple[str, str]]) -> None:
        fill_combo(combo, items, self.tr("(none)"))
        select_data(combo, getattr(row, f.name, "") or "")

    def value(self) -> Any:
        values = {
            name: (
                w.text()
                if isinstance(w, QLineEdit)
                else w.value()
                if isinstance(w, CheckRow)
                else _linked(w, row_linked=self.record_id is not None)
                if isinstance(w, ResidentChooser)
                else combo_value(w)
            )
            for name, w in self.widgets.items()
        }
        return self.kind.make_input(**values)

    def action(self) -> Callable[[], Any]:
        return partial(self.kind.save, self.ctx.db, self.value(), self.record_id)


def _linked(chooser: ResidentChooser, row_linked: bool) -> str | None:
    """The resident chosen; "" to remove a link the user cleared; None (keep what is saved)
    while a saved record's link has not been touched."""
    value = chooser.value()
    if value:
        return value
    return "" if chooser.touched or not row_linked else None


class RecordTab(QWidget):
    def __init__(self, ctx: AppContext, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.rows: Sequence[Any] = []
        self.table = SimpleTable([c[0] for c in kind.columns])
        self.table.activated_key.connect(lambda _row: self.edit())
        buttons = QHBoxLayout()
        self.row_buttons = RowButtons(self.current, self)
        for text, slot, on_row, changes in (
            (self.tr("New"), self.add, False, True),
            (self.tr("Edit"), self.edit, True, True),
            (self.tr("Delete"), self.to_recycle_bin, True, True),
            (self.tr("History"), self.history, True, False),
        ):
            button = QPushButton(text)
            if changes:
                mark_writes(button)  # for the role gate (基础数据 is the administrator's)
            on_click(button, slot)
            buttons.addWidget(button)
            if on_row:
                self.row_buttons.add(button)
        self.row_buttons.watch(self.table)
        self.table.set_row_actions(
            [b for b in layout_buttons(buttons) if b in self.row_buttons.rules]
        )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        refresh_on(ctx, self, kind.shows, self.reload)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(partial(self.kind.load, self.ctx.db), self._show)

    def _show(self, rows: Sequence[Any]) -> None:
        self.rows = rows
        self.table.set_rows([[text(row) for _h, text in self.kind.columns] for row in rows], rows)

    def current(self) -> Any | None:
        """The selected row (edit, delete and history act on it)."""
        return self.table.current_key()

    def add(self) -> RecordDialog:
        dialog = RecordDialog(self.ctx, self.kind, None, self)
        dialog.open()
        return dialog

    def edit(self) -> None:
        row = self.current()
        if row is not None:
            RecordDialog(self.ctx, self.kind, row, self).open()

    def to_recycle_bin(self) -> None:
        row = self.current()
        if row is not None:
            record_actions.set_deleted(self.ctx, self, self.kind.table, row.id, row.name, True)

    def history(self) -> None:
        row = self.current()
        record_actions.show_history(self.ctx, self, self.kind.table, getattr(row, "id", None))


class RecordTabs(Mapping[str, RecordTab]):
    """The page's tabs by table, each built when first asked for (or shown)."""

    def __init__(self, page: LazyTabs, tables: Sequence[str]) -> None:
        self.page, self.tables = page, tables

    def __getitem__(self, table: str) -> RecordTab:
        return cast(RecordTab, self.page.part(table))

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)


class ReferencePage(LazyTabs):
    """网格, 小区, 组织单位 and 工作人员, one tab each, built when first shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = {
            "grid": self.tr("Grids"),
            "estate": self.tr("Estates"),
            "organization": self.tr("Organizations"),
            "staff": self.tr("Staff"),
        }
        kinds = self.kinds()
        for kind in kinds:
            self.add_part(kind.table, titles[kind.table], partial(RecordTab, ctx, kind))
        self.tabs = RecordTabs(self, [k.table for k in kinds])

    def kinds(self) -> list[Kind]:
        """The four kinds of reference record, with translated labels."""
        return [
            Kind(
                "grid",
                self.tr("Grid"),
                registry.list_grids,
                [
                    (self.tr("Code"), lambda g: g.code),
                    (self.tr("Grid name"), lambda g: g.name),
                    (self.tr("Grid leader"), lambda g: g.leader_name),
                ],
                [
                    Field("code", self.tr("Code")),
                    Field("name", self.tr("Grid name")),
                    Field("leader_id", self.tr("Grid leader"), options=registry.staff_choices),
                    Field("notes", self.tr("Notes")),
                ],
                registry.save_grid,
                registry.GridInput,
                frozenset({"grid", "staff"}),
            ),
            Kind(
                "estate",
                self.tr("Estate"),
                registry.list_estates,
                [
                    (self.tr("Estate name"), lambda e: e.name),
                    (self.tr("Address"), lambda e: e.address),
                    (self.tr("Property company"), lambda e: e.property_company),
                    (self.tr("Owners' committee"), lambda e: e.owners_committee),
                ],
                [
                    Field("name", self.tr("Estate name")),
                    Field("address", self.tr("Address")),
                    Field(
                        "property_company_id",
                        self.tr("Property company"),
                        options=partial(registry.organization_choices, "property_company"),
                    ),
                    Field(
                        "owners_committee_id",
                        self.tr("Owners' committee"),
                        options=partial(registry.organization_choices, "owners_committee"),
                    ),
                    Field("notes", self.tr("Notes")),
                ],
                registry.save_estate,
                registry.EstateInput,
                frozenset({"estate", "organization"}),
            ),
            Kind(
                "organization",
                self.tr("Organization"),
                registry.list_organizations,
                [
                    (self.tr("Type"), lambda o: o.kind_label),
                    (self.tr("Organization name"), lambda o: o.name),
                    (self.tr("Contact person"), lambda o: o.contact_person),
                    (self.tr("Phone"), lambda o: o.phone),
                ],
                [
                    Field("kind", self.tr("Type"), codes=codes.ORGANIZATION_KINDS),
                    Field("name", self.tr("Organization name")),
                    Field("contact_person", self.tr("Contact person")),
                    Field("phone", self.tr("Phone")),
                    Field("notes", self.tr("Notes")),
                ],
                registry.save_organization,
                registry.OrganizationInput,
                frozenset({"organization"}),
            ),
            Kind(
                "staff",
                self.tr("Staff"),
                registry.list_staff,
                [
                    (self.tr("Name"), lambda s: s.name),
                    (self.tr("Post"), lambda s: s.role_label),
                    (self.tr("Phone"), lambda s: s.phone),
                    (self.tr("Grid"), lambda s: s.grid_name),
                    (
                        self.tr("Fund roles"),
                        lambda s: "、".join(FUND_ROLES[r] for r in s.fund_roles if r in FUND_ROLES),
                    ),
                ],
                [
                    Field("name", self.tr("Name")),
                    Field("role", self.tr("Post"), codes=codes.STAFF_ROLES),
                    Field("phone", self.tr("Phone")),
                    Field("grid_id", self.tr("Grid"), options=registry.grid_choices),
                    Field("fund_roles", self.tr("Fund roles"), checks=FUND_ROLES),
                    Field("resident_id", self.tr("As a resident"), resident=True),
                    Field("notes", self.tr("Notes")),
                ],
                registry.save_staff,
                registry.StaffInput,
                frozenset({"staff", "grid"}),
            ),
        ]
