"""Cyclic garbage collected on the GUI thread only (the recipe Anki and calibre follow).

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. On the database worker it freed closed pages' Qt wrappers there; PySide6 then queued
their deletion for the GUI thread and ran it at a random later Python call — once inside a
destructor, where Qt deadlocked on its connection lock. While a worker thread exists (see
:class:`redoffice.ui.kit.tasks.TaskRunner`), automatic collection is off and a timer on the GUI
thread collects each generation when its threshold is crossed, as Python itself would.

When: the young generation (what was allocated since the last check) at once, as Python would;
the older ones — a pass over every object made since start-up, 60–160 ms of GUI-thread CPU
on the 35,000-household demo, several times while opening the pages once (issue 11 §5) —
once the program is idle (the process used under a tenth of a core for the last second: the
secretary is reading, not clicking through pages), or at the latest after ``MAX_DEFER_S``.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250
IDLE_S = 1.0  # the older generations wait until the process was this long idle …
IDLE_SHARE = 0.1  # … using less than this share of one core
MAX_DEFER_S = 30.0  # … or at most this long


class _Collector(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.holders = 0
        self.was_enabled = gc.isenabled()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self._since = time.monotonic()  # the start of the current idle stretch
        self._cpu = time.process_time()
        self._last = self._since
        self._due: float | None = None  # since when an older generation waits

    def _idle(self) -> bool:
        """Whether the process (GUI thread, database worker) has been nearly idle for
        ``IDLE_S``: measured between ticks from the process's CPU time."""
        now, cpu = time.monotonic(), time.process_time()
        busy = cpu - self._cpu > IDLE_SHARE * max(now - self._last, 1e-3)
        if busy or now - self._last > 4 * INTERVAL_MS / 1000:  # busy, or the tick came late
            self._since = now
        self._cpu, self._last = cpu, now
        return now - self._since >= IDLE_S

    def collect(self, force: bool = False) -> None:
        """Collect what Python itself would have collected since the last time: the young
        generation at once, an older one when idle (see the module's docstring)."""
        idle = self._idle()
        counts, thresholds = gc.get_count(), gc.get_threshold()
        older = next((g for g in (2, 1) if counts[g] > thresholds[g]), None)
        if older is not None:
            now = time.monotonic()
            self._due = self._due if self._due is not None else now
            if force or idle or now - self._due >= MAX_DEFER_S:
                gc.collect(older)
                self._due = None
                return
        if counts[0] > thresholds[0]:
            gc.collect(0)


_collector: _Collector | None = None


def hold() -> None:
    """A worker thread starts: collect on the GUI thread only (call from the GUI thread)."""
    global _collector
    if _collector is None:
        _collector = _Collector()
    if _collector.holders == 0:
        _collector.was_enabled = gc.isenabled()
        gc.disable()
        _collector.timer.start()
    _collector.holders += 1


def release() -> None:
    """A worker thread ended: with none left, Python collects as it did before."""
    if _collector is None or _collector.holders == 0:
        return
    _collector.holders -= 1
    if _collector.holders == 0:
        _collector.timer.stop()
        _collector.collect(force=True)
        if _collector.was_enabled:
            gc.enable()


def suspended() -> bool:
    """Whether automatic collection is handed to the GUI thread right now."""
    return _collector is not None and _collector.holders > 0
