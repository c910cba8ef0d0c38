"""What every screen shares: the database, the worker, and the "data changed" broadcast."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from redoffice.kit.db import Database
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.tasks import Done, Failed, TaskRunner


class AppContext(QObject):
    """``changed(table)`` is emitted after every successful write; views re-query if they care."""

    changed = Signal(str)

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
        table: str,
        on_done: Done,
        on_error: Failed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Change data in the background, then tell every view that ``table`` changed."""

        def done(result: Any) -> None:
            on_done(result)
            self.changed.emit(table)

        self.tasks.run(fn, done, on_error or (lambda exc: report(parent, exc)))
