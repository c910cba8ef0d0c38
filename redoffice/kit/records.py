"""Helpers shared by the record services: save, soft delete and restore, references, numbers.

A record's 变更记录 is read by :mod:`redoffice.audit.history`."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.models import Base

T = TypeVar("T", bound=Base)

# Characters of a search box read: more than any name, number, address or note fragment one
# types (a 100,000-digit paste took 80 s through the FTS and LIKE lookups; now as 100 digits)
SEARCH_MAX = 100

# Every synced table, by name: these are soft-deleted and restored, never removed.
RECORD_TABLES: dict[str, type[Base]] = {
    m.class_.__tablename__: m.class_
    for m in Base.registry.mappers
    if getattr(m.class_, "__synced__", False)
}


def like_pattern(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere, its ``%``, ``_`` and ``\\`` taken literally (with
    ``escape="\\"``)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def contains(text: str, *columns: InstrumentedAttribute[str]) -> list[ColumnElement[bool]]:
    """The condition of a search box: ``text`` (stripped, taken literally) in any of
    ``columns``; none when the box is empty (``cond += contains(text, Meeting.number, …)``)."""
    needle = text.strip()[:SEARCH_MAX]
    if not needle:
        return []
    pattern = like_pattern(needle)
    return [or_(*(c.like(pattern, escape="\\") for c in columns))]


def live(s: Session, model: type[T], record_id: str, code: str = "record.not_found") -> T:
    """The record, not soft-deleted, or a UserError."""
    obj = s.get(model, record_id)
    if obj is None or getattr(obj, "deleted", False):
        raise UserError(code)
    return obj


def next_number(s: Session, column: InstrumentedAttribute[str], prefix: str, width: int) -> str:
    """The next ``<prefix><sequence>`` number (2026-00042) among this installation's records."""
    model = column.class_
    last = s.scalar(
        select(func.max(column)).where(
            model.owner_node == str(s.info.get("node_id")), column.like(prefix + "%")
        )
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:0{width}d}"


def check_ref(
    s: Session, c: Collector, field: str, model: type[Base], record_id: str | None
) -> str | None:
    """Record a field error when ``record_id`` names no live record."""
    if not record_id:
        return None
    obj = s.get(model, record_id)
    if obj is None or getattr(obj, "deleted", False):
        c.add(field, "record.not_found")
    return record_id


def save(s: Session, model: type[T], record_id: str | None, values: dict[str, Any]) -> T:
    """Insert a new record or update the live one with ``values``; flushes."""
    if record_id is None:
        obj = model(**values)
        s.add(obj)
    else:
        obj = live(s, model, record_id)
        for key, value in values.items():
            if getattr(obj, key) != value:
                setattr(obj, key, value)
    s.flush()
    return obj


def set_deleted(db: Database, table: str, record_id: str, deleted: bool) -> None:
    """Soft delete (回收站) or restore one record; nothing is ever removed from the database."""
    model = RECORD_TABLES[table]
    with db.uow() as s:
        obj = s.get(model, record_id)
        if obj is None:
            raise UserError("record.not_found")
        obj.deleted = deleted  # type: ignore[attr-defined]
