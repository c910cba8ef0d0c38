"""Visits and cases on screen: record a visit whose issue becomes a case, move that case to
已回访, the 工作台 click-through, the print preview (printing to a real PDF printer), settings."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.attachments import service as attachments
from redoffice.cases import documents as case_documents
from redoffice.cases import queries as case_queries
from redoffice.cases.queries import CaseFilter
from redoffice.kit import clock
from redoffice.kit.validation import mask_name
from redoffice.models import Case
from redoffice.registry.search import (
    HouseholdQuery,
    household_ids,
    household_members,
    household_rows,
)
from redoffice.reports import cases as case_forms
from redoffice.settings import config
from redoffice.ui.cases.case_dialogs import CaseDialog, CaseStepDialog
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.household_picker import HouseholdPicker
from redoffice.ui.kit.preview import PreviewWindow, print_document
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.settings.work_settings import WorkSettings
from redoffice.ui.visits.visit_dialog import VisitDialog
from tests.ui.driver import click, click_row, opened, pick, type_into

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _household(ctx: AppContext) -> tuple[str, str]:
    (row,) = household_rows(ctx.db, household_ids(ctx.db, HouseholdQuery())[:1])
    return row.id, row.address


def _window(qtbot: QtBot, ctx: AppContext, page: str) -> MainWindow:
    """The main window at an office screen's size, on ``page`` chosen in the navigation."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle()
    item = window.nav.item(list(window.pages).index(page))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctx.tasks.wait_idle()
    return window


def _choose_household(qtbot: QtBot, ctx: AppContext, dialog: QWidget, address: str) -> None:
    """选择… in the dialog, type the address into the picker's search, Enter takes it."""
    click(qtbot, dialog, "选择")
    assert ctx.tasks.wait_idle()
    picker = opened(HouseholdPicker)
    type_into(qtbot, picker.list.search, address)
    qtbot.keyClick(picker.list.search, Qt.Key.Key_Return)
    assert ctx.tasks.wait_idle()
    assert not picker.isVisible()
    assert opened(type(dialog)) is dialog  # active again once the picker closed


def _tick_first(qtbot: QtBot, box: QListWidget) -> None:
    """Tick the first entry of a checklist with the keyboard, as 空格勾选 promises."""
    box.setFocus()
    box.setCurrentRow(0)
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _record_visit_with_issue(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> str:
    household_id, address = _household(ctx)
    window = _window(qtbot, ctx, "visits")
    click(qtbot, window.visits, "记录走访")
    assert ctx.tasks.wait_idle()
    dialog = opened(VisitDialog)
    _choose_household(qtbot, ctx, dialog, address)
    assert dialog.household.household_id == household_id
    ticked = [
        i
        for i in range(dialog.visitors.count())
        if dialog.visitors.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert [dialog.visitors.item(i).text() for i in ticked] == ["张秘书"]  # who records it
    dialog.visitors.setFocus()
    dialog.visitors.setCurrentRow(ticked[0])
    qtbot.keyClick(dialog.visitors, Qt.Key.Key_Space)  # not on this visit
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")  # no visitor, no purpose
    assert dialog.form.error_text("visitors") == "至少选择一名走访人"
    assert dialog.form.error_text("purposes") == "必须填写"
    _tick_first(qtbot, dialog.visitors)
    qtbot.mouseClick(dialog.purpose_boxes[0], Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.situation, "老人独居，腿脚不便")
    type_into(qtbot, dialog.party_members, "王党员、李党员")
    click(qtbot, dialog, "添加问题")
    category, _urgency, text = (dialog.issue_table.cellWidget(0, c) for c in range(3))
    assert isinstance(category, QComboBox) and isinstance(text, QLineEdit)
    category.setCurrentText("设施维修")
    type_into(qtbot, text, "单元门禁损坏，老人进出困难")
    handler = dialog.issue_table.combo(0, 4)  # 承办人, as on the 民情诉求 page
    pick(qtbot, handler, handler.itemText(1))
    photo = tmp_path / "门禁.png"
    photo.write_bytes(PNG)
    dialog.attachments.add(photo)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    return str(saved.args[0])


def test_record_visit_turn_issue_into_case_and_call_back(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    visit_id = _record_visit_with_issue(qtbot, ctx, tmp_path)
    with ctx.db.read() as s:
        case = s.scalars(select(Case).where(Case.visit_id == visit_id)).one()
    assert (case.category, case.source, case.status) == ("设施维修", "visit", "accepted")
    assert case.assignee_staff_id is not None and case.reporter_resident_id is not None
    assert [a.name for a in attachments.list_for(ctx.db, "visit", visit_id)] == ["门禁.png"]

    window = _window(qtbot, ctx, "cases")
    page = window.cases
    type_into(qtbot, page.list.search, case.number)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    assert ctx.tasks.wait_idle()
    click_row(qtbot, page.list.table, 0)
    assert ctx.tasks.wait_idle()
    assert page.list.current_id() == case.id
    for expected in ("in_progress", "resolved", "called_back"):
        click(qtbot, page, "办理下一步")
        dialog = opened(CaseStepDialog)
        if expected == "called_back":
            with qtbot.waitSignal(dialog.failed, timeout=5000):
                click(qtbot, dialog, "保存")  # a call-back needs a satisfaction
            assert "满意度" in dialog.message.text()
            pick(qtbot, dialog.satisfaction, "满意")
        type_into(qtbot, dialog.text, f"第{expected}步")
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            click(qtbot, dialog, "保存")
        assert ctx.tasks.wait_idle()
    assert ctx.tasks.wait_idle()
    row = case_queries.case_rows(ctx.db, [case.id])[0]
    assert (row.status, row.satisfaction) == ("已回访", "满意")
    assert page.timeline.rowCount() == 4  # 受理 and three steps, shown for the selected case
    assert page.timeline.text(3, 3) == "已回访（满意）"


def test_workbench_item_opens_the_case(qtbot: QtBot, ctx: AppContext) -> None:
    overdue = case_queries.list_cases(ctx.db, CaseFilter(overdue_only=True))
    assert overdue, "the demo has overdue cases"
    window = _window(qtbot, ctx, "dashboard")
    table = window.dashboard.lists["cases_overdue"]
    assert table.rowCount() == len(overdue)
    qtbot.mouseClick(window.dashboard.cards["cases_overdue"], Qt.MouseButton.LeftButton)
    assert window.dashboard.tabs.currentWidget() is table
    click_row(qtbot, table, 0)
    case_id = table.current_key()
    click_row(qtbot, table, 0, double=True)
    assert ctx.tasks.wait_idle()
    assert window.stack.currentWidget() is window.cases
    assert window.cases.list.current_id() == case_id


def test_preview_prints_and_saves(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = case_documents.ledger_rows(ctx.db, date(2000, 1, 1), clock.today())
    pdf = case_forms.case_ledger("幸福社区", "全部", data)
    window = PreviewWindow("民情台账", pdf, "民情台账.pdf")
    qtbot.addWidget(window)
    pages = window.document.pageCount()
    assert pages >= 1 and window.pages.text() == f"共 {pages} 页"

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(100)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert print_document(window.document, printer) == pages
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)
    assert "842 x 595" in info  # the ledger is A4 landscape, and so is the printout

    target = tmp_path / "saved.pdf"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    click(qtbot, window, "另存为 PDF")
    assert target.read_bytes() == pdf


def test_visit_form_preview_opens_from_the_visits_page(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx, "visits")
    click_row(qtbot, window.visits.list.table, 0)
    assert ctx.tasks.wait_idle()
    click(qtbot, window.visits, "打印走访记录表")
    assert ctx.tasks.wait_idle()
    preview = window.visits.findChild(PreviewWindow)
    assert preview is not None and preview.document.pageCount() == 1


def test_attachments_dialog_adds_and_refuses(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = case_queries.list_cases(ctx.db)[0]
    dialog = AttachmentsDialog(ctx, "case_record", row.id, row.number)
    qtbot.addWidget(dialog)
    good, bad = tmp_path / "scan.png", tmp_path / "notes.txt"
    good.write_bytes(PNG)
    bad.write_text("not a picture")
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.errors.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    chosen: list[list[str]] = [[str(good)], [str(bad)]]
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: chosen.pop(0))
    dialog.show()
    click(qtbot, dialog, "添加")
    assert ctx.tasks.wait_idle()
    assert dialog.table.rowCount() == 1 and dialog.table.text(0, 1) == "PNG"
    click(qtbot, dialog, "添加")
    assert ctx.tasks.wait_idle()
    assert dialog.table.rowCount() == 1
    assert shown and "notes.txt" in shown[0]


def test_work_settings_saved_and_refused(qtbot: QtBot, ctx: AppContext) -> None:
    page = WorkSettings(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    assert page.numbers["case.normal_working_days"].value() == 5
    for spin, value in (
        (page.numbers["case.normal_working_days"], "3"),
        (page.intervals["disabled"], "60"),
        (page.numbers["wish.value_cap_yuan"], "300"),
    ):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, value)
    click(qtbot, page, "保存")
    assert ctx.tasks.wait_idle()
    values = config.values(ctx.db)
    assert values["case.normal_working_days"] == 3
    assert values["wish.value_cap_yuan"] == 300  # the 微心愿 cap
    assert values["visit.intervals"]["disabled"] == 60
    page.purposes.setFocus()
    page.purposes.selectAll()
    qtbot.keyClick(page.purposes, Qt.Key.Key_Delete)
    click(qtbot, page, "保存")
    assert ctx.tasks.wait_idle()
    assert page.form.error_text("visit.purposes") == "至少保留一项"
    assert config.values(ctx.db)["visit.purposes"]


def _households_page(qtbot: QtBot, ctx: AppContext) -> HouseholdsPage:
    """The 住户 page with the first household clicked."""
    page = _window(qtbot, ctx, "households").page("households")
    assert isinstance(page, HouseholdsPage)
    click_row(qtbot, page.list.table, 0)
    assert ctx.tasks.wait_idle()
    return page


def test_request_from_a_household_names_a_member_as_reporter(qtbot: QtBot, ctx: AppContext) -> None:
    page = _households_page(qtbot, ctx)
    household_id = page.list.current_id()
    assert household_id
    member = household_members(ctx.db, household_id)[0]
    click(qtbot, page, "受理诉求")
    assert ctx.tasks.wait_idle()
    dialog = opened(CaseDialog)
    assert dialog.reporter.count() == 1 + len(household_members(ctx.db, household_id))
    pick(qtbot, dialog.reporter, dialog.reporter.itemText(dialog.reporter.findData(member.id)))
    type_into(qtbot, dialog.description, "楼道灯不亮")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    (row,) = case_queries.case_rows(ctx.db, [str(saved.args[0])])
    assert row.reporter_masked == mask_name(member.name)
    assert row.address == page.list.current_row().address  # type: ignore[union-attr]


def test_households_page_records_a_visit_for_the_selected_household(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = _households_page(qtbot, ctx)
    click(qtbot, page, "记录走访")
    assert ctx.tasks.wait_idle()
    dialog = opened(VisitDialog)
    assert dialog.household.household_id == page.list.current_id()
