"""工作台: what needs doing today, for one worker or the whole community, in one read.

Visits overdue and due this week, cases due within 24 hours, overdue cases, cases awaiting the
call-back, counts per 网格, visits per month and cases by category and state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from redoffice.cases.queries import CaseFilter, conditions, count_cases, list_cases, open_per_grid
from redoffice.cases.service import STATUSES
from redoffice.fund import queries as fund_queries
from redoffice.kit import clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.meetings.resolutions import ResolutionFilter, count_resolutions, list_resolutions
from redoffice.models import Case, HouseholdVisitState, Visit
from redoffice.registry import reference as registry
from redoffice.registry.reference import worker_grids
from redoffice.settings import community
from redoffice.visits.service import PlanQuery, due_counts, due_households
from redoffice.wishes.queries import overdue_claims

State = HouseholdVisitState

LIST_LIMIT = 200


@dataclass(frozen=True)
class GridLoad:
    grid_id: str | None
    label: str
    households: int
    visits_overdue: int
    visits_due_week: int
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
    visits_overdue: Listing
    visits_due_week: Listing
    cases_due_24h: Listing
    cases_overdue: Listing
    awaiting_callback: Listing
    resolutions_open: Listing
    resolutions_overdue: Listing
    claims_overdue: Listing  # 微心愿 claims not contacted by their deadline
    by_grid: list[GridLoad]
    visits_per_month: list[tuple[str, int]]
    cases_by_category: list[tuple[str, int]]
    cases_by_status: list[tuple[str, int]]


def _months(today: date, count: int = 12) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    result = []
    for _ in range(count):
        result.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return result[::-1]


def _visits_per_month(db: Database, today: date, worker: str | None) -> list[tuple[str, int]]:
    """Visits per day over the last 12 months (an index range), summed into months."""
    months = _months(today)
    query = (
        select(Visit.visit_date, func.count())
        .where(
            Visit.visit_date >= date(*months[0], 1),
            Visit.visit_date <= today,
            Visit.deleted.is_(False),
        )
        .group_by(Visit.visit_date)
    )
    if worker:
        query = query.where(
            Visit.household_id.in_(
                select(State.household_id).where(State.grid_id.in_(worker_grids(worker)))
            )
        )
    counts: dict[tuple[int, int], int] = {}
    with db.read() as s:
        for day, n in s.execute(query).all():
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + int(n)
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
    db: Database,
    plan: dict[str | None, tuple[int, int]],
    cases: dict[str | None, tuple[int, int]],
) -> list[GridLoad]:
    with db.read() as s:
        households = {
            g: int(n)
            for g, n in s.execute(select(State.grid_id, func.count()).group_by(State.grid_id))
        }
    shown = None if db.user is None else db.user.grids
    grids: list[tuple[str | None, str]] = [
        (g.id, f"{g.code} {g.name}")
        for g in registry.list_grids(db)
        if shown is None or g.id in shown
    ]
    if shown is None and (households.get(None) or cases.get(None)):
        grids.append((None, "未划分网格"))
    return [
        GridLoad(
            grid_id,
            label,
            households.get(grid_id, 0),
            *plan.get(grid_id, (0, 0)),
            *cases.get(grid_id, (0, 0)),
        )
        for grid_id, label in grids
    ]


def _cases(db: Database, f: CaseFilter) -> Listing:
    return Listing(count_cases(db, f), list_cases(db, f, LIST_LIMIT))


def _resolutions(db: Database, f: ResolutionFilter, today: date) -> Listing:
    return Listing(count_resolutions(db, f, today), list_resolutions(db, f, today, LIST_LIMIT))


def _claims(db: Database, today: date) -> Listing:
    found = overdue_claims(db, today)
    return Listing(len(found), found[:LIST_LIMIT])


NOBODY = "-"  # a staff id no row has: a 网格员 without a staff link sees no grid's work


def _mine_only(db: Database) -> str | None:
    """The staff id a logged-in 网格员's 工作台 is always narrowed to (None: anyone else, who
    may choose the whole community)."""
    user = db.user
    if user is None or user.grids is None:
        return None
    return user.staff_id or NOBODY


def workbench(db: Database, today: date | None = None, worker: str | None = None) -> Workbench:
    """Everything the 工作台 shows; ``worker`` (a staff id) narrows it to that worker's grids
    and cases (resolutions are the community's). A logged-in 网格员 sees their own (“我的”)
    whatever ``worker`` says. Lists hold their first ``LIST_LIMIT`` items and their total. The
    registry figures are ``stats.registry_figures``."""
    today = today or clock.today()
    worker = _mine_only(db) or worker
    week = PlanQuery(today + timedelta(days=6 - today.weekday()), staff_id=worker)
    plan = due_counts(db, week, today)
    overdue = due_households(db, replace(week, due_to=today - timedelta(days=1)), today, LIST_LIMIT)
    upcoming = due_households(db, replace(week, due_from=today), today, LIST_LIMIT)
    by_category, by_status = _cases_by(db, today - timedelta(days=365), worker)
    return Workbench(
        today=today,
        visits_overdue=Listing(sum(p[0] for p in plan.values()), overdue),
        visits_due_week=Listing(sum(p[1] for p in plan.values()), upcoming),
        cases_due_24h=_cases(db, CaseFilter(due_within_hours=24, worker_id=worker, sort="due")),
        cases_overdue=_cases(db, CaseFilter(overdue_only=True, worker_id=worker, sort="due")),
        awaiting_callback=_cases(
            db, CaseFilter(status="resolved", worker_id=worker, sort="resolved")
        ),
        resolutions_open=_resolutions(db, ResolutionFilter(open_only=True), today),
        resolutions_overdue=_resolutions(db, ResolutionFilter(overdue_only=True), today),
        claims_overdue=_claims(db, today),
        by_grid=_grid_loads(db, plan, open_per_grid(db, worker)),
        visits_per_month=_visits_per_month(db, today, worker),
        cases_by_category=sorted(by_category.items(), key=lambda kv: -kv[1]),
        cases_by_status=[(label, by_status.get(code, 0)) for code, label in STATUSES.items()],
    )


@dataclass(frozen=True)
class Scope:
    """What the 工作台's scope offers: “我的” — the operator's staff record (None when the
    operator is not on the staff list) — and, unless the person is a 网格员, the whole
    community."""

    operator: str
    staff_id: str | None
    whole_community: bool


def operator_scope(db: Database) -> Scope:
    """The logged-in person (or, without accounts, the stored 经办人) and their staff record:
    what “我的” narrows the 工作台 to."""
    user = db.user
    if user is None:
        operator = community.operator(db)
        return Scope(operator, registry.staff_named(db, operator), True)
    return Scope(user.name, user.staff_id, user.grids is None)


@dataclass(frozen=True)
class FundCards:
    """The 红色基金 cards: applications waiting on the operator (as a staff member), notices
    ending this calendar week, payments due (notice ended, no open objection)."""

    waiting_on_me: Listing
    notices_ending: Listing
    payments_due: Listing


def fund_cards(db: Database) -> FundCards:
    staff = registry.staff_named(db, community.operator(db))
    mine = fund_queries.waiting_on(db, staff) if staff else []
    ending = fund_queries.notices_ending(db)  # this calendar week, as the card says 本周
    due = fund_queries.payments_due(db)
    return FundCards(
        Listing(len(mine), mine[:LIST_LIMIT]),
        Listing(len(ending), ending[:LIST_LIMIT]),
        Listing(len(due), due[:LIST_LIMIT]),
    )
