"""The login dialog (issue 16): a name and password typed into the real dialog, 登录 pressed or
Enter; a wrong password says how many attempts remain and keeps the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.ui.accounts.login_dialog import LoginDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow

PASSWORD = "login-secret"


def test_a_wrong_password_then_the_right_one_with_enter(qtbot: QtBot, ctx: AppContext) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok.text() == "登录" and dialog.windowTitle() == "登录"
    assert dialog.width() <= 1366 and dialog.height() <= 728
    qtbot.keyClicks(dialog.login, "wang")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "还可以再试 4 次" in dialog.message.text()
    assert dialog.isVisible() and ctx.db.user is None and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert ctx.db.user is not None and ctx.db.user.login == "wang"
    assert ctx.db.actor == "王书记"


def test_the_login_button_logs_in(qtbot: QtBot, ctx: AppContext) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "wang")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.user is not None and dialog.user.role == "admin"


def test_the_status_bar_names_the_person_and_switching_user_logs_another_in(
    qtbot: QtBot, ctx: AppContext
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "王书记" in window.identity_label.text())
    assert window.switch_user_action.isVisible()

    def log_in_li() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog))
        qtbot.keyClicks(dialog.login, "li")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, log_in_li)
    window.switch_user_action.trigger()
    assert ctx.db.user is not None and ctx.db.user.login == "li"
    qtbot.waitUntil(lambda: "李四" in window.identity_label.text())
    assert window.isVisible() and ctx.db.actor == "李四"
