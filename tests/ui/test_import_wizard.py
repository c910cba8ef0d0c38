"""The import wizard: the mapping step with its preview, the dry run, the import with its
progress bar, and Cancel writing nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.models import Resident
from redoffice.services import registry
from redoffice.ui.context import AppContext
from redoffice.ui.import_wizard import ImportWizard
from tests import excel_corpus as corpus


@pytest.fixture
def wizard(qtbot: QtBot, ctx: AppContext) -> ImportWizard:
    registry.save_estate(ctx.db, registry.EstateInput(name="阳光花园"))
    registry.save_grid(ctx.db, registry.GridInput(code="G01", name="第一网格"))
    w = ImportWizard(ctx)
    qtbot.addWidget(w)
    return w


def _residents(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def test_mapping_step_then_import(wizard: ImportWizard, ctx: AppContext, tmp_path: Path) -> None:
    wizard.open_file(corpus.two_row_header(tmp_path))
    assert ctx.tasks.wait_idle()
    assert wizard.pages.currentIndex() == 1
    table = wizard.mapping_table
    assert table.columnCount() == 12 and table.rowCount() == 1 + 3
    assert table.item(1, 0).text() == "王建国"  # type: ignore[union-attr]
    tags = table.cellWidget(0, 11)
    assert isinstance(tags, QComboBox) and tags.currentData() == "tags"
    tags.setCurrentIndex(0)  # （不导入）
    wizard.dry_run()
    assert ctx.tasks.wait_idle()
    assert wizard.pages.currentIndex() == 2
    assert "新增 3" in wizard.counts.text() and wizard.errors.rowCount() == 0
    before = _residents(ctx)
    wizard.run_import()
    assert ctx.tasks.wait_idle()
    assert _residents(ctx) == before + 3
    assert wizard.progress.value() == wizard.progress.maximum() == 3
    assert "新增 3 人" in wizard.run_status.text()


def test_cancel_writes_nothing(wizard: ImportWizard, ctx: AppContext, tmp_path: Path) -> None:
    wizard.open_file(corpus.title_and_merged(tmp_path))
    assert ctx.tasks.wait_idle()
    wizard.dry_run()
    assert ctx.tasks.wait_idle()
    before = _residents(ctx)
    gate = threading.Event()
    ctx.tasks.run(lambda: gate.wait(10), lambda _r: None)  # holds the worker
    wizard.run_import()  # queued behind the gate
    wizard.cancel_button.click()
    gate.set()
    assert ctx.tasks.wait_idle()
    assert _residents(ctx) == before
    assert wizard.run_status.text() == "导入已取消，没有写入任何数据"


def test_dry_run_lists_row_errors(wizard: ImportWizard, ctx: AppContext, tmp_path: Path) -> None:
    wizard.open_file(corpus.broken_cells(tmp_path))
    assert ctx.tasks.wait_idle()
    wizard.dry_run()
    assert ctx.tasks.wait_idle()
    assert wizard.errors.rowCount() == 6
    assert wizard.errors.item(0, 0).text() == "3"  # type: ignore[union-attr]
    assert "不能导入 6" in wizard.counts.text()


def test_failed_rows_saved_as_a_workbook(
    wizard: ImportWizard, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    wizard.open_file(corpus.broken_cells(tmp_path))
    assert ctx.tasks.wait_idle()
    wizard.dry_run()
    assert ctx.tasks.wait_idle()
    assert wizard.errors.rowCount() > 0
    target = tmp_path / "失败行.xlsx"
    monkeypatch.setattr("redoffice.ui.ask.save_path", lambda *_a: str(target))
    wizard.save_failures()
    assert ctx.tasks.wait_idle()  # read again and written on the worker
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    heading = next(n for n, r in enumerate(rows) if "错误原因" in r)
    assert wizard.plan is not None
    assert len(rows) - heading - 1 == wizard.plan.count("failed")  # one row per failed row
