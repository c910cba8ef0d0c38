"""Change capture: every flush writes audit rows and sync change-log rows in the same transaction.

Installed once on the session factory by :mod:`redoffice.kit.db`. Services never write these rows
themselves, so no write path can forget them; a rolled-back transaction leaves none behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, event, insert, inspect, update
from sqlalchemy.orm import Session, UOWTransaction

from redoffice.kit.clock import utcnow
from redoffice.kit.ids import new_id
from redoffice.models import AuditLog, Base, ChangeLog, SyncCounter

STREET_CHANNEL = "street"


@dataclass(frozen=True)
class _Change:
    table: str
    row_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    synced: bool
    version: int


def _row(obj: Base, *, old: bool) -> dict[str, Any]:
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        current = getattr(obj, attr.key)
        if old:
            history = state.attrs[attr.key].history
            if history.deleted:
                current = history.deleted[0]
        values[attr.columns[0].name] = current
    return values


def _action(before: dict[str, Any] | None, after: dict[str, Any]) -> str:
    if before is None:
        return "create"
    if "deleted" in after and before.get("deleted") != after["deleted"]:
        return "delete" if after["deleted"] else "restore"
    return "update"


def _collect(session: Session) -> list[_Change]:
    changes: list[_Change] = []
    for obj, is_new in [(o, True) for o in session.new] + [(o, False) for o in session.dirty]:
        if not isinstance(obj, Base) or not _tracked(obj):
            continue
        if not is_new and not session.is_modified(obj, include_collections=False):
            continue
        before = None if is_new else _row(obj, old=True)
        after = _row(obj, old=False)
        if before is not None and "version" in after:
            # the version counter is bumped by the mapper itself, outside attribute history
            before["version"] = after["version"] - 1
        if before == after:
            continue
        synced = bool(getattr(obj, "__synced__", False))
        pk = inspect(obj).identity or (after.get("id") or after.get("key"),)
        changes.append(
            _Change(
                table=obj.__tablename__,
                row_id=str(pk[0]),
                action=_action(before, after),
                before=before,
                after=after,
                synced=synced,
                version=int(after.get("version") or 0),
            )
        )
    return changes + _removed(session)


def _removed(session: Session) -> list[_Change]:
    """Local audited rows (settings, calendar days) may be removed; the audit keeps them."""
    return [
        _Change(
            obj.__tablename__,
            str((inspect(obj).identity or ("",))[0]),
            "delete",
            _row(obj, old=False),
            None,
            False,
            0,
        )
        for obj in session.deleted
        if isinstance(obj, Base) and _tracked(obj)
    ]


def _tracked(obj: Base) -> bool:
    return bool(getattr(obj, "__synced__", False) or getattr(obj, "__audited__", False))


def _dump(values: dict[str, Any] | None) -> str | None:
    """A row as JSON (dates and instants in ISO 8601, keys sorted)."""
    if values is None:
        return None
    return orjson.dumps(values, default=str, option=orjson.OPT_SORT_KEYS).decode()


def _write(session: Session, changes: list[_Change]) -> None:
    actor = str(session.info.get("actor") or "system")
    now = utcnow()
    conn = session.connection()
    payloads = [_dump(c.after) for c in changes]  # once: the audit row and the change log
    executemany(
        conn,
        AuditLog,
        [
            {
                "at": now,
                "actor": actor,
                "action": c.action,
                "table_name": c.table,
                "row_id": c.row_id,
                "before": _dump(c.before),
                "after": payload,
            }
            for c, payload in zip(changes, payloads, strict=True)
        ],
    )
    synced = [(c, p) for c, p in zip(changes, payloads, strict=True) if c.synced and p is not None]
    if not synced:
        return
    counter = conn.execute(
        update(SyncCounter)
        .where(SyncCounter.channel == STREET_CHANNEL)
        .values(last_seq=SyncCounter.last_seq + len(synced))
        .returning(SyncCounter.last_seq, SyncCounter.epoch)
    ).one()
    first = counter.last_seq - len(synced) + 1
    executemany(
        conn,
        ChangeLog,
        [
            {
                "channel": STREET_CHANNEL,
                "seq": first + i,
                "epoch": counter.epoch,
                "table_name": c.table,
                "row_id": c.row_id,
                "op": "delete" if c.after and c.after.get("deleted") else "upsert",
                "version": c.version,
                "base_version": 0 if c.before is None else c.version - 1,
                "payload": payload,
                "created_at": now,
            }
            for i, (c, payload) in enumerate(synced)
        ],
    )


def new_record(node: str, **values: Any) -> dict[str, Any]:
    """A synced row for a bulk insert: fresh id, owner node, version 1, now (or the
    ``updated_at`` given: one instant for a whole import), not deleted."""
    values.setdefault("id", new_id())
    values.setdefault("updated_at", utcnow())
    values.update(owner_node=node, version=1, deleted=False)
    return values


def insert_records(
    session: Session, model: type[Base], rows: list[dict[str, Any]], chunk: int = 5000
) -> None:
    """Bulk insert with Core, each chunk with its audit and change-log rows (demo, imports)."""
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        executemany(session.connection(), model, part)
        record_inserts(session, model.__tablename__, part)


def executemany(conn: Connection, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """INSERT many rows that all have the same keys, each column converted by its type in one
    pass (SQLAlchemy's per-row parameter handling cost as much as SQLite's own work for 100k
    rows). Rows that leave out a column the statement needs go the ordinary way."""
    if not rows:
        return
    table = Base.metadata.tables[model.__tablename__]
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    names = list(compiled.positiontup or ()) if compiled.positional else list(compiled.binds)
    if not set(names) <= set(keys):
        conn.execute(insert(table), rows)
        return
    columns = []
    for name in names:
        values = [r[name] for r in rows]
        column_type = table.c[name].type.dialect_impl(conn.dialect)  # e.g. SQLite TIME
        process = column_type.bind_processor(conn.dialect)
        columns.append(_converted(values, process) if process else values)
    params = list(zip(*columns, strict=True))
    if not compiled.positional:
        params = [dict(zip(names, p, strict=True)) for p in params]  # type: ignore[misc]
    conn.exec_driver_sql(compiled.string, params)


def _converted(values: list[Any], process: Any) -> list[Any]:
    """Each distinct value converted once (one instant or date is often shared by many rows)."""
    try:
        done = {v: process(v) for v in set(values)}
    except TypeError:  # unhashable values
        return [process(v) for v in values]
    return [done[v] for v in values]


def record_inserts(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    """Audit and change-log rows for records inserted in bulk with Core (demo, imports)."""
    if rows:
        _write(
            session,
            [_Change(table, r["id"], "create", None, r, True, int(r["version"])) for r in rows],
        )


def _stamp(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    node = session.info.get("node_id")
    now = utcnow()
    for obj in session.new:
        if getattr(obj, "__synced__", False):
            if not obj.owner_node:
                obj.owner_node = node
            obj.updated_at = now
    for obj in session.dirty:
        if getattr(obj, "__synced__", False) and session.is_modified(obj):
            obj.updated_at = now


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    if any(getattr(obj, "__synced__", False) for obj in session.deleted):
        raise RuntimeError("synced records are soft-deleted; a hard delete escapes the sync")
    # new/dirty still show the pre-flush state here and attribute history is intact, while
    # generated values (ids, incremented versions) are already known.
    changes = _collect(session)
    if changes:
        _write(session, changes)


def install(session_factory: Any) -> None:
    """Attach change capture to a ``sessionmaker``."""
    event.listen(session_factory, "before_flush", _stamp)
    event.listen(session_factory, "after_flush", _after_flush)
