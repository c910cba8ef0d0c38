"""Issue 16, session 10: the window follows the role. A 出纳's writing buttons on 居民, 住户, 走访
and 民情诉求 are disabled with a tooltip naming who may (also after a row is chosen); 切换用户
builds the pages again for the next person (设置 → 账号 gone for a 社区工作者, buttons enabled
or not); a 网格员 who leads a grid, logged in through the real dialog, sees their grid's residents
and their own 工作台 figures."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.models import Grid, Household, Resident, Staff
from redoffice.ui.accounts.login_dialog import LoginDialog
from redoffice.ui.fund.fund_page import FundPage
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.widgets import writes
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meetings_page import MeetingsPage
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from redoffice.ui.registry.household_dialog import HouseholdDialog
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.reference_page import RecordDialog
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.settings.settings_page import SettingsPage
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.wishes.wishes_page import WishesPage
from tests.ui.driver import button, click_row, opened

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


def _tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> QWidget:
    bar = tabs.tabBar()
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    page = tabs.currentWidget()
    assert page is not None

    def built() -> bool:  # on a later turn of the event loop
        return any(b.isVisibleTo(page) for b in page.findChildren(QAbstractButton))

    qtbot.waitUntil(built)
    return page


def _meetings_wishes_and_base_data(qtbot: QtBot, window: MainWindow) -> list[QAbstractButton]:
    """The buttons adding a meeting, a wish, a party member and a staff member (where the
    红色基金 roles are given)."""
    meeting = button(_open(window, "meetings"), "新建会议")
    wishes = _open(window, "wishes")
    assert isinstance(wishes, WishesPage)
    wish = button(wishes, "登记心愿")
    member = button(_tab(qtbot, wishes.tabs, "双报到党员"), "登记党员")
    return [meeting, wish, member, button(_tab(qtbot, _reference(window), "工作人员"), "新增")]


def test_meetings_wishes_and_base_data_follow_the_role(qtbot: QtBot, ctx: AppContext) -> None:
    """A 出纳 could edit the staff list (and so the fund's roles): now 三方联席会议, 微心愿 and
    基础数据 grey their writing buttons for them, naming who may; a 社区工作者 keeps 会议 and 心愿
    but not the staff list."""
    _admin_and(ctx, "zhou", "周出纳", "cashier")
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    accounts.login(ctx.db, "zhou", PASSWORD)
    window = _window(qtbot, ctx)
    for key in ("meetings", "wishes", "reference"):
        assert not any(b.isEnabled() for b in _writing(_open(window, key))), key
    meeting, wish, member, staff = _meetings_wishes_and_base_data(qtbot, window)
    assert not (meeting.isEnabled() or wish.isEnabled() or member.isEnabled())
    assert meeting.toolTip() == wish.toolTip() == "只有书记/管理员、社区工作者可以办理"
    assert not staff.isEnabled() and staff.toolTip() == "只有书记/管理员可以办理"
    _switch(qtbot, window, "li")
    meeting, wish, member, staff = _meetings_wishes_and_base_data(qtbot, window)
    assert meeting.isEnabled() and wish.isEnabled() and member.isEnabled()
    assert not staff.isEnabled()


def _fund_buttons(qtbot: QtBot, window: MainWindow) -> dict[str, QAbstractButton]:
    fund = _open(window, "fund")
    assert isinstance(fund, FundPage)
    applications = _tab(qtbot, fund.tabs, "申请")
    ledger = _tab(qtbot, fund.tabs, "台账")
    labels = ("新建申请", "初审", "审核", "发放")
    found = {label: button(applications, label) for label in labels}
    return found | {label: button(ledger, label) for label in ("登记收入", "冲正", "结账")}


def test_each_fund_step_follows_its_permission(qtbot: QtBot, ctx: AppContext) -> None:
    """红色基金: each step's button greyed for a role without that step's permission, naming who
    may; a 出纳 keeps 发放, a 会计 keeps 登记收入, 冲正 and 结账."""
    _admin_and(ctx, "zhou", "周出纳", "cashier")
    accounts.add(ctx.db, "qian", "钱会计", "accountant", PASSWORD)
    accounts.login(ctx.db, "zhou", PASSWORD)
    window = _window(qtbot, ctx)
    steps = _fund_buttons(qtbot, window)
    greyed = {label for label, b in steps.items() if b.toolTip().startswith("只有")}
    assert greyed == {"新建申请", "初审", "审核", "登记收入", "冲正", "结账"}
    assert not any(steps[label].isEnabled() for label in greyed)
    assert steps["初审"].toolTip() == "只有书记/管理员可以办理"
    assert steps["新建申请"].toolTip() == "只有书记/管理员、社区工作者、网格员可以办理"
    assert steps["冲正"].toolTip() == "只有会计可以办理"
    _switch(qtbot, window, "qian")
    steps = _fund_buttons(qtbot, window)
    greyed = {label for label, b in steps.items() if b.toolTip().startswith("只有")}
    assert greyed == {"新建申请", "初审", "审核", "发放"}
    assert steps["发放"].toolTip() == "只有出纳可以办理" and not steps["发放"].isEnabled()
    assert steps["登记收入"].isEnabled()


def _double_click_first(qtbot: QtBot, table: QAbstractItemView) -> None:
    model = table.model()
    assert model is not None
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    click_row(qtbot, table, 0, double=True)


def _read_only_dialog(qtbot: QtBot, kind: type[SaveDialog]) -> SaveDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in _tops()))
    dialog = opened(kind)
    assert not dialog.form.isEnabled()
    assert not [b for b in dialog.buttons.buttons() if b.text() == "保存"]
    assert dialog.message.text().startswith("只读：只有")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible()
    return dialog


def _tops() -> list[QWidget]:
    return QApplication.topLevelWidgets()


def test_a_row_double_clicked_without_the_permission_opens_read_only(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """A 出纳 double-clicking a resident, a household or a meeting sees the record — fields
    disabled, no 保存 (the minutes: no 保存 or 定稿), saying who may change it — rather than an
    edit form whose 保存 is refused; a 社区工作者 double-clicking a staff member the same."""
    _admin_and(ctx, "zhou", "周出纳", "cashier")
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    accounts.login(ctx.db, "zhou", PASSWORD)
    window = _window(qtbot, ctx)
    residents = _open(window, "residents")
    assert isinstance(residents, ResidentsPage)
    _double_click_first(qtbot, residents.list.table)
    assert _read_only_dialog(qtbot, ResidentDialog).message.text() == (
        "只读：只有书记/管理员、社区工作者、网格员可以修改"
    )
    households = _open(window, "households")
    assert isinstance(households, HouseholdsPage)
    _double_click_first(qtbot, households.list.table)
    _read_only_dialog(qtbot, HouseholdDialog)
    meetings = _open(window, "meetings")
    assert isinstance(meetings, MeetingsPage)
    _double_click_first(qtbot, meetings.meetings.table)
    qtbot.waitUntil(lambda: any(isinstance(w, MinutesEditor) for w in _tops()))
    editor = opened(MinutesEditor)
    assert not editor.save_button.isVisible() and not editor.finalize_button.isVisible()
    assert editor.discussion.isReadOnly() and not editor.attendees.isEnabled()
    assert editor.status.text() == "只读：只有书记/管理员、社区工作者可以修改"
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    _switch(qtbot, window, "li")
    staff = _tab(qtbot, _reference(window), "工作人员")
    table = staff.findChild(QAbstractItemView)
    assert table is not None
    _double_click_first(qtbot, table)
    assert _read_only_dialog(qtbot, RecordDialog).message.text() == "只读：只有书记/管理员可以修改"


def _reference(window: MainWindow) -> QTabWidget:
    reference = _open(window, "reference")
    assert isinstance(reference, QTabWidget)
    return reference
