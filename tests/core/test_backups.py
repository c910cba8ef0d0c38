"""备份到… / 从备份恢复…: a consistent copy to a chosen file, and restoring one with the current
database kept aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from redoffice.kit import backups
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from tests.factories import add_resident, setup_place


def names(db: Database) -> list[str]:
    return sorted(r.name for r in search.search_residents(db, ResidentQuery(), limit=100))


def test_backup_then_restore_brings_back_what_was_saved(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    target = tmp_path / "备份" / "社区备份.sqlite"
    target.parent.mkdir()
    info = backups.backup_to(sqlite_db, target)
    assert info.community == "幸福社区"
    assert dict(info.counts)["居民"] == 1 and dict(info.counts)["住户"] == 1
    assert info.last_change is not None
    assert not list(target.parent.glob("*.partial"))

    add_resident(sqlite_db, "李芳", household=household, relation="1", seq=30)
    assert names(sqlite_db) == ["李芳", "王小明"]
    url = str(sqlite_db.engine.url)
    aside = backups.restore(sqlite_db, target)
    reopened = open_database(url)
    try:
        assert names(reopened) == ["王小明"]
    finally:
        reopened.close()
    kept = open_database(f"sqlite:///{aside}")
    try:
        assert names(kept) == ["李芳", "王小明"], "the database before the restore is kept"
    finally:
        kept.close()
    assert aside.parent.name == "backups"


def test_a_backup_can_not_overwrite_the_open_database(sqlite_db: Database) -> None:
    with pytest.raises(UserError, match="正在使用的数据库"):
        backups.backup_to(sqlite_db, Path(str(sqlite_db.engine.url.database)))


def test_files_that_are_not_backups_are_refused_untouched(
    sqlite_db: Database, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "notes.sqlite"
    text.write_text("不是数据库" * 100, encoding="utf-8")
    with pytest.raises(UserError, match="不是 RedOffice 的数据库备份"):
        backups.describe(other)
    with pytest.raises(UserError, match="无法读取备份文件"):
        backups.describe(text)
    with pytest.raises(UserError, match="找不到备份文件"):
        backups.describe(tmp_path / "missing.sqlite")
    before = Path(str(sqlite_db.engine.url.database)).read_bytes()
    with pytest.raises(UserError):
        backups.restore(sqlite_db, other)
    assert Path(str(sqlite_db.engine.url.database)).read_bytes() == before
    assert names(sqlite_db) == [], "the open database still works after a refusal"
