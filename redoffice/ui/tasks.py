"""One serial worker thread for all database work; results come back as Qt signals.

Widgets never touch the database: they submit a callable and get its result (or the exception)
back on the GUI thread (the shape of Anki's ``aqt/taskman.py``).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Signal, Slot

from redoffice.ui.errors import report

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass(frozen=True)
class _Outcome:
    """Result or error of one job. Wrapped so that None never crosses a queued signal by
    itself (that crashed PySide6 here with "deallocating None")."""

    result: Any = None
    error: BaseException | None = None


class _Worker(QObject):
    finished = Signal(int, object)

    @Slot(int, object)
    def execute(self, job_id: int, fn: Callable[[], Any]) -> None:
        try:
            outcome = _Outcome(result=fn())
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            outcome = _Outcome(error=exc)
        self.finished.emit(job_id, outcome)


class TaskRunner(QObject):
    """Runs callables one after another off the GUI thread."""

    _submit = Signal(int, object)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done, Failed | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("redoffice-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> int:
        """Queue ``fn``; ``on_done(result)`` or ``on_error(exc)`` runs later on the GUI thread."""
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        self._submit.emit(job_id, fn)
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object)
    def _on_finished(self, job_id: int, outcome: _Outcome) -> None:
        on_done, on_error = self._pending.pop(job_id)
        if outcome.error is None:
            on_done(outcome.result)
        elif on_error is not None:
            on_error(outcome.error)
        else:
            report(None, outcome.error)
        if not self._pending:
            self.idle.emit()

    def wait_idle(self, timeout: float = 10.0, quiet: float = 0.25) -> bool:
        """Process events until no job has been pending for ``quiet`` seconds (for unattended
        runs: self-test, screenshots, tests). False when ``timeout`` passed first."""
        deadline = time.monotonic() + timeout
        idle_since: float | None = None
        while time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            now = time.monotonic()
            if self._pending:
                idle_since = None
            elif idle_since is None:
                idle_since = now
            elif now - idle_since >= quiet:
                return True
            time.sleep(0.005)
        return False

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)
