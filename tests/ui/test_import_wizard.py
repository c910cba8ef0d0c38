"""The import wizard as a secretary uses it, pressing its real buttons: choose the file, check the
mapping, the dry run with its errors, warnings and new places, the import with its progress
bar and final counts; 取消 on every step writes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.models import AuditLog, Estate, Grid, Household, Resident, Setting
from redoffice.services import importer, registry
from redoffice.ui.context import AppContext
from redoffice.ui.import_wizard import ImportWizard
from tests import excel_corpus as corpus


@pytest.fixture
def wizard(qtbot: QtBot, ctx: AppContext) -> ImportWizard:
    registry.save_estate(ctx.db, registry.EstateInput(name="阳光花园"))
    registry.save_grid(ctx.db, registry.GridInput(code="G01", name="第一网格"))
    w = ImportWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def _written(ctx: AppContext) -> tuple[int, ...]:
    """Everything an import can write, counted."""
    with ctx.db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Resident, Household, Grid, Estate, AuditLog, Setting)
        )


def _press(qtbot: QtBot, wizard: ImportWizard, text: str) -> None:
    """Click the button of the wizard's current step that reads ``text``."""
    page = wizard.pages.currentWidget()
    button = next(b for b in page.findChildren(QPushButton) if b.text() == text)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(
    qtbot: QtBot, wizard: ImportWizard, ctx: AppContext, path: Path, mp: pytest.MonkeyPatch
) -> None:
    """选择文件… then the file in the (patched) file dialog: the mapping step opens."""
    mp.setattr("redoffice.ui.ask.open_paths", lambda *_a: [str(path)])
    _press(qtbot, wizard, "选择文件…")
    assert ctx.tasks.wait_idle()
    assert wizard.pages.currentIndex() == 1


def _dry_run(qtbot: QtBot, wizard: ImportWizard, ctx: AppContext) -> None:
    _press(qtbot, wizard, "检查（预检，不写入）")
    assert ctx.tasks.wait_idle()
    assert wizard.pages.currentIndex() == 2


def test_mapping_step_then_import(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(qtbot, wizard, ctx, corpus.two_row_header(tmp_path), monkeypatch)
    table = wizard.mapping_table
    assert table.columnCount() == 12 and table.rowCount() == 1 + 3
    assert table.item(1, 0).text() == "王建国"  # type: ignore[union-attr]
    tags = table.cellWidget(0, 11)
    assert isinstance(tags, QComboBox) and tags.currentData() == "tags"
    tags.setCurrentIndex(0)  # （不导入）
    _dry_run(qtbot, wizard, ctx)
    assert "新增 3" in wizard.counts.text() and wizard.errors.rowCount() == 0
    before = _written(ctx)[0]
    _press(qtbot, wizard, "导入")
    assert ctx.tasks.wait_idle()
    assert _written(ctx)[0] == before + 3
    assert wizard.progress.value() == wizard.progress.maximum() == 3
    assert wizard.preview is not None  # the corrected mapping is kept, once imported
    remembered = importer.remembered_mapping(ctx.db, wizard.preview.header)
    assert remembered is not None and "tags" not in remembered.values()
    assert wizard.run_status.text() == (
        "已导入：新增 3 人，更新 0 人；无变化 0 人，跳过 0 人，不能导入 0 行"
    )


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(qtbot, wizard, ctx, corpus.title_and_merged(tmp_path), monkeypatch)
    _dry_run(qtbot, wizard, ctx)
    before = _written(ctx)
    gate = threading.Event()
    ctx.tasks.run(lambda: gate.wait(10), lambda _r: None)  # holds the worker
    _press(qtbot, wizard, "导入")  # queued behind the gate
    _press(qtbot, wizard, "取消")
    gate.set()
    assert ctx.tasks.wait_idle()
    assert _written(ctx) == before
    assert wizard.run_status.text() == "导入已取消，没有写入任何数据"


@pytest.mark.parametrize("step", [0, 1, 2])
def test_cancel_on_every_step_closes_and_writes_nothing(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    step: int,
) -> None:
    before = _written(ctx)
    if step >= 1:
        _choose(qtbot, wizard, ctx, corpus.community_ledger(tmp_path), monkeypatch)
    if step >= 2:
        _dry_run(qtbot, wizard, ctx)
        assert "将新建" in wizard.counts.text()
    assert wizard.pages.currentIndex() == step
    _press(qtbot, wizard, "取消")
    assert not wizard.isVisible() and wizard.result() == ImportWizard.DialogCode.Rejected
    assert ctx.tasks.wait_idle()
    assert _written(ctx) == before


def test_a_new_office_ledger_creates_its_places_on_one_confirmation(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(qtbot, wizard, ctx, corpus.community_ledger(tmp_path), monkeypatch)
    _dry_run(qtbot, wizard, ctx)
    counts = wizard.counts.text()
    assert "共 8 行：新增 8" in counts and "略过合计/说明行 3 行" in counts
    assert "将新建网格 2 个（东湖一网格、东湖二网格）；小区 2 个（东湖新村、滨江花园）" in counts
    assert "楼栋 4 个（东湖新村 1栋、东湖新村 2栋、东湖新村 3栋、滨江花园 5栋）" in counts
    warning = [wizard.errors.item(0, c).text() for c in range(3)]  # type: ignore[union-attr]
    unknown = "提示：“党支部书记”不是已知的人员类型或人群类别，已记入备注"
    assert warning == ["11", "人员类别", unknown]
    before = _written(ctx)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr("redoffice.ui.ask.confirm", answer)
    _press(qtbot, wizard, "导入")
    assert ctx.tasks.wait_idle()
    assert _written(ctx) == before and wizard.pages.currentIndex() == 2  # declined
    assert "网格 2 个" in asked[0] and "小区 2 个" in asked[0] and "楼栋 4 个" in asked[0]
    _press(qtbot, wizard, "导入")
    assert ctx.tasks.wait_idle()
    assert wizard.run_status.text() == (
        "已导入：新增 8 人，更新 0 人，新建网格 2 个，新建小区 2 个；"
        "无变化 0 人，跳过 0 人，不能导入 0 行"
    )
    after = _written(ctx)
    assert (after[0] - before[0], after[2] - before[2], after[3] - before[3]) == (8, 2, 2)


def test_dry_run_lists_row_errors(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(qtbot, wizard, ctx, corpus.broken_cells(tmp_path), monkeypatch)
    _dry_run(qtbot, wizard, ctx)
    assert wizard.errors.rowCount() == 5  # the unknown 网格 is now created, on confirmation
    assert wizard.errors.item(0, 0).text() == "3"  # type: ignore[union-attr]
    assert "不能导入 5" in wizard.counts.text()
    assert "将新建网格 1 个（第九十九网格）" in wizard.counts.text()


def test_failed_rows_saved_as_a_workbook(
    qtbot: QtBot,
    wizard: ImportWizard,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook

    _choose(qtbot, wizard, ctx, corpus.broken_cells(tmp_path), monkeypatch)
    _dry_run(qtbot, wizard, ctx)
    target = tmp_path / "失败行.xlsx"
    monkeypatch.setattr("redoffice.ui.ask.save_path", lambda *_a: str(target))
    _press(qtbot, wizard, "保存不能导入的行…")
    assert ctx.tasks.wait_idle()  # read again and written on the worker
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "错误原因" and rows[0][0] == "姓名"
    assert [str(r[-1]).split("：")[0] for r in rows[1:]] == [
        f"原表第 {n} 行" for n in (3, 4, 6, 8, 9)
    ]
