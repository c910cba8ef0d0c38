"""First-start dialog, reference data, households, history and settings."""

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from redoffice.kit import records
from redoffice.kit.db import open_database
from redoffice.registry import reference as registry
from redoffice.registry.households import get_household
from redoffice.settings import community
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.history_dialog import HistoryDialog
from redoffice.ui.registry.household_dialog import HouseholdDialog
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.reference_page import RecordDialog, ReferencePage
from redoffice.ui.settings.settings_page import SettingsPage
from redoffice.ui.settings.setup_dialog import SetupDialog
from tests.ui.driver import click, opened, pick, type_into


def test_first_start_asks_identity_and_operator(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    ctx = AppContext(db)
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.identity_form
    type_into(qtbot, form.community_name, "幸福社区")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert form.error_text("community_code") == "必须填写"
    assert form.error_text("operator") == "必须填写"
    assert not community.is_initialized(db)
    type_into(qtbot, form.community_code, "420106001001")
    type_into(qtbot, form.street_name, "中南路街道")
    form.street_code.selectAll()
    type_into(qtbot, form.street_code, "420106001")
    type_into(qtbot, form.operator, "张秘书")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert community.is_initialized(db)
    assert community.identity(db).street_name == "中南路街道"
    assert community.operator(db) == "张秘书"
    ctx.tasks.shutdown()
    db.close()


def test_new_grid_from_the_reference_page(qtbot: QtBot, ctx: AppContext) -> None:
    page = ReferencePage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    tab = page.tabs["grid"]
    before = tab.table.rowCount()
    click(qtbot, tab, "新增")
    dialog = opened(RecordDialog)
    code, name = dialog.widgets["code"], dialog.widgets["name"]
    assert isinstance(code, QLineEdit) and isinstance(name, QLineEdit)
    type_into(qtbot, code, "G001")
    type_into(qtbot, name, "重复编码")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert "已被" in dialog.form.error_text("code")
    code.selectAll()
    type_into(qtbot, code, "G900")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert tab.table.rowCount() == before + 1


def test_household_dialog_requires_a_room_in_an_estate(qtbot: QtBot, ctx: AppContext) -> None:
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "新增户")
    assert ctx.tasks.wait_idle()
    dialog = opened(HouseholdDialog)
    estate = registry.list_estates(ctx.db)[0]
    pick(qtbot, dialog.estate, dialog.estate.itemText(dialog.estate.findData(estate.id)))
    type_into(qtbot, dialog.building, "3")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert dialog.form.error_text("room") == "必须填写"
    type_into(qtbot, dialog.room, "502")
    type_into(qtbot, dialog.unit, "1")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog, "保存")
    assert get_household(ctx.db, saved.args[0]).address == f"{estate.name}3栋1单元502室"


def test_history_dialog_lists_changes_with_operator(qtbot: QtBot, ctx: AppContext) -> None:
    grid = registry.list_grids(ctx.db)[0]
    registry.save_grid(ctx.db, registry.GridInput(code=grid.code, name="新名字"), grid.id)
    records.set_deleted(ctx.db, "grid", grid.id, True)
    dialog = HistoryDialog(ctx, "grid", grid.id)
    qtbot.addWidget(dialog)
    assert ctx.tasks.wait_idle()
    rows = [[dialog.table.text(r, c) for c in range(4)] for r in range(dialog.table.rowCount())]
    assert [r[2] for r in rows] == ["新增", "修改", "删除"]
    assert all(r[1] == "张秘书" for r in rows)
    assert "新名字" in rows[1][3]


def test_settings_page_changes_the_operator(qtbot: QtBot, ctx: AppContext) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert ctx.tasks.wait_idle()
    assert page.form.community_name.text() == "幸福社区"
    page.show()
    page.form.operator.selectAll()
    type_into(qtbot, page.form.operator, "李网格员")
    click(qtbot, page, "保存")
    assert ctx.tasks.wait_idle()
    assert community.operator(ctx.db) == "李网格员"
    assert page.status.text() == "已保存。"
