"""QA 11 D1: the first 导出 Excel… after the start wrote only the header ("已导出 0 条") when
pressed a few seconds after 居民 was opened, before the list had read anything (its first reading
waits for the 网格/小区 filters, queued on the worker behind the 工作台's first reads): a list that
had read nothing yet counted as ready. The export now waits for the list's first reading."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.residents_page import ResidentsPage
from tests.conftest import Templates, opened_copy

PASSWORD = "export-secret"


@pytest.fixture
def office(templates: Templates, tmp_path: Path) -> Iterator[AppContext]:
    """A demo office of about 1,500 residents, its administrator logged in."""
    with opened_copy(templates.demo(450, 11), tmp_path / "office.sqlite") as db:
        accounts.add(db, "wang", "王书记", "admin", PASSWORD)
        accounts.login(db, "wang", PASSWORD)
        context = AppContext(db)
        yield context
        context.tasks.wait_idle(20)
        context.tasks.shutdown()


def _residents(qtbot: QtBot, window: MainWindow) -> ResidentsPage:
    """Click 居民 in the navigation; the page once its buttons are built."""
    nav = window.nav
    row = next(r for r in range(nav.count()) if nav.item(r).text() == "居民")
    spot = nav.visualItemRect(nav.item(row)).center()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    page = window.pages["residents"]
    assert isinstance(page, ResidentsPage)
    qtbot.waitUntil(lambda: hasattr(page, "export_button"), timeout=20000)
    return page


def _slow_start(ctx: AppContext) -> threading.Event:
    """A slow PC: the worker is held until the event is set, as the start's first reads held it
    for seconds on QA's (the page's first reading queued behind them)."""
    released = threading.Event()
    ctx.query(lambda: released.wait(60), lambda _waited: None)
    return released


def residents_at_start(
    qtbot: QtBot, ctx: AppContext, *, slow: bool = True
) -> tuple[threading.Event, ResidentsPage]:
    """The window shown as the start shows it after the login — the worker held until the
    event is set when ``slow`` — and 居民 opened."""
    released = _slow_start(ctx) if slow else threading.Event()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return released, _residents(qtbot, window)


def export_answers(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """导出 Excel…'s questions answered: ``target`` chosen, 否 (masked), the folder not opened."""
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.risky", lambda *_a: False)
    monkeypatch.setattr("redoffice.ui.kit.export.QDesktopServices.openUrl", lambda _url: True)


@pytest.mark.parametrize(("wait_ms", "slow"), [(0, False), (1000, True), (3000, True)])
def test_the_first_export_after_the_start_holds_every_resident(
    qtbot: QtBot,
    office: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
    wait_ms: int,
    slow: bool,
) -> None:
    """居民 opened, a moment's wait (the start's reads not done), 导出 Excel… → 否 (masked):
    every resident in the workbook, "已导出 N 条" naming them all."""
    every = search.resident_ids(office.db, ResidentQuery())
    assert len(every) > 1400
    target = tmp_path / "居民.xlsx"
    export_answers(monkeypatch, target)
    released, page = residents_at_start(qtbot, office, slow=slow)
    qtbot.wait(wait_ms)  # the user looks at the list a moment
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    released.set()
    qtbot.waitUntil(lambda: bool(no_questions), timeout=60000)  # 已导出 … 打开所在文件夹？
    sheet = load_workbook(target).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [r.name for r in search.resident_rows(office.db, every)]
    assert no_questions[-1].startswith(f"已导出 {len(every):,} 条")


def test_an_export_waiting_for_the_first_reading_says_so(
    qtbot: QtBot,
    office: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
) -> None:
    """QA 11 D1's leftover: the wait was silent. While 导出 Excel… waits for the list's first
    reading, the list says 正在读取列表… with a busy cursor over it; once read, its count and the
    usual cursor again, and the export goes on."""
    export_answers(monkeypatch, tmp_path / "居民.xlsx")
    released, page = residents_at_start(qtbot, office)
    listing = page.list
    before = listing.count.text()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert listing.count.text() == "正在读取列表…" and before != listing.count.text()
    assert listing.cursor().shape() == Qt.CursorShape.BusyCursor
    released.set()
    qtbot.waitUntil(lambda: bool(no_questions), timeout=60000)
    every = len(search.resident_ids(office.db, ResidentQuery()))
    assert listing.count.text() == f"共 {every} 条"
    assert not listing.testAttribute(Qt.WidgetAttribute.WA_SetCursor)
    assert no_questions[-1].startswith(f"已导出 {every:,} 条")
