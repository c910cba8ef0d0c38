"""Clear failures of the database (issue 16): a mistyped path, an empty or foreign file, a
second writer, a read-only file, a full disk — each a Chinese message saying what is wrong and
that nothing was saved, the database unchanged. Real files, real processes, real file systems
(a small tmpfs mounted by the test; skipped where the test may not mount one)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit.db import open_database
from redoffice.kit.errors import UserError
from tests.conftest import OPERATOR, opened_copy
from tests.excel_corpus import ledger_row

CASE = ["cases", "add", "--category", "其他", "--urgency", "一般", "--description", "楼道灯坏了"]


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["--db", f"sqlite:///{db_path}", "--operator", OPERATOR, *args]
    return subprocess.run(
        [sys.executable, "-m", "redoffice.cli", *command],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _counts(db_path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("resident", "case_record")
        )
    finally:
        conn.close()


def _ledger(folder: Path, rows: int) -> Path:
    """``rows`` residents, each the head of a household at his own address."""
    path = folder / "台账.csv"
    people = (ledger_row(n) for n in range(1, rows + 1))
    lines = [
        "姓名,公民身份号码,住址,与户主关系",
        *(f"{p[0]},{p[2]},胜利街{p[8]}号,户主" for p in people),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_mistyped_path_or_an_empty_file_never_becomes_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "redofice.sqlite"
    with pytest.raises(UserError, match="找不到数据库文件") as refused:
        open_database(f"sqlite:///{missing}", create=False)
    assert str(missing) in refused.value.text
    assert list(tmp_path.iterdir()) == []
    empty = tmp_path / "redoffice.sqlite"
    empty.touch()
    with pytest.raises(UserError, match="是空的（0 字节）"):
        open_database(f"sqlite:///{empty}")
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redoffice.sqlite"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "财务.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE voucher (no INTEGER, amount REAL)")
    conn.execute("INSERT INTO voucher VALUES (1, 12.5)")
    conn.commit()
    conn.close()
    before, stamp = other.read_bytes(), other.stat().st_mtime_ns
    with pytest.raises(UserError, match="不是 RedOffice 数据库"):
        open_database(f"sqlite:///{other}")
    assert other.read_bytes() == before and other.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["财务.db"]  # no -wal, no -shm
    conn = sqlite3.connect(f"{other.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


def test_a_second_writer_waits_then_is_told_another_operation_runs(
    sqlite_template: Path, tmp_path: Path
) -> None:
    """One process holds the write lock (an import in the GUI); the CLI's import and case add
    wait the busy timeout, then say so; nothing of theirs is written."""
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    ledger = _ledger(tmp_path, 50)
    before = _counts(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        for args in (["import-excel", str(ledger), "--create-places"], CASE):
            started = time.monotonic()
            done = _cli(db_path, *args)
            waited = time.monotonic() - started
            assert done.returncode == 1, done.stderr
            assert "另一项操作正在进行，请稍后再试" in done.stderr, done.stderr
            assert "未保存" in done.stderr
            assert 5 <= waited < 60  # the busy timeout, not for ever
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _counts(db_path) == before
    done = _cli(db_path, *CASE)  # the lock released: the same add goes through
    assert done.returncode == 0, done.stderr
    assert _counts(db_path) == (before[0], before[1] + 1)


def test_a_read_only_database_says_so_and_saves_nothing(
    sqlite_template: Path, tmp_path: Path
) -> None:
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    before = _counts(db_path)
    db = open_database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    db.actor = OPERATOR
    try:
        with pytest.raises(UserError, match=r"数据库文件是只读的.*未保存任何内容"):
            cases.create_case(db, CaseInput(category="其他", description="楼道灯坏了"))
    finally:
        db.engine.dispose()
    assert _counts(db_path) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of the test's own (tmpfs), unmounted at the end."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode()[:100]}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("work", ["import", "demo"])
def test_a_full_disk_says_so_and_saves_nothing(
    sqlite_template: Path, small_disk: Path, tmp_path: Path, work: str
) -> None:
    """An import of 3,000 residents, or the demo of 300 households, on a full disk."""
    db_path = Path(shutil.copy(sqlite_template, small_disk / "office.sqlite"))
    ledger = _ledger(tmp_path, 3000)
    before = _counts(db_path)
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    # room for the backup before the import, not for the import's pages
    filler.write_bytes(b"\0" * max(0, free - db_path.stat().st_size - 300_000))
    args = ["import-excel", str(ledger), "--create-places"]
    done = _cli(db_path, *(args if work == "import" else ["demo", "--households", "300"]))
    assert done.returncode == 1, done.stderr
    assert "磁盘空间已满" in done.stderr and "未保存任何内容" in done.stderr, done.stderr
    filler.unlink()
    assert _counts(db_path) == before
    with opened_copy(db_path, tmp_path / "check.sqlite") as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
