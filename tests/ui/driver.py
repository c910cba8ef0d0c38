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
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
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
    """The newest visible window of ``kind`` (a dialog a click has just opened)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} is open"
    return found[-1]
