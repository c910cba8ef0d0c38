"""A long list (a street's 376,000 residents under 全部社区) opens on its first page of ids and
its count; the rest of its ids is read when it is needed — scrolling to the end, an export,
the selection kept further down — and sorting and searching still read the first page again.
Here the residents of a 100-household demo, with "long" lowered to 50 rows."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.ui.kit import list_view
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.lazy_table import PAGE
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.registry.residents_page import ResidentsPage
from tests.conftest import Templates, opened_copy
from tests.ui.driver import click, click_row, type_into


@pytest.fixture
def long_ctx(templates: Templates, tmp_path: Path) -> Iterator[AppContext]:
    """A 100-household demo (about 330 residents: more than a page) as the page's context."""
    with opened_copy(templates.demo(100, 5), tmp_path / "long.sqlite") as db:
        context = AppContext(db)
        yield context
        context.tasks.wait_idle(5)
        context.tasks.shutdown()


@pytest.fixture(autouse=True)
def _long_from_50(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of more than 50 rows counts as long (shown by its first page first)."""
    monkeypatch.setattr(list_view, "WHOLE_UP_TO", 50)


def _page(qtbot: QtBot, ctx: AppContext) -> ResidentsPage:
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: hasattr(page, "list") and not page.list.pending, timeout=5000)
    assert ctx.tasks.wait_idle()
    return page


def _every(db: Database, **query: Any) -> list[str]:
    return search.resident_ids(db, ResidentQuery(**query))


def _to_the_end(qtbot: QtBot, listing: SearchableList[Any]) -> None:
    """Click the first row, then Ctrl+End: the last row highlighted, the view at the end."""
    click_row(qtbot, listing.table, 0)
    qtbot.keyClick(listing.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def _cell(listing: SearchableList[Any], row: int) -> str:
    return str(listing.model.index(row, 0).data() or "")


def _name(db: Database, resident_id: str) -> str:
    return search.resident_rows(db, [resident_id])[0].name


def test_a_long_list_opens_on_its_first_page_and_reads_the_rest_at_the_end(
    qtbot: QtBot, long_ctx: AppContext
) -> None:
    every = _every(long_ctx.db)
    assert len(every) > PAGE
    page = _page(qtbot, long_ctx)
    listing = page.list
    assert listing.ids() == every[:PAGE]  # the rest not read yet
    assert listing.model.rowCount() == len(every)
    assert listing.count.text() == f"共 {len(every)} 条"
    assert _cell(listing, 0) == _name(long_ctx.db, every[0])
    _to_the_end(qtbot, listing)
    qtbot.waitUntil(lambda: listing.model.complete, timeout=5000)  # the view asked for it
    assert listing.ids() == every
    qtbot.waitUntil(lambda: _cell(listing, len(every) - 1) != "", timeout=5000)
    assert _cell(listing, len(every) - 1) == _name(long_ctx.db, every[-1])
    assert listing.current_id() == every[-1]  # Ctrl+End selected the last row


def test_sorting_and_searching_read_the_first_page_again(
    qtbot: QtBot, long_ctx: AppContext
) -> None:
    page = _page(qtbot, long_ctx)
    listing = page.list
    header = listing.table.horizontalHeader()
    columns = range(listing.model.columnCount())
    births = next(c for c in columns if listing.model.sort_key(c) == "birth_date")
    x = header.sectionViewportPosition(births) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert long_ctx.tasks.wait_idle()
    oldest_first = _every(long_ctx.db, sort="birth_date")
    assert listing.ids() == oldest_first[:PAGE]
    assert listing.model.rowCount() == len(oldest_first)
    type_into(qtbot, listing.search, "王")
    qtbot.waitUntil(lambda: not listing.pending, timeout=5000)
    assert long_ctx.tasks.wait_idle()
    found = _every(long_ctx.db, text="王", sort="birth_date")
    assert 0 < len(found) == listing.model.rowCount()
    assert listing.ids() == found[:PAGE]


def test_a_row_selected_past_the_first_page_stays_selected_after_a_reload(
    qtbot: QtBot, long_ctx: AppContext
) -> None:
    every = _every(long_ctx.db)
    page = _page(qtbot, long_ctx)
    listing = page.list
    chosen: list[str] = []
    listing.current_changed.connect(chosen.append)
    _to_the_end(qtbot, listing)
    qtbot.waitUntil(lambda: listing.current_id() == every[-1], timeout=5000)
    click_row(qtbot, listing.table, len(every) - 2)
    assert listing.current_id() == every[-2] and chosen[-1] == every[-2]
    reloads: list[int] = []
    listing.reloaded.connect(reloads.append)
    grid = registry.GridInput(code="G77", name="第七十七网格")  # a write the page shows
    long_ctx.write(partial(registry.save_grid, long_ctx.db, grid), lambda _r: None)
    assert long_ctx.tasks.wait_idle()
    qtbot.waitUntil(lambda: bool(reloads), timeout=5000)  # the list read again
    qtbot.waitUntil(lambda: listing.current_id() == every[-2], timeout=5000)
    assert listing.ids() == every  # the rest read to find it
    shown = listing.table.visualRect(listing.model.index(len(every) - 2, 0))
    assert listing.table.viewport().rect().intersects(shown)  # scrolled to it


def test_export_of_a_long_list_is_every_row_as_shown(
    qtbot: QtBot,
    long_ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
) -> None:
    every = _every(long_ctx.db)
    target = tmp_path / "居民.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.risky", lambda *_a: False)
    monkeypatch.setattr("redoffice.ui.kit.export.QDesktopServices.openUrl", lambda _url: True)
    page = _page(qtbot, long_ctx)
    assert len(page.list.ids()) == PAGE
    click(qtbot, page, "导出 Excel")
    assert long_ctx.tasks.wait_idle()
    qtbot.waitUntil(target.exists, timeout=10000)
    sheet = load_workbook(target).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [r.name for r in search.resident_rows(long_ctx.db, every)]
    assert no_questions[-1].startswith(f"已导出 {len(every)} 条")
