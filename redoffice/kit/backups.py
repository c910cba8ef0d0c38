"""文件 → 备份到… and 从备份恢复…: a consistent copy of the SQLite database to a chosen file with
its photos and scans in a folder beside it, and putting such a copy back (the current database
kept aside first).

One consistent copy: the database is copied first (SQLite's online backup API), then exactly the
attachments that copy refers to, by hash (``社区备份.sqlite`` + ``社区备份-附件/ab/abcdef…``); the
database file takes its name only once its attachments are beside it. Attachments are never
changed once stored, so those copied are those the copied database means."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from redoffice.kit import clock
from redoffice.kit.blobs import blob_path, copy_new, file_sha256
from redoffice.kit.db import Database, copy_sqlite, head_revision
from redoffice.kit.errors import UserError

BACKUPS_KEPT = 7
BACKUP_EVERY_HOURS = 20
STAMP = "%Y%m%d-%H%M%S-%f"  # in a backup's name: when it was made, by the clock

# what a backup holds, shown before it is restored: (table, label, condition)
COUNTED = (
    ("household", "住户", "deleted = 0"),
    ("resident", "居民", "deleted = 0"),
    ("visit", "走访记录", "deleted = 0"),
    ("case_record", "民情诉求", "deleted = 0"),
    ("meeting", "会议", "deleted = 0"),
    ("wish", "微心愿", "deleted = 0"),
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    community: str
    saved_at: datetime  # when the file was written (local time)
    last_change: datetime | None  # the newest audited change in it (UTC)
    revision: str
    counts: tuple[tuple[str, int], ...]  # (label, number)
    attachments: int = 0  # photos and scans the database refers to
    attachments_kept: int = 0  # of which in the folder beside the backup

    @property
    def files_folder(self) -> Path:
        return files_folder(self.path)


@dataclass(frozen=True)
class Restored:
    aside: Path  # the database as it was before the restore
    attachments: int  # photos and scans put back into the attachments folder
    attachments_missing: int  # referred to, but neither beside the backup nor here


def files_folder(backup: Path) -> Path:
    """The folder beside a backup file that holds its photos and scans."""
    return backup.with_name(backup.stem + "-附件")


def database_file(db: Database) -> Path:
    """The SQLite file behind ``db``; a server database is backed up by its administrator."""
    source = db.engine.url.database
    if not db.is_sqlite or not source or source == ":memory:":
        raise UserError("backup.not_sqlite")
    return Path(source).resolve()


def backup_to(db: Database, target: Path) -> BackupInfo:
    """Copy the open database to ``target`` and its attachments to :func:`files_folder` (the
    database is written beside it first and moved into place last: a failed copy never leaves
    half a backup under the chosen name). An attachment missing here is counted, not copied."""
    source = database_file(db)
    target = target.resolve()
    if target == source:
        raise UserError("backup.same_file")
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        copy_sqlite(source, partial)
        with closing(_read_only(partial)) as conn:
            hashes = _attachment_hashes(conn)
        _copy_blobs(hashes, db.attachments_dir, files_folder(target), verify=False)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError("file.cannot_write", path=str(target), detail=str(exc)) from exc
    return describe(target)


def describe(path: Path) -> BackupInfo:
    """What a backup file holds, read without changing it; refused when it is not a
    RedOffice database, is damaged, or was written by a newer RedOffice."""
    if not path.is_file():
        raise UserError("backup.not_found", path=str(path))
    try:
        with closing(_read_only(path)) as conn:
            return _read_info(conn, path)
    except sqlite3.DatabaseError as exc:
        raise UserError("backup.unreadable", path=str(path), detail=str(exc)) from exc


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _attachment_hashes(conn: sqlite3.Connection) -> list[str]:
    """Every attachment the database refers to (those in the recycle bin too)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "attachment" not in tables:
        return []
    return [str(r[0]) for r in conn.execute("SELECT DISTINCT sha256 FROM attachment")]


def _copy_blobs(hashes: list[str], source: Path, target: Path, *, verify: bool) -> tuple[int, int]:
    """Copy the blobs ``hashes`` from the store ``source`` to the store ``target`` where they
    are not yet; returns (copied, missing). ``verify``: a blob whose content does not match its
    hash is not copied (counted missing)."""
    copied = missing = 0
    for sha in hashes:
        have, want = blob_path(source, sha), blob_path(target, sha)
        if want.is_file():
            continue
        if not have.is_file() or (verify and file_sha256(have) != sha):
            missing += 1
            continue
        copy_new(have, want)
        copied += 1
    return copied, missing


def _read_info(conn: sqlite3.Connection, path: Path) -> BackupInfo:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"alembic_version", "setting", "resident"} <= tables:
        raise UserError("backup.not_redoffice", path=str(path))
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise UserError("backup.damaged", path=str(path))
    revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    if revision > head_revision():
        raise UserError("db.too_new", found=revision)
    name = conn.execute("SELECT value FROM setting WHERE key = 'community_name'").fetchone()
    hashes = _attachment_hashes(conn)
    newest = conn.execute("SELECT max(at) FROM audit_log").fetchone()[0]
    counts = tuple(
        (label, int(conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}").fetchone()[0]))
        for table, label, cond in COUNTED
        if table in tables
    )
    return BackupInfo(
        path=path,
        community=json.loads(name[0]) if name else "",
        saved_at=datetime.fromtimestamp(path.stat().st_mtime),
        last_change=_utc(newest),
        revision=revision,
        counts=counts,
        attachments=len(hashes),
        attachments_kept=sum(blob_path(files_folder(path), h).is_file() for h in hashes),
    )


def _utc(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def restore(db: Database, backup: Path) -> Restored:
    """Put ``backup`` in place of the database ``db`` was opened on, its attachments first into
    the attachments folder (checked against their hash; those already there are kept, so the
    database kept aside keeps its own). ``db`` is closed: open the file again (that also brings
    an older backup's schema up to date)."""
    describe(backup)
    current = database_file(db)
    with closing(_read_only(backup)) as conn:
        hashes = _attachment_hashes(conn)
    try:
        copied, missing = _copy_blobs(hashes, files_folder(backup), db.attachments_dir, verify=True)
    except OSError as exc:
        raise UserError("file.cannot_write", path=str(db.attachments_dir), detail=str(exc)) from exc
    folder = default_backup_folder(db.engine) or current.parent
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    # named apart from the daily copies ({stem}-{stamp}): never pruned with them
    aside = folder / f"before-restore-{current.stem}-{stamp}.sqlite"
    db.close()
    copy_sqlite(current, aside)
    copy_sqlite(backup, current)
    return Restored(aside, copied, missing)


def backup_sqlite(engine: Engine, folder: Path) -> Path | None:
    """Copy a SQLite database with the online backup API; keep the newest few copies."""
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        return None
    folder.mkdir(parents=True, exist_ok=True)
    now = clock.now()
    stem = Path(source).stem
    target = folder / f"{stem}-{now.strftime(STAMP)}.sqlite"
    copy_sqlite(Path(source), target)
    others = [p for p in _by_age(folder, stem, now) if p != target]
    for old in others[: max(0, len(others) - (BACKUPS_KEPT - 1))]:
        old.unlink()
    return target


def backup_if_due(engine: Engine, folder: Path) -> Path | None:
    """The GUI's backup on opening: at most one a day (a 100k-resident file is ~350 MB), judged
    by the clock's time stamped in the copies' names. A copy stamped later than now (made while
    the clock was ahead: a fixed test day, a PC clock since corrected) does not count as recent,
    else no backup would be made until that time came."""
    now, recent = clock.now(), timedelta(hours=BACKUP_EVERY_HOURS)
    copies = _backups(folder, Path(engine.url.database or "").stem)
    if any(now - recent < at <= now for at, _path in copies):
        return None
    return backup_sqlite(engine, folder)


def _backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """The copies ``backup_sqlite`` made of the database ``stem`` and when, from their names
    ``{stem}-YYYYmmdd-HHMMSS-ffffff.sqlite`` (another database's, ``{stem}-2025.sqlite``'s, do
    not match)."""
    pattern = re.compile(re.escape(stem) + r"-(\d{8}-\d{6}-\d{6})\.sqlite")
    found = []
    for path in folder.glob(f"{stem}-*.sqlite"):
        match = pattern.fullmatch(path.name)
        if match:
            try:
                found.append((datetime.strptime(match[1], STAMP), path))
            except ValueError:  # digits, but no date
                continue
    return found


def _by_age(folder: Path, stem: str, now: datetime) -> list[Path]:
    """The copies of ``stem``, oldest first by their stamps; those stamped after ``now`` (the
    clock was ahead) count as the oldest."""
    copies = sorted((at <= now, at, path) for at, path in _backups(folder, stem))
    return [path for _sane, _at, path in copies]


def default_backup_folder(engine: Engine) -> Path | None:
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        return None
    return Path(source).resolve().parent / "backups"


def backup_before_upgrade(engine: Engine, folder: Path | None, found: str) -> Path | None:
    """The copy made before the schema revision ``found`` is upgraded."""
    return backup_sqlite(engine, folder or default_backup_folder(engine) or Path("."))
