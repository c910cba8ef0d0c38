"""加密此数据库 (issue 16, decision 0028): the office's SQLite file encrypted at rest.

A verified backup first; the recovery-key sheet written next (before anything changes: a sheet
that cannot be written stops the conversion); the database closed; the file encrypted in place
by :func:`redoffice.kit.cipher.encrypt_file` (verified copy, one atomic rename). The caller
opens the database again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redoffice.kit import cipher, clock
from redoffice.kit.backups import backup_sqlite, default_backup_folder
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.reports.recovery_key import RecoverySheet, recovery_sheet
from redoffice.settings.community import heading_name


@dataclass(frozen=True)
class Encrypted:
    database: Path
    backup: Path | None
    sheet: Path
    recovery: str


def database_path(db: Database) -> Path:
    """The SQLite file to encrypt; refused for a server database."""
    source = db.engine.url.database
    if not db.is_sqlite or not source or source == ":memory:":
        raise UserError("db.encrypt_not_file")
    return Path(source).resolve()


def encrypt_database(db: Database, sheet: Path, passphrase: str | None = None) -> Encrypted:
    """Encrypt the database ``db`` is open on; ``db`` is closed on return (or on refusal
    after the backup). ``sheet``: where the recovery-key sheet's PDF is written."""
    path = database_path(db)
    if cipher.is_encrypted(path):
        raise UserError("db.already_encrypted", path=str(path))
    new = cipher.new_database_key(path, passphrase)
    folder = default_backup_folder(db.engine)
    backup = backup_sqlite(db.engine, folder) if folder is not None else None
    made = RecoverySheet(heading_name(db), path.name, clock.today().isoformat(), new.recovery)
    write_file(sheet, recovery_sheet(made))
    db.close()
    cipher.encrypt_file(path, new)
    return Encrypted(path, backup, sheet, new.recovery)
