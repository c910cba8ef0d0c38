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
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from redoffice.db import open_database
from redoffice.services import case_queries, meetings, resolutions
from redoffice.services.case_queries import CaseFilter
from redoffice.services.meetings import MeetingInput
from redoffice.ui.context import AppContext
from redoffice.ui.meeting_dialog import MeetingDialog
from redoffice.ui.meetings_page import CompleteDialog, MeetingsPage
from redoffice.ui.minutes_editor import MinutesEditor
from redoffice.ui.preview import PreviewWindow
from tests.ui.driver import type_into


def _open_cases(ctx: AppContext) -> list[str]:
    rows = case_queries.list_cases(ctx.db, CaseFilter(status="accepted"))
    rows += case_queries.list_cases(ctx.db, CaseFilter(status="in_progress"))
    return [r.id for r in rows[:2]]


def test_meeting_from_two_cases_resolution_and_preview(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    two = _open_cases(ctx)
    assert len(two) == 2
    dialog = MeetingDialog(ctx, meetings.meeting_choices(ctx.db), tuple(two))
    qtbot.addWidget(dialog)
    dialog.estates.item(0).setCheckState(dialog.estates.item(0).checkState().Checked)
    assert "三方联席会议" in dialog.title_edit.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    meeting_id = str(saved.args[0])
    detail = meetings.get_meeting(ctx.db, meeting_id)
    assert [i.case_id for i in detail.minutes.items if i.source == "case"] == two

    editor = MinutesEditor(ctx, detail)
    qtbot.addWidget(editor)
    editor.attendees.add()
    editor.attendees.cellWidget(0, 1).setText("王书记")  # type: ignore[union-attr]
    row = [i.source for i in editor.items].index("case")
    editor.item_list.setCurrentRow(row)
    editor.discussion.setPlainText("物业同意一周内维修")
    editor.resolutions.add()
    editor.resolutions.cellWidget(0, 0).setText("一周内完成维修")  # type: ignore[union-attr]
    editor.resolutions.cellWidget(0, 4).set_value(  # type: ignore[union-attr]
        detail.data.meeting_date
    )
    editor.save()
    assert ctx.tasks.wait_idle()
    assert editor.status.text() == "已保存。"
    (resolution,) = resolutions.list_resolutions(
        ctx.db, resolutions.ResolutionFilter(meeting_id=meeting_id)
    )
    assert resolution.text == "一周内完成维修" and resolution.party == "物业服务企业"

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    assert ctx.tasks.wait_idle()
    page.meetings.selectRow(0)
    assert page.meetings.current_key() == meeting_id
    page.print_meeting("minutes")
    assert ctx.tasks.wait_idle()
    preview = page.findChild(PreviewWindow)
    assert preview is not None and preview.document.pageCount() >= 1

    page.show_resolution(resolution.id)
    assert ctx.tasks.wait_idle()
    assert page.current() is not None and page.current().id == resolution.id  # type: ignore[union-attr]

    page.complete()
    dialog = page.findChild(CompleteDialog)
    assert dialog is not None
    type_into(qtbot, dialog.verifier, "李网格员")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert ctx.tasks.wait_idle()
    case = case_queries.case_rows(
        ctx.db, [two[row - sum(i.source == "carried" for i in editor.items)]]
    )[0]
    assert case.status == "已办结"
    assert "已办结民情诉求" in page.count.text() or page.count.text()


DRAFT_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from redoffice.db import open_database
    from redoffice.services import meetings
    from redoffice.ui.context import AppContext
    from redoffice.ui.minutes_editor import MinutesEditor
    db = open_database(sys.argv[1])
    ctx = AppContext(db)
    editor = MinutesEditor(ctx, meetings.get_meeting(db, sys.argv[2]))
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
    estate = meetings.meeting_choices(ctx.db).estates[0][1]
    meeting_id = meetings.create_meeting(
        ctx.db,
        MeetingInput("三方联席会议", "断电测试", date.today(), (estate,)),
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
    draft = meetings.load_draft(again, meeting_id)
    again.close()
    assert draft is not None and draft.items[-1].discussion == "断电前录入的讨论情况"
    monkeypatch.setattr("redoffice.ui.ask.confirm", lambda *_a: True)
    editor = MinutesEditor(ctx, meetings.get_meeting(ctx.db, meeting_id), draft)
    qtbot.addWidget(editor)
    editor.item_list.setCurrentRow(editor.item_list.count() - 1)
    assert editor.discussion.toPlainText() == "断电前录入的讨论情况"
    assert editor.item_title.text() == "电梯更新"
