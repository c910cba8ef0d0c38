"""Lists and figures over visits: the visit list and coverage (households visited / households)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from redoffice.kit import clock
from redoffice.kit.codes import TAGS
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.id_lists import IdQuery
from redoffice.kit.records import like_pattern
from redoffice.kit.scope import per_owner
from redoffice.models import (
    Attachment,
    Case,
    Grid,
    Household,
    Resident,
    ResidentTag,
    Visit,
    VisitParticipant,
)
from redoffice.registry.search import tag_in_force


@dataclass(frozen=True)
class VisitQuery:
    text: str = ""
    grid_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class VisitRow:
    id: str
    household_id: str
    visit_date: date
    address: str
    grid: str
    visitors: str
    purposes: str
    issues: int
    attachments: int
    situation: str


SORTS: Final = {"date": Visit.visit_date, "address": Household.address_sort}


def _visit_select(q: VisitQuery) -> Select[Any]:
    order = SORTS.get(q.sort, Visit.visit_date)
    query = (
        select(Visit.id)
        .join(Household, Household.id == Visit.household_id)
        .where(Visit.deleted.is_(False))
        .order_by(order.desc() if q.descending else order, Visit.id.desc())
    )
    if q.grid_id:
        query = query.where(Household.grid_id == q.grid_id)
    if q.date_from:
        query = query.where(Visit.visit_date >= q.date_from)
    if q.date_to:
        query = query.where(Visit.visit_date <= q.date_to)
    if q.text.strip():
        query = query.where(Household.address.like(like_pattern(q.text.strip()), escape="\\"))
    return query


def visit_ids(db: Database, q: VisitQuery) -> list[str]:
    """Ids of the matching visits, newest first unless asked otherwise."""
    return visit_id_query(db, q)()


def visit_id_query(db: Database, q: VisitQuery) -> IdQuery:
    """:func:`visit_ids` as a list's job, which can also read the first page alone."""
    return IdQuery(db, _visit_select(q))


def visit_rows(db: Database, ids: Sequence[str]) -> list[VisitRow]:
    """Rows for the given ids, in the same order."""
    wanted = list(ids)
    with db.read() as s:
        visits = s.execute(
            select(Visit, Household.address, Grid.name)
            .join(Household, Household.id == Visit.household_id)
            .outerjoin(Grid, Grid.id == Household.grid_id)
            .where(Visit.id.in_(wanted))
        ).all()
        people: dict[str, list[str]] = {}
        for visit_id, name in s.execute(
            select(VisitParticipant.visit_id, VisitParticipant.name)
            .where(VisitParticipant.visit_id.in_(wanted), VisitParticipant.deleted.is_(False))
            .order_by(VisitParticipant.role, VisitParticipant.id)
        ):
            people.setdefault(visit_id, []).append(name)
        issues = {
            str(k): int(n)
            for k, n in s.execute(
                select(Case.visit_id, func.count())
                .where(Case.visit_id.in_(wanted), Case.deleted.is_(False))
                .group_by(Case.visit_id)
            ).all()
        }
        files = {
            k: int(n)
            for k, n in s.execute(
                select(Attachment.owner_id, func.count())
                .where(
                    Attachment.owner_table == "visit",
                    Attachment.owner_id.in_(wanted),
                    Attachment.deleted.is_(False),
                )
                .group_by(Attachment.owner_id)
            ).all()
        }
    rows = {
        v.id: VisitRow(
            v.id,
            v.household_id,
            v.visit_date,
            address,
            grid or "",
            "、".join(people.get(v.id, [])),
            "、".join(json.loads(v.purposes)),
            issues.get(v.id, 0),
            files.get(v.id, 0),
            v.situation,
        )
        for v, address, grid in visits
    }
    return [rows[i] for i in wanted if i in rows]


PERIODS: Final = MappingProxyType({"month": "本月", "quarter": "本季度", "year": "本年度"})


@dataclass(frozen=True)
class CoverageRow:
    key: str
    label: str
    households: int
    visited: int

    @property
    def rate(self) -> float:
        return self.visited / self.households if self.households else 0.0


@dataclass(frozen=True)
class Coverage:
    period: str
    start: date
    end: date
    total: CoverageRow
    by_grid: list[CoverageRow]
    by_group: list[CoverageRow]


def period_bounds(period: str, today: date) -> tuple[date, date]:
    """First and last day of the month, quarter or year containing ``today``."""
    if period == "year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    first_month = today.month if period == "month" else (today.month - 1) // 3 * 3 + 1
    months = 1 if period == "month" else 3
    start = date(today.year, first_month, 1)
    after = date(today.year + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
    return start, after - timedelta(days=1)


def coverage(db: Database, period: str = "month", today: date | None = None) -> Coverage:
    """Households visited in this month, quarter or year / households."""
    if period not in PERIODS:
        raise UserError("invalid_choice", value=period)
    today = today or clock.today()
    return coverage_between(db, *period_bounds(period, today), period=period, today=today)


def coverage_between(
    db: Database, start: date, end: date, period: str = "range", today: date | None = None
) -> Coverage:
    """Households visited from ``start`` to ``end`` (inclusive) / households, in all, per 网格
    and per special group (the groups as of ``today``), each row counted by the database (no
    household or tag is loaded: a street's 400,000 residents' tags stay on the server)."""
    if end < start:
        raise UserError("date_order")
    today = today or clock.today()
    with db.read() as s:
        by_grid = _covered_by_grid(s, start, end)
        by_group = _covered_by_group(s, start, end, today)
    households, visited = sum(r.households for r in by_grid), sum(r.visited for r in by_grid)
    return Coverage(
        period,
        start,
        end,
        CoverageRow("", "全社区", households, visited),  # every live household has one row
        sorted(by_grid, key=lambda r: r.label),
        [by_group[t] for t in TAGS if t in by_group],
    )


def coverage_by_owner(db: Database, start: date, end: date) -> dict[str, CoverageRow]:
    """:func:`coverage_between`'s 全社区 row of each community whose rows the read shows (a
    street), by node id, in one statement (no household, 网格 or group is loaded); a
    community without households has no key."""
    if end < start:
        raise UserError("date_order")
    with db.read() as s:
        return _covered(s, start, end)


def _visited(start: date, end: date) -> Subquery:
    """The households visited from ``start`` to ``end`` (inclusive), each once: a derived
    table the figures join (a hash join whatever the period). Asked as ``IN (visits of the
    period)`` instead, PostgreSQL re-read that list for every household once it outgrew
    ``work_mem`` (a year's 187,017 visits at the street: minutes)."""
    return (
        select(Visit.household_id)
        .where(Visit.deleted.is_(False), Visit.visit_date.between(start, end))
        .distinct()
        .subquery("visited")
    )


def _covered(s: Session, start: date, end: date) -> dict[str, CoverageRow]:
    """Live households and how many of them were visited in the period, counted by the
    database per owner."""
    visited = _visited(start, end)
    query = (
        per_owner(Household.owner_node, func.count(), func.count(visited.c.household_id))
        .outerjoin(visited, visited.c.household_id == Household.id)
        .where(Household.deleted.is_(False))
    )
    return {
        owner: CoverageRow(owner, "全社区", int(n or 0), int(seen or 0))
        for owner, n, seen in s.execute(query)
    }


def _covered_by_grid(s: Session, start: date, end: date) -> list[CoverageRow]:
    """Live households and those visited in the period, per 网格 (未划分网格: none)."""
    visited = _visited(start, end)
    query = (
        select(Household.grid_id, Grid.name, func.count(), func.count(visited.c.household_id))
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(visited, visited.c.household_id == Household.id)
        .where(Household.deleted.is_(False))
        .group_by(Household.grid_id, Grid.name)
    )
    return [
        CoverageRow(grid_id or "", name or "未划分网格", int(n), int(seen or 0))
        for grid_id, name, n, seen in s.execute(query)
    ]


def _covered_by_group(s: Session, start: date, end: date, today: date) -> dict[str, CoverageRow]:
    """Per special group (by tag): the households with an active member in it ``today``, and
    those of them visited in the period."""
    household = Resident.household_id
    visited = _visited(start, end)
    query = (
        select(
            ResidentTag.tag,
            func.count(household.distinct()),
            func.count(visited.c.household_id.distinct()),
        )
        .join(Resident, Resident.id == ResidentTag.resident_id)
        .outerjoin(visited, visited.c.household_id == household)
        .where(
            Resident.deleted.is_(False),
            Resident.status == "active",
            household.is_not(None),
            *tag_in_force(today),
        )
        .group_by(ResidentTag.tag)
    )
    return {
        tag: CoverageRow(tag, TAGS[tag], int(n), int(visited or 0))
        for tag, n, visited in s.execute(query)
        if tag in TAGS
    }
