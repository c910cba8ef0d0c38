"""Declarative base, naming convention and the columns every synced record carries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, Final

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Integer,
    MetaData,
    String,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from redoffice.kit.clock import utcnow
from redoffice.kit.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant on every backend (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


DERIVED: Final = "derived"


def derived() -> dict[str, Any]:
    """The ``info`` of a derived column: one the code maintains from other columns of its row
    or of the records it points at (a search or sort key, a household's display address), never
    typed in. Change capture leaves it out of the audit's field entries (a change of derived
    columns alone, such as the households of a renamed 小区, writes no entry; the row's
    ``sync_seq`` still moves, the sync carries the row whole) and the 变更记录 never shows it."""
    return {DERIVED: True}


def derived_columns(metadata: MetaData) -> dict[str, frozenset[str]]:
    """The derived columns of each table that has any, by table name."""
    found = {
        name: frozenset(c.name for c in table.c if c.info.get(DERIVED))
        for name, table in metadata.tables.items()
    }
    return {name: columns for name, columns in found.items() if columns}


class SyncedRecord:
    """Mixin for every record that travels to the street office.

    ``version`` is SQLAlchemy's version counter: each UPDATE increments it and refuses to
    overwrite a row another clerk changed meanwhile (optimistic concurrency on PostgreSQL).

    ``sync_seq`` is the node's sequence number of the transaction that last changed the row
    (Anki's update sequence number): a sync package holds the rows above the acknowledged one,
    soft-deleted rows being the tombstones. ``created_seq`` is the one of the transaction that
    created it, which names the import or demo batch a row came from (``audit_batch.seq``).
    Both are set by change capture (:mod:`redoffice.kit.sync_state`), never by a service.
    """

    __synced__: ClassVar[bool] = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_node: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    sync_seq: Mapped[int] = mapped_column(BigInteger, nullable=False, index=True)
    created_seq: Mapped[int] = mapped_column(BigInteger, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
