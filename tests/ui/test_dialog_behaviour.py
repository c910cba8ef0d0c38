"""What every form does, as a secretary meets it: the focus starts in the first field, refused
input stays on screen with the reasons, Esc or 取消 on a changed form asks first, and 迁出/去世
ask for the date and the reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.kit import clock
from redoffice.meetings import resolutions
from redoffice.models import Visit
from redoffice.registry import residents
from redoffice.ui.kit.context import AppContext
from redoffice.ui.meetings.meetings_page import CompleteDialog, MeetingsPage
from redoffice.ui.registry.resident_dialog import ResidentDialog, StatusDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.visits import service as visits
from tests.ui.driver import click, opened, type_into


def _shown(qtbot: QtBot, dialog: ResidentDialog | VisitDialog) -> None:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return yes

    monkeypatch.setattr("redoffice.ui.kit.ask.risky", confirm)
    return asked


def test_a_dialog_opens_with_the_focus_in_its_first_field(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ResidentDialog(ctx)
    _shown(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.name


def test_esc_on_a_changed_form_asks_before_discarding(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ResidentDialog(ctx)
    _shown(qtbot, dialog)
    asked = _answer(monkeypatch, yes=False)
    type_into(qtbot, dialog.name, "王小明")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == ["放弃本表中已填写的内容吗？"]
    assert dialog.isVisible() and dialog.name.text() == "王小明"
    click(qtbot, dialog, "取消")
    assert len(asked) == 2 and dialog.isVisible()
    _answer(monkeypatch, yes=True)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_on_an_untouched_form_closes_without_a_question(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ResidentDialog(ctx)
    _shown(qtbot, dialog)
    asked = _answer(monkeypatch, yes=False)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()


def test_an_unreadable_date_stops_the_save_and_keeps_everything(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    with ctx.db.read() as s:
        before = s.scalar(select(func.count()).select_from(Visit))
    dialog = VisitDialog(ctx, visits.entry_choices(ctx.db))
    _shown(qtbot, dialog)
    type_into(qtbot, dialog.notes, "复查")
    type_into(qtbot, dialog.next_visit.edit, "下月初")
    click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert dialog.isVisible() and dialog.notes.text() == "复查"
    assert dialog.next_visit.text() == "下月初"
    assert "不是日期" in dialog.next_visit.problem()
    assert dialog.next_visit.edit.hasFocus()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == before


def test_a_refused_completion_stays_open_with_what_was_typed(qtbot: QtBot, ctx: AppContext) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    (row, *_) = resolutions.list_resolutions(ctx.db, resolutions.ResolutionFilter(open_only=True))
    page.show_resolution(row.id)
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "完成")
    dialog = opened(CompleteDialog)
    type_into(qtbot, dialog.feedback, "居民满意")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert dialog.isVisible()
    assert dialog.form.error_text("verifier") == "必须填写"
    assert dialog.feedback.text() == "居民满意"
    type_into(qtbot, dialog.verifier, "李网格员")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert not dialog.isVisible()


def test_moving_out_asks_for_the_date_and_the_reason(qtbot: QtBot, ctx: AppContext) -> None:
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    page.list.model.row_at(0)
    assert ctx.tasks.wait_idle()
    page.list.table.selectRow(0)
    row = page.list.current_row()
    click(qtbot, page, "迁出/去世")
    dialog = opened(StatusDialog)
    assert dialog.day.value() == clock.today()
    day = clock.today() - timedelta(days=9)
    dialog.day.edit.clear()
    type_into(qtbot, dialog.day.edit, f"{day.year}.{day.month}.{day.day}")
    type_into(qtbot, dialog.reason, "迁往上海市浦东新区")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    detail = residents.get_resident(ctx.db, row.id)
    assert (detail.status, detail.status_date, detail.status_reason) == (
        "moved_out",
        day,
        "迁往上海市浦东新区",
    )
