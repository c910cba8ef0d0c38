"""The street's 数据同步 page imports the files chosen (or dropped) as one batch (issue 15/16):
one job, one verified copy of the database before the first package, the packages' checkpoints
beside the next one's checks; each file's row appears as its package ends, the progress names
the file and "n of N"; a refused or failing package does not stop the others; 取消 stops the
package running (nothing of it applied) and every one after it. Real clicks on two real SQLite
offices (tests/ui/test_sync.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from redoffice.models import SyncPackage, SyncPartner
from redoffice.ui.sync.transfer_tab import ReceiveTab
from tests.factories import add_resident, setup_place
from tests.ui.test_sync import (
    Office,
    click,
    enrol_both,
    export_package,
    import_packages,
    offices,
    residents,
)

__all__ = ["offices"]  # the fixture, shared with test_sync.py
CANCELLED = ["已取消", "已取消，这个数据包的数据没有导入"]


def three_packages(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> list[Path]:
    """The community's packages of 李四, then 王五 too, then 赵六 too (none acknowledged: each
    holds the ones before), enrolled both ways."""
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    enrol_both(qtbot, community, street, folder, monkeypatch)
    usb = folder / "usb"
    usb.mkdir()
    made = []
    for seq, name in enumerate(["李四", "王五", "赵六"], start=1):
        add_resident(community.db, name, household=household, seq=seq)
        made.append(export_package(qtbot, community, usb, monkeypatch))
    return made


def receive_tab(street: Office) -> ReceiveTab:
    street.page.show_tab("transfer")
    tab = street.page.receive_tab
    assert tab is not None
    return tab


def shown(tab: ReceiveTab) -> list[list[str]]:
    """The results table, the newest first: file, result, reason."""
    table = tab.results
    return [[table.text(r, c) for c in range(3)] for r in range(table.rowCount())]


def test_three_packages_in_one_go_each_row_as_its_package_ends(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = three_packages(qtbot, offices, tmp_path, monkeypatch)
    street = offices[1]
    tab = receive_tab(street)
    seen: list[tuple[int, bool, str, str]] = []  # at each package's row: what the page showed
    tab.imported.connect(
        lambda: seen.append(
            (
                tab.results.rowCount(),
                street.ctx.tasks.busy,
                tab.results.text(0, 0),
                tab.work.what.text(),
            )
        )
    )
    rows = import_packages(qtbot, street, files, monkeypatch)
    names = [f.name for f in files]
    # each row added while the batch still ran, in order, the progress naming its file
    assert seen == [
        (n, True, name, f"正在导入 {name}（第 {n} 个，共 3 个）…")
        for n, name in enumerate(names, start=1)
    ]
    assert [r[:2] for r in rows] == [[name, "已导入"] for name in reversed(names)]
    assert residents(street.db) == 3
    assert len(list(tmp_path.rglob("street-before-sync-*.sqlite"))) == 1  # one copy, first
    assert not tab.work.isVisible()


def test_a_bad_file_among_good_ones_stops_nothing(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, _two, three = three_packages(qtbot, offices, tmp_path, monkeypatch)
    street = offices[1]
    truncated = tmp_path / "拔早了.rosync"
    truncated.write_bytes(three.read_bytes()[: three.stat().st_size // 3])
    gone = tmp_path / "U盘已拔出.rosync"  # chosen, then the stick was pulled
    rows = import_packages(qtbot, street, [one, truncated, gone, three], monkeypatch)
    assert [r[:2] for r in rows] == [
        [three.name, "已导入"],
        [gone.name, "未导入"],
        [truncated.name, "拒绝"],
        [one.name, "已导入"],
    ]
    assert rows[1][2].startswith(f"无法读取文件“{gone.name}”")
    assert "损坏" in rows[2][2] or "U盘" in rows[2][2], rows[2]
    assert residents(street.db) == 3
    assert "Traceback" not in str(rows)


def test_cancel_mid_batch_stops_the_package_running_and_the_rest(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, two, _three = three_packages(qtbot, offices, tmp_path, monkeypatch)
    street = offices[1]
    tab = receive_tab(street)
    gone = tmp_path / "U盘已拔出.rosync"
    monkeypatch.setattr(
        "redoffice.ui.kit.ask.open_paths", lambda *_a: [str(gone), str(one), str(two)]
    )
    # another program writing to the street's file: the first package's apply waits for it
    # (up to SQLite's busy timeout) — the batch is held mid-way, after the missing file's row
    other = sqlite3.connect(str(street.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        click(qtbot, tab.import_button)
        qtbot.waitUntil(lambda: tab.results.rowCount() == 1, timeout=4000)
        assert street.ctx.tasks.busy and tab.work.what.text().startswith(f"正在导入 {one.name}")
        click(qtbot, tab.work.cancel_button)
        assert tab.work.what.text() == "正在停止…"
        other.execute("ROLLBACK")
    finally:
        other.close()
    street.settle()
    rows = shown(tab)
    assert rows[:2] == [[two.name, *CANCELLED], [one.name, *CANCELLED]]
    # QA 12: the line under the table said 已取消 twice, and a reason ended without a stop
    assert tab.detail.text() == f"{two.name}：已取消，这个数据包的数据没有导入。"
    assert rows[2][:2] == [gone.name, "未导入"] and rows[2][2].startswith("无法读取文件")
    assert residents(street.db) == 0  # the package running rolled back, the next not begun
    with street.db.read() as s:
        assert s.scalars(select(SyncPartner)).one().applied_seq == 0
        assert not s.scalars(select(SyncPackage).where(SyncPackage.direction == "in")).all()
    assert not tab.work.isVisible()
    # the same files import whole afterwards
    rows = import_packages(qtbot, street, [one, two], monkeypatch)
    assert [r[1] for r in rows[:2]] == ["已导入", "已导入"] and residents(street.db) == 2
