"""红色基金 › 台账: the ledger of the period chosen goes to Excel (导出台账…) and to the preview
(打印台账) — the same choice of account and period for both (ui/fund/printing.LedgerChoice)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from redoffice.fund import documents
from redoffice.fund.periods import year_of
from redoffice.kit import clock
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.preview import PreviewWindow
from tests.ui.driver import click, pick
from tests.ui.test_fund import _page, _tab

LONG_JOB_MS = 60_000  # the print is laid out in a process of its own


def _ledger_of_this_year(qtbot: QtBot, ctx: AppContext) -> tuple[object, str]:
    page = _page(qtbot, ctx)
    _tab(qtbot, page.tabs, "台账")
    year = year_of(clock.today()).name
    pick(qtbot, page.ledger_tab.period.period, f"{year} 年度")
    assert ctx.tasks.wait_idle()
    return page.ledger_tab, year


def test_the_ledger_of_a_year_goes_to_excel(
    qtbot: QtBot,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_questions: list[str],
) -> None:
    tab, year = _ledger_of_this_year(qtbot, ctx)
    saved = tmp_path / "台账.xlsx"
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(saved))
    click(qtbot, tab, "导出台账…")
    qtbot.waitUntil(lambda: no_questions != [], timeout=10_000)
    assert no_questions[0].startswith("已保存")
    sheet = load_workbook(saved).active
    assert sheet is not None
    (title,), _headings, _opening, *rows, _total, _closing = (
        [v for v in row if v is not None] if n == 0 else row
        for n, row in enumerate(sheet.iter_rows(values_only=True))
    )
    entries = documents.ledger(ctx.db, year).lines
    every = documents.ledger(ctx.db, date_from=date(2000, 1, 1), date_to=clock.today()).lines
    assert 0 < len(entries) < len(every)  # the year's, not all
    assert year in str(title)
    assert [row[0] for row in rows] == [e.number for e in entries]


def test_the_ledger_of_a_year_goes_to_the_preview(qtbot: QtBot, ctx: AppContext) -> None:
    tab, _year = _ledger_of_this_year(qtbot, ctx)
    click(qtbot, tab, "打印台账")
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, PreviewWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=LONG_JOB_MS,
    )
