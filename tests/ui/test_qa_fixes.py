"""Defects a QA trial found driving the real window, each driven here through the widgets a
user touches: the sort arrow on headings that cannot sort, detail panes that kept a record
the list no longer shows, the empty 走访人 list, the import wizard's file name, the new record
selected after saving, 变更记录 everywhere, the 住户 list's phone, completing a resolution
with no linked request."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.cases import queries as case_queries
from redoffice.cases.queries import CaseFilter
from redoffice.kit import codes
from redoffice.kit.db import Database, open_database
from redoffice.kit.validation import mask_phone
from redoffice.meetings import resolutions
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.models import Household, Resident
from redoffice.models.meetings import Resolution
from redoffice.ui.cases.cases_page import CasesPage
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.history_dialog import HistoryDialog
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meeting_dialog import MeetingDialog
from redoffice.ui.meetings.meetings_page import CompleteDialog, MeetingsPage
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.import_wizard import ImportWizard
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.settings.setup_dialog import SetupDialog
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.visits.visits_page import VisitsPage
from redoffice.ui.workbench.dashboard import Dashboard
from tests import excel_corpus as corpus
from tests.factories import id_number
from tests.ui.driver import click, click_row, opened, tick, type_into


def _show(qtbot: QtBot, ctx: AppContext, page: Any) -> Any:
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert ctx.tasks.wait_idle()
    return page


def _click_heading(qtbot: QtBot, listing: SearchableList[Any], column: int) -> None:
    header = listing.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _heading(listing: SearchableList[Any], text: str) -> int:
    model = listing.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(text)


def test_a_heading_that_cannot_sort_does_not_take_the_arrow(qtbot: QtBot, ctx: AppContext) -> None:
    page = _show(qtbot, ctx, ResidentsPage(ctx))
    listing = page.list
    header = listing.table.horizontalHeader()
    address = _heading(listing, "地址")
    _click_heading(qtbot, listing, address)
    assert ctx.tasks.wait_idle()
    assert header.sortIndicatorSection() == address
    order = listing.ids()
    for text in ("身份证号", "联系电话", "特殊人群"):
        _click_heading(qtbot, listing, _heading(listing, text))
        assert ctx.tasks.wait_idle()
        assert header.sortIndicatorSection() == address, text
        assert listing.table.frozen.horizontalHeader().sortIndicatorSection() == address
        assert listing.ids() == order
    _click_heading(qtbot, listing, address)  # a sortable heading still flips the order
    assert ctx.tasks.wait_idle()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert listing.ids() != order


def _select(qtbot: QtBot, listing: SearchableList[Any], record_id: str) -> None:
    qtbot.waitUntil(lambda: record_id in listing.ids(), timeout=5000)
    click_row(qtbot, listing.table, listing.ids().index(record_id))


def test_the_case_pane_clears_when_its_case_is_filtered_out(qtbot: QtBot, ctx: AppContext) -> None:
    page = _show(qtbot, ctx, CasesPage(ctx))
    on_time = next(r for r in case_queries.list_cases(ctx.db, CaseFilter()) if not r.overdue)
    _select(qtbot, page.list, on_time.id)
    assert ctx.tasks.wait_idle()
    assert on_time.number in page.detail.text() and page.timeline.rowCount() > 0
    tick(qtbot, page.overdue)  # 仅看逾期
    assert ctx.tasks.wait_idle()
    assert on_time.id not in page.list.ids()
    assert page.detail.text() == "" and page.timeline.rowCount() == 0


def _open_resolution(ctx: AppContext, linked: bool) -> str:
    """An open resolution with (or without) a request behind it."""
    with ctx.db.uow() as s:
        for row in resolutions.list_resolutions(ctx.db, ResolutionFilter(open_only=True)):
            resolution = s.get(Resolution, row.id)
            assert resolution is not None
            if bool(resolutions.linked_cases(s, resolution)) == linked:
                return row.id
    raise AssertionError("no such resolution in the demo")


def _complete(qtbot: QtBot, ctx: AppContext, page: MeetingsPage, resolution_id: str) -> None:
    _select(qtbot, page.resolutions, resolution_id)
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "完成")
    dialog = opened(CompleteDialog)
    assert dialog.close_cases.isChecked()  # 同时办结背后的诉求
    type_into(qtbot, dialog.verifier, "李网格员")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()


def test_completed_resolution_leaves_with_its_notes_and_says_no_request(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = _show(qtbot, ctx, MeetingsPage(ctx))
    page.tabs.setCurrentIndex(1)
    resolution_id = _open_resolution(ctx, linked=False)
    _complete(qtbot, ctx, page, resolution_id)
    assert resolution_id not in page.resolutions.ids()  # 只看未完成
    assert page.notes.rowCount() == 0
    assert page.outcome.isVisible() and page.outcome.text() == "没有关联的待办结民情诉求"
    linked = _open_resolution(ctx, linked=True)
    _complete(qtbot, ctx, page, linked)
    assert page.outcome.isVisible() and page.outcome.text().startswith("已办结民情诉求")


def test_a_new_office_without_staff_sees_where_to_add_them(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    ctx = AppContext(sqlite_db)
    try:
        page = _show(qtbot, ctx, VisitsPage(ctx))
        click(qtbot, page, "记录走访")
        assert ctx.tasks.wait_idle()
        dialog = opened(VisitDialog)
        assert dialog.visitors.count() == 0
        assert dialog.visitors.height() >= 40  # not a 2-pixel strip
        assert dialog.no_staff.isVisible()
        assert dialog.no_staff.text() == "还没有工作人员：请先在 基础数据 → 工作人员 中添加"
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()


def test_every_import_step_names_the_file_and_sheet(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],  # 导入 creates the workbook's places on confirmation
) -> None:
    workbook = corpus.two_row_header(tmp_path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(workbook)])
    for step, press in ((1, "选择文件"), (2, "检查（预检，不写入）"), (3, "导入")):
        click(qtbot, wizard.pages.currentWidget(), press)
        assert ctx.tasks.wait_idle()
        assert wizard.pages.currentIndex() == step and wizard.preview is not None
        source = wizard.pages.currentWidget().findChild(QLabel, "source")
        assert source is not None and source.isVisible()
        assert source.text() == f"文件：{workbook.name}　工作表：{wizard.preview.sheet}"


def _in_view(listing: SearchableList[Any], record_id: str) -> bool:
    """``record_id`` is the selected row and shows in the table's viewport."""
    position = listing.ids().index(record_id)
    rect = listing.table.visualRect(listing.model.index(position, 1))
    return listing.current_id() == record_id and listing.table.viewport().rect().contains(rect)


def test_a_new_resident_is_selected_and_scrolled_to(qtbot: QtBot, ctx: AppContext) -> None:
    page = _show(qtbot, ctx, ResidentsPage(ctx))
    click(qtbot, page, "新增居民")
    dialog = opened(ResidentDialog)
    type_into(qtbot, dialog.name, "左小明")  # sorted last by name: below the first screen
    type_into(qtbot, dialog.id_number, id_number(date(1990, 3, 4), "male", seq=77))
    click(qtbot, dialog, "添加")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert _in_view(page.list, str(saved.args[0]))
    assert page.list.ids().index(str(saved.args[0])) > 20


def test_a_new_meeting_is_selected(qtbot: QtBot, ctx: AppContext) -> None:
    page = _show(qtbot, ctx, MeetingsPage(ctx))
    click(qtbot, page, "新建会议")
    assert ctx.tasks.wait_idle()
    dialog = opened(MeetingDialog)
    dialog.estates.setFocus()
    dialog.estates.setCurrentRow(0)
    qtbot.keyClick(dialog.estates, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert _in_view(page.meetings, str(saved.args[0]))


@pytest.mark.parametrize("page_class", [VisitsPage, CasesPage])
def test_the_history_button_reads_like_its_dialog(
    qtbot: QtBot, ctx: AppContext, page_class: type[VisitsPage | CasesPage]
) -> None:
    """入户走访 and 民情诉求 say 变更记录, as 居民, 住户, 基础数据 and the dialog do."""
    page = _show(qtbot, ctx, page_class(ctx))
    click_row(qtbot, page.list.table, 0)
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "变更记录")
    assert ctx.tasks.wait_idle()
    assert opened(HistoryDialog).windowTitle() == "变更记录"


def test_the_households_list_shows_the_heads_phone(qtbot: QtBot, ctx: AppContext) -> None:
    """住户 联系电话: the household's own phone, else its head's (masked as lists mask)."""
    with ctx.db.read() as s:
        household_id, phone = next(
            (h.id, r.phone)
            for h, r in s.execute(
                select(Household, Resident)
                .join(Resident, Resident.household_id == Household.id)
                .where(
                    Household.phone == "",
                    Resident.relation == codes.HEAD_OF_HOUSEHOLD,
                    Resident.phone != "",
                )
            )
        )
    page = _show(qtbot, ctx, HouseholdsPage(ctx))
    listing = page.list
    position = listing.ids().index(household_id)
    listing.table.scrollTo(listing.model.index(position, 0))  # its page is fetched when shown
    assert ctx.tasks.wait_idle()
    cell = listing.model.index(position, _heading(listing, "联系电话"))
    assert listing.model.data(cell) == mask_phone(phone) != ""


def test_setup_codes_show_their_example_and_take_only_their_digits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ctx = AppContext(open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True))
    try:
        dialog = SetupDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 728)
        dialog.show()
        form = dialog.identity_form
        for edit in (form.community_code, form.street_code):
            example = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            assert example <= edit.contentsRect().width() - 8, edit.placeholderText()
        type_into(qtbot, form.street_code, "420106001001001001")  # 18 digits typed
        assert form.street_code.text() == "420106001"
        type_into(qtbot, form.community_code, "420 106 001 001 999")  # groups of three
        assert form.community_code.text() == "420 106 001 001 "
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()


def test_the_dashboard_per_grid_table_shows_whole_grid_names(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)  # an office screen less its taskbar
    window.show()
    assert ctx.tasks.wait_idle()
    grids = window.findChild(Dashboard).grids  # type: ignore[union-attr]
    assert grids.rowCount() > 0
    metrics = grids.fontMetrics()
    widest = max(metrics.horizontalAdvance(grids.text(r, 0)) for r in range(grids.rowCount()))
    assert grids.columnWidth(0) >= widest + 6
    assert grids.rows_model.headerData(2, Qt.Orientation.Horizontal) == "逾期\n未走访"
