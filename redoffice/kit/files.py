"""Writing the files users ask for (PDFs, workbooks): whole or not at all, and readable by
the user only: files 0600, folders 0700 (issue 16: they were 0644/0755, readable by every
account on a shared office PC)."""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path
from typing import Final

from redoffice.kit.errors import UserError
from redoffice.kit.messages import message

# the files SQLite keeps beside a database: its write-ahead log, its shared memory, and the
# rollback journal (a database not in WAL mode, or one a kill left behind)
JOURNALS: Final = ("-wal", "-shm", "-journal")
# the operating system's reasons a write fails, in the user's words (its own text is English)
OS_REASONS: Final = {
    errno.ENOENT: "file.no_folder",
    errno.ENOTDIR: "file.no_folder",
    errno.EACCES: "file.no_permission",
    errno.EPERM: "file.no_permission",
    errno.ENOSPC: "file.disk_full",
    errno.EROFS: "file.read_only",
}


def cannot_write(path: str | Path, exc: Exception) -> UserError:
    """``file.cannot_write`` for ``path``, the reason ``exc`` (an ``OSError``, or a database
    driver's error) in Chinese where the operating system gave a known one."""
    code = OS_REASONS.get(exc.errno) if isinstance(exc, OSError) and exc.errno else None
    if code is not None:
        detail = message(code)
    else:
        detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return UserError("file.cannot_write", path=str(path), detail=detail)


def write_file(path: str | Path, data: bytes) -> None:
    """Write via a temporary file so that a failed write never leaves half a file behind."""
    target = Path(path)
    temp = target.with_name(target.name + ".part")
    try:
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.write(data)
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise cannot_write(path, exc) from exc


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``-3`` … : a file already there is never
    overwritten (a package or receipt written twice on one day)."""
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def private_file(path: Path) -> Path:
    """``path`` created if missing and made readable and writable by its owner only (on a file
    system without permissions, such as a USB stick's FAT, as it is)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    owner_only(path)
    return path


def private_folder(path: Path) -> Path:
    """``path`` (and any missing parent) created, and open to its owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(path)
    return path


def owner_only(path: Path) -> None:
    """An existing file made 0600, a folder 0700; left as it is where that cannot be done
    (not the user's, a read-only or permission-less file system)."""
    with suppress(OSError):
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def journal_files(database: Path) -> tuple[Path, ...]:
    """The files SQLite may keep beside ``database`` (:data:`JOURNALS`), there or not."""
    return tuple(database.with_name(database.name + suffix) for suffix in JOURNALS)


def sync_to_disk(path: Path) -> None:
    """What was written to ``path`` (a file's bytes, a folder's names after a rename) made to
    reach the disk, so that a power cut afterwards finds it. A folder on Windows cannot be
    opened, and NTFS keeps its names itself: left as it is there."""
    if path.is_dir():
        if os.name == "nt":
            return
        flags = os.O_RDONLY
    else:
        flags = os.O_RDWR  # Windows flushes only a file opened for writing
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def append_to_disk(path: Path, data: bytes) -> None:
    """``data`` added at the end of ``path`` (made 0600 when missing) and flushed to the disk
    before this returns (a register that a power cut must not lose)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
