"""Review 9 (issue 16, encryption at rest).

- ``redoffice-cli db encrypt`` runs as a ``file_handler`` before the CLI's sign-in
  (cli/__init__._run): on a database with accounts it needs no ``--user`` at all, and no role
  (MANAGE_SETTINGS: "settings, backups, encryption").
- 加密此数据库 (settings/encryption.encrypt_database) leaves the office's data in clear in the
  backup folder beside the now encrypted file: the copy it makes first is plain, and so are the
  automatic copies made before — on the stolen PC the issue is about, the names are one
  ``strings`` away ("Backups and sync packages are encrypted too")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.accounts import service as accounts
from redoffice.cli import main as cli
from redoffice.kit import backups, cipher
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.settings.encryption import encrypt_database
from tests.core.sync_support import MemoryKeyring, memory_keyring
from tests.factories import add_resident, setup_place

NAME = "王小明"


@pytest.fixture
def usb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("usb")


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as found:
        yield found


def _with_wang(db: Database) -> Path:
    _grid, _estate, household = setup_place(db)
    add_resident(db, NAME, household=household, relation="0")
    return Path(str(db.engine.url.database))


def test_the_cli_encrypts_only_for_a_logged_in_administrator(
    ring: MemoryKeyring, sqlite_db: Database, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_wang(sqlite_db)
    accounts.add(sqlite_db, "admin", "王书记", "admin", "review9-secret")
    sqlite_db.close()
    capsys.readouterr()
    sheet = str(usb / "单.pdf")
    code = cli(["--db", str(path), "db", "encrypt", "--recovery-sheet", sheet])
    assert (code, cipher.is_encrypted(path)) == (1, False)
    assert "--user" in capsys.readouterr().err


def test_no_plain_copy_of_the_data_is_left_in_the_backup_folder(
    ring: MemoryKeyring, sqlite_db: Database, usb: Path
) -> None:
    path = _with_wang(sqlite_db)
    folder = backups.default_backup_folder(sqlite_db.engine)
    assert folder is not None
    assert backups.backup_sqlite(sqlite_db.engine, folder) is not None  # yesterday's copy
    encrypt_database(sqlite_db, usb / "单.pdf")
    assert cipher.is_encrypted(path)
    plain = [p.name for p in folder.rglob("*") if p.is_file() and NAME.encode() in p.read_bytes()]
    assert plain == []


def test_a_file_that_is_no_database_is_not_asked_for_a_key(
    ring: MemoryKeyring, tmp_path: Path
) -> None:
    wrong = tmp_path / "居民台账.xlsx"
    wrong.write_bytes(b"PK\x03\x04" + bytes(400))  # a workbook picked by mistake
    with pytest.raises(UserError) as caught:
        open_database(f"sqlite:///{wrong}")
    assert caught.value.code not in ("db.key_missing", "db.passphrase_needed", "db.key_wrong")
    assert wrong.read_bytes() == b"PK\x03\x04" + bytes(400)
