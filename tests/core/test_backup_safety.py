"""Backups that restore (issue 16): verified copies, copies before risky operations, the second
folder, the start-up integrity check and the restore drill, the CLI, and kill -9 during a
backup and during a restore."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from redoffice.cli import main
from redoffice.kit import backups, clock, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, copy_sqlite
from redoffice.kit.errors import UserError
from redoffice.models import Resident
from redoffice.registry import erasure, importer, search
from redoffice.registry.importer import ImportOptions
from redoffice.registry.search import ResidentQuery
from tests import excel_corpus as corpus
from tests.conftest import OPERATOR
from tests.factories import add_resident, setup_place

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def _path(db: Database) -> Path:
    return Path(str(db.engine.url.database)).resolve()


def _names(db: Database) -> list[str]:
    return sorted(r.name for r in search.search_residents(db, ResidentQuery(), limit=500))


def names_of(db: Database, resident_id: str) -> str:
    with db.read() as s:
        return s.get_one(Resident, resident_id).name


def damage(database: Path, table: str = "resident") -> None:
    """Overwrite the root page of ``table`` with garbage (the file closed, its WAL merged)."""
    with sqlite3.connect(database) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with database.open("r+b") as f:
        f.seek((root[0] - 1) * page)
        f.write(b"\xa5" * page)


def test_backup_before_writes_a_verified_copy_and_keeps_the_newest_five(
    sqlite_db: Database,
) -> None:
    made = [backups.backup_before(sqlite_db, why) for why in ("import", "sync") * 4]
    assert all(p is not None for p in made)
    folder = _path(sqlite_db).parent / "backups"
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(p.name for p in made[-5:] if p is not None)
    assert not list(folder.glob("*.partial*")) and not list(folder.glob("*-wal"))
    info = backups.verify(folder / left[-1])
    assert dict(info.counts) == {label: n for label, n in backups.describe(folder / left[0]).counts}
    kinds = {c.kind for c in backups.copies(_path(sqlite_db))}
    assert kinds == {"导入前", "同步导入前"}


def test_a_copy_that_fails_its_check_is_removed_and_refused(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged_copy(source: Path, target: Path, read: Callable[[sqlite3.Connection], T]) -> T:
        seen = copy_sqlite(source, target, read)
        damage(target)
        return seen

    monkeypatch.setattr(backups, "copy_sqlite", damaged_copy)
    with pytest.raises(UserError) as info:
        backups.backup_before(sqlite_db, "import")
    assert "已损坏" in info.value.text
    assert list((_path(sqlite_db).parent / "backups").iterdir()) == []


def test_restore_drill_damaged_database_back_from_the_newest_good_copy(
    sqlite_db: Database,
) -> None:
    """Data, an automatic copy, more data, a damaged copy made later, the database damaged:
    the start-up check refuses it naming the way out, the newest copy that passes the check
    is put back, and its records are those backed up."""
    _grid, _estate, household = setup_place(sqlite_db)
    for n, name in enumerate(("王小明", "李芳", "张伟")):
        add_resident(sqlite_db, name, household=household, relation="0" if n == 0 else "1", seq=n)
    good = backups.make_backup(sqlite_db).path
    saved = _names(sqlite_db)
    add_resident(sqlite_db, "赵六", household=household, relation="1", seq=9)
    later = backups.backup_before(sqlite_db, "import")
    assert later is not None
    damage(later)  # a later copy that no longer passes the check
    url, path = str(sqlite_db.engine.url), _path(sqlite_db)
    sqlite_db.close()
    damage(path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(backups.Damaged) as refused:
        backups.open_checked(url)
    assert refused.value.text.startswith(f"数据库文件 {path} 已损坏")
    assert "redoffice-cli" not in refused.value.text  # the window's words too: no command
    assert path.read_bytes() == damaged_bytes, "the check changes nothing"
    assert [c.path for c in refused.value.copies] == [later, good]

    info = backups.newest_good(refused.value.copies)
    assert info.path == good
    restored = restoring.restore_file(path, info, backups.attachments_of(path))
    assert restored.aside.name.startswith("redoffice-damaged-")
    assert restored.aside.read_bytes() == damaged_bytes
    db = backups.open_checked(url)
    try:
        assert _names(db) == saved
        assert dict(backups.describe(good).counts)["居民"] == len(saved)
    finally:
        db.close()


def test_the_second_folder_gets_each_copy_or_a_note_when_absent(
    sqlite_db: Database, tmp_path: Path
) -> None:
    assert "同一块磁盘" in backups.disk_warning(sqlite_db)
    stick = tmp_path / "U盘"
    stick.mkdir()
    sqlite_db.actor = OPERATOR
    backups.set_second_folder(sqlite_db, stick)
    made = backups.make_backup(sqlite_db)
    assert made.second == stick / made.path.name and made.note == ""
    assert backups.verify(made.second).counts == backups.verify(made.path).counts
    assert backups.disk_warning(sqlite_db) == ""
    found = backups.copies(_path(sqlite_db), stick)
    assert {c.path for c in found} == {made.path, made.second}
    stick.rename(tmp_path / "拔下")
    with clock.frozen(clock.now().replace(hour=23)):
        again = backups.make_backup(sqlite_db)
    assert again.second is None and "U 盘未插入" in again.note
    with pytest.raises(UserError):
        backups.set_second_folder(sqlite_db, tmp_path / "没有这个文件夹")


def _cli(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_cli_backup_create_list_verify_and_restore_a_damaged_database(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    path = _path(sqlite_db)
    sqlite_db.close()
    assert _cli(path, "backup", "create") == 0
    created = capsys.readouterr().out
    assert created.startswith("已备份并校验：")
    assert _cli(path, "backup", "list") == 0
    (line, warning) = capsys.readouterr().out.splitlines()
    assert line.split("\t")[1] == "手动备份" and line.endswith(".sqlite")
    copy = Path(line.split("\t")[3])
    assert "同一块磁盘" in warning
    damage(path)
    assert _cli(path, "backup", "verify", str(copy), str(path)) == 1
    verified = capsys.readouterr().out.splitlines()
    assert verified[0].startswith(f"完好：{copy}") and "居民 1" in verified[0]
    assert verified[1].startswith("未通过：") and "已损坏" in verified[1]

    assert _cli(path, "residents", "list") == 1
    said, step = capsys.readouterr().err.splitlines()
    assert "已损坏" in said and "可以用最新的备份恢复" in said and "redoffice-cli" not in said
    assert step == "命令行：redoffice-cli backup restore --newest"  # for the IT person there
    assert _cli(path, "backup", "restore", "--newest") == 0
    assert f"已从 {copy} 恢复" in capsys.readouterr().out
    assert _cli(path, "residents", "list") == 0
    assert "王小明" in capsys.readouterr().out


def test_an_import_makes_a_verified_copy_first(sqlite_db: Database, tmp_path: Path) -> None:
    path = corpus.community_ledger(tmp_path)
    plan = importer.plan_import(sqlite_db, path, ImportOptions(create_places=True))
    before = dict(backups.describe(_path(sqlite_db)).counts)["居民"]
    importer.apply_import(sqlite_db, plan)
    (copy,) = backups.copies(_path(sqlite_db))
    assert copy.kind == "导入前"
    assert dict(backups.verify(copy.path).counts)["居民"] == before
    assert search.count_residents(sqlite_db, ResidentQuery()) == before + plan.count("new")


# ── kill -9 ────────────────────────────────────────────────────────────────────────────────

CHILD = """
import sys
from pathlib import Path
import redoffice.features
from redoffice.kit import backups, restoring
from redoffice.kit.db import open_database

url, mode, marker, other = sys.argv[1:5]
db = open_database(url)
db.actor = "王主任"
Path(marker).write_text("started")
while True:
    if mode == "backup":
        backups.backup_before(db, "import")
    else:
        restored = restoring.restore(db, Path(other))
        db = restoring.open_restored(url, restored, "王主任")  # as the window and the CLI do
"""


def _kill_during(url: str, mode: str, other: Path, delay: float, tmp_path: Path) -> None:
    marker = tmp_path / f"started-{mode}-{delay}"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, mode, str(marker), str(other)], cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        assert marker.exists(), "the child did not start"
        time.sleep(delay)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()


@pytest.mark.parametrize("mode", ["backup", "restore"])
def test_kill_9_during_a_backup_or_a_restore_leaves_a_usable_database(
    sqlite_db: Database, tmp_path: Path, mode: str
) -> None:
    """Killed at six random moments of copies made and restored over and over (the restore
    as the window runs it: the erasures' replay and the restore's audit entry included): the
    next start is clean — the database opens, passes the check, holds the data it had or the
    backup's, a resident erased after the backup is erased in it, no .restoring or .partial
    file is left — and every copy that took its name passes the check."""
    seed = random.SystemRandom().randrange(2**32)  # a new moment each run, named on failure
    rng = random.Random(seed)
    _grid, _estate, household = setup_place(sqlite_db)
    first = add_resident(sqlite_db, "居民000", household=household, relation="1", seq=0)
    for n in range(1, 200):
        add_resident(sqlite_db, f"居民{n:03d}", household=household, relation="1", seq=n)
    backup = backups.backup_to(sqlite_db, tmp_path / "备份.sqlite").path
    add_resident(sqlite_db, "后来的", household=household, relation="1", seq=200)
    erasure.erase_resident(sqlite_db, first, "本人申请删除")  # after the backup: stays erased
    url, path = str(sqlite_db.engine.url), _path(sqlite_db)
    sqlite_db.close()
    for delay in sorted(rng.uniform(0.0, 0.6) for _ in range(6)):
        said = f"killed {delay:.3f} s in (random seed {seed})"
        _kill_during(url, mode, backup, delay, tmp_path)
        db = backups.open_checked(url)
        try:
            assert search.count_residents(db, ResidentQuery()) in {200, 201}, said
            assert names_of(db, first) == ERASED_NAME, said
            assert not list(path.parent.glob(f"{path.name}.restoring*")), said
            assert backups.backup_before(db, "import") is not None  # clears what a kill left
        finally:
            db.close()
        for copy in backups.copies(path):
            backups.verify(copy.path)
        assert not list(path.parent.glob("**/*.partial*")), said


def test_an_encrypted_database_is_backed_up_encrypted_and_restored(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Copies of an encrypted file (cipher's copy_sqlite and connect_sqlite): encrypted with
    the same key, verified, and put back by the restore drill."""
    from redoffice.kit import cipher
    from redoffice.settings.encryption import encrypt_database
    from tests.core.sync_support import memory_keyring

    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    url, path = str(sqlite_db.engine.url), _path(sqlite_db)
    with memory_keyring():
        encrypt_database(sqlite_db, tmp_path_factory.mktemp("usb") / "恢复密钥单.pdf")
        db = backups.open_checked(url)
        made = backups.make_backup(db).path
        with db.engine.connect() as conn:
            page = int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
            root = conn.exec_driver_sql(
                "SELECT rootpage FROM sqlite_master WHERE name = 'resident'"
            ).scalar()
        db.close()
        raw = made.read_bytes()
        assert cipher.is_encrypted(made) and "王小明".encode() not in raw
        assert dict(backups.verify(made).counts)["居民"] == 1
        with path.open("r+b") as f:  # the resident table's root page, garbled
            f.seek((int(root or 0) - 1) * page)
            f.write(b"\xa5" * page)
        with pytest.raises(backups.Damaged) as refused:
            backups.open_checked(url)
        info = backups.newest_good(refused.value.copies)
        restoring.restore_file(path, info, backups.attachments_of(path))
        db = backups.open_checked(url)
        try:
            assert _names(db) == ["王小明"] and cipher.is_encrypted(path)
        finally:
            db.close()
