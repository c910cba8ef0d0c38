"""Backups of the SQLite database: making, verifying and finding the copies.

- 文件 → 备份到…: a copy to a chosen file with its photos and scans in a folder beside it
  (``社区备份.sqlite`` + ``社区备份-附件/ab/abcdef…``); the database is copied first (SQLite's
  online backup API), then exactly the attachments that copy refers to, by hash; the file takes
  its name only once its attachments are beside it.
- The automatic copies in the ``backups`` folder beside the database (at most one a day), kept by
  :func:`choose_kept` (the newest of each of the last 7 days, 4 weeks and 6 months that have
  one), mirrored into a second folder or USB stick chosen in 设置.
- A copy before every migration, import, sync apply and restore (:func:`backup_before`).
- Every copy is verified before it takes its name: ``PRAGMA integrity_check`` on the copy and
  its record counts equal to the database's.
- :func:`open_checked`: the start-up ``PRAGMA quick_check``; a damaged database is refused with
  the way out (:class:`Damaged` names the newest good backup) and never changed.

Putting one back is :mod:`redoffice.kit.restoring`; each copy takes with it the register of
erasures a restore must not undo (:mod:`redoffice.kit.erasures`); where the copies are, by
name: :mod:`redoffice.kit.backup_paths`."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import DatabaseError

from redoffice.kit import audit_log, cipher, clock, exports
from redoffice.kit.backup_paths import RESTORING, SECOND_FOLDER, backup_folder_of, sqlite_file
from redoffice.kit.blobs import Store, blob_path, copy_new
from redoffice.kit.db import Database, connect_sqlite, copy_sqlite, head_revision, open_database
from redoffice.kit.erasures import erasure_register, folder_register, share_register
from redoffice.kit.errors import UserError
from redoffice.kit.files import cannot_write, journal_files, private_file, private_folder
from redoffice.kit.messages import message
from redoffice.kit.stored_settings import get_value, put_value
from redoffice.kit.touched import Changes

BACKUP_EVERY_HOURS = 20
STAMP = "%Y%m%d-%H%M%S-%f"  # in a backup's name: when it was made, by the clock
# the automatic copies kept: the newest of each of the last N days, ISO weeks, months
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
PERIODS: tuple[tuple[Callable[[datetime], object], int], ...] = (
    (lambda at: at.date(), KEEP_DAILY),
    (lambda at: at.isocalendar()[:2], KEEP_WEEKLY),  # (ISO year, week): 31 Dec may be week 1
    (lambda at: (at.year, at.month), KEEP_MONTHLY),
)
BEFORE_KEPT = 5  # copies made before an import, sync apply, migration or restore
MANUAL = "manual"  # 立即备份, ``backup create``: its own kind, outside the daily rotation
MANUAL_KEPT = 5  # the newest manual copies kept
# not a table: the copies in the backup folders; views showing them (设置 → 备份, the status
# bar's warning) refresh when it is announced — a copy made and rotated, a restore
COPIES = "backup_copies"
COPIES_CHANGED = Changes(frozenset({COPIES}))

# what a backup holds, shown before it is restored: (table, label, condition)
COUNTED = (
    ("household", "住户", "deleted = 0"),
    ("resident", "居民", "deleted = 0"),
    ("visit", "走访记录", "deleted = 0"),
    ("case_record", "民情诉求", "deleted = 0"),
    ("meeting", "会议", "deleted = 0"),
    ("wish", "微心愿", "deleted = 0"),
)
# why a copy was made before an operation: in its name, and as shown
BEFORE_WHY = {
    "upgrade": "升级前",
    "import": "导入前",
    "sync": "同步导入前",
    "restore": "恢复前",
}


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
    size: int = 0  # bytes of the database file

    @property
    def files_folder(self) -> Path:
        return files_folder(self.path)


@dataclass(frozen=True)
class Copy:
    """An automatic copy or one made before an operation, as found in a backup folder."""

    path: Path
    made: datetime  # by the clock, from its name
    why: str  # "" for the automatic copies, else a key of BEFORE_WHY
    size: int

    @property
    def kind(self) -> str:
        return "手动备份" if self.why == MANUAL else BEFORE_WHY.get(self.why, "自动备份")


@dataclass(frozen=True)
class Made:
    """The automatic copy and its mirror in the second folder."""

    path: Path
    size: int
    second: Path | None  # the copy in the second folder, when one was made
    note: str  # why there is no second copy ("" when there is, or none is chosen)


class Damaged(UserError):
    """The database failed ``PRAGMA quick_check`` (or could not be read at all): nothing was
    changed; ``copies`` are the backups to restore from, newest first."""

    def __init__(self, path: Path, detail: str, copies: list[Copy]) -> None:
        newest = (
            message(
                "backup.way_out", path=str(copies[0].path), made=f"{copies[0].made:%Y-%m-%d %H:%M}"
            )
            if copies
            else message("backup.no_copies", folder=str(backup_folder_of(path)))
        )
        super().__init__("db.damaged", path=str(path), detail=damage_words(detail), way_out=newest)
        self.path = path
        self.copies = copies


def files_folder(backup: Path) -> Path:
    """The folder beside a backup file that holds its photos and scans."""
    return backup.with_name(backup.stem + "-附件")


def database_file(db: Database) -> Path:
    """The SQLite file behind ``db``; a server database is backed up by its administrator."""
    source = sqlite_file(db.engine)
    if source is None:
        raise UserError("backup.not_sqlite")
    return source


def default_backup_folder(engine: Engine) -> Path | None:
    source = sqlite_file(engine)
    return None if source is None else backup_folder_of(source)


def attachments_of(database: Path) -> Path:
    """The attachments folder of a SQLite file (as :attr:`Database.attachments_dir`)."""
    return database.resolve().parent / "attachments"


# ── copying and verifying ──────────────────────────────────────────────────────────────────


def may_back_up_to(db: Database) -> bool:
    """备份到… carries every full ID number and phone out of the office: only a role that may
    export unmasked (EXPORT_UNMASKED, decision 0030) may make such a copy."""
    return exports.may_unmask(db)


def backup_to(db: Database, target: Path) -> BackupInfo:
    """Copy the open database to ``target`` and its attachments to :func:`files_folder` (the
    database is written beside it first, verified, and moved into place last: a failed copy
    never leaves half a backup under the chosen name). An attachment missing here is counted,
    not copied. Refused, writing nothing, to a role without :func:`may_back_up_to`; the copy
    is recorded in the audit (who, where)."""
    if not may_back_up_to(db):
        raise UserError("backup.to_not_allowed")
    source = database_file(db)
    target = target.resolve()
    if target == source:
        raise UserError("backup.same_file")

    def with_files(partial: Path) -> None:
        with closing(read_only(partial)) as conn:
            hashes = attachment_hashes(conn)
        copy_blobs(hashes, Store(db.attachments_dir), files_folder(target), verify=False)

    verified_copy(source, target, before_naming=with_files)
    share_register(source, erasure_register(target))
    with db.uow() as s:
        audit_log.record(s, "backup_to", "database", "*", {"path": str(target)})
    return describe(target)


def verified_copy(
    source: Path, target: Path, before_naming: Callable[[Path], None] | None = None
) -> BackupInfo:
    """Copy ``source`` to ``target`` through ``target.partial``: the copy passes
    ``PRAGMA integrity_check`` and holds as many records as ``source`` had in the read
    transaction it was copied from, else it is removed and refused. A copy cut short (a kill,
    a full disk) is only ever a ``.partial`` file."""
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        remove_copy(partial)
        private_file(partial)  # 0600 before a byte is written (SQLite keeps the mode)
        want = copy_sqlite(source, partial, _row_counts)
        _one_file(partial)
        info = verify(partial)
        _check_counts(want, partial)
        if before_naming is not None:
            before_naming(partial)
        _remove_journals(partial)
        os.replace(partial, target)
    except (OSError, *cipher.ERRORS) as exc:
        remove_copy(partial)
        raise cannot_write(target, exc) from exc
    except BaseException:
        remove_copy(partial)
        raise
    return replace(info, path=target)


def remove_copy(path: Path) -> None:
    """A file and the journal files a kill may have left beside it."""
    path.unlink(missing_ok=True)
    _remove_journals(path)


def _remove_journals(path: Path) -> None:
    """The journal files beside ``path`` once its connections are closed (an encrypted copy's
    reads leave a -shm file that would outlive the ``.partial`` name)."""
    for part in journal_files(path):
        part.unlink(missing_ok=True)


def _check_counts(want: dict[str, int], copy: Path) -> None:
    with closing(read_only(copy)) as dst:
        have = _row_counts(dst)
    if have != want:
        detail = "、".join(
            f"{t} {want.get(t)}→{have.get(t)}" for t in sorted(want) if have.get(t) != want.get(t)
        )
        raise UserError("backup.unverified", path=str(copy), detail=detail)


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Every row of the counted tables (deleted ones too): equal in a true copy."""
    tables = _tables(conn)
    return {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table, _label, _cond in COUNTED
        if table in tables
    }


def describe(path: Path, *, thorough: bool = False, check: bool = True) -> BackupInfo:
    """What a backup file holds, read without changing it; refused when it is not a
    RedOffice database, is damaged (``PRAGMA quick_check``; ``integrity_check`` when
    ``thorough``; neither when not ``check``: a listing's quick look), or was written by a
    newer RedOffice."""
    if not path.is_file():
        raise UserError("backup.not_found", path=str(path))
    pragma = ("integrity_check" if thorough else "quick_check") if check else None
    try:
        with closing(read_only(path)) as conn:
            return _read_info(conn, path, pragma)
    except cipher.ERRORS as exc:
        if any(sign in str(exc) for sign in DAMAGE_SIGNS):
            raise UserError("backup.damaged", path=str(path)) from exc
        raise UserError("backup.unreadable", path=str(path), detail=str(exc)) from exc


def verify(path: Path) -> BackupInfo:
    """:func:`describe` with ``PRAGMA integrity_check``: every page and index read."""
    return describe(path, thorough=True)


def read_only(path: Path) -> sqlite3.Connection:
    return connect_sqlite(path, read_only=True)


def _one_file(copy: Path) -> None:
    """A copy takes the database's WAL mode from its first page: back to a rollback journal,
    so that the copy is one self-contained file (reading a WAL file leaves -wal and -shm
    files beside it). In exclusive locking mode, so that SQLite never maps a -shm file there:
    a USB stick's or a network share's file system may not support that ("disk I/O error")."""
    with closing(connect_sqlite(copy)) as conn:  # an encrypted copy: with its key
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("PRAGMA journal_mode=DELETE")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def attachment_hashes(conn: sqlite3.Connection) -> list[str]:
    """Every attachment the database refers to (those in the recycle bin too)."""
    if "attachment" not in _tables(conn):
        return []
    return [str(r[0]) for r in conn.execute("SELECT DISTINCT sha256 FROM attachment")]


def copy_blobs(hashes: list[str], source: Store, target: Path, *, verify: bool) -> tuple[int, int]:
    """Copy the blobs ``hashes`` from the store ``source`` to the store ``target`` where they
    are not yet, as they are (an encrypted one stays encrypted); returns (copied, missing).
    ``verify``: a blob whose content (decrypted with ``source``'s key) does not match its hash
    is not copied (counted missing)."""
    copied = missing = 0
    for sha in hashes:
        have, want = source.path(sha), blob_path(target, sha)
        if want.is_file():
            continue
        if not have.is_file() or (verify and not source.intact(sha)):
            missing += 1
            continue
        copy_new(have, want)
        copied += 1
    return copied, missing


def _read_info(conn: sqlite3.Connection, path: Path, check: str | None) -> BackupInfo:
    tables = _tables(conn)
    if not {"alembic_version", "setting", "resident"} <= tables:
        raise UserError("backup.not_redoffice", path=str(path))
    if check is not None and conn.execute(f"PRAGMA {check}").fetchone()[0] != "ok":
        raise UserError("backup.damaged", path=str(path))
    revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    if revision > head_revision():
        raise UserError("db.too_new", found=revision)
    name = conn.execute("SELECT value FROM setting WHERE key = 'community_name'").fetchone()
    hashes = attachment_hashes(conn)
    newest = conn.execute("SELECT max(at) FROM audit_log").fetchone()[0]
    counts = tuple(
        (label, int(conn.execute(f"SELECT count(*) FROM {table} WHERE {cond}").fetchone()[0]))
        for table, label, cond in COUNTED
        if table in tables
    )
    stat = path.stat()
    return BackupInfo(
        path=path,
        community=json.loads(name[0]) if name else "",
        saved_at=_stamped(path) or datetime.fromtimestamp(stat.st_mtime),
        last_change=_utc(newest),
        revision=revision,
        counts=counts,
        attachments=len(hashes),
        attachments_kept=sum(blob_path(files_folder(path), h).is_file() for h in hashes),
        size=stat.st_size,
    )


def _utc(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ── the automatic copies and their rotation ────────────────────────────────────────────────


def choose_kept(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """Which automatic copies to keep, by the clock's stamps in their names: the newest of
    each of the last 7 days, 4 ISO weeks and 6 months that have a copy. Copies stamped after
    ``now`` (made while the clock was ahead, since corrected) count as the oldest: the newest
    of them fill the daily places the copies on the right clock leave free."""
    sane = sorted((at for at in stamps if at <= now), reverse=True)
    ahead = sorted((at for at in stamps if at > now), reverse=True)
    kept: set[datetime] = set()
    for period, count in PERIODS:
        seen: set[object] = set()
        for at in sane:
            if period(at) not in seen and len(seen) < count:
                seen.add(period(at))
                kept.add(at)
    days = len({at.date() for at in kept})
    return kept | set(ahead[: max(0, KEEP_DAILY - days)])


def backup_sqlite(engine: Engine, folder: Path) -> Path | None:
    """A verified automatic copy of a SQLite database into ``folder``; the older ones are
    pruned by :func:`choose_kept` (the copy just made is always kept)."""
    source = sqlite_file(engine)
    return None if source is None else _automatic_copy(source, folder)


def _automatic_copy(source: Path, folder: Path) -> Path:
    private_folder(folder)  # the copies hold every ID number: the user's only (0700)
    _clear_leftovers(folder, source.stem)
    target = folder / f"{source.stem}-{clock.now().strftime(STAMP)}.sqlite"
    verified_copy(source, target)
    share_register(source, folder_register(folder, source.stem))
    _rotate(folder, source.stem, target)
    return target


def _clear_leftovers(folder: Path, stem: str) -> None:
    """The ``.partial`` copies a kill or a full disk cut short (never a finished copy)."""
    for path in folder.glob(f"{stem}-*.sqlite.partial*") if folder.is_dir() else ():
        path.unlink(missing_ok=True)


def _rotate(folder: Path, stem: str, made: Path) -> None:
    copies = _backups(folder, stem)
    kept = choose_kept([at for at, _path in copies], clock.now())
    for at, path in copies:
        if at not in kept and path != made:
            path.unlink(missing_ok=True)


def backup_if_due(engine: Engine, folder: Path) -> Path | None:
    """A copy into ``folder`` unless one was made in the last :data:`BACKUP_EVERY_HOURS`."""
    return None if _recent(engine, folder) else backup_sqlite(engine, folder)


def _recent(engine: Engine, folder: Path) -> bool:
    """Whether an automatic copy is at most a day old (a 100k-resident file is ~350 MB),
    judged by the clock's time stamped in the copies' names. A copy stamped later than now
    (made while the clock was ahead: a fixed test day, a PC clock since corrected) does not
    count as recent, else no backup would be made until that time came."""
    now, recent = clock.now(), timedelta(hours=BACKUP_EVERY_HOURS)
    found = _backups(folder, Path(engine.url.database or "").stem)
    return any(now - recent < at <= now for at, _path in found)


def automatic_backup(db: Database) -> Made | None:
    """The GUI's backup on opening: :func:`make_backup` unless a copy was made in the last
    day. None when none was due, or for a server database."""
    folder = default_backup_folder(db.engine)
    if folder is None or _recent(db.engine, folder):
        return None
    return make_backup(db)


def make_backup(db: Database, *, manual: bool = False) -> Made:
    """A verified automatic copy (``manual``: a 手动备份, see :func:`_manual_copy`) into the
    backup folder, then the same into the second folder (skipped, with a note, when that
    folder is absent: a USB stick not plugged in)."""
    source = database_file(db)
    folder = backup_folder_of(source)
    made = _manual_copy(source, folder) if manual else _automatic_copy(source, folder)
    second, note = _mirror(made, source, second_folder(db))
    return Made(made, made.stat().st_size, second, note)


def _manual_copy(source: Path, folder: Path) -> Path:
    """A copy the user asked for: named ``{stem}-manual-…``, never pruned by the daily
    rotation (nor does it prune an automatic copy); the newest :data:`MANUAL_KEPT` are kept."""
    private_folder(folder)
    _clear_leftovers(folder, source.stem)
    target = folder / f"{source.stem}-{MANUAL}-{clock.now().strftime(STAMP)}.sqlite"
    verified_copy(source, target)
    share_register(source, folder_register(folder, source.stem))
    _keep_newest(folder, source.stem, target, lambda why: why == MANUAL, MANUAL_KEPT)
    return target


def _keep_newest(
    folder: Path, stem: str, made: Path, kind: Callable[[str], bool], count: int
) -> None:
    """Of the copies of ``stem`` whose why passes ``kind``, ``made`` and the newest others
    up to ``count`` are kept."""
    older = sorted(
        ((at, path) for at, why, path in _found(folder, stem) if kind(why) and path != made),
        reverse=True,
    )
    for _at, path in older[count - 1 :]:
        path.unlink(missing_ok=True)


def _mirror(copy: Path, source: Path, second: Path | None) -> tuple[Path | None, str]:
    """``copy`` (of the database ``source``) verified into the second folder, with the
    erasure register; or why not."""
    stem = source.stem
    if second is None:
        return None, ""
    if not second.is_dir():
        return None, message("backup.second_absent", path=str(second))
    target = second / copy.name
    try:
        verified_copy(copy, target)
    except UserError as exc:
        return None, exc.text
    share_register(source, folder_register(second, stem))
    if copy.name.startswith(f"{stem}-{MANUAL}-"):
        _keep_newest(second, stem, target, lambda why: why == MANUAL, MANUAL_KEPT)
    else:
        _rotate(second, stem, target)
    return target, ""


def second_folder(db: Database) -> Path | None:
    """The second folder chosen in 设置, or None."""
    with db.read() as s:
        value = get_value(s, SECOND_FOLDER)
    return Path(value) if value else None


def set_second_folder(db: Database, folder: Path | None) -> None:
    """Choose (or, with None, forget) the second backup folder; recorded in the audit."""
    if folder is not None and not folder.is_dir():
        raise UserError("backup.second_not_folder", path=str(folder))
    with db.uow() as s:
        put_value(s, SECOND_FOLDER, str(folder.resolve()) if folder else "")


@dataclass(frozen=True)
class Summary:
    """What 设置 → 备份 shows; ``folder`` None for a server database."""

    folder: Path | None
    copies: list[Copy]
    second: Path | None
    warning: str


def summary(db: Database) -> Summary:
    source = sqlite_file(db.engine)
    if source is None:
        return Summary(None, [], None, "")
    second = second_folder(db)
    return Summary(backup_folder_of(source), copies(source, second), second, disk_warning(db))


def disk_warning(db: Database) -> str:
    """The warning shown when the only copies are on the database's own disk (st_dev): a
    failing disk or a stolen PC takes both. Empty when there is a second copy, or for a
    server database."""
    source = sqlite_file(db.engine)
    if source is None:
        return ""
    second = second_folder(db)
    if second is not None and any(w in ("", MANUAL) for _a, w, _p in _found(second, source.stem)):
        return ""
    folder = backup_folder_of(source)
    where = folder if folder.exists() else source.parent
    if os.stat(where).st_dev != os.stat(source).st_dev:
        return ""
    return message("backup.same_disk", folder=str(folder))


_NAME = r"-(?:before-([a-z]+)-|(manual)-)?(\d{8}-\d{6}-\d{6})\.sqlite"


def _found(folder: Path, stem: str) -> list[tuple[datetime, str, Path]]:
    """The copies of the database ``stem`` in ``folder``: when (from their names
    ``{stem}-[before-{why}-]YYYYmmdd-HHMMSS-ffffff.sqlite``) and why ("" for the automatic
    ones); another database's (``{stem}-2025.sqlite``'s) do not match."""
    pattern = re.compile(re.escape(stem) + _NAME)
    found = []
    for path in folder.glob(f"{stem}-*.sqlite") if folder.is_dir() else ():
        match = pattern.fullmatch(path.name)
        if match:
            try:
                why = match[1] or match[2] or ""
                found.append((datetime.strptime(match[3], STAMP), why, path))
            except ValueError:  # digits, but no date
                continue
    return found


def _stamped(copy: Path) -> datetime | None:
    """When a copy RedOffice made was made, from its name (as the restore list shows it; its
    file's time changes when 加密此数据库 encrypts it in place); None for another file."""
    match = re.fullmatch(".+" + _NAME, copy.name)
    try:
        return datetime.strptime(match[3], STAMP) if match else None
    except ValueError:  # digits, but no date
        return None


def _backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """The automatic copies of ``stem`` and when they were made."""
    return [(at, path) for at, why, path in _found(folder, stem) if not why]


def copies(database: Path, second: Path | None = None) -> list[Copy]:
    """Every automatic and before-operation copy of ``database`` in its backup folder and
    ``second``, newest first (a copy stamped after now, made on a clock that was ahead, last)."""
    now = clock.now()
    found = [
        Copy(path, at, why, path.stat().st_size)
        for folder in (backup_folder_of(database), second)
        if folder is not None
        for at, why, path in _found(folder, database.stem)
    ]
    return sorted(found, key=lambda c: (c.made <= now, c.made), reverse=True)


@dataclass(frozen=True)
class Listed:
    """A copy as 从备份恢复… lists it: what it holds (read without the page check, which runs
    on the one chosen), or why it cannot be read."""

    copy: Copy
    info: BackupInfo | None
    problem: str  # the refusal's words when ``info`` is None


def listing(db: Database) -> list[Listed]:
    """The copies in the backup folder and the second folder, newest first, each with its
    counts (住户, 居民, 走访记录, …)."""
    source = database_file(db)
    return [_listed(c) for c in copies(source, second_folder(db))]


def _listed(copy: Copy) -> Listed:
    try:
        return Listed(copy, describe(copy.path, check=False), "")
    except UserError as exc:
        return Listed(copy, None, exc.text)


def newest_good(found: list[Copy]) -> BackupInfo:
    """The newest of ``found`` that passes ``PRAGMA integrity_check``."""
    for copy in found:
        try:
            return verify(copy.path)
        except UserError:
            continue
    raise UserError("backup.none_good")


# ── before an operation ────────────────────────────────────────────────────────────────────


def backup_before(db: Database, why: str) -> Path | None:
    """A verified copy before a migration, import, sync apply or restore (``why``: a key of
    :data:`BEFORE_WHY`) in the backup folder; the newest :data:`BEFORE_KEPT` are kept. None
    for a server database (its administrator backs it up)."""
    source = sqlite_file(db.engine)
    return None if source is None else copy_before(source, backup_folder_of(source), why)


def backup_before_upgrade(engine: Engine, folder: Path | None, found: str) -> Path | None:
    """The copy made before the schema revision ``found`` is upgraded."""
    source = sqlite_file(engine)
    if source is None or source.name.endswith(RESTORING):  # a restore's copy: its backup stays
        return None
    return copy_before(source, folder or backup_folder_of(source), "upgrade")


def copy_before(source: Path, folder: Path, why: str) -> Path:
    """A verified copy of the database file ``source`` into ``folder``, named for ``why`` (a
    key of :data:`BEFORE_WHY`); the newest :data:`BEFORE_KEPT` of them are kept."""
    if why not in BEFORE_WHY:
        raise ValueError(why)
    private_folder(folder)
    _clear_leftovers(folder, source.stem)
    target = folder / f"{source.stem}-before-{why}-{clock.now().strftime(STAMP)}.sqlite"
    verified_copy(source, target)
    share_register(source, folder_register(folder, source.stem))
    _keep_newest(folder, source.stem, target, lambda kind: kind not in ("", MANUAL), BEFORE_KEPT)
    return target


# ── at start-up ────────────────────────────────────────────────────────────────────────────


def close_damaged(db: Database) -> None:
    """Close a database found damaged: its closing ``PRAGMA optimize`` may fail on the file."""
    try:
        db.close()
    except (DatabaseError, MemoryError):  # SQLCipher reports some damage as MemoryError
        db.engine.dispose()


def open_checked(url: str, *, create: bool = False) -> Database:
    """:func:`open_database` (a missing file made only when ``create``: setup), then
    ``PRAGMA quick_check`` on a SQLite file: a damaged one is closed unchanged and refused
    with :class:`Damaged`, which names the way out."""
    try:
        db = open_database(url, create=create)
    except UserError as exc:
        damage = _damage(url, exc)
        if damage is None:
            raise
        raise damage from exc
    try:
        check(db)
    except Damaged:
        close_damaged(db)
        raise
    source = sqlite_file(db.engine)
    for left in source.parent.glob(f"{source.name}{RESTORING}*") if source else ():
        left.unlink(missing_ok=True)  # a restore cut short before its rename
    return db


def check(db: Database) -> None:
    """``PRAGMA quick_check`` (pages, and each index against its table's rows) on a SQLite
    database; raises :class:`Damaged` when it finds a problem."""
    source = sqlite_file(db.engine)
    if source is None:
        return
    try:
        with db.engine.connect() as conn:
            found = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except DatabaseError as exc:
        found = [str(exc.orig)]
    if found != ["ok"]:
        raise Damaged(source, "；".join(found[:3]), copies(source, _second_of(db)))


def _second_of(db: Database) -> Path | None:
    try:
        return second_folder(db)
    except (DatabaseError, MemoryError):  # SQLCipher reports some damaged pages as MemoryError
        return None


def _damage(url: str, exc: UserError) -> Damaged | None:
    """The database that could not be opened because its file is damaged, as
    :class:`Damaged`; None when it failed for another reason, or there is no backup of it to
    offer (the message of ``exc`` says it then)."""
    detail = str(exc.params.get("detail", ""))
    opening = ("db.cannot_open", "db.not_a_database")
    if exc.code not in opening or not any(s in detail for s in DAMAGE_SIGNS):
        return None
    database = make_url(url).database
    if not database:
        return None
    path = Path(database).resolve()
    found = copies(path)
    return Damaged(path, detail, found) if found else None


# SQLite's words for a damaged file (a key that does not open an encrypted one is told apart
# before: db.key_wrong), and what the secretary reads for them (QA 12: the box said
# "已损坏（database disk image is malformed）")
DAMAGE_SIGNS = ("malformed", "not a database", "disk I/O error", "corrupt")
_DAMAGE_WORDS = {
    "malformed": "文件内容残缺或错乱",
    "not a database": "文件开头无法识别",
    "disk I/O error": "读取磁盘出错",
    "corrupt": "文件内容错乱",
}


def damage_words(detail: str) -> str:
    """SQLite's words for a damaged file in Chinese (its own words when it said other ones)."""
    return next((said for sign, said in _DAMAGE_WORDS.items() if sign in detail), detail)
