"""双报到党员: the party members who reported to the community, their partner units, and each
member's service record (registered here, printed for a period)."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from redoffice.kit import clock
from redoffice.registry import party_members
from redoffice.registry.party_members import MemberForm, MemberRow, UnitRow, hours
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import (
    Writes,
    button_row,
    combo_value,
    fill_combo,
    select_data,
    splitter,
)
from redoffice.ui.wishes.wish_dialogs import MemberDialog, ServiceDialog
from redoffice.wishes import documents


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class MembersTab(QWidget):
    """The members (of one partner unit or all) beside the partner units; double-click a
    member to change it."""

    SHOWS = frozenset({"party_member", "organization", "service_record"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members = SimpleTable(
            [
                self.tr("Name"),
                self.tr("Workplace"),
                self.tr("Partner unit"),
                self.tr("Party organization"),
                self.tr("Reported on"),
                self.tr("Phone"),
                self.tr("Hours this year"),
            ],
            stretch=1,
        )
        self.members.activated_key.connect(self.edit_member)
        self.units = SimpleTable(
            [self.tr("Partner unit"), self.tr("Contact"), self.tr("Phone"), self.tr("Members")],
            stretch=0,
        )
        self.unit_filter = QComboBox()  # the members who reported through one partner unit
        self.unit_filter.currentIndexChanged.connect(self.reload)
        split = splitter(Qt.Orientation.Horizontal, [700, 360], self.members, self.units)
        buttons = button_row(
            Writes(self.tr("Register a member…"), self.new_member),
            Writes(self.tr("Add a service…"), self.add_service),
            (self.tr("Print service record"), self.print_service),
        )
        self.member_buttons = RowButtons(self.current_member, self)
        for button in layout_buttons(buttons)[1:]:
            self.member_buttons.add(button)
        self.member_buttons.watch(self.members)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(self._period_row())
        layout.addWidget(split, 1)
        refresh_on(ctx, self, self.SHOWS, self.reload)
        self.reload()

    def _period_row(self) -> QHBoxLayout:
        """The period of the printed service record (this quarter so far), and the unit filter."""
        self.service_from, self.service_to = DateField(), DateField()
        today = clock.today()
        self.service_from.set_value(_quarter_start(today))
        self.service_to.set_value(today)
        period = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Service record from")),
            self.service_from,
            QLabel(self.tr("to")),
            self.service_to,
        ):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.unit_filter)
        return period

    def reload(self) -> None:
        job = partial(party_members.list_members, self.ctx.db, combo_value(self.unit_filter))
        self.ctx.query(job, self._show_members)
        self.ctx.query(partial(party_members.partner_units, self.ctx.db), self._show_units)

    def _show_members(self, rows: list[MemberRow]) -> None:
        self.members.set_rows(
            [
                (
                    m.name,
                    m.workplace,
                    m.unit,
                    m.party_org,
                    m.reported_on.isoformat(),
                    m.phone_masked,
                    hours(m.minutes_this_year),
                )
                for m in rows
            ],
            rows,
        )

    def _show_units(self, rows: list[UnitRow]) -> None:
        self.units.set_rows([(u.name, u.contact_person, u.phone, str(u.members)) for u in rows])
        current = combo_value(self.unit_filter)
        self.unit_filter.blockSignals(True)
        fill_combo(self.unit_filter, [(u.name, u.id) for u in rows], self.tr("All partner units"))
        select_data(self.unit_filter, current)
        self.unit_filter.blockSignals(False)

    def current_member(self) -> MemberRow | None:
        key = self.members.current_key()
        return key if isinstance(key, MemberRow) else None

    def new_member(self) -> None:
        self.edit_member(None)

    def edit_member(self, member: MemberRow | None) -> None:
        """The member dialog, empty or with ``member`` (double-click in the list)."""
        member_id = member.id if member else None

        def open_dialog(form: MemberForm) -> None:
            MemberDialog(self.ctx, form, member_id, self).open()

        self.ctx.query(partial(party_members.member_form, self.ctx.db, member_id), open_dialog)

    def add_service(self) -> None:
        member = self.current_member()
        if member is None:
            return

        def open_dialog(claimed: list[tuple[str, str]]) -> None:
            ServiceDialog(self.ctx, member.id, member.name, claimed, self).open()

        self.ctx.query(partial(party_members.member_wishes, self.ctx.db, member.id), open_dialog)

    def print_service(self) -> None:
        member = self.current_member()
        start, end = self.service_from.value(), self.service_to.value()
        if member is None or start is None or end is None:
            return
        make = partial(documents.member_service, self.ctx.db, member.id, start, end)
        title = self.tr("Service record")
        show_report(self.ctx, self, title, f"{title}-{member.name}.pdf", make)
