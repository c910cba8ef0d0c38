"""Which tables a unit of work wrote, so that every screen showing one of them can refresh.

The shape of Anki's ``OpChanges``: the core says what an action changed, the screens decide
whether it concerns them; no screen names another screen's tables (decision 0013).

Every statement that writes goes through the session's connection, whatever wrote it: the ORM
flush, an ORM-bulk ``session.execute(insert(M), rows)``, a Core statement on
``session.connection()`` (the visit state, change capture's bulk inserts) or a driver-level SQL
string. So the tables are taken where all of them pass — SQLAlchemy's ``before_cursor_execute``
— and credited to the session whose transaction opened that connection (``after_begin``). A
listener on the ORM alone (``after_flush``, ``do_orm_execute``) would miss the last two kinds.

``Database.uow`` hands what it committed to every :func:`recording` open on its thread; a rolled
back unit of work hands nothing. A long job (an import, the demo) commits several units of work
inside one recording and so reports all of them, also when it stops half-way.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from sqlalchemy.sql.dml import UpdateBase

from redoffice.models import Base

_KEY = "redoffice.touched"
# A written table in SQL text (driver-level statements carry no compiled form): the DML verbs
# SQLite and PostgreSQL accept, an optional schema, an optional quote.
_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r'\s+(?:"?\w+"?\.)?"?(\w+)',
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Changes:
    """The tables that committed units of work wrote."""

    tables: frozenset[str] = frozenset()

    def touches(self, tables: Iterable[str]) -> bool:
        """Whether a view showing ``tables`` has to refresh."""
        return not self.tables.isdisjoint(tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables)

    def __bool__(self) -> bool:
        return bool(self.tables)

    @classmethod
    def everything(cls) -> Changes:
        """Every table: the whole database was replaced (a backup restored)."""
        return cls(frozenset(Base.metadata.tables))


class Recorder:
    """Collects what the units of work on one thread commit while it is recording."""

    def __init__(self) -> None:
        self._tables: set[str] = set()

    def add(self, changes: Changes) -> None:
        self._tables |= changes.tables

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._tables))


_RECORDERS: ContextVar[tuple[Recorder, ...]] = ContextVar("redoffice_recorders", default=())


@contextmanager
def recording(recorder: Recorder | None = None) -> Iterator[Recorder]:
    """Inside the block, every unit of work committed on this thread adds its tables to the
    recorder (recordings nest: each open one gets them)."""
    recorder = recorder if recorder is not None else Recorder()
    token = _RECORDERS.set((*_RECORDERS.get(), recorder))
    try:
        yield recorder
    finally:
        _RECORDERS.reset(token)


def committed(session: Session) -> Changes:
    """Called by the unit of work once ``session`` committed: tell the open recordings."""
    changes = Changes(frozenset(session.info.get(_KEY, ())))
    for recorder in _RECORDERS.get():
        recorder.add(changes)
    return changes


def written_table(statement: str, context: ExecutionContext | None) -> str | None:
    """The table an INSERT, UPDATE or DELETE writes; None for any other statement."""
    compiled = getattr(context, "compiled", None)
    target = getattr(compiled, "statement", None)
    if isinstance(target, UpdateBase):  # SQLAlchemy's own statement: its table, CTEs or not
        name = getattr(target.table, "name", None)
        if isinstance(name, str):
            return name
    found = _WRITE.match(statement)  # text() and driver-level SQL
    return found.group(1) if found else None


class _Tracker:
    """Maps each connection a session's transaction holds to that session's set of tables (in
    the session's ``info``: the set belongs to the session, whichever Database made it). One
    per engine, shared by the Databases open on it (tests open many on one engine)."""

    def __init__(self) -> None:
        self._open: weakref.WeakKeyDictionary[Connection, set[str]] = weakref.WeakKeyDictionary()
        self.factories: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()

    def begun(self, session: Session, _transaction: SessionTransaction, conn: Connection) -> None:
        self._open[conn] = session.info.setdefault(_KEY, set())

    def executing(
        self,
        conn: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        context: ExecutionContext | None,
        _executemany: bool,
    ) -> None:
        tables = self._open.get(conn)
        if tables is not None and (table := written_table(statement, context)) is not None:
            tables.add(table)


_TRACKERS: weakref.WeakKeyDictionary[Engine, _Tracker] = weakref.WeakKeyDictionary()


def install(session_factory: sessionmaker[Session], engine: Engine) -> None:
    """Track the tables written by every session ``session_factory`` makes on ``engine``: the
    engine's one statement listener, installed by the first Database open on it."""
    tracker = _TRACKERS.get(engine)
    if tracker is None:
        tracker = _TRACKERS[engine] = _Tracker()
        event.listen(engine, "before_cursor_execute", tracker.executing)
    if session_factory not in tracker.factories:
        tracker.factories.add(session_factory)
        event.listen(session_factory, "after_begin", tracker.begun)


def uninstall(session_factory: sessionmaker[Session], engine: Engine) -> None:
    """The Database of ``session_factory`` closed (again, or never tracked: nothing happens);
    the last one open on ``engine`` removes the engine's listener."""
    tracker = _TRACKERS.get(engine)
    if tracker is None or session_factory not in tracker.factories:
        return
    tracker.factories.discard(session_factory)
    event.remove(session_factory, "after_begin", tracker.begun)
    if not tracker.factories:
        event.remove(engine, "before_cursor_execute", tracker.executing)
        del _TRACKERS[engine]
