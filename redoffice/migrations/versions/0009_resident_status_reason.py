"""resident status reason: why a resident moved out or died (迁往何处, 死亡原因)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 07:10:00

迁出/去世 asked only for a date; the reason the office records with it had nowhere to go.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status_reason", sa.String(length=200), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_column("status_reason")
