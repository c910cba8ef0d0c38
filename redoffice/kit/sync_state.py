"""Sync state on the rows: each transaction that writes synced records takes the next sequence
number of the node and stamps it on every row it creates or changes (``sync_seq``, and
``created_seq`` on a new row), in the same transaction (decision 0012).

One number per transaction, not per row: a package ("the rows above the acknowledged sequence")
then never holds half of a user action, and a 100k-row import takes the counter once. The number
comes from the ``sync_counter`` row with ``UPDATE … RETURNING``: on PostgreSQL that row stays
locked until the transaction ends, so clerks sharing one database get their numbers in commit
order and an exporter can never see a higher number committed before a lower one. A rolled-back
transaction returns its number (the update is rolled back too); a number whose transaction wrote
no synced row is harmless, a package's range is contiguous by construction.

ORM statements that insert many rows at once (``session.execute(insert(Resident), rows)``) are
stamped by a ``do_orm_execute`` hook; a bulk UPDATE or hard DELETE of synced rows is refused (it
would escape the audit or the sync: deletions travel as soft-deleted rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final, TypeVar

from sqlalchemy import Connection, Engine, event, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

from redoffice.models import Base, SyncCounter

STREET_CHANNEL: Final = "street"
_KEY: Final = "redoffice.sync_seq"
T = TypeVar("T", bound=Base)


def synced(obj: object) -> bool:
    return bool(getattr(obj, "__synced__", False))


def next_seq(conn: Connection, channel: str = STREET_CHANNEL) -> int:
    """Take the channel's next sequence number (locks the counter row until commit)."""
    return int(
        conn.execute(
            update(SyncCounter)
            .where(SyncCounter.channel == channel)
            .values(last_seq=SyncCounter.last_seq + 1)
            .returning(SyncCounter.last_seq)
        ).scalar_one()
    )


def transaction_seq(session: Session) -> int:
    """This transaction's sequence number, taken at its first need."""
    taken = session.info.get(_KEY)
    if taken is None:
        inner = session.get_nested_transaction() or session.get_transaction()
        taken = session.info[_KEY] = (next_seq(session.connection()), inner, None)
    return int(taken[0])


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only connection whose statements all see one committed state of the database,
    whatever others commit meanwhile. SQLite: an explicit BEGIN (pysqlite opens no transaction
    for a SELECT, so each would see the latest commit; in WAL mode writers go on). PostgreSQL:
    REPEATABLE READ (a READ COMMITTED statement sees what committed before it started)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN")
        else:
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        yield conn


def last_seq(session: Session, channel: str = STREET_CHANNEL) -> int:
    """The newest sequence number taken (committed, as the session's snapshot sees it)."""
    found = session.scalar(select(SyncCounter.last_seq).where(SyncCounter.channel == channel))
    return int(found or 0)


def changed_since(session: Session, model: type[T], acknowledged: int, seq_to: int) -> list[T]:
    """The rows of ``model`` a package for a recipient that acknowledged ``acknowledged``
    carries: each changed in ``acknowledged + 1 .. seq_to`` in its latest state, soft-deleted
    ones as tombstones.

    The package exporter reads ``seq_to`` (:func:`last_seq`) and every table's rows in one
    :func:`snapshot`: then the rows are the state at ``seq_to`` exactly, none changed by a later
    transaction is half-included, and the next package starts at ``seq_to + 1``."""
    column = model.sync_seq  # type: ignore[attr-defined]
    chosen = select(model).where(column > acknowledged, column <= seq_to).order_by(column)
    return list(session.scalars(chosen))


def _stamp_objects(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    new = [o for o in session.new if synced(o)]
    dirty = [o for o in session.dirty if synced(o) and session.is_modified(o)]
    if not new and not dirty:
        return
    seq = transaction_seq(session)
    for obj in new:
        obj.sync_seq = obj.created_seq = seq
    for obj in dirty:
        obj.sync_seq = seq


def stamp_statement(state: ORMExecuteState) -> ORMExecuteState | None:
    """For an ORM bulk INSERT of synced rows, the state with the transaction's number set on
    each row (the session then runs it as changed); None for any other statement. A bulk UPDATE
    or DELETE of synced rows is refused: a hard delete escapes the sync, and an UPDATE would
    change rows without the field entries of the audit (its old values are unknown here) and,
    by primary key, without a new ``version``. No write path needs one: changes of existing
    records go through the ORM, one object each."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    mapper = state.bind_mapper
    if mapper is None or not synced(mapper.class_):
        return None
    if state.is_delete:
        raise RuntimeError("synced records are soft-deleted; a hard delete escapes the sync")
    if state.is_update:
        raise RuntimeError("a bulk UPDATE of synced records escapes the audit; change objects")
    seq = transaction_seq(state.session)
    stamp: dict[str, Any] = {"sync_seq": seq, "created_seq": seq}
    params: Any = state.parameters
    if isinstance(params, list) and params:
        for row in params:
            row.update(stamp)
    elif params:
        params.update(stamp)
    else:
        state.statement = state.statement.values(**stamp)  # type: ignore[attr-defined]
    return state


def _hand_up(session: Session, transaction: SessionTransaction) -> None:
    """The number goes with the transaction that took it. The outermost one ends: forgotten. A
    savepoint ends: its parent holds the counter's update now (a released savepoint's writes
    are the parent's), so the number is handed up, noting where from; if the savepoint was in
    fact rolled back, :func:`_give_back` (which runs next) forgets it."""
    taken = session.info.get(_KEY)
    if taken is None:
        return
    if transaction.parent is None:
        session.info.pop(_KEY, None)
    elif transaction is taken[1]:
        session.info[_KEY] = (taken[0], transaction.parent, transaction)


def _give_back(session: Session, previous: SessionTransaction) -> None:
    """A savepoint rolled back has given its number back to the counter: forget it (once
    handed up, also a number taken in a savepoint released inside the one rolled back)."""
    taken = session.info.get(_KEY)
    if taken is not None and taken[2] is previous:
        session.info.pop(_KEY, None)


def install(session_factory: Any) -> None:
    """Stamp sequence numbers on the ORM objects flushed by sessions of ``session_factory``
    (bulk statements: :func:`stamp_statement`, called by change capture)."""
    event.listen(session_factory, "before_flush", _stamp_objects)
    event.listen(session_factory, "after_transaction_end", _hand_up)
    event.listen(session_factory, "after_soft_rollback", _give_back)
