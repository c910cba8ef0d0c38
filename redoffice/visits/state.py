"""The derived visit state of each household (``household_visit_state``): last visit, interval
and due date, kept current in the same transaction as every change that can move a due date.

Like :mod:`redoffice.kit.changes`, it hooks the session (flushes collect the households touched,
the commit recomputes them once), so no write path can forget it:
a visit recorded, deleted or restored; a resident moved, tagged or changed; a household created,
re-gridded or deleted; the interval rules changed (everything is recomputed). Tags start and end
on dates, so the whole table is recomputed once a new day begins (``ensure_current``, a write
run at start-up and at midnight: reading the plan never writes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, delete, event, exists, func, inspect, or_, select
from sqlalchemy.orm import Session, UOWTransaction

from redoffice.kit import clock
from redoffice.kit.bulk_load import indexes_rebuilt
from redoffice.kit.changes import executemany
from redoffice.kit.defaults import DEFAULTS
from redoffice.models import (
    Household,
    HouseholdVisitState,
    Resident,
    ResidentTag,
    Setting,
    Visit,
)

State = HouseholdVisitState
ALL = None  # recompute every household


def _rules(conn: Connection) -> dict[str, int]:
    stored = conn.scalar(select(Setting.value).where(Setting.key == "visit.intervals"))
    return json.loads(stored) if stored else dict(DEFAULTS["visit.intervals"])


Households = set[str] | Select[tuple[str]] | None  # ids, a statement giving them, or ALL


def _in(column: Any, ids: Households) -> list[Any]:
    return [] if ids is None else [column.in_(ids)]


def recompute(conn: Connection, ids: Households, today: date) -> None:
    """Rewrite the state rows of ``ids`` (or of every household when None). Many households
    are best given as a statement selecting them (``sync.derived``: a temporary table), read in
    one pass rather than many passes of a few hundred ids."""
    if ids is not None and not isinstance(ids, Select) and not ids:
        return
    rules = _rules(conn)
    default = int(rules["*"])
    households = conn.execute(
        select(Household.id, Household.grid_id).where(
            Household.deleted.is_(False), *_in(Household.id, ids)
        )
    ).all()
    visits = {
        h: (last, planned)
        for h, last, planned in conn.execute(
            select(Visit.household_id, func.max(Visit.visit_date), func.max(Visit.next_visit_date))
            .where(Visit.deleted.is_(False), *_in(Visit.household_id, ids))
            .group_by(Visit.household_id)
        ).all()
    }
    strictest: dict[str, int] = {}
    for household_id, tag in conn.execute(
        select(Resident.household_id, ResidentTag.tag)
        .join(ResidentTag, ResidentTag.resident_id == Resident.id)
        .where(
            Resident.deleted.is_(False),
            Resident.status == "active",
            ResidentTag.deleted.is_(False),
            or_(ResidentTag.since.is_(None), ResidentTag.since <= today),
            or_(ResidentTag.until.is_(None), ResidentTag.until >= today),
            ResidentTag.tag.in_([t for t in rules if t != "*"]),
            *_in(Resident.household_id, ids),
        )
    ).all():
        if household_id:
            strictest[household_id] = min(strictest.get(household_id, default), int(rules[tag]))
    rows = []
    for household_id, grid_id in households:
        interval = strictest.get(household_id, default)
        last, planned = visits.get(household_id, (None, None))
        rows.append(
            {
                "household_id": household_id,
                "grid_id": grid_id,
                "last_visit_date": last,
                "interval_days": interval,
                "due_date": due_date(last, planned, interval, today),
                "computed_on": today,
            }
        )
    conn.execute(delete(State).where(*_in(State.household_id, ids)))
    # rows of the same keys, in one executemany (SQLAlchemy's per-row parameter handling cost
    # about as much as SQLite's inserts for the 35,000 households of an import); the indexes
    # built after them when they are most of the table (an import into a new registry, the
    # day's recompute of every household)
    with indexes_rebuilt(conn, State, len(rows)):
        executemany(conn, State, rows)


def due_date(last: date | None, planned: date | None, interval: int, today: date) -> date:
    """Never visited: due today. Otherwise the last visit + the interval, brought forward to a
    planned next visit that is still ahead of the last one."""
    if last is None:
        return today
    due = last + timedelta(days=interval)
    if planned is not None and last < planned < due:
        return planned
    return due


def is_stale(conn: Connection, today: date) -> bool:
    """Whether the rows are from another day, or missing while households exist (a database
    just upgraded). Only reads."""
    other_day = or_(State.computed_on < today, State.computed_on > today)
    if conn.scalar(select(exists().where(other_day))):
        return True
    return not conn.scalar(select(exists().select_from(State))) and bool(
        conn.scalar(select(exists().where(Household.deleted.is_(False))))
    )


def ensure_current(conn: Connection, today: date) -> bool:
    """Recompute everything when :func:`is_stale`. Returns True when it did.

    Every write path keeps the rows current through the flush hook; bulk inserts with Core
    (the demo, imports) call :func:`recompute` themselves."""
    if is_stale(conn, today):
        recompute(conn, ALL, today)
        return True
    return False


def _households_of_residents(conn: Connection, resident_ids: Iterable[str]) -> set[str]:
    ids = list(resident_ids)
    if not ids:
        return set()
    rows = conn.scalars(select(Resident.household_id).where(Resident.id.in_(ids)))
    return {h for h in rows if h}


def _affected(session: Session) -> set[str] | None:
    """Households whose due date this flush may have moved (None: all of them)."""
    households: set[str] = set()
    residents: set[str] = set()
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Setting) and obj.key == "visit.intervals":
            return ALL
        if isinstance(obj, Visit | Resident):
            households.update(_old_and_new(obj, "household_id"))
        elif isinstance(obj, Household):
            households.add(obj.id)
        elif isinstance(obj, ResidentTag):
            residents.add(obj.resident_id)
    return households | _households_of_residents(session.connection(), residents)


def _old_and_new(obj: Any, key: str) -> set[str]:
    history = inspect(obj).attrs[key].history
    values = {getattr(obj, key), *history.deleted}
    return {v for v in values if v}


PENDING = "visit_state_pending"


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    """Collect the households each flush touches; they are recomputed once, before commit."""
    ids = _affected(session)
    if ids is None:
        session.info[PENDING] = ALL
    elif ids and session.info.get(PENDING, set()) is not ALL:
        session.info.setdefault(PENDING, set()).update(ids)


def _before_commit(session: Session) -> None:
    session.flush()  # objects still pending are collected too
    if PENDING not in session.info:
        return
    ids = session.info.pop(PENDING)
    recompute(session.connection(), ids, clock.today())


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "before_commit", _before_commit)
    event.listen(session_factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))
