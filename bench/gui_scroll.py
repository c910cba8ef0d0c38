"""Longest GUI-thread step while the resident list opens and scrolls to its end."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.kit.db import open_database
from redoffice.settings import community
from redoffice.ui.app import freeze_startup_objects
from redoffice.ui.kit.context import AppContext
from redoffice.ui.registry.residents_page import ResidentsPage


class StepClock:
    """Runs the event loop one step at a time and remembers the longest step."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.steps = 0

    def pump(self, seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            self.longest = max(self.longest, time.perf_counter() - started)
            self.steps += 1
            time.sleep(0.002)


def bench_scroll(db_path: Path) -> None:
    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{db_path}")
    community.use_operator(db)
    ctx = AppContext(db)
    clock = StepClock()
    started = time.perf_counter()
    page = ResidentsPage(ctx)
    page.resize(1200, 700)
    page.show()
    freeze_startup_objects()
    while page.list.model.rowCount() == 0 and time.perf_counter() - started < 30:
        clock.pump(0.05)
    shown = time.perf_counter() - started
    clock.pump(0.5)
    bar = page.list.table.verticalScrollBar()
    scroll_started = time.perf_counter()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 60)):
        bar.setValue(value)
        clock.pump(0.03)
    page.list.table.scrollToBottom()
    clock.pump(0.5)
    print(
        f"\nresident list: {page.list.model.rowCount()} rows shown after {shown:.2f} s; "
        f"scrolled to the end in {time.perf_counter() - scroll_started:.1f} s; "
        f"longest GUI-thread step {clock.longest * 1000:.1f} ms over {clock.steps} steps"
    )
    ctx.tasks.shutdown()
    db.close()
    del app
