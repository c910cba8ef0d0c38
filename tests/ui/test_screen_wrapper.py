"""The application's QScreen survives Python's garbage collector.

PySide6 makes the QScreen wrapper that ``QWidget.screen()`` returns a child of the widget's
wrapper; when that widget's wrapper is collected in a reference cycle, the collector may clear
the screen's wrapper first, which then owns the C++ QScreen and deletes it: the next widget
made crashes in ``QScreen::virtualSiblings`` (tests/ui/test_sync.py segfaulted so about every
other run). The windows' screen is therefore asked of the application (screen_fit.screen_of)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.screen_fit import available_area, screen_of

ROOT = Path(__file__).resolve().parents[2]

# A parentless dialog shown with the application's screen-fit filter, then dropped in a
# reference cycle and collected (the screen's wrapper made before the dialog, as when another
# window asked first: the order in which the collector clears them).
SCRIPT = """
import gc, sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from redoffice.ui.kit.screen_fit import available_area, install_screen_fit
app = QApplication([])
install_screen_fit(app)
gc.disable()
for _ in range(3):
    screen = QGuiApplication.primaryScreen()
    dialog = QDialog()
    dialog.me = dialog
    dialog.show()
    app.processEvents()
    available_area(dialog)
    dialog.hide()
    del dialog, screen
    gc.collect()
    assert len(QGuiApplication.screens()) == 1, "the application's screen was deleted"
label = QLabel("still here")
label.show()
app.processEvents()
print("screen kept")
"""


def _parent_of(screen: object) -> str:
    return next(
        (line for line in shiboken6.dump(screen).splitlines() if line.startswith("parent")), ""
    )


def test_the_screen_wrapper_is_no_windows_child(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()  # the screen-fit filter measures it
    area = available_area(dialog)
    assert area.isValid()
    assert screen_of(dialog) is not None
    assert _parent_of(QGuiApplication.primaryScreen()) == ""


def test_a_collected_window_leaves_the_screen_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0 and "screen kept" in done.stdout, (done.returncode, done.stderr)


def test_no_widget_is_asked_for_its_screen() -> None:
    """A widget's or a window handle's ``screen`` parents the screen's wrapper to it."""
    asking = re.compile(r"\.screen\(\)")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "redoffice").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if asking.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, found


def test_screen_of_a_child_widget_is_its_windows(qtbot: QtBot) -> None:
    window = QWidget()
    child = QWidget(window)
    qtbot.addWidget(window)
    window.show()
    assert screen_of(child) is screen_of(window)
