"""lean, hash-chained audit: changed fields instead of whole rows, import batches, a hash chain

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 10:10:00

Each audit entry held the whole row before and after the change. It now holds what it said in
less: an update the fields that differ, ``{"column": [old, new]}``; a created row nothing (the
row is the record); a delete or restore the change of ``deleted``; a removed setting or calendar
day its values; another action (an unmasked export) its details as they were. Version and update
instant are left out: every entry has its own instant and the versions follow from the entries.
Entries are renumbered 1..n in their order and chained (``prev_hash``, ``hash``; the head in
``audit_chain``). ``audit_batch`` comes for imports and the demo (decision 0012); the converted
entries belong to a ``legacy`` batch (how a record was entered was not recorded before), closed
by one ``upgrade`` entry with their counts.
"""

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

from redoffice.kit.audit_log import GENESIS, dump, entry_hash
from redoffice.kit.clock import utcnow
from redoffice.models.base import UTCDateTime

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOOKKEEPING = frozenset({"version", "updated_at"})
SYSTEM = "system"
ROW_ACTIONS = frozenset({"create", "update", "delete", "restore"})
CHUNK = 5000

OLD = sa.table(
    "audit_log_0011",
    sa.column("id", sa.Integer()),
    sa.column("at", UTCDateTime()),
    sa.column("actor", sa.String()),
    sa.column("action", sa.String()),
    sa.column("table_name", sa.String()),
    sa.column("row_id", sa.String()),
    sa.column("before", sa.Text()),
    sa.column("after", sa.Text()),
)


def _fields(action: str, before: str | None, after: str | None) -> str | None:
    """What the entry said, without the copies: the changed fields, or the details."""
    if action not in ROW_ACTIONS:
        return after
    if before is None:  # a created row is the record; else downgraded from 0012: the fields
        return None if action == "create" else after
    old: dict[str, Any] = orjson.loads(before)
    new: dict[str, Any] = orjson.loads(after) if after is not None else {}
    if after is None:  # a removed local row keeps its values
        return dump({k: [v, None] for k, v in old.items()})
    changed = {
        k: [old.get(k), new.get(k)]
        for k in sorted({*old, *new} - BOOKKEEPING)
        if old.get(k) != new.get(k)
    }
    return dump(changed)


def _converted(
    conn: sa.Connection, batch: int, counts: Counter[tuple[str, str]]
) -> Iterator[list[dict[str, Any]]]:
    """The old entries in their order, renumbered from 1, marked with the ``legacy`` batch and
    chained, a chunk at a time; ``counts`` counts them by table and action."""
    prev, n = GENESIS, 0
    result = conn.execute(
        sa.select(OLD).order_by(OLD.c.id).execution_options(stream_results=True, yield_per=CHUNK)
    )
    for part in result.partitions(CHUNK):
        rows = []
        for r in part:
            n += 1
            fields = _fields(r.action, r.before, r.after)
            at: datetime = r.at
            counts[(r.table_name, r.action)] += 1
            digest = entry_hash(
                n, at, r.actor, r.action, r.table_name, r.row_id, fields, batch, prev
            )
            rows.append(
                {
                    "id": n,
                    "at": at,
                    "actor": r.actor,
                    "action": r.action,
                    "table_name": r.table_name,
                    "row_id": r.row_id,
                    "fields": fields,
                    "batch_id": batch,
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            prev = digest
        yield rows


def _create_tables() -> tuple[sa.Table, sa.Table]:
    batches = op.create_table(
        "audit_batch",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_batch")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_batch_seq")),
    )
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    entries = op.create_table(
        "audit_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("fields", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("prev_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("hash", sa.LargeBinary(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["audit_batch.id"], name=op.f("fk_audit_log_batch_id_audit_batch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    return batches, entries


def _legacy_batch(conn: sa.Connection, batches: sa.Table) -> int:
    """The batch the converted entries belong to: written before 0012, how a record was
    entered (by hand or imported) was not recorded. Sequence 0: no transaction has it."""
    legacy = {"seq": 0, "kind": "legacy", "file_name": "", "sha256": ""}
    added = sa.insert(batches).values(**legacy, counts="{}", at=utcnow(), actor=SYSTEM)
    # its id from the table's own sequence: an id given explicitly would leave PostgreSQL's
    # serial sequence behind, and the first import after the upgrade would take id 1 again
    return int(conn.execute(added).inserted_primary_key[0])


def upgrade() -> None:
    conn = op.get_bind()
    op.drop_index("ix_audit_log_row", table_name="audit_log")
    if conn.dialect.name != "sqlite":  # constraint names are per schema there
        op.execute("ALTER TABLE audit_log RENAME CONSTRAINT pk_audit_log TO pk_audit_log_0011")
    op.rename_table("audit_log", "audit_log_0011")
    batches, new = _create_tables()
    last_id, last_hash = 0, GENESIS
    counts: Counter[tuple[str, str]] = Counter()
    if conn.execute(sa.select(sa.func.count()).select_from(OLD)).scalar():
        batch = _legacy_batch(conn, batches)
        for rows in _converted(conn, batch, counts):
            conn.execute(sa.insert(new), rows)
            last_id, last_hash = rows[-1]["id"], rows[-1]["hash"]
        last_id, last_hash = _close_legacy(conn, batches, new, batch, counts, (last_id, last_hash))
    op.drop_table("audit_log_0011")
    op.create_index("ix_audit_log_row", "audit_log", ["table_name", "row_id"])
    chain = sa.table(
        "audit_chain",
        sa.column("id", sa.Integer()),
        sa.column("last_id", sa.BigInteger()),
        sa.column("last_hash", sa.LargeBinary()),
    )
    conn.execute(sa.insert(chain).values(id=1, last_id=last_id, last_hash=last_hash))


def _close_legacy(
    conn: sa.Connection,
    batches: sa.Table,
    entries: sa.Table,
    batch: int,
    counts: Counter[tuple[str, str]],
    last: tuple[int, bytes],
) -> tuple[int, bytes]:
    """The batch's counts, and one entry at the chain's end saying what the upgrade did."""
    totals: dict[str, dict[str, int]] = {}
    for (table, action), n in sorted(counts.items()):
        totals.setdefault(table, {})[action] = n
    conn.execute(sa.update(batches).values(counts=dump(totals)))
    last_id, last_hash = last
    fields = dump({"revision": revision, "entries": last_id, "counts": totals})
    at, n = utcnow(), last_id + 1
    digest = entry_hash(
        n, at, SYSTEM, "upgrade", "audit_batch", str(batch), fields, batch, last_hash
    )
    conn.execute(
        sa.insert(entries).values(
            id=n,
            at=at,
            actor=SYSTEM,
            action="upgrade",
            table_name="audit_batch",
            row_id=str(batch),
            fields=fields,
            batch_id=batch,
            prev_hash=last_hash,
            hash=digest,
        )
    )
    return n, digest


def downgrade() -> None:
    """Back to whole rows is not possible (the copies are gone): the entries keep their
    changed fields as ``after``."""
    op.drop_index("ix_audit_log_row", table_name="audit_log")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint("fk_audit_log_batch_id_audit_batch", type_="foreignkey")
        batch_op.alter_column("fields", new_column_name="after")
        batch_op.add_column(sa.Column("before", sa.Text(), nullable=True))
        batch_op.drop_column("batch_id")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("hash")
    op.create_index("ix_audit_log_row", "audit_log", ["table_name", "row_id"])
    op.drop_table("audit_chain")
    op.drop_table("audit_batch")
