"""Every view refreshes on what a write changed, announced by the core (decision 0013): a view
declares the tables it shows and no screen names another's. Driven through the real window and
its buttons; a hidden page catches up when it is shown."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.kit import clock
from redoffice.kit.touched import Changes
from redoffice.models import HouseholdVisitState
from redoffice.registry import reference as registry
from redoffice.ui.cases.cases_page import CasesPage
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.lazy_table import LazyTableModel
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meetings_page import MeetingsPage
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.import_wizard import ImportWizard
from redoffice.ui.registry.reference_page import RecordDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.visits.visits_page import VisitsPage
from redoffice.ui.wishes.wishes_tab import WishesTab
from tests import excel_corpus as corpus
from tests.ui.driver import click, click_row, opened, pick, type_into


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle()
    return window


def _go(qtbot: QtBot, window: MainWindow, page: str) -> None:
    """Choose ``page`` in the navigation, as the user clicks it."""
    rect = window.nav.visualItemRect(window.nav.item(list(window.pages).index(page)))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ctx.tasks.wait_idle()


def _shown_text(model: LazyTableModel[object], rows: int) -> list[str]:
    """What the first ``rows`` rows of a long list show, cell by cell."""
    count = min(rows, model.rowCount())
    return [
        str(model.index(r, c).data() or "")
        for r in range(count)
        for c in range(model.columnCount())
    ]


def _heard(ctx: AppContext) -> list[Changes]:
    heard: list[Changes] = []
    ctx.changed.connect(heard.append)
    return heard


def test_renaming_an_estate_refreshes_the_households_list(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    _go(qtbot, window, "households")
    households = window.pages["households"]
    estate = registry.list_estates(ctx.db)[0]
    _go(qtbot, window, "reference")
    tab = window.pages["reference"].tabs["estate"]  # type: ignore[attr-defined]
    window.pages["reference"].setCurrentWidget(tab)  # type: ignore[attr-defined]
    assert ctx.tasks.wait_idle()
    click_row(qtbot, tab.table, [r.id for r in tab.rows].index(estate.id))
    click(qtbot, tab, "编辑")
    dialog = opened(RecordDialog)
    name = dialog.widgets["name"]
    assert isinstance(name, QLineEdit)
    name.selectAll()
    type_into(qtbot, name, "改名花园")
    heard = _heard(ctx)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert {"estate", "household"} <= heard[0].tables
    assert "改名花园" in [tab.table.text(r, 0) for r in range(tab.table.rowCount())]

    _go(qtbot, window, "households")  # hidden meanwhile: it catches up now
    places = households.places  # type: ignore[attr-defined]
    pick(qtbot, places.estate, "改名花园")  # the 小区 filter shows the new name
    assert ctx.tasks.wait_idle()
    shown = _shown_text(households.list.model, 5)  # type: ignore[attr-defined]
    assert shown and any(text.startswith("改名花园") for text in shown)
    assert not any(text.startswith(estate.name) for text in shown)


def test_saving_a_visit_refreshes_the_workbench_and_the_visit_records(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = _window(qtbot, ctx)
    _go(qtbot, window, "visits")
    records = window.visits.list
    visits_before = len(records.ids())
    _go(qtbot, window, "dashboard")
    dashboard = window.dashboard
    overdue = dashboard.lists["visits_overdue"]
    count_before = int(dashboard.cards["visits_overdue"].value.text().replace(",", ""))
    assert overdue.rowCount() > 0, "the demo has households overdue for a visit"
    click_row(qtbot, overdue, 0)
    _household, address = overdue.current_key()
    click_row(qtbot, overdue, 0, double=True)  # opens the visit form for that household
    assert ctx.tasks.wait_idle()
    dialog = opened(VisitDialog)
    _tick_first(qtbot, dialog.visitors)
    qtbot.mouseClick(dialog.purpose_boxes[0], Qt.MouseButton.LeftButton)
    heard = _heard(ctx)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog, "保存")
    assert ctx.tasks.wait_idle()
    assert {"visit", "household_visit_state"} <= heard[0].tables

    assert window.stack.currentWidget() is dashboard  # on screen: reloaded at once
    assert int(dashboard.cards["visits_overdue"].value.text().replace(",", "")) == (
        count_before - 1
    )
    model = overdue.model()
    assert address not in [model.index(r, 1).data() for r in range(model.rowCount())]
    assert len(records.ids()) == visits_before  # hidden: not yet
    _go(qtbot, window, "visits")
    assert len(records.ids()) == visits_before + 1


def _tick_first(qtbot: QtBot, box: QListWidget) -> None:
    box.setFocus()
    box.setCurrentRow(0)
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_an_import_refreshes_the_residents_list(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    registry.save_estate(ctx.db, registry.EstateInput(name="阳光花园"))
    registry.save_grid(ctx.db, registry.GridInput(code="G01", name="第一网格"))
    window = _window(qtbot, ctx)
    _go(qtbot, window, "residents")
    residents = window.pages["residents"]
    before = len(residents.list.ids())  # type: ignore[attr-defined]
    ledger = corpus.two_row_header(tmp_path)
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(ledger)])
    click(qtbot, residents, "导入 Excel")
    wizard = opened(ImportWizard)
    for step in ("选择文件…", "检查（预检，不写入）", "导入"):
        page = wizard.pages.currentWidget()
        assert page is not None
        target = next(b for b in page.findChildren(QPushButton) if b.text() == step)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)  # the step's own button
        assert ctx.tasks.wait_idle()
    assert "新增 3" in wizard.run_status.text()
    assert len(residents.list.ids()) == before + 3  # type: ignore[attr-defined]


# -- the declarations ------------------------------------------------------------------


def test_views_that_show_estate_names_declare_the_estate_table() -> None:
    """A rename of a 小区 refreshes them because they say so, not because it also rewrites the
    households' addresses."""
    for shows in (
        HouseholdsPage.SHOWS,
        ResidentsPage.SHOWS,
        VisitsPage.RECORDS,
        VisitsPage.PLAN,
        CasesPage.CASES,
        MeetingsPage.MEETINGS,
        MeetingsPage.FOLLOW_UP,
        WishesTab.SHOWS,
    ):
        assert "estate" in shows


# -- what a write announces ----------------------------------------------------------------


def test_a_job_stopped_part_way_announces_what_it_committed(ctx: AppContext) -> None:
    """An import stopped after some of its transactions: the lists show what is now stored."""
    heard, failures = _heard(ctx), []

    def job() -> None:
        registry.save_grid(ctx.db, registry.GridInput(code="G88", name="第八十八网格"))
        raise RuntimeError("stopped")

    ctx.write(job, lambda _r: None, failures.append)
    assert ctx.tasks.wait_idle()
    assert [str(e) for e in failures] == ["stopped"]
    assert len(heard) == 1 and "grid" in heard[0].tables


def test_a_refused_write_announces_that_nothing_changed(ctx: AppContext) -> None:
    heard, failures = _heard(ctx), []
    refused = partial(registry.save_grid, ctx.db, registry.GridInput(code="", name=""))
    ctx.write(refused, lambda _r: None, failures.append)
    assert ctx.tasks.wait_idle()
    assert len(failures) == 1 and heard == [Changes()]


def test_the_window_brings_each_new_day_into_the_plan_by_a_write(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """Reading the plan never writes: the window writes a new day's due dates when it opens
    and when the day changes, and the views hear it as any write."""
    heard = _heard(ctx)
    tomorrow = clock.today() + timedelta(days=1)
    with clock.frozen(tomorrow):
        window = _window(qtbot, ctx)
        assert any("household_visit_state" in c.tables for c in heard)
        assert _plan_day(ctx) == tomorrow
        heard.clear()
        window.plan_upkeep.check()  # the minute's check, still the same day
        assert ctx.tasks.wait_idle()
        assert heard == []
    with clock.frozen(tomorrow + timedelta(days=1)):
        window.plan_upkeep.check()
        assert ctx.tasks.wait_idle()
        assert _plan_day(ctx) == tomorrow + timedelta(days=1)
        assert len(heard) == 1 and "household_visit_state" in heard[0].tables


def _plan_day(ctx: AppContext) -> date | None:
    with ctx.db.read() as s:
        return s.scalar(select(func.min(HouseholdVisitState.computed_on)))
