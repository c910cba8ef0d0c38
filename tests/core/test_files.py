"""kit/files: what several parts of the kit share — a register appended to and flushed (the
erasure register), and the journal files SQLite keeps beside a database (removed, sealed, made
0600 with it)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from redoffice.kit.files import append_to_disk, journal_files, sync_to_disk


def test_a_register_is_appended_to_and_the_users_only(tmp_path: Path) -> None:
    register = tmp_path / "erasures"
    append_to_disk(register, b"one\n")
    append_to_disk(register, b"two\n")
    sync_to_disk(tmp_path)  # a folder: its names flushed (as it is on Windows)
    assert register.read_bytes() == b"one\ntwo\n"
    assert register.stat().st_mode & 0o777 == 0o600


def test_the_journal_files_are_the_ones_sqlite_leaves_beside_a_database(tmp_path: Path) -> None:
    database = tmp_path / "community.sqlite"
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
        beside = {p for p in tmp_path.iterdir() if p != database}
        assert beside and beside <= set(journal_files(database))
    assert [p.name for p in journal_files(database)] == [
        "community.sqlite-wal",
        "community.sqlite-shm",
        "community.sqlite-journal",
    ]
