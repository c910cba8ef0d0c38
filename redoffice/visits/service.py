"""入户走访: record a visit (its issues become 民情诉求 in the same transaction) and the visit
plan: when each household is due, by the strictest interval among its members' active tags."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from redoffice.attachments import service as attachments
from redoffice.cases.service import CaseInput, open_case
from redoffice.kit import clock
from redoffice.kit.codes import HEAD_OF_HOUSEHOLD, ORGANIZATION_KINDS, RELATIONS, label
from redoffice.kit.db import Database
from redoffice.kit.validation import Checker
from redoffice.models import (
    Grid,
    Household,
    HouseholdVisitState,
    Resident,
    Staff,
    Visit,
    VisitParticipant,
)
from redoffice.registry import reference as registry
from redoffice.registry.households import require_household
from redoffice.settings import community, config
from redoffice.visits import state as visit_state

State = HouseholdVisitState


@dataclass(frozen=True)
class IssueInput:
    """An issue heard during the visit; it becomes a case with source 走访, accepted like one
    on the 民情诉求 page: the same fields, 承办人/承办单位 included, and the same timeline."""

    category: str
    description: str
    urgency: str = "normal"
    reporter_resident_id: str | None = None  # who raised it; else the household's person
    assignee_staff_id: str | None = None
    assignee_org_id: str | None = None

    def case_input(self, household_id: str, reporter: str | None) -> CaseInput:
        """The request this issue is, raised by ``reporter`` unless the issue names someone."""
        return CaseInput(
            category=self.category,
            description=self.description,
            urgency=self.urgency,
            source="visit",
            household_id=household_id,
            reporter_resident_id=self.reporter_resident_id or reporter,
            assignee_staff_id=self.assignee_staff_id,
            assignee_org_id=self.assignee_org_id,
        )


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


# household, address, 网格 id and name, last visit, interval, due date
PlanSelect = Select[str, str, str | None, str, date | None, int, date]


def _check(s: Session, data: VisitInput) -> list[Staff]:
    c = Checker()
    c.past_date("visit_date", data.visit_date, clock.today())
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
        c.add("end_time", "time_order")
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
        reporter = visited_person(s, household.id) if data.issues else None
        for issue in data.issues:
            open_case(s, issue.case_input(household.id, reporter), visit=visit)
        attachments.link(s, "visit", visit.id, files)
        return visit.id


def _people(household_id: str) -> Select[str, str, str]:
    """The household's members living there: the head first, then the eldest."""
    return (
        select(Resident.id, Resident.name, Resident.relation)
        .where(
            Resident.household_id == household_id,
            Resident.deleted.is_(False),
            Resident.status == "active",
        )
        .order_by(
            case((Resident.relation == HEAD_OF_HOUSEHOLD, 0), else_=1),
            Resident.birth_date.is_(None),
            Resident.birth_date,
        )
    )


def visited_person(s: Session, household_id: str) -> str | None:
    """Whom a visit's issue is heard from unless told: the household's head, else its eldest
    member living there; None for a household with nobody registered."""
    return s.scalar(_people(household_id).with_only_columns(Resident.id).limit(1))


def household_people(db: Database, household_id: str) -> list[tuple[str, str]]:
    """(label, id) of whom a visit's issue can be heard from, the default first."""
    with db.read() as s:
        return [
            (f"{name}（{label(RELATIONS, relation)}）", resident_id)
            for resident_id, name, relation in s.execute(_people(household_id))
        ]


@dataclass(frozen=True)
class PlanQuery:
    """Households due up to ``due_to`` (and from ``due_from``), for one 网格 or the grids one
    worker looks after."""

    due_to: date
    due_from: date | None = None
    grid_id: str | None = None
    staff_id: str | None = None


def bring_plan_current(db: Database, today: date | None = None) -> bool:
    """Recompute the due dates when they were computed on another day (or not yet): a write,
    run when the program starts and when a new day begins — never inside a read. True when it
    recomputed; a plan already current costs one read and writes nothing."""
    today = today or clock.today()
    with db.read() as s:
        if not visit_state.is_stale(s.connection(), today):
            return False
    with db.uow() as s:
        return visit_state.ensure_current(s.connection(), today)


def plan_conditions(q: PlanQuery) -> list[ColumnElement[bool]]:
    cond = [State.due_date <= q.due_to]
    if q.due_from:
        cond.append(State.due_date >= q.due_from)
    if q.grid_id:
        cond.append(State.grid_id == q.grid_id)
    if q.staff_id:
        cond.append(State.grid_id.in_(registry.worker_grids(q.staff_id)))
    return cond


def due_households(
    db: Database, q: PlanQuery, today: date, limit: int | None = None
) -> list[DueHousehold]:
    """Due households, most overdue first (read through the due-date index). A read: the
    state is as the last write or :func:`bring_plan_current` left it."""
    query = (
        plan_select()
        .where(*plan_conditions(q))
        .order_by(State.due_date, Household.address_sort)
        .limit(limit)
    )
    with db.read() as s:
        return due_rows(s, query)


def plan_select() -> PlanSelect:
    """The columns of a 走访计划 row, joined to the household and its 网格."""
    return (
        select(
            State.household_id,
            Household.address,
            State.grid_id,
            Grid.name,
            State.last_visit_date,
            State.interval_days,
            State.due_date,
        )
        .join(Household, Household.id == State.household_id)
        .outerjoin(Grid, Grid.id == State.grid_id)
    )


def due_rows(s: Session, query: PlanSelect) -> list[DueHousehold]:
    """The rows of a query built on :func:`plan_select`."""
    return [
        DueHousehold(h, address, grid_id, grid or "", last, interval, due)
        for h, address, grid_id, grid, last, interval, due in s.execute(query).all()
    ]


def due_counts(db: Database, q: PlanQuery, today: date) -> dict[str | None, tuple[int, int]]:
    """Per 网格: (households overdue, households due from today on), up to ``q.due_to``."""
    overdue = func.sum(case((State.due_date < today, 1), else_=0))
    query = (
        select(State.grid_id, overdue, func.count())
        .where(*plan_conditions(q))
        .group_by(State.grid_id)
    )
    with db.read() as s:
        return {
            g: (int(late or 0), int(n) - int(late or 0)) for g, late, n in s.execute(query).all()
        }


def visit_plan(
    db: Database,
    today: date | None = None,
    grid_id: str | None = None,
    within_days: int = 7,
    staff_id: str | None = None,
) -> list[DueHousehold]:
    """Households overdue or due within ``within_days``, most overdue first; for one 网格 or
    the grids one worker looks after. A visit's planned next date brings the due date forward."""
    today = today or clock.today()
    query = PlanQuery(today + timedelta(days=within_days), None, grid_id, staff_id)
    return due_households(db, query, today)


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
