"""走访计划 as a long list: the due households' ids in the order asked (searched by address, for
one 网格 or the grids one worker looks after), and their rows by id, a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from sqlalchemy import Select, func, select

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.id_lists import IdQuery
from redoffice.kit.records import like_pattern
from redoffice.models import Household, HouseholdVisitState
from redoffice.visits.service import (
    DueHousehold,
    PlanQuery,
    due_rows,
    plan_conditions,
    plan_select,
)

State = HouseholdVisitState
SORTS: Final = {
    "due": State.due_date,
    "address": Household.address_sort,
    "last": State.last_visit_date,
    "interval": State.interval_days,
}


@dataclass(frozen=True)
class PlanFilter:
    """Households due within ``within_days`` (overdue ones included)."""

    text: str = ""
    grid_id: str | None = None
    staff_id: str | None = None
    within_days: int = 7


def _where(query: Select[Any], f: PlanFilter, today: date) -> Select[Any]:
    plan = PlanQuery(today + timedelta(days=f.within_days), None, f.grid_id, f.staff_id)
    query = query.join(Household, Household.id == State.household_id).where(*plan_conditions(plan))
    if f.text.strip():
        query = query.where(Household.address.like(like_pattern(f.text.strip()), escape="\\"))
    return query


def plan_ids(
    db: Database,
    f: PlanFilter,
    sort: str = "due",
    descending: bool = False,
    today: date | None = None,
) -> list[str]:
    """Ids of the due households, most overdue first unless another order is asked."""
    return plan_id_query(db, f, sort, descending, today)()


def plan_id_query(
    db: Database,
    f: PlanFilter,
    sort: str = "due",
    descending: bool = False,
    today: date | None = None,
) -> IdQuery:
    """:func:`plan_ids` as a list's job, which can also read the first page alone."""
    today = today or clock.today()
    order = SORTS.get(sort, State.due_date)
    query = _where(select(State.household_id), f, today).order_by(
        order.desc() if descending else order, Household.address_sort, State.household_id
    )
    return IdQuery(db, query)


def overdue_count(db: Database, f: PlanFilter, today: date | None = None) -> int:
    """How many of the listed households are past their due date."""
    today = today or clock.today()
    query = _where(select(func.count()).select_from(State), f, today)
    with db.read() as s:
        return int(s.scalar(query.where(State.due_date < today)) or 0)


def plan_rows(db: Database, ids: Sequence[str]) -> list[DueHousehold]:
    """The rows of the given households, in the same order."""
    wanted = list(ids)
    with db.read() as s:
        rows = due_rows(s, plan_select().where(State.household_id.in_(wanted)))
    found = {row.household_id: row for row in rows}
    return [found[i] for i in wanted if i in found]
