"""What the 数据同步 tabs share: the state of this node read once on the worker, the words for
a package's state, the passphrase of a key file, and long work with progress and 取消."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.settings.calendar import SHANGHAI
from redoffice.sync import enrol, keys, node
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext

# the tables the 数据同步 page shows: a write to one of them refreshes it
SHOWS: Final = frozenset({"sync_package", "sync_partner", "sync_peer_key", "sync_conflict"})
KEYS_SHOWN: Final = frozenset({"setting"})  # the node's public keys and where they are kept


@dataclass(frozen=True)
class NodeState:
    """This node as the page shows it: its role and identity, its keys (None before the first
    sync step made them), whether a keyring works here, and the partners enrolled."""

    me: node.Node
    keys: keys.KeyInfo | None
    keyring: bool
    partners: list[enrol.Partner]

    @property
    def street(self) -> bool:
        return self.me.role == node.STREET

    @property
    def in_file(self) -> bool:
        return self.keys is not None and self.keys.store == keys.KEY_FILE


def node_state(db: Database) -> NodeState:
    """On the worker."""
    found = keys.info(db) if keys.has_keys(db) else None
    return NodeState(node.this_node(db), found, keys.keyring_available(), enrol.partners(db))


def state_text(status: str) -> str:
    """A package's (or acknowledgement's, or partner's) state in words."""
    words = {
        "applied": QCoreApplication.translate("sync", "Imported"),
        "duplicate": QCoreApplication.translate("sync", "Duplicate"),
        "held": QCoreApplication.translate("sync", "Held"),
        "refused": QCoreApplication.translate("sync", "Refused"),
        "sent": QCoreApplication.translate("sync", "Sent"),
        "enrolled": QCoreApplication.translate("sync", "Enrolled"),
        "revoked": QCoreApplication.translate("sync", "Revoked"),
        "current": QCoreApplication.translate("sync", "Sent by the street, answering no package"),
    }
    return words.get(status, status)


def when(at: datetime | None) -> str:
    """An instant in the office's local time, to the minute."""
    if at is None:
        return ""
    return at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def cancelled(error: BaseException) -> bool:
    return isinstance(error, UserError) and error.code == "job.cancelled"


class Passphrase:
    """The key file's passphrase, asked once per session and forgotten when it was wrong."""

    def __init__(self) -> None:
        self.value: str | None = None

    def forget_if_wrong(self, error: BaseException) -> None:
        if isinstance(error, UserError) and error.code in (
            "sync.passphrase_wrong",
            "sync.passphrase_needed",
        ):
            self.value = None


class SyncTab(QWidget):
    """A tab of the 数据同步 page: the context, the session's key-file passphrase (shared by
    the tabs) and the node's state as last read (None until the page has read it)."""

    def __init__(
        self, ctx: AppContext, passphrase: Passphrase, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passphrase = passphrase
        self.state: NodeState | None = None


class _Relay(QObject):
    """Carries the worker's progress calls to the GUI thread."""

    progressed = Signal(int, int)


class LongWork(QWidget):
    """A progress bar, what is being done, and 取消 — shown while a job runs on the worker.
    ``start(fn)`` runs ``fn(steps)``; 取消 makes the core stop at its next step with
    ``UserError("job.cancelled")`` before anything is committed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flag = threading.Event()
        ctx.tasks.stop_at_shutdown(self.flag.set)  # closing the window stops the job (取消)
        self.relay = _Relay(self)
        self.relay.progressed.connect(self._follow)
        self.what = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel-sync")
        on_click(self.cancel_button, self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.what)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.running = 0
        self.hide()

    def steps(self) -> Steps:
        return Steps(self.relay.progressed.emit, self.flag.is_set)

    def start(
        self,
        what: str,
        fn: Callable[[Steps], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Queue ``fn(steps)`` on the worker; several queued jobs share one 取消."""
        if not self.running:
            self.flag.clear()
            self.bar.setRange(0, 0)
        self.running += 1
        self.what.setText(what)
        self.cancel_button.setEnabled(True)
        self.show()
        steps = self.steps()

        def done(result: Any) -> None:
            self._ended()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._ended()
            on_error(error)

        self.ctx.write(lambda: fn(steps), done, failed, self)

    def say(self, what: str) -> None:
        """What is being done now (the next file of a batch), unless 取消 was pressed."""
        if not self.flag.is_set():
            self.what.setText(what)

    def _ended(self) -> None:
        self.running -= 1
        if not self.running:
            self.hide()

    def cancel(self) -> None:
        self.flag.set()
        self.cancel_button.setEnabled(False)
        self.what.setText(self.tr("Stopping…"))

    def _follow(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side from the left, the room after them left empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 14px;")
    return label


def note(text: str = "") -> QLabel:
    """A line of explanation or a result, wrapped."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
