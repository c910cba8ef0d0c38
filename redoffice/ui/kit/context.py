"""What every screen shares: the database, the worker, and the "data changed" broadcast."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from redoffice.kit import touched
from redoffice.kit.db import Database
from redoffice.kit.touched import Changes
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.tasks import Done, Failed, TaskRunner, receiver_gone


class AppContext(QObject):
    """``changed(Changes)`` is emitted once after every write with the tables it committed —
    none when it failed (Anki's ``operation_did_execute``); a view refreshes when they include a
    table it shows (:func:`redoffice.ui.kit.show_gate.refresh_on`). ``replaced()``: ``db`` is
    a new :class:`Database` (the file encrypted, or restored in place); what was built holding
    the old one is built again (the main window's pages)."""

    changed = Signal(object)
    replaced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = TaskRunner(self)

    def query(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        """Read in the background."""
        self.tasks.run(fn, on_done, on_error)

    def write(
        self,
        fn: Callable[[], Any],
        on_done: Done,
        on_error: Failed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Change data in the background, then tell every view which tables changed: after
        ``on_done``, or before ``on_error`` when a job of several units of work stopped part-way
        (what it committed stays committed; a unit of work that failed reports nothing). The
        views hear it even when the widget that wrote was closed meanwhile (its answer is
        dropped, as for a read)."""
        recorder = touched.Recorder()

        def job() -> Any:
            with touched.recording(recorder):
                return fn()

        def done(result: Any) -> None:
            if not receiver_gone(on_done):
                on_done(result)
            self.announce(recorder.changes)

        def failed(exc: BaseException) -> None:
            self.announce(recorder.changes)
            if not receiver_gone(on_done):
                (on_error or partial(report, parent))(exc)

        self.tasks.run(job, done, failed)

    def set_community(self, node_id: str | None) -> None:
        """The street office's community filter: the reads from now on see ``node_id``'s
        records only (None: every community's), and every view reloads. Set on the worker, in
        turn with the reads queued before it, so that no read mixes two scopes."""

        def scope() -> None:
            self.db.community = node_id

        self.tasks.run(scope, lambda _result: self.announce(Changes.everything()))

    def announce(self, changes: Changes) -> None:
        """Tell the views what changed (no view refreshes on an empty ``Changes``)."""
        self.changed.emit(changes)
