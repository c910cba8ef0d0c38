"""Putting a backup back in place of the SQLite database (decision 0030): the current database
kept aside first, the backup's copy checked, the erasures made since applied again in it
(:mod:`redoffice.kit.erasures`), then swapped in with one rename — a kill at any moment leaves
the old or the new database, never half."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from redoffice.kit import audit_log, cipher, clock
from redoffice.kit.backup_paths import RESTORING, SECOND_FOLDER, backup_folder_of
from redoffice.kit.backups import (
    STAMP,
    BackupInfo,
    attachment_hashes,
    copy_before,
    copy_blobs,
    database_file,
    files_folder,
    read_only,
    remove_copy,
    verified_copy,
    verify,
)
from redoffice.kit.blobs import Store, key_of
from redoffice.kit.db import Database, open_database
from redoffice.kit.erasures import erasure_register, gather_registers
from redoffice.kit.errors import UserError
from redoffice.kit.files import cannot_write, journal_files, private_file, private_folder
from redoffice.kit.stored_settings import put_value

AfterRestore = Callable[[Database, Path, datetime], int]
_AFTER_RESTORE: list[AfterRestore] = []
_RESTORE_GUARDS: list[Callable[[Database], bool]] = []


@dataclass(frozen=True)
class Restored:
    aside: Path  # the database as it was before the restore
    attachments: int  # photos and scans put back into the attachments folder
    attachments_missing: int  # referred to, but neither beside the backup nor here
    backup: BackupInfo  # what was put back
    erased_again: int = 0  # residents erased after the backup, erased again in it


def guard_restore(may: Callable[[Database], bool]) -> None:
    """Ask ``may(db)`` before :func:`restore`: the logged-in role must hold the permission
    (:mod:`redoffice.features` registers the settings' check; the kit imports no feature)."""
    _RESTORE_GUARDS.append(may)


def restore(db: Database, backup: Path) -> Restored:
    """Put ``backup`` in place of the database ``db`` was opened on (see
    :func:`restore_file`). ``db`` is closed: open the file again (that also brings an older
    backup's schema up to date). Refused, nothing changed, to a role the guards
    (:func:`guard_restore`) do not allow."""
    if not all(may(db) for may in _RESTORE_GUARDS):
        raise UserError("backup.restore_not_allowed")
    current = database_file(db)
    info = verify(backup)
    return restore_file(current, info, db.attachments_dir, close=db.close, actor=db.actor)


def restore_file(
    current: Path,
    info: BackupInfo,
    attachments: Path,
    close: Callable[[], None] = lambda: None,
    actor: str = "system",
) -> Restored:
    """Put the verified backup ``info`` in place of the database file ``current``, which may
    be damaged: the backup's attachments first into ``attachments`` (checked against their
    hash; those already there are kept, so the database kept aside keeps its own), the backup
    copied beside ``current`` and checked, ``current`` kept aside in the backup folder
    (verified; a damaged one copied as it is, ``{stem}-damaged-….sqlite``), the copy readied
    (:func:`_ready`: erasures made since applied again, the restore audited as ``actor``'s),
    then ``close`` and one rename. A kill at any moment leaves the old database or the restored
    one, erasures included."""
    with closing(read_only(info.path)) as conn:
        hashes = attachment_hashes(conn)
    try:
        source = Store(files_folder(info.path), key_of(info.path))
        copied, missing = copy_blobs(hashes, source, attachments, verify=True)
        _seal_restored(current, attachments)
    except OSError as exc:
        raise cannot_write(attachments, exc) from exc
    incoming = current.with_name(current.name + RESTORING)
    verified_copy(info.path, incoming)
    try:
        gather_registers(current, info.path)
        _keep_encrypted(current, incoming)
        second = _second_on_file(current)
        aside = _set_aside(current)
        again = _ready(incoming, current, info, aside, actor, second)
        close()
        for journal in journal_files(current):  # the old file's: never replayed onto the new
            journal.unlink(missing_ok=True)
        os.replace(incoming, current)
    finally:
        remove_copy(incoming)
        erasure_register(incoming).unlink(missing_ok=True)  # the replay's own notes
    return Restored(aside, copied, missing, info, again)


def _seal_restored(current: Path, attachments: Path) -> None:
    """A plain backup's photos and scans put back beside an encrypted database are encrypted
    with its key (:meth:`Store.seal`), as the database itself is (:func:`_keep_encrypted`)."""
    key = key_of(current)  # None for a plain database
    if key is not None:
        Store(attachments, key).seal()


def _keep_encrypted(current: Path, incoming: Path) -> None:
    """A plain backup (a 备份到… made before 加密此数据库) put over an encrypted database is
    encrypted first, with the database's own key and salt — its recovery sheet still opens it:
    the office's data never lands on the PC in clear. Refused in words, nothing changed, when
    this PC does not have that key."""
    if not cipher.is_encrypted(current) or cipher.is_encrypted(incoming):
        return
    key = cipher.key_for(current)
    if key is None:  # is_encrypted said otherwise a moment ago
        raise UserError("db.key_missing", path=str(current))
    cipher.encrypt_file(incoming, cipher.NewKey(key, cipher.file_salt(current), kept=False))


def _second_on_file(current: Path) -> str | None:
    """The second folder ``current`` names ("" for none) — this PC's choice, not the data's,
    kept across a restore; None when ``current`` cannot be read (damaged, or no key here):
    the backup's own choice stays then."""
    try:
        with closing(read_only(current)) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (SECOND_FOLDER,))
            found = row.fetchone()
    except (UserError, MemoryError, *cipher.ERRORS):
        return None
    return str(json.loads(found[0])) if found else ""


def _ready(
    incoming: Path, current: Path, info: BackupInfo, aside: Path, actor: str, second: str | None
) -> int:
    """Open the copy about to replace ``current`` (an older schema brought up to date), run
    the after-restore hooks in it — the residents ``current``'s erasure register names as
    erased after the backup's newest change are erased again — and record the restore in its
    audit, with ``current``'s second folder (``second``, unless None) written back in the same
    transaction; closed again as one file. Returns how many were erased again."""
    db = open_database(f"sqlite:///{incoming}")
    try:
        db.actor = actor
        since = info.last_change or datetime.min.replace(tzinfo=UTC)
        again = sum(hook(db, current, since) for hook in _AFTER_RESTORE)
        details = {"from": str(info.path), "aside": str(aside), "erased_again": again}
        with db.uow() as s:
            if second is not None:
                put_value(s, SECOND_FOLDER, second)
            audit_log.record(s, "restore", "database", "*", details)
    finally:
        db.close()  # the last connection: its WAL checkpointed and removed
    return again


def _set_aside(current: Path) -> Path:
    """Keep the database as it is before a restore: a healthy one as a verified
    ``{stem}-before-restore-….sqlite`` (a copy that fails refuses the restore); one that fails
    ``PRAGMA quick_check`` (the reason for the restore, often) as it is, named
    ``{stem}-damaged-….sqlite``."""
    folder = backup_folder_of(current)
    if _healthy(current):
        return copy_before(current, folder, "restore")
    target = folder / f"{current.stem}-damaged-{clock.now().strftime(STAMP)}.sqlite"
    private_folder(folder)
    for suffix in ("", "-wal"):
        source = current.with_name(current.name + suffix)
        if source.is_file():  # into a 0600 file: copyfile keeps the mode of one that exists
            shutil.copyfile(source, private_file(target.with_name(target.name + suffix)))
    return target


def _healthy(database: Path) -> bool:
    """Whether ``database`` opens (read-only) and passes ``PRAGMA quick_check``."""
    try:
        with closing(read_only(database)) as conn:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
    except (UserError, MemoryError, *cipher.ERRORS):  # SQLCipher: some damage as MemoryError
        return False


def after_restore(hook: AfterRestore) -> None:
    """Run ``hook(db, database, backup's newest change)`` in every restored copy before it
    replaces ``database`` (:mod:`redoffice.features` registers the erasures' replay, which
    reads ``database``'s register; the kit imports no feature); it returns how many records it
    changed."""
    if hook not in _AFTER_RESTORE:
        _AFTER_RESTORE.append(hook)


def open_restored(url: str, restored: Restored, actor: str) -> Database:
    """Open the database just restored (its erasures replayed and the restore audited before
    the rename: :func:`restore_file`) for ``actor``."""
    db = open_database(url)
    db.actor = actor
    return db
