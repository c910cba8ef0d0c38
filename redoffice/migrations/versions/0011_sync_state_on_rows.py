"""sync state on the rows: sync_seq and created_seq on every synced record; change_log dropped

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 10:00:00

Each synced row carries the sequence number of its latest change (``sync_seq``, indexed) and of
its creation (``created_seq``), taken from the change log: the largest and the smallest sequence
of the row's entries. A row the log never saw gets one fresh number above everything the node has
handed out, and the counter moves past it. The log itself, a full copy of the row per change,
goes (decision 0012). Columns are added in place (no table rebuild: rows point at each other);
on SQLite a NOT NULL column needs a default, 0 (never stamped, never sent), which every write
path overrides.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the synced tables at this revision
SYNCED = (
    "agenda_item",
    "attachment",
    "case_event",
    "case_record",
    "estate",
    "grid",
    "household",
    "meeting",
    "meeting_attendee",
    "meeting_estate",
    "meeting_revision",
    "organization",
    "party_member",
    "resident",
    "resident_tag",
    "resolution",
    "resolution_note",
    "service_record",
    "staff",
    "visit",
    "visit_participant",
    "wish",
    "wish_claim",
    "wish_claim_member",
    "wish_event",
    "wish_round",
)
CHANNEL = "street"


def _add_columns(sqlite: bool) -> None:
    for table in SYNCED:
        for column in ("sync_seq", "created_seq"):
            if sqlite:
                op.add_column(
                    table, sa.Column(column, sa.BigInteger(), server_default="0", nullable=False)
                )
            else:
                op.add_column(table, sa.Column(column, sa.BigInteger(), nullable=True))


def _fresh_seq(conn: sa.Connection) -> int:
    """One number above every sequence the node has handed out."""
    logged = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").scalar()
    counted = conn.execute(
        sa.text("SELECT coalesce(max(last_seq), 0) FROM sync_counter WHERE channel = :c"),
        {"c": CHANNEL},
    ).scalar()
    return max(int(logged or 0), int(counted or 0)) + 1


def _fill(conn: sa.Connection, table: str, fresh: int) -> int:
    """Each row's numbers from its log entries (fresh for a row never logged); the number of
    rows that took the fresh one."""
    unlogged = conn.exec_driver_sql(
        f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM change_log c "
        f"WHERE c.channel = '{CHANNEL}' AND c.table_name = '{table}' AND c.row_id = t.id)"
    ).scalar()
    entries = (
        f"FROM change_log c WHERE c.channel = '{CHANNEL}' AND c.table_name = '{table}' "
        f"AND c.row_id = {table}.id"
    )
    conn.exec_driver_sql(
        f"UPDATE {table} SET "
        f"sync_seq = coalesce((SELECT max(c.seq) {entries}), {fresh}), "
        f"created_seq = coalesce((SELECT min(c.seq) {entries}), {fresh})"
    )
    return int(unlogged or 0)


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    _add_columns(sqlite)
    op.create_index("ix_change_log_row_0011", "change_log", ["table_name", "row_id", "seq"])
    fresh = _fresh_seq(conn)
    used_fresh = sum(_fill(conn, table, fresh) for table in SYNCED)
    last = fresh if used_fresh else fresh - 1
    conn.exec_driver_sql(
        f"UPDATE sync_counter SET last_seq = {last} "
        f"WHERE channel = '{CHANNEL}' AND last_seq < {last}"
    )
    for table in SYNCED:
        if not sqlite:
            op.alter_column(table, "sync_seq", nullable=False)
            op.alter_column(table, "created_seq", nullable=False)
        op.create_index(op.f(f"ix_{table}_sync_seq"), table, ["sync_seq"])
    op.drop_table("change_log")


def downgrade() -> None:
    """The change log comes back empty: the copies it held are not kept anywhere."""
    op.create_table(
        "change_log",
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel"],
            ["sync_counter.channel"],
            name=op.f("fk_change_log_channel_sync_counter"),
        ),
        sa.PrimaryKeyConstraint("channel", "seq", name=op.f("pk_change_log")),
    )
    for table in SYNCED:
        op.drop_index(op.f(f"ix_{table}_sync_seq"), table_name=table)
        op.drop_column(table, "created_seq")
        op.drop_column(table, "sync_seq")
