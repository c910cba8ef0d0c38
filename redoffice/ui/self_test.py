"""``redoffice --self-test``: visit every page, let background work finish, report."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from redoffice.ui.errors import collect_instead_of_showing
from redoffice.ui.main_window import MainWindow


def _settle(ctx_tasks_busy: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not getattr(ctx_tasks_busy, "busy", False):
            return True
        time.sleep(0.01)
    return False


def run_self_test(app: QApplication, window: MainWindow) -> int:
    """Exit code 0 when every page opened and all background work finished without error."""
    errors = collect_instead_of_showing()
    tasks = window.ctx.tasks
    for key in window.pages:
        window.show_page(key)
        if not _settle(tasks):
            errors.append(f"{key}: background work did not finish")
    QTimer.singleShot(0, window.close)
    _settle(tasks, 2.0)
    for line in errors:
        sys.stderr.write(line + "\n")
    sys.stdout.write(f"self-test {'failed' if errors else 'ok'}: {len(window.pages)} pages\n")
    window.ctx.db.close()
    return 1 if errors else 0
