"""数据同步: the same page at a community and at the street office (``sync.role`` tells which).

Tabs: 登记 (keys and enrolment), 发送 (community: export the package, import acknowledgements)
or 接收 (street: import packages), 记录 (per partner, every package and acknowledgement), and at
the street 冲突 (local copies replaced by the owner's, for review). Everything is read on the
worker in one go and the page refreshes on every write to the sync tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from redoffice.kit.db import Database
from redoffice.sync import acks, conflicts, status, wire
from redoffice.sync.conflicts import ConflictView
from redoffice.sync.status import PackageRow, PartnerStatus
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.sync.common import KEYS_SHOWN, SHOWS, NodeState, Passphrase, node_state
from redoffice.ui.sync.conflicts_tab import ConflictsTab
from redoffice.ui.sync.enrol_tab import EnrolTab
from redoffice.ui.sync.history_tab import HistoryTab
from redoffice.ui.sync.transfer_tab import ReceiveTab, SendTab


@dataclass(frozen=True)
class Shown:
    state: NodeState
    partners: list[PartnerStatus]
    history: list[PackageRow]
    conflicts: list[ConflictView]


def _read(db: Database) -> Shown:
    """On the worker: all the page shows."""
    state = node_state(db)
    return Shown(
        state,
        status.partner_status(db),
        status.history(db),
        conflicts.open_conflicts(db, resolved=True) if state.street else [],
    )


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passphrase = Passphrase()
        self.shown: Shown | None = None
        self.pending: list[Path] = []  # files to import once the page knows its role
        self.wanted_partner: str | None = None  # 记录 to show once the page has read it
        self.tabs = QTabWidget()
        self.loading = QLabel(self.tr("Reading…"))
        # parented at once (a parentless widget is a hidden top-level window until its tab
        # takes it)
        self.enrol_tab = EnrolTab(ctx, self.passphrase, self)
        self.enrol_tab.changed_keys.connect(self.refresh)
        self.history_tab = HistoryTab(self)
        self.conflicts_tab: ConflictsTab | None = None  # the street's only, made with its tabs
        self.send_tab: SendTab | None = None
        self.receive_tab: ReceiveTab | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.loading)
        layout.addWidget(self.tabs, 1)
        self.tabs.hide()
        for tab in (self.enrol_tab, self.history_tab):
            tab.hide()
        refresh_on(ctx, self, SHOWS | KEYS_SHOWN, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.query(partial(_read, self.ctx.db), self._show, partial(report, self))

    def _build(self, state: NodeState) -> None:
        """The tabs of this node's role, once."""
        if state.street:
            self.receive_tab = ReceiveTab(self.ctx, self.passphrase, self)
            transfer: QWidget = self.receive_tab
            transfer_title = self.tr("Receive")
        else:
            self.send_tab = SendTab(self.ctx, self.passphrase, self)
            transfer, transfer_title = self.send_tab, self.tr("Send")
        self.tabs.addTab(self.enrol_tab, self.tr("Enrolment"))
        self.tabs.addTab(transfer, transfer_title)
        self.tabs.addTab(self.history_tab, self.tr("History"))
        if state.street:
            self.conflicts_tab = ConflictsTab(self.ctx, self)
            self.tabs.addTab(self.conflicts_tab, self.tr("Conflicts"))
        if any(p.status == "enrolled" for p in state.partners):
            self.tabs.setCurrentWidget(transfer)
        self.loading.hide()
        self.tabs.show()

    def _show(self, shown: Shown) -> None:
        first = self.shown is None
        self.shown = shown
        if first:
            self._build(shown.state)
            QTimer.singleShot(0, partial(self._open_pending, shown.state))
        self.enrol_tab.show_state(shown.state)
        if self.send_tab is not None:
            self.send_tab.show_state(shown.state, shown.partners)
        if self.receive_tab is not None:
            self.receive_tab.show_state(shown.state)
        self.history_tab.show_rows(shown.partners, shown.history)
        if self.wanted_partner is not None:
            self._show_partner(shown)
        if self.conflicts_tab is not None:
            self.conflicts_tab.show_rows(shown.conflicts)
            count = sum(1 for c in shown.conflicts if not c.resolved)
            index = self.tabs.indexOf(self.conflicts_tab)
            title = self.tr("Conflicts")
            self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    def open_files(self, files: list[Path]) -> None:
        """Files handed over by the file manager (a double-clicked 数据包 or 回执): imported as
        if chosen on this page — packages at the street office, acknowledgements at a
        community; the other kind is named as belonging to the other side."""
        self.pending.extend(files)
        if self.shown is not None:
            self._open_pending(self.shown.state)

    def _open_pending(self, state: NodeState) -> None:
        files, self.pending = self.pending, []
        if not files:
            return
        wanted = wire.SUFFIX if state.street else acks.SUFFIX
        mine = [f for f in files if f.suffix.lower() == wanted]
        others = [f.name for f in files if f not in mine]
        self.show_tab("transfer")
        if others:
            text = (
                self.tr("%1: a sync package is imported at the street office's RedOffice.")
                if not state.street
                else self.tr("%1: an acknowledgement is imported at the community's RedOffice.")
            )
            ask.inform(self, self.tr("Data sync"), text.replace("%1", "、".join(others)))
        if mine and self.receive_tab is not None:
            self.receive_tab.import_files(mine)
        elif mine and self.send_tab is not None:
            self.send_tab.import_ack_files(mine)

    def show_partner(self, node_id: str) -> None:
        """记录, showing one partner's packages (the street's 社区 page: a double-click)."""
        self.wanted_partner = node_id
        if self.shown is not None:
            self._show_partner(self.shown)

    def _show_partner(self, shown: Shown) -> None:
        self.show_tab("history")
        names = {p.node_id: p.name for p in shown.partners}
        if self.wanted_partner in names:
            self.history_tab.show_partner(names[self.wanted_partner])
        self.wanted_partner = None

    def show_tab(self, which: str) -> None:
        """``enrol``, ``transfer``, ``history`` or ``conflicts``."""
        widget = {
            "enrol": self.enrol_tab,
            "transfer": self.send_tab or self.receive_tab,
            "history": self.history_tab,
            "conflicts": self.conflicts_tab,
        }.get(which)
        if widget is not None and self.tabs.indexOf(widget) >= 0:
            self.tabs.setCurrentWidget(widget)
