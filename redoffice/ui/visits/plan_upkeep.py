"""The visit plan's due dates move with the calendar (a household never visited is due today, a
special group's period ends): they are brought up to date by a write when the window opens and
on each new day, so that reading the plan never writes (decision 0013)."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QObject, QTimer

from redoffice.kit import clock
from redoffice.ui.kit.context import AppContext
from redoffice.visits import service as visits

CHECK_EVERY_MS = 60_000


class PlanUpkeep(QObject):
    """Runs :func:`redoffice.visits.service.bring_plan_current` now and whenever the clock's day
    has changed since (checked every minute); the views showing the plan refresh on what it
    wrote, like after any other write."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._day: date | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    def check(self) -> None:
        today = clock.today()
        if today != self._day:
            self._day = today
            self.ctx.write(partial(visits.bring_plan_current, self.ctx.db, today), _nothing)


def _nothing(_recomputed: bool) -> None:
    """The plan's views reload on the tables the write changed."""
