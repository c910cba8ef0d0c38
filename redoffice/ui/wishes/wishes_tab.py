"""微心愿's first tab: the wish list of a round with each wish's steps and timeline, the wish
wall, the claim card, the receipt and the round summary."""

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
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.kit.money import yuan
from redoffice.registry import party_members
from redoffice.registry.party_members import ClaimerChoices
from redoffice.ui.kit import ask
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.widgets import (
    Writes,
    button_row,
    code_combo,
    combo_value,
    fill_combo,
    splitter,
    stacked,
)
from redoffice.ui.wishes.wish_dialogs import (
    ClaimDialog,
    FollowUpDialog,
    FulfilDialog,
    VerifyDialog,
    WishDialog,
)
from redoffice.wishes import documents
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import RoundRow, WishDetail, WishFilter, WishRow
from redoffice.wishes.service import Published, WishForm


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _in_state(state: str, row: WishRow) -> bool:
    return row.status == state


class WishesTab(QWidget):
    """The searchable wish list (filtered by round and state) over the selected wish's
    detail and timeline; its steps as buttons and in the row menu."""

    SHOWS = frozenset(
        {
            "wish",
            "wish_round",
            "wish_claim",
            "wish_claim_member",
            "wish_event",
            "party_member",
            "organization",
            "resident",
            "household",
            "estate",
            "grid",
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        layout = QVBoxLayout(self)
        actions, prints = self._wish_actions(), self._print_actions()
        self._row_buttons(layout_buttons(actions), layout_buttons(prints))
        steps = [b for n, b in enumerate(layout_buttons(actions)) if n not in (0, 4)]
        self.list.set_row_actions(steps + layout_buttons(prints)[3:5])
        layout.addLayout(actions)
        layout.addLayout(prints)
        layout.addWidget(split, 1)
        layout.addWidget(self.outcome)
        refresh_on(ctx, self, self.SHOWS, self.refresh)
        self.reload_rounds()
        self.reload_wishes()  # at once, not only once the rounds are in

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
            Writes(self.tr("Register a wish…"), lambda: WishDialog(self.ctx, self).open()),
            Writes(self.tr("Verify…"), partial(self._with_row, VerifyDialog)),
            Writes(self.tr("Do not publish…"), self.reject_wish),
            Writes(self.tr("Publish"), self.publish),
            Writes(self.tr("Publish all verified"), self.publish_all),
            Writes(self.tr("Claim…"), self.claim),
            Writes(self.tr("Contacted"), self.contacted),
            Writes(self.tr("Cancel claim…"), self.cancel_claim),
            Writes(self.tr("Fulfilled…"), partial(self._with_row, FulfilDialog)),
            Writes(self.tr("Follow-up…"), partial(self._with_row, FollowUpDialog)),
            Writes(self.tr("Photos"), self.photos),
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
            Writes(self.tr("New round…"), self.new_round),
            (self.tr("Wish wall (A4)"), partial(self.print_board, "A4")),
            (self.tr("Wish wall (A3)"), partial(self.print_board, "A3")),
            (self.tr("Claim card"), partial(self.print_wish, "card")),
            (self.tr("Receipt"), partial(self.print_wish, "receipt")),
            (self.tr("Round summary"), self.print_summary),
        )

    def reload_rounds(self) -> None:
        """The round choices again; the list follows."""
        self.ctx.query(partial(wish_queries.rounds, self.ctx.db), self._show_rounds)

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
        self.ctx.write(job, _nothing, parent=self)

    def reject_wish(self) -> None:
        row = self.current()
        title = self.tr("Do not publish")
        reason = row and ask.text(self, f"{row.number} · {title}", self.tr("Reason"))
        if row and reason:
            self._write(partial(wishes.reject, self.ctx.db, row.id, clock.today(), reason))

    def publish(self) -> None:
        row = self.current()
        if row is not None:
            self._write(partial(wishes.publish, self.ctx.db, row.id, clock.today()))

    def publish_all(self) -> None:
        question = self.tr("Publish every verified wish into the current round?")
        if ask.confirm(self, self.tr("Publish"), question):
            job = partial(wishes.publish_verified, self.ctx.db, clock.today())
            self.ctx.write(job, self._published, parent=self)

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
            self._write(partial(wishes.record_contact, self.ctx.db, row.id, clock.today()))

    def cancel_claim(self) -> None:
        row = self.current()
        title = self.tr("Cancel claim")
        reason = row and ask.text(self, f"{row.number} · {title}", self.tr("Reason"))
        if row and reason:
            self._write(partial(wishes.cancel_claim, self.ctx.db, row.id, clock.today(), reason))

    def photos(self) -> None:
        row = self.current()
        if row is not None:
            AttachmentsDialog(self.ctx, "wish", row.id, f"{row.number} {row.wish}", self).open()

    def new_round(self) -> None:
        name = ask.text(self, self.tr("New round"), self.tr("Name (e.g. 2027年第一批)"))
        if name:
            job = partial(wishes.open_round, self.ctx.db, name, clock.today())
            self.ctx.write(job, _nothing, parent=self)

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

    def refresh(self) -> None:
        self.reload_rounds()
        self.show_detail()


def _nothing(_result: Any) -> None:
    """The lists reload on the tables the write changed."""
