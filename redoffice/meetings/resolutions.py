"""督办: following each 议定事项 until done — progress notes, completion with 核验人 and residents'
feedback, cancellation; 逾期 derived from the deadline; completing one can close its cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from redoffice.cases import service as cases
from redoffice.kit import clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import contains, live
from redoffice.kit.scope import owned
from redoffice.kit.validation import Checker, required_text
from redoffice.meetings.codes import OPEN_RESOLUTION, PARTIES
from redoffice.models import (
    AgendaItem,
    Case,
    Estate,
    Meeting,
    MeetingEstate,
    Resolution,
    ResolutionNote,
)

STATUSES: Final = MappingProxyType(
    {"pending": "待办", "in_progress": "推进中", "done": "已完成", "cancelled": "已取消"}
)
TRANSITIONS: Final = {
    ("pending", "in_progress"),
    ("pending", "done"),
    ("in_progress", "done"),
    ("pending", "cancelled"),
    ("in_progress", "cancelled"),
}


@dataclass(frozen=True)
class ResolutionFilter:
    open_only: bool = False
    overdue_only: bool = False
    party: str | None = None
    estate_id: str | None = None
    deadline_to: date | None = None
    meeting_id: str | None = None
    text: str = ""  # in the number, the resolution, the responsible unit or person, the meeting


@dataclass(frozen=True)
class ResolutionRow:
    id: str
    number: str
    meeting_id: str
    meeting_date: date
    meeting_title: str
    estates: str
    text: str
    party: str
    responsible: str
    deadline: date
    status: str
    status_code: str
    overdue: bool
    progress: str
    completed_on: date | None
    verifier: str
    feedback: str


@dataclass(frozen=True)
class NoteEntry:
    at: datetime
    actor: str
    status: str
    note: str


def _conditions(f: ResolutionFilter, today: date) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Resolution.deleted.is_(False), Meeting.deleted.is_(False)]
    if f.open_only or f.overdue_only:
        cond.append(Resolution.status.in_(OPEN_RESOLUTION))
    if f.overdue_only:
        cond.append(Resolution.deadline < today)
    if f.party:
        cond.append(Resolution.party == f.party)
    if f.deadline_to:
        cond.append(Resolution.deadline <= f.deadline_to)
    if f.meeting_id:
        cond.append(Resolution.meeting_id == f.meeting_id)
    searched = (Resolution.number, Resolution.text, Resolution.unit, Resolution.person)
    cond += contains(f.text, *searched, Meeting.title)
    if f.estate_id:
        cond.append(
            Resolution.meeting_id.in_(
                select(MeetingEstate.meeting_id).where(
                    MeetingEstate.estate_id == f.estate_id, MeetingEstate.deleted.is_(False)
                )
            )
        )
    return cond


def _select(db: Database) -> Select[Any]:
    latest = (
        select(ResolutionNote.note)
        .where(ResolutionNote.resolution_id == Resolution.id, ResolutionNote.note != "")
        .order_by(ResolutionNote.at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            Resolution.__table__,
            Meeting.meeting_date,
            Meeting.title.label("meeting_title"),
            latest.label("progress"),
        )
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(owned(db, Resolution.__table__))
    )


def _estates(s: Session, meeting_ids: set[str]) -> dict[str, str]:
    names: dict[str, list[str]] = {}
    for meeting_id, name in s.execute(
        select(MeetingEstate.meeting_id, Estate.name)
        .join(Estate, Estate.id == MeetingEstate.estate_id)
        .where(MeetingEstate.meeting_id.in_(meeting_ids), MeetingEstate.deleted.is_(False))
        .order_by(Estate.name)
    ):
        names.setdefault(meeting_id, []).append(name)
    return {k: "、".join(v) for k, v in names.items()}


def _row(r: Row[Any], estates: dict[str, str], today: date) -> ResolutionRow:
    return ResolutionRow(
        id=r.id,
        number=r.number,
        meeting_id=r.meeting_id,
        meeting_date=r.meeting_date,
        meeting_title=r.meeting_title,
        estates=estates.get(r.meeting_id, ""),
        text=r.text,
        party=PARTIES.get(r.party, r.party),
        responsible="　".join(x for x in (r.unit, r.person) if x),
        deadline=r.deadline,
        status=STATUSES.get(r.status, r.status),
        status_code=r.status,
        overdue=r.status in OPEN_RESOLUTION and r.deadline < today,
        progress=r.progress or "",
        completed_on=r.completed_on,
        verifier=r.verifier,
        feedback=r.feedback,
    )


def list_resolutions(
    db: Database,
    f: ResolutionFilter = ResolutionFilter(),
    today: date | None = None,
    limit: int | None = None,
) -> list[ResolutionRow]:
    """Resolutions by deadline (then number), at most ``limit``; 逾期 derived from ``today``."""
    today = today or clock.today()
    query = (
        _select(db)
        .where(*_conditions(f, today))
        .order_by(Resolution.deadline, Resolution.number)
        .limit(limit)
    )
    with db.read() as s:
        rows = s.execute(query).all()
        estates = _estates(s, {r.meeting_id for r in rows})
    return [_row(r, estates, today) for r in rows]


RESOLUTION_SORTS: Final = MappingProxyType(
    {
        "number": Resolution.number,
        "meeting": Meeting.meeting_date,
        "deadline": Resolution.deadline,
        "status": Resolution.status,
    }
)


def resolution_ids(
    db: Database,
    f: ResolutionFilter = ResolutionFilter(),
    sort: str = "deadline",
    descending: bool = False,
    today: date | None = None,
) -> list[str]:
    """Ids of the resolutions ``f`` selects, for the lazily loaded 督办 list: in the order
    asked, then by number."""
    column = RESOLUTION_SORTS.get(sort, Resolution.deadline)
    query = (
        select(Resolution.id)
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(*_conditions(f, today or clock.today()))
        .order_by(column.desc() if descending else column, Resolution.number)
    )
    with db.read() as s:
        return list(s.scalars(query))


def count_resolutions(db: Database, f: ResolutionFilter, today: date | None = None) -> int:
    today = today or clock.today()
    query = (
        select(func.count())
        .select_from(Resolution)
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(*_conditions(f, today))
    )
    with db.read() as s:
        return int(s.scalar(query) or 0)


def _note(s: Session, resolution: Resolution, note: str) -> None:
    s.add(
        ResolutionNote(
            resolution_id=resolution.id,
            at=utcnow(),
            actor=str(s.info.get("actor") or ""),
            status=resolution.status,
            note=note,
        )
    )


def add_progress(db: Database, resolution_id: str, note: str) -> None:
    """进展: a dated note; a 待办 resolution becomes 推进中."""
    text = required_text("note", note, 2000)
    with db.uow() as s:
        resolution = live(s, Resolution, resolution_id, "resolution.not_found")
        if resolution.status not in OPEN_RESOLUTION:
            raise UserError("resolution.closed", status=STATUSES[resolution.status])
        resolution.status = "in_progress"
        _note(s, resolution, text)


def linked_cases(s: Session, resolution: Resolution) -> list[Case]:
    """The 民情诉求 behind a resolution: its item's case, and, for a resolution made on a
    carried-forward item, the case of the resolution it carries."""
    found: list[Case] = []
    item = s.get(AgendaItem, resolution.item_id)
    seen: set[str] = set()
    while item is not None and item.id not in seen:
        seen.add(item.id)
        if item.case_id:
            case = s.get(Case, item.case_id)
            if case is not None and not case.deleted:
                found.append(case)
        earlier = (
            s.get(Resolution, item.carried_resolution_id) if item.carried_resolution_id else None
        )
        item = s.get(AgendaItem, earlier.item_id) if earlier else None
    return found


def complete(
    db: Database,
    resolution_id: str,
    completed_on: date,
    verifier: str,
    feedback: str = "",
    close_cases: bool = False,
) -> list[str]:
    """已完成, with the date, the 核验人 and residents' feedback. With ``close_cases`` its open
    cases are moved to 已办结 with a note in their timelines. Returns the numbers of the cases
    closed."""
    c = Checker()
    verifier = c.text("verifier", verifier, required=True, max_len=64)
    feedback = c.text("feedback", feedback, max_len=2000)
    c.past_date("completed_on", completed_on, clock.today())
    c.raise_if_any()
    with db.uow() as s:
        resolution = live(s, Resolution, resolution_id, "resolution.not_found")
        _move(resolution, "done")
        resolution.completed_on, resolution.verifier, resolution.feedback = (
            completed_on,
            verifier,
            feedback,
        )
        _note(
            s, resolution, f"核验人：{verifier}" + (f"；居民反馈：{feedback}" if feedback else "")
        )
        closed = []
        if close_cases:
            note = f"议定事项 {resolution.number} 已完成（核验人：{verifier}）"
            for case in linked_cases(s, resolution):
                if cases.close_in(s, case, note):
                    closed.append(case.number)
        return closed


def cancel(db: Database, resolution_id: str, reason: str) -> None:
    text = required_text("note", reason, 2000)
    with db.uow() as s:
        resolution = live(s, Resolution, resolution_id, "resolution.not_found")
        _move(resolution, "cancelled")
        _note(s, resolution, text)


def _move(resolution: Resolution, to: str) -> None:
    if (resolution.status, to) not in TRANSITIONS:
        raise UserError(
            "resolution.transition_refused", old=STATUSES[resolution.status], new=STATUSES[to]
        )
    resolution.status = to


def notes(db: Database, resolution_id: str) -> list[NoteEntry]:
    with db.read() as s:
        return [
            NoteEntry(n.at, n.actor, STATUSES.get(n.status, n.status), n.note)
            for n in s.scalars(
                select(ResolutionNote)
                .where(ResolutionNote.resolution_id == resolution_id)
                .order_by(ResolutionNote.at, ResolutionNote.id)
            )
        ]


def get_resolutions(db: Database, ids: Sequence[str]) -> list[ResolutionRow]:
    today = clock.today()
    with db.read() as s:
        rows = s.execute(_select(db).where(Resolution.id.in_(list(ids)))).all()
        estates = _estates(s, {r.meeting_id for r in rows})
    by_id = {r.id: _row(r, estates, today) for r in rows}
    return [by_id[i] for i in ids if i in by_id]
