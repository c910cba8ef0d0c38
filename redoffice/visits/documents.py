"""What the 入户走访记录表 and the 走访覆盖率 print, read from the database, and the PDFs."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Case, Grid, Household, Organization, Staff, Visit, VisitParticipant
from redoffice.registry import search
from redoffice.reports import lists
from redoffice.reports import visits as forms
from redoffice.reports.lists import FigureTable, period_text
from redoffice.reports.visits import Member, VisitFormData
from redoffice.settings import community
from redoffice.settings.calendar import local_date
from redoffice.visits import queries
from redoffice.visits.queries import CoverageRow

ROLES: Final = {"staff": "", "party_member": "（党员）", "volunteer": "（志愿者）"}
COVERAGE_COLUMNS: Final = ("户数", "已走访", "覆盖率")


def _age(born: date | None, on: date) -> str:
    if born is None:
        return ""
    return str(on.year - born.year - ((on.month, on.day) < (born.month, born.day)))


def visit_form_data(
    db: Database, household_id: str | None = None, visit_id: str | None = None
) -> VisitFormData:
    """The form for a household (blank, for field use) or filled from a recorded visit."""
    with db.read() as s:
        visit = s.get(Visit, visit_id) if visit_id else None
        if visit_id and visit is None:
            raise UserError("record.not_found")
        household = s.get(Household, visit.household_id if visit else household_id)
        if household is None:
            raise UserError("household.not_found")
        grid = s.get(Grid, household.grid_id) if household.grid_id else None
        filled = _visit_fields(s, visit) if visit else {}
    members = search.household_members(db, household.id)
    today = clock.today()
    return VisitFormData(
        community=community.heading_name(db),
        grid=grid.name if grid else "",
        address=household.address,
        head=next((m.name for m in members if m.relation == codes.HEAD_OF_HOUSEHOLD), ""),
        members=[
            Member(
                m.name,
                codes.label(codes.RELATIONS, m.relation),
                _age(m.birth_date, today),
                "、".join(m.tags),
            )
            for m in members
        ],
        **filled,
    )


def _visit_fields(s: Session, visit: Visit) -> dict[str, Any]:
    people = s.scalars(
        select(VisitParticipant).where(
            VisitParticipant.visit_id == visit.id, VisitParticipant.deleted.is_(False)
        )
    )
    issues = s.execute(
        select(Case, Staff.name, Organization.name)
        .outerjoin(Staff, Staff.id == Case.assignee_staff_id)
        .outerjoin(Organization, Organization.id == Case.assignee_org_id)
        .where(Case.visit_id == visit.id)
        .order_by(Case.number)
    ).all()
    span = "–".join(t.strftime("%H:%M") for t in (visit.start_time, visit.end_time) if t)
    return {
        "visit_date": visit.visit_date.isoformat(),
        "time_span": span,
        "visitors": "、".join(p.name + ROLES.get(p.role, "") for p in people),
        "purposes": "、".join(json.loads(visit.purposes)),
        "situation": visit.situation,
        "issues": tuple(f"{c.category}：{c.description}（{c.number}）" for c, _, _ in issues),
        "referrals": tuple(
            f"{c.number} 转{staff or org or '社区'}办理，时限 {local_date(c.due_at)}"
            for c, staff, org in issues
        ),
        "resolved_on_spot": f"现场解决问题 {visit.resolved_on_spot} 个",
        "next_visit": visit.next_visit_date.isoformat() if visit.next_visit_date else "",
    }


def visit_form(db: Database, household_id: str | None = None, visit_id: str | None = None) -> bytes:
    """入户走访记录表: blank for a household, or filled from a visit."""
    return forms.visit_form(visit_form_data(db, household_id=household_id, visit_id=visit_id))


def coverage_cells(r: CoverageRow) -> tuple[str, str, str, str]:
    """A 走访覆盖率 row as the screen, the printout and the workbook show it."""
    return (r.label, str(r.households), str(r.visited), f"{r.rate:.1%}")


def coverage_tables(db: Database, start: date, end: date) -> list[FigureTable]:
    """走访覆盖率 of a period, by 网格 (with the total) and by special group."""
    found = queries.coverage_between(db, start, end)
    by_grid = [coverage_cells(r) for r in [*found.by_grid, found.total]]
    by_group = [coverage_cells(r) for r in found.by_group]
    return [
        FigureTable("按网格", ("网格", *COVERAGE_COLUMNS), by_grid),
        FigureTable("按特殊人群", ("特殊人群", *COVERAGE_COLUMNS), by_group),
    ]


def coverage_pdf(db: Database, start: date, end: date) -> bytes:
    """走访覆盖率 of a period, by 网格 and by special group."""
    tables = coverage_tables(db, start, end)
    name = community.heading_name(db)
    return lists.figures(name, "走访覆盖率", period_text(start, end), tables)
