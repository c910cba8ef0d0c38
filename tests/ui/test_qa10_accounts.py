"""Issue 16, session 10 (QA): 设置 → 账号 at a community offers only the community's roles, and
lists the restored database's accounts after 从备份恢复… (an account added after the backup was
still listed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, STREET_ROLES
from redoffice.kit import backups
from redoffice.ui.accounts.accounts_tab import AccountsTab
from redoffice.ui.kit.context import AppContext
from redoffice.ui.restore_dialog import RestoreDialog
from redoffice.ui.settings.settings_page import SettingsPage
from tests.ui.test_accounts_roles import PASSWORD, _admin_and, _open, _switch
from tests.ui.test_accounts_roles import _window as _roles_window
from tests.ui.test_accounts_tab import _type_account
from tests.ui.test_backup_ui import _window, in_restore_dialog, press_in_message_box


def _tab(qtbot: QtBot, ctx: AppContext) -> AccountsTab:
    tab = AccountsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    ctx.tasks.wait_idle()
    return tab


def test_a_community_offers_only_its_own_roles(qtbot: QtBot, ctx: AppContext) -> None:
    tab = _tab(qtbot, ctx)
    offered = [tab.role.itemData(n) for n in range(tab.role.count())]
    assert offered == [role for role in ROLES if role not in STREET_ROLES]


def test_the_accounts_tab_follows_a_restore(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    backups.make_backup(ctx.db)
    window = _window(qtbot, ctx)
    tab = _tab(qtbot, ctx)
    _type_account(qtbot, tab, "li", "李四", "社区工作者")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    asked: list[str] = []

    def restore_the_copy(dialog: RestoreDialog) -> None:
        rect = dialog.table.visualItemRect(dialog.table.item(0, 0))
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        press_in_message_box(qtbot, QMessageBox.StandardButton.Yes, asked)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    in_restore_dialog(qtbot, restore_the_copy)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert tab.table.item(0, 0).text() == "wang"


def test_community_settings_save_is_greyed_for_a_worker(qtbot: QtBot, ctx: AppContext) -> None:
    """设置 → 社区信息与经办人's 保存 was enabled for a 社区工作者 (and refused on click)."""
    _admin_and(ctx, "li", "李四", "worker")
    window = _roles_window(qtbot, ctx)
    page = _open(window, "settings")
    assert isinstance(page, SettingsPage)
    assert page.save_button.isEnabled()  # the administrator
    _switch(qtbot, window, "li")  # 切换用户
    page = _open(window, "settings")
    assert isinstance(page, SettingsPage)
    assert not page.save_button.isEnabled()
    assert page.save_button.toolTip() == "只有书记/管理员可以办理"


def test_a_grid_account_without_a_staff_member_is_refused(qtbot: QtBot, ctx: AppContext) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    tab = _tab(qtbot, ctx)
    _type_account(qtbot, tab, "g9", "孙网格", "网格员")  # 对应工作人员: （无）
    qtbot.waitUntil(lambda: "网格员账号须对应一名工作人员" in tab.message.text())
    assert tab.table.rowCount() == 1
