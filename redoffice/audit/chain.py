"""Verifying the audit hash chain (``redoffice-cli audit verify``).

The entries are read once, in id order, as a stream (a few hundred thousand take seconds and
little memory). Each one must have the next id (else an entry was removed), lie within the chain
head (else it was inserted outside the application), hash to its stored hash (else it was
altered), and follow the hash of the entry before it (else the entry before was altered and its
hash recomputed). Finally the head must name the last entry. The first break is reported.

A chain rewritten whole by someone who knows the algorithm passes this check: the sync packages
carry the chain head signed, so the street office holds checkpoints it can compare (decision
0012).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import select

from redoffice.kit.audit_log import CHAIN_ROW, GENESIS, canonical_hash, instant
from redoffice.kit.db import Database
from redoffice.kit.sync_state import snapshot
from redoffice.models import AuditChain

STREAM_ROWS: Final = 10_000
SQLITE_INSTANT: Final = len("2026-12-02 09:40:00.000000")
# plain SQL: no per-value conversion by SQLAlchemy (``_instant`` reads the instant)
ENTRIES: Final = (
    "SELECT id, at, actor, action, table_name, row_id, fields, batch_id, prev_hash, hash "
    "FROM audit_log ORDER BY id"
)

REASONS: Final = {
    "altered": "第 {n} 条审计记录在程序之外被修改过",
    "removed": "第 {n} 条审计记录在程序之外被删除了",
    "inserted": "第 {n} 条审计记录是在程序之外插入的",
}


@dataclass(frozen=True)
class Verdict:
    """``ok`` when the chain is intact; else the first entry found altered, removed or
    inserted (``first_bad``) and which of the three (``reason``; "head" when the chain head
    row itself is gone)."""

    ok: bool
    entries: int
    first_bad: int | None = None
    reason: str | None = None

    def text(self) -> str:
        if self.ok:
            return f"审计记录完整：共 {self.entries} 条，哈希链未断"
        if self.reason == "head":
            return "审计记录不完整：哈希链的链头记录在程序之外被删除了"
        detail = REASONS[self.reason or "altered"].format(n=self.first_bad)
        return f"审计记录不完整：{detail}（共检查 {self.entries} 条）"


def _walk(rows: Iterable[Any], last_id: int, last_hash: bytes) -> Verdict:
    expected, prev, count = 1, GENESIS, 0
    for entry_id, at, actor, action, table, row, fields, batch, prev_hash, own in rows:
        count += 1
        if entry_id > last_id:
            return Verdict(False, count, entry_id, "inserted")
        if entry_id != expected:
            return Verdict(False, count, expected, "removed")
        content = (actor, action, table, row, fields, batch, bytes(prev_hash))
        if canonical_hash(entry_id, _instant(at), *content) != bytes(own):
            return Verdict(False, count, entry_id, "altered")
        if bytes(prev_hash) != prev:
            return Verdict(False, count, entry_id - 1, "altered")
        expected, prev = entry_id + 1, bytes(own)
    if expected <= last_id:
        return Verdict(False, count, expected, "removed")
    if prev != last_hash:
        return Verdict(False, count, expected - 1, "altered")
    return Verdict(True, count)


def _instant(stored: datetime | str) -> str:
    """The canonical instant from what the driver returns: PostgreSQL an aware datetime,
    SQLite the text SQLAlchemy wrote (``YYYY-MM-DD HH:MM:SS.ffffff``, UTC), read as it is —
    parsing half a million instants would take longer than hashing the entries."""
    if isinstance(stored, datetime):
        return instant(stored if stored.tzinfo else stored.replace(tzinfo=UTC))
    if len(stored) == SQLITE_INSTANT:
        return stored.replace(" ", "T") + "Z"
    return instant(datetime.fromisoformat(stored).replace(tzinfo=UTC))


def verify(db: Database) -> Verdict:
    """Check the whole audit chain of ``db``, reading the entries as a stream. The head and the
    entries are read in one snapshot: an entry appended meanwhile is in neither."""
    with snapshot(db.engine) as conn:
        head = conn.execute(
            select(AuditChain.last_id, AuditChain.last_hash).where(AuditChain.id == CHAIN_ROW)
        ).one_or_none()
        if head is None:
            return Verdict(False, 0, None, "head")
        rows = conn.exec_driver_sql(
            ENTRIES, execution_options={"stream_results": True, "yield_per": STREAM_ROWS}
        )
        return _walk(rows, int(head[0]), bytes(head[1]))
