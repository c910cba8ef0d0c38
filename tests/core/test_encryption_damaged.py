"""QA 12: an encrypted database whose file is damaged (a cut-short copy) was refused as a wrong
key — "口令不对" / "恢复密钥不对" with the right passphrase or recovery key, and never the damaged
database's way out (the newest good backup). SQLCipher tells them apart: a wrong key reads the
file as "not a database", the right one on a damaged file as "malformed"."""

from __future__ import annotations

from pathlib import Path

import pytest

from redoffice.kit import backups, cipher
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.settings.encryption import encrypt_database
from tests.conftest import OPERATOR
from tests.core.sync_support import MemoryKeyring, memory_keyring
from tests.factories import add_resident, setup_place


def cut_short(path: Path) -> None:
    """The file cut to half its size, as a copy interrupted (its WAL merged before)."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def encrypted_with_a_backup(db: Database, safe: Path) -> tuple[Path, str]:
    """``db`` holding residents, encrypted (its key in the keyring), then one backup made:
    the file and its recovery key."""
    _grid, _estate, household = setup_place(db)
    for n in range(30):
        add_resident(db, f"居民{n}", household=household, relation="0" if n == 0 else "9", seq=n)
    path = Path(str(db.engine.url.database))
    recovery = encrypt_database(db, safe / "sheet.pdf").recovery
    reopened = open_database(f"sqlite:///{path}")
    reopened.actor = OPERATOR
    backups.make_backup(reopened, manual=True)
    reopened.close()
    return path, recovery


@pytest.fixture
def ring() -> MemoryKeyring:
    with memory_keyring() as found:
        yield found


def test_a_damaged_encrypted_file_is_damaged_not_a_wrong_key(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path, recovery = encrypted_with_a_backup(sqlite_db, tmp_path_factory.mktemp("safe"))
    cut_short(path)
    with pytest.raises(backups.Damaged) as damaged:
        backups.open_checked(f"sqlite:///{path}")
    assert damaged.value.copies and "已损坏（文件内容残缺或错乱）" in damaged.value.text
    # the recovery key typed (on another PC) is its key: taken, the damage said on opening
    cipher.check_key(path, cipher.parse_recovery_key(recovery), "db.recovery_key_wrong")
    with pytest.raises(UserError) as wrong:  # another key is still a wrong key
        cipher.check_key(path, cipher.new_key(), "db.recovery_key_wrong")
    assert wrong.value.code == "db.recovery_key_wrong"
