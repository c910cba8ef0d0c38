"""An upgrade that fails or is killed half-way leaves the database as it was; the next opening
upgrades it cleanly (the whole upgrade is one transaction, on SQLite too)."""

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

import redoffice.kit.db as dbmod
from redoffice.kit import logs
from redoffice.kit.db import open_database
from redoffice.kit.errors import UserError
from tests.migrations.test_upgrade import _as_0010_wrote, _at_0010, _check_upgraded

KILL_AT = (
    "UPDATE grid SET sync_seq",  # 0011 fills the new columns after adding them
    "INSERT INTO audit_batch",  # 0012, after 0011 and the new audit tables
)

KILLED = textwrap.dedent(
    """
    import os, sys
    import redoffice.features
    from sqlalchemy import event
    import redoffice.kit.db as dbmod

    made = dbmod.make_engine

    def make_engine(url):
        engine = made(url)

        @event.listens_for(engine, "before_cursor_execute")
        def kill(conn, cursor, statement, *args):
            if statement.startswith(sys.argv[2]):
                os._exit(9)  # the program ended from the task manager, mid-upgrade

        return engine

    dbmod.make_engine = make_engine
    dbmod.open_database(sys.argv[1])
    """
)


def _schema(path: Path) -> tuple[object, ...]:
    """What an upgrade changes: the version, the tables and the columns of one of them."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT version_num FROM alembic_version").fetchall(),
            sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")),
            [r[1] for r in conn.execute("PRAGMA table_info(grid)")],
            conn.execute("SELECT count(*) FROM audit_log").fetchall(),
        )
    finally:
        conn.close()


def _at_0010_file(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine: Engine = _at_0010(url)
    _as_0010_wrote(engine)
    engine.dispose()
    return url


def _reopened(url: str) -> None:
    db = open_database(url)
    try:
        _check_upgraded(db)  # every row, sequence number and audit entry; the chain verifies
    finally:
        db.close()


@pytest.mark.parametrize("at", KILL_AT)
def test_an_upgrade_killed_half_way_leaves_the_file_to_upgrade_again(
    tmp_path: Path, at: str
) -> None:
    path = tmp_path / "v0010.sqlite"
    url = _at_0010_file(path)
    before = _schema(path)
    run = subprocess.run([sys.executable, "-c", KILLED, url, at], check=False)
    assert run.returncode == 9  # killed after columns or tables were added
    assert _schema(path) == before
    _reopened(url)


def test_a_failing_step_of_0012_leaves_the_file_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0011 ran (columns added, change log dropped) when 0012 fails: all of it is undone."""
    path = tmp_path / "v0010.sqlite"
    url = _at_0010_file(path)
    before = _schema(path)

    def broken(*_args: object) -> bytes:
        raise OSError("磁盘已满")  # any error the step may raise, not only the database's

    monkeypatch.setattr("redoffice.kit.audit_log.entry_hash", broken)
    with pytest.raises(UserError, match=r"无法打开数据库.*磁盘已满.*数据库未改动"):
        open_database(url)
    assert _schema(path) == before
    monkeypatch.undo()
    _reopened(url)


def test_unreadable_old_audit_data_gives_the_cannot_open_message(tmp_path: Path) -> None:
    """A JSON fault in an old entry: the Chinese message, not a traceback; once the entry is
    repaired the file upgrades."""
    path = tmp_path / "v0010.sqlite"
    url = _at_0010_file(path)
    conn = sqlite3.connect(path)
    with conn:
        (good,) = conn.execute("SELECT before FROM audit_log WHERE action = 'update'").fetchone()
        conn.execute("UPDATE audit_log SET before = '{bad' WHERE action = 'update'")
    before = _schema(path)
    with pytest.raises(UserError, match="无法打开数据库：升级数据库时出错"):
        open_database(url)
    assert _schema(path) == before
    with conn:
        conn.execute("UPDATE audit_log SET before = ? WHERE action = 'update'", (good,))
    conn.close()
    _reopened(url)


def test_a_failed_compaction_after_the_upgrade_is_logged_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade is saved; a VACUUM that fails (no disk space for the copy) only leaves the
    file larger: the database opens and the error is in the log."""
    url = _at_0010_file(tmp_path / "v0010.sqlite")
    monkeypatch.setattr(dbmod, "_compact", _failing_vacuum(dbmod._compact))
    _reopened(url)
    log = logs.log_file().read_text(encoding="utf-8")
    assert "compacting" in log and "database or disk is full" in log


def _failing_vacuum(compact: Callable[[Engine], None]) -> Callable[[Engine], None]:
    """``_compact`` with every page counted free and VACUUM failing as on a full disk."""

    def run(engine: Engine) -> None:
        @event.listens_for(engine, "before_cursor_execute", retval=True)
        def swap(_c: object, _cur: object, statement: str, params: object, *_a: object) -> object:
            if statement == "PRAGMA freelist_count":
                return "PRAGMA page_count", params
            if statement == "VACUUM":
                raise sqlite3.OperationalError("database or disk is full")
            return statement, params

        compact(engine)

    return run
