"""Sync files handed to the program (double-clicked in the file manager: `redoffice FILE…`)
are imported by the 数据同步 page: packages at the street office, acknowledgements at the
community; the other kind is named as belonging to the other side (issue 17's association)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.models import Resident
from redoffice.sync import packages
from redoffice.ui.app import _parse
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.sync.sync_page import SyncPage
from tests.conftest import Templates
from tests.core.sync_support import enrolled_pair
from tests.factories import add_resident, setup_place


@pytest.fixture
def pair(tmp_path: Path, templates: Templates) -> Iterator[tuple[Database, Database, Path]]:
    with enrolled_pair(tmp_path, templates) as made:
        yield made


def _window(qtbot: QtBot, db: Database) -> tuple[MainWindow, AppContext]:
    ctx = AppContext(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    assert ctx.tasks.wait_idle(20)
    return window, ctx


def _residents(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Resident)) or 0


def test_the_command_line_takes_files() -> None:
    args = _parse(["--db", "x.sqlite", "a.rosync", "回执.rosack"])
    assert args.files == ["a.rosync", "回执.rosack"]
    assert _parse([]).files == []


def test_opened_files_are_imported_on_the_side_they_belong_to(
    qtbot: QtBot, pair: tuple[Database, Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    community, street, usb = pair
    _g, _e, household = setup_place(community)
    add_resident(community, "李四", household=household, seq=1)
    package = usb / packages.export_package(community, usb).file
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))

    window, ctx = _window(qtbot, street)
    try:
        stray = usb / "回执_别处.rosack"
        stray.write_bytes(b"x")
        window.open_files([package, stray])  # before the page knows its role: kept, then done
        assert ctx.tasks.wait_idle(60)
        page = window.page("sync")
        assert isinstance(page, SyncPage) and window.stack.currentWidget() is page
        receive = page.receive_tab
        assert receive is not None and page.tabs.currentWidget() is receive
        assert [receive.results.text(0, c) for c in range(2)] == [package.name, "已导入"]
        assert _residents(street) == 1
        assert told == ["回执_别处.rosack：回执应在社区的 RedOffice 中导入。"]
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()
    acks = sorted(usb.glob("*.rosack"))
    acks.remove(stray)
    assert len(acks) == 1  # the street's receipt, beside the package
    window, ctx = _window(qtbot, community)
    try:
        window.open_files(acks)
        assert ctx.tasks.wait_idle(60)
        page = window.page("sync")
        assert isinstance(page, SyncPage) and page.send_tab is not None
        assert "街道办已确认到第" in page.send_tab.ack_result.text()
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()
