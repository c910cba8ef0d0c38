"""The street office's window (issue 15) on a street database with three communities' demo data
imported through the sync (tests/street_support.py): its own navigation with 社区 first, the
community filter above every page narrowing the lists, the communities' pages read-only, and a
double-click on a community opening its 数据同步 › 记录. Real clicks and keys throughout."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Table, func, select

from redoffice.kit import clock
from redoffice.kit.validation import mask_id_number
from redoffice.models import FundAccount, FundApplication, FundNotice, Household, Resident
from redoffice.registry import search
from redoffice.street import notices
from redoffice.street.reports import SCREEN
from redoffice.street.stats import street_stats
from redoffice.ui.fund.fund_page import FundPage
from redoffice.ui.kit import ui_state
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.history_dialog import HistoryDialog
from redoffice.ui.kit.lazy_table import LazyTableModel
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.street.communities_page import CommunitiesPage
from redoffice.ui.street.orders_page import OrdersPage
from redoffice.ui.street.stats_page import StatsPage
from redoffice.ui.sync.sync_page import SyncPage
from tests.conftest import Templates
from tests.street_support import (
    PLANTED_AID,
    PLANTED_WISH,
    StreetTown,
    street_with_communities,
)
from tests.ui.driver import click, click_row, opened, pick, tick

STREET_PAGES = [
    "社区",
    "居民",
    "住户",
    "入户走访",
    "民情诉求",
    "三方联席会议",
    "微心愿",
    "红色基金",
    "统计",
    "审批与通知",
    "数据同步",
    "设置",
]

FUND_WRITES = {"新增账户…", "新建申请…", "初审…", "审核…", "发放…", "登记收入…", "冲正…", "结账…"}


@pytest.fixture
def street(
    qtbot: QtBot, tmp_path: Path, templates: Templates
) -> Iterator[tuple[MainWindow, StreetTown]]:
    with street_with_communities(tmp_path, templates) as town:
        ctx = AppContext(town.street)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
        try:
            assert ctx.tasks.wait_idle(30)
            yield window, town
        finally:
            ctx.tasks.wait_idle(5)
            ctx.tasks.shutdown()


def _go(qtbot: QtBot, window: MainWindow, title: str) -> QWidget:
    """Click ``title`` in the navigation; the page it shows, read."""
    names = [window.nav.item(n).text() for n in range(window.nav.count())]
    rect = window.nav.visualItemRect(window.nav.item(names.index(title)))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ctx.tasks.wait_idle(30)
    page = window.stack.currentWidget()
    assert page is not None
    return page


def _choose_community(qtbot: QtBot, window: MainWindow, name: str) -> None:
    pick(qtbot, window.community_filter.combo, name)
    assert window.ctx.tasks.wait_idle(30)


def _count(town: StreetTown, table: Table, node: str | None, *cond: Any) -> int:
    """What a list shows by default (not deleted, ``cond``), counted apart: a plain
    connection, outside the read sessions the scope filters."""
    cond = (*cond, table.c.deleted.is_(False))
    if node is not None:
        cond = (*cond, table.c.owner_node == node)
    with town.street.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table).where(*cond)) or 0


def test_street_navigation_and_the_communities_page(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    window, town = street
    names = [window.nav.item(n).text() for n in range(window.nav.count())]
    assert names == STREET_PAGES
    assert window.community_filter.isVisible()
    for title in STREET_PAGES:
        page = _go(qtbot, window, title)
        assert window.community_filter.isVisible()  # one filter, above every page
        assert page is window.pages[list(window.pages)[names.index(title)]]
    page = _go(qtbot, window, "社区")
    assert isinstance(page, CommunitiesPage)
    table = page.table
    shown = {table.text(r, 0): r for r in range(table.rowCount())}
    assert set(shown) == {c.name for c in town.communities}
    row = shown["和平社区"]
    assert table.text(row, 2) == clock.today().isoformat() and table.text(row, 3) == "已导入"
    assert table.text(row, 4) == "0"  # days since
    assert int(table.text(row, 5)) > 0 and table.text(row, 6) == table.text(row, 7) == "0"
    assert table.text(row, 8) == "有效"
    assert page.summary.text().startswith("共 3 个社区：0 个尚未发送数据包，0 个超过 30 天")
    with clock.frozen(clock.today() + timedelta(days=31)):  # a month without packages
        page.reload()
        assert window.ctx.tasks.wait_idle(10)
        assert table.text(row, 4) == "31"
        assert page.summary.text().startswith("共 3 个社区：0 个尚未发送数据包，3 个超过 30 天")
    page.reload()
    assert window.ctx.tasks.wait_idle(10)
    click_row(qtbot, table, row, double=True)
    assert window.ctx.tasks.wait_idle(30)
    sync = window.stack.currentWidget()
    assert isinstance(sync, SyncPage)
    assert sync.tabs.currentWidget() is sync.history_tab
    history = sync.history_tab
    assert history.partner.currentText() == "和平社区"
    partners = {history.history_table.text(r, 2) for r in range(history.history_table.rowCount())}
    assert partners == {"和平社区"}


def _community_column(window: MainWindow, model: LazyTableModel[Any]) -> set[str]:
    """The names in the list's last column, 社区, on its first page of rows."""
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal) == "社区"
    rows = range(min(model.rowCount(), 200))
    for row in rows:
        model.row_at(row)  # asks for the page
    assert window.ctx.tasks.wait_idle(30)
    return {model.data(model.index(row, last)) for row in rows}


def test_the_community_filter_narrows_every_list(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    window, town = street
    residents = _go(qtbot, window, "居民")
    assert isinstance(residents, ResidentsPage)
    people, homes = Resident.__table__, Household.__table__
    active = people.c.status == "active"
    everyone = _count(town, people, None, active)
    assert len(residents.list.ids()) == everyone > 0
    heads = residents.list.model.headerData(0, Qt.Orientation.Horizontal)
    seen = 0
    for community in town.communities:
        _choose_community(qtbot, window, community.name)
        own = _count(town, people, community.node_id, active)
        assert 0 < len(residents.list.ids()) == own < everyone, community.name
        assert _community_column(window, residents.list.model) == {community.name}
        seen += own
        households = _go(qtbot, window, "住户")  # a page shown after the choice reloads too
        assert isinstance(households, HouseholdsPage)
        assert len(households.list.ids()) == _count(town, homes, community.node_id)
        _go(qtbot, window, "居民")
    assert seen == everyone
    _choose_community(qtbot, window, "全部社区")
    assert len(residents.list.ids()) == everyone
    assert len(_community_column(window, residents.list.model)) > 1  # 200 rows: two at least
    assert residents.list.model.headerData(0, Qt.Orientation.Horizontal) == heads


@pytest.mark.parametrize("title", ["居民", "民情诉求", "三方联席会议", "微心愿"])
def test_the_community_column_comes_second_and_fits_its_names(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown], title: str
) -> None:
    """At 1366×768 the 社区 column is on screen: right after the list's name or number, as
    wide as the longest community name shown (not clipped to 向阳); the model keeps it last."""
    window, town = street
    page = _go(qtbot, window, title)
    lists = [found for found in page.findChildren(SearchableList) if found.keyed_column]
    assert lists, title
    for found in lists:
        model, table = found.model, found.table
        names = _community_column(window, model)  # reads the first page of rows
        assert names <= {c.name for c in town.communities} and names - {""}, title
        column = model.columnCount() - 1
        header = table.horizontalHeader()
        assert header.visualIndex(column) == 1, title
        widest = max(table.fontMetrics().horizontalAdvance(name) for name in names)
        assert header.sectionSize(column) > widest, title
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert found.isVisible() is False or right <= table.viewport().width(), title


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(n) for n in range(1, combo.count())]  # after 全部网格


def test_the_place_filters_name_each_places_community(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """Under 全部社区 each community's 第1网格 is named with its community; once one is chosen
    the filters offer its places only, by their own names."""
    window, town = street
    residents = _go(qtbot, window, "居民")
    assert isinstance(residents, ResidentsPage)
    grids = _items(residents.places.grid)
    names = {c.name for c in town.communities}
    assert {g.split("·")[0] for g in grids} == names and len(set(grids)) == len(grids)
    assert {e.split("·")[0] for e in _items(residents.places.estate)} == names
    first = town.communities[0]
    own = [g.split("·", 1)[1] for g in grids if g.startswith(f"{first.name}·")]
    _choose_community(qtbot, window, first.name)
    assert _items(residents.places.grid) == own
    pick(qtbot, residents.places.grid, own[0])  # the list follows the grid chosen
    assert window.ctx.tasks.wait_idle(30)
    assert 0 < len(residents.list.ids()) < _count(town, Resident.__table__, first.node_id)


def test_a_list_reads_its_ids_once_on_opening(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The street reads the place filters twice (the second naming each place's community);
    the second filling changes no choice, so the list is not read again (0.2-0.4 s a page on
    PostgreSQL under 全部社区). A chosen place that goes away still reloads the list."""
    window, _town = street
    reads: list[object] = []
    real = search.resident_id_query
    monkeypatch.setattr(
        search, "resident_id_query", lambda *a, **k: reads.append(a) or real(*a, **k)
    )
    residents = _go(qtbot, window, "居民")
    assert isinstance(residents, ResidentsPage)
    assert len(reads) == 1
    assert len(residents.list.ids()) > 0


def test_a_lists_excel_export_names_each_rows_community(
    qtbot: QtBot,
    street: tuple[MainWindow, StreetTown],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """导出 Excel at the street: the list's own columns, then 社区, as on the screen."""
    window, town = street
    households = _go(qtbot, window, "住户")
    assert isinstance(households, HouseholdsPage)
    target = tmp_path / "住户.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.confirm", lambda *_a: False)
    click(qtbot, households, "导出 Excel…")
    assert window.ctx.tasks.wait_idle(60)
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    heading = next(n for n, row in enumerate(rows) if "社区" in row)
    column = rows[heading].index("社区")
    assert column == len(rows[heading]) - 1  # after the list's own columns
    named = [row[column] for row in rows[heading + 1 :] if any(row)]
    assert len(named) == len(households.list.ids())
    assert set(named) == {c.name for c in town.communities}
    per_community = {c.name: _count(town, Household.__table__, c.node_id) for c in town.communities}
    assert {name: named.count(name) for name in per_community} == per_community


def test_the_funds_short_lists_name_each_rows_community(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """红色基金's short lists (held in memory) — 概览's accounts and running notices, 申请, 公示 —
    name each row's community in a 社区 column shown second, as the long lists do (QA 8: the
    accounts of two communities read as the same account twice)."""
    window, town = street
    fund = _go(qtbot, window, "红色基金")
    assert isinstance(fund, FundPage)
    tabs = fund.findChild(QTabWidget)
    assert tabs is not None
    names = {c.name for c in town.communities}
    for title, table, owned in (
        ("概览", FundAccount.__table__, lambda: fund.overview_tab.table),
        ("概览", FundNotice.__table__, lambda: fund.overview_tab.notices),
        ("申请", FundApplication.__table__, lambda: fund.applications_tab.table),
        ("公示", FundNotice.__table__, lambda: fund.notices_tab.table),
    ):
        index = next(n for n in range(tabs.count()) if tabs.tabText(n).startswith(title))
        qtbot.mouseClick(
            tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center()
        )
        assert window.ctx.tasks.wait_idle(30)
        shown = owned()
        last = shown.model().columnCount() - 1
        assert shown.model().headerData(last, Qt.Orientation.Horizontal) == "社区"
        assert shown.horizontalHeader().visualIndex(last) == 1, title
        if shown is fund.overview_tab.notices:  # the running notices only: each named
            qtbot.waitUntil(lambda s=shown, c=last: all(s.text(r, c) for r in range(s.rowCount())))
            assert (
                shown.rowCount() and {shown.text(r, last) for r in range(shown.rowCount())} <= names
            )
            continue
        qtbot.waitUntil(lambda s=shown, c=last: bool(s.rowCount()) and bool(s.text(0, c)))
        column = [shown.text(r, last) for r in range(shown.rowCount())]
        expected = {c.name: _count(town, table, c.node_id) for c in town.communities}
        assert {n: column.count(n) for n in names if column.count(n)} == {
            n: k for n, k in expected.items() if k
        }, title


def _right_click(widget: QWidget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def test_the_communities_records_are_read_only(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    window, _town = street
    page = _go(qtbot, window, "居民")
    assert isinstance(page, ResidentsPage)
    for button in (page.add_button, page.edit_button, page.delete_button, page.import_button):
        assert not button.isVisible(), button.text()
    assert page.history_button.isVisible() and page.export_button.isVisible()
    table = page.list.table
    click_row(qtbot, table, 1)  # a selected row shows the row's buttons on a community's
    assert not page.edit_button.isVisible() and not page.move_button.isVisible()
    _right_click(table.viewport(), QPoint(table.columnViewportPosition(3) + 5, 5))
    menu = table.rows.menu
    assert menu is not None and [a.text() for a in menu.actions()] == ["变更记录"]
    menu.close()
    click_row(qtbot, table, 1, double=True)  # opens nothing
    assert window.ctx.tasks.wait_idle(10)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    tick(qtbot, page.deleted)  # the recycle bin would show 恢复
    assert not page.restore_button.isVisible()
    tick(qtbot, page.deleted)
    assert window.ctx.tasks.wait_idle(10)
    click_row(qtbot, table, 0)
    for _ in range(2):  # 变更记录 opens with its 关闭, also after the page is shown again
        click(qtbot, page, "变更记录")
        assert window.ctx.tasks.wait_idle(10)
        history = opened(HistoryDialog)
        close = history.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
        assert close.isVisible()
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
        _go(qtbot, window, "住户")
        _go(qtbot, window, "居民")
    fund = _go(qtbot, window, "红色基金")
    tabs = fund.findChild(QTabWidget)
    assert tabs is not None
    shown: set[str] = set()
    for index in range(tabs.count()):  # tabs built when first chosen are read-only too
        qtbot.mouseClick(
            tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center()
        )
        assert window.ctx.tasks.wait_idle(30)
        shown |= {b.text() for b in tabs.currentWidget().findChildren(QPushButton) if b.isVisible()}
    assert not shown & FUND_WRITES, shown & FUND_WRITES
    assert {"校验台账", "打印台账", "导出台账…"} <= shown


def _shown_buttons(page: QWidget) -> set[str]:
    return {b.text() for b in page.findChildren(QPushButton) if b.isVisible()}


def test_every_print_stays_at_the_street(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """The buttons marked as writing where they are made are hidden, exactly those: the prints
    named otherwise (空白走访表, 签到表, 心愿墙公示, 认领登记卡 …) stay and print."""
    window, _town = street
    households = _go(qtbot, window, "住户")
    assert isinstance(households, HouseholdsPage)
    click_row(qtbot, households.list.table, 0)
    assert _shown_buttons(households) == {"空白走访表", "变更记录", "导出 Excel…", "打印列表"}
    click(qtbot, households, "空白走访表")
    assert window.ctx.tasks.wait_idle(60)
    qtbot.waitUntil(lambda: _preview() is not None, timeout=20000)
    preview = _preview()
    assert preview is not None and preview.document.pageCount() >= 1
    preview.hide()
    meetings = _go(qtbot, window, "三方联席会议")
    click_row(qtbot, meetings.meetings.table, 0)  # type: ignore[attr-defined]
    shown = _shown_buttons(meetings)
    assert {"签到表", "打印会议纪要"} <= shown and not shown & {"新建会议", "纪要扫描件"}
    click(qtbot, meetings, "签到表")
    assert window.ctx.tasks.wait_idle(60)
    qtbot.waitUntil(lambda: _preview() is not None, timeout=20000)
    preview = _preview()
    assert preview is not None and preview.windowTitle() == "签到表"
    preview.hide()
    wishes = _go(qtbot, window, "微心愿")
    shown = _shown_buttons(wishes)
    assert {"心愿墙公示（A4）", "认领登记卡", "兑现签收单", "批次汇总"} <= shown
    assert "开启新批次…" not in shown


READING_BUTTONS = {  # what each community page and tab shows at the street: nothing writes
    ("居民", ""): {"变更记录", "导出 Excel…", "打印列表"},
    ("住户", ""): {"变更记录", "导出 Excel…", "打印列表", "空白走访表"},
    ("入户走访", "走访记录"): {"变更记录", "导出 Excel…", "打印列表", "打印走访记录表"},
    ("入户走访", "走访计划"): {"打印空白走访表"},
    ("入户走访", "走访覆盖率"): {"导出 Excel…", "打印"},
    ("民情诉求", "民情诉求"): {"变更记录", "导出 Excel…", "打印列表", "打印民情台账"},
    ("民情诉求", "统计"): {"导出 Excel…", "打印"},
    ("三方联席会议", "会议"): {"打印会议纪要", "签到表"},
    ("三方联席会议", "督办"): {"导出 Excel…", "打印督办表"},
    ("微心愿", "心愿"): {
        "兑现签收单",
        "心愿墙公示（A3）",
        "心愿墙公示（A4）",
        "批次汇总",
        "认领登记卡",
    },
    ("微心愿", "双报到党员"): {"打印服务记录"},
    ("微心愿", "统计"): {"导出 Excel…"},
    ("红色基金", "概览"): set(),
    ("红色基金", "申请"): {"打印审批表", "打印签收单"},
    ("红色基金", "台账"): {"导出台账…", "打印台账", "捐赠收据", "校验台账", "荣誉证书"},
    ("红色基金", "公示"): {"打印公示（A3）", "打印公示（A4）"},
    ("红色基金", "收支报告"): {"打印或保存…", "预览报告"},
}


def test_the_street_shows_only_the_buttons_that_read(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """Every community page and tab at the street: the buttons shown, all of them reading (a
    writing button made without its mark would show here)."""
    window, _town = street
    shown: dict[tuple[str, str], set[str]] = {}
    for title in dict.fromkeys(page for page, _tab in READING_BUTTONS):
        page = _go(qtbot, window, title)
        tabs = page.findChild(QTabWidget)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                bar = tabs.tabBar()
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                assert window.ctx.tasks.wait_idle(30)
            tab = tabs.tabText(index) if tabs is not None else ""
            shown[(title, tab)] = _shown_buttons(page)
    assert shown == READING_BUTTONS


def test_a_street_list_remembers_its_layout_apart(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """The street's 居民 (with its 社区 column) keeps its column layout under its own key: a
    community's 居民 on the same computer keeps its own."""
    window, _town = street
    page = _go(qtbot, window, "居民")
    assert isinstance(page, ResidentsPage)
    header = page.list.table.horizontalHeader()
    header.resizeSection(0, 177)  # as the clerk's drag does
    _go(qtbot, window, "住户")  # leaving the page keeps the change
    street_layout = ui_state.load("lists/street/residents/header")
    assert isinstance(street_layout, QByteArray)
    assert ui_state.load("lists/residents/header") is None
    restored = QHeaderView(Qt.Orientation.Horizontal)
    restored.setModel(page.list.table.model())
    assert restored.restoreState(street_layout) and restored.sectionSize(0) == 177
    assert restored.count() == page.list.table.model().columnCount()  # with 社区


def test_the_figures_shown_are_the_cores(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    window, town = street
    page = _go(qtbot, window, "统计")
    assert isinstance(page, StatsPage)
    today = clock.today()
    quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    pick(qtbot, page.kind, "季度")
    pick(qtbot, page.period, quarter)
    assert window.ctx.tasks.wait_idle(60)
    core = street_stats(town.street, quarter)  # the core's figures, asked apart
    table = page.table
    assert table.rowCount() == len(town.communities) + 1
    headings = [
        table.model().headerData(n, Qt.Orientation.Horizontal)
        for n in range(table.model().columnCount())
    ]
    assert headings == ["社区", *(c.title for c in SCREEN)]  # the report's, one set
    shown = {table.text(r, 0): r for r in range(table.rowCount())}
    for figures in [*core.rows, core.total]:
        row = shown[figures.name]
        assert table.text(row, 1) == str(figures.households) != "0"
        assert table.text(row, 2) == str(figures.visited)
        assert table.text(row, 3) == f"{figures.visited / figures.households * 100:.1f}%"
        assert table.text(row, 4) == str(figures.cases)
        assert table.text(row, 13) == str(figures.wishes_fulfilled)
    assert core.total.name == "合计" and core.total.cases == sum(f.cases for f in core.rows)
    chart = page.charts["coverage"]
    coverage = {name: chart.shown(value) for name, value in chart.items}
    assert coverage == {f.name: table.text(shown[f.name], 3) for f in core.rows}  # as the table
    assert all(label.endswith("%") and "." in label for label in coverage.values())
    second = town.communities[1]
    _choose_community(qtbot, window, second.name)
    assert [table.text(r, 0) for r in range(table.rowCount())] == [second.name]  # no 合计
    own = street_stats(town.street, quarter, second.node_id).rows[0]
    assert table.text(0, 4) == str(own.cases)
    assert [name for name, _ in page.charts["closure"].items] == [second.name]
    pick(qtbot, page.kind, "月度")
    pick(qtbot, page.period, page.period.itemText(page.period.count() - 1))  # a year ago
    assert window.ctx.tasks.wait_idle(60)
    model = table.model()
    blanks = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    blanks = [(r, c) for r, c in blanks if table.text(r, c) == "—"]
    assert blanks  # no request that month: no closure rate
    for r, c in blanks:  # right-aligned as the rates beside it
        alignment = model.data(model.index(r, c), Qt.ItemDataRole.TextAlignmentRole)
        assert alignment == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def test_cross_community_checks_list_both_sides(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    window, town = street
    page = _go(qtbot, window, "统计")
    assert isinstance(page, StatsPage)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.ctx.tasks.wait_idle(30)
    table = page.duplicates.table
    rows = [[table.text(r, c) for c in range(6)] for r in range(table.rowCount())]
    first, second, third = (c.name for c in town.communities)
    for kind, planted, communities in (
        ("同一半年在多个社区获得基金救助", town.planted[PLANTED_AID], {first, second}),
        ("同一年在多个社区的微心愿批次中", town.planted[PLANTED_WISH], {first, third}),
    ):
        sides = [r for r in rows if r[0] == kind and r[1] == mask_id_number(planted)]
        assert {r[3] for r in sides} == communities, (kind, rows)
        assert all(planted not in "".join(r) for r in sides)  # the ID number masked
    assert page.duplicates.summary.text().startswith(f"发现 {len(page.duplicates.findings)} 条")


def test_the_street_report_is_exported_and_printed(
    qtbot: QtBot,
    street: tuple[MainWindow, StreetTown],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, town = street
    page = _go(qtbot, window, "统计")
    assert isinstance(page, StatsPage)
    pick(qtbot, page.kind, "月度")
    month = page.period.currentText()
    target = tmp_path / "月报.xlsx"
    asked: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.confirm", lambda _p, _t, text: asked.append(text))
    click(qtbot, page, "导出 Excel")
    assert window.ctx.tasks.wait_idle(60)
    assert asked and "月报.xlsx" in asked[0]  # 已导出, open the folder? (answered no)
    book = openpyxl.load_workbook(target, read_only=True)
    cells = {
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
    }
    assert {c.name for c in town.communities} | {"合计"} <= cells
    assert not any(town.planted[PLANTED_AID] in c for c in cells)  # no person in it
    assert month in "".join(cells)
    pick(qtbot, page.kind, "年度")  # 年度 has its report too
    assert page.print_button.isEnabled() and page.export_button.isEnabled()
    click(qtbot, page, "打印")
    assert window.ctx.tasks.wait_idle(60)
    qtbot.waitUntil(lambda: _preview() is not None, timeout=20000)
    preview = _preview()
    assert preview is not None and preview.document.pageCount() >= 1
    assert preview.windowTitle() == "街道年度工作报表"
    preview.hide()


def _preview() -> PreviewWindow | None:
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow) and w.isVisible()
    ]
    return shown[-1] if shown else None


def test_the_orders_tabs_start_where_the_other_pages_tabs_do(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """审批与通知's tab bar sits in the page's margin as 红色基金's and 统计's do (QA 8: it was
    8 px to the left of them, against the window's edge)."""
    window, _town = street

    def tabs_left(title: str) -> int:
        page = _go(qtbot, window, title)
        tabs = page.findChild(QTabWidget)
        assert tabs is not None and tabs.isVisible(), title
        return tabs.tabBar().mapTo(window, QPoint(0, 0)).x()

    fund, stats, orders = (tabs_left(t) for t in ("红色基金", "统计", "审批与通知"))
    assert orders == fund == stats
    assert orders > window.stack.mapTo(window, QPoint(0, 0)).x()  # inside the page's margin


def test_each_notice_is_listed_once_whichever_community_is_chosen(
    qtbot: QtBot, street: tuple[MainWindow, StreetTown]
) -> None:
    """通知和任务 under 全部社区 and with a community chosen in the filter: each of the street's
    notices once (not once per community it went to), with its completion count."""
    window, town = street
    first, second, _third = town.communities
    due = clock.today() + timedelta(days=5)
    notices.issue(town.street, None, "冬季消防安全排查", due, kind="task")
    notices.issue(town.street, [second.node_id], "报送走访台账", due)
    page = _go(qtbot, window, "审批与通知")
    assert isinstance(page, OrdersPage)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.ctx.tasks.wait_idle(30)
    table = page.notices.table
    for chosen in ("全部社区", first.name, second.name):
        _choose_community(qtbot, window, chosen)
        rows = sorted(
            (table.text(r, 1), table.text(r, 3), table.text(r, 4)) for r in range(table.rowCount())
        )
        everyone = "、".join(sorted(c.name for c in town.communities))
        assert rows == [
            ("冬季消防安全排查", "0/3", everyone),
            ("报送走访台账", "0/1", second.name),
        ], chosen
