"""Driving the real window from tests, as a user does: press a button found by the text on it,
type with the keyboard, find the dialog that a click opened.

A handler called directly skips the signal that a click goes through (a button's
``clicked(bool)`` once reached a slot's optional parameter and every click failed), so UI tests
press buttons and trigger actions instead."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").rstrip(".").strip()


def button(root: QWidget, text: str) -> QAbstractButton:
    """The one visible button under ``root`` whose label reads ``text`` (without & or …)."""
    found = [
        b
        for b in root.findChildren(QAbstractButton)
        if _plain(b.text()) == _plain(text) and b.isVisibleTo(root)
    ]
    labels = sorted({b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)})
    assert len(found) == 1, f"{len(found)} buttons read {text!r}; visible: {labels}"
    return found[0]


def click(qtbot: QtBot, root: QWidget, text: str) -> None:
    """Press the button labelled ``text`` with the mouse; it must be enabled."""
    target = button(root, text)
    assert target.isEnabled(), f"{text!r} is disabled"
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into ``widget`` and type ``text``: Latin letters and digits key by key, Chinese as
    an input method commits it (QTest's key clicks cannot send characters outside Latin-1)."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def opened(kind: type[W]) -> W:
    """The newest visible window of ``kind`` (a dialog a click has just opened), made the
    active window as the window manager would, so that its shortcuts work."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} is open"
    window = found[-1]
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    return window


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a drop-down with the keyboard (Home, then Down until it shows)."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} not among {combo.count()} choices"


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, double: bool = False) -> None:
    """Click (or double-click) the first cell of ``row`` in a list or table."""
    model = view.model()
    assert model is not None and row < model.rowCount(), f"no row {row}"
    view.scrollTo(model.index(row, 0))
    centre = view.visualRect(model.index(row, 0)).center()
    press = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:  # a double-click is preceded by a click, as with a real mouse
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    press(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Tick or untick a check box with Space, as the keyboard user does after Tab."""
    before = box.isChecked()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() != before, f"{box.text()!r} did not change"
