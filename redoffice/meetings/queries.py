"""Reading meetings: one with its minutes, the list with their open and
overdue resolutions, a meeting by its number, and what the new-meeting form offers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Final

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session

from redoffice.cases.queries import CaseFilter, list_cases
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import contains, live
from redoffice.kit.scope import EVERY, per_owner
from redoffice.meetings.codes import OPEN_RESOLUTION, ORG_PARTY, status_label
from redoffice.meetings.inputs import AttendeeInput, MeetingInput, Minutes
from redoffice.meetings.minutes import load_minutes
from redoffice.models import Estate, Meeting, MeetingEstate, Resolution
from redoffice.registry import reference as registry
from redoffice.settings import config


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    number: str
    data: MeetingInput
    status: str
    revision: int
    minutes: Minutes
    estate_names: tuple[str, ...] = field(default_factory=tuple)
    cancelled_on: date | None = None


def get_meeting(db: Database, meeting_id: str) -> MeetingDetail:
    with db.read() as s:
        m = live(s, Meeting, meeting_id, "meeting.not_found")
        estates = s.execute(
            select(Estate.id, Estate.name)
            .join(MeetingEstate, MeetingEstate.estate_id == Estate.id)
            .where(MeetingEstate.meeting_id == m.id, MeetingEstate.deleted.is_(False))
            .order_by(Estate.name)
        ).all()
        data = MeetingInput(
            m.kind,
            m.title,
            m.meeting_date,
            tuple(e for e, _ in estates),
            m.start_time,
            m.place,
            m.convener,
            m.host,
            m.recorder,
            m.notice_date,
        )
        return MeetingDetail(
            m.id,
            m.number,
            data,
            m.status,
            m.revision,
            load_minutes(s, m.id),
            tuple(name for _, name in estates),
            m.cancelled_on,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: str
    number: str
    meeting_date: date
    kind: str
    title: str
    estates: str
    status: str
    open_resolutions: int
    overdue_resolutions: int


def resolve(db: Database, reference: str) -> str:
    """A meeting id from its id or its number (2026-H003)."""
    with db.read() as s:
        found = s.scalar(
            select(Meeting.id).where(
                Meeting.deleted.is_(False),
                (Meeting.id == reference) | (Meeting.number == reference.strip()),
            )
        )
    if found is None:
        raise UserError("meeting.not_found")
    return str(found)


MEETING_SORTS: Final = MappingProxyType(
    {"date": Meeting.meeting_date, "number": Meeting.number, "kind": Meeting.kind}
)


def meeting_ids(
    db: Database, text: str = "", sort: str = "date", descending: bool = True
) -> list[str]:
    """Ids of the meetings whose number, title, type or place contains ``text``, for the lazily
    loaded list: in the order asked, then by number the same way."""
    column = MEETING_SORTS.get(sort, Meeting.meeting_date)
    cond: list[ColumnElement[bool]] = [Meeting.deleted.is_(False)]
    cond += contains(text, Meeting.number, Meeting.title, Meeting.kind, Meeting.place)
    order = (column.desc(), Meeting.number.desc()) if descending else (column, Meeting.number)
    with db.read() as s:
        return list(s.scalars(select(Meeting.id).where(*cond).order_by(*order)))


def _meeting_rows(s: Session, where: ColumnElement[bool], today: date) -> list[MeetingRow]:
    """The meetings ``where`` selects, newest first, with their open and overdue resolutions."""
    open_ = func.sum(case((Resolution.status.in_(OPEN_RESOLUTION), 1), else_=0))
    late = func.sum(
        case((Resolution.status.in_(OPEN_RESOLUTION) & (Resolution.deadline < today), 1), else_=0)
    )
    counts = (
        select(Resolution.meeting_id, open_.label("open"), late.label("late"))
        .where(Resolution.deleted.is_(False))
        .group_by(Resolution.meeting_id)
        .subquery()
    )
    rows = s.execute(
        select(Meeting, counts.c.open, counts.c.late)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .where(Meeting.deleted.is_(False), where)
        .order_by(Meeting.meeting_date.desc(), Meeting.number.desc())
    ).all()
    estates: dict[str, list[str]] = {}
    for meeting_id, name in s.execute(
        select(MeetingEstate.meeting_id, Estate.name)
        .join(Estate, Estate.id == MeetingEstate.estate_id)
        .where(
            MeetingEstate.deleted.is_(False), MeetingEstate.meeting_id.in_([m.id for m, *_ in rows])
        )
        .order_by(Estate.name)
    ):
        estates.setdefault(meeting_id, []).append(name)
    return [
        MeetingRow(
            m.id,
            m.number,
            m.meeting_date,
            m.kind,
            m.title,
            "、".join(estates.get(m.id, [])),
            status_label(m.status, m.cancelled_on),
            int(o or 0),
            int(lt or 0),
        )
        for m, o, lt in rows
    ]


def get_meetings(db: Database, ids: Sequence[str], today: date | None = None) -> list[MeetingRow]:
    """The rows of the meetings ``ids``, in that order (a page of the lazily loaded list)."""
    with db.read() as s:
        rows = _meeting_rows(s, Meeting.id.in_(list(ids)), today or clock.today())
    found = {m.id: m for m in rows}
    return [found[i] for i in ids if i in found]


def list_meetings(db: Database, today: date | None = None) -> list[MeetingRow]:
    """Meetings, newest first, with their open and overdue resolutions."""
    with db.read() as s:
        return _meeting_rows(s, true(), today or clock.today())


def attendee_choices(db: Database) -> list[AttendeeInput]:
    """People to invite from the registry: staff (网格员 and 社区工作者) and the contact person of
    each organization (物业, 业委会, 街道部门, 共建单位)."""
    staff = [
        AttendeeInput(
            "grid_worker" if s.role == "grid_worker" else "community",
            s.name,
            s.grid_name or "社区",
            "网格员" if s.role == "grid_worker" else "社区工作者",
            s.phone,
        )
        for s in registry.list_staff(db)
    ]
    contacts = [
        AttendeeInput(ORG_PARTY[o.kind], o.contact_person, o.name, "", o.phone)
        for o in registry.list_organizations(db)
        if o.contact_person
    ]
    return staff + contacts


def meeting_types(db: Database) -> list[str]:
    with db.read() as s:
        return list(config.get_value(s, "meeting.types"))


@dataclass(frozen=True)
class MeetingChoices:
    """What the new-meeting form offers: types, 小区, and the open requests for the agenda."""

    kinds: list[str]
    estates: list[tuple[str, str]]
    cases: list[tuple[str, str]]


def meeting_choices(db: Database) -> MeetingChoices:
    return MeetingChoices(meeting_types(db), registry.estate_choices(db), agenda_cases(db, ()))


def agenda_cases(db: Database, estate_ids: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, id) of the open requests a meeting about the 小区 ``estate_ids`` can put on its
    agenda, oldest first: those of the 小区's households and those tied to no household; every
    open request while no 小区 is chosen."""
    f = CaseFilter(open_only=True, sort="accepted", estate_ids=estate_ids or None)
    return [(f"{c.number} {c.category}：{c.description[:30]}", c.id) for c in list_cases(db, f)]


@dataclass(frozen=True)
class PeriodCounts:
    """Meetings held from ``start`` to ``end`` (the minutes finalised, not called off) and the
    议定事项 due in those days (not cancelled): how many, and how many were done by their
    deadline."""

    held: int
    resolutions_due: int
    done_on_time: int

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.resolutions_due if self.resolutions_due else None


def period_counts(db: Database, start: date, end: date) -> PeriodCounts:
    return _period_counts(db, start, end, grouped=False).get(EVERY, PeriodCounts(0, 0, 0))


def period_counts_by_owner(db: Database, start: date, end: date) -> dict[str, PeriodCounts]:
    """:func:`period_counts` of each community whose rows the read shows (a street), by node
    id, in two statements; a community without meetings or 议定事项 in the period has no key."""
    return _period_counts(db, start, end, grouped=True)


def _period_counts(db: Database, start: date, end: date, grouped: bool) -> dict[str, PeriodCounts]:
    if end < start:
        raise UserError("date_order")
    on_time = case(
        (
            (Resolution.status == "done") & (Resolution.completed_on <= Resolution.deadline),
            1,
        ),
        else_=0,
    )
    with db.read() as s:
        held = s.execute(
            per_owner(Meeting.owner_node if grouped else None, func.count()).where(
                Meeting.deleted.is_(False),
                Meeting.status == "final",
                Meeting.cancelled_on.is_(None),
                Meeting.meeting_date.between(start, end),
            )
        ).all()
        due = s.execute(
            per_owner(
                Resolution.owner_node if grouped else None, func.count(), func.sum(on_time)
            ).where(
                Resolution.deleted.is_(False),
                Resolution.status != "cancelled",
                Resolution.deadline.between(start, end),
            )
        ).all()
    meetings = {owner: int(n or 0) for owner, n in held}
    resolutions = {owner: (int(n or 0), int(done or 0)) for owner, n, done in due}
    return {
        owner: PeriodCounts(meetings.get(owner, 0), *resolutions.get(owner, (0, 0)))
        for owner in meetings.keys() | resolutions.keys()
    }
