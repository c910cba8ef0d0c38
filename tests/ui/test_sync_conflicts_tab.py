"""The street's 数据同步 › 冲突 tab as a clerk uses it: a conflict made in the core (the street
edited a community's resident, the community changed it too) is listed by the resident's masked
name, the fields that differ are shown 字段 / 街道的版本 / 社区的版本 in Chinese, and 已核对…
(button or row menu) asks for a note, resolves it on the worker and the count drops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.models import AuditLog, Resident
from redoffice.sync import acks, conflicts, packages
from redoffice.ui.kit.context import AppContext
from redoffice.ui.sync.sync_page import SyncPage
from tests.conftest import Templates
from tests.core.sync_support import enrolled_pair
from tests.factories import add_resident, setup_place
from tests.ui.driver import click_row, type_into


def _edit(db: Database, person: str, **values: Any) -> None:
    with db.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


def _conflict(c: Database, s: Database, usb: Path, name: str, first: bool) -> str:
    """A resident of the community the street edited and the community changed too."""
    if first:
        _g, _e, household = setup_place(c)
    else:
        with c.read() as r:
            household = str(r.scalars(select(Resident.household_id)).first())
    person = str(add_resident(c, name, household=household, seq=1 if first else 2))
    got = packages.import_package(s, usb / packages.export_package(c, usb).file)
    assert got.status == packages.APPLIED, got.reason
    acks.import_ack(c, Path(got.ack))
    _edit(s, person, notes="街道改的")
    _edit(c, person, notes="社区改的")
    got = packages.import_package(s, usb / packages.export_package(c, usb).file)
    assert got.status == packages.APPLIED and got.conflicts, got.reason
    acks.import_ack(c, Path(got.ack))
    return person


@pytest.fixture
def street(
    qtbot: QtBot, tmp_path: Path, templates: Templates
) -> Iterator[tuple[SyncPage, Database]]:
    with enrolled_pair(tmp_path, templates) as (c, s, usb):
        _conflict(c, s, usb, "张小明", True)
        _conflict(c, s, usb, "李四", False)
        ctx = AppContext(s)
        page = SyncPage(ctx)
        qtbot.addWidget(page)
        page.resize(1216, 700)
        page.show()
        try:
            assert ctx.tasks.wait_idle(30)
            yield page, s
        finally:
            ctx.tasks.wait_idle(5)
            ctx.tasks.shutdown()


def _answer_note(text: str, qtbot: QtBot, seen: list[str]) -> None:
    """Type ``text`` into the note dialog the click is about to open and press OK."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.windowTitle() + "|" + dialog.labelText())
        line = dialog.findChild(QLineEdit)
        assert line is not None
        type_into(qtbot, line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(20, look)


def _tab_title(page: SyncPage) -> str:
    return page.tabs.tabText(page.tabs.indexOf(page.conflicts_tab))


def _rows(page: SyncPage) -> list[list[str]]:
    table = page.conflicts_tab.table
    model = table.rows_model
    return [
        [model.text(r, col) for col in range(model.columnCount())] for r in range(model.rowCount())
    ]


def _right_click(widget: QWidget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def test_a_conflict_is_read_in_chinese_and_marked_reviewed(
    qtbot: QtBot, street: tuple[SyncPage, Database]
) -> None:
    page, db = street
    assert _tab_title(page) == "冲突 (2)"
    qtbot.mouseClick(
        page.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.tabs.tabBar().tabRect(page.tabs.indexOf(page.conflicts_tab)).center(),
    )
    tab = page.conflicts_tab
    assert tab.isVisible()
    rows = _rows(page)
    assert [r[3] for r in rows] == ["李*", "张*明"]  # newest first, names masked, no UUID
    assert page.conflicts_tab.table.rows_model.headerData(3, Qt.Orientation.Horizontal) == "记录"
    assert all(r[2] == "居民" and r[4] == "备注" and r[5] == "否" for r in rows)
    assert not tab.review_button.isEnabled()  # nothing selected yet

    click_row(qtbot, tab.table, 1)  # 张*明
    fields = tab.fields.rows_model
    assert [fields.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == [
        "字段",
        "街道的版本",
        "社区的版本",
    ]
    shown = [[fields.text(r, col) for col in range(3)] for r in range(fields.rowCount())]
    assert shown == [["备注", "街道改的", "社区改的"]]  # the differing field only
    assert "张*明" in tab.about.text()
    assert tab.review_button.text() == "已核对…" and tab.review_button.isEnabled()

    asked: list[str] = []
    _answer_note("已电话告知社区", qtbot, asked)
    qtbot.mouseClick(tab.review_button, Qt.MouseButton.LeftButton)
    assert page.ctx.tasks.wait_idle(30)
    qtbot.waitUntil(lambda: _tab_title(page) == "冲突 (1)", timeout=5000)
    assert asked and asked[0].startswith("标记为已核对|居民 张*明")
    assert [r[3] for r in _rows(page)] == ["李*"]  # left the open list
    [done] = conflicts.open_conflicts(db, resolved=True)[1:]
    assert done.resolved and done.resolution == "已电话告知社区"
    with db.read() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "resolve")).one()

    # 显示已核对 lists it again, marked 是, and its detail says who reviewed it
    qtbot.mouseClick(tab.show_resolved, Qt.MouseButton.LeftButton)
    rows = _rows(page)
    assert [(r[3], r[5]) for r in rows] == [("李*", "否"), ("张*明", "是")]
    click_row(qtbot, tab.table, 1)
    assert "已电话告知社区" in tab.about.text() and not tab.review_button.isEnabled()
    qtbot.mouseClick(tab.show_resolved, Qt.MouseButton.LeftButton)

    # the row menu offers the same 已核对…
    table = tab.table
    _right_click(table.viewport(), QPoint(10, table.rowViewportPosition(0) + 5))
    menu = table.rows.menu
    assert menu is not None
    [action] = [a for a in menu.actions() if a.text() == "已核对…"]
    assert action.isEnabled()
    menu.close()
    _answer_note("", qtbot, asked)  # the note may stay empty
    action.trigger()
    assert page.ctx.tasks.wait_idle(30)
    qtbot.waitUntil(lambda: _tab_title(page) == "冲突", timeout=5000)
    assert _rows(page) == [] and conflicts.open_conflicts(db) == []


def test_records_are_described_as_a_clerk_knows_them(tmp_path: Path, templates: Templates) -> None:
    from redoffice.audit import history
    from redoffice.models import Household

    with enrolled_pair(tmp_path, templates) as (c, s, usb):
        person = _conflict(c, s, usb, "张小明", True)
        with s.read() as r:
            texts = history.Texts(r)
            household = r.scalars(select(Household)).one()
            describe = conflicts._describe
            assert describe(texts, "household", household.id, {}) == household.address
            assert describe(texts, "resident_tag", "x", {"resident_id": person}) == "张*明"
            assert describe(texts, "resident", person, {"name": "张小明"}) == "张*明"
            assert describe(texts, "no_such_table", "0123456789ab", {}) == "01234567"
