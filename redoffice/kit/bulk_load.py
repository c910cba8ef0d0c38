"""Bulk loads with the secondary indexes rebuilt: inside the caller's transaction, a table's
indexes are dropped before a large insert and created again after it. One sorted build per index
is much cheaper than keeping every index up to date row by row (110k residents: ~3.5 s of index
upkeep on SQLite). DDL is transactional in SQLite and PostgreSQL, so a failed or cancelled load
rolls back with every index in place.

The indexes are those of the models' metadata (never hand-written DDL that could drift), unique
indexes among them: a duplicate the load brought fails the index's build (IntegrityError), and
with it the load, rolled back whole. Unique constraints and primary keys stay, checked row by
row (resident's one ID number per node is a unique index for this: migration 0020)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from sqlalchemy import Connection, Index, Table, func, inspect, select
from sqlalchemy.orm import Session

from redoffice.models import Base

# A rebuild sorts the whole table, old rows included. Measured for 110k residents and their tags
# into empty tables (SQLite): the 13 indexes built after the rows cost ~0.5 s against ~1.3 s of
# upkeep row by row, so a rebuild is about a third of the upkeep per row and breaks even near a
# table twice the size of the load; rebuilding only when the load is at least the table's size
# keeps a margin (PostgreSQL: write 12.4 → 10.5 s). Below a few thousand rows the upkeep is
# milliseconds and the DDL (which locks the table) is not worth it.
MIN_ROWS: Final = 5000
# SQLite's page cache during a large load (the connections' own is 32 MB): the rows of a 110k-row
# import, with their unique index and the indexes rebuilt after them, touch ~125 MB of pages, and
# with a smaller cache the dirty ones are spilled to the WAL before the commit and written again
# (import write ~10% less CPU measured with 256 MB). Only pages touched are held, and only for
# the load: the connection goes back to its own size after it.
LOAD_CACHE_KIB: Final = 262144


def worth_rebuilding(conn: Connection, table: Table, adding: int) -> bool:
    """Whether ``adding`` new rows are enough, against the rows ``table`` has, to rebuild."""
    if adding < MIN_ROWS:
        return False
    have = conn.scalar(select(func.count()).select_from(table)) or 0
    return adding >= have


@contextmanager
def indexes_rebuilt(conn: Connection, model: type[Base], adding: int) -> Iterator[None]:
    """Drop the metadata's indexes of ``model``'s table for the duration of the block and create
    them again after it, when ``adding`` rows make it pay (else the block runs as it is). The
    caller's transaction must enclose the block; nothing inside may rely on those indexes."""
    table = Base.metadata.tables[model.__tablename__]
    if not worth_rebuilding(conn, table, adding):
        yield
        return
    begin_transaction(conn)
    dropped = _present(conn, table)
    for index in dropped:
        index.drop(conn)
    yield
    for index in sorted(dropped, key=lambda i: str(i.name)):
        index.create(conn)


@contextmanager
def larger_cache(s: Session, adding: int) -> Iterator[None]:
    """SQLite: the page cache of ``s``'s connection raised to LOAD_CACHE_KIB for a load of
    ``adding`` rows (≥ MIN_ROWS), back to what it was after the block; elsewhere nothing."""
    conn = s.connection()
    if adding < MIN_ROWS or conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before or 0)}")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off during a load that holds many rows (never cyclic)
    in memory: its full passes over all of them, again and again as they grow, are not free
    (a sync package's 300k decoded rows: ~2 s of 4 s CPU). As it was after the block."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """What the load left alive (the plan's rows, until the caller lets them go) moved to the
    oldest generation without a pass over it: re-enabled, the collector would otherwise scan
    all of it at its next young collection, since it was all made while paused (110k rows of
    an import: ~0.15 s). Not when objects are frozen (the GUI froze its start-up objects):
    unfreezing would hand those back to the collector."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def begin_transaction(conn: Connection) -> None:
    """Make sure a real transaction is open before DDL: pysqlite opens its transaction at the
    first INSERT/UPDATE only, so a DROP INDEX before it would be committed at once and survive
    a rollback."""
    if conn.dialect.name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN")


def _present(conn: Connection, table: Table) -> list[Index]:
    """The metadata's indexes of ``table`` that the database has (a database a migration behind
    may lack one: it is not created by the load either)."""
    names = {i["name"] for i in inspect(conn).get_indexes(table.name)}
    return [i for i in table.indexes if i.name in names]
