"""The hash-chained audit log: appending entries, import and demo batches, the canonical form.

Every entry carries the hash of the entry before it (``prev_hash``) and the SHA-256 of its own
canonical form (``hash``): a JSON array of id, instant (UTC, microseconds), actor, action, table,
row, fields (the stored JSON text), batch id and the previous hash in hex. An entry altered,
removed or inserted outside the application breaks the chain (``redoffice-cli audit verify``).
Ids are handed out here, contiguous from 1, from the chain head row ``audit_chain``; appends take
the sync counter first and the chain head second (the same order in every transaction, so two
clerks on one PostgreSQL never deadlock) and hold both to commit, which serialises them.

A bulk write (an Excel import, the demo) is one :func:`batch`: the rows it creates carry the
batch's sequence number as ``created_seq`` instead of one entry each, and one entry at its end
states the file, its SHA-256 and the counts (decision 0012).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import orjson
from sqlalchemy import Connection, insert, update
from sqlalchemy.orm import Session

from redoffice.kit.clock import utcnow
from redoffice.kit.errors import UserError
from redoffice.kit.sync_state import transaction_seq
from redoffice.models import AuditBatch, AuditChain, AuditLog

GENESIS: Final = bytes(32)  # the "previous hash" of the first entry
CHAIN_ROW: Final = 1
_BATCH: Final = "redoffice.audit_batch"


@dataclass(frozen=True)
class Entry:
    """An audit entry to append: ``fields`` is JSON text (or None)."""

    action: str
    table: str
    row: str
    fields: str | None = None


def dump(value: Any) -> str:
    """JSON with sorted keys; dates and instants in ISO 8601, anything else as its text."""
    return orjson.dumps(
        value, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
    ).decode()


def instant(at: datetime) -> str:
    """An instant in the canonical form: UTC, microseconds, ``Z``."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    table: str,
    row: str,
    fields: str | None,
    batch: int | None,
    prev: bytes,
) -> bytes:
    """SHA-256 of an entry's canonical serialisation."""
    return canonical_hash(entry_id, instant(at), actor, action, table, row, fields, batch, prev)


def canonical_hash(
    entry_id: int,
    at: str,
    actor: str,
    action: str,
    table: str,
    row: str,
    fields: str | None,
    batch: int | None,
    prev: bytes,
) -> bytes:
    """SHA-256 of the JSON array of the entry's content, ``at`` in :func:`instant` form."""
    canonical = orjson.dumps([entry_id, at, actor, action, table, row, fields, batch, prev.hex()])
    return hashlib.sha256(canonical).digest()


@dataclass
class Batch:
    """An open import or demo batch: its row and what it wrote so far."""

    id: int
    seq: int
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def count(self, table: str, action: str, n: int = 1) -> None:
        self.counts[(table, action)] += n

    def totals(self) -> dict[str, dict[str, int]]:
        """``{"resident": {"create": 110000, "update": 3}, ...}``."""
        out: dict[str, dict[str, int]] = {}
        for (table, action), n in sorted(self.counts.items()):
            out.setdefault(table, {})[action] = n
        return out


def open_batch(session: Session) -> Batch | None:
    found = session.info.get(_BATCH)
    return found if isinstance(found, Batch) else None


def append(session: Session, entries: list[Entry], batch: int | None = None) -> None:
    """Append ``entries`` to the chain in this transaction, by the session's actor, now."""
    if not entries:
        return
    transaction_seq(session)  # lock order: the sync counter, then the chain head
    conn = session.connection()
    last_id, prev = _claim(conn, len(entries))
    actor = str(session.info.get("actor") or "system")
    at = utcnow()
    rows = []
    for n, e in enumerate(entries, start=last_id - len(entries) + 1):
        digest = entry_hash(n, at, actor, e.action, e.table, e.row, e.fields, batch, prev)
        rows.append(
            {
                "id": n,
                "at": at,
                "actor": actor,
                "action": e.action,
                "table_name": e.table,
                "row_id": e.row,
                "fields": e.fields,
                "batch_id": batch,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    conn.execute(insert(AuditLog), rows)
    conn.execute(update(AuditChain).where(AuditChain.id == CHAIN_ROW).values(last_hash=prev))


def _claim(conn: Connection, n: int) -> tuple[int, bytes]:
    """Reserve ``n`` ids: the new last id and the hash the first new entry follows. Without
    the head row (removed outside the application) nothing can be appended: refused in words."""
    head = conn.execute(
        update(AuditChain)
        .where(AuditChain.id == CHAIN_ROW)
        .values(last_id=AuditChain.last_id + n)
        .returning(AuditChain.last_id, AuditChain.last_hash)
    ).one_or_none()
    if head is None:
        raise UserError("audit.head_missing")
    return int(head[0]), bytes(head[1])


def record(session: Session, action: str, table: str, row: str, details: dict[str, Any]) -> None:
    """An entry for an action that changes no row (an unmasked export …)."""
    append(session, [Entry(action, table, row, dump(details))], _batch_id(session))


def _batch_id(session: Session) -> int | None:
    found = open_batch(session)
    return None if found is None else found.id


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class SourceFile:
    """The file an import read: its name and the SHA-256 of its content. Taken when the file is
    read for the preview (the dry run), so the audit names the file the clerk saw, even if it
    was changed or removed before the import was confirmed."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path) -> SourceFile:
        return cls(path.name, file_sha256(path))


@contextmanager
def batch(
    session: Session, kind: str, source: SourceFile | None = None, **details: Any
) -> Iterator[Batch]:
    """One audited bulk write (``kind`` "import" of the file ``source``, or "demo"): rows
    created inside carry the batch's sequence number instead of an audit entry each; changes of
    existing rows keep their entries, marked with the batch. On success the batch's counts are
    stored and its entry appended; on an error nothing is (the transaction rolls back)."""
    seq = transaction_seq(session)
    row = AuditBatch(
        seq=seq,
        kind=kind,
        file_name=source.name if source else "",
        sha256=source.sha256 if source else "",
        counts="{}",
        at=utcnow(),
        actor=str(session.info.get("actor") or "system"),
    )
    session.add(row)
    session.flush()
    opened = session.info[_BATCH] = Batch(row.id, seq)
    try:
        yield opened
        session.flush()
    finally:
        session.info.pop(_BATCH, None)
    row.counts = dump(opened.totals())
    summary = {"file": row.file_name, "sha256": row.sha256, "seq": seq, "counts": opened.totals()}
    session.flush()
    append(session, [Entry(kind, "audit_batch", str(row.id), dump(summary | details))], row.id)
