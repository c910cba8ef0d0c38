"""Records a secretary can trust and correct, on screen: the wish's 人群类别 fills as soon as
the beneficiary is found; a draft meeting is corrected and cancelled with the page's buttons
(refused once final); the minutes editor saved twice keeps its resolution's number."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from redoffice.services import meetings, resolutions, wish_queries
from redoffice.services.meetings import ItemInput, MeetingInput, Minutes, ResolutionInput
from redoffice.services.residents import TagInput
from redoffice.services.resolutions import ResolutionFilter
from redoffice.ui.context import AppContext
from redoffice.ui.date_fields import DateField
from redoffice.ui.meeting_changes import CancelMeetingDialog, CorrectMeetingDialog
from redoffice.ui.meetings_page import MeetingsPage
from redoffice.ui.minutes_editor import MinutesEditor
from redoffice.ui.simple_table import SimpleTable
from redoffice.ui.wish_dialogs import WishDialog
from redoffice.ui.wishes_page import WishesPage
from tests.factories import add_resident

TODAY = date.today()


def type_text(widget: QWidget, text: str) -> None:
    """Chinese text as an input method commits it (QTest types only Latin keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, f"{text}: {[b.text() for b in parent.findChildren(QPushButton)]}"
    return found[0]


def dialog_button(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(which)


def choose_row(qtbot: QtBot, table: SimpleTable, text: str) -> None:
    """Click the row showing ``text`` in its first column."""
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).text() == text)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row


def opened(qtbot: QtBot, parent: QWidget, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: parent.findChild(kind) is not None, timeout=5000)
    found = parent.findChild(kind)
    assert found is not None
    return found


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
    qtbot.keyClicks(dialog.who.text, "13977123456")
    qtbot.waitUntil(lambda: dialog.group.currentText() == "独居老人", timeout=5000)
    assert dialog.who.matches.currentText().startswith("钱奶奶")
    type_text(dialog.text, "上门理发")
    qtbot.keyClicks(dialog.value, "30")
    dialog.consent.click()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog_button(dialog, QDialogButtonBox.StandardButton.Save))
    row = wish_queries.get_wishes(ctx.db, [str(saved.args[0])])[0]
    assert (row.beneficiary_name, row.wish, row.group) == ("钱奶奶", "上门理发", "独居老人")


# -- meetings: correct and cancel a draft; refused once final ------------------------------


def _meeting(ctx: AppContext, day: date) -> tuple[str, str]:
    estate = meetings.meeting_choices(ctx.db).estates[0][1]
    data = MeetingInput("三方联席会议", "停车问题专题会", day, (estate,), place="社区会议室")
    meeting_id = meetings.create_meeting(ctx.db, data)
    return meeting_id, meetings.get_meeting(ctx.db, meeting_id).number


def _page(qtbot: QtBot, ctx: AppContext, number: str) -> MeetingsPage:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(
        lambda: any(
            page.meetings.item(n, 0).text() == number for n in range(page.meetings.rowCount())
        ),
        timeout=5000,
    )
    choose_row(qtbot, page.meetings, number)
    return page


def _status_shown(page: MeetingsPage, number: str) -> str:
    for n in range(page.meetings.rowCount()):
        if page.meetings.item(n, 0).text() == number:
            return page.meetings.item(n, 5).text()
    return ""


def test_a_draft_meeting_is_corrected_then_cancelled(qtbot: QtBot, ctx: AppContext) -> None:
    meeting_id, number = _meeting(ctx, TODAY + timedelta(days=5))
    page = _page(qtbot, ctx, number)

    click(qtbot, button(page, "修改…"))
    correct = opened(qtbot, page, CorrectMeetingDialog)
    assert isinstance(correct, CorrectMeetingDialog)
    assert correct.title_edit.text() == "停车问题专题会" and not correct.cases.isVisible()
    correct.place.clear()
    type_text(correct.place, "党群服务中心二楼")
    with qtbot.waitSignal(correct.saved, timeout=5000):
        click(qtbot, dialog_button(correct, QDialogButtonBox.StandardButton.Save))
    assert meetings.get_meeting(ctx.db, meeting_id).data.place == "党群服务中心二楼"

    click(qtbot, button(page, "取消会议…"))
    cancel = opened(qtbot, page, CancelMeetingDialog)
    assert isinstance(cancel, CancelMeetingDialog)
    save = dialog_button(cancel, QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(cancel.failed, timeout=5000):
        click(qtbot, save)  # no reason given
    assert cancel.form.error_text("cancel_reason") == "必须填写" and cancel.isVisible()
    type_text(cancel.reason, "业委会换届，延期召开")
    with qtbot.waitSignal(cancel.saved, timeout=5000):
        click(qtbot, save)
    qtbot.waitUntil(lambda: _status_shown(page, number) == "已取消", timeout=5000)


def test_a_final_meeting_is_neither_corrected_nor_cancelled(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, number = _meeting(ctx, TODAY - timedelta(days=1))
    decided = ResolutionInput("物业一周内清理", "property", TODAY + timedelta(days=7))
    minutes = Minutes(items=(ItemInput("楼道堆物", resolutions=(decided,)),))
    meetings.save_minutes(ctx.db, meeting_id, minutes)
    page = _page(qtbot, ctx, number)
    correct, cancel = button(page, "修改…"), button(page, "取消会议…")
    assert correct.isEnabled() and cancel.isEnabled()
    meetings.finalize(ctx.db, meeting_id)  # meanwhile, on another computer
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.meeting_changes.report", lambda _parent, error: shown.append(error.text)
    )
    for each in (correct, cancel):
        click(qtbot, each)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert set(shown) == {
        f"会议 {number} 的纪要已定稿，会议不能再修改或取消（纪要可填写修订原因后修改）"
    }
    assert page.findChild(CorrectMeetingDialog) is None
    assert page.findChild(CancelMeetingDialog) is None
    page.reload()  # once the list shows it final, the two buttons no longer apply
    qtbot.waitUntil(lambda: not correct.isEnabled() and not cancel.isEnabled(), timeout=5000)


def test_the_minutes_saved_twice_keep_their_resolution_number(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    meeting_id, number = _meeting(ctx, TODAY - timedelta(days=1))
    editor = MinutesEditor(ctx, meetings.get_meeting(ctx.db, meeting_id))
    qtbot.addWidget(editor)
    editor.show()
    click(qtbot, button(editor, "新增议题"))
    type_text(editor.item_title, "楼道堆物")
    click(qtbot, button(editor, "添加议定事项"))
    type_text(editor.resolutions.cellWidget(0, 0), "物业一周内清理")
    deadline = editor.resolutions.cellWidget(0, 4)
    assert isinstance(deadline, DateField)
    qtbot.keyClicks(deadline.edit, (TODAY + timedelta(days=7)).strftime("%Y.%m.%d"))
    qtbot.keyClick(deadline.edit, Qt.Key.Key_Tab)
    assert deadline.value() == TODAY + timedelta(days=7)
    for _ in range(2):
        with qtbot.waitSignal(ctx.changed, timeout=5000):
            click(qtbot, button(editor, "保存"))
        ctx.tasks.wait_idle(5, 0.02)
    found = resolutions.list_resolutions(ctx.db, ResolutionFilter(meeting_id=meeting_id))
    assert [(r.number, r.text) for r in found] == [(f"{number}-01", "物业一周内清理")]
