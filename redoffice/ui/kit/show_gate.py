"""Queries for a widget nobody can see wait until it is shown: a page's hidden tabs do not hold
up the worker while the page opens (on 35,000 households the 诉求统计 and 走访覆盖率 behind
their tabs took 0.3 to 0.9 s each), and a write reloads only the lists on screen at once — the
others when they are next shown.

Each view declares the tables it shows and :func:`refresh_on` reloads it when a write changed
one of them (decision 0013): no screen names another screen's tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from redoffice.kit.touched import Changes
    from redoffice.ui.kit.context import AppContext


class ShowGate(QObject):
    """``request()`` runs ``load`` now when ``widget`` is on screen, else when it is next shown
    (once, however many requests came meanwhile)."""

    def __init__(self, widget: QWidget, load: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._load = load
        self._pending = False
        self.tables: frozenset[str] = frozenset()
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible():
            self._pending = False
            self._load()
        else:
            self._pending = True

    def watch(self, ctx: AppContext, tables: Iterable[str]) -> ShowGate:
        """Request a load whenever a write changed one of ``tables``."""
        self.tables = self.tables | frozenset(tables)
        ctx.changed.connect(self._changed)  # a bound method: disconnected when the gate goes
        return self

    def _changed(self, changes: Changes) -> None:
        if changes.touches(self.tables):
            self.request()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._pending:
            self._pending = False
            self._load()
        return False


def refresh_on(
    ctx: AppContext, widget: QWidget, tables: Iterable[str], load: Callable[[], None]
) -> ShowGate:
    """``load`` runs again after every write that changed one of ``tables`` (those ``widget``
    shows): at once while ``widget`` is on screen, else when it is next shown."""
    return ShowGate(widget, load).watch(ctx, tables)
