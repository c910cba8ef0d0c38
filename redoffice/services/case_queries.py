"""Lists and figures over 民情诉求: the case list, overdue cases, 办结率/按时办结率/满意率."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from redoffice.db import Database
from redoffice.models import Case, Grid, Household, Organization, Resident, Staff
from redoffice.models.base import utcnow
from redoffice.services.calendar import end_of_day, local_date
from redoffice.services.cases import OPEN, SATISFACTIONS, SOURCES, STATUSES, URGENCIES
from redoffice.services.validation import mask_name


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
    resolved_on: date | None
    satisfaction: str
    overdue: bool
    escalated: bool
    grid: str
    address: str


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    overdue_only: bool = False
    date_from: date | None = None
    date_to: date | None = None


def _select() -> Select[Case, str, str, str, str, str]:
    reporter = aliased(Resident)
    return (
        select(Case, reporter.name, Staff.name, Organization.name, Grid.name, Household.address)
        .outerjoin(reporter, reporter.id == Case.reporter_resident_id)
        .outerjoin(Staff, Staff.id == Case.assignee_staff_id)
        .outerjoin(Organization, Organization.id == Case.assignee_org_id)
        .outerjoin(Household, Household.id == Case.household_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(Case.deleted.is_(False))
        .order_by(Case.number)
    )


def _reporter(case: Case, resident_name: str | None) -> str:
    name = resident_name or case.reporter_name
    return mask_name(name) if name else "匿名"


def list_cases(db: Database, f: CaseFilter = CaseFilter()) -> list[CaseRow]:
    """Cases in number order; reporters' names masked, overdue derived from now."""
    now = utcnow()
    query = _select()
    if f.status:
        query = query.where(Case.status == f.status)
    if f.overdue_only:
        query = query.where(Case.status.in_(OPEN), Case.due_at < now)
    if f.date_from:
        query = query.where(Case.accepted_at > end_of_day(f.date_from - timedelta(days=1)))
    if f.date_to:
        query = query.where(Case.accepted_at <= end_of_day(f.date_to))
    with db.read() as s:
        rows = s.execute(query).all()
    result = []
    for case, reporter, staff, org, grid, address in rows:
        accepted = local_date(case.accepted_at)
        result.append(
            CaseRow(
                id=case.id,
                number=case.number,
                accepted_on=accepted,
                source=SOURCES.get(case.source, case.source),
                reporter_masked=_reporter(case, reporter),
                category=case.category,
                description=case.description,
                urgency=URGENCIES.get(case.urgency, case.urgency),
                assignee=staff or org or "",
                due_at=case.due_at,
                status=STATUSES.get(case.status, case.status),
                resolved_on=local_date(case.resolved_at) if case.resolved_at else None,
                satisfaction=SATISFACTIONS.get(case.satisfaction or "", ""),
                overdue=case.status in OPEN and case.due_at < now,
                escalated=case.escalated,
                grid=grid or "",
                address=address or "",
            )
        )
    return result
