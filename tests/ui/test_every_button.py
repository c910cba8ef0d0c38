"""Every enabled button and menu action of every page, pressed for real.

Whatever opens is closed again, and no click ends in an unexpected error. (新增居民 and 记录走访
once failed on every click while the tests, which called the handlers directly, passed: Qt's
``clicked(bool)`` reached a slot's optional parameter.)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from redoffice.kit.db import Database
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.workbench.dashboard import Card

# buttons whose effect is to leave the program or to open an external application
SKIPPED_ACTIONS = ("退出",)


class Problems:
    """Unexpected errors (logged with a traceback) and every message shown to the user."""

    def __init__(self) -> None:
        self.unexpected: list[str] = []
        self.messages: list[str] = []


@pytest.fixture
def problems(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Problems:
    found = Problems()

    def log_exception(message: str, error: BaseException) -> Path:
        found.unexpected.append(f"{message}: {error!r}")
        return tmp_path / "redoffice.log"

    monkeypatch.setattr("redoffice.ui.kit.errors.log_exception", log_exception)
    monkeypatch.setattr("redoffice.ui.kit.errors._collected", found.messages)
    _answer_every_question(monkeypatch, tmp_path)
    return found


ANSWERS: dict[str, Callable[..., object]] = {
    "confirm": lambda *_a: True,
    "risky": lambda *_a: True,
    "inform": lambda *_a: None,
    "choose": lambda _p, _t, _l, items: items[0] if items else None,
    "save_path": lambda _p, _t, suggested, _f: str(Path(suggested).name),
    "open_paths": lambda *_a: [],
    "open_path": lambda *_a: None,
    "folder": lambda *_a: None,
    "printer_setup": lambda *_a: False,
    "text": lambda *_a: "测试",
}


def _answer_every_question(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Questions answered the way a user going ahead would; files saved into ``tmp_path``."""
    monkeypatch.chdir(tmp_path)  # a suggested file name is saved here
    for name, answer in ANSWERS.items():
        monkeypatch.setattr(f"redoffice.ui.kit.ask.{name}", answer)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda *_a: True)


def test_every_question_has_an_answer() -> None:
    """A question added to ui/ask.py needs its answer here, or the clicks above would wait."""
    asked = {
        name
        for name, f in vars(ask).items()
        if inspect.isfunction(f) and f.__module__ == ask.__name__
    }
    assert asked == set(ANSWERS)


@pytest.fixture(params=["demo", "new office"])
def window(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window at an office screen's size, on the 40-household demo or on a database
    just set up (a new office's first clicks, where every list is empty)."""
    db: Database = request.getfixturevalue("demo_db" if request.param == "demo" else "sqlite_db")
    ctx = AppContext(db)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1366, 728)
    main.show()
    assert ctx.tasks.wait_idle(10)
    # a dialog run with exec() blocks the click: close it from inside its own event loop
    closer = QTimer()
    closer.timeout.connect(_close_modal)
    closer.start(100)
    yield main
    closer.stop()
    ctx.tasks.wait_idle(5)
    ctx.tasks.shutdown()


def _close_modal() -> None:
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.reject()
    elif modal is not None:
        modal.close()


def _close_new_windows(main: MainWindow, before: set[QWidget]) -> list[str]:
    """Close every window the click opened; return their titles."""
    opened = []
    for widget in QApplication.topLevelWidgets():
        if widget is main or widget in before or not widget.isVisible():
            continue
        opened.append(widget.windowTitle())
        if isinstance(widget, QMessageBox | QDialog):
            widget.reject()
        widget.close()
    return opened


def _select_first_rows(qtbot: QtBot, page: QWidget) -> None:
    """Click the first row of every visible list, as a user would before a row action."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None or model.rowCount() == 0:
            continue
        rect = view.visualRect(model.index(0, 0))
        if rect.isValid():
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        elif rect.isEmpty():
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def _tab_states(page: QWidget, settle: Callable[[], object]) -> Iterator[str]:
    """Show each tab of the page in turn (the page itself when it has none); ``settle``
    waits until the tab is built (on the next turn of the event loop) and its rows are in."""
    tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
    if not tabs:
        yield ""
        return
    for index in range(tabs[0].count()):
        tabs[0].setCurrentIndex(index)
        settle()
        yield tabs[0].tabText(index)


def _clickable(page: QWidget) -> list[QWidget]:
    """The page's enabled buttons and 工作台 cards, as shown now."""
    found: list[QWidget] = [*page.findChildren(QPushButton), *page.findChildren(Card)]
    return [w for w in found if w.isVisible() and w.isEnabled()]


def _name(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QPushButton) else type(widget).__name__


def _press(qtbot: QtBot, main: MainWindow, widget: QWidget, double: bool = False) -> list[str]:
    """Press (or double-click) ``widget`` and close whatever window it opened."""
    before = set(QApplication.topLevelWidgets())
    if double:
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert main.ctx.tasks.wait_idle(30), f"{_name(widget)} hangs"
    opened = _close_new_windows(main, before)
    assert main.ctx.tasks.wait_idle(30)
    return opened


def _double_click_first_rows(qtbot: QtBot, main: MainWindow, page: QWidget) -> list[str]:
    """Double-click the first row of every visible list (双击 opens or edits the row)."""
    opened = []
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if not isValid(view) or not view.isVisible() or model is None or not model.rowCount():
            continue
        rect = view.visualRect(model.index(0, 0))
        if rect.isValid():
            before = set(QApplication.topLevelWidgets())
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert main.ctx.tasks.wait_idle(30)
            opened += _close_new_windows(main, before)
            assert main.ctx.tasks.wait_idle(30)
    return opened


def _press_every_button(qtbot: QtBot, main: MainWindow, key: str, pressed: list[str]) -> None:
    page = main.page(key)
    main.show_page(key)
    assert main.ctx.tasks.wait_idle(10)
    for tab in _tab_states(page, main.ctx.tasks.wait_idle):
        _select_first_rows(qtbot, page)
        pressed.append(f"{key}/{tab}/双击 -> {_double_click_first_rows(qtbot, main, page)}")
        for widget in _clickable(page):
            if isValid(widget) and widget.isVisible() and widget.isEnabled():
                _select_first_rows(qtbot, page)
                pressed.append(f"{key}/{tab}/{_name(widget)} -> {_press(qtbot, main, widget)}")


@pytest.mark.parametrize(
    "key",
    [
        "dashboard",
        "visits",
        "cases",
        "meetings",
        "wishes",
        "fund",
        "residents",
        "households",
        "reference",
        "sync",
        "settings",
    ],
)
def test_every_button_of_every_page(
    qtbot: QtBot, window: MainWindow, problems: Problems, key: str
) -> None:
    pressed: list[str] = []
    _press_every_button(qtbot, window, key, pressed)
    assert pressed, f"no button pressed on {key}"
    assert not problems.unexpected, "\n".join(problems.unexpected + pressed)
    assert not [m for m in problems.messages if "未能完成" in m or "出错" in m], problems.messages


def test_every_menu_action(qtbot: QtBot, window: MainWindow, problems: Problems) -> None:
    triggered = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        for action in menu.actions():
            if action.isSeparator() or not action.isEnabled():
                continue
            if action.text().replace("&", "").startswith(SKIPPED_ACTIONS):
                continue
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            assert window.ctx.tasks.wait_idle(30)
            triggered.append(f"{action.text()} -> {_close_new_windows(window, before)}")
    assert triggered
    assert not problems.unexpected, "\n".join(problems.unexpected + triggered)
