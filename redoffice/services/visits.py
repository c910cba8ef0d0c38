"""入户走访: record a visit (its issues become 民情诉求 in the same transaction) and the visit
plan: when each household is due, by the strictest interval among its members' active tags."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from redoffice.codes import ORGANIZATION_KINDS
from redoffice.db import Database
from redoffice.models import (
    Grid,
    Household,
    Resident,
    ResidentTag,
    Staff,
    Visit,
    VisitParticipant,
)
from redoffice.services import attachments, community, config, registry
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
    attachments: tuple[Path, ...] = ()


@dataclass(frozen=True)
class DueHousehold:
    household_id: str
    address: str
    grid_id: str | None
    grid: str
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
    """Save a visit, its participants, attachments and one case per issue, all or nothing."""
    if not data.household_id:
        missing = Checker()
        missing.add("household_id", "required")
        missing.raise_if_any()
    files = attachments.store_files(db, data.attachments)
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
        attachments.link(s, "visit", visit.id, files)
        return visit.id


def _intervals(s: Session, today: date) -> dict[str, int]:
    """Household id -> the strictest visit interval among its members' active tags."""
    rules: dict[str, int] = config.get_value(s, "visit.intervals")
    result: dict[str, int] = {}
    for household_id, tag in household_tags(s, today, [t for t in rules if t != "*"]):
        result[household_id] = min(result.get(household_id, rules["*"]), rules[tag])
    return result


def household_tags(s: Session, today: date, tags: list[str] | None = None) -> list[tuple[str, str]]:
    """(household id, tag) for each active member's tag in force ``today``."""
    query = (
        select(Resident.household_id, ResidentTag.tag)
        .join(ResidentTag, ResidentTag.resident_id == Resident.id)
        .where(
            Resident.deleted.is_(False),
            Resident.status == "active",
            Resident.household_id.is_not(None),
            *tag_in_force(today),
        )
        .distinct()
    )
    if tags is not None:
        query = query.where(ResidentTag.tag.in_(tags))
    return [(str(h), str(t)) for h, t in s.execute(query).all()]


def households_in(
    s: Session, grid_id: str | None = None, staff_id: str | None = None
) -> Sequence[Row[str, str, str | None, str | None]]:
    query = (
        select(Household.id, Household.address, Household.grid_id, Grid.name)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(Household.deleted.is_(False))
    )
    if grid_id:
        query = query.where(Household.grid_id == grid_id)
    if staff_id:
        query = query.where(Household.grid_id.in_(registry.worker_grids(staff_id)))
    return s.execute(query).all()


def _last_visits(s: Session) -> dict[str, tuple[date, date | None]]:
    """Household id -> (last visit date, latest planned next visit)."""
    rows = s.execute(
        select(Visit.household_id, func.max(Visit.visit_date), func.max(Visit.next_visit_date))
        .where(Visit.deleted.is_(False))
        .group_by(Visit.household_id)
    ).all()
    return {h: (last, planned) for h, last, planned in rows}


def _next_due(
    visited: tuple[date, date | None] | None, interval: int, today: date
) -> tuple[date | None, date]:
    if visited is None:
        return None, today
    last, planned = visited
    due = last + timedelta(days=interval)
    if planned is not None and last < planned < due:
        due = planned
    return last, due


def visit_plan(
    db: Database,
    today: date | None = None,
    grid_id: str | None = None,
    within_days: int = 7,
    staff_id: str | None = None,
) -> list[DueHousehold]:
    """Households overdue or due within ``within_days``, most overdue first; for one 网格 or
    the grids one worker looks after. A visit's planned next date brings the due date forward."""
    today = today or date.today()
    with db.read() as s:
        default = int(config.get_value(s, "visit.intervals")["*"])
        intervals = _intervals(s, today)
        visits = _last_visits(s)
        households = households_in(s, grid_id, staff_id)
    horizon = today + timedelta(days=within_days)
    due = []
    for household_id, address, grid, grid_name in households:
        interval = intervals.get(household_id, default)
        last, next_due = _next_due(visits.get(household_id), interval, today)
        if next_due <= horizon:
            due.append(
                DueHousehold(household_id, address, grid, grid_name or "", last, interval, next_due)
            )
    return sorted(due, key=lambda d: (d.due, d.address))


@dataclass(frozen=True)
class EntryChoices:
    """What the visit and case forms offer: staff, purposes, categories, and the operator's
    own staff record (ticked as visitor by default)."""

    staff: list[tuple[str, str]]
    purposes: list[str]
    categories: list[str]
    organizations: list[tuple[str, str]]
    operator_staff_id: str | None


def entry_choices(db: Database) -> EntryChoices:
    with db.read() as s:
        purposes = list(config.get_value(s, "visit.purposes"))
        categories = list(config.get_value(s, "case.categories"))
    organizations = [
        (f"{ORGANIZATION_KINDS[o.kind]}：{o.name}", o.id)
        for o in registry.list_organizations(db)
        if o.kind in ("property_company", "owners_committee", "street_department")
    ]
    return EntryChoices(
        registry.staff_choices(db),
        purposes,
        categories,
        organizations,
        registry.staff_named(db, community.operator(db)),
    )
