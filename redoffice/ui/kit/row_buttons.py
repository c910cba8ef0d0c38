"""Buttons that act on the selected row are enabled only when a row is selected and its state
allows the action (a wish already claimed cannot be claimed again, a resident who moved out
cannot move out again), so a secretary sees at once what can be done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView

RowRule = Callable[[Any], bool]


class RowButtons(QObject):
    """``current()`` gives the selected row (None when there is none); each button has an
    optional rule on that row."""

    def __init__(self, current: Callable[[], Any | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.rules: dict[QAbstractButton, RowRule | None] = {}
        # a list being filled changes its model row by row: the buttons follow once at the end
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.apply)

    def add(self, button: QAbstractButton, rule: RowRule | None = None) -> None:
        self.rules[button] = rule
        self.apply()

    def watch(self, view: QAbstractItemView, follow_model: bool = True) -> None:
        """Follow the view's selection at once and its model's changes soon after (not for a
        very long list filled cell by cell, where the selection alone is followed)."""
        selection = view.selectionModel()
        selection.selectionChanged.connect(self.apply)
        selection.currentChanged.connect(self.apply)
        if not follow_model:
            return
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
            model.dataChanged,
        ):
            signal.connect(self.update)

    def update(self, *_args: object) -> None:
        self._later.start()

    def apply(self, *_args: object) -> None:
        row = self.current()
        for button, rule in self.rules.items():
            button.setEnabled(row is not None and (rule is None or bool(rule(row))))
