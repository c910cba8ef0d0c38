"""工作台: what needs doing today, for one worker or the whole community, in one read.

Visits overdue and due this week, cases due within 24 hours, overdue cases, cases awaiting the
call-back, counts per 网格, visits per month and cases by category and state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import extract, func, select

from redoffice.db import Database
from redoffice.models import Case, Household, Visit
from redoffice.models.base import utcnow
from redoffice.services import stats
from redoffice.services.case_queries import CaseFilter, CaseRow, conditions, list_cases
from redoffice.services.cases import OPEN, STATUSES
from redoffice.services.registry import worker_grids
from redoffice.services.visits import DueHousehold, visit_plan

LIST_LIMIT = 200


@dataclass(frozen=True)
class GridLoad:
    grid_id: str | None
    label: str
    households: int
    residents: int
    visits_overdue: int
    open_cases: int
    overdue_cases: int


@dataclass(frozen=True)
class Listing:
    """The first ``LIST_LIMIT`` items and how many there are in all."""

    total: int
    items: list[Any]


@dataclass(frozen=True)
class Workbench:
    today: date
    registry: stats.RegistryStats
    visits_overdue: Listing
    visits_due_week: Listing
    cases_due_24h: Listing
    cases_overdue: Listing
    awaiting_callback: Listing
    by_grid: list[GridLoad]
    visits_per_month: list[tuple[str, int]]
    cases_by_category: list[tuple[str, int]]
    cases_by_status: list[tuple[str, int]]


def _listing(items: list[Any]) -> Listing:
    return Listing(len(items), items[:LIST_LIMIT])


def _months(today: date, count: int = 12) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    result = []
    for _ in range(count):
        result.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return result[::-1]


def _visits_per_month(db: Database, today: date, worker: str | None) -> list[tuple[str, int]]:
    months = _months(today)
    first = date(*months[0], 1)
    year, month = extract("year", Visit.visit_date), extract("month", Visit.visit_date)
    query = (
        select(year, month, func.count())
        .where(Visit.deleted.is_(False), Visit.visit_date >= first, Visit.visit_date <= today)
        .group_by(year, month)
    )
    if worker:
        query = query.where(
            Visit.household_id.in_(
                select(Household.id).where(Household.grid_id.in_(worker_grids(worker)))
            )
        )
    with db.read() as s:
        counts = {(int(y), int(m)): int(n) for y, m, n in s.execute(query).all()}
    return [(f"{m}月", counts.get((y, m), 0)) for y, m in months]


def _cases_by(
    db: Database, since: date, worker: str | None
) -> tuple[dict[str, int], dict[str, int]]:
    """Cases accepted since ``since``: counts by category and by state."""
    cond = CaseFilter(date_from=since, worker_id=worker)
    query = (
        select(Case.category, Case.status, func.count())
        .where(*conditions(cond, utcnow()))
        .group_by(Case.category, Case.status)
    )
    by_category: dict[str, int] = {}
    by_status: dict[str, int] = {}
    with db.read() as s:
        for category, status, n in s.execute(query).all():
            by_category[category] = by_category.get(category, 0) + int(n)
            by_status[status] = by_status.get(status, 0) + int(n)
    return by_category, by_status


def _grid_loads(
    registry: stats.RegistryStats, plan: list[DueHousehold], cases: list[CaseRow], today: date
) -> list[GridLoad]:
    overdue_visits: dict[str | None, int] = {}
    for d in plan:
        if d.due < today:
            overdue_visits[d.grid_id] = overdue_visits.get(d.grid_id, 0) + 1
    open_cases: dict[str | None, int] = {}
    late_cases: dict[str | None, int] = {}
    for c in cases:
        open_cases[c.grid_id] = open_cases.get(c.grid_id, 0) + 1
        late_cases[c.grid_id] = late_cases.get(c.grid_id, 0) + c.overdue
    return [
        GridLoad(
            g.grid_id,
            f"{g.code} {g.name}".strip(),
            g.households,
            g.residents,
            overdue_visits.get(g.grid_id, 0),
            open_cases.get(g.grid_id, 0),
            late_cases.get(g.grid_id, 0),
        )
        for g in registry.by_grid
    ]


def workbench(db: Database, today: date | None = None, worker: str | None = None) -> Workbench:
    """Everything the 工作台 shows; ``worker`` (a staff id) narrows it to that worker's grids
    and cases."""
    today = today or date.today()
    registry = stats.registry_stats(db, today)
    plan = visit_plan(db, today, within_days=(6 - today.weekday()), staff_id=worker)
    open_cases = [
        c for status in OPEN for c in list_cases(db, CaseFilter(status=status, worker_id=worker))
    ]
    open_cases.sort(key=lambda c: c.due_at)
    soon = utcnow() + timedelta(hours=24)
    awaiting = list_cases(db, CaseFilter(status="resolved", worker_id=worker))
    by_category, by_status = _cases_by(db, today - timedelta(days=365), worker)
    return Workbench(
        today=today,
        registry=registry,
        visits_overdue=_listing([d for d in plan if d.due < today]),
        visits_due_week=_listing([d for d in plan if d.due >= today]),
        cases_due_24h=_listing([c for c in open_cases if not c.overdue and c.due_at <= soon]),
        cases_overdue=_listing([c for c in open_cases if c.overdue]),
        awaiting_callback=_listing(sorted(awaiting, key=lambda c: c.resolved_on or today)),
        by_grid=_grid_loads(registry, plan, open_cases, today),
        visits_per_month=_visits_per_month(db, today, worker),
        cases_by_category=sorted(by_category.items(), key=lambda kv: -kv[1]),
        cases_by_status=[(label, by_status.get(code, 0)) for code, label in STATUSES.items()],
    )
