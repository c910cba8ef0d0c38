"""微心愿 and 双报到: the wish list of a round with each wish's actions and timeline, the wish
wall and other prints; the registered party members with their services; the statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.money import yuan
from redoffice.output import documents
from redoffice.registry import party_members
from redoffice.registry.party_members import ClaimerChoices, MemberForm, MemberRow, UnitRow, hours
from redoffice.ui.kit import ask
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.export import save_bytes
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import (
    button_row,
    code_combo,
    combo_value,
    fill_combo,
    select_data,
    splitter,
    stacked,
)
from redoffice.ui.wishes.wish_dialogs import (
    ClaimDialog,
    FollowUpDialog,
    FulfilDialog,
    MemberDialog,
    ServiceDialog,
    VerifyDialog,
    WishDialog,
)
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import STATS_BY, RoundRow, StatRow, WishDetail, WishFilter, WishRow
from redoffice.wishes.service import Published, WishForm


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _in_state(state: str, row: WishRow) -> bool:
    return row.status == state


class WishesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._wishes_tab(), self.tr("Wishes"))
        self.tabs.addTab(self._members_tab(), self.tr("Party members"))
        self.tabs.addTab(self._stats_tab(), self.tr("Statistics"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        ctx.changed.connect(self._on_changed)
        self.ctx.query(partial(wish_queries.rounds, ctx.db), self._show_rounds)
        self.reload()

    # -- wishes --------------------------------------------------------------------------
    def _wishes_tab(self) -> QWidget:
        self.round = QComboBox()
        self.status = code_combo(wishes.STATUSES, empty=self.tr("All states"))
        self.list: SearchableList[WishRow] = SearchableList(
            self.ctx,
            self._wish_columns(),
            lambda ids: wish_queries.get_wishes(self.ctx.db, ids),
            lambda r: r.id,
            self._load_ids,
            self.tr("Number, name or wish"),
            "number",
            self,
            state_key="wishes",
        )
        self.table = self.list.table
        self.list.add_filter(self.round)
        self.list.add_filter(self.status)
        self.round.currentIndexChanged.connect(self.reload_wishes)
        self.status.currentIndexChanged.connect(self.reload_wishes)
        self.list.current_changed.connect(self.show_detail)
        self.list.activated.connect(self.correct_wish)
        self.timeline = SimpleTable([self.tr("Date"), self.tr("Step"), self.tr("Note")], stretch=2)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.outcome = QLabel()  # what the last batch step did (e.g. wishes not published)
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        split = splitter(
            Qt.Orientation.Vertical, [420, 200], self.list, stacked(self.detail, self.timeline)
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        actions, prints = self._wish_actions(), self._print_actions()
        self._row_buttons(layout_buttons(actions), layout_buttons(prints))
        steps = [b for n, b in enumerate(layout_buttons(actions)) if n not in (0, 4)]
        self.list.set_row_actions(steps + layout_buttons(prints)[3:5])
        layout.addLayout(actions)
        layout.addLayout(prints)
        layout.addWidget(split, 1)
        layout.addWidget(self.outcome)
        return tab

    def _wish_columns(self) -> list[Column[WishRow]]:
        late, first = self.tr(" (contact overdue)"), self.tr(" (priority)")
        return [
            Column(self.tr("Number"), lambda r: r.number, "number", 100),
            Column(
                self.tr("State"),
                lambda r: r.status_label + (late if r.contact_overdue else ""),
                "status",
                110,
            ),
            Column(self.tr("Round"), lambda r: r.round + (first if r.priority else ""), None, 110),
            Column(self.tr("Beneficiary"), lambda r: r.beneficiary_name, "beneficiary", 80),
            Column(self.tr("Group"), lambda r: r.group, None, 90),
            Column(self.tr("Wish"), lambda r: r.wish, None, 240),
            Column(self.tr("Category"), lambda r: r.category, None, 60),
            Column(self.tr("Value"), lambda r: yuan(r.estimated_value), "value", 70),
            Column(self.tr("Claimed by"), lambda r: r.claimer_name, None, 110),
            Column(
                self.tr("Contact by"),
                lambda r: _day(r.contact_due) if r.status == "claimed" else "",
                None,
                90,
            ),
        ]

    def _load_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return partial(wish_queries.wish_ids, self.ctx.db, self.wish_filter(text), sort, descending)

    def _wish_actions(self) -> QHBoxLayout:
        return button_row(
            (self.tr("Register a wish…"), lambda: WishDialog(self.ctx, self).open()),
            (self.tr("Verify…"), partial(self._with_row, VerifyDialog)),
            (self.tr("Do not publish…"), self.reject_wish),
            (self.tr("Publish"), self.publish),
            (self.tr("Publish all verified"), self.publish_all),
            (self.tr("Claim…"), self.claim),
            (self.tr("Contacted"), self.contacted),
            (self.tr("Cancel claim…"), self.cancel_claim),
            (self.tr("Fulfilled…"), partial(self._with_row, FulfilDialog)),
            (self.tr("Follow-up…"), partial(self._with_row, FollowUpDialog)),
            (self.tr("Photos"), self.photos),
        )

    def _row_buttons(self, actions: list[QPushButton], prints: list[QPushButton]) -> None:
        """Each step only from the state it starts from (wishes.TRANSITIONS); the claim card
        and the receipt once the wish is claimed."""
        _new, verify, reject, publish, _all, claim, contacted, cancel, fulfil, follow, photos = (
            actions
        )
        self.row_buttons = RowButtons(self.current, self)
        for button, state in (
            (verify, "collected"),
            (reject, "collected"),
            (publish, "verified"),
            (claim, "published"),
            (contacted, "claimed"),
            (cancel, "claimed"),
            (fulfil, "claimed"),
            (follow, "fulfilled"),
        ):
            self.row_buttons.add(button, partial(_in_state, state))
        self.row_buttons.add(photos)
        for button in prints[3:5]:  # claim card, receipt
            self.row_buttons.add(button, lambda r: r.status in ("claimed", "fulfilled", "closed"))
        self.row_buttons.watch(self.list.table)

    def _print_actions(self) -> QHBoxLayout:
        return button_row(
            (self.tr("New round…"), self.new_round),
            (self.tr("Wish wall (A4)"), partial(self.print_board, "A4")),
            (self.tr("Wish wall (A3)"), partial(self.print_board, "A3")),
            (self.tr("Claim card"), partial(self.print_wish, "card")),
            (self.tr("Receipt"), partial(self.print_wish, "receipt")),
            (self.tr("Round summary"), self.print_summary),
        )

    def reload(self) -> None:
        self.reload_wishes()
        self.reload_members()

    def _show_rounds(self, rounds: list[RoundRow]) -> None:
        current = combo_value(self.round)
        items = [(f"{r.name}（{r.opened_on}起）", r.id) for r in reversed(rounds)]
        self.round.blockSignals(True)
        fill_combo(self.round, items, self.tr("All rounds"))
        index = self.round.findData(current) if current else -1
        self.round.setCurrentIndex(index if index >= 0 else 0)
        self.round.blockSignals(False)
        self.reload_wishes()

    def wish_filter(self, text: str = "") -> WishFilter:
        return WishFilter(combo_value(self.status), combo_value(self.round), text)

    def reload_wishes(self) -> None:
        self.list.reload()

    def current(self) -> WishRow | None:
        row = self.list.current_row()
        return row if isinstance(row, WishRow) else None

    def show_detail(self) -> None:
        row = self.current()
        if row is None:
            self.timeline.set_rows([])
            self.detail.clear()
            return
        self.ctx.query(partial(wish_queries.wish_detail, self.ctx.db, row.id), self._fill_detail)

    def _fill_detail(self, d: WishDetail) -> None:
        parts = [
            self.tr("Collected: %1").replace("%1", d.collected),
            self.tr("Consent: %1").replace("%1", d.consent),
        ]
        if d.verified:
            parts.append(self.tr("Verified: %1").replace("%1", d.verified))
        if d.claimer_contact:
            parts.append(self.tr("Claimer contact: %1").replace("%1", d.claimer_contact))
        if d.feedback:
            parts.append(self.tr("Feedback: %1").replace("%1", d.feedback))
        self.detail.setText("　".join(parts))
        self.timeline.set_rows([(e[0].isoformat(), e[1], e[2]) for e in d.events])

    def select_wish(self, wish_id: str) -> None:
        """From the 工作台: all wishes listed, this one selected."""
        self.tabs.setCurrentIndex(0)
        for combo in (self.status, self.round):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.list.search.clear()
        self.list.select_after_reload(wish_id)

    def correct_wish(self, wish_id: str) -> None:
        """Double-click: the 征集 form again, while the wish is not yet published."""

        def open_dialog(form: WishForm) -> None:
            WishDialog(self.ctx, self, wish_id, form).open()

        self.ctx.query(
            partial(wishes.wish_form, self.ctx.db, wish_id), open_dialog, partial(report, self)
        )

    def _with_row(self, dialog: Any) -> None:
        row = self.current()
        if row is not None:
            dialog(self.ctx, row, self).open()

    def _write(self, job: Any) -> None:
        self.ctx.write(job, "wish", _nothing, parent=self)

    def reject_wish(self) -> None:
        row = self.current()
        title = self.tr("Do not publish")
        reason = row and ask.text(self, f"{row.number} · {title}", self.tr("Reason"))
        if row and reason:
            self._write(partial(wishes.reject, self.ctx.db, row.id, date.today(), reason))

    def publish(self) -> None:
        row = self.current()
        if row is not None:
            self._write(partial(wishes.publish, self.ctx.db, row.id, date.today()))

    def publish_all(self) -> None:
        question = self.tr("Publish every verified wish into the current round?")
        if ask.confirm(self, self.tr("Publish"), question):
            job = partial(wishes.publish_verified, self.ctx.db, date.today())
            self.ctx.write(job, "wish", self._published, parent=self)

    def _published(self, result: Published) -> None:
        lines = [self.tr("%n wish(es) published", "", len(result.numbers))]
        lines += [f"{number}：{why}" for number, why in result.refused]
        self.outcome.setText("\n".join(lines))
        self.outcome.show()

    def claim(self) -> None:
        row = self.current()
        if row is None:
            return

        def open_dialog(choices: ClaimerChoices) -> None:
            ClaimDialog(self.ctx, row, choices, self).open()

        self.ctx.query(partial(party_members.claimer_choices, self.ctx.db), open_dialog)

    def contacted(self) -> None:
        row = self.current()
        if row is not None:
            self._write(partial(wishes.record_contact, self.ctx.db, row.id, date.today()))

    def cancel_claim(self) -> None:
        row = self.current()
        title = self.tr("Cancel claim")
        reason = row and ask.text(self, f"{row.number} · {title}", self.tr("Reason"))
        if row and reason:
            self._write(partial(wishes.cancel_claim, self.ctx.db, row.id, date.today(), reason))

    def photos(self) -> None:
        row = self.current()
        if row is not None:
            AttachmentsDialog(self.ctx, "wish", row.id, f"{row.number} {row.wish}", self).open()

    def new_round(self) -> None:
        name = ask.text(self, self.tr("New round"), self.tr("Name (e.g. 2027年第一批)"))
        if name:
            job = partial(wishes.open_round, self.ctx.db, name, date.today())
            self.ctx.write(job, "wish_round", _nothing, parent=self)

    def print_board(self, paper: str) -> None:
        make = partial(documents.wish_board, self.ctx.db, combo_value(self.round), paper)
        title = self.tr("Wish wall")
        show_report(self.ctx, self, title, f"{title}-{paper}.pdf", make)

    def print_wish(self, which: str) -> None:
        row = self.current()
        if row is None:
            return
        render = documents.claim_card if which == "card" else documents.wish_receipt
        title = self.tr("Claim card") if which == "card" else self.tr("Receipt")
        make = partial(render, self.ctx.db, row.id)
        show_report(self.ctx, self, title, f"{title}-{row.number}.pdf", make)

    def print_summary(self) -> None:
        make = partial(documents.round_summary, self.ctx.db, combo_value(self.round))
        title = self.tr("Round summary")
        show_report(self.ctx, self, title, f"{title}.pdf", make)

    # -- members -------------------------------------------------------------------------
    def _members_tab(self) -> QWidget:
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
        self.service_from, self.service_to = DateField(), DateField()
        today = date.today()
        quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        self.service_from.set_value(quarter)
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
        self.unit_filter = QComboBox()  # the members who reported through one partner unit
        self.unit_filter.currentIndexChanged.connect(self.reload_members)
        period.addWidget(self.unit_filter)
        split = splitter(Qt.Orientation.Horizontal, [700, 360], self.members, self.units)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = button_row(
            (self.tr("Register a member…"), self.new_member),
            (self.tr("Add a service…"), self.add_service),
            (self.tr("Print service record"), self.print_service),
        )
        self.member_buttons = RowButtons(self.current_member, self)
        for button in layout_buttons(buttons)[1:]:
            self.member_buttons.add(button)
        self.member_buttons.watch(self.members)
        layout.addLayout(buttons)
        layout.addLayout(period)
        layout.addWidget(split, 1)
        return tab

    def reload_members(self) -> None:
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

    # -- statistics ----------------------------------------------------------------------
    def _stats_tab(self) -> QWidget:
        self.stats_by = code_combo(STATS_BY)
        self.stats_from, self.stats_to = DateField(), DateField()
        self.stats_from.set_value(date(date.today().year, 1, 1))
        self.stats_to.set_value(date.today())
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
        for signal in (
            self.stats_by.currentIndexChanged,
            self.stats_from.value_changed,
            self.stats_to.value_changed,
        ):
            signal.connect(self.reload_stats)
        note = QLabel(
            self.tr(
                "Counted by the date of each step: a claim cancelled later does not "
                "change the figures of earlier months."
            )
        )
        note.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(button_row((self.tr("Export to Excel…"), self.export_stats)))
        layout.addLayout(row)
        layout.addWidget(self.stats, 1)
        layout.addWidget(note)
        self.reload_stats()
        return tab

    def reload_stats(self) -> None:
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
        make = partial(documents.wish_stats_xlsx, self.ctx.db, start, end, by)
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

    def _on_changed(self, table: str) -> None:
        if table in ("wish", "wish_round"):
            self.ctx.query(partial(wish_queries.rounds, self.ctx.db), self._show_rounds)
            self.reload_stats()
            self.show_detail()
        if table in ("party_member", "organization", "wish"):
            self.reload_members()


def _nothing(_result: Any) -> None:
    """The lists reload through ``changed``."""
