"""入户走访: record a visit (its issues become 民情诉求 in the same transaction) and the visit
plan: when each household is due, by the strictest interval among its members' active tags."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redoffice.db import Database
from redoffice.models import Household, Resident, ResidentTag, Staff, Visit, VisitParticipant
from redoffice.services import config
from redoffice.services.cases import CaseInput, open_case
from redoffice.services.households import require_household
from redoffice.services.search import tag_in_force
from redoffice.services.validation import Checker


@dataclass(frozen=True)
class IssueInput:
    """An issue heard during the visit; it becomes a case with source 走访."""

    category: str
    description: str
    urgency: str = "normal"


@dataclass(frozen=True)
class VisitInput:
    household_id: str
    visit_date: date
    visitor_ids: tuple[str, ...]
    purposes: tuple[str, ...]
    start_time: time | None = None
    end_time: time | None = None
    companions: tuple[tuple[str, str], ...] = ()  # (role: party_member|volunteer, name)
    situation: str = ""
    resolved_on_spot: int = 0
    next_visit_date: date | None = None
    notes: str = ""
    issues: tuple[IssueInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DueHousehold:
    household_id: str
    address: str
    grid_id: str | None
    last_visit: date | None
    interval_days: int
    due: date


def _check(s: Session, data: VisitInput) -> list[Staff]:
    c = Checker()
    c.past_date("visit_date", data.visit_date, date.today())
    staff = [s.get(Staff, i) for i in data.visitor_ids]
    if not data.visitor_ids or any(p is None or p.deleted for p in staff):
        c.add("visitors", "visit.visitor_required")
    known = config.get_value(s, "visit.purposes")
    for purpose in data.purposes:
        if purpose not in known:
            c.add("purposes", "visit.purpose_unknown", value=purpose)
    if not data.purposes:
        c.add("purposes", "required")
    if data.start_time and data.end_time and data.end_time < data.start_time:
        c.add("end_time", "date_order")
    if data.resolved_on_spot < 0:
        c.add("resolved_on_spot", "invalid_choice", value=str(data.resolved_on_spot))
    c.text("situation", data.situation, max_len=4000)
    c.raise_if_any()
    return [p for p in staff if p is not None]


def record_visit(db: Database, data: VisitInput) -> str:
    """Save a visit, its participants and one case per issue, all or nothing."""
    with db.uow() as s:
        household = require_household(s, data.household_id)
        staff = _check(s, data)
        visit = Visit(
            household_id=household.id,
            visit_date=data.visit_date,
            start_time=data.start_time,
            end_time=data.end_time,
            purposes=json.dumps(list(data.purposes), ensure_ascii=False),
            situation=data.situation.strip(),
            resolved_on_spot=data.resolved_on_spot,
            next_visit_date=data.next_visit_date,
            notes=data.notes.strip(),
        )
        s.add(visit)
        s.flush()
        for person in staff:
            s.add(
                VisitParticipant(
                    visit_id=visit.id, role="staff", staff_id=person.id, name=person.name
                )
            )
        for role, name in data.companions:
            s.add(VisitParticipant(visit_id=visit.id, role=role, name=name.strip()))
        for issue in data.issues:
            open_case(
                s,
                CaseInput(
                    category=issue.category,
                    description=issue.description,
                    urgency=issue.urgency,
                    source="visit",
                    household_id=household.id,
                ),
                visit=visit,
            )
        return visit.id


def _intervals(s: Session, today: date) -> dict[str, int]:
    """Household id -> the strictest visit interval among its members' active tags."""
    rules: dict[str, int] = config.get_value(s, "visit.intervals")
    tagged = s.execute(
        select(Resident.household_id, ResidentTag.tag)
        .join(ResidentTag, ResidentTag.resident_id == Resident.id)
        .where(
            Resident.deleted.is_(False),
            Resident.status == "active",
            *tag_in_force(today),
            ResidentTag.tag.in_([t for t in rules if t != "*"]),
        )
    ).all()
    result: dict[str, int] = {}
    for household_id, tag in tagged:
        if household_id:
            result[household_id] = min(result.get(household_id, rules["*"]), rules[tag])
    return result


def visit_plan(
    db: Database, today: date | None = None, grid_id: str | None = None, within_days: int = 7
) -> list[DueHousehold]:
    """Households overdue or due within ``within_days``, most overdue first."""
    today = today or date.today()
    with db.read() as s:
        default = int(config.get_value(s, "visit.intervals")["*"])
        intervals = _intervals(s, today)
        last = dict(
            s.execute(
                select(Visit.household_id, func.max(Visit.visit_date))
                .where(Visit.deleted.is_(False))
                .group_by(Visit.household_id)
            ).all()
        )
        query = select(Household.id, Household.address, Household.grid_id).where(
            Household.deleted.is_(False)
        )
        if grid_id:
            query = query.where(Household.grid_id == grid_id)
        households = s.execute(query).all()
    due = []
    for household_id, address, grid in households:
        interval = intervals.get(household_id, default)
        visited = last.get(household_id)
        next_due = visited + timedelta(days=interval) if visited else today
        if next_due <= today + timedelta(days=within_days):
            due.append(DueHousehold(household_id, address, grid, visited, interval, next_due))
    return sorted(due, key=lambda d: (d.due, d.address))
