from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.models import Resident
from redoffice.services.search import ResidentRow
from redoffice.ui.context import AppContext
from redoffice.ui.households_page import HouseholdsPage
from redoffice.ui.resident_dialog import ResidentDialog
from redoffice.ui.residents_page import ResidentsPage
from tests.factories import id_number


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


def test_wrong_check_digit_shows_message_and_saves_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    before = _count(ctx)
    dialog = ResidentDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("王小明")
    dialog.id_number.setText("110105194912310021")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.submit()
    assert dialog.form.error_text("id_number") == "身份证号校验位错误，请核对每一位数字"
    assert dialog.result() != ResidentDialog.DialogCode.Accepted
    assert _count(ctx) == before


def test_valid_resident_appears_in_the_list(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    dialog = page.add()
    dialog.name.setText("欧阳小明")
    dialog.id_number.setText(id_number(date(1990, 3, 4), "male", seq=77))
    dialog.phone.setText("13912345678")
    dialog.tag_table.add_tag()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    assert ctx.tasks.wait_idle()
    page.list.search.setText("oyxm")
    page.list.reload()
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
    page.party.setChecked(True)
    assert ctx.tasks.wait_idle()
    assert 0 < page.list.model.rowCount() < total
    page.party.setChecked(False)
    page.list.model.sort(2, Qt.SortOrder.DescendingOrder)
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
    page.set_deleted(True)
    assert ctx.tasks.wait_idle()
    assert no_questions and "回收站" in no_questions[0]
    assert page.list.model.rowCount() == total - 1
    page.deleted.setChecked(True)
    assert ctx.tasks.wait_idle()
    assert page.list.model.rowCount() == 1
    page.list.table.selectRow(0)
    page.set_deleted(False)
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
