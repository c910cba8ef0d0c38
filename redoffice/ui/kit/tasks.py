"""One serial worker thread for all database work; results come back as Qt signals.

Widgets never touch the database: they submit a callable and get its result (or the exception)
back on the GUI thread (the shape of Anki's ``aqt/taskman.py``); a job of several results can
hand each over as it comes (:meth:`TaskRunner.relay`).
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.synchronize import Event
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from redoffice.kit.errors import UserError
from redoffice.kit.steps import Steps
from redoffice.ui.kit import gui_gc
from redoffice.ui.kit.errors import report

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
# wait_idle: passes of the event loop without a new job before the runner counts as settled,
# and how often it looks at the clock while it waits for a job
SETTLE_PASSES = 3
WAKE_MS = 50


@dataclass(frozen=True)
class _Outcome:
    """Result or error of one job. Wrapped so that None never crosses a queued signal by
    itself (that crashed PySide6 here with "deallocating None")."""

    result: Any = None
    error: BaseException | None = None


def receiver_gone(callback: Callable[..., Any] | None) -> bool:
    """The callback is a method (or a partial of one) of a widget deleted while the worker
    read, e.g. a tab of a page that was closed: its answer is dropped."""
    target = callback.func if isinstance(callback, partial) else callback
    owner = getattr(target, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


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
    _told = Signal(object)  # (callback, value): a tuple, never a bare None (see _Outcome)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._submitted = 0
        self._pending: dict[int, tuple[Done, Failed | None]] = {}
        # Each job's callable, then also its outcome, until the worker has surely let go of
        # them (see _bury)
        self._jobs: dict[int, tuple[object, ...]] = {}
        self._announced: list[QTimer] = []
        self._stops: list[Callable[[], None]] = []
        self._wake = QTimer(self, interval=WAKE_MS)  # wait_idle's deadline, if no answer comes
        self._thread = QThread()
        self._thread.setObjectName("redoffice-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._told.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        gui_gc.hold()
        self._thread.start()

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> int:
        """Queue ``fn``; ``on_done(result)`` or ``on_error(exc)`` runs later on the GUI thread."""
        job_id = next(self._ids)
        self._submitted = job_id
        self._pending[job_id] = (on_done, on_error)
        self._jobs[job_id] = (fn,)
        self._submit.emit(job_id, fn)
        return job_id

    def relay(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """A function for a job to call on the worker with each result as it comes (a row per
        package of a batch): ``callback(value)`` then runs on the GUI thread, in the order
        told and before the job's own answer; dropped when ``callback``'s widget was deleted
        meanwhile."""

        def tell(value: Any) -> None:
            self._told.emit((callback, value))

        return tell

    @Slot(object)
    def _deliver(self, told: tuple[Callable[[Any], None], Any]) -> None:
        callback, value = told
        if not receiver_gone(callback):
            callback(value)

    def announce(self, timer: QTimer) -> None:
        """``timer`` submits a job when it fires (a search run once the typing pauses):
        :meth:`wait_idle` waits for it as for a job already queued."""
        self._announced.append(timer)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _expecting(self) -> bool:
        """A job is queued or an announced timer is about to submit one."""
        self._announced = [t for t in self._announced if shiboken6.isValid(t)]
        return self.busy or any(t.isActive() for t in self._announced)

    def _bury(self, job_id: int) -> None:
        """Let go of the callables and outcomes of the jobs before ``job_id``, on the GUI thread.

        A job's callable (or its error's traceback) may hold the last reference to a widget (a
        bound method of a page closed meanwhile). Released on the worker, PySide6 would queue
        the widget's deletion for the GUI thread and run it at the next Python call there —
        possibly inside a destructor (an application event filter during a QAction's removal),
        where Qt deadlocks on its connection lock (seen as a hung test run). The worker runs one
        job after another and Qt frees a job's queued call before it delivers the next, so once
        job N answers, every job before it is out of the worker's hands; the GUI thread holds
        them until then."""
        for earlier in [j for j in self._jobs if j < job_id]:
            del self._jobs[earlier]

    @Slot(int, object)
    def _on_finished(self, job_id: int, outcome: _Outcome) -> None:
        self._bury(job_id)
        self._jobs[job_id] = (*self._jobs.get(job_id, ()), outcome)
        on_done, on_error = self._pending.pop(job_id)
        if receiver_gone(on_done):
            pass
        elif outcome.error is None:
            on_done(outcome.result)
        elif on_error is not None:
            on_error(outcome.error)
        else:
            report(None, outcome.error)
        if not self._pending:
            self.idle.emit()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Process events until the runner is idle and stays so: no job queued or announced,
        then a few passes of the event loop in which the answers' own follow-ups (a repaint
        fetching the rows now shown, a zero-delay timer) submit nothing new. For unattended
        runs: self-test, screenshots, tests. False when ``timeout`` passed first."""
        deadline = time.monotonic() + timeout
        self._wake.start()
        calm = 0
        try:
            while calm < SETTLE_PASSES:
                if time.monotonic() >= deadline:
                    return False
                submitted = self._submitted
                if self._expecting():
                    calm = 0
                    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                    continue
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
                calm = 0 if self._submitted != submitted else calm + 1
            return True
        finally:
            self._wake.stop()

    def stop_at_shutdown(self, stop: Callable[[], None]) -> None:
        """``stop()`` is called when the runner shuts down (the window closing), so that a
        long job (a batch of sync packages) stops at its next step — the running step rolled
        back — instead of going on unseen after the window, or being cut off at exit."""
        self._stops.append(stop)

    def shutdown(self) -> None:
        for stop in self._stops:
            stop()
        self._thread.quit()
        self._thread.wait(5000)
        gui_gc.release()


def _run_in_child(fn: Callable[[Steps], Any], messages: Any, cancel: Event) -> None:
    """In the job's own process: progress, then the result or the reason it stopped."""
    steps = Steps(lambda done, total: messages.put(("progress", done, total)), cancel.is_set)
    try:
        messages.put(("done", fn(steps)))
    except UserError as exc:
        messages.put(("refused", exc.code, exc.params))
    except Exception as exc:  # shown in the GUI as an unexpected failure, with the log
        messages.put(("failed", f"{type(exc).__name__}: {exc}"))


STOP_WAIT_MS = 1000


class BackgroundJob(QObject):
    """One long CPU-bound job (a 500-page PDF) in a process of its own, so that neither the GUI
    thread nor the database worker waits for it (a thread would hold Python's GIL for seconds
    and every page would stutter). ``fn(steps)`` must be picklable (a module function or a
    ``partial`` of one, with plain data). Progress arrives as ``progressed(done, total)``; then
    ``on_done(result)`` or ``on_error(exc)`` runs on the GUI thread; ``cancel()`` stops the job
    at its next step, and it reports ``UserError("job.cancelled")``."""

    progressed = Signal(int, int)

    def __init__(
        self,
        fn: Callable[[Steps], Any],
        on_done: Done,
        on_error: Failed,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        spawn = multiprocessing.get_context("spawn")  # never fork a process running Qt
        self._messages = spawn.Queue()
        self._cancel = spawn.Event()
        self._process = spawn.Process(
            target=_run_in_child, args=(fn, self._messages, self._cancel), daemon=True
        )
        self._on_done, self._on_error = on_done, on_error
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._drain)

    def start(self) -> None:
        self._process.start()
        self._poll.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next step; a job still busy a second later (inside one
        long step, such as ReportLab measuring a very long table) is ended: it only computes,
        so ending it loses nothing."""
        self._cancel.set()
        QTimer.singleShot(STOP_WAIT_MS, self._end_if_busy)

    def _end_if_busy(self) -> None:
        if self.running:
            self._process.terminate()
            self._finish(("refused", "job.cancelled", {}))

    @property
    def running(self) -> bool:
        return self._poll.isActive()

    def _drain(self) -> None:
        try:
            while True:
                message = self._messages.get(timeout=0 if self._process.is_alive() else 0.1)
                if message[0] == "progress":
                    self.progressed.emit(message[1], message[2])
                else:
                    self._finish(message)
                    return
        except queue.Empty:
            if not self._process.is_alive():
                self._finish(("failed", f"exit code {self._process.exitcode}"))

    def _finish(self, message: tuple[Any, ...]) -> None:
        self._poll.stop()
        self._process.join(5)
        kind = message[0]
        if kind == "done":
            self._on_done(message[1])
        elif kind == "refused":
            self._on_error(UserError(message[1], **message[2]))
        else:
            self._on_error(RuntimeError(f"background job failed: {message[1]}"))
