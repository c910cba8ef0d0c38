"""Meetings on screen: a meeting from two cases, a resolution recorded in the minutes editor,
the preview of the minutes, completing a resolution that closes its case, and the autosaved
draft surviving a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.cases import queries as case_queries
from redoffice.cases.queries import CaseFilter
from redoffice.kit import clock
from redoffice.kit.db import open_database
from redoffice.meetings import drafts as meeting_drafts
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import MeetingInput
from redoffice.models import Case, Household
from redoffice.ui.kit.check_list import checked_data
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meeting_dialog import MeetingDialog
from redoffice.ui.meetings.meetings_page import CompleteDialog, MeetingsPage
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from tests.ui.driver import click, click_row, opened, type_into


def _open_cases(ctx: AppContext) -> list[str]:
    rows = case_queries.list_cases(ctx.db, CaseFilter(status="accepted"))
    rows += case_queries.list_cases(ctx.db, CaseFilter(status="in_progress"))
    return [r.id for r in rows[:2]]


def _tick(qtbot: QtBot, box: QListWidget, keys: set[str]) -> None:
    """Tick the entries carrying ``keys`` with the keyboard (arrow to it, Space)."""
    box.setFocus()
    for row in range(box.count()):
        if box.item(row).data(Qt.ItemDataRole.UserRole) in keys:
            box.setCurrentRow(row)
            qtbot.keyClick(box, Qt.Key.Key_Space)


def _show_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def _estates_of(ctx: AppContext, case_ids: list[str]) -> set[str]:
    """The 小区 of the cases' households."""
    query = (
        select(Household.estate_id)
        .join(Case, Case.household_id == Household.id)
        .where(Case.id.in_(case_ids))
    )
    with ctx.db.read() as s:
        return {e for e in s.scalars(query) if e is not None}


def _offered(dialog: MeetingDialog) -> set[str]:
    return {
        dialog.cases.item(n).data(Qt.ItemDataRole.UserRole) for n in range(dialog.cases.count())
    }


def _new_meeting(qtbot: QtBot, ctx: AppContext, page: MeetingsPage, cases: list[str]) -> str:
    click(qtbot, page, "新建会议")
    assert ctx.tasks.wait_idle()
    dialog = opened(MeetingDialog)
    _tick(qtbot, dialog.estates, _estates_of(ctx, cases))
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: set(cases) <= _offered(dialog), timeout=5000)
    _tick(qtbot, dialog.cases, set(cases))
    assert "三方联席会议" in dialog.title_edit.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    return str(saved.args[0])


def _click_meeting(qtbot: QtBot, page: MeetingsPage, meeting_id: str) -> None:
    """Click the meeting's row once the list shows it."""
    qtbot.waitUntil(lambda: meeting_id in page.meetings.ids(), timeout=5000)
    click_row(qtbot, page.meetings.table, page.meetings.ids().index(meeting_id))


def _write_minutes(qtbot: QtBot, ctx: AppContext, editor: MinutesEditor, deadline: date) -> None:
    """An attendee, the discussion of the request's item and one resolution, then 保存."""
    tabs = editor.findChild(QTabWidget)
    assert tabs is not None
    _show_tab(qtbot, tabs, "参会人员")
    click(qtbot, editor, "添加人员")
    name = editor.attendees.cellWidget(0, 1)
    assert isinstance(name, QLineEdit)
    type_into(qtbot, name, "王书记")
    _show_tab(qtbot, tabs, "议题与议定事项")
    click_row(qtbot, editor.item_list, [i.source for i in editor.items].index("case"))
    type_into(qtbot, editor.discussion, "物业同意一周内维修")
    click(qtbot, editor, "添加议定事项")
    text, deadline_field = editor.resolutions.cellWidget(0, 0), editor.resolutions.cellWidget(0, 4)
    assert isinstance(text, QLineEdit) and isinstance(deadline_field, DateField)
    type_into(qtbot, text, "一周内完成维修")
    type_into(qtbot, deadline_field.edit, deadline.strftime("%Y%m%d"))
    qtbot.keyClick(deadline_field.edit, Qt.Key.Key_Tab)
    click(qtbot, editor, "保存")
    assert ctx.tasks.wait_idle()


def test_the_agenda_requests_follow_the_ticked_estates(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    """新建会议 offers the open requests of the ticked 小区 (and those tied to no household),
    narrowed and widened as 小区 are ticked and unticked; a ticked request stays ticked while it
    is offered."""
    everything = meeting_queries.meeting_choices(ctx.db)
    dialog = MeetingDialog(ctx, everything)
    qtbot.addWidget(dialog)
    dialog.show()
    all_open = {case_id for _, case_id in everything.cases}
    assert _offered(dialog) == all_open
    first, second = (dialog.estates.item(n).data(Qt.ItemDataRole.UserRole) for n in (0, 1))

    def expected(*estates: str) -> set[str]:
        cases = select(Case.id, Case.household_id).where(Case.id.in_(all_open))
        in_estates = select(Household.id).where(Household.estate_id.in_(estates))
        with ctx.db.read() as s:
            homes = set(s.scalars(in_estates))
            return {c for c, h in s.execute(cases) if h is None or h in homes}

    def shown_after(keys: set[str], wanted: set[str]) -> None:
        _tick(qtbot, dialog.estates, keys)
        assert ctx.tasks.wait_idle()
        qtbot.waitUntil(lambda: _offered(dialog) == wanted, timeout=5000)

    only_first, only_second = expected(first), expected(second)
    assert only_first and only_first < all_open and only_second < all_open
    shown_after({first}, only_first)
    kept = next(iter(only_first - only_second))  # a request of the first 小区's households
    _tick(qtbot, dialog.cases, {kept})
    shown_after({second}, expected(first, second))
    assert checked_data(dialog.cases) == (kept,)  # still offered, so still ticked
    shown_after({first}, only_second)  # Space on a ticked 小区 unticks it
    assert checked_data(dialog.cases) == ()  # not offered any more: not put on the agenda
    shown_after({second}, all_open)
    dialog.reject()  # 取消: the ticks are dropped (the discard question answered yes)
    assert not dialog.isVisible() and no_questions


def test_meeting_from_two_cases_resolution_and_preview(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.errors.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    two = _open_cases(ctx)
    assert len(two) == 2
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("meetings")
    page = window.page("meetings")
    assert isinstance(page, MeetingsPage) and ctx.tasks.wait_idle()
    meeting_id = _new_meeting(qtbot, ctx, page, two)
    detail = meeting_queries.get_meeting(ctx.db, meeting_id)
    assert {i.case_id for i in detail.minutes.items if i.source == "case"} == set(two)

    _click_meeting(qtbot, page, meeting_id)
    click(qtbot, page, "会议纪要")
    assert ctx.tasks.wait_idle()
    editor = opened(MinutesEditor)
    _write_minutes(qtbot, ctx, editor, detail.data.meeting_date)
    assert editor.status.text() == "已保存。"
    assert not shown  # saving once showed a failure box while the status line said 已保存
    (resolution,) = resolutions.list_resolutions(
        ctx.db, resolutions.ResolutionFilter(meeting_id=meeting_id)
    )
    assert resolution.text == "一周内完成维修" and resolution.party == "物业服务企业"
    assert resolution.deadline == detail.data.meeting_date
    case_id = editor.items[[i.source for i in editor.items].index("case")].case_id
    assert case_id is not None
    editor.close()

    assert page.meetings.current_id() == meeting_id
    click(qtbot, page, "打印会议纪要")
    assert ctx.tasks.wait_idle()
    preview = page.findChild(PreviewWindow)
    assert preview is not None and preview.document.pageCount() >= 1

    _show_tab(qtbot, page.tabs, "督办")
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: resolution.id in page.resolutions.ids(), timeout=5000)
    click_row(qtbot, page.resolutions.table, page.resolutions.ids().index(resolution.id))
    qtbot.waitUntil(lambda: page.current() is not None, timeout=5000)
    click(qtbot, page, "完成")
    dialog = opened(CompleteDialog)
    type_into(qtbot, dialog.verifier, "李网格员")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    (case,) = case_queries.case_rows(ctx.db, [case_id])
    assert case.status == "已办结"


DRAFT_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import redoffice.features  # registers the features' session hooks
    from redoffice.kit.db import open_database
    from redoffice.meetings import queries as meeting_queries
    from redoffice.ui.kit.context import AppContext
    from redoffice.ui.meetings.minutes_editor import MinutesEditor
    db = open_database(sys.argv[1])
    ctx = AppContext(db)
    editor = MinutesEditor(ctx, meeting_queries.get_meeting(db, sys.argv[2]))
    editor.show()
    editor.add_item()
    editor.item_title.setText("电梯更新")
    editor.discussion.setPlainText("断电前录入的讨论情况")
    editor.save_draft()
    ctx.tasks.wait_idle()
    print("autosaved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_autosaved_draft_survives_a_killed_process(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    estate = meeting_queries.meeting_choices(ctx.db).estates[0][1]
    meeting_id = meetings.create_meeting(
        ctx.db,
        MeetingInput("三方联席会议", "断电测试", clock.today(), (estate,)),
    )
    url = str(ctx.db.engine.url)
    run = subprocess.run(
        [sys.executable, "-c", DRAFT_SCRIPT, url, meeting_id],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert "autosaved" in run.stdout
    again = open_database(url)
    draft = meeting_drafts.load_draft(again, meeting_id)
    again.close()
    assert draft is not None and draft.items[-1].discussion == "断电前录入的讨论情况"
    monkeypatch.setattr("redoffice.ui.kit.ask.confirm", lambda *_a: True)
    editor = MinutesEditor(ctx, meeting_queries.get_meeting(ctx.db, meeting_id), draft)
    qtbot.addWidget(editor)
    editor.item_list.setCurrentRow(editor.item_list.count() - 1)
    assert editor.discussion.toPlainText() == "断电前录入的讨论情况"
    assert editor.item_title.text() == "电梯更新"
