"""``redoffice --self-test``: visit every page, let background work finish, report."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from redoffice.ui.kit.errors import collect_instead_of_showing
from redoffice.ui.main_window import MainWindow


def run_self_test(app: QApplication, window: MainWindow) -> int:
    """Exit code 0 when every page opened and all background work finished without error."""
    errors = collect_instead_of_showing()
    tasks = window.ctx.tasks
    for key in window.pages:
        window.show_page(key)
        if not tasks.wait_idle():
            errors.append(f"{key}: background work did not finish")
    window.close()
    for line in errors:
        sys.stderr.write(line + "\n")
    sys.stdout.write(f"self-test {'failed' if errors else 'ok'}: {len(window.pages)} pages\n")
    window.ctx.db.close()
    return 1 if errors else 0
