"""民情诉求: accept a request, work it through to closure and the satisfaction call-back.

States: 受理 accepted → 办理中 in_progress → 已办结 resolved → 已回访 called_back. A call-back
with 不满意 reopens the case (back to in_progress). Nothing else is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.attachments import service as attachments
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live, next_number
from redoffice.kit.validation import Checker, required_text
from redoffice.models import Case, CaseEvent, Household, Organization, Resident, Staff, Visit
from redoffice.settings import calendar, config

SOURCES: Final = MappingProxyType(
    {
        "visit": "走访",
        "phone": "来电",
        "walk_in": "来访",
        "hotline": "12345热线",
        "patrol": "网格巡查",
        "meeting": "会议",
        "other": "其他",
    }
)
URGENCIES: Final = MappingProxyType({"urgent": "紧急", "normal": "一般"})
STATUSES: Final = MappingProxyType(
    {"accepted": "受理", "in_progress": "办理中", "resolved": "已办结", "called_back": "已回访"}
)
SATISFACTIONS: Final = MappingProxyType(
    {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}
)
TRANSITIONS: Final = {
    ("accepted", "in_progress"),
    ("in_progress", "resolved"),
    ("resolved", "called_back"),
}
OPEN: Final = ("accepted", "in_progress")


@dataclass(frozen=True)
class CaseInput:
    category: str
    description: str
    urgency: str = "normal"
    source: str = "walk_in"
    household_id: str | None = None
    reporter_resident_id: str | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    place: str = ""
    assignee_staff_id: str | None = None
    assignee_org_id: str | None = None
    attachments: tuple[Path, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    actor: str
    kind: str
    from_status: str | None
    to_status: str | None
    satisfaction: str | None
    note: str


def _check(s: Session, data: CaseInput) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "category": c.text("category", data.category, required=True, max_len=32),
        "description": c.text("description", data.description, required=True, max_len=4000),
        "urgency": c.choice("urgency", data.urgency, URGENCIES),
        "source": c.choice("source", data.source, SOURCES),
        "household_id": check_ref(s, c, "household_id", Household, data.household_id),
        "reporter_resident_id": check_ref(
            s, c, "reporter_resident_id", Resident, data.reporter_resident_id
        ),
        "reporter_name": c.text("reporter_name", data.reporter_name, max_len=64),
        "reporter_phone": c.phone("reporter_phone", data.reporter_phone),
        "place": c.text("place", data.place, max_len=255),
        "assignee_staff_id": check_ref(s, c, "assignee_staff_id", Staff, data.assignee_staff_id),
        "assignee_org_id": check_ref(s, c, "assignee_org_id", Organization, data.assignee_org_id),
    }
    if values["category"] and values["category"] not in config.get_value(s, "case.categories"):
        c.add("category", "invalid_choice", value=values["category"])
    c.raise_if_any()
    return values


def due_at(s: Session, urgency: str, accepted_at: datetime) -> datetime:
    """紧急: 24 hours; 一般: the end of the N-th working day after acceptance (default 5)."""
    if urgency == "urgent":
        return accepted_at + timedelta(hours=24)
    days = int(config.get_value(s, "case.normal_working_days"))
    work = calendar.load(s)
    return calendar.end_of_day(work.add_working_days(calendar.local_date(accepted_at), days))


def _event(
    s: Session,
    case: Case,
    kind: str,
    note: str = "",
    *,
    old: str | None = None,
    satisfaction: str | None = None,
) -> None:
    s.add(
        CaseEvent(
            case_id=case.id,
            at=utcnow(),
            actor=str(s.info.get("actor") or ""),
            kind=kind,
            from_status=old,
            to_status=case.status,
            satisfaction=satisfaction,
            note=note,
        )
    )


def open_case(
    s: Session, data: CaseInput, *, visit: Visit | None = None, now: datetime | None = None
) -> Case:
    """Accept a request inside an ongoing transaction (also used when recording a visit)."""
    values = _check(s, data)
    accepted = now or utcnow()
    case = Case(
        **values,
        number=next_number(s, Case.number, f"{calendar.local_date(accepted).year}-", 5),
        visit_id=visit.id if visit else None,
        accepted_at=accepted,
        due_at=due_at(s, str(values["urgency"]), accepted),
        status="accepted",
    )
    s.add(case)
    s.flush()
    _event(s, case, "created", str(values["description"])[:200])
    return case


def create_case(db: Database, data: CaseInput, now: datetime | None = None) -> str:
    """受理: record a new request with its deadline (and its photos or scans)."""
    files = attachments.store_files(db, data.attachments)
    with db.uow() as s:
        case = open_case(s, data, now=now)
        attachments.link(s, "case_record", case.id, files)
        return case.id


def transition(
    db: Database,
    case_id: str,
    to: str,
    note: str = "",
    satisfaction: str | None = None,
    now: datetime | None = None,
) -> str:
    """Move a case on; returns the state it is in afterwards (不满意 reopens it)."""
    with db.uow() as s:
        case = live(s, Case, case_id, "case.not_found")
        old = case.status
        if (old, to) not in TRANSITIONS:
            raise UserError(
                "case.transition_refused", old=STATUSES.get(old, old), new=STATUSES.get(to, to)
            )
        if to == "called_back" and satisfaction not in SATISFACTIONS:
            raise UserError("case.satisfaction_required")
        if to == "resolved":
            note = _resolution_note(note)
        when = now or utcnow()
        _apply(s, case, to, satisfaction, when)
        _event(s, case, "transition", note, old=old, satisfaction=satisfaction)
        if satisfaction == "unsatisfied":
            case.status = "in_progress"
            case.resolved_at = None
            _event(s, case, "reopened", note, old="called_back", satisfaction=satisfaction)
        return case.status


def _resolution_note(note: str) -> str:
    """已办结 says how the request was settled: the 说明 is required."""
    c = Checker()
    text = c.text("note", note, max_len=4000)
    if not text:
        c.add("note", "case.resolution_note")
    c.raise_if_any()
    return text


def close_in(s: Session, case: Case, note: str) -> bool:
    """Inside an ongoing transaction: bring an open case to 已办结 through the allowed steps,
    each with ``note`` in the timeline. A case already closed only gets the note. Returns
    whether the case was closed by this call."""
    if case.status not in OPEN:
        _event(s, case, "note", note)
        return False
    when = utcnow()
    for step in ("in_progress", "resolved"):
        if case.status != step and (case.status, step) in TRANSITIONS:
            old = case.status
            _apply(s, case, step, None, when)
            _event(s, case, "transition", note, old=old)
    return True


def _apply(s: Session, case: Case, to: str, satisfaction: str | None, when: datetime) -> None:
    case.status = to
    if to == "resolved":
        case.resolved_at = when
    if to == "called_back":
        case.called_back_at = when
        case.satisfaction = satisfaction


def add_note(db: Database, case_id: str, note: str) -> None:
    """A progress note in the timeline."""
    text = required_text("note", note, 4000)
    with db.uow() as s:
        _event(s, live(s, Case, case_id, "case.not_found"), "note", text)


def escalate(db: Database, case_id: str, reason: str) -> None:
    """上报街道: flag the case for the street office with a reason."""
    text = required_text("escalation_reason", reason, 2000)
    with db.uow() as s:
        case = live(s, Case, case_id, "case.not_found")
        case.escalated = True
        case.escalation_reason = text
        _event(s, case, "escalated", text)


def resolve(db: Database, reference: str) -> str:
    """A case id from its id or its number (2026-00012)."""
    with db.read() as s:
        found = s.scalar(
            select(Case.id).where((Case.id == reference) | (Case.number == reference.strip()))
        )
    if found is None:
        raise UserError("case.not_found")
    return found


def timeline(db: Database, case_id: str) -> list[TimelineEntry]:
    with db.read() as s:
        rows = s.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case_id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
        return [
            TimelineEntry(e.at, e.actor, e.kind, e.from_status, e.to_status, e.satisfaction, e.note)
            for e in rows
        ]
