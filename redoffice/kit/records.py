"""Helpers shared by the record services: save, soft delete and restore, references, numbers.

A record's 变更记录 is read by :mod:`redoffice.audit.history`."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import InstrumentedAttribute, Session

from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.models import Base, SyncCounter

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
    """The next ``<prefix><sequence>`` number (2026-00042) among this installation's records.

    Taken from a counter row (``sync_counter``, channel ``number:<table>:<prefix>``) updated in
    the caller's transaction: the row stays locked until it commits, so two clerks adding at
    once get consecutive numbers instead of the same one (3 of 100 collided when each took the
    highest number + 1). A number written by other means (older data, a restored record) is
    never handed out again: the counter moves past the highest one found."""
    channel = f"number:{column.class_.__tablename__}:{prefix}"
    taken = _count_up(s, channel)
    highest = _highest(s, column, prefix)
    if highest >= taken:
        taken = highest + 1
        s.execute(update(SyncCounter).where(SyncCounter.channel == channel).values(last_seq=taken))
    return f"{prefix}{taken:0{width}d}"


def _count_up(s: Session, channel: str) -> int:
    """The channel's counter plus one, the row created at its first use (a second creator at
    the same moment leaves it to the first: ON CONFLICT DO NOTHING)."""
    dialect = s.get_bind().dialect.name
    new_row = (sqlite_insert if dialect == "sqlite" else pg_insert)(SyncCounter)
    s.execute(new_row.values(channel=channel, epoch=1, last_seq=0).on_conflict_do_nothing())
    step = (
        update(SyncCounter)
        .where(SyncCounter.channel == channel)
        .values(last_seq=SyncCounter.last_seq + 1)
        .returning(SyncCounter.last_seq)
    )
    return int(s.execute(step).scalar_one())


def _highest(s: Session, column: InstrumentedAttribute[str], prefix: str) -> int:
    model = column.class_
    last = s.scalar(
        select(func.max(column)).where(
            model.owner_node == str(s.info.get("node_id")), column.like(prefix + "%")
        )
    )
    return int(last[len(prefix) :]) if last else 0


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
