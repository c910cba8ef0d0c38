"""加密此数据库 (issue 16, decision 0028): the office's SQLite file encrypted at rest.

A verified backup first; the recovery-key sheet written next, to a place outside the database's
folder (before anything changes: a sheet that cannot be written stops the conversion); the
database closed; the file encrypted in place by :func:`redoffice.kit.cipher.encrypt_file`
(verified copy, one atomic rename, the plain bytes overwritten); then, with the same key, the
attachments folder and every plain copy in the backup folders (the conversion's own backup,
the earlier automatic ones, the second folder's when it is there) — each encrypted copy
verified before it replaces the plain one. The caller opens the database again. 加密此数据库
on a database already encrypted finishes what an interrupted conversion left plain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from redoffice.accounts.permissions import Permission, permits
from redoffice.kit import backup_paths, backups, blobs, cipher, clock
from redoffice.kit.backups import backup_sqlite, default_backup_folder
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import journal_files, write_file
from redoffice.kit.messages import message
from redoffice.models import AuditLog
from redoffice.reports.recovery_key import RecoverySheet, recovery_sheet
from redoffice.settings.community import heading_name


@dataclass(frozen=True)
class Encrypted:
    database: Path
    backup: Path | None  # the copy made first (encrypted afterwards with the others)
    sheet: Path
    recovery: str
    attachments: int = 0  # photos and scans encrypted
    copies: tuple[Path, ...] = ()  # plain backups encrypted in place
    removed: tuple[Path, ...] = ()  # plain copies that could not be read (damaged): wiped
    backed_up_to: tuple[Path, ...] = ()  # 备份到… copies made before, maybe still plain
    second_absent: Path | None = None  # the second folder, not there: its copies still plain

    @property
    def plain_left(self) -> str:
        """What the user must still see to (:func:`plain_left_note`); "" when nothing."""
        return plain_left_note(self.backed_up_to, self.second_absent)


def plain_left_note(backed_up_to: tuple[Path, ...], second_absent: Path | None) -> str:
    """The plain copies RedOffice knows of that it could not encrypt, in words: the 备份到…
    copies the audit records (to delete or make again), the second folder not plugged in (run
    加密此数据库 again once it is)."""
    parts = []
    if backed_up_to:
        listed = "；".join(str(p) for p in backed_up_to)
        parts.append(message("db.plain_backups_left", paths=listed))
    if second_absent is not None:
        parts.append(message("db.plain_second_left", path=str(second_absent)))
    return "\n".join(parts)


def database_path(db: Database) -> Path:
    """The SQLite file to encrypt; refused for a server database."""
    source = db.engine.url.database
    if not db.is_sqlite or not source or source == ":memory:":
        raise UserError("db.encrypt_not_file")
    return Path(source).resolve()


def check_sheet_place(database: Path, sheet: Path) -> None:
    """Refuse a recovery sheet inside the database's folder (or below it): a thief who takes
    the PC or copies the folder would take the key with the data."""
    folder = database.resolve().parent
    if sheet.resolve().is_relative_to(folder):
        raise UserError("db.sheet_beside_database", folder=str(folder))


def on_database_disk(database: Path, sheet: Path) -> bool:
    """Whether ``sheet`` would be written to the disk holding ``database`` (the same device as
    the nearest existing folder on its way): the PC a thief takes holds the key as well, unless
    the file is moved off it."""
    place = sheet.expanduser().resolve()
    while not place.exists() and place != place.parent:
        place = place.parent
    return place.stat().st_dev == database.resolve().parent.stat().st_dev


def encrypt_database(db: Database, sheet: Path, passphrase: str | None = None) -> Encrypted:
    """Encrypt the database ``db`` is open on; ``db`` is closed on return (or on refusal
    after the backup). ``sheet``: where the recovery-key sheet's PDF is written — not in the
    database's folder. ``passphrase``: only where this PC has no keyring. Refused, nothing
    changed, to a role without MANAGE_SETTINGS (the 书记/管理员's)."""
    if not permits(db, Permission.MANAGE_SETTINGS):
        raise UserError("db.encrypt_not_allowed")
    path = database_path(db)
    if cipher.is_encrypted(path):
        _finish(db, path)
        raise UserError("db.already_encrypted", path=str(path))
    check_sheet_place(path, sheet)
    new = cipher.new_database_key(path, passphrase)
    folder = default_backup_folder(db.engine)
    backup = backup_sqlite(db.engine, folder) if folder is not None else None
    made = RecoverySheet(
        heading_name(db), path.name, clock.today().isoformat(), new.recovery, new.kept
    )
    write_file(sheet, recovery_sheet(made))
    second = backups.second_folder(db)
    backed_up_to = _backed_up_to(db)
    db.close()
    cipher.encrypt_file(path, new)
    sealed = _seal_the_rest(path, second, new)
    absent = second if second is not None and not second.is_dir() else None
    return Encrypted(path, backup, sheet, new.recovery, *sealed, backed_up_to, absent)


def _backed_up_to(db: Database) -> tuple[Path, ...]:
    """The 备份到… copies the audit records (``backup_to``) that may still be plain: there and
    plain, or out of reach (on a USB stick not plugged in); not one since removed."""
    with db.read() as s:
        recorded = s.scalars(select(AuditLog.fields).where(AuditLog.action == "backup_to"))
        paths = dict.fromkeys(Path(json.loads(f or "{}").get("path", "")) for f in recorded)
    return tuple(p for p in paths if p.name and _maybe_plain(p))


def _maybe_plain(copy: Path) -> bool:
    if copy.is_file():
        return not cipher.is_encrypted(copy)
    return not copy.parent.is_dir()


def _finish(db: Database, path: Path) -> None:
    """On a database already encrypted, what a conversion cut short (a kill, a power cut) may
    have left plain: its attachments and the copies in the backup folders, encrypted now."""
    key = cipher.key_for(path)
    if key is not None:
        new = cipher.NewKey(key, cipher.file_salt(path), kept=False)
        _seal_the_rest(path, backups.second_folder(db), new)


def _seal_the_rest(
    path: Path, second: Path | None, new: cipher.NewKey
) -> tuple[int, tuple[Path, ...], tuple[Path, ...]]:
    """With the key of the encrypted ``path``: its attachments store, and the plain copies of
    it in its backup folder and ``second``, each with its attachments (same key and salt: one
    keyring entry opens them all). A copy that cannot be encrypted (damaged) is overwritten
    and removed: after the verified encrypted database exists, no plain copy of the office's
    data is left in those folders. Returns (blobs encrypted, copies encrypted, removed)."""
    key = blobs.blob_key(new.key)
    attachments = blobs.Store(backups.attachments_of(path), key).seal()
    sealed: list[Path] = []
    removed: list[Path] = []
    same = cipher.NewKey(new.key, new.salt, kept=False)
    for copy in _plain_copies(path, second):
        try:
            cipher.encrypt_file(copy, same)
            sealed.append(copy)
        except (UserError, *cipher.ERRORS):
            for part in (copy, *journal_files(copy)):
                if part.is_file():
                    cipher.wipe(part)
            removed.append(copy)
        blobs.Store(backups.files_folder(copy), key).seal()
    return attachments, tuple(sealed), tuple(removed)


def _plain_copies(path: Path, second: Path | None) -> list[Path]:
    """The automatic, before-operation and kept-aside (``-damaged-``) copies of ``path`` that
    are plain SQLite files."""
    found = [c.path for c in backups.copies(path, second if second and second.is_dir() else None)]
    found += backup_paths.backup_folder_of(path).glob(f"{path.stem}-damaged-*.sqlite")
    return [p for p in found if p.is_file() and not cipher.is_encrypted(p)]
