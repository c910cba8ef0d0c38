"""Forms read at a glance on a 1366×768 screen: labels level with the top of their fields, a
field's message right under it, short labels, and dates in table cells shown whole
(yyyy-mm-dd beside the ▾ button) with the text column taking the rest of the width."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from redoffice.cases import queries as case_queries
from redoffice.kit import clock
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.ui.cases.case_dialogs import CaseDialog, CaseStepDialog
from redoffice.ui.kit import screen_fit
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.widgets import FieldForm
from redoffice.ui.meetings.meeting_dialog import MeetingDialog
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.visits import service as visits
from tests.ui.driver import click, click_row, type_into


@pytest.fixture(autouse=True)
def office_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows are fitted to a 1366×768 screen less its taskbar, as in the office."""
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0, 1366, 728))


def _shown(qtbot: QtBot, ctx: AppContext, dialog: QWidget) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ctx.tasks.wait_idle()
    QApplication.processEvents()


def _parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def _whole_date(field: DateField) -> bool:
    """The date's first digit is on screen while the cursor is at its end: nothing scrolled
    out of the field (the QA saw "2-07-07")."""
    field.edit.end(False)
    middle = field.edit.height() // 2
    return field.edit.cursorPositionAt(QPoint(6, middle)) == 0 and len(field.text()) == 10


def _top_in(form: QWidget, widget: QWidget) -> int:
    return widget.mapTo(form, QPoint(0, 0)).y()


def _label_of(form: FieldForm, widget: QWidget) -> QLabel:
    label = form.layout_.labelForField(widget.parentWidget())
    assert isinstance(label, QLabel)
    return label


def _fits_cells(table: QTableWidget, columns: tuple[int, ...]) -> None:
    for row in range(table.rowCount()):
        for column in columns:
            cell = table.cellWidget(row, column)
            assert table.columnWidth(column) >= cell.sizeHint().width(), (row, column)


def test_a_date_field_keeps_its_width_when_it_gets_a_date(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    width, button_at = field.edit.width(), field.calendar_button.x()
    type_into(qtbot, field.edit, "2024.6.15")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert field.text() == "2024-06-15"
    assert (field.edit.width(), field.calendar_button.x()) == (width, button_at)
    assert _whole_date(field)


def test_special_group_dates_show_the_year_and_the_note_has_room(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    dialog = ResidentDialog(ctx, parent=parent)
    _shown(qtbot, ctx, dialog)
    table = dialog.tag_table
    click(qtbot, dialog, "添加")
    since = table.cellWidget(0, 1)
    assert isinstance(since, DateField)
    type_into(qtbot, since.edit, (clock.today() - timedelta(days=900)).strftime("%Y.%m.%d"))
    qtbot.keyClick(since.edit, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert _whole_date(since)
    _fits_cells(table, (0, 1, 2))
    assert table.columnWidth(3) >= 100, "说明 takes the rest of the width"


def test_resolution_deadlines_and_parties_fit_their_cells(qtbot: QtBot, ctx: AppContext) -> None:
    meeting_id = next(
        r.meeting_id for r in resolutions.list_resolutions(ctx.db, resolutions.ResolutionFilter())
    )
    parent = _parent(qtbot)
    editor = MinutesEditor(ctx, meeting_queries.get_meeting(ctx.db, meeting_id), parent=parent)
    _shown(qtbot, ctx, editor)
    tabs = editor.findChild(QTabWidget)
    assert tabs is not None
    tabs.setCurrentIndex(1)
    click_row(qtbot, editor.item_list, editor.item_list.count() - 1)
    click(qtbot, editor, "添加议定事项")
    table = editor.resolutions
    deadline = table.cellWidget(table.rowCount() - 1, 4)
    assert isinstance(deadline, DateField)
    type_into(qtbot, deadline.edit, (clock.today() + timedelta(days=30)).strftime("%Y%m%d"))
    qtbot.keyClick(deadline.edit, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert _whole_date(deadline)
    _fits_cells(table, (1, 4))
    assert table.columnWidth(0) >= max(table.columnWidth(c) for c in (2, 3))
    editor.closing = True
    editor.close()


def test_a_step_message_sits_under_its_field_and_the_label_beside_it(
    qtbot: QtBot, ctx: AppContext
) -> None:
    rows = case_queries.case_rows(ctx.db, case_queries.case_ids(ctx.db))
    case = next(r for r in rows if r.status_code == "in_progress")
    parent = _parent(qtbot)
    dialog = CaseStepDialog(ctx, case, "transition", parent)
    _shown(qtbot, ctx, dialog)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")  # 办结 without a word on how it was solved
    QApplication.processEvents()
    form = dialog.form
    error = form.findChild(QLabel, "error_note")
    assert error is not None and error.isVisible()
    box_top = _top_in(form, dialog.text)
    assert abs(_top_in(form, _label_of(form, dialog.text)) - box_top) <= 6
    assert 0 <= _top_in(form, error) - (box_top + dialog.text.height()) <= 4


def test_list_labels_are_level_with_their_lists(qtbot: QtBot, ctx: AppContext) -> None:
    parent = _parent(qtbot)
    dialog = MeetingDialog(ctx, meeting_queries.meeting_choices(ctx.db), parent=parent)
    _shown(qtbot, ctx, dialog)
    form = dialog.form
    for listing in (dialog.estates, dialog.cases):
        assert abs(_top_in(form, _label_of(form, listing)) - _top_in(form, listing)) <= 6
    dialog.close()


def test_request_labels_are_short_and_the_hint_is_in_the_field(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    dialog = CaseDialog(ctx, visits.entry_choices(ctx.db), parent=parent)
    _shown(qtbot, ctx, dialog)
    assert _label_of(dialog.form, dialog.reporter_name).text() == "诉求人姓名"
    assert dialog.reporter_name.placeholderText() == "非本社区居民时填写"
    label_column = dialog.reporter_name.mapTo(dialog.form, QPoint(0, 0)).x()
    assert label_column < dialog.form.width() // 5, "no label pushes the fields aside"
    dialog.close()
