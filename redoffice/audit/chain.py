"""Verifying the audit hash chain (``redoffice-cli audit verify``).

The entries are read once, in id order, as a stream (a few hundred thousand take seconds and
little memory). Each one must have the next id (else an entry was removed), lie within the chain
head (else it was inserted outside the application), hash to its stored hash (else it was
altered), and follow the hash of the entry before it (else the entry before was altered and its
hash recomputed). Finally the head must name the last entry. The first break is reported.
Then each import or demo batch is compared with its chained entry: its ``audit_batch`` row must
say the same (file, SHA-256, sequence number, counts, actor) and the records created under its
sequence number must be as many as the entry counts (the 录入方式 and a batch's record list are
read from them).

A chain rewritten whole by someone who knows the algorithm passes this check: the sync packages
carry the chain head signed, so the street office holds checkpoints it can compare (decision
0012).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Connection, func, select, text

from redoffice.kit import records
from redoffice.kit.audit_log import CHAIN_ROW, GENESIS, canonical_hash, instant
from redoffice.kit.db import Database
from redoffice.kit.sync_state import snapshot
from redoffice.models import AuditChain, AuditLog, Base

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
    "batch": "第 {n} 条审计记录所记的导入批次（文件、SHA-256、数量）在程序之外被修改过",
    "records": "第 {n} 条审计记录所记批次录入的记录数与数据库不符（记录的来源在程序之外被修改过）",
}
BATCH_ENTRIES: Final = (
    "SELECT b.id, b.seq, b.kind, b.file_name, b.sha256, b.counts, b.actor, "
    "e.id, e.action, e.actor, e.fields "
    "FROM audit_batch b LEFT JOIN audit_log e "
    "ON e.table_name = 'audit_batch' AND e.row_id = CAST(b.id AS VARCHAR(64)) "
    "AND e.batch_id = b.id ORDER BY b.id"
)


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
        if bytes(prev_hash) != prev:  # the entry before altered and rehashed; the first: itself
            return Verdict(False, count, max(entry_id - 1, 1), "altered")
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
        walked = _walk(rows, int(head[0]), bytes(head[1]))
        if not walked.ok:
            return walked
        bad = _batches(conn)
        return walked if bad is None else Verdict(False, walked.entries, bad[0], bad[1])


def _batches(conn: Connection) -> tuple[int, str] | None:
    """The first import or demo whose ``audit_batch`` row or records disagree with its chained
    entry (entry id, "batch" or "records"). History reads how a record came in from the entry
    and which records a batch created from their ``created_seq``: neither is in the chain, so
    each batch row must repeat its entry, and the rows created under its sequence number must be
    as many as the entry counts."""
    found = []
    for bid, seq, kind, file, sha, counts, actor, entry, action, by, fields in conn.execute(
        text(BATCH_ENTRIES)
    ):
        said = json.loads(fields or "{}")
        stored = (kind, file, sha, int(seq), json.loads(counts), actor)
        chained = (
            "legacy" if action == "upgrade" else action,
            said.get("file", ""),
            said.get("sha256", ""),
            int(said.get("seq", 0)),
            said.get("counts"),
            by,
        )
        if entry is None or stored != chained:
            return (int(entry or 0) or _entry_of(conn, int(bid)), "batch")
        if kind != "legacy":
            found.append((int(entry), int(seq), said["counts"]))
    return _created_counts(conn, found)


def _entry_of(conn: Connection, batch: int) -> int:
    """The first entry of a batch whose own entry is missing (0 if it has none at all)."""
    first = conn.execute(select(func.min(AuditLog.id)).where(AuditLog.batch_id == batch))
    return int(first.scalar() or 0)


def _created_counts(
    conn: Connection, batches: list[tuple[int, int, dict[str, dict[str, int]]]]
) -> tuple[int, str] | None:
    """The first batch whose records (rows with its ``created_seq``) are not as many, table by
    table, as its entry counts (one scan of each synced table, grouped by ``created_seq``)."""
    if not batches:
        return None
    seqs = [seq for _entry, seq, _counts in batches]
    created: dict[tuple[str, int], int] = {}
    for table in sorted(records.RECORD_TABLES):
        model = Base.metadata.tables[table]
        grouped = select(model.c.created_seq, func.count()).where(model.c.created_seq.in_(seqs))
        for seq, n in conn.execute(grouped.group_by(model.c.created_seq)):
            created[(table, int(seq))] = int(n)
    for entry, seq, counts in batches:
        said = {t: c.get("create", 0) for t, c in counts.items() if t in records.RECORD_TABLES}
        said = {t: n for t, n in said.items() if n}
        rows = {t: n for (t, s), n in created.items() if s == seq}
        if rows != said:
            return entry, "records"
    return None
