"""Issue 16, session 10: the start. With accounts, no window before the login — the login dialog
alone, the window after a successful login, none after 退出 (and the next start shows no frame
first). A database from before accounts offers the first administrator (登录名/姓名/密码 twice);
以后再说 is remembered, not asked at the next start."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.ui.accounts.login_dialog import FirstAdminDialog, LoginDialog, log_in_at_start
from redoffice.ui.accounts.start import frame_first
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from tests.ui.driver import type_into

PASSWORD = "start-secret"


def _frame(qtbot: QtBot) -> MainWindow:
    window = MainWindow()  # as app.py shows it before the database opens
    qtbot.addWidget(window)
    window.show()
    return window


def _after(ready: Callable[[], bool], then: Callable[[], None]) -> None:
    """``then()`` once ``ready()`` (inside a dialog's own event loop, where qtbot cannot wait)."""
    if ready():
        then()
    else:
        QTimer.singleShot(50, partial(_after, ready, then))


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> list[bool]:
    """Run ``act`` on the ``kind`` dialog once it is up; the list records that it came."""
    came: list[bool] = []

    def look() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            QTimer.singleShot(50, look)
            return
        came.append(True)
        act(found[0])

    QTimer.singleShot(50, look)
    return came


def test_the_login_comes_alone_and_the_window_after_it(qtbot: QtBot, ctx: AppContext) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    window = _frame(qtbot)
    behind: list[bool] = []

    def log_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        behind.append(window.isVisible())
        qtbot.keyClicks(dialog.login, "wang")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    came = _when_shown(LoginDialog, log_in)
    assert log_in_at_start(ctx, window)
    assert came and behind == [False]  # no window behind the login dialog
    assert window.isVisible() and ctx.db.user is not None
    assert not frame_first()  # the next start: the login first, no frame before it


def test_quitting_at_the_login_leaves_no_window(qtbot: QtBot, ctx: AppContext) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    window = _frame(qtbot)

    def quit_(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        qtbot.mouseClick(dialog.buttons.buttons()[-1], Qt.MouseButton.LeftButton)

    _when_shown(LoginDialog, quit_)
    assert not log_in_at_start(ctx, window)
    assert not window.isVisible() and ctx.db.user is None


def test_an_upgraded_database_is_offered_its_first_administrator(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = _frame(qtbot)
    said: list[str] = []

    def create(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        qtbot.keyClicks(dialog.login, "wang")
        type_into(qtbot, dialog.name, "王书记")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.again, "another-one")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        _after(lambda: dialog.message.text() != "", partial(again, dialog))

    def again(dialog: FirstAdminDialog) -> None:
        said.append(dialog.message.text())
        assert dialog.message.isVisible()  # the refusal shown under the form
        assert not accounts.has_accounts(ctx.db)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.again, PASSWORD)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    came = _when_shown(FirstAdminDialog, create)
    assert log_in_at_start(ctx, window)
    assert came and said == ["两次输入的密码不一致，请重新输入"]
    assert [(r.login, r.role) for r in accounts.accounts(ctx.db)] == [("wang", "书记/管理员")]
    assert ctx.db.user is not None and ctx.db.actor == "王书记"
    assert window.isVisible()


def test_later_is_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    window = _frame(qtbot)

    def later(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        assert (dialog.windowTitle(), dialog.later_button.text()) == ("创建管理员账号", "以后再说")
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)

    came = _when_shown(FirstAdminDialog, later)
    assert log_in_at_start(ctx, window)
    assert came and window.isVisible() and not accounts.has_accounts(ctx.db)
    again = _when_shown(FirstAdminDialog, later)  # would close it, should it come again
    assert log_in_at_start(ctx, window)  # the next start
    qtbot.wait(200)
    assert again == [] and not accounts.first_admin_due(ctx.db)
