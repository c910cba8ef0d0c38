"""走访计划 on screen: a lazily loaded list (ids in SQL order, rows fetched a page at a time) that
its 网格, worker and address search filter, whose double-click and 记录走访 open the visit form
for the household."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from redoffice.kit import clock
from redoffice.registry import reference as registry
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.visits.visits_page import VisitsPage
from redoffice.visits import service as visits
from tests.ui.driver import click, click_row, opened, pick, type_into

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def _plan_page(qtbot: QtBot, ctx: AppContext) -> VisitsPage:
    """入户走访 → 走访计划, clicked in the navigation and on the tab."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle()
    item = window.nav.item(list(window.pages).index("visits"))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.visits
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.tabs.currentIndex() == 1
    assert ctx.tasks.wait_idle()
    return page


def _shown(qtbot: QtBot, ctx: AppContext, page: VisitsPage) -> list[str]:
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: not page.plan.pending)
    return page.plan.ids()


def test_plan_is_the_visit_plan_on_the_lazy_model(
    qtbot: QtBot, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    page = _plan_page(qtbot, ctx)
    plan = visits.visit_plan(ctx.db)
    assert _shown(qtbot, ctx, page) == [d.household_id for d in plan] and plan
    qtmodeltester.check(page.plan.model)
    first = page.plan.model.index(0, 1)
    qtbot.waitUntil(lambda: page.plan.model.data(first) == plan[0].address)
    overdue = sum(d.due < clock.today() for d in plan)
    assert page.plan_count.text() == f"7 天内应走访 {len(plan)} 户，其中逾期 {overdue} 户"


def test_plan_filters_by_grid_worker_and_address(qtbot: QtBot, ctx: AppContext) -> None:
    page = _plan_page(qtbot, ctx)
    plan = visits.visit_plan(ctx.db)
    grids = page.plan_places.grid
    grid_id = plan[0].grid_id
    pick(qtbot, grids, grids.itemText(grids.findData(grid_id)))
    in_grid = [d.household_id for d in plan if d.grid_id == grid_id]
    assert _shown(qtbot, ctx, page) == in_grid
    pick(qtbot, grids, grids.itemText(0))
    worker = next(
        s for s in registry.list_staff(ctx.db) if visits.visit_plan(ctx.db, staff_id=s.id)
    )
    pick(qtbot, page.worker, page.worker.itemText(page.worker.findData(worker.id)))
    theirs = [d.household_id for d in visits.visit_plan(ctx.db, staff_id=worker.id)]
    assert _shown(qtbot, ctx, page) == theirs
    pick(qtbot, page.worker, page.worker.itemText(0))
    type_into(qtbot, page.plan.search, plan[-1].address)
    qtbot.keyClick(page.plan.search, Qt.Key.Key_Return)
    assert _shown(qtbot, ctx, page) == [plan[-1].household_id]


def test_double_click_and_record_visit_open_the_form_for_the_household(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = _plan_page(qtbot, ctx)
    plan = visits.visit_plan(ctx.db)
    _shown(qtbot, ctx, page)
    click_row(qtbot, page.plan.table, 1, double=True)
    assert ctx.tasks.wait_idle()
    dialog = opened(VisitDialog)
    assert dialog.household.household_id == plan[1].household_id
    dialog.reject()
    click_row(qtbot, page.plan.table, 0)
    click(qtbot, page.tabs.currentWidget(), "记录走访")
    assert ctx.tasks.wait_idle()
    again = opened(VisitDialog)
    assert again is not dialog and again.household.household_id == plan[0].household_id
    again.reject()
