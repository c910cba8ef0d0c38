"""Dates and times are typed as a secretary writes them, with the keyboard."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from redoffice.kit import clock
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField, TimeField, birth_decade
from redoffice.ui.registry.resident_dialog import ResidentDialog
from tests.ui.driver import click, type_into

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def _form(qtbot: QtBot) -> tuple[QDialog, DateField, TimeField, QLineEdit]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    day, moment, after = DateField(), TimeField(), QLineEdit()
    layout = QFormLayout(dialog)
    for widget in (day, moment, after):
        layout.addRow(widget)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog, day, moment, after


@pytest.mark.parametrize("typed", ["1965-03-12", "1965.3.12", "19650312", "1965年3月12日"])
def test_a_typed_date_is_read_and_tab_moves_on(qtbot: QtBot, typed: str) -> None:
    _dialog, day, moment, _after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, day.edit, typed)
    qtbot.keyClick(day.edit, Qt.Key.Key_Tab)
    assert moment.edit.hasFocus()
    assert day.text() == "1965-03-12" and day.value() == date(1965, 3, 12)
    assert day.problem() == ""


def test_letters_are_marked_at_once_in_chinese(qtbot: QtBot) -> None:
    _dialog, day, _moment, _after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, day.edit, "19ab")
    assert "不是日期" in day.problem() and day.error.isVisible()
    assert day.edit.hasFocus(), "marked while typing, before leaving the field"
    qtbot.keyClick(day.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(day.edit, "1965-03-12")
    assert day.problem() == ""


def test_an_impossible_day_is_marked_when_leaving_and_the_text_is_kept(qtbot: QtBot) -> None:
    _dialog, day, moment, _after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, day.edit, "1965-02-30")
    qtbot.keyClick(day.edit, Qt.Key.Key_Tab)
    assert moment.edit.hasFocus()
    assert day.text() == "1965-02-30" and day.value() is None
    assert day.problem() == "没有 1965-02-30 这一天"


def test_an_empty_field_stays_empty_and_lets_the_focus_go(qtbot: QtBot) -> None:
    _dialog, day, moment, after = _form(qtbot)  # held: the fields live in it
    day.setFocus()
    qtbot.keyClick(day.edit, Qt.Key.Key_Tab)
    qtbot.keyClick(moment.edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert (day.text(), day.value(), day.problem()) == ("", None, "")
    assert (moment.text(), moment.value(), moment.problem()) == ("", None, "")


@pytest.mark.parametrize(
    ("typed", "shown"), [("9:30", "09:30"), ("0930", "09:30"), ("9点半", "09:30"), ("14", "14:00")]
)
def test_a_typed_time_is_read(qtbot: QtBot, typed: str, shown: str) -> None:
    _dialog, _day, moment, after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, moment.edit, typed)
    qtbot.keyClick(moment.edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert moment.text() == shown and moment.value() == time.fromisoformat(shown)


def test_an_impossible_time_is_marked(qtbot: QtBot) -> None:
    _dialog, _day, moment, _after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, moment.edit, "25:00")
    qtbot.keyClick(moment.edit, Qt.Key.Key_Tab)
    assert "没有 25:00 这个时刻" in moment.problem()


def test_the_calendar_opens_at_today_or_the_birth_decade_and_picks_a_day(qtbot: QtBot) -> None:
    _dialog, day, _moment, _after = _form(qtbot)  # held: the fields live in it
    qtbot.mouseClick(day.calendar_button, Qt.MouseButton.LeftButton)
    assert day.calendar is not None and day.calendar.isVisible()
    today = clock.today()
    assert (day.calendar.yearShown(), day.calendar.monthShown()) == (today.year, today.month)
    qtbot.keyClick(day.calendar, Qt.Key.Key_Escape)

    birth = DateField(opens_at=birth_decade())
    qtbot.addWidget(birth)
    birth.show()
    qtbot.keyClick(birth.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert birth.calendar is not None and birth.calendar.isVisible()
    assert birth.calendar.yearShown() == birth_decade().year
    assert birth.calendar.yearShown() % 10 == 0 and today.year - 60 < birth.calendar.yearShown()
    chosen = birth.calendar.selectedDate()
    qtbot.keyClick(birth.calendar.findChild(QTableView), Qt.Key.Key_Return)
    assert birth.value() == date(chosen.year(), chosen.month(), chosen.day())
    assert not birth.calendar.isVisible()


def test_the_calendar_opens_at_the_typed_month(qtbot: QtBot) -> None:
    _dialog, day, _moment, _after = _form(qtbot)  # held: the fields live in it
    type_into(qtbot, day.edit, "1965年3月12日")
    qtbot.keyClick(day.edit, Qt.Key.Key_F4)
    assert day.calendar is not None
    assert (day.calendar.yearShown(), day.calendar.monthShown()) == (1965, 3)


def test_a_date_in_a_table_cell_is_marked_by_colour_and_tooltip(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str]
) -> None:
    dialog = ResidentDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    click(qtbot, dialog, "添加")
    since = dialog.tag_table.cellWidget(0, 1)
    assert isinstance(since, DateField)
    type_into(qtbot, since.edit, "2020.13.1")
    qtbot.keyClick(since.edit, Qt.Key.Key_Tab)
    assert since.problem() == "没有 2020-13-1 这一天"
    assert since.edit.toolTip() == since.problem() and not since.error.isVisible()
    click(qtbot, dialog, "保存")
    assert dialog.isVisible() and since.edit.hasFocus(), "the save waits for a readable date"
