"""Which community holds each record a street office's list shows: the lists' 社区 column."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.kit.scope import community_names
from redoffice.models.base import Base


def community_of(db: Database, table: str, ids: Sequence[str]) -> dict[str, str]:
    """The name of the community owning each of ``ids`` in the synced ``table`` (a page of a
    list: one query by primary key)."""
    rows = Base.metadata.tables[table]
    names = community_names(db)
    with db.read() as s:
        owners = s.execute(select(rows.c.id, rows.c.owner_node).where(rows.c.id.in_(list(ids))))
        return {record: names.get(owner, "") for record, owner in owners}
