"""Visits and cases on screen: record a visit whose issue becomes a case, move that case to
已回访, the 工作台 click-through, the print preview (printing to a real PDF printer), settings."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.models import Case
from redoffice.reports import forms
from redoffice.services import attachments, case_queries, config, printing, visits
from redoffice.services.case_queries import CaseFilter
from redoffice.services.search import HouseholdQuery, household_ids, household_rows
from redoffice.services.validation import mask_name
from redoffice.ui.attachments_dialog import AttachmentsDialog
from redoffice.ui.case_dialogs import CaseStepDialog
from redoffice.ui.cases_page import CasesPage
from redoffice.ui.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.preview import PreviewWindow, print_document
from redoffice.ui.visit_dialog import VisitDialog
from redoffice.ui.widgets import select_data
from redoffice.ui.work_settings import WorkSettings

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _household(ctx: AppContext) -> tuple[str, str]:
    (row,) = household_rows(ctx.db, household_ids(ctx.db, HouseholdQuery())[:1])
    return row.id, row.address


def _record_visit_with_issue(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> str:
    household = _household(ctx)
    dialog = VisitDialog(ctx, visits.entry_choices(ctx.db), household)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.submit()  # no visitor, no purpose
    assert dialog.form.error_text("visitors") == "至少选择一名走访人"
    assert dialog.form.error_text("purposes") == "必须填写"
    dialog.visitors.item(0).setCheckState(dialog.visitors.item(0).checkState().Checked)
    dialog.purpose_boxes[0].setChecked(True)
    dialog.situation.setPlainText("老人独居，腿脚不便")
    dialog.party_members.setText("王党员、李党员")
    dialog.issue_table.add_issue()
    category, _urgency, text = (dialog.issue_table.cellWidget(0, c) for c in range(3))
    category.setCurrentText("设施维修")  # type: ignore[union-attr]
    text.setText("单元门禁损坏，老人进出困难")  # type: ignore[union-attr]
    photo = tmp_path / "门禁.png"
    photo.write_bytes(PNG)
    dialog.attachments.add(photo)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    return str(saved.args[0])


def test_record_visit_turn_issue_into_case_and_call_back(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    visit_id = _record_visit_with_issue(qtbot, ctx, tmp_path)
    with ctx.db.read() as s:
        case = s.scalars(select(Case).where(Case.visit_id == visit_id)).one()
    assert (case.category, case.source, case.status) == ("设施维修", "visit", "accepted")
    assert [a.name for a in attachments.list_for(ctx.db, "visit", visit_id)] == ["门禁.png"]

    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_case(case.id)
    assert ctx.tasks.wait_idle()
    assert page.list.current_id() == case.id
    for expected in ("in_progress", "resolved", "called_back"):
        row = case_queries.case_rows(ctx.db, [case.id])[0]
        dialog = CaseStepDialog(ctx, row, "transition", page)
        qtbot.addWidget(dialog)
        if expected == "called_back":
            with qtbot.waitSignal(dialog.failed, timeout=5000):
                dialog.submit()  # a call-back needs a satisfaction
            assert "满意度" in dialog.message.text()
            select_data(dialog.satisfaction, "satisfied")
        dialog.text.setPlainText(f"第{expected}步")
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            dialog.submit()
    assert ctx.tasks.wait_idle()
    row = case_queries.case_rows(ctx.db, [case.id])[0]
    assert (row.status, row.satisfaction) == ("已回访", "满意")
    assert page.timeline.rowCount() == 4  # 受理 and three steps, shown for the selected case
    assert page.timeline.item(3, 3).text() == "已回访（满意）"


def test_workbench_item_opens_the_case(qtbot: QtBot, ctx: AppContext) -> None:
    overdue = case_queries.list_cases(ctx.db, CaseFilter(overdue_only=True))
    assert overdue, "the demo has overdue cases"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert ctx.tasks.wait_idle()
    table = window.dashboard.lists["cases_overdue"]
    assert table.rowCount() == len(overdue)
    window.dashboard.cards["cases_overdue"].clicked.emit()
    assert window.dashboard.tabs.currentWidget() is table
    table.selectRow(0)
    case_id = table.current_key()
    table.activated_key.emit(case_id)
    assert ctx.tasks.wait_idle()
    assert window.stack.currentWidget() is window.cases
    assert window.cases.list.current_id() == case_id


def test_preview_prints_and_saves(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = printing.ledger_rows(ctx.db, date(2000, 1, 1), date.today())
    pdf = forms.case_ledger("幸福社区", "全部", data)
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
    monkeypatch.setattr("redoffice.ui.ask.save_path", lambda *_a: str(target))
    window.save_as()
    assert target.read_bytes() == pdf


def test_visit_form_preview_opens_from_the_visits_page(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("visits")
    assert ctx.tasks.wait_idle()
    window.visits.list.table.selectRow(0)
    window.visits.print_current()
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
    monkeypatch.setattr("redoffice.ui.errors.QMessageBox.warning", lambda *a: shown.append(a[2]))
    dialog.add_paths([good])
    assert ctx.tasks.wait_idle()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "PNG"
    dialog.add_paths([bad])
    assert ctx.tasks.wait_idle()
    assert dialog.table.rowCount() == 1
    assert shown and "notes.txt" in shown[0]


def test_work_settings_saved_and_refused(qtbot: QtBot, ctx: AppContext) -> None:
    page = WorkSettings(ctx)
    qtbot.addWidget(page)
    assert ctx.tasks.wait_idle()
    assert page.numbers["case.normal_working_days"].value() == 5
    page.numbers["case.normal_working_days"].setValue(3)
    page.intervals["disabled"].setValue(60)
    page.numbers["wish.value_cap_yuan"].setValue(300)
    page.save()
    assert ctx.tasks.wait_idle()
    values = config.values(ctx.db)
    assert values["case.normal_working_days"] == 3
    assert values["wish.value_cap_yuan"] == 300  # the 微心愿 cap
    assert values["visit.intervals"]["disabled"] == 60
    page.purposes.setPlainText("")
    page.save()
    assert ctx.tasks.wait_idle()
    assert page.form.error_text("visit.purposes") == "至少保留一项"
    assert config.values(ctx.db)["visit.purposes"]


def test_request_from_a_household_names_a_member_as_reporter(qtbot: QtBot, ctx: AppContext) -> None:
    from redoffice.services.search import household_members
    from redoffice.ui.case_dialogs import CaseDialog

    household = _household(ctx)
    member = household_members(ctx.db, household[0])[0]
    dialog = CaseDialog(ctx, visits.entry_choices(ctx.db), household)
    qtbot.addWidget(dialog)
    assert ctx.tasks.wait_idle()
    assert dialog.reporter.count() == 1 + len(household_members(ctx.db, household[0]))
    select_data(dialog.reporter, member.id)
    dialog.description.setPlainText("楼道灯不亮")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    (row,) = case_queries.case_rows(ctx.db, [str(saved.args[0])])
    assert row.reporter_masked == mask_name(member.name)
    assert row.address == household[1]


def test_households_page_records_a_visit_for_the_selected_household(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from redoffice.ui.households_page import HouseholdsPage

    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    page.list.table.selectRow(0)
    assert ctx.tasks.wait_idle()
    page.record_visit()
    assert ctx.tasks.wait_idle()
    dialog = page.findChild(VisitDialog)
    assert dialog is not None
    assert dialog.household.household_id == page.list.current_id()
