"""红色基金 on screen: an account created, income recorded, an application taken through its
steps to paid by two staff members in turn (a step the operator has no role for refused in
Chinese, the dialog keeping what was typed), the ledger verified; the staff register's fund
roles; the 工作台's fund cards open the page filtered; the page is ready quickly on a 10,000-entry
ledger."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.fund import ledger, queries, screens
from redoffice.fund.accounts import AccountInput, save_account
from redoffice.fund.ledger import IncomeInput
from redoffice.kit import clock
from redoffice.models import FundApplication, Resident
from redoffice.registry import reference as registry
from redoffice.registry.reference import StaffInput
from redoffice.ui.fund.fund_dialogs import (
    AccountDialog,
    ApplicationDialog,
    ClosePeriodDialog,
    IncomeDialog,
    NoticeDialog,
    PayDialog,
    ReverseDialog,
    StepDialog,
)
from redoffice.ui.fund.fund_page import FundPage
from redoffice.ui.kit.check_list import checked_data
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.kit.resident_chooser import ResidentChooser
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.reference_page import CheckRow, RecordDialog, ReferencePage
from tests.ui.driver import click, click_row, opened, pick, tick, type_into

HANDLER = "张秘书"  # the demo's operator: 经办人 and 会计
REVIEWER = "李审核"  # 审核人 and 出纳
APPROVER = "赵审批"  # 审核人: the second level of the review (two people)


def _wait(ctx: AppContext) -> None:
    ctx.tasks.wait_idle(5)


def _staff(ctx: AppContext) -> dict[str, str]:
    """The two staff members of the fund, with their roles (set up through the service: the
    register's own dialog is tested below)."""
    found = {}
    for name, roles in (
        (HANDLER, ("handler", "accountant")),
        (REVIEWER, ("reviewer", "cashier")),
        (APPROVER, ("reviewer",)),
    ):
        data = StaffInput(name, "community_worker", fund_roles=roles)
        found[name] = registry.save_staff(ctx.db, data, registry.staff_named(ctx.db, name))
    return found


def _newcomer(ctx: AppContext) -> str:
    """The full name of a resident with no fund application yet, whose name no other resident
    shares (so that the yearly cap and the repeat rule leave them be)."""
    with ctx.db.read() as s:
        helped = select(FundApplication.resident_id).where(FundApplication.resident_id.is_not(None))
        names = s.execute(
            select(Resident.name)
            .where(Resident.deleted.is_(False), Resident.id.not_in(helped))
            .group_by(Resident.name)
            .having(func.count() == 1)
            .order_by(Resident.name)
        ).scalars()
        return str(next(iter(names)))


def _page(qtbot: QtBot, ctx: AppContext) -> FundPage:
    page = FundPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    _wait(ctx)
    return page


def _tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _save(qtbot: QtBot, dialog: SaveDialog) -> object:
    with qtbot.waitSignal(dialog.saved, timeout=5000, raising=False) as saved:
        click(qtbot, dialog, "保存")
    assert saved.signal_triggered, _why(dialog)
    return saved.args[0] if saved.args else None


def _why(dialog: SaveDialog) -> str:
    """What the dialog says after a refused save (for the assertion's message)."""
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    return " / ".join(t for t in shown if t)


def _refused(qtbot: QtBot, dialog: SaveDialog) -> None:
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")


def _select_application(qtbot: QtBot, page: FundPage, application_id: str) -> None:
    tab = page.applications_tab
    _wait(page.ctx)
    qtbot.waitUntil(lambda: application_id in _keys(tab.table), timeout=5000)
    click_row(qtbot, tab.table, tab.table.rows_model.keys().index(application_id))
    qtbot.waitUntil(lambda: (r := tab.current()) is not None and r.id == application_id)


def _keys(table: SimpleTable) -> list[object]:
    return list(table.rows_model.keys())


def _as(ctx: AppContext, name: str) -> None:
    """Another staff member at the keyboard (the operator of the status bar)."""
    ctx.db.actor = name


def _number(ctx: AppContext, application_id: str) -> str:
    return queries.application_detail(ctx.db, application_id).row.number


def _status(ctx: AppContext, application_id: str) -> str:
    return queries.application_detail(ctx.db, application_id).row.status


def test_account_income_application_to_paid_and_verify(qtbot: QtBot, ctx: AppContext) -> None:
    _staff(ctx)
    _as(ctx, HANDLER)
    page = _page(qtbot, ctx)

    # 概览 › 新增账户
    click(qtbot, page.overview_tab, "新增账户")
    account = opened(AccountDialog)
    _refused(qtbot, account)  # no name
    assert account.form.error_text("account_name") == "必须填写"
    type_into(qtbot, account.name, "测试专户")
    account_id = str(_save(qtbot, account))
    _wait(ctx)
    qtbot.waitUntil(lambda: account_id in _keys(page.overview_tab.table), timeout=5000)
    qtbot.waitUntil(lambda: page.overview_tab.table.current_key() == account_id, timeout=5000)

    # 台账 › 登记收入: a refused amount keeps what was typed, then ¥10,000 of 财政拨款
    _tab(qtbot, page.tabs, "台账")
    _wait(ctx)
    entries = len(page.ledger_tab.list.ids())
    click(qtbot, page.ledger_tab, "登记收入")
    qtbot.waitUntil(lambda: page.findChild(IncomeDialog) is not None, timeout=5000)
    income = opened(IncomeDialog)
    pick(qtbot, income.account, "测试专户")
    type_into(qtbot, income.amount, "12.345")
    type_into(qtbot, income.voucher, "记-001")
    _refused(qtbot, income)
    assert income.form.error_text("amount")
    assert income.voucher.text() == "记-001" and income.isVisible()
    income.amount.selectAll()
    type_into(qtbot, income.amount, "10000")
    entry_id = str(_save(qtbot, income))
    _wait(ctx)
    qtbot.waitUntil(lambda: len(page.ledger_tab.list.ids()) == entries + 1, timeout=5000)
    qtbot.waitUntil(lambda: page.ledger_tab.list.current_id() == entry_id, timeout=5000)
    balances = {a.id: a.balance for a in screens.account_lines(ctx.db)}
    assert balances[account_id] == 1_000_000

    # 申请 › 新建申请, dated a month ago so that the 公示 has ended by today
    _tab(qtbot, page.tabs, "申请")
    click(qtbot, page.applications_tab, "新建申请")
    qtbot.waitUntil(lambda: page.findChild(ApplicationDialog) is not None, timeout=5000)
    apply = opened(ApplicationDialog)
    type_into(qtbot, apply.who.text, _newcomer(ctx))
    pick(qtbot, apply.account, "测试专户")
    qtbot.waitUntil(lambda: apply.who.matches.count() > 0, timeout=5000)
    _wait(ctx)
    type_into(qtbot, apply.amount, "800")
    type_into(qtbot, apply.reason, "因病住院，家庭困难")
    apply.applied_on.edit.clear()
    type_into(qtbot, apply.applied_on.edit, (clock.today() - timedelta(days=30)).isoformat())
    application_id = str(_save(qtbot, apply))
    assert account_id and _status(ctx, application_id) == "applied"
    _wait(ctx)  # the new application is selected (the next button acts on it)
    tab = page.applications_tab
    qtbot.waitUntil(lambda: (r := tab.current()) is not None and r.id == application_id)

    # 初审 by the operator, who is no 审核人: refused in Chinese, nothing lost
    _select_application(qtbot, page, application_id)
    click(qtbot, page.applications_tab, "初审")
    review = opened(StepDialog)
    type_into(qtbot, review.opinion, "情况属实")
    _refused(qtbot, review)
    assert "没有“审核人”的基金角色" in review.message.text()
    assert review.opinion.toPlainText() == "情况属实" and review.isVisible()
    assert _status(ctx, application_id) == "applied"
    review.edited = False
    review.reject()

    # a 审核人 at the keyboard for 初审, another for 审核; each dialog names the application,
    # the amount and who acts in which role
    for step, who in (("初审", REVIEWER), ("审核", APPROVER)):
        _as(ctx, who)
        _select_application(qtbot, page, application_id)
        click(qtbot, page.applications_tab, step)
        dialog = opened(StepDialog)
        assert "¥800.00" in _why(dialog) and f"{who}（当前操作员），以审核人身份" in _why(dialog)
        dialog.on.edit.clear()
        type_into(qtbot, dialog.on.edit, (clock.today() - timedelta(days=25)).isoformat())
        type_into(qtbot, dialog.opinion, "同意")
        _save(qtbot, dialog)
    assert _status(ctx, application_id) == "approved"

    # 公示 by the 经办人, from 20 days ago: it has ended by now
    _as(ctx, HANDLER)
    _select_application(qtbot, page, application_id)
    click(qtbot, page.applications_tab, "公示")
    qtbot.waitUntil(lambda: page.findChild(NoticeDialog) is not None, timeout=5000)
    notice = opened(NoticeDialog)
    assert checked_data(notice.listed) == (application_id,)  # the selected one ticked
    notice.starts_on.edit.clear()
    type_into(qtbot, notice.starts_on.edit, (clock.today() - timedelta(days=20)).isoformat())
    _refused(qtbot, notice)  # backdated: the 补录原因 is asked for, beside its field
    assert notice.form.error_text("fund_notice_late_reason")
    type_into(qtbot, notice.late_reason, "纸质公示已于当日张贴，今日补录")
    type_into(qtbot, notice.phone, "010-65123456")
    assert "经办人" in _why(notice)  # who issues it
    notice_id = str(_save(qtbot, notice))
    assert _status(ctx, application_id) == "on_notice"
    _wait(ctx)  # the 公示 tab selects the new notice
    qtbot.waitUntil(lambda: page.notices_tab.table.current_key() == notice_id, timeout=5000)

    # 发放 by the 出纳, checked by the 会计
    _as(ctx, REVIEWER)
    _select_application(qtbot, page, application_id)
    click(qtbot, page.applications_tab, "发放")
    qtbot.waitUntil(lambda: page.findChild(PayDialog) is not None, timeout=5000)
    pay = opened(PayDialog)
    assert pay.amount.text() == "800"
    said = _why(pay)
    assert f"{_number(ctx, application_id)} " in said and "¥800.00" in said
    assert f"{REVIEWER}（当前操作员），以出纳身份" in said
    pick(qtbot, pay.checked_by, "张秘书（经办人、会计）")
    _save(qtbot, pay)
    assert _status(ctx, application_id) == "paid"
    _wait(ctx)
    shown = page.applications_tab.table.rows_model
    qtbot.waitUntil(
        lambda: shown.text(shown.keys().index(application_id), 8) == "已发放", timeout=5000
    )

    # 台账 › 校验台账
    _tab(qtbot, page.tabs, "台账")
    _wait(ctx)
    qtbot.waitUntil(lambda: len(page.ledger_tab.list.ids()) == entries + 2, timeout=5000)
    click(qtbot, page.ledger_tab, "校验台账")
    _wait(ctx)
    qtbot.waitUntil(lambda: "台账完整" in page.ledger_tab.verification.text(), timeout=5000)
    assert f"{entries + 2:,}" in page.ledger_tab.verification.text()

    # a change of the ledger clears the result (it was of the ledger before)
    _as(ctx, HANDLER)
    click(qtbot, page.ledger_tab, "登记收入")
    qtbot.waitUntil(lambda: _visible(IncomeDialog) is not None, timeout=5000)
    more = opened(IncomeDialog)
    pick(qtbot, more.account, "测试专户")
    type_into(qtbot, more.amount, "1")
    _save(qtbot, more)
    qtbot.waitUntil(lambda: page.ledger_tab.verification.isHidden(), timeout=5000)
    assert page.ledger_tab.verification.text() == ""


def test_staff_register_gives_fund_roles(qtbot: QtBot, ctx: AppContext) -> None:
    """网格与单位 › 工作人员 › 新增: the 基金角色 ticked with the keyboard are saved."""
    page = ReferencePage(ctx)
    qtbot.addWidget(page)
    page.show()
    _wait(ctx)
    _tab(qtbot, page, "工作人员")
    tab = page.tabs["staff"]
    _wait(ctx)
    click(qtbot, tab, "新增")
    dialog = opened(RecordDialog)
    name, roles = dialog.widgets["name"], dialog.widgets["fund_roles"]
    assert isinstance(name, QLineEdit) and isinstance(roles, CheckRow)
    assert [box.text() for box in roles.boxes.values()] == ["经办人", "审核人", "会计", "出纳"]
    type_into(qtbot, name, "孙出纳")
    tick(qtbot, roles.boxes["cashier"])
    resident = dialog.widgets["resident_id"]  # the staff member as a resident: 本人住户回避
    assert isinstance(resident, ResidentChooser)
    person = _newcomer(ctx)
    type_into(qtbot, resident.text, person)
    qtbot.waitUntil(lambda: resident.matches.count() == 1, timeout=5000)
    _save(qtbot, dialog)
    staff_id = registry.staff_named(ctx.db, "孙出纳")
    saved = next(s for s in registry.list_staff(ctx.db) if s.id == staff_id)
    assert saved.fund_roles == ("cashier",)
    assert saved.resident_id == resident.value()
    shown = tab.table.rows_model
    qtbot.waitUntil(lambda: staff_id in [getattr(k, "id", None) for k in _keys(tab.table)])
    row = next(n for n in range(shown.rowCount()) if shown.text(n, 0) == "孙出纳")
    assert shown.text(row, 4) == "出纳"


def test_reversal_and_a_refused_period_close(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    """冲正 an income entry from the 台账 (the ledger stays intact); 结账 of a period that has not
    ended is refused in Chinese and the dialog keeps the period typed."""
    staff = _staff(ctx)
    _as(ctx, HANDLER)
    account = save_account(ctx.db, AccountInput("冲正测试账户", "special"))
    ledger.add_income(
        ctx.db,
        IncomeInput(account, "fiscal", "500", clock.today(), staff[HANDLER], voucher_no="记-9"),
    )
    page = _page(qtbot, ctx)
    _tab(qtbot, page.tabs, "台账")
    tab = page.ledger_tab
    _wait(ctx)
    type_into(qtbot, tab.list.search, "记-9")
    qtbot.waitUntil(lambda: len(tab.list.ids()) == 1, timeout=5000)
    _wait(ctx)
    click_row(qtbot, tab.list.table, 0)
    qtbot.waitUntil(lambda: tab.current() is not None, timeout=5000)
    click(qtbot, tab, "冲正")
    reverse = opened(ReverseDialog)
    type_into(qtbot, reverse.reason, "重复记账")
    assert "冲正不能撤销" in _why(reverse) and "¥500.00" in _why(reverse)
    _save(qtbot, reverse)
    assert any("不能撤销" in q for q in no_questions)  # asked once more before it is done
    balances = {a.id: a.balance for a in screens.account_lines(ctx.db)}
    assert balances[account] == 0
    assert ledger.verify(ctx.db).ok

    click(qtbot, tab, "结账")
    close = opened(ClosePeriodDialog)
    close.period.selectAll()
    running = f"{clock.today().year}Q{(clock.today().month - 1) // 3 + 1}"
    type_into(qtbot, close.period, running)
    _refused(qtbot, close)
    assert "结束后才能结账" in close.message.text()
    assert close.period.text() == running and close.isVisible()


def test_workbench_fund_cards_open_the_page_filtered(qtbot: QtBot, ctx: AppContext) -> None:
    """The 工作台's 基金 cards count for the operator and open the 申请 tab filtered (待我办理,
    待发放) or the 公示 tab."""
    _staff(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    _wait(ctx)
    cards = window.dashboard.cards
    mine = queries.waiting_on(ctx.db, str(registry.staff_named(ctx.db, HANDLER)))
    qtbot.waitUntil(lambda: cards["fund_waiting"].value.text() == str(len(mine)), timeout=5000)
    assert cards["fund_payments_due"].value.text() == str(len(queries.payments_due(ctx.db)))
    for key, shown in (("fund_waiting", "待我办理"), ("fund_payments_due", "待发放")):
        window.show_page("dashboard")
        qtbot.mouseClick(cards[key], Qt.MouseButton.LeftButton)
        _wait(ctx)
        page = window.page("fund")
        assert isinstance(page, FundPage)
        assert window.stack.currentWidget() is page
        assert page.tabs.currentWidget().isAncestorOf(page.applications_tab)
        assert page.applications_tab.status.currentText() == shown
    window.show_page("dashboard")
    qtbot.mouseClick(cards["fund_notices_ending"], Qt.MouseButton.LeftButton)
    _wait(ctx)
    page = window.page("fund")
    assert isinstance(page, FundPage)
    assert page.tabs.currentWidget().isAncestorOf(page.notices_tab)


def test_printing_the_approval_form_opens_the_preview(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    _tab(qtbot, page.tabs, "申请")
    _wait(ctx)
    tab = page.applications_tab
    if not tab.rows:
        return  # a demo without fund data (the demo's fund part is another engineer's)
    click_row(qtbot, tab.table, 0)
    qtbot.waitUntil(lambda: tab.current() is not None, timeout=5000)
    click(qtbot, tab, "打印审批表")
    _wait(ctx)
    qtbot.waitUntil(lambda: _preview() is not None, timeout=10000)
    preview = _preview()
    assert preview is not None and preview.document.pageCount() >= 1
    preview.close()


def _visible(kind: type[SaveDialog]) -> SaveDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return shown[-1] if shown else None


def _preview() -> PreviewWindow | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow)]
    return next((w for w in shown if w.isVisible()), None)


def test_an_operator_not_on_the_staff_list_is_told_so(qtbot: QtBot, ctx: AppContext) -> None:
    _as(ctx, "临时操作员")
    page = _page(qtbot, ctx)
    click(qtbot, page.overview_tab, "新增账户")
    account = opened(AccountDialog)
    type_into(qtbot, account.name, "操作员测试账户")
    account_id = str(_save(qtbot, account))  # accounts are no step of anyone's
    _tab(qtbot, page.tabs, "台账")
    click(qtbot, page.ledger_tab, "登记收入")
    qtbot.waitUntil(lambda: page.findChild(IncomeDialog) is not None, timeout=5000)
    income = opened(IncomeDialog)
    pick(qtbot, income.account, "操作员测试账户")
    type_into(qtbot, income.amount, "100")
    _refused(qtbot, income)
    assert "“临时操作员”不在工作人员名单中" in income.message.text()
    assert income.amount.text() == "100" and income.isVisible()
    assert {a.id: a.entries for a in screens.account_lines(ctx.db)}[account_id] == 0
