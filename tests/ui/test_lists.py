"""Lists do what Excel users expect: export and print what the list shows, columns hidden,
shown and reordered from the header, the name column frozen, the row's actions on right-click,
Ctrl+F, Enter in a picker, everything remembered in the next run; the figures tabs exported
and printed for any dates."""

from __future__ import annotations

import re
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from redoffice.kit import clock
from redoffice.kit.db import open_database
from redoffice.registry import search
from redoffice.settings import community
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.household_picker import HouseholdPicker
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.visits.visits_page import VisitsPage
from tests.conftest import IDENTITY, OPERATOR
from tests.reports.conftest import pdf_fonts, pdf_text
from tests.ui.driver import click, opened, type_into

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")

REAL_RISKY = ask.risky  # before any test answers it


def _residents(qtbot: QtBot, ctx: AppContext) -> ResidentsPage:
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert ctx.tasks.wait_idle()
    return page


def _choose_second_grid(qtbot: QtBot, page: ResidentsPage) -> str:
    """Pick 第1网格 in the grid filter with the keyboard, as a user would."""
    page.places.grid.setFocus()
    qtbot.keyClick(page.places.grid, Qt.Key.Key_Down)
    return page.places.grid.currentText()


def _sort_by_heading(qtbot: QtBot, listing: SearchableList[Any], column: int) -> None:
    header = listing.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _preview_shown() -> bool:
    return any(
        isinstance(w, PreviewWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def _right_click(widget: QWidget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


@pytest.fixture
def saved_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The save dialog answers a file in the test's folder."""
    path = tmp_path / "导出.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(path))
    return path


@pytest.fixture
def folders(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.export.QDesktopServices.openUrl", lambda url: opened_urls.append(url)
    )
    return opened_urls


def test_export_is_the_list_as_shown_and_reports_the_count(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    saved_to: Path,
    folders: list[QUrl],
    no_questions: list[str],
) -> None:
    page = _residents(qtbot, ctx)
    grid = _choose_second_grid(qtbot, page)
    type_into(qtbot, page.list.search, "王")
    _sort_by_heading(qtbot, page.list, 2)  # 出生日期, oldest first
    assert ctx.tasks.wait_idle()
    shown = search.resident_rows(ctx.db, page.list.ids())
    assert 0 < len(shown) < 137 and {r.grid for r in shown} == {grid.split(" ")[-1]}
    births = [r.birth_date for r in shown]
    assert births == sorted(births)  # type: ignore[type-var]
    monkeypatch.setattr("redoffice.ui.kit.ask.risky", lambda *_a: False)
    click(qtbot, page, "导出 Excel")
    assert ctx.tasks.wait_idle()
    sheet = load_workbook(saved_to).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [r.name for r in shown]
    numbers = [r[8] for r in rows]  # 户号
    assert all(isinstance(n, int) for n in numbers), numbers
    assert not [c for r in rows for c in r if isinstance(c, str) and UUID.search(c)]
    assert all("*" in str(r[2]) for r in rows)  # masked: 否 was the answer
    assert no_questions[-1] == f"已导出 {len(shown)} 条到 导出.xlsx。\n打开所在文件夹？"
    assert folders == [QUrl.fromLocalFile(str(saved_to.parent))]


def test_the_full_id_question_defaults_to_no(
    qtbot: QtBot,
    ctx: AppContext,
    saved_to: Path,
    folders: list[QUrl],
    no_questions: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("redoffice.ui.kit.ask.risky", REAL_RISKY)  # this question is asked for real
    page = _residents(qtbot, ctx)
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)
            return
        no = box.button(QMessageBox.StandardButton.No)
        seen.append("default" if box.defaultButton() is no else "other")
        # the box's own focus widget: the one keys reach once the window manager activates it
        seen.append("focus" if box.focusWidget() is no else "no focus")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(20, press_enter)
    click(qtbot, page, "导出 Excel")
    assert ctx.tasks.wait_idle()
    assert seen == ["default", "focus"]
    sheet = load_workbook(saved_to).active
    assert sheet is not None and "*" in str(sheet.cell(2, 3).value)  # Enter kept them masked


def test_households_export_numbers_households_without_ids(
    qtbot: QtBot, ctx: AppContext, saved_to: Path, folders: list[QUrl], no_questions: list[str]
) -> None:
    from redoffice.ui.registry.households_page import HouseholdsPage

    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    type_into(qtbot, page.list.search, "阳光花园")
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "导出 Excel")
    assert ctx.tasks.wait_idle()
    sheet = load_workbook(saved_to).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(page.list.ids()) > 0
    assert all(isinstance(r[0], int) and "阳光花园" in str(r[1]) for r in rows)
    assert no_questions and folders


def test_header_menu_hides_a_column_and_the_print_is_the_list_as_shown(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    page = _residents(qtbot, ctx)
    grid = _choose_second_grid(qtbot, page)
    type_into(qtbot, page.list.search, "李")
    assert ctx.tasks.wait_idle()
    header = page.list.table.horizontalHeader()
    _right_click(header.viewport(), QPoint(header.sectionViewportPosition(3) + 5, 5))
    menu = page.list.table.menu
    assert menu is not None and "姓名" not in [a.text() for a in menu.actions()]  # frozen
    phone = next(a for a in menu.actions() if a.text() == "联系电话")
    phone.trigger()
    assert header.isSectionHidden(4)
    click(qtbot, page, "打印列表")  # laid out in a process of its own, with progress
    qtbot.waitUntil(_preview_shown, timeout=60_000)
    preview = opened(PreviewWindow)
    document = preview.document
    size = document.pagePointSize(0)
    assert size.width() > size.height()  # A4 landscape
    text = "".join(pdf_text(preview.pdf, tmp_path))
    assert f"居民名单（{grid}，搜索“李”）" in text.replace("\n", "")
    names = [r.name for r in search.resident_rows(ctx.db, page.list.ids())]
    assert names and all(name in text for name in names)
    assert "联系电话" not in text and "身份证号" in text
    assert all(row[3] == "yes" for row in pdf_fonts(preview.pdf, tmp_path))  # embedded
    preview.close()


def test_name_column_stays_leftmost_and_visible_when_scrolling_sideways(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = _residents(qtbot, ctx)
    page.resize(600, 500)
    table = page.list.table
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(0), 4)  # dropping the name column elsewhere
    assert header.visualIndex(0) == 0
    header.moveSection(header.visualIndex(6), 1)  # other columns move freely
    assert header.logicalIndex(1) == 6
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.wait(20)
    assert table.horizontalScrollBar().value() > 0
    frozen = table.frozen
    assert frozen.isVisible() and frozen.geometry().left() <= table.frameWidth()
    assert frozen.columnWidth(0) == table.columnWidth(0)
    first = frozen.indexAt(QPoint(5, 5))
    assert first.column() == 0 and first.data() == page.list.model.row_at(0).name  # type: ignore[union-attr]


def test_the_frozen_name_column_sorts_and_has_the_row_menu(qtbot: QtBot, ctx: AppContext) -> None:
    page = _residents(qtbot, ctx)
    frozen = page.list.table.frozen
    qtbot.mouseClick(
        frozen.horizontalHeader().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 5)
    )
    assert ctx.tasks.wait_idle()
    header = page.list.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    last_name_first = search.ResidentQuery(sort="name", descending=True)
    assert page.list.ids() == search.resident_ids(ctx.db, last_name_first)
    _right_click(frozen.viewport(), QPoint(10, frozen.rowViewportPosition(1) + 5))
    assert page.list.current_id() == page.list.model.id_at(1)
    menu = page.list.table.rows.menu
    assert menu is not None and menu.actions()[0].text() == "编辑"


def test_row_menu_offers_the_page_buttons(qtbot: QtBot, ctx: AppContext) -> None:
    page = _residents(qtbot, ctx)
    table = page.list.table
    y = table.rowViewportPosition(2) + 5
    _right_click(table.viewport(), QPoint(table.columnViewportPosition(3) + 5, y))
    assert page.list.current_id() == page.list.model.id_at(2)
    menu = table.rows.menu
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    assert labels == ["编辑", "迁至其他户…", "迁出/去世…", "删除", "变更记录"]
    next(a for a in menu.actions() if a.text() == "编辑").trigger()
    assert ctx.tasks.wait_idle()
    dialog = opened(ResidentDialog)
    assert dialog.name.text() == page.list.current_row().name
    dialog.reject()


def test_ctrl_f_goes_to_the_search_and_enter_opens_the_row(qtbot: QtBot, ctx: AppContext) -> None:
    page = _residents(qtbot, ctx)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # its list came a turn after the window showed
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.list.search.hasFocus()
    qtbot.keyClick(page.list.search, Qt.Key.Key_Down)  # arrows move the highlight
    row = page.list.table.currentIndex().row()
    qtbot.keyClick(page.list.search, Qt.Key.Key_Down)
    assert page.list.current_id() == page.list.model.id_at(row + 1)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Up)
    assert page.list.current_id() == page.list.model.id_at(row)
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    assert ctx.tasks.wait_idle()
    assert opened(ResidentDialog).name.text() == page.list.current_row().name


def test_enter_in_the_household_picker_chooses_the_highlighted_row(
    qtbot: QtBot, ctx: AppContext
) -> None:
    picker = HouseholdPicker(ctx)
    qtbot.addWidget(picker)
    picker.show()
    assert ctx.tasks.wait_idle()
    type_into(qtbot, picker.list.search, "幸福里")
    with qtbot.waitSignal(picker.chosen, timeout=5000) as chosen:
        qtbot.keyClick(picker.list.search, Qt.Key.Key_Return)  # before the search has run
    first = search.household_rows(ctx.db, picker.list.ids()[:1])[0]
    assert chosen.args == [first.id, first.address] and "幸福里" in first.address
    assert not picker.isVisible()

    again = HouseholdPicker(ctx)
    qtbot.addWidget(again)
    again.show()
    assert ctx.tasks.wait_idle()
    qtbot.keyClick(again.list.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(again.chosen, timeout=5000) as second:
        qtbot.keyClick(again.list.search, Qt.Key.Key_Return)
    assert second.args[0] == again.list.model.id_at(1)


def test_columns_sort_filters_and_picker_size_are_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    page = _residents(qtbot, ctx)
    grid = _choose_second_grid(qtbot, page)
    page.tag.setFocus()
    qtbot.keyClick(page.tag, Qt.Key.Key_Down)
    tag = page.tag.currentText()
    header = page.list.table.horizontalHeader()
    _right_click(header.viewport(), QPoint(5, 5))
    assert page.list.table.menu is not None
    next(a for a in page.list.table.menu.actions() if a.text() == "联系电话").trigger()
    header.moveSection(header.visualIndex(6), 1)  # 住址 next to the name
    header.resizeSection(0, 140)  # a wider name column
    _sort_by_heading(qtbot, page.list, 2)
    _sort_by_heading(qtbot, page.list, 2)  # 出生日期, youngest first
    qtbot.mouseClick(page.deleted, Qt.MouseButton.LeftButton)  # a look into the recycle bin
    assert ctx.tasks.wait_idle()
    page.close()

    again = _residents(qtbot, ctx)
    assert again.places.grid.currentText() == grid and again.tag.currentText() == tag
    # objects the page let go are deleted as the application's event loop would
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(2):  # a remembered filter changed again: once an error on every change
        again.tag.setFocus()
        qtbot.keyClick(again.tag, Qt.Key.Key_Down)
        assert ctx.tasks.wait_idle()
    again.tag.setFocus()
    for _ in range(2):
        qtbot.keyClick(again.tag, Qt.Key.Key_Up)
    assert again.tag.currentText() == tag
    header = again.list.table.horizontalHeader()
    assert header.isSectionHidden(4) and header.logicalIndex(1) == 6
    assert again.list.table.columnWidth(0) == again.list.table.frozen.columnWidth(0) == 140
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    births = [r.birth_date for r in search.resident_rows(ctx.db, again.list.ids())]
    assert births == sorted(births, reverse=True)  # type: ignore[type-var]
    assert page.deleted.isChecked() and not again.deleted.isChecked()  # not remembered

    picker = HouseholdPicker(ctx)
    qtbot.addWidget(picker)
    picker.resize(700, 450)
    picker.show()
    picker.reject()
    later = HouseholdPicker(ctx)
    qtbot.addWidget(later)
    assert (later.width(), later.height()) == (700, 450)


def _visits_page(qtbot: QtBot, ctx: AppContext) -> VisitsPage:
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.tabs.setCurrentWidget(page.coverage)
    assert ctx.tasks.wait_idle()
    return page


def _type_date(qtbot: QtBot, field: Any, day: date) -> None:
    field.edit.selectAll()
    type_into(qtbot, field.edit, day.isoformat())
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def test_coverage_for_any_dates_exported_and_printed(
    qtbot: QtBot,
    ctx: AppContext,
    saved_to: Path,
    tmp_path: Path,
    folders: list[QUrl],
    no_questions: list[str],
) -> None:
    page = _visits_page(qtbot, ctx)
    tab = page.coverage
    start, end = clock.today() - timedelta(days=400), clock.today()
    _type_date(qtbot, tab.picker.start, start)
    _type_date(qtbot, tab.picker.end, end)
    assert ctx.tasks.wait_idle()
    assert tab.picker.period.currentText() == "自定义"
    assert tab.picker.dates() == (start, end)
    shown = [tab.by_grid.text(r, 0) for r in range(tab.by_grid.rowCount())]
    click(qtbot, tab, "导出 Excel")
    assert ctx.tasks.wait_idle()
    sheet = load_workbook(saved_to).active
    assert sheet is not None
    assert sheet.cell(1, 1).value == f"走访覆盖率 {start.isoformat()} 至 {end.isoformat()}"
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[1] for r in rows if r[0] == "按网格"] == [*shown, "全社区"]
    assert all(str(r[4]).endswith("%") for r in rows)
    assert no_questions == ["已导出到 导出.xlsx。\n打开所在文件夹？"] and len(folders) == 1
    click(qtbot, tab, "打印")
    assert ctx.tasks.wait_idle()
    preview = opened(PreviewWindow)
    text = "".join(pdf_text(preview.pdf, tmp_path))
    assert "走访覆盖率" in text and f"{start.isoformat()} 至 {end.isoformat()}" in text
    assert all(name in text for name in shown)
    preview.close()


def test_case_statistics_for_a_year_exported_and_printed(
    qtbot: QtBot,
    ctx: AppContext,
    saved_to: Path,
    tmp_path: Path,
    folders: list[QUrl],
    no_questions: list[str],
) -> None:
    from redoffice.ui.cases.cases_page import CasesPage

    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.statistics)
    assert ctx.tasks.wait_idle()
    tab = page.statistics
    start = clock.today() - timedelta(days=365)
    _type_date(qtbot, tab.picker.start, start)
    assert ctx.tasks.wait_idle()
    total = tab.table.text(tab.table.rowCount() - 1, 1)
    assert int(total) > 0
    click(qtbot, tab, "导出 Excel")
    assert ctx.tasks.wait_idle()
    sheet = load_workbook(BytesIO(saved_to.read_bytes())).active
    assert sheet is not None
    last = list(sheet.iter_rows(values_only=True))[-1]
    assert last[0] == "合计" and last[1] == total
    click(qtbot, tab, "打印")
    assert ctx.tasks.wait_idle()
    preview = opened(PreviewWindow)
    text = "".join(pdf_text(preview.pdf, tmp_path))
    assert "民情诉求统计" in text and "办结率" in text and start.isoformat() in text
    preview.close()


def test_unreadable_end_date_exports_nothing(qtbot: QtBot, ctx: AppContext, saved_to: Path) -> None:
    page = _visits_page(qtbot, ctx)
    tab = page.coverage
    tab.picker.end.edit.selectAll()
    type_into(qtbot, tab.picker.end.edit, "2026-13-45")
    qtbot.keyClick(tab.picker.end.edit, Qt.Key.Key_Tab)
    click(qtbot, tab, "导出 Excel")
    assert ctx.tasks.wait_idle()
    assert not saved_to.exists()
    assert tab.picker.end.problem() == "没有 2026-13-45 这一天"


def test_main_window_opens_where_it_was_closed(qtbot: QtBot, ctx: AppContext) -> None:
    from redoffice.ui.main_window import MainWindow

    window = MainWindow(AppContext(ctx.db))
    qtbot.addWidget(window)
    window.show()
    window.resize(window.width(), 500)  # the default is 760 high
    qtbot.wait(20)
    window.close()  # closing saves the place
    again = MainWindow(AppContext(ctx.db))
    qtbot.addWidget(again)
    again.show()
    assert again.height() == 500
    again.close()


def test_follow_up_list_exported_and_printed_with_its_filters(
    qtbot: QtBot,
    ctx: AppContext,
    saved_to: Path,
    tmp_path: Path,
    folders: list[QUrl],
    no_questions: list[str],
) -> None:
    from redoffice.ui.meetings.meetings_page import MeetingsPage

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(1)
    assert ctx.tasks.wait_idle()
    page.party.setFocus()
    qtbot.keyClick(page.party, Qt.Key.Key_Down)  # the first party
    assert ctx.tasks.wait_idle()
    party, shown = page.party.currentText(), len(page.resolutions.ids())
    assert shown > 0
    tab = page.tabs.currentWidget()
    click(qtbot, tab, "导出 Excel")
    assert ctx.tasks.wait_idle()
    sheet = load_workbook(saved_to).active
    assert sheet is not None and sheet.max_row - 1 == shown
    assert no_questions == [f"已导出 {shown} 条到 导出.xlsx。\n打开所在文件夹？"]
    click(qtbot, tab, "打印督办表")
    assert ctx.tasks.wait_idle()
    preview = opened(PreviewWindow)
    text = "".join(pdf_text(preview.pdf, tmp_path)).replace(" ", "")
    assert f"未完成事项，{party}" in text
    assert preview.document.pagePointSize(0).width() > preview.document.pagePointSize(0).height()
    preview.close()


def test_a_case_opened_from_the_workbench_shows_whatever_filter_was_remembered(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from redoffice.cases.queries import CaseFilter, list_cases
    from redoffice.ui.cases.cases_page import CasesPage
    from redoffice.ui.main_window import MainWindow
    from tests.ui.driver import click_row

    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    page.places.grid.setFocus()
    qtbot.keyClick(page.places.grid, Qt.Key.Key_End)  # the last 网格, remembered
    grid = page.places.grid.currentText().split(" ")[-1]
    assert ctx.tasks.wait_idle()
    page.close()
    overdue = [c for c in list_cases(ctx.db, CaseFilter(overdue_only=True)) if c.grid != grid]
    assert overdue, "the demo has overdue cases in another 网格"

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert ctx.tasks.wait_idle()
    qtbot.mouseClick(window.dashboard.cards["cases_overdue"], Qt.MouseButton.LeftButton)
    table = window.dashboard.lists["cases_overdue"]
    numbers = [table.text(r, 0) for r in range(table.rowCount())]
    position = numbers.index(overdue[0].number)
    click_row(qtbot, table, position, double=True)
    assert ctx.tasks.wait_idle()
    assert window.cases.places.grid.currentIndex() == 0  # the remembered 网格 did not hide it
    assert window.cases.list.current_id() == overdue[0].id


def test_meetings_and_follow_up_rows_offer_their_buttons(qtbot: QtBot, ctx: AppContext) -> None:
    from redoffice.ui.kit.preview import PreviewWindow
    from redoffice.ui.meetings.meetings_page import MeetingsPage

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    table = page.meetings.table
    _right_click(table.viewport(), QPoint(20, table.rowViewportPosition(0) + 5))
    assert table.currentIndex().row() == 0 and table.rows.menu is not None
    labels = [a.text() for a in table.rows.menu.actions()]
    assert labels[:2] == ["会议纪要…", "修改…"] and "打印会议纪要" in labels
    next(a for a in table.rows.menu.actions() if a.text() == "签到表").trigger()
    qtbot.waitUntil(_preview_shown, timeout=10_000)
    opened(PreviewWindow).close()
    page.tabs.setCurrentIndex(1)
    assert ctx.tasks.wait_idle()
    follow_up = page.resolutions.table
    _right_click(follow_up.viewport(), QPoint(20, follow_up.rowViewportPosition(0) + 5))
    assert follow_up.rows.menu is not None
    assert [a.text() for a in follow_up.rows.menu.actions()] == ["进展…", "完成…", "取消事项…"]


def test_default_columns_from_the_header_menu(qtbot: QtBot, ctx: AppContext) -> None:
    page = _residents(qtbot, ctx)
    table = page.list.table
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(6), 1)
    header.resizeSection(6, 400)
    _right_click(header.viewport(), QPoint(header.sectionViewportPosition(3) + 5, 5))
    assert table.menu is not None
    next(a for a in table.menu.actions() if a.text() == "性别").trigger()
    assert header.isSectionHidden(1)
    _right_click(header.viewport(), QPoint(header.sectionViewportPosition(3) + 5, 5))
    next(a for a in table.menu.actions() if a.text() == "恢复默认列").trigger()
    assert [header.logicalIndex(v) for v in range(header.count())] == list(range(header.count()))
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert header.sectionSize(6) == page.list.model.widths()[6]


def test_ctrl_f_finds_the_search_of_the_list_in_view(qtbot: QtBot, ctx: AppContext) -> None:
    from redoffice.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.show_page("visits")
    assert ctx.tasks.wait_idle()
    visits = window.visits
    for tab, listing in ((1, visits.plan), (0, visits.list)):
        visits.tabs.setCurrentIndex(tab)
        listing.table.setFocus()
        qtbot.keyClick(listing.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert listing.search.hasFocus()
    window.show_page("cases")
    assert ctx.tasks.wait_idle()
    window.cases.list.table.setFocus()
    qtbot.keyClick(window.cases.list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.list.search.hasFocus()


def test_a_wish_row_offers_its_steps_in_its_state(qtbot: QtBot, ctx: AppContext) -> None:
    from redoffice.ui.wishes.wishes_page import WishesPage

    page = WishesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    table = page.wishes_tab.list.table
    _right_click(table.viewport(), QPoint(table.columnViewportPosition(5) + 5, 5))
    assert ctx.tasks.wait_idle()
    menu = table.rows.menu
    assert menu is not None
    enabled = {a.text() for a in menu.actions() if a.isEnabled()}
    labels = [a.text() for a in menu.actions()]
    assert "登记心愿…" not in labels and "认领…" in labels and "认领登记卡" in labels
    state = page.wishes_tab.list.current_row().status  # type: ignore[union-attr]
    assert ("认领…" in enabled) == (state == "published")


def test_filters_are_remembered_per_database(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    page = _residents(qtbot, ctx)
    page.scope.setFocus()
    qtbot.keyClick(page.scope, Qt.Key.Key_Down)  # 已迁出/已去世
    chosen = page.scope.currentText()
    assert ctx.tasks.wait_idle()
    page.close()

    other = open_database(f"sqlite:///{tmp_path / 'another-office.sqlite'}", create=True)
    community.initialize(other, IDENTITY, OPERATOR)
    elsewhere = AppContext(other)
    try:
        assert _residents(qtbot, elsewhere).scope.currentIndex() == 0  # not this office's choice
    finally:
        elsewhere.tasks.wait_idle(5)
        elsewhere.tasks.shutdown()
        other.close()
    assert _residents(qtbot, ctx).scope.currentText() == chosen
