from datetime import date

from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.models import Resident
from redoffice.registry.search import ResidentRow
from redoffice.ui.kit.context import AppContext
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from tests.factories import id_number
from tests.ui.driver import click, opened, type_into


def _count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def _loaded_row(ctx: AppContext, page: ResidentsPage, position: int) -> ResidentRow:
    """The row at ``position`` once its page has arrived from the worker."""
    page.list.model.row_at(position)
    assert ctx.tasks.wait_idle()
    row = page.list.model.row_at(position)
    assert row is not None
    return row


def _page(qtbot: QtBot, ctx: AppContext) -> ResidentsPage:
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_idle()
    return page


def _new_resident(qtbot: QtBot, ctx: AppContext, page: ResidentsPage) -> ResidentDialog:
    """Press 新增居民 and return the dialog it opened, the focus in its first field."""
    click(qtbot, page, "新增居民")
    dialog = opened(ResidentDialog)
    assert dialog.isVisible()
    return dialog


def test_wrong_check_digit_shows_message_and_saves_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    before = _count(ctx)
    page = _page(qtbot, ctx)
    dialog = _new_resident(qtbot, ctx, page)
    type_into(qtbot, dialog.name, "王小明")
    type_into(qtbot, dialog.id_number, "110105194912310021")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        click(qtbot, dialog, "保存")
    assert dialog.form.error_text("id_number") == "身份证号校验位错误，请核对每一位数字"
    assert dialog.isVisible() and dialog.name.text() == "王小明"  # kept open, nothing lost
    assert _count(ctx) == before


def test_valid_resident_appears_in_the_list(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    dialog = _new_resident(qtbot, ctx, page)
    type_into(qtbot, dialog.name, "欧阳小明")
    type_into(qtbot, dialog.id_number, id_number(date(1990, 3, 4), "male", seq=77))
    type_into(qtbot, dialog.phone, "13912345678")
    click(qtbot, dialog, "添加")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert not dialog.isVisible()
    type_into(qtbot, page.list.search, "oyxm")
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    assert ctx.tasks.wait_idle()
    assert page.list.model.rowCount() == 1
    _loaded_row(ctx, page, 0)
    model = page.list.model
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[0] == "欧阳小明"
    assert "139****5678" in cells
    assert any(c and c.startswith("420106") and "********" in c for c in cells)


def test_search_filters_and_sort_in_sql(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    total = page.list.model.rowCount()
    assert total > 40
    qtbot.mouseClick(page.party, Qt.MouseButton.LeftButton)
    assert ctx.tasks.wait_idle()
    assert 0 < page.list.model.rowCount() < total
    qtbot.mouseClick(page.party, Qt.MouseButton.LeftButton)
    header = page.list.table.horizontalHeader()
    birth = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    for _ in range(2):  # the first click sorts ascending, the second descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(birth, 5))
        assert ctx.tasks.wait_idle()
    first = _loaded_row(ctx, page, 0)
    last = _loaded_row(ctx, page, page.list.model.rowCount() - 1)
    assert first.birth_date is not None and last.birth_date is not None
    assert first.birth_date >= last.birth_date


def test_soft_delete_and_restore(qtbot: QtBot, ctx: AppContext, no_questions: list[str]) -> None:
    page = _page(qtbot, ctx)
    total = page.list.model.rowCount()
    page.list.table.selectRow(0)
    assert ctx.tasks.wait_idle()
    click(qtbot, page, "删除")
    assert ctx.tasks.wait_idle()
    assert no_questions and "回收站" in no_questions[0]
    assert page.list.model.rowCount() == total - 1
    qtbot.mouseClick(page.deleted, Qt.MouseButton.LeftButton)
    assert ctx.tasks.wait_idle()
    assert page.list.model.rowCount() == 1
    page.list.table.selectRow(0)
    click(qtbot, page, "恢复")
    assert ctx.tasks.wait_idle()
    assert page.list.model.rowCount() == 0


def test_table_models_pass_qtmodeltester(
    qtbot: QtBot, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    residents = _page(qtbot, ctx)
    households = HouseholdsPage(ctx)
    qtbot.addWidget(households)
    assert ctx.tasks.wait_idle()
    for model in (residents.list.model, households.list.model):
        for row in range(model.rowCount()):
            model.row_at(row)
        assert ctx.tasks.wait_idle()
        qtmodeltester.check(model, force_py=True)
