"""One way to show a list (decision 0014): a short list (SimpleTable) behaves as the long ones do
— a heading sorts, double-click and Enter open the row, a right-click offers the page's buttons,
the header menu hides columns — and keeps its selection across refills; the 微心愿 page is one
class per tab; an answer for a tab of a closed page is dropped; the meetings and the 督办 list are
searched and sorted in SQL."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.tasks import TaskRunner
from redoffice.ui.meetings.meetings_page import MeetingsPage
from redoffice.ui.wishes.members_tab import MembersTab
from redoffice.ui.wishes.stats_tab import StatsTab
from redoffice.ui.wishes.wishes_page import WishesPage
from redoffice.ui.wishes.wishes_tab import WishesTab
from redoffice.wishes import queries as wish_queries
from tests.ui.driver import click_row, type_into

ROWS = [("第3网格", "120", "8%"), ("第10网格", "95", "12%"), ("第1网格", "1,040", "10%")]


def _table(qtbot: QtBot) -> SimpleTable:
    table = SimpleTable(["网格", "户数", "走访率"], stretch=0)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    table.set_rows(ROWS, ["g3", "g10", "g1"])
    return table


def _right_click(widget: QWidget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def _click_heading(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_rows_keep_their_order_until_a_heading_sorts_them(qtbot: QtBot) -> None:
    table = _table(qtbot)
    assert [table.text(n, 0) for n in range(table.rowCount())] == ["第3网格", "第10网格", "第1网格"]
    assert table.model().data(table.model().index(2, 1), Qt.ItemDataRole.TextAlignmentRole)
    _click_heading(qtbot, table, 1)  # 户数, by value: 95 < 120 < 1,040
    assert [table.text(n, 1) for n in range(3)] == ["95", "120", "1,040"]
    click_row(qtbot, table, 2)
    assert table.current_key() == "g1"
    _click_heading(qtbot, table, 1)  # the other way round; the selection follows its row
    assert [table.text(n, 1) for n in range(3)] == ["1,040", "120", "95"]
    assert table.current_key() == "g1" and table.currentRow() == 0
    table.set_rows([*ROWS, ("第2网格", "300", "9%")], ["g3", "g10", "g1", "g2"])
    assert [table.text(n, 1) for n in range(4)] == ["1,040", "300", "120", "95"]
    assert table.current_key() == "g1"  # still sorted and still selected after a refill


def test_double_click_enter_and_the_row_menu(qtbot: QtBot) -> None:
    table = _table(qtbot)
    changed: list[object] = []
    table.current_changed.connect(changed.append)
    with qtbot.waitSignal(table.activated_key) as opened:
        click_row(qtbot, table, 1, double=True)
    assert opened.args == ["g10"] and changed[-1] == "g10"
    click_row(qtbot, table, 0)
    with qtbot.waitSignal(table.activated_key) as entered:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert entered.args == ["g3"]
    bar = QWidget()  # the page's button row
    qtbot.addWidget(bar)
    edit, remove = QPushButton("编辑…", bar), QPushButton("删除", bar)
    remove.setEnabled(False)
    bar.show()
    table.set_row_actions([edit, remove])
    _right_click(table.viewport(), QPoint(10, table.rowViewportPosition(2) + 5))
    assert table.current_key() == "g1" and table.rows.menu is not None
    actions = table.rows.menu.actions()
    assert [(a.text(), a.isEnabled()) for a in actions] == [("编辑…", True), ("删除", False)]
    table.set_rows([])
    assert table.current_key() is None and changed[-1] is None


def test_the_header_menu_hides_a_column_and_a_heading_can_be_renamed(qtbot: QtBot) -> None:
    table = _table(qtbot)
    header = table.horizontalHeader()
    _right_click(header.viewport(), QPoint(header.sectionViewportPosition(1) + 5, 5))
    assert table.menu is not None
    next(a for a in table.menu.actions() if a.text() == "走访率").trigger()
    assert header.isSectionHidden(2) and table.visible_columns() == [0, 1]
    next(a for a in table.menu.actions() if a.objectName() == "default_columns").trigger()
    assert table.visible_columns() == [0, 1, 2]
    table.set_header(0, "小区")
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "小区"


def test_the_wishes_page_is_one_class_per_tab(qtbot: QtBot, ctx: AppContext) -> None:
    page = WishesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    parts = [type(page.tabs.part(key)) for key in ("wishes", "members", "stats")]
    assert parts == [WishesTab, MembersTab, StatsTab] and page.tabs.count() == 3
    page.tabs.setCurrentIndex(2)
    wish = wish_queries.list_wishes(ctx.db)[-1]
    page.select_wish(wish.id)
    assert page.tabs.currentIndex() == page.tabs.indexOf(page.wishes_tab) == 0
    qtbot.waitUntil(lambda: page.wishes_tab.list.current_id() == wish.id, timeout=5000)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def take(self, value: object) -> None:
        self.got.append(value)


def test_an_answer_for_a_deleted_widget_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    try:
        gone, kept = _Receiver(), _Receiver()
        runner.run(lambda: 1, gone.take)
        runner.run(lambda: 2, kept.take)
        shiboken6.delete(gone)  # the C++ side goes, as a closed page's tab does
        assert runner.wait_idle(5)
        assert kept.got == [2]
    finally:
        runner.shutdown()


def test_meetings_and_resolutions_are_searched_and_sorted(qtbot: QtBot, ctx: AppContext) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    newest_first = meeting_queries.meeting_ids(ctx.db)
    qtbot.waitUntil(lambda: page.meetings.ids() == newest_first != [], timeout=5000)
    oldest = meeting_queries.get_meetings(ctx.db, newest_first[-1:])[0]
    type_into(qtbot, page.meetings.search, oldest.number)
    qtbot.keyClick(page.meetings.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.meetings.ids() == [oldest.id], timeout=5000)

    page.tabs.setCurrentIndex(1)
    listed = resolutions.resolution_ids(ctx.db, ResolutionFilter(open_only=True))
    qtbot.waitUntil(lambda: page.resolutions.ids() == listed != [], timeout=5000)
    first = resolutions.get_resolutions(ctx.db, listed[:1])[0]
    type_into(qtbot, page.resolutions.search, first.number)
    qtbot.keyClick(page.resolutions.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.resolutions.ids() == [first.id], timeout=5000)
    assert page.follow_up_filter().text == first.number  # the print and the export follow it
    page.resolutions.search.clear()
    _click_heading(qtbot, page.resolutions.table, 0)  # 编号
    by_number = resolutions.resolution_ids(ctx.db, ResolutionFilter(open_only=True), "number")
    qtbot.waitUntil(lambda: page.resolutions.ids() == by_number, timeout=5000)
