"""Issue 16, session 11, in the window: the 红色基金's accounts (新增账户/编辑账户) and 登记异议
greyed for a role without their permission, naming who may, and open to the roles that have it;
附件 → 添加… on an application greyed for a 会计; a 网格员 account without a staff member
refused by the login dialog in words; 设置 → 账号 → 修改… (and a double-click) changes an
account's role and staff link, refuses the last administrator's, and 切换用户 logs the account in
with its new role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.ui.accounts.accounts_tab import AccountsTab
from redoffice.ui.accounts.login_dialog import LoginDialog
from redoffice.ui.accounts.role_dialog import RoleDialog
from redoffice.ui.fund.applications_tab import ApplicationsTab
from redoffice.ui.fund.fund_page import FundPage
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from tests.core.accounts_support import PASSWORD as LEGACY_PASSWORD
from tests.core.accounts_support import legacy_grid_account
from tests.ui.driver import button, click, click_row, pick
from tests.ui.test_accounts_roles import PASSWORD, _open, _switch, _tab, _window

HANDLERS = "只有书记/管理员、社区工作者、网格员可以办理"


def _log_in(ctx: AppContext, login: str, name: str, role: str) -> None:
    """The administrator 王书记 (made first when there is none) adds ``login``, who logs in."""
    if not accounts.has_accounts(ctx.db):
        accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    if login != "wang":
        accounts.add(ctx.db, login, name, role, PASSWORD)
    accounts.login(ctx.db, login, PASSWORD)


def _fund(qtbot: QtBot, window: MainWindow) -> dict[str, QAbstractButton]:
    fund = _open(window, "fund")
    assert isinstance(fund, FundPage)
    overview = _tab(qtbot, fund.tabs, "概览")
    found = {label: button(overview, label) for label in ("新增账户", "编辑账户")}
    return found | {"登记异议": button(_tab(qtbot, fund.tabs, "申请"), "登记异议")}


def test_the_fund_accounts_and_objections_follow_the_role(qtbot: QtBot, ctx: AppContext) -> None:
    _log_in(ctx, "qian", "钱会计", "accountant")
    _log_in(ctx, "zhou", "周出纳", "cashier")
    window = _window(qtbot, ctx)
    buttons = _fund(qtbot, window)
    assert not any(b.isEnabled() for b in buttons.values())
    assert buttons["新增账户"].toolTip() == "只有书记/管理员、会计可以办理"
    assert buttons["编辑账户"].toolTip() == "只有书记/管理员、会计可以办理"
    assert buttons["登记异议"].toolTip() == HANDLERS
    _switch(qtbot, window, "qian")
    buttons = _fund(qtbot, window)
    assert buttons["新增账户"].isEnabled() and buttons["新增账户"].toolTip() == ""
    assert buttons["登记异议"].toolTip() == HANDLERS


def test_an_accountant_cannot_add_an_applications_attachments(
    qtbot: QtBot, ctx: AppContext
) -> None:
    _log_in(ctx, "qian", "钱会计", "accountant")
    window = _window(qtbot, ctx)
    fund = _open(window, "fund")
    assert isinstance(fund, FundPage)
    _tab(qtbot, fund.tabs, "申请")
    applications = fund.findChild(ApplicationsTab)
    assert applications is not None
    table = applications.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    click_row(qtbot, table, 0)
    click(qtbot, applications, "附件")
    qtbot.waitUntil(lambda: any(isinstance(w, AttachmentsDialog) for w in _tops()))
    dialog = next(w for w in _tops() if isinstance(w, AttachmentsDialog))
    add = button(dialog, "添加")
    assert not add.isEnabled() and add.toolTip() == HANDLERS
    assert button(dialog, "打开").isEnabled()
    dialog.close()


def _tops() -> list[QWidget]:
    return QApplication.topLevelWidgets()


def refused_login(
    qtbot: QtBot, ctx: AppContext, login: str, password: str
) -> tuple[LoginDialog, str]:
    """The login dialog, ``login`` and ``password`` typed, 登录 pressed: the dialog and its
    words."""
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    return dialog, dialog.message.text()


def test_the_login_dialog_refuses_a_grid_account_without_staff(
    qtbot: QtBot, ctx: AppContext
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    legacy_grid_account(ctx.db)
    dialog, said = refused_login(qtbot, ctx, "zhao", LEGACY_PASSWORD)
    assert "账号“zhao”是网格员，但未关联工作人员" in said and "设置 → 账号 中关联" in said
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert ctx.db.user is None


def _accounts_tab(qtbot: QtBot, window: MainWindow) -> AccountsTab:
    settings = _open(window, "settings")
    _tab(qtbot, settings.tabs, "账号")  # type: ignore[attr-defined]
    tab = settings.findChild(AccountsTab)
    assert tab is not None
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2 and tab.staff.count() > 1)
    return tab


def _role_dialog(qtbot: QtBot) -> RoleDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, RoleDialog) and w.isVisible() for w in _tops()))
    return next(w for w in _tops() if isinstance(w, RoleDialog) and w.isVisible())


def test_an_administrator_changes_a_role_and_the_next_login_takes_it(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    _log_in(ctx, "li", "李四", "worker")
    _log_in(ctx, "wang", "王书记", "admin")
    window = _window(qtbot, ctx)
    tab = _accounts_tab(qtbot, window)
    rows = [tab.table.item(n, 0).text() for n in range(2)]
    click_row(qtbot, tab.table, rows.index("wang"))  # the only administrator: refused
    click(qtbot, tab, "修改")
    dialog = _role_dialog(qtbot)
    pick(qtbot, dialog.role, "社区工作者")
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: "最后一个可用的管理员账号" in dialog.message.text())
    assert dialog.isVisible()
    click(qtbot, dialog, "取消")  # 放弃所填内容？ answered 是
    assert not dialog.isVisible() and no_questions
    click_row(qtbot, tab.table, rows.index("li"), double=True)  # a double-click opens it too
    dialog = _role_dialog(qtbot)
    assert dialog.role.currentText() == "社区工作者" and dialog.staff.currentText() == "（无）"
    pick(qtbot, dialog.role, "网格员")
    staff = dialog.staff.itemText(1)
    pick(qtbot, dialog.staff, staff)
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: tab.table.item(rows.index("li"), 2).text() == "网格员")
    assert tab.message.text() == "已完成：li"
    _switch(qtbot, window, "li")
    user = ctx.db.user
    assert user is not None and (user.login, user.role) == ("li", "grid")
    assert user.grids is not None  # a 网格员's scope, from the staff member now linked
