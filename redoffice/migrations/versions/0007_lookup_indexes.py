"""lookup indexes: resident by ID number, household by address

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 06:20:00

The unique constraint is on (owner_node, id_number); looking a resident up by ID number alone
(the import matching its rows against the registry) scanned the whole table, and so did
finding the households at an address.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index("ix_resident_id_number", ["id_number"], unique=False)
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index("ix_household_address", ["address"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index("ix_household_address")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_id_number")
