"""加密此数据库 and another writer at the same moment (issue 16, decision 0028; session 11).

The conversion holds the plain file's write lock from its checkpoint to the rename. A writer —
the CLI beside the window, a second window — that came in around that lock must never be told
something untrue ("read-only", "not a database") nor have its commit land in the plain file
renamed away: it is kept out (另一项操作正在进行, try again) or its write is in the database
afterwards. Real files, two threads; the keyring is the test's file backend."""

from __future__ import annotations

import sqlite3
import threading
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from redoffice.kit import cipher
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.kit.files import journal_files
from redoffice.settings.encryption import encrypt_database

WRITE = "INSERT INTO setting (key, value) VALUES ('test.writer', '\"written\"')"


def _path(db: Database) -> Path:
    return Path(str(db.engine.url.database)).resolve()


def _write(path: Path, said: list[str]) -> None:
    """The other writer: opens the database (as the CLI does) and saves one change."""
    try:
        other = open_database(f"sqlite:///{path}")
        try:
            _save(other)
        finally:
            other.close()
        said.append("saved")
    except UserError as exc:
        said.append(exc.code)


def _save(db: Database) -> None:
    with db.uow() as session:
        session.execute(text(WRITE))


def _written(path: Path) -> bool:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read() as session:
            found = session.execute(text("SELECT 1 FROM setting WHERE key = 'test.writer'"))
            return found.first() is not None
    finally:
        db.close()


def _at_the_rename(
    monkeypatch: pytest.MonkeyPatch, writer: Callable[[], None]
) -> list[threading.Thread]:
    """Start ``writer`` in a thread at the moment the conversion renames the encrypted copy
    over the plain file (its lock held), let it reach its wait, then rename. The thread, once
    started, is in the list returned."""
    rename = cipher.replace_wiping
    threads: list[threading.Thread] = []

    def writer_waiting_then_rename(new: Path, old: Path) -> None:
        if not threads:  # the database's rename (the backups' come after)
            thread = threading.Thread(target=writer)
            thread.start()
            threads.append(thread)
            thread.join(timeout=0.5)  # it waits for the lock (or is already told why not)
        rename(new, old)

    monkeypatch.setattr(cipher, "replace_wiping", writer_waiting_then_rename)
    return threads


def test_a_writer_opening_at_the_rename_is_told_busy_and_saves_afterwards(
    file_ring: Path,
    sqlite_db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _path(sqlite_db)
    said: list[str] = []
    threads = _at_the_rename(monkeypatch, lambda: _write(path, said))
    encrypt_database(sqlite_db, tmp_path_factory.mktemp("usb") / "恢复密钥单.pdf")
    for thread in threads:
        thread.join()
    assert cipher.is_encrypted(path)
    assert said in (["db.busy"], ["saved"]), f"the other writer was told {said}"
    if said == ["db.busy"]:  # try again: the write goes to the encrypted database
        _write(path, said)
        assert said[-1] == "saved"
    assert _written(path), "a write reported saved is not in the database"


def test_a_writer_that_came_in_just_before_the_lock_is_not_lost(
    file_ring: Path,
    sqlite_db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The other window opened the database between the conversion's switch out of WAL and
    its lock (switching it back to WAL), then saves while the conversion renames. Before
    session 11 its save was reported done, but went to the plain file renamed away (lost), and
    its plain WAL stayed beside the encrypted database."""
    path = _path(sqlite_db)
    came_in: list[Database] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]

        def before(statement: str) -> None:
            if statement.startswith("BEGIN IMMEDIATE") and not came_in:
                came_in.append(open_database(f"sqlite:///{path}"))

        conn.set_trace_callback(before)
        return conn

    driver = types.SimpleNamespace(
        connect=traced, OperationalError=sqlite3.OperationalError, Connection=sqlite3.Connection
    )
    monkeypatch.setattr(cipher, "sqlite3", driver)
    said: list[str] = []

    def save() -> None:
        try:
            _save(came_in[0])
            said.append("saved")
        except UserError as exc:
            said.append(exc.code)

    threads = _at_the_rename(monkeypatch, save)
    try:
        encrypt_database(sqlite_db, tmp_path_factory.mktemp("usb") / "恢复密钥单.pdf")
        refused = ""
    except UserError as exc:
        refused = exc.code
    for thread in threads:
        thread.join()
    assert came_in, "the other window never came in"
    if not said:  # the conversion never reached its rename: the other window saves now
        save()
    came_in[0].close()
    assert refused in ("", "db.encrypt_busy")
    assert cipher.is_encrypted(path) == (refused == "")
    if said[-1] == "saved":
        assert _written(path), "a save reported done was lost with the plain file"
    else:
        assert said[-1] == "db.busy", f"the other window was told {said}"
    if cipher.is_encrypted(path):
        wal = journal_files(path)
        assert not any(p.exists() and p.stat().st_size for p in wal), "a plain WAL is left"
