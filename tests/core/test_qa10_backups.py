"""QA 10 (issue 16, backups in the real window).

- 加密此数据库 left the backups it encrypted (and the database) 0644: every file the conversion
  writes is 0600.
- On an encrypted database every 立即备份 left a ``<name>.sqlite.partial-shm`` in backups/.
- ``stats`` on a text file answered in English ("file is not a database"), not saying that
  nothing was changed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.cli import main as cli
from redoffice.kit import backup_paths, backups
from redoffice.kit.db import Database
from redoffice.settings.encryption import encrypt_database
from tests.core.sync_support import MemoryKeyring, memory_keyring
from tests.factories import add_resident, setup_place


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as found:
        yield found


def _encrypted(db: Database, usb: Path) -> Path:
    _grid, _estate, household = setup_place(db)
    add_resident(db, "王小明", household=household, relation="0")
    encrypt_database(db, usb / "恢复密钥单.pdf")
    return Path(str(db.engine.url.database)).resolve()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_encrypting_leaves_the_database_and_its_backups_0600(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    folder = backup_paths.backup_folder_of(path)
    backups.make_backup(sqlite_db)
    encrypted = _encrypted(sqlite_db, tmp_path_factory.mktemp("usb"))
    written = [encrypted, *folder.glob("*.sqlite")]
    assert len(written) >= 2
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert set(modes.values()) == {0o600}, modes


def test_a_backup_of_an_encrypted_database_leaves_no_partial_files(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = _encrypted(sqlite_db, tmp_path_factory.mktemp("usb"))
    folder = backup_paths.backup_folder_of(path)
    before = set(folder.glob("*.sqlite"))
    assert cli(["--db", str(path), "backup", "create"]) == 0
    assert set(folder.glob("*.sqlite")) != before, "a copy was made"
    assert sorted(p.name for p in folder.glob("*partial*")) == []


def test_stats_on_a_text_file_says_in_chinese_that_nothing_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "t.sqlite"
    text.write_bytes(b"this is a note, not a database\n" * 200)
    before = text.read_bytes()
    assert cli(["--db", str(text), "stats"]) != 0
    said = capsys.readouterr().err
    assert "不是 RedOffice 数据库" in said and "未作任何修改" in said, said
    assert "file is not a database" not in said
    assert text.read_bytes() == before


def test_a_manual_backup_is_its_own_kind_and_keeps_the_days_automatic_copy(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    daily = backups.make_backup(sqlite_db).path  # the day's automatic copy (or before encrypting)
    sqlite_db.close()
    for _ in range(backups.MANUAL_KEPT + 2):
        assert cli(["--db", str(path), "backup", "create"]) == 0  # 立即备份
    found = backups.copies(path)
    assert daily.is_file(), "立即备份 removed the day's automatic copy"
    kinds = [c.kind for c in found]
    assert kinds.count("手动备份") == backups.MANUAL_KEPT and kinds.count("自动备份") == 1
