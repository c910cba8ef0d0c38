"""Issue 16, session 10: the window follows the role. A 出纳's writing buttons on 居民, 住户, 走访
and 民情诉求 are disabled with a tooltip naming who may (also after a row is chosen); 切换用户
builds the pages again for the next person (设置 → 账号 gone for a 社区工作者, buttons enabled
or not); a 网格员 who leads a grid, logged in through the real dialog, sees their grid's residents
and their own 工作台 figures."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.models import Grid, Household, Resident, Staff
from redoffice.ui.accounts.login_dialog import LoginDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.widgets import writes
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.settings.settings_page import SettingsPage
from redoffice.ui.visits.visit_dialog import VisitDialog
from tests.ui.driver import button, click_row

PASSWORD = "roles-secret"
WRITING_PAGES = ("residents", "households", "visits", "cases")


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle(30)
    return window


def _open(window: MainWindow, key: str) -> QWidget:
    window.show_page(key)
    assert window.ctx.tasks.wait_idle(30)
    QApplication.processEvents()  # the parts built on the turn after the page
    assert window.ctx.tasks.wait_idle(30)
    return window.pages[key]


def _writing(page: QWidget) -> list[QAbstractButton]:
    found = [b for b in page.findChildren(QAbstractButton) if writes(b) and b.isVisibleTo(page)]
    assert found, page
    return found


def _admin_and(
    ctx: AppContext, login: str, name: str, role: str, staff_id: str | None = None
) -> None:
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    accounts.add(ctx.db, login, name, role, PASSWORD, staff_id)


def test_a_cashier_sees_the_registry_and_daily_work_buttons_disabled(
    qtbot: QtBot, ctx: AppContext
) -> None:
    _admin_and(ctx, "zhou", "周出纳", "cashier")
    accounts.login(ctx.db, "zhou", PASSWORD)
    window = _window(qtbot, ctx)
    for key in WRITING_PAGES:
        page = _open(window, key)
        assert not any(b.isEnabled() for b in _writing(page)), key
    residents = window.pages["residents"]
    assert isinstance(residents, ResidentsPage)
    add = button(residents, "新增居民")
    assert not add.isEnabled()
    assert add.toolTip() == "只有书记/管理员、社区工作者、网格员可以办理"
    assert not button(residents, "导入 Excel").isEnabled()
    assert button(residents, "导出 Excel").isEnabled()  # reading stays
    click_row(qtbot, residents.list.table, 0)  # a chosen row enables 修改 for others
    qtbot.wait(50)
    assert not residents.edit_button.isEnabled()
    assert not button(window.pages["cases"], "受理诉求").isEnabled()


def _switch(qtbot: QtBot, window: MainWindow, login: str) -> None:
    def log_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog))
        qtbot.keyClicks(dialog.login, login)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, log_in)
    window.switch_user_action.trigger()
    assert window.ctx.tasks.wait_idle(30)


def _tab_names(page: QWidget) -> list[str]:
    assert isinstance(page, SettingsPage)
    return [page.tabs.tabText(n) for n in range(page.tabs.count())]


def test_switching_user_builds_the_pages_for_the_next_role(qtbot: QtBot, ctx: AppContext) -> None:
    _admin_and(ctx, "li", "李四", "worker")
    accounts.add(ctx.db, "zhou", "周出纳", "cashier", PASSWORD)
    window = _window(qtbot, ctx)
    assert "账号" in _tab_names(_open(window, "settings"))
    assert button(_open(window, "residents"), "新增居民").isEnabled()
    _switch(qtbot, window, "li")
    assert ctx.db.user is not None and ctx.db.user.login == "li"
    assert window.isVisible() and window.stack.currentWidget() is window.pages["residents"]
    assert "账号" not in _tab_names(_open(window, "settings"))
    assert button(_open(window, "residents"), "新增居民").isEnabled()
    _switch(qtbot, window, "zhou")
    assert not button(_open(window, "residents"), "新增居民").isEnabled()


def _grid_leader(ctx: AppContext) -> tuple[str, int, int]:
    """赵网格 leads the first grid without belonging to it (staff.grid empty); the grid's id and
    its live households and active residents, counted unscoped."""
    with ctx.db.uow() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        staff = Staff(name="赵网格", role="grid_worker", grid_id=None)
        s.add(staff)
        s.flush()
        grid.leader_id = staff.id
        staff_id, grid_id = staff.id, grid.id
        live = (Household.grid_id == grid_id, Household.deleted.is_(False))
        households = s.scalar(select(func.count()).select_from(Household).where(*live))
        residents = s.scalar(
            select(func.count())
            .select_from(Resident)
            .join(Household, Resident.household_id == Household.id)
            .where(*live, Resident.deleted.is_(False), Resident.status == "active")
        )
    _admin_and(ctx, "zhao", "赵网格", "grid", staff_id)
    accounts.logout(ctx.db)
    return grid_id, int(households or 0), int(residents or 0)


def test_a_grid_leader_logged_in_sees_their_grid(qtbot: QtBot, ctx: AppContext) -> None:
    grid_id, households, residents = _grid_leader(ctx)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "zhao")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    window = _window(qtbot, ctx)
    dashboard = window.dashboard
    assert dashboard.cards["households"].value.text() == f"{households:,}"
    assert dashboard.grids.rowCount() == 1
    assert [dashboard.scope.itemText(n) for n in range(dashboard.scope.count())] == ["我的：赵网格"]
    page = _open(window, "residents")
    assert isinstance(page, ResidentsPage)
    assert residents > 0 and page.list.model.rowCount() == residents
    assert grid_id in (ctx.db.user.grids if ctx.db.user else ())


def test_a_cashier_double_clicking_a_due_household_gets_no_visit_form(
    qtbot: QtBot, ctx: AppContext
) -> None:
    _admin_and(ctx, "zhou", "周出纳", "cashier")
    accounts.login(ctx.db, "zhou", PASSWORD)
    window = _window(qtbot, ctx)
    board = window.dashboard
    qtbot.mouseClick(board.cards["visits_overdue"], Qt.MouseButton.LeftButton)
    table = board.lists["visits_overdue"]
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=5000)
    click_row(qtbot, table, 0, double=True)
    assert window.stack.currentWidget() is window.pages["visits"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog)]
