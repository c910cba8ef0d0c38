"""Review 10 (issue 16: roles checked by the services, "so that no service can forget it" —
accounts/guard.py). 加密此数据库 (settings.encryption.encrypt_database) and 从备份恢复…
(kit.restoring.restore) need MANAGE_SETTINGS, but only their callers check it: the window hides
the 数据安全 tab and disables the menu item, the CLI's gate_file_command asks for an
administrator. The services themselves replace or convert the whole database for any logged-in
role — a 出纳 here."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.accounts import service as accounts
from redoffice.kit import backups, cipher, restoring
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.settings.encryption import encrypt_database
from tests.core.sync_support import MemoryKeyring, memory_keyring

PASSWORD = "review10-secret"


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as found:
        yield found


def _as_cashier(db: Database) -> Path:
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "chuna", "周出纳", "cashier", PASSWORD)
    accounts.login(db, "chuna", PASSWORD)
    return Path(str(db.engine.url.database)).resolve()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_cashier_cannot_encrypt_the_database(
    ring: MemoryKeyring, sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = _as_cashier(sqlite_db)
    with pytest.raises(UserError):
        encrypt_database(sqlite_db, tmp_path_factory.mktemp("safe") / "恢复密钥单.pdf")
    assert not cipher.is_encrypted(path)


def test_a_cashier_cannot_restore_a_backup(sqlite_db: Database) -> None:
    copy = backups.make_backup(sqlite_db).path
    path = _as_cashier(sqlite_db)
    before = _digest(path)
    with pytest.raises(UserError):
        restoring.restore(sqlite_db, copy)
    assert _digest(path) == before
