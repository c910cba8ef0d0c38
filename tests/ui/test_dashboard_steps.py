"""The 工作台 is built and filled a step at a time (issue 11: the window start held the GUI
thread 124 ms building it): its page first, then one list per turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redoffice.cases.queries import CaseFilter, list_cases
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.workbench.dashboard import Dashboard


def _lists_built(board: Dashboard) -> list[bool]:
    return [isinstance(board.tabs.widget(n), SimpleTable) for n in range(board.tabs.count())]


def test_the_lists_come_after_the_page_and_show_their_rows(qtbot: QtBot, ctx: AppContext) -> None:
    overdue = list_cases(ctx.db, CaseFilter(overdue_only=True))
    assert overdue, "the demo has overdue cases"
    board = Dashboard(ctx)
    qtbot.addWidget(board)
    assert not any(_lists_built(board)), "no list is built with the page"
    assert board.tabs.count() == 8
    board.show()
    qtbot.waitUntil(lambda: all(_lists_built(board)), timeout=5000)
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: board.cards["cases_overdue"].value.text() != "—", timeout=5000)
    qtbot.mouseClick(board.cards["cases_overdue"], Qt.MouseButton.LeftButton)
    table = board.tabs.currentWidget()
    assert isinstance(table, SimpleTable) and table is board.lists["cases_overdue"]
    qtbot.waitUntil(lambda: table.rowCount() == min(len(overdue), 200), timeout=5000)
    assert board.cards["cases_overdue"].value.text() == f"{len(overdue):,}"


def test_a_card_clicked_before_its_list_is_built_shows_it(qtbot: QtBot, ctx: AppContext) -> None:
    board = Dashboard(ctx)
    qtbot.addWidget(board)
    board.show()  # no turn of the event loop yet: nothing built
    qtbot.mouseClick(board.cards["claims_overdue"], Qt.MouseButton.LeftButton)
    assert board.tabs.currentWidget() is board.lists["claims_overdue"]
    assert board.tabs.tabText(board.tabs.currentIndex()) == board.titles["claims_overdue"]
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: all(_lists_built(board)), timeout=5000)
    assert board.tabs.currentWidget() is board.lists["claims_overdue"]
