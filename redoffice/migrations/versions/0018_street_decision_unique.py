"""One live decision per fund application at the street: a partial unique index on
street_decision.application_id (rows not deleted), so two clerks deciding at once cannot both
write one

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 08:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_street_decision_live"
LIVE = {
    "sqlite_where": sa.text("deleted = 0"),
    "postgresql_where": sa.text("deleted = false"),
}


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(INDEX, "street_decision", ["application_id"], unique=True, **LIVE)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(INDEX, table_name="street_decision", **LIVE)
