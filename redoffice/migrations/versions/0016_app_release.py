"""The RedOffice version that last opened the database (issue 17: a database from a newer
version is refused with the version to install)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "app_release",
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_app_release")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("app_release")
