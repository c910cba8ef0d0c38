"""Cyclic garbage collected on the GUI thread only (the recipe Anki and calibre follow).

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. On the database worker it freed closed pages' Qt wrappers there; PySide6 then queued
their deletion for the GUI thread and ran it at a random later Python call — once inside a
destructor, where Qt deadlocked on its connection lock. While a worker thread exists (see
:class:`redoffice.ui.kit.tasks.TaskRunner`), automatic collection is off and a timer on the GUI
thread collects each generation when its threshold is crossed, as Python itself would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class _Collector(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.holders = 0
        self.was_enabled = gc.isenabled()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)

    def collect(self) -> None:
        """Collect the generations whose thresholds were crossed since the last time."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


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
        _collector.collect()
        if _collector.was_enabled:
            gc.enable()


def suspended() -> bool:
    """Whether automatic collection is handed to the GUI thread right now."""
    return _collector is not None and _collector.holders > 0
