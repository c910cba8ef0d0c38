"""Alembic environment: runs on the connection handed over by redoffice.kit.db."""

from typing import Any

from alembic import context

from redoffice.models import Base

connection = context.config.attributes["connection"]


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """FTS5 tables and their shadow tables are managed by hand in migration 0002."""
    return not (type_ == "table" and name is not None and "_fts" in name)


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
