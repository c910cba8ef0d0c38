"""The street's 审批与通知 page and a community's 街道通知 (issue 15), with real clicks and typing:
the street approves an application awaiting it (with an opinion; 驳回 without one is refused in
place), answers an escalated case, sends a notice to one community; the receipt carries them; the
community sees the notice and records 完成."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.cases import service as cases
from redoffice.kit import clock
from redoffice.kit.money import yuan
from redoffice.models import Case, FundApplication, StreetDecision, StreetNotice, StreetReply
from redoffice.settings.calendar import SHANGHAI
from redoffice.street import notices
from redoffice.sync import acks, keys, packages
from redoffice.ui.kit import ui_state
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.street.orders_inbox import NoticeDoneDialog, NoticesInbox
from redoffice.ui.street.orders_page import (
    DecisionDialog,
    OrdersPage,
    ReceiptDialog,
    ReplyDialog,
    StreetNoticeDialog,
)
from redoffice.ui.sync.transfer_tab import LAST_FOLDER
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities
from tests.ui.driver import click, click_row, opened, tick, type_into


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _context(db: object) -> AppContext:
    return AppContext(db)  # type: ignore[arg-type]


def _save(qtbot: QtBot, dialog: object, ctx: AppContext) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)  # type: ignore[attr-defined]
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert ctx.tasks.wait_idle(30)


def _show_tab(qtbot: QtBot, page: OrdersPage, tab: QWidget) -> None:
    """Click ``tab``'s title in the page's tab bar."""
    bar = page.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(tab)).center()
    )
    assert page.tabs.currentWidget() is tab


def _row_of(table: object, column: int, text: str) -> int:
    rows = [table.text(r, column) for r in range(table.rowCount())]  # type: ignore[attr-defined]
    assert text in rows, rows
    return rows.index(text)


def test_the_street_decides_answers_and_notifies_and_the_community_completes(
    qtbot: QtBot, town: StreetTown
) -> None:
    first = town.communities[0]
    c = town.open(first)
    with c.read() as cs:
        case, closed = (
            cs.scalars(
                select(Case.id).where(Case.deleted.is_(False), chosen).order_by(Case.number)
            ).first()
            for chosen in (Case.status.in_(cases.OPEN), Case.status.not_in(cases.OPEN))
        )
    assert case is not None and closed is not None
    cases.escalate(c, case, "需街道协调")
    cases.escalate(c, closed, "已办结的也转过")
    sent = packages.export_package(c, town.usb)
    assert packages.import_package(town.street, town.usb / sent.file).status == "applied"
    ctx = _context(town.street)
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    try:
        assert ctx.tasks.wait_idle(30)
        table = page.approvals.table
        with town.street.read() as ss:
            app = ss.scalars(
                select(FundApplication).where(
                    FundApplication.owner_node == first.node_id,
                    FundApplication.status == "pending_higher",
                )
            ).first()
        assert app is not None
        waiting = table.rowCount()
        # 驳回 without an opinion: refused next to the field, nothing written
        click_row(qtbot, table, _row_of_app(table, first.name, app.number))
        chosen = table.current_key()
        facts = page.approvals.detail.toPlainText().splitlines()
        assert facts[0] == f"申请金额：{yuan(app.amount_asked)} 元"
        assert facts[-1] == f"申请事由：{app.reason}"
        assert "困难类型：" in facts[3] and "人均月收入：" in facts[5]
        click(qtbot, page.approvals, "驳回…")
        dialog = opened(DecisionDialog)
        assert dialog.facts.text().endswith("\n".join(facts))
        _save(qtbot, dialog, ctx)
        assert dialog.isVisible() and dialog.form.error_text("street_opinion") == "必须填写"
        dialog.edited = False
        dialog.reject()
        click(qtbot, page.approvals, "批准…")
        dialog = opened(DecisionDialog)
        type_into(qtbot, dialog.opinion, "同意救助")
        _save(qtbot, dialog, ctx)
        assert not dialog.isVisible()
        assert table.rowCount() == waiting - 1
        with town.street.read() as ss:
            decision = ss.scalars(
                select(StreetDecision).where(StreetDecision.application_id == chosen)
            ).one()
            assert (decision.outcome, decision.opinion) == ("approve", "同意救助")

        _show_tab(qtbot, page, page.replies)
        assert ctx.tasks.wait_idle(30)
        replies = page.replies.table
        with c.read() as cs:
            shown, hidden = cs.get(Case, case), cs.get(Case, closed)
        assert shown is not None and hidden is not None
        assert page.replies.open_only.isChecked()
        assert [replies.text(r, 1) for r in range(replies.rowCount())] == [shown.number]
        tick(qtbot, page.replies.open_only)  # 只看未办结 off: the closed case too, marked
        row = _row_of(replies, 1, hidden.number)
        assert replies.text(row, 4) == f"{cases.STATUSES[hidden.status]}（社区已办结）"
        assert replies.text(row, 6) == hidden.description
        tick(qtbot, page.replies.open_only)
        row = _row_of(replies, 1, shown.number)
        assert replies.text(row, 4) == cases.STATUSES[shown.status]
        click_row(qtbot, replies, row)
        assert page.replies.detail.toPlainText().startswith(f"诉求内容：{shown.description}")
        click(qtbot, page.replies, "答复…")
        dialog = opened(ReplyDialog)
        type_into(qtbot, dialog.department, "城管科")
        type_into(qtbot, dialog.text, "已联系供电所")
        _save(qtbot, dialog, ctx)
        with town.street.read() as ss:
            assert ss.scalars(select(StreetReply.department)).all() == ["城管科"]

        _show_tab(qtbot, page, page.notices)
        assert ctx.tasks.wait_idle(30)
        click(qtbot, page.notices, "新建通知…")
        dialog = opened(StreetNoticeDialog)
        type_into(qtbot, dialog.title, "报送走访台账")
        type_into(qtbot, dialog.due.edit, (clock.today() + timedelta(days=7)).isoformat())
        tick(qtbot, dialog.to_all)  # not to all: to the community ticked
        click_row(qtbot, dialog.chosen, _list_row(dialog.chosen, first.name))
        qtbot.keyClick(dialog.chosen, " ")
        _save(qtbot, dialog, ctx)
        assert not dialog.isVisible()
        with town.street.read() as ss:
            assert ss.scalars(select(StreetNotice.recipients)).all() == [first.node_id]
        notices_table = page.notices.table
        assert notices_table.rowCount() == 1 and notices_table.text(0, 4) == first.name
        receipt = _send_receipt(qtbot, page, ctx, town, first.name)
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()

    assert acks.import_ack(c, receipt).street_new == 3
    community = _context(c)
    inbox = NoticesInbox(community)
    qtbot.addWidget(inbox)
    inbox.show()
    try:
        assert community.tasks.wait_idle(30)
        assert inbox.table.rowCount() == 1 and inbox.table.text(0, 1) == "报送走访台账"
        assert not inbox.done_button.isEnabled()  # nothing chosen yet
        click_row(qtbot, inbox.table, 0)
        click(qtbot, inbox, "完成…")
        dialog = opened(NoticeDoneDialog)
        type_into(qtbot, dialog.note, "已报送")
        _save(qtbot, dialog, community)
        assert inbox.table.text(0, 3) == f"已完成（{c.actor}）"
        assert inbox.table.text(0, 4) == "已报送"  # its own 完成情况
        assert not inbox.done_button.isEnabled()  # a completed notice: 完成… off
        click_row(qtbot, inbox.table, 0)
        assert not inbox.done_button.isEnabled()
        assert notices.received(c)[0].note == "已报送"
        _the_reply_is_in_the_case_s_timeline(qtbot, community, case, town.street.actor)
    finally:
        community.tasks.wait_idle(5)
        community.tasks.shutdown()


def _send_receipt(
    qtbot: QtBot, page: OrdersPage, ctx: AppContext, town: StreetTown, name: str
) -> Path:
    """发送回执… to the community ``name``, into the folder 数据同步 used last (town.usb):
    nothing ticked is refused in place; the receipt written is named on the page."""
    ui_state.save(LAST_FOLDER, str(town.usb))
    before = set(town.usb.glob(f"*{acks.SUFFIX}"))
    click(qtbot, page, "发送回执…")
    assert ctx.tasks.wait_idle(30)
    dialog = opened(ReceiptDialog)
    assert dialog.target.currentData() == str(town.usb)
    _save(qtbot, dialog, ctx)
    assert dialog.isVisible() and dialog.message.text() == "请勾选要发回执的社区"
    click_row(qtbot, dialog.chosen, _list_row(dialog.chosen, name))
    qtbot.keyClick(dialog.chosen, " ")
    _save(qtbot, dialog, ctx)
    assert not dialog.isVisible()
    (made,) = set(town.usb.glob(f"*{acks.SUFFIX}")) - before
    assert page.receipt_result.text() == f"已生成回执：{made.name}（请交给社区导入）"
    return made


def test_the_street_reads_who_completed_a_notice_when_and_how(
    qtbot: QtBot, town: StreetTown
) -> None:
    """通知和任务: each notice listed once, with how many of its communities completed it;
    choosing one shows each community's 完成 (who, when, the note)."""
    first = town.communities[0]
    c = town.open(first)
    due = clock.today() + timedelta(days=3)
    notices.issue(town.street, None, "防汛检查", due)
    notices.issue(town.street, [town.communities[1].node_id], "报送台账", due)
    receipt = acks.write_receipt(town.street, keys.load_keys(town.street), first.node_id, town.usb)
    acks.import_ack(c, receipt)
    notices.complete(c, notices.received(c)[0].id, "已检查 12 处")
    sent = packages.export_package(c, town.usb)
    assert packages.import_package(town.street, town.usb / sent.file).status == "applied"
    ctx = _context(town.street)
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    try:
        _show_tab(qtbot, page, page.notices)
        assert ctx.tasks.wait_idle(30)
        table = page.notices.table
        rows = sorted((table.text(r, 1), table.text(r, 3)) for r in range(table.rowCount()))
        assert rows == [("报送台账", "0/1"), ("防汛检查", "1/3")]  # each once, done of sent to
        assert page.notices.detail.toPlainText() == ""
        qtbot.mouseDClick(
            page.notices.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(table.model().index(_row_of(table, 1, "防汛检查"), 1)).center(),
        )
        (done,) = next(p for p in notices.progress(town.street) if p.completions).completions
        lines = page.notices.detail.toPlainText().splitlines()
        when = done.done_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        assert lines[0] == f"{first.name} · {c.actor} · {when} 完成 · 已检查 12 处"
        others = "、".join(x.name for x in town.communities[1:])
        assert lines[1:] == [f"未完成：{others}"]
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()


def _row_of_app(table: object, community: str, number: str) -> int:
    rows = [(table.text(r, 0), table.text(r, 1)) for r in range(table.rowCount())]  # type: ignore[attr-defined]
    return rows.index((community, number))


def _list_row(widget: object, text: str) -> int:
    rows = [widget.item(r).text() for r in range(widget.count())]  # type: ignore[attr-defined]
    return rows.index(text)


def _the_reply_is_in_the_case_s_timeline(
    qtbot: QtBot, ctx: AppContext, case: str, street_clerk: str
) -> None:
    """民情诉求 at the community: the case chosen, its timeline ends with the street's answer."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle(30)
    rect = window.nav.visualItemRect(window.nav.item(list(window.pages).index("cases")))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctx.tasks.wait_idle(30)
    page = window.cases
    with ctx.db.read() as s:
        number = s.get(Case, case).number  # type: ignore[union-attr]
    type_into(qtbot, page.list.search, number)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    assert ctx.tasks.wait_idle(30)
    click_row(qtbot, page.list.table, 0)
    assert ctx.tasks.wait_idle(30)
    last = page.timeline.rowCount() - 1
    assert page.timeline.text(last, 1) == f"街道办·{street_clerk}"
    assert page.timeline.text(last, 4) == "街道答复（承办部门：城管科）：已联系供电所"
