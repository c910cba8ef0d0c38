"""Review 12: 导出 Excel… pressed while the list is still being read (session 12's 正在读取列表…
wait, ui/kit/list_view.py when_ready) — when that reading fails (a disk error on the worker,
injected here at the list's read: no way to make SQLite fail a read on cue in a test), the error
is shown, but the list keeps saying 正在读取列表… under a busy cursor for good: nothing clears
the wait on the error path (SearchableList.reload asks ctx.query without an error callback),
and the export still held in ``_when_ready`` fires whenever a later reading succeeds."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redoffice.kit.id_lists import FirstPage, IdQuery
from redoffice.ui.kit.context import AppContext
from tests.ui.test_export_at_start import export_answers, office, residents_at_start

__all__ = ["office"]


def test_a_failed_reading_ends_the_lists_wait(
    qtbot: QtBot,
    office: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.errors._collected", shown)  # no modal box
    export_answers(monkeypatch, tmp_path / "r.xlsx")
    real_first = IdQuery.first

    def failing_first(query: IdQuery, *args: Any) -> FirstPage:
        if not shown:  # the disk fails until its error has been shown
            raise sqlite3.OperationalError("disk I/O error")
        return real_first(query, *args)

    monkeypatch.setattr(IdQuery, "first", failing_first)
    released, page = residents_at_start(qtbot, office)
    listing = page.list
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert listing.count.text() == "正在读取列表…"
    released.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)  # the read's error is shown
    office.tasks.wait_idle(20)
    assert listing.count.text() != "正在读取列表…"
    assert not listing.testAttribute(Qt.WidgetAttribute.WA_SetCursor)
