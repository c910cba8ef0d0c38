"""Review 9 (issue 16: "A mistyped --db path … silently becomes a new empty database …
Opening never creates a database except at setup"). a066059 gave open_database a ``create``
flag, but it defaulted to True and the CLI (backups.open_checked) never passed False: a typo
in ``--db`` left a new 1.2 MB database behind, and the clerk was told to run ``init`` on it.
Now only ``init`` (and the first start's setup, a demo) create."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from redoffice.cli import main as cli
from redoffice.kit import backups
from redoffice.kit.db import open_database
from redoffice.kit.errors import UserError
from redoffice.settings import community
from tests.core.test_cli import INIT


def test_a_mistyped_db_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "redofice.sqlite"
    assert cli(["--db", str(typo), "stats"]) == 1
    assert not typo.exists()
    assert "找不到数据库文件" in capsys.readouterr().err and list(tmp_path.iterdir()) == []


def test_a_zero_byte_file_or_a_tableless_sqlite_file_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither becomes a database (no WAL switch, no migration): the bytes and the folder stay
    as they were, and the message says what the file is."""
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    tableless = tmp_path / "tableless.sqlite"
    sqlite3.connect(tableless).execute("PRAGMA user_version = 7").connection.close()
    for path, said in ((empty, "是空的（0 字节）"), (tableless, "没有任何表")):
        before = path.read_bytes()
        assert cli(["--db", str(path), "residents", "list"]) == 1
        assert said in capsys.readouterr().err
        assert path.read_bytes() == before
        with pytest.raises(UserError, match=said):
            backups.open_checked(f"sqlite:///{path}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite", "tableless.sqlite"]


def test_only_init_creates_the_database(tmp_path: Path) -> None:
    new = tmp_path / "office.sqlite"
    assert cli(["--db", str(new), *INIT]) == 0
    db = open_database(f"sqlite:///{new}")
    try:
        assert community.is_initialized(db)
    finally:
        db.close()
