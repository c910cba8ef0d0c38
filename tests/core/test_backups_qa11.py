"""QA 11 (issue 16, backups and the database file, through the CLI on real files).

- D2: 从备份恢复… of a copy made before the second folder (USB) was chosen turned the second
  folder off: it is this PC's choice, kept across a restore (audited with it).
- S6: the restore's confirmation said "保存时间：16:01" for a copy listed at 16:00 (its file's
  time, changed when the copy was encrypted in place): a copy's name says when it was made.
- S8: ``--db`` naming a folder was told "找不到数据库文件"."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from redoffice.cli import main
from redoffice.kit import backup_paths, backups
from redoffice.kit.db import Database
from tests.factories import add_resident, setup_place


def _cli(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def _made(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_a_restore_of_an_older_copy_keeps_the_second_folder_chosen_since(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    sqlite_db.close()
    assert _cli(path, "backup", "create") == 0
    older = Path(_made(capsys)[0].removeprefix("已备份并校验：").split("\t")[0])
    stick = tmp_path / "U盘"
    stick.mkdir()
    assert _cli(path, "backup", "second", str(stick)) == 0
    assert _cli(path, "backup", "create") == 0
    capsys.readouterr()
    assert _cli(path, "backup", "restore", str(older)) == 0
    assert f"已从 {older} 恢复" in capsys.readouterr().out

    assert _cli(path, "backup", "create") == 0
    lines = _made(capsys)
    assert len(lines) == 2 and lines[1].startswith(f"第二份：{stick}")
    assert len(list(stick.glob("*.sqlite"))) == 2
    assert _cli(path, "audit", "verify") == 0
    with closing(sqlite3.connect(path)) as conn:
        audited = conn.execute(
            "SELECT action FROM audit_log WHERE table_name = 'setting' AND row_id = ? ORDER BY id",
            (backup_paths.SECOND_FOLDER,),
        ).fetchall()
    assert audited == [("create",)]  # the older copy never had it: written back, audited


def test_a_folder_given_as_the_database_is_told_as_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "社区"
    folder.mkdir()
    assert _cli(folder, "residents", "list") == 1
    said = capsys.readouterr().err
    assert f"{folder} 是一个文件夹，不是数据库文件" in said and "找不到" not in said
    assert list(folder.iterdir()) == []


def test_a_copy_is_confirmed_with_the_time_it_is_listed_at_not_its_files(
    sqlite_db: Database, tmp_path: Path
) -> None:
    made = backups.make_backup(sqlite_db, manual=True).path
    (listed,) = [
        c for c in backups.copies(Path(str(sqlite_db.engine.url.database))) if c.path == made
    ]
    os.utime(made, (listed.made.timestamp() + 60, listed.made.timestamp() + 60))  # touched later
    assert backups.verify(made).saved_at == listed.made
    elsewhere = backups.backup_to(sqlite_db, tmp_path / "社区备份.sqlite").path
    assert abs(backups.verify(elsewhere).saved_at.timestamp() - elsewhere.stat().st_mtime) < 0.01
