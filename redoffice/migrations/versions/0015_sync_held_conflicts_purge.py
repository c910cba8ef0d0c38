"""Sync correctness (issue 14, decision 0019): rows another node owns changed here since its
copy was applied (the base of a conflict), packages held with their file kept, records purged
(PIPL erasure), and who resolved a conflict

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 16:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "sync_local_edit",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("base_seq", sa.BigInteger(), nullable=False),
        sa.Column("base_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_local_edit")),
    )
    op.create_index(
        op.f("ix_sync_local_edit_owner_node"), "sync_local_edit", ["owner_node"], unique=False
    )
    op.create_table(
        "sync_held",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("sender", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.BigInteger(), nullable=False),
        sa.Column("seq_to", sa.BigInteger(), nullable=False),
        sa.Column("schema", sa.String(length=8), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_sync_held")),
    )
    op.create_index(op.f("ix_sync_held_sender"), "sync_held", ["sender"], unique=False)
    op.create_table(
        "sync_purge",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_purge")),
    )
    with op.batch_alter_table("sync_conflict") as batch:
        batch.add_column(sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("resolved_by", sa.String(length=64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("resolution", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("sync_conflict") as batch:
        batch.drop_column("resolution")
        batch.drop_column("resolved_by")
        batch.drop_column("resolved_at")
    op.drop_table("sync_purge")
    op.drop_index(op.f("ix_sync_held_sender"), table_name="sync_held")
    op.drop_table("sync_held")
    op.drop_index(op.f("ix_sync_local_edit_owner_node"), table_name="sync_local_edit")
    op.drop_table("sync_local_edit")
