"""Records a secretary can trust and correct, on screen: the wish's 人群类别 fills as soon as
the beneficiary is found; a draft meeting is corrected and cancelled with the page's buttons
(refused once final); the minutes editor saved twice keeps its resolution's number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.cases import queries as case_queries
from redoffice.cases.queries import CaseFilter
from redoffice.kit import clock
from redoffice.kit.db import open_database
from redoffice.meetings import minutes as meeting_minutes
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import ItemInput, MeetingInput, Minutes, ResolutionInput
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.models import Case
from redoffice.registry import residents, search
from redoffice.registry.residents import TagInput
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from redoffice.settings import community
from redoffice.ui.cases.case_dialogs import CaseStepDialog
from redoffice.ui.cases.cases_page import CasesPage
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.history_dialog import HistoryDialog
from redoffice.ui.meetings.meeting_changes import CancelMeetingDialog, CorrectMeetingDialog
from redoffice.ui.meetings.meetings_page import MeetingsPage
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.settings.setup_dialog import SetupDialog
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.wishes.wish_dialogs import WishDialog
from redoffice.ui.wishes.wishes_page import WishesPage
from redoffice.visits import service as visits
from redoffice.wishes import queries as wish_queries
from tests.factories import add_resident
from tests.ui.driver import button, click, click_row, opened, pick, type_into

TODAY = clock.today()


# -- 微心愿: the group list fills when the beneficiary is found ------------------------------


def test_the_group_list_fills_as_soon_as_the_beneficiary_is_found(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tags = (TagInput("living_alone", TODAY - timedelta(days=400)),)
    add_resident(
        ctx.db, "钱奶奶", born=date(1939, 6, 1), gender="female", phone="13977123456", tags=tags
    )
    page = WishesPage(ctx)
    qtbot.addWidget(page)
    dialog = WishDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.who.text, "13977123456")
    qtbot.waitUntil(lambda: dialog.group.currentText() == "独居老人", timeout=5000)
    assert dialog.who.matches.currentText().startswith("钱奶奶")
    type_into(qtbot, dialog.text, "上门理发")
    type_into(qtbot, dialog.value, "30")
    qtbot.mouseClick(dialog.consent, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    row = wish_queries.get_wishes(ctx.db, [str(saved.args[0])])[0]
    assert (row.beneficiary_name, row.wish, row.group) == ("钱奶奶", "上门理发", "独居老人")


# -- meetings: correct and cancel a draft; refused once final ------------------------------


def _meeting(ctx: AppContext, day: date) -> tuple[str, str]:
    estate = meeting_queries.meeting_choices(ctx.db).estates[0][1]
    data = MeetingInput("三方联席会议", "停车问题专题会", day, (estate,), place="社区会议室")
    meeting_id = meetings.create_meeting(ctx.db, data)
    return meeting_id, meeting_queries.get_meeting(ctx.db, meeting_id).number


def _page(qtbot: QtBot, ctx: AppContext, meeting_id: str) -> MeetingsPage:
    """The meetings page with the meeting ``meeting_id`` clicked."""
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: meeting_id in page.meetings.ids(), timeout=5000)
    click_row(qtbot, page.meetings.table, page.meetings.ids().index(meeting_id))
    qtbot.waitUntil(lambda: page.current_meeting() is not None, timeout=5000)
    assert ctx.tasks.wait_idle()  # the buttons follow the row once it has arrived
    return page


def _status_shown(page: MeetingsPage, number: str) -> str:
    """The 纪要 cell of the meeting numbered ``number`` (rows arrive from the worker)."""
    model = page.meetings.model
    for n in range(model.rowCount()):
        if model.data(model.index(n, 0)) == number:
            return str(model.data(model.index(n, 5)))
    return ""


def test_a_draft_meeting_is_corrected_then_cancelled(qtbot: QtBot, ctx: AppContext) -> None:
    meeting_id, number = _meeting(ctx, TODAY + timedelta(days=5))
    page = _page(qtbot, ctx, meeting_id)

    click(qtbot, page, "修改…")
    qtbot.waitUntil(lambda: page.findChild(CorrectMeetingDialog) is not None, timeout=5000)
    correct = opened(CorrectMeetingDialog)
    assert correct.title_edit.text() == "停车问题专题会" and not correct.cases.isVisible()
    correct.place.selectAll()
    type_into(qtbot, correct.place, "党群服务中心二楼")
    with qtbot.waitSignal(correct.saved, timeout=5000):
        click(qtbot, correct, "保存")
    assert meeting_queries.get_meeting(ctx.db, meeting_id).data.place == "党群服务中心二楼"

    click(qtbot, page, "取消会议…")
    qtbot.waitUntil(lambda: page.findChild(CancelMeetingDialog) is not None, timeout=5000)
    cancel = opened(CancelMeetingDialog)
    with qtbot.waitSignal(cancel.failed, timeout=5000):
        click(qtbot, cancel, "保存")  # no reason given
    assert cancel.form.error_text("cancel_reason") == "必须填写" and cancel.isVisible()
    type_into(qtbot, cancel.reason, "业委会换届，延期召开")
    with qtbot.waitSignal(cancel.saved, timeout=5000):
        click(qtbot, cancel, "保存")
    qtbot.waitUntil(lambda: _status_shown(page, number) == "已取消", timeout=5000)


def test_a_final_meeting_is_neither_corrected_nor_cancelled(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, number = _meeting(ctx, TODAY - timedelta(days=1))
    decided = ResolutionInput("物业一周内清理", "property", TODAY + timedelta(days=7))
    minutes = Minutes(items=(ItemInput("楼道堆物", resolutions=(decided,)),))
    meeting_minutes.save_minutes(ctx.db, meeting_id, minutes)
    page = _page(qtbot, ctx, meeting_id)
    correct, cancel = button(page, "修改…"), button(page, "取消会议…")
    assert correct.isEnabled() and cancel.isEnabled()
    meeting_minutes.finalize(ctx.db, meeting_id)  # meanwhile, on another computer
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.meetings.meeting_changes.report",
        lambda _parent, error: shown.append(error.text),
    )
    for text in ("修改…", "取消会议…"):
        click(qtbot, page, text)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert set(shown) == {
        f"会议 {number} 的纪要已定稿，会议不能再修改或取消（纪要可填写修订原因后修改）"
    }
    assert page.findChild(CorrectMeetingDialog) is None
    assert page.findChild(CancelMeetingDialog) is None
    page.reload_meetings()  # once the list shows it final, the two buttons no longer apply
    qtbot.waitUntil(lambda: not correct.isEnabled() and not cancel.isEnabled(), timeout=5000)


def test_the_minutes_saved_twice_keep_their_resolution_number(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    meeting_id, number = _meeting(ctx, TODAY - timedelta(days=1))
    editor = MinutesEditor(ctx, meeting_queries.get_meeting(ctx.db, meeting_id))
    qtbot.addWidget(editor)
    editor.show()
    click(qtbot, editor, "新增议题")
    type_into(qtbot, editor.item_title, "楼道堆物")
    click(qtbot, editor, "添加议定事项")
    type_into(qtbot, editor.resolutions.cellWidget(0, 0), "物业一周内清理")
    deadline = editor.resolutions.cellWidget(0, 4)
    assert isinstance(deadline, DateField)
    type_into(qtbot, deadline.edit, (TODAY + timedelta(days=7)).strftime("%Y.%m.%d"))
    qtbot.keyClick(deadline.edit, Qt.Key.Key_Tab)
    assert deadline.value() == TODAY + timedelta(days=7)
    for _ in range(2):
        with qtbot.waitSignal(ctx.changed, timeout=5000):
            click(qtbot, editor, "保存")
        ctx.tasks.wait_idle(5)
    found = resolutions.list_resolutions(ctx.db, ResolutionFilter(meeting_id=meeting_id))
    assert [(r.number, r.text) for r in found] == [(f"{number}-01", "物业一周内清理")]
    stored = meeting_queries.get_meeting(ctx.db, meeting_id).minutes.items
    assert [i.id for i in editor.items] == [i.id for i in stored]  # updated, not added anew
    assert editor.resolutions.ids == [found[0].id]


# -- 入户走访: an issue is raised by the household's person, not 匿名 --------------------------


def test_an_issue_found_on_a_visit_is_raised_by_the_household(
    qtbot: QtBot, ctx: AppContext
) -> None:
    household = next(
        h
        for h in search.household_rows(ctx.db, search.household_ids(ctx.db, HouseholdQuery()))
        if len(search.household_members(ctx.db, h.id)) >= 2
    )
    head, *others = visits.household_people(ctx.db, household.id)
    assert "（户主）" in head[0] or not any("（户主）" in p[0] for p in others)
    dialog = VisitDialog(ctx, visits.entry_choices(ctx.db), (household.id, household.address))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.visitors.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.purpose_boxes[0], Qt.MouseButton.LeftButton)
    for text in ("门禁损坏", "楼道堆物"):
        click(qtbot, dialog, "添加问题")
        row = dialog.issue_table.rowCount() - 1
        type_into(qtbot, dialog.issue_table.cellWidget(row, 2), text)
    first, second = (dialog.issue_table.cellWidget(n, 3) for n in range(2))
    assert isinstance(first, QComboBox) and isinstance(second, QComboBox)
    qtbot.waitUntil(lambda: first.currentText() == head[0], timeout=5000)
    pick(qtbot, second, others[0][0])
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    with ctx.db.read() as s:
        raised = dict(
            s.execute(
                select(Case.description, Case.reporter_resident_id).where(
                    Case.visit_id == str(saved.args[0])
                )
            ).all()
        )
    assert raised == {"门禁损坏": head[1], "楼道堆物": others[0][1]}


# -- 民情诉求: 已办结 needs a 说明 -------------------------------------------------------------


def test_resolving_a_request_needs_a_note(qtbot: QtBot, ctx: AppContext) -> None:
    case = case_queries.list_cases(ctx.db, CaseFilter(status="in_progress"))[0]
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    type_into(qtbot, page.list.search, case.number)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=5000)
    click_row(qtbot, page.list.table, 0)
    qtbot.waitUntil(lambda: button(page, "办理下一步").isEnabled(), timeout=5000)
    assert page.list.current_id() == case.id
    click(qtbot, page, "办理下一步")
    dialog = opened(CaseStepDialog)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert dialog.form.error_text("note") == "办结须填写说明：问题是怎样解决的"
    assert dialog.isVisible() and case_queries.case_rows(ctx.db, [case.id])[0].status == "办理中"
    type_into(qtbot, dialog.text, "物业已更换路灯")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert case_queries.case_rows(ctx.db, [case.id])[0].status == "已办结"


# -- 变更记录: in Chinese, masked, names instead of ids -------------------------------------


def test_the_change_history_reads_in_chinese(qtbot: QtBot, ctx: AppContext) -> None:
    rid = add_resident(
        ctx.db, "周晓梅", born=date(1985, 3, 9), gender="female", phone="13655512345"
    )
    data = residents.get_resident(ctx.db, rid).data
    household = search.resident_rows(ctx.db, search.resident_ids(ctx.db, ResidentQuery(), 1))[0]
    residents.save_resident(
        ctx.db, replace(data, household_id=household.household_id, relation="1"), rid
    )
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    type_into(qtbot, page.list.search, "13655512345")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=5000)
    click_row(qtbot, page.list.table, 0)
    qtbot.waitUntil(lambda: page.history_button.isEnabled(), timeout=5000)
    click(qtbot, page, "变更记录")
    dialog = opened(HistoryDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    created, moved = (dialog.table.text(n, 3) for n in range(2))
    assert [dialog.table.text(n, 2) for n in range(2)] == ["新增", "修改"]
    assert "性别：女" in created and "政治面貌：群众" in created
    assert "联系电话：136****2345" in created
    assert "female" not in created and "search_name" not in created and "13655512345" not in created
    assert f"所属户：— → {household.address}" in moved
    assert "与户主关系：其他 → 配偶" in moved


# -- first start: the codes checked and explained; 取消 closes the program ------------------


def test_first_start_checks_and_explains_the_codes(
    qtbot: QtBot, tmp_path: Path, no_questions: list[str]
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    ctx = AppContext(db)
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.identity_form
    hints = [w.text() for w in form.findChildren(QLabel) if w.objectName() == "hint"]
    assert any("12位" in h for h in hints) and any("前9位" in h for h in hints)
    type_into(qtbot, form.community_name, "幸福社区")
    type_into(qtbot, form.community_code, "420106001")  # the 9-digit code used to be taken
    type_into(qtbot, form.street_name, "中南路街道")
    type_into(qtbot, form.operator, "张秘书")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert form.error_text("community_code") == "应为12位数字的统计用区划代码，“420106001”不是"
    assert not community.is_initialized(db)
    type_into(qtbot, form.community_code, "001")
    assert form.street_code.text() == "420106001"  # the street code follows the community's
    form.street_code.selectAll()
    type_into(qtbot, form.street_code, "420106002")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert form.error_text("street_code") == "街道代码应为社区代码的前9位（420106001）"
    form.street_code.selectAll()
    type_into(qtbot, form.street_code, "420106001")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert community.identity(db).community_code == "420106001001"
    ctx.tasks.shutdown()
    db.close()


def test_cancelling_the_first_start_says_the_program_closes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    ctx = AppContext(db)
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("redoffice.ui.kit.ask.risky", confirm)
    click(qtbot, dialog, "取消并退出")
    assert dialog.isVisible()  # "no": the dialog stays
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == SetupDialog.DialogCode.Rejected
    assert len(asked) == 2 and all("关闭程序" in q for q in asked)
    assert not community.is_initialized(db)
    ctx.tasks.shutdown()
    db.close()
