"""Lists and figures over 民情诉求: the case list, overdue cases, 办结率/按时办结率/满意率."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import ColumnElement, Row, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from redoffice.cases.service import (
    OPEN,
    SATISFACTIONS,
    SOURCES,
    STATUSES,
    URGENCIES,
    TimelineEntry,
    timeline,
)
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import contains
from redoffice.kit.scope import owned
from redoffice.kit.validation import mask_name
from redoffice.models import Case, Grid, Household, Organization, Resident, Staff
from redoffice.registry.reference import worker_grids
from redoffice.settings.calendar import end_of_day, local_date


@dataclass(frozen=True)
class CaseRow:
    id: str
    number: str
    accepted_on: date
    source: str
    reporter_masked: str
    category: str
    description: str
    urgency: str
    assignee: str
    due_at: datetime
    status: str
    status_code: str
    resolved_on: date | None
    satisfaction: str
    overdue: bool
    escalated: bool
    grid_id: str | None
    grid: str
    address: str


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    open_only: bool = False
    overdue_only: bool = False
    date_from: date | None = None
    date_to: date | None = None
    category: str | None = None
    grid_id: str | None = None
    worker_id: str | None = None
    due_within_hours: int | None = None
    text: str = ""
    sort: str = "number"
    descending: bool = False
    # a meeting's agenda: the cases of these 小区's households and those tied to no household
    estate_ids: tuple[str, ...] | None = None


SORTS: Final = {
    "number": Case.number,
    "accepted": Case.accepted_at,
    "due": Case.due_at,
    "status": Case.status,
    "category": Case.category,
    "urgency": Case.urgency,
    "resolved": Case.resolved_at,
}


def _select(db: Database) -> Select[Any]:
    """Case columns (plain rows, no ORM objects: lists of thousands stay fast) and the names
    of reporter, assignee, 网格 and address."""
    reporter = aliased(Resident)
    return (
        select(
            Case.__table__,
            reporter.name.label("resident_name"),
            Staff.name.label("staff_name"),
            Organization.name.label("org_name"),
            Grid.id.label("grid_ref"),
            Grid.name.label("grid_name"),
            Household.address.label("household_address"),
        )
        .outerjoin(reporter, reporter.id == Case.reporter_resident_id)
        .outerjoin(Staff, Staff.id == Case.assignee_staff_id)
        .outerjoin(Organization, Organization.id == Case.assignee_org_id)
        .outerjoin(Household, Household.id == Case.household_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(owned(db, Case.__table__))
    )


def conditions(f: CaseFilter, now: datetime) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Case.deleted.is_(False)]
    if f.status:
        cond.append(Case.status == f.status)
    if f.open_only:
        cond.append(Case.status.in_(OPEN))
    if f.overdue_only:
        cond += [Case.status.in_(OPEN), Case.due_at < now]
    if f.due_within_hours is not None:
        cond += [
            Case.status.in_(OPEN),
            Case.due_at.between(now, now + timedelta(hours=f.due_within_hours)),
        ]
    if f.date_from:
        cond.append(Case.accepted_at > end_of_day(f.date_from - timedelta(days=1)))
    if f.date_to:
        cond.append(Case.accepted_at <= end_of_day(f.date_to))
    if f.category:
        cond.append(Case.category == f.category)
    if f.worker_id:
        cond.append(
            or_(
                Case.assignee_staff_id == f.worker_id,
                Case.household_id.in_(
                    select(Household.id).where(Household.grid_id.in_(worker_grids(f.worker_id)))
                ),
            )
        )
    if f.grid_id:
        cond.append(
            Case.household_id.in_(select(Household.id).where(Household.grid_id == f.grid_id))
        )
    if f.estate_ids is not None:
        cond.append(_about_estates(f.estate_ids))
    cond += contains(f.text, Case.number, Case.description, Case.place)
    return cond


def _about_estates(estate_ids: tuple[str, ...]) -> ColumnElement[bool]:
    """A case of a household in one of the 小区, or one tied to no household (heard at the
    office, about a public place): it may concern any 小区."""
    in_estates = select(Household.id).where(Household.estate_id.in_(estate_ids))
    return or_(Case.household_id.is_(None), Case.household_id.in_(in_estates))


def case_ids(db: Database, f: CaseFilter = CaseFilter()) -> list[str]:
    """Ids of the matching cases in the requested order (for the lazy case list)."""
    query = select(Case.id).where(*conditions(f, utcnow())).order_by(*_order(f))
    with db.read() as s:
        return list(s.scalars(query))


def case_rows(db: Database, ids: Sequence[str]) -> list[CaseRow]:
    """Rows for the given ids, in the same order."""
    now = utcnow()
    with db.read() as s:
        rows = s.execute(_select(db).where(Case.id.in_(list(ids)))).all()
    by_id = {r.id: _row(r, now) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def _order(f: CaseFilter) -> tuple[Any, ...]:
    column = SORTS.get(f.sort, Case.number)
    return (column.desc() if f.descending else column, Case.number)


def list_cases(
    db: Database, f: CaseFilter = CaseFilter(), limit: int | None = None
) -> list[CaseRow]:
    """Cases in the filter's order (number by default), at most ``limit``; reporters' names
    masked, overdue derived from now."""
    now = utcnow()
    query = _select(db).where(*conditions(f, now)).order_by(*_order(f)).limit(limit)
    with db.read() as s:
        rows = s.execute(query).all()
    return [_row(r, now) for r in rows]


def count_cases(db: Database, f: CaseFilter) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(*conditions(f, utcnow()))) or 0)


def open_per_grid(db: Database, worker_id: str | None = None) -> dict[str | None, tuple[int, int]]:
    """Per 网格 of the household concerned: (open cases, of which overdue)."""
    now = utcnow()
    late = func.sum(case((Case.due_at < now, 1), else_=0))
    query = (
        select(Household.grid_id, func.count(), late)
        .select_from(Case)
        .outerjoin(Household, Household.id == Case.household_id)
        .where(*conditions(CaseFilter(open_only=True, worker_id=worker_id), now))
        .group_by(Household.grid_id)
    )
    with db.read() as s:
        return {g: (int(n), int(overdue or 0)) for g, n, overdue in s.execute(query).all()}


def _row(r: Row[Any], now: datetime) -> CaseRow:
    name = r.resident_name or r.reporter_name
    return CaseRow(
        id=r.id,
        number=r.number,
        accepted_on=local_date(r.accepted_at),
        source=SOURCES.get(r.source, r.source),
        reporter_masked=mask_name(name) if name else "匿名",
        category=r.category,
        description=r.description,
        urgency=URGENCIES.get(r.urgency, r.urgency),
        assignee=r.staff_name or r.org_name or "",
        due_at=r.due_at,
        status=STATUSES.get(r.status, r.status),
        status_code=r.status,
        resolved_on=local_date(r.resolved_at) if r.resolved_at else None,
        satisfaction=SATISFACTIONS.get(r.satisfaction or "", ""),
        overdue=r.status in OPEN and r.due_at < now,
        escalated=bool(r.escalated),
        grid_id=r.grid_ref,
        grid=r.grid_name or "",
        address=r.household_address or "",
    )


STATS_BY: Final = MappingProxyType({"category": "类别", "grid": "网格", "month": "月份"})


@dataclass(frozen=True)
class CaseStatsRow:
    """办结率 = closed / total; 按时办结率 = closed by the deadline / closed;
    满意率 = (满意 + 基本满意) / called back, by each case's latest call-back. A case reopened
    after 不满意 counts as not closed (and as not satisfied until called back again)."""

    key: str
    total: int = 0
    closed: int = 0
    closed_on_time: int = 0
    called_back: int = 0
    satisfied: int = 0

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def closure_rate(self) -> float | None:
        return self._rate(self.closed, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return self._rate(self.closed_on_time, self.closed)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._rate(self.satisfied, self.called_back)


def case_stats(
    db: Database, by: str, date_from: date | None = None, date_to: date | None = None
) -> tuple[CaseStatsRow, list[CaseStatsRow]]:
    """The total and one row per category, 网格 or month (of acceptance, Beijing time)."""
    if by not in STATS_BY:
        raise UserError("invalid_choice", value=by)
    rows = _grouped_stats(db, by, date_from, date_to)
    total = CaseStatsRow("合计", *(sum(column) for column in zip(*rows.values(), strict=True)))
    return total, sorted((CaseStatsRow(k, *v) for k, v in rows.items()), key=lambda r: r.key)


def case_stats_by_owner(
    db: Database, date_from: date | None = None, date_to: date | None = None
) -> dict[str, CaseStatsRow]:
    """:func:`case_stats`' total of each community whose rows the read shows (a street), by
    node id, in one statement; a community without cases in the period has no key."""
    rows = _grouped_stats(db, "owner", date_from, date_to)
    return {owner: CaseStatsRow(owner, *counts) for owner, counts in rows.items()}


def _grouped_stats(
    db: Database, by: str, date_from: date | None, date_to: date | None
) -> dict[str, list[int]]:
    """Key -> [受理, 办结, 按期办结, 回访, 满意] of the cases accepted in the period."""
    closed, called = Case.resolved_at.is_not(None), Case.called_back_at.is_not(None)
    flags = (  # counted by the database: no date is read back for them
        case((closed, 1), else_=0),
        case((and_(closed, Case.resolved_at <= Case.due_at), 1), else_=0),
        case((called, 1), else_=0),
        case((and_(called, Case.satisfaction.in_(("satisfied", "basically"))), 1), else_=0),
    )
    grouping = {
        "category": Case.category,
        "grid": Grid.name,
        "month": Case.accepted_at,
        "owner": Case.owner_node,
    }[by]
    query = (
        select(grouping, *flags)
        .select_from(Case)
        .outerjoin(Household, Household.id == Case.household_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(*conditions(CaseFilter(date_from=date_from, date_to=date_to), utcnow()))
    )
    sums: dict[str, list[int]] = {}
    with db.read() as s:
        for value, *facts in s.execute(query):
            counts = sums.setdefault(_stats_key(by, value), [0, 0, 0, 0, 0])
            counts[0] += 1
            for n, fact in enumerate(facts, start=1):
                counts[n] += int(fact)
    return sums


def _stats_key(by: str, value: Any) -> str:
    """The group of one case: its category, its household's 网格, or its month (Beijing)."""
    if by == "month":
        return f"{local_date(value):%Y-%m}"
    if by == "grid":
        return str(value or "未划分网格")
    return str(value)


def case_with_timeline(db: Database, case_id: str) -> tuple[list[CaseRow], list[TimelineEntry]]:
    """The case's row (none when it has gone) and its timeline, for the case list's detail."""
    return case_rows(db, [case_id]), timeline(db, case_id)
