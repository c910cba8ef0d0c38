"""Change capture: every flush stamps the sync state on the rows it writes and appends what it
changed to the hash-chained audit log, in the same transaction (decision 0012).

Installed once on the session factory by :mod:`redoffice.kit.db`. Services never write these
themselves, so no write path can forget them; a rolled-back transaction leaves none behind.

What the audit keeps of a change: for an update only the fields that changed, old and new; for a
created row nothing but who, when and how (the row itself is the record); a soft delete or
restore as the change of ``deleted``; a removed local row (a setting, a calendar day) with its
values. Bookkeeping columns (version, update instant, sequence numbers) are left out: they follow
from the entries themselves; so are derived columns (``info=derived()``: search and sort keys, a
household's display address), which follow from the columns they are derived from. A change of
derived columns alone writes no entry (renaming a 小区 is one entry, not one per household too),
though its rows are stamped and synced as changed. Inside an import or demo
:func:`~redoffice.kit.audit_log.batch` the rows created are counted, not entered one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import chain, repeat
from operator import is_, itemgetter
from typing import Any, Final

from sqlalchemy import Connection, Table, event, insert, inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction

from redoffice.kit import audit_log, sync_state
from redoffice.kit.audit_log import Entry, dump
from redoffice.kit.clock import utcnow
from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.models import AuditLog, Base
from redoffice.models.base import DERIVED

# columns that change with every write and say nothing an entry does not say itself
BOOKKEEPING: Final = frozenset({"version", "updated_at", "sync_seq", "created_seq"})

Fields = dict[str, list[Any]]
SQLITE_VARIABLES: Final = 999  # parameters one statement may have in any SQLite (32766 since 3.32)


def _tracked(obj: object) -> bool:
    return bool(sync_state.synced(obj) or getattr(obj, "__audited__", False))


def _row_id(obj: Base) -> str:
    """The primary key (already generated when the flush has run, not yet the identity)."""
    return str(inspect(obj).mapper.primary_key_from_instance(obj)[0])


@cache
def recorded(mapper: Mapper[Any]) -> tuple[tuple[str, str], ...]:
    """(attribute, column) of each column whose changes an entry records: neither bookkeeping
    nor derived."""
    return tuple(
        (attr.key, column.name)
        for attr in mapper.column_attrs
        for column in attr.columns[:1]
        if column.name not in BOOKKEEPING and not column.info.get(DERIVED)
    )


def changed_fields(obj: Base) -> Fields:
    """``{"column": [old, new]}`` for each recorded column this flush changes."""
    state = inspect(obj)
    fields: Fields = {}
    for key, name in recorded(state.mapper):
        history = state.attrs[key].history
        if not history.added:
            continue
        old = history.deleted[0] if history.deleted else None
        if old != history.added[0]:
            fields[name] = [old, history.added[0]]
    return fields


def _values(obj: Base) -> Fields:
    """A removed row's recorded values as ``[old, None]``."""
    return {name: [getattr(obj, key), None] for key, name in recorded(inspect(obj).mapper)}


def _action(fields: Fields) -> str:
    if "deleted" in fields:
        return "delete" if fields["deleted"][1] else "restore"
    return "update"


def _entries(session: Session, batch: audit_log.Batch | None) -> list[Entry]:
    entries: list[Entry] = []
    for obj in session.new:
        if _tracked(obj):
            if batch is not None:
                batch.count(obj.__tablename__, "create")
            else:
                entries.append(Entry("create", obj.__tablename__, _row_id(obj)))
    for obj in session.dirty:
        if not _tracked(obj):
            continue
        fields = changed_fields(obj)
        if fields:
            entries.append(Entry(_action(fields), obj.__tablename__, _row_id(obj), dump(fields)))
    for obj in session.deleted:
        if _tracked(obj):
            entries.append(Entry("delete", obj.__tablename__, _row_id(obj), dump(_values(obj))))
    if batch is not None:
        for e in entries:
            batch.count(e.table, e.action)
    return entries


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if any(isinstance(obj, AuditLog) for obj in session.new):
        raise RuntimeError("audit entries are appended by redoffice.kit.audit_log, never added")
    if any(_append_only(obj) and session.is_modified(obj) for obj in session.dirty):
        raise UserError("record.append_only")
    if _writes_tracked(session):
        # lock order: the sync counter before any audited row (a setting is audited, not
        # synced: taken only at the append, after its row was written, two clerks could each
        # hold what the other waits for on PostgreSQL)
        sync_state.transaction_seq(session)
    node = session.info.get("node_id")
    now = utcnow()
    for obj in session.new:
        if sync_state.synced(obj):
            if not obj.owner_node:
                obj.owner_node = node
            obj.updated_at = now
    for obj in session.dirty:
        if sync_state.synced(obj) and session.is_modified(obj):
            obj.updated_at = now


def _append_only(obj: object) -> bool:
    """A record that is never changed once written (the fund's ledger entries, its steps and
    period closes): a mistake is corrected by a new record, such as a reversing entry; the
    recycle bin cannot take one either."""
    return bool(getattr(type(obj), "__append_only__", False))


def _writes_tracked(session: Session) -> bool:
    """Whether this flush writes a synced or audited row."""
    return (
        any(_tracked(o) for o in session.new)
        or any(_tracked(o) for o in session.deleted)
        or any(_tracked(o) and session.is_modified(o) for o in session.dirty)
    )


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    if any(sync_state.synced(obj) for obj in session.deleted):
        raise RuntimeError("synced records are soft-deleted; a hard delete escapes the sync")
    # new/dirty still show the pre-flush state here and attribute history is intact, while
    # generated values (ids, incremented versions) are already known.
    batch = audit_log.open_batch(session)
    audit_log.append(session, _entries(session, batch), None if batch is None else batch.id)


def _bulk_statement(state: ORMExecuteState) -> None:
    """ORM bulk INSERT of synced rows: stamped, and audited (counted in a batch; outside one,
    each inserted row gets its entry, and an INSERT … VALUES, whose ids are unknown here, is
    refused). A bulk UPDATE or DELETE is refused by :func:`sync_state.stamp_statement`."""
    stamped = sync_state.stamp_statement(state)
    if stamped is None:
        return
    table = str(stamped.bind_mapper.local_table.name)  # type: ignore[union-attr]
    params: Any = stamped.parameters
    rows: list[dict[str, Any]] = params if isinstance(params, list) else [params] if params else []
    batch = audit_log.open_batch(state.session)
    if batch is not None:
        batch.count(table, "create", len(rows) or 1)
    elif rows:
        for row in rows:
            row.setdefault("id", new_id())
        entries = [Entry("create", table, str(row["id"])) for row in rows]
        audit_log.append(state.session, entries)
    else:
        raise RuntimeError("an INSERT … VALUES of synced records is audited only inside a batch")


def new_record(node: str, **values: Any) -> dict[str, Any]:
    """A synced row for a bulk insert: fresh id, owner node, version 1, now (or the
    ``updated_at`` given: one instant for a whole import), not deleted."""
    if "id" not in values:  # not setdefault: a fresh id costs 4 µs even when one is given
        values["id"] = new_id()
    if "updated_at" not in values:
        values["updated_at"] = utcnow()
    values.update(owner_node=node, version=1, deleted=False)
    return values


@dataclass(frozen=True)
class Rows:
    """New rows for a bulk insert, as tuples: ``columns`` named once (``id`` among them), each
    row its values in that order, and ``shared`` the values every row has (bound once per
    statement). 110k residents built as tuples instead of dicts: no dict per row, nothing
    transposed or looked up again to make the statement's parameters."""

    columns: tuple[str, ...]
    values: list[tuple[Any, ...]]
    shared: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.columns) & set(self.shared):
            raise ValueError("a column is either in each row or shared, not both")

    @staticmethod
    def of(rows: list[dict[str, Any]]) -> Rows:
        """Rows that all have the same keys, a column holding the very same object in every
        row shared (found with ``is``, in C; a column that differs stops at its first
        different row)."""
        if not rows:
            return Rows((), [])
        first = rows[0]
        shared = {n: v for n, v in first.items() if n != "id" and _same(rows, n)}
        columns = tuple(name for name in first if name not in shared)
        if not columns:
            return Rows(columns, [()] * len(rows), shared)
        take = itemgetter(*columns)
        values = list(map(take, rows)) if len(columns) > 1 else [(take(r),) for r in rows]
        return Rows(columns, values, shared)

    def stamped(self, node: str, seq: int) -> Rows:
        """With what every new synced row has: the transaction's sequence number ``seq``, and
        unless given, owner ``node``, version 1, not deleted, now."""
        shared = {"updated_at": utcnow(), "owner_node": node, "version": 1, "deleted": False}
        shared.update(self.shared, sync_seq=seq, created_seq=seq)
        given = set(self.columns)
        return Rows(self.columns, self.values, {k: v for k, v in shared.items() if k not in given})

    def part(self, start: int, stop: int) -> Rows:
        return Rows(self.columns, self.values[start:stop], self.shared)

    def ids(self) -> list[str]:
        at = self.columns.index("id")
        return [str(row[at]) for row in self.values]


def insert_records(
    session: Session, model: type[Base], rows: list[dict[str, Any]], chunk: int = 5000
) -> None:
    """Bulk insert of rows made by :func:`new_record` (demo): see :func:`insert_rows`."""
    insert_rows(session, model, Rows.of(rows), chunk)


def insert_rows(session: Session, model: type[Base], rows: Rows, chunk: int = 5000) -> None:
    """Bulk insert of new synced rows with Core (demo, imports), stamped with the owner node and
    the transaction's sequence number; counted in the open batch, else each row's creation
    entered in the audit log."""
    if not rows.values:
        return
    stamped = rows.stamped(str(session.info.get("node_id")), sync_state.transaction_seq(session))
    batch = audit_log.open_batch(session)
    for start in range(0, len(rows.values), chunk):
        part = stamped.part(start, start + chunk)
        insert_many(session.connection(), model, part)
        if batch is None:
            entries = [Entry("create", model.__tablename__, row_id) for row_id in part.ids()]
            audit_log.append(session, entries)
    if batch is not None:
        batch.count(model.__tablename__, "create", len(rows.values))


def executemany(conn: Connection, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """INSERT many rows that all have the same keys (no stamps: a local table): see
    :func:`insert_many`."""
    if rows:
        insert_many(conn, model, Rows.of(rows))


def insert_many(conn: Connection, model: type[Base], rows: Rows) -> None:
    """INSERT the rows, each column converted by its type in one pass (SQLAlchemy's per-row
    parameter handling cost as much as SQLite's own work for 100k rows). Rows that leave out a
    column the statement needs go the ordinary way."""
    if not rows.values:
        return
    table = Base.metadata.tables[model.__tablename__]
    names = [*rows.columns, *rows.shared]
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=names)
    needed = list(compiled.positiontup or ()) if compiled.positional else list(compiled.binds)
    if not set(needed) <= set(names):
        conn.execute(insert(table), _dicts(rows))
        return
    if conn.dialect.paramstyle == "qmark":
        _qmark_executemany(conn, table, rows)
        return
    processors = _processors(conn, table)
    bound = [
        {k: processors[k](v) if k in processors else v for k, v in row.items()}
        for row in _dicts(rows)
    ]
    conn.exec_driver_sql(compiled.string, bound)


def _dicts(rows: Rows) -> list[dict[str, Any]]:
    return [{**dict(zip(rows.columns, row, strict=True)), **rows.shared} for row in rows.values]


def _processors(conn: Connection, table: Table) -> dict[str, Any]:
    """Column -> the function converting its values for the driver (e.g. SQLite's DATE)."""
    dialect = conn.dialect
    return {
        column.key: process
        for column in table.columns
        if (process := column.type.dialect_impl(dialect).bind_processor(dialect))
    }


def _qmark_executemany(conn: Connection, table: Table, rows: Rows) -> None:
    """SQLite: the shared values bound once per statement as numbered parameters (?1…), the
    rows' values laid one after another in one list (in C), a column to convert (a date)
    replaced in it at once, each statement's parameters a slice of it."""
    processors = _processors(conn, table)
    shared = [processors[n](v) if n in processors else v for n, v in rows.shared.items()]
    width, count = len(rows.columns), len(rows.values)
    values = list(chain.from_iterable(rows.values))
    for at, name in enumerate(rows.columns):
        if name in processors:  # each distinct value converted once
            values[at::width] = _converted(values[at::width], processors[name])
    prepare = conn.dialect.identifier_preparer
    names = ", ".join(prepare.quote(table.c[n].name) for n in [*rows.columns, *rows.shared])
    head = f"INSERT INTO {prepare.format_table(table)} ({names}) VALUES "
    if not width:  # every value shared (one row)
        conn.exec_driver_sql(head + _numbered(1, 0, len(shared)), [tuple(shared)] * count)
        return
    # many rows per statement: SQLite's work per statement run (reset, cursors, halt) is paid
    # once per statement, not once per row (110k residents: ~10% less CPU in their inserts)
    per = max(1, (SQLITE_VARIABLES - len(shared)) // width)
    whole = (count - count % per) * width
    step = per * width
    if whole:
        flat = [(*shared, *values[i : i + step]) for i in range(0, whole, step)]
        conn.exec_driver_sql(head + _numbered(per, width, len(shared)), flat)
    if whole < len(values):
        rest = [(*shared, *values[i : i + width]) for i in range(whole, len(values), width)]
        conn.exec_driver_sql(head + _numbered(1, width, len(shared)), rest)


def _same(rows: list[dict[str, Any]], name: str) -> bool:
    """Whether every row holds the very object the first holds (in C; a column that differs
    stops at its first different row)."""
    return all(map(is_, map(itemgetter(name), rows), repeat(rows[0][name])))


@cache
def _numbered(count: int, width: int, fixed: int) -> str:
    """``count`` rows of ``width`` numbered parameters after the ``fixed`` ones, each row
    ending with those (``(?3, ?4, ?1, ?2), (?5, ?6, ?1, ?2)``)."""
    tail = "".join(f", ?{n}" for n in range(1, fixed + 1))
    rows = (
        "(" + ", ".join(f"?{fixed + r * width + c + 1}" for c in range(width)) + tail + ")"
        for r in range(count)
    )
    return ", ".join(rows).replace("(, ", "(")


def _converted(values: list[Any], process: Any) -> list[Any]:
    """Each distinct value converted once (one instant or date is often shared by many rows)."""
    try:
        done = {v: process(v) for v in set(values)}
    except TypeError:  # unhashable values
        return [process(v) for v in values]
    return list(map(done.__getitem__, values))


def install(session_factory: Any) -> None:
    """Attach change capture to a ``sessionmaker``."""
    event.listen(session_factory, "before_flush", _before_flush)
    sync_state.install(session_factory)
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "do_orm_execute", _bulk_statement)
