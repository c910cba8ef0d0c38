"""Connecting buttons and actions to the methods they run.

``QAbstractButton.clicked`` and ``QAction.triggered`` carry a ``checked`` argument. Connected
directly, a method with an optional parameter receives it: ``add(household=None)`` got ``False``
and every click on 新增居民 failed. Every button and action is connected through these helpers,
which call the method with no arguments.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton


def on_click(button: QAbstractButton, slot: Callable[[], object]) -> None:
    """Run ``slot()`` when the button is clicked (by mouse, keyboard or shortcut)."""
    button.clicked.connect(lambda *_checked: slot())


def on_trigger(action: QAction, slot: Callable[[], object]) -> None:
    """Run ``slot()`` when the action is triggered (menu, shortcut or toolbar)."""
    action.triggered.connect(lambda *_checked: slot())
