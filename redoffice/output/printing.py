"""Plain data for the printed forms and workbooks, read from the database and masked for print."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.cases.queries import CaseFilter, CaseStatsRow, list_cases
from redoffice.kit import codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.validation import mask_phone
from redoffice.meetings import resolutions
from redoffice.meetings import service as meetings
from redoffice.meetings.resolutions import ResolutionRow
from redoffice.models import Case, Grid, Household, Organization, Staff, Visit, VisitParticipant
from redoffice.registry import search
from redoffice.reports.forms import LedgerRow, Member, VisitFormData
from redoffice.reports.meetings import (
    AttendeeLine,
    FollowUpLine,
    ItemBlock,
    MeetingSheet,
    ResolutionLine,
)
from redoffice.settings import community
from redoffice.settings.calendar import local_date
from redoffice.visits.queries import CoverageRow

ROLES = {"staff": "", "party_member": "（党员）", "volunteer": "（志愿者）"}


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
    today = date.today()
    return VisitFormData(
        community=community.identity(db).community_name,
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


def ledger_rows(db: Database, date_from: date | None, date_to: date | None) -> list[LedgerRow]:
    """民情台账 rows for cases accepted in the period (inclusive)."""
    rows = list_cases(db, CaseFilter(date_from=date_from, date_to=date_to))
    return [
        LedgerRow(
            number=r.number,
            accepted=r.accepted_on.isoformat(),
            source=r.source,
            reporter=r.reporter_masked,
            category=r.category,
            summary=r.description if len(r.description) <= 80 else r.description[:79] + "…",
            assignee=r.assignee,
            due=local_date(r.due_at).isoformat(),
            status=r.status + ("（逾期）" if r.overdue else ""),
            resolved=r.resolved_on.isoformat() if r.resolved_on else "",
            call_back=r.satisfaction,
        )
        for r in rows
    ]


def meeting_sheet(db: Database, meeting_id: str) -> MeetingSheet:
    """The meeting for its 签到表 and 纪要; phones masked, carried-forward resolutions with their
    current state and latest progress."""
    detail = meetings.get_meeting(db, meeting_id)
    data, minutes = detail.data, detail.minutes
    by_id = {
        r.id: r
        for r in resolutions.get_resolutions(
            db,
            [i.carried_resolution_id for i in minutes.items if i.carried_resolution_id]
            + [r.id for i in minutes.items for r in i.resolutions if r.id],
        )
    }
    carried = [
        _line(by_id[i.carried_resolution_id])
        for i in minutes.items
        if i.carried_resolution_id in by_id
    ]
    present = {a.party for a in minutes.attendees if a.attendance != "absent"}
    when = data.meeting_date.isoformat() + (f" {data.start_time:%H:%M}" if data.start_time else "")
    return MeetingSheet(
        community=community.identity(db).community_name,
        title=data.title,
        kind=data.kind,
        when=when,
        place=data.place,
        estates="、".join(detail.estate_names),
        convener=data.convener,
        host=data.host,
        recorder=data.recorder,
        attendees=[
            AttendeeLine(
                meetings.PARTIES[a.party],
                a.name,
                a.unit,
                a.post,
                mask_phone(a.phone),
                meetings.ATTENDANCE[a.attendance],
                a.note,
            )
            for a in minutes.attendees
        ],
        carried=carried,
        items=[
            ItemBlock(
                i.title,
                i.discussion,
                [_line(by_id[r.id]) for r in i.resolutions if r.id in by_id],
            )
            for i in minutes.items
            if i.source != "carried"
        ],
        next_meeting=minutes.next_meeting,
        signing_parties=[
            label
            for code, label in meetings.PARTIES.items()
            if code in meetings.SIGNING_PARTIES or code in present
        ],
        revision=f"第 {detail.revision} 次修订" if detail.revision else "",
    )


def _line(r: ResolutionRow) -> ResolutionLine:
    return ResolutionLine(
        r.number,
        r.text,
        "　".join(x for x in (r.party, r.responsible) if x),
        r.deadline.isoformat(),
        r.status + ("（逾期）" if r.overdue else ""),
        r.progress,
    )


def follow_up_rows(rows: list[ResolutionRow]) -> list[tuple[Any, ...]]:
    """督办表 rows with real dates (for the workbook); the PDF formats them as text."""
    return [
        (
            r.number,
            r.meeting_date,
            r.text,
            "　".join(x for x in (r.party, r.responsible) if x),
            r.deadline,
            r.status
            + ("（逾期）" if r.overdue else "")
            + (f"：{r.progress}" if r.progress else ""),
            r.completed_on,
            r.verifier,
            r.feedback,
        )
        for r in rows
    ]


def follow_up_lines(rows: list[ResolutionRow]) -> list[FollowUpLine]:
    return [
        FollowUpLine(*(v.isoformat() if isinstance(v, date) else (v or "") for v in row))
        for row in follow_up_rows(rows)
    ]


COVERAGE_COLUMNS = ("户数", "已走访", "覆盖率")
STATS_COLUMNS = ("受理", "办结", "办结率", "按时办结率", "满意率")


def coverage_cells(r: CoverageRow) -> tuple[str, str, str, str]:
    """A 走访覆盖率 row as the screen, the printout and the workbook show it."""
    return (r.label, str(r.households), str(r.visited), f"{r.rate:.1%}")


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def stats_cells(r: CaseStatsRow) -> tuple[str, ...]:
    """A 诉求统计 row as the screen, the printout and the workbook show it."""
    return (
        r.key,
        str(r.total),
        str(r.closed),
        _percent(r.closure_rate),
        _percent(r.on_time_rate),
        _percent(r.satisfaction_rate),
    )
