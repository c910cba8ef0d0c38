"""设置 → 账号 (issue 16): the first administrator added by typing and pressing 添加账号 on a
database without accounts, then a 网格员 linked to a staff member; lock, 解锁 and 停用 with the
buttons; a worker logged in sees no 账号 tab."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.kit.errors import UserError
from redoffice.ui.accounts.accounts_tab import AccountsTab
from redoffice.ui.kit.context import AppContext
from redoffice.ui.settings.settings_page import SettingsPage
from tests.ui.driver import click_row, pick, type_into

PASSWORD = "tab-secret-1"


def _type_account(qtbot: QtBot, tab: AccountsTab, login: str, name: str, role: str) -> None:
    for edit in (tab.login, tab.name, tab.password):
        edit.clear()
    type_into(qtbot, tab.login, login)
    type_into(qtbot, tab.name, name)
    pick(qtbot, tab.role, role)
    type_into(qtbot, tab.password, PASSWORD)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)


def test_accounts_added_locked_unlocked_and_disabled(qtbot: QtBot, ctx: AppContext) -> None:
    tab = AccountsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.staff.count() > 1)
    _type_account(qtbot, tab, "li", "李四", "社区工作者")
    qtbot.waitUntil(lambda: "第一个账号必须是书记/管理员" in tab.message.text())
    _type_account(qtbot, tab, "wang", "王书记", "书记/管理员")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    accounts.login(ctx.db, "wang", PASSWORD)
    pick(qtbot, tab.staff, tab.staff.itemText(1))
    _type_account(qtbot, tab, "zhao", "赵网格", "网格员")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    assert [tab.table.item(0, c).text() for c in range(3)] == ["wang", "王书记", "书记/管理员"]
    for _ in range(5):
        with contextlib.suppress(UserError):
            accounts.login(ctx.db, "zhao", "wrong-password")
    tab.load()
    qtbot.waitUntil(lambda: tab.table.item(1, 3).text() == "已锁定")
    click_row(qtbot, tab.table, 1)
    qtbot.mouseClick(tab.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.item(1, 3).text() == "")
    click_row(qtbot, tab.table, 1)
    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.item(1, 3).text() == "已停用")


def test_only_administrators_see_the_accounts_tab(qtbot: QtBot, ctx: AppContext) -> None:
    def tab_names() -> list[str]:
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        return [page.tabs.tabText(n) for n in range(page.tabs.count())]

    assert "账号" in tab_names()  # no accounts yet: to create the first administrator
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    assert "账号" in tab_names()
    accounts.login(ctx.db, "li", PASSWORD)
    assert "账号" not in tab_names()
