"""Photos and scans kept beside the database, addressed by the SHA-256 of their content.

A file is checked by what it contains (not by its name), refused above the size limit, copied
once into ``<store>/ab/abcdef…`` (the same content twice is stored once) and then linked to a
visit or a case. The original file name is kept as display text only.

On an encrypted database the store is encrypted with the same key (:mod:`redoffice.kit.blobs`):
a file is opened in the system's viewer from a plain copy in this user's private viewing folder
under the data folder (readable by this user only), emptied when RedOffice ends and again when
the next run starts (a killed run's copies do not outlive it: :mod:`.viewing`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.attachments.viewing import viewing_folder
from redoffice.kit import cipher
from redoffice.kit.blobs import Store, store_of
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.models import Attachment
from redoffice.settings import config

# content type -> signatures at the start of the file
SIGNATURES: Final = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "image/bmp": (b"BM",),
    "application/pdf": (b"%PDF-",),
}
OWNERS: Final = ("visit", "case_record", "meeting", "wish", "fund_application")
FIELD = "attachments"


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    content_type: str
    size: int
    name: str


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    name: str
    content_type: str
    size: int
    sha256: str


def sniff(head: bytes) -> str | None:
    """The content type from the first bytes, or None when it is not an image or a PDF."""
    for content_type, signatures in SIGNATURES.items():
        if any(head.startswith(sig) for sig in signatures):
            return content_type
    return None


def _digest(path: Path) -> tuple[str, bytes]:
    h = hashlib.sha256()
    with path.open("rb") as f:
        head = f.read(16)
        h.update(head)
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest(), head


def _check(path: Path, max_bytes: int, c: Collector) -> tuple[str, str, int] | None:
    name = path.name
    try:
        size = path.stat().st_size
        if size == 0:
            c.add(FIELD, "attachment.empty", name=name)
            return None
        if size > max_bytes:
            c.add(FIELD, "attachment.too_large", name=name, max=max_bytes // (1 << 20))
            return None
        sha256, head = _digest(path)
    except OSError as exc:
        c.add(FIELD, "attachment.unreadable", name=name, detail=exc.strerror or str(exc))
        return None
    content_type = sniff(head)
    if content_type is None:
        c.add(FIELD, "attachment.type", name=name)
        return None
    return sha256, content_type, size


def max_bytes(db: Database) -> int:
    with db.read() as s:
        return int(config.get_value(s, "attachment.max_mb")) << 20


def store_files(db: Database, paths: tuple[Path, ...]) -> list[StoredFile]:
    """Check every file, then copy the accepted ones into the store.

    All files are checked first; if any is refused, nothing is copied and one ValidationFailed
    names each refused file."""
    limit = max_bytes(db)
    c = Collector()
    checked = [(path, _check(path, limit, c)) for path in paths]
    c.raise_if_any()
    stored = []
    store = store_of(db)
    for path, (sha256, content_type, size) in ((p, f) for p, f in checked if f is not None):
        try:
            store.put_file(path, sha256)
        except OSError as exc:
            raise UserError(
                "attachment.cannot_store", name=path.name, detail=exc.strerror or str(exc)
            ) from exc
        stored.append(StoredFile(sha256, content_type, size, path.name[:255]))
    return stored


def link(s: Session, owner_table: str, owner_id: str, files: list[StoredFile]) -> None:
    """Record stored files as attachments of a record, inside the caller's transaction."""
    if owner_table not in OWNERS:
        raise UserError("invalid_choice", value=owner_table)
    for f in files:
        s.add(
            Attachment(
                owner_table=owner_table,
                owner_id=owner_id,
                sha256=f.sha256,
                content_type=f.content_type,
                size=f.size,
                original_name=f.name,
            )
        )


def add(db: Database, owner_table: str, owner_id: str, paths: tuple[Path, ...]) -> None:
    """Attach files to an existing record (a role without its permission is refused by the
    write guard: the files just stored are removed again, unless another record uses them)."""
    files = store_files(db, paths)
    try:
        with db.uow() as s:
            link(s, owner_table, owner_id, files)
    except UserError:
        remove_unused(db, [f.sha256 for f in files])
        raise


def list_for(db: Database, owner_table: str, owner_id: str) -> list[AttachmentRow]:
    with db.read() as s:
        rows = s.scalars(
            select(Attachment)
            .where(
                Attachment.owner_table == owner_table,
                Attachment.owner_id == owner_id,
                Attachment.deleted.is_(False),
            )
            .order_by(Attachment.id)
        )
        return [
            AttachmentRow(a.id, a.original_name, a.content_type, a.size, a.sha256) for a in rows
        ]


SUFFIXES: Final = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/bmp": ".bmp",
    "application/pdf": ".pdf",
}


def file_path(db: Database, row: AttachmentRow) -> Path:
    """A file holding the attachment's content, for the system's viewer: the blob itself in a
    plain store, else a plain copy in the viewing folder (:mod:`.viewing`). A clear error when
    the file has gone missing."""
    store = store_of(db)
    if not store.has(row.sha256):
        raise UserError("attachment.missing", name=row.name)
    if store.key is None:
        return store.path(row.sha256)
    copy = viewing_folder() / f"{row.sha256[:16]}{SUFFIXES.get(row.content_type, '')}"
    store.export(row.sha256, copy)
    return copy


def remove_unused(db: Database, hashes: Iterable[str]) -> list[str]:
    """Remove (overwritten first, :func:`cipher.wipe`) the blobs of ``hashes`` that no
    attachment refers to any more except erased ones (an erasure's scans); a blob another
    record still uses — in the recycle bin too — stays. Returns the removed hashes."""
    wanted = set(hashes)
    if not wanted:
        return []
    with db.read() as s:
        used = set(
            s.scalars(
                select(Attachment.sha256).where(
                    Attachment.sha256.in_(wanted),
                    (Attachment.deleted.is_(False)) | (Attachment.original_name != ERASED_NAME),
                )
            )
        )
    store = Store(db.attachments_dir)
    gone = sorted(sha for sha in wanted - used if store.has(sha))
    for sha in gone:
        cipher.wipe(store.path(sha))
    return gone
