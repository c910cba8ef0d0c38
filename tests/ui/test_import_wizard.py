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
from redoffice.registry import importer
from redoffice.registry import reference as registry
from redoffice.ui.kit.context import AppContext
from redoffice.ui.registry.import_wizard import PREVIEW_WIDEST, ImportWizard
from tests import excel_corpus as corpus


class User:
    """A secretary at the wizard: she presses its buttons and picks files in the file dialog."""

    def __init__(
        self, qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp: Path
    ) -> None:
        registry.save_estate(ctx.db, registry.EstateInput(name="阳光花园"))
        registry.save_grid(ctx.db, registry.GridInput(code="G01", name="第一网格"))
        self.qtbot, self.ctx, self.monkeypatch, self.tmp = qtbot, ctx, monkeypatch, tmp
        self.wizard = ImportWizard(ctx)
        qtbot.addWidget(self.wizard)
        self.wizard.show()

    def press(self, text: str) -> None:
        """Click the button of the wizard's current step that reads ``text``."""
        page = self.wizard.pages.currentWidget()
        button = next(b for b in page.findChildren(QPushButton) if b.text() == text)
        assert button.isVisible() and button.isEnabled()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def choose(self, path: Path) -> None:
        """选择文件… then the file in the (patched) file dialog: the mapping step opens."""
        self.monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(path)])
        self.press("选择文件…")
        assert self.ctx.tasks.wait_idle()
        assert self.wizard.pages.currentIndex() == 1

    def dry_run(self) -> None:
        self.press("检查（预检，不写入）")
        assert self.ctx.tasks.wait_idle()
        assert self.wizard.pages.currentIndex() == 2

    def written(self) -> tuple[int, ...]:
        """Everything an import can write, counted."""
        with self.ctx.db.read() as s:
            return tuple(
                int(s.scalar(select(func.count()).select_from(model)) or 0)
                for model in (Resident, Household, Grid, Estate, AuditLog, Setting)
            )


@pytest.fixture
def user(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> User:
    return User(qtbot, ctx, monkeypatch, tmp_path)


def test_mapping_step_then_import(user: User) -> None:
    wizard, ctx, tmp_path = user.wizard, user.ctx, user.tmp
    user.choose(corpus.two_row_header(tmp_path))
    table = wizard.mapping_table
    assert table.columnCount() == 12 and table.rowCount() == 1 + 3
    assert table.item(1, 0).text() == "王建国"  # type: ignore[union-attr]
    tags = table.cellWidget(0, 11)
    assert isinstance(tags, QComboBox) and tags.currentData() == "tags"
    tags.setCurrentIndex(0)  # （不导入）
    user.dry_run()
    assert "新增 3" in wizard.counts.text() and wizard.errors.rowCount() == 0
    assert not wizard.save_failed.isEnabled()  # no failed rows to save
    before = user.written()[0]
    user.press("导入")
    assert ctx.tasks.wait_idle()
    assert user.written()[0] == before + 3
    assert wizard.progress.value() == wizard.progress.maximum() == 3
    assert wizard.preview is not None  # the corrected mapping is kept, once imported
    remembered = importer.remembered_mapping(ctx.db, wizard.preview.header)
    assert remembered is not None and "tags" not in remembered.values()
    assert wizard.run_status.text() == (
        "已导入：新增 3 人，更新 0 人；无变化 0 人，跳过 0 人，不能导入 0 行"
    )


def test_cancel_during_the_import_writes_nothing(user: User) -> None:
    wizard, ctx, tmp_path = user.wizard, user.ctx, user.tmp
    user.choose(corpus.title_and_merged(tmp_path))
    user.dry_run()
    before = user.written()
    gate = threading.Event()
    ctx.tasks.run(lambda: gate.wait(10), lambda _r: None)  # holds the worker
    user.press("导入")  # queued behind the gate
    user.press("取消")
    gate.set()
    assert ctx.tasks.wait_idle()
    assert user.written() == before
    assert wizard.run_status.text() == "导入已取消，没有写入任何数据"


@pytest.mark.parametrize("step", [0, 1, 2])
def test_cancel_on_every_step_closes_and_writes_nothing(user: User, step: int) -> None:
    wizard, ctx, tmp_path = user.wizard, user.ctx, user.tmp
    before = user.written()
    if step >= 1:
        user.choose(corpus.community_ledger(tmp_path))
    if step >= 2:
        user.dry_run()
        assert "将新建" in wizard.counts.text()
    assert wizard.pages.currentIndex() == step
    user.press("取消")
    assert not wizard.isVisible() and wizard.result() == ImportWizard.DialogCode.Rejected
    assert ctx.tasks.wait_idle()
    assert user.written() == before


def test_a_new_office_ledger_creates_its_places_on_one_confirmation(user: User) -> None:
    wizard, ctx, tmp_path = user.wizard, user.ctx, user.tmp
    user.choose(corpus.community_ledger(tmp_path))
    user.dry_run()
    counts = wizard.counts.text()
    assert "共 8 行：新增 8" in counts and "略过合计/说明行 3 行" in counts
    assert "将新建网格 2 个（东湖一网格、东湖二网格）；小区 2 个（东湖新村、滨江花园）" in counts
    assert "楼栋 4 个（东湖新村 1栋、东湖新村 2栋、东湖新村 3栋、滨江花园 5栋）" in counts
    warning = [wizard.errors.text(0, c) for c in range(3)]
    unknown = "提示：“党支部书记”不是已知的人员类型或人群类别，已记入备注"
    assert warning == ["11", "人员类别", unknown]
    before = user.written()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # no the first time, yes the second

    user.monkeypatch.setattr("redoffice.ui.kit.ask.confirm", answer)
    user.press("导入")
    assert ctx.tasks.wait_idle()
    assert user.written() == before and wizard.pages.currentIndex() == 2  # declined
    assert "网格 2 个" in asked[0] and "小区 2 个" in asked[0] and "楼栋 4 个" in asked[0]
    user.press("导入")
    assert ctx.tasks.wait_idle()
    assert wizard.run_status.text() == (
        "已导入：新增 8 人，更新 0 人，新建网格 2 个，新建小区 2 个；"
        "无变化 0 人，跳过 0 人，不能导入 0 行"
    )
    after = user.written()
    assert (after[0] - before[0], after[2] - before[2], after[3] - before[3]) == (8, 2, 2)


def test_dry_run_lists_row_errors(user: User) -> None:
    wizard, tmp_path = user.wizard, user.tmp
    user.choose(corpus.broken_cells(tmp_path))
    user.dry_run()
    assert wizard.errors.rowCount() == 5  # the unknown 网格 is now created, on confirmation
    assert wizard.errors.text(0, 0) == "3"
    assert "不能导入 5" in wizard.counts.text()
    assert "将新建网格 1 个（第九十九网格）" in wizard.counts.text()


def test_failed_rows_saved_as_a_workbook(user: User) -> None:
    from openpyxl import load_workbook

    ctx, tmp_path = user.ctx, user.tmp

    user.choose(corpus.broken_cells(tmp_path))
    user.dry_run()
    target = tmp_path / "失败行.xlsx"
    user.monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    user.press("保存不能导入的行…")
    assert ctx.tasks.wait_idle()  # read again and written on the worker
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "错误原因" and rows[0][0] == "姓名"
    assert [str(r[-1]).split("：")[0] for r in rows[1:]] == [
        f"原表第 {n} 行" for n in (3, 4, 6, 8, 9)
    ]


def test_a_ledger_naming_the_room_门牌号_imports_and_the_last_page_offers_only_close(
    user: User, no_questions: list[str]
) -> None:
    wizard, ctx = user.wizard, user.ctx
    people = [corpus.door_number_row(n, "3栋", str(500 + n)) for n in range(1, 4)]
    user.choose(corpus.door_number_ledger(user.tmp, people))
    table = wizard.mapping_table
    door = table.cellWidget(0, 10)
    assert isinstance(door, QComboBox) and door.currentData() == "room"
    number = table.item(1, 3)
    assert number is not None and number.text() == people[0][3]
    # the 身份证号 column shows the whole number, no column wider than the bound
    metrics = table.fontMetrics()
    assert table.columnWidth(3) > metrics.horizontalAdvance(number.text())
    assert max(table.columnWidth(c) for c in range(table.columnCount())) <= PREVIEW_WIDEST
    user.dry_run()
    assert "共 3 行：新增 3" in wizard.counts.text() and wizard.errors.rowCount() == 0
    assert "楼栋 1 个（东湖新村 3栋）" in wizard.counts.text()
    user.press("导入")
    assert ctx.tasks.wait_idle()
    assert "东湖新村 3栋）" in no_questions[0] and "栋栋" not in no_questions[0]
    assert wizard.run_status.text().startswith("已导入：新增 3 人")
    page = wizard.pages.currentWidget()
    offered = [b.text() for b in page.findChildren(QPushButton) if b.isVisible()]
    assert offered == ["关闭"]
    user.press("关闭")
    assert not wizard.isVisible() and wizard.result() == ImportWizard.DialogCode.Accepted
