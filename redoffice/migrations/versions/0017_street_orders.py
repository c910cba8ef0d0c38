"""Street decisions back to communities (issue 15): the street's decisions on fund
applications, replies to escalated cases and notices (street-owned), a community's completion
of a notice and what it has applied of its street's records (community-owned)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 06:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("street_decision", "street_reply", "street_notice", "notice_completion", "street_inbox")


def _synced(table: str) -> list[SchemaItem]:
    """The columns every synced record carries (models.base.SyncedRecord) and its key."""
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("sync_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _indexes(table: str, *columns: str) -> None:
    for column in ("owner_node", "sync_seq", *columns):
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "street_decision",
        sa.Column("community_node", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        *_synced("street_decision"),
        sa.CheckConstraint(
            "outcome IN ('approve','reject')", name=op.f("ck_street_decision_outcome")
        ),
    )
    _indexes("street_decision", "community_node", "application_id")
    op.create_table(
        "street_reply",
        sa.Column("community_node", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("department", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replied_by", sa.String(length=64), nullable=False),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=False),
        *_synced("street_reply"),
    )
    _indexes("street_reply", "community_node", "case_id")
    op.create_table(
        "street_notice",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        *_synced("street_notice"),
        sa.CheckConstraint("kind IN ('notice','task')", name=op.f("ck_street_notice_kind")),
    )
    _indexes("street_notice")
    op.create_table(
        "notice_completion",
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done_by", sa.String(length=64), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        *_synced("notice_completion"),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["street_notice.id"],
            name=op.f("fk_notice_completion_notice_id_street_notice"),
        ),
        sa.UniqueConstraint(
            "owner_node", "notice_id", name=op.f("uq_notice_completion_owner_node_notice_id")
        ),
    )
    _indexes("notice_completion", "notice_id")
    op.create_table(
        "street_inbox",
        sa.Column("street_node", sa.String(length=36), nullable=False),
        sa.Column("applied_seq", sa.BigInteger(), nullable=False),
        *_synced("street_inbox"),
        sa.UniqueConstraint(
            "owner_node", "street_node", name=op.f("uq_street_inbox_owner_node_street_node")
        ),
    )
    _indexes("street_inbox")


def downgrade() -> None:
    """Downgrade schema."""
    for table in reversed(TABLES):
        op.drop_table(table)
