"""Issue 16, QA 11's D3 and S1 in the window: 设置 → 账号 refuses a 网格员 account (添加账号, and
修改… with its dialog) for a staff member who neither belongs to nor leads a grid, naming them,
nothing saved; the login dialog refuses a 网格员 whose staff member has lost the grid since;
the 修改… button reads in Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.registry import reference as registry
from redoffice.ui.accounts.accounts_tab import AccountsTab
from redoffice.ui.accounts.role_dialog import RoleDialog
from redoffice.ui.kit.context import AppContext
from tests.core.accounts_support import grid_staff
from tests.ui.driver import button, click, click_row, pick, type_into
from tests.ui.test_accounts_gaps import refused_login

PASSWORD = "qa11-secret"
NO_GRID = "工作人员“赵网格”不属于也不负责任何网格"


def _tab(qtbot: QtBot, ctx: AppContext, rows: int) -> AccountsTab:
    tab = AccountsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.table.rowCount() == rows and tab.staff.findText("赵网格") > 0)
    return tab


def _roles(ctx: AppContext) -> dict[str, str]:
    return {row.login: row.role_code for row in accounts.accounts(ctx.db)}


def test_the_accounts_tab_refuses_a_grid_account_for_staff_without_a_grid(
    qtbot: QtBot, ctx: AppContext
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    grid_staff(ctx.db, None)
    tab = _tab(qtbot, ctx, 1)
    assert button(tab, "修改…").text() == "修改…"  # S1: translated
    type_into(qtbot, tab.login, "g8")
    pick(qtbot, tab.role, "网格员")
    pick(qtbot, tab.staff, "赵网格")
    type_into(qtbot, tab.password, PASSWORD)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: NO_GRID in tab.message.text())
    assert "或选择其他角色" in tab.message.text()
    assert _roles(ctx) == {"wang": "admin"}


def test_the_change_dialog_refuses_a_grid_role_for_staff_without_a_grid(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    grid_staff(ctx.db, None)
    tab = _tab(qtbot, ctx, 2)
    click_row(qtbot, tab.table, [r.login for r in tab.rows].index("li"))
    click(qtbot, tab, "修改…")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RoleDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RoleDialog)
    pick(qtbot, dialog.role, "网格员")
    pick(qtbot, dialog.staff, "赵网格")
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: NO_GRID in dialog.message.text())
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert _roles(ctx)["li"] == "worker"
    click(qtbot, dialog, "取消")  # 放弃所填内容？ answered 是
    assert not dialog.isVisible() and no_questions


def test_the_login_dialog_refuses_a_grid_worker_whose_staff_lost_the_grid(
    qtbot: QtBot, ctx: AppContext
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    grid = registry.save_grid(ctx.db, registry.GridInput(code="Q11", name="测试网格"))
    staff = grid_staff(ctx.db, grid)
    accounts.add(ctx.db, "zhao", "赵网格", "grid", PASSWORD, staff)
    registry.save_staff(ctx.db, registry.StaffInput(name="赵网格", role="grid_worker"), staff)
    accounts.logout(ctx.db)
    dialog, said = refused_login(qtbot, ctx, "zhao", PASSWORD)
    assert "账号“zhao”是网格员，但对应的工作人员“赵网格”未负责任何网格" in said
    assert "请书记/管理员在 设置 → 账号 中处理" in said
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert ctx.db.user is None
