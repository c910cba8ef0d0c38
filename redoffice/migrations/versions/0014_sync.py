"""Sync (issue 14): partners and their pinned keys, packages and acknowledgements sent and
received, conflicts kept for review

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "sync_partner",
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("street_name", sa.String(length=64), nullable=False),
        sa.Column("street_code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("sent_seq", sa.BigInteger(), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.Column("applied_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_manifest", sa.String(length=64), nullable=False),
        sa.Column("audit_id", sa.BigInteger(), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_sync_partner")),
    )
    op.create_table(
        "sync_peer_key",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("sign_public", sa.String(length=64), nullable=False),
        sa.Column("box_public", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["node_id"],
            ["sync_partner.node_id"],
            name=op.f("fk_sync_peer_key_node_id_sync_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peer_key")),
        sa.UniqueConstraint("node_id", "key_id", name=op.f("uq_sync_peer_key_node_id_key_id")),
    )
    op.create_table(
        "sync_package",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("sender", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.BigInteger(), nullable=False),
        sa.Column("seq_to", sa.BigInteger(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("manifest_hash", sa.String(length=64), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_package")),
    )
    op.create_index(
        op.f("ix_sync_package_file_sha256"), "sync_package", ["file_sha256"], unique=False
    )
    op.create_index(
        "ix_sync_package_partner", "sync_package", ["sender", "recipient", "kind"], unique=False
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("local_version", sa.Integer(), nullable=False),
        sa.Column("incoming_version", sa.Integer(), nullable=False),
        sa.Column("local_row", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("sync_conflict")
    op.drop_index("ix_sync_package_partner", table_name="sync_package")
    op.drop_index(op.f("ix_sync_package_file_sha256"), table_name="sync_package")
    op.drop_table("sync_package")
    op.drop_table("sync_peer_key")
    op.drop_table("sync_partner")
