"""三方联席会议 and other joint meetings.

Create one (open resolutions of earlier meetings of the same 小区 and type are carried forward;
民情诉求 cases become agenda items), write its minutes (议题, 讨论情况, 议定事项 with party,
person and deadline), 定稿, and revise finalized minutes with a recorded reason."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date, time
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from redoffice.cases.queries import CaseFilter, list_cases
from redoffice.kit import clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live, next_number
from redoffice.kit.validation import Checker, required_text
from redoffice.models import (
    AgendaItem,
    Case,
    Estate,
    Meeting,
    MeetingAttendee,
    MeetingEstate,
    MeetingRevision,
    MinutesDraft,
    Organization,
    Resolution,
)
from redoffice.registry import reference as registry
from redoffice.settings import config

PARTIES: Final = MappingProxyType(
    {
        "community": "社区党组织/居委会",
        "owners_committee": "业委会",
        "property": "物业服务企业",
        "street": "街道包保干部",
        "grid_worker": "网格员",
        "police": "片区民警",
        "resident_rep": "居民代表",
        "other": "其他",
    }
)
# the three parties whose representatives sign the minutes of a 三方联席会议, present or not
SIGNING_PARTIES: Final = ("community", "owners_committee", "property")
ATTENDANCE: Final = MappingProxyType({"present": "出席", "observer": "列席", "absent": "缺席"})
OPEN_RESOLUTION: Final = ("pending", "in_progress")
STATUSES: Final = MappingProxyType({"draft": "草稿", "final": "已定稿"})


@dataclass(frozen=True)
class AttendeeInput:
    party: str
    name: str
    unit: str = ""
    post: str = ""
    phone: str = ""
    attendance: str = "present"
    note: str = ""


@dataclass(frozen=True)
class ResolutionInput:
    text: str
    party: str
    deadline: date | None
    unit: str = ""
    person: str = ""
    org_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class ItemInput:
    title: str
    discussion: str = ""
    resolutions: tuple[ResolutionInput, ...] = ()
    source: str = "new"
    case_id: str | None = None
    carried_resolution_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class MeetingInput:
    kind: str
    title: str
    meeting_date: date
    estate_ids: tuple[str, ...]
    start_time: time | None = None
    place: str = ""
    convener: str = ""
    host: str = ""
    recorder: str = ""
    notice_date: date | None = None
    case_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """What the minutes editor edits: attendees, agenda items with their resolutions, and
    下次会议安排. Saved as a whole (and autosaved as a draft)."""

    attendees: tuple[AttendeeInput, ...] = ()
    items: tuple[ItemInput, ...] = ()
    next_meeting: str = ""


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    number: str
    data: MeetingInput
    status: str
    revision: int
    minutes: Minutes
    estate_names: tuple[str, ...] = field(default_factory=tuple)


def _check_meeting(s: Session, data: MeetingInput) -> dict[str, Any]:
    c = Checker()
    values: dict[str, Any] = {
        "kind": c.text("kind", data.kind, required=True, max_len=32),
        "title": c.text("title", data.title, required=True, max_len=128),
        "meeting_date": data.meeting_date,
        "start_time": data.start_time,
        "place": c.text("place", data.place, max_len=128),
        "convener": c.text("convener", data.convener, max_len=64),
        "host": c.text("host", data.host, max_len=64),
        "recorder": c.text("recorder", data.recorder, max_len=64),
        "notice_date": data.notice_date,
    }
    if values["kind"] and values["kind"] not in config.get_value(s, "meeting.types"):
        c.add("kind", "invalid_choice", value=values["kind"])
    if data.notice_date and data.notice_date > data.meeting_date:
        c.add("notice_date", "meeting.notice_after")
    if not data.estate_ids:
        c.add("estate_ids", "required")
    for estate in data.estate_ids:
        check_ref(s, c, "estate_ids", Estate, estate)
    for case_id in data.case_ids:
        check_ref(s, c, "case_ids", Case, case_id)
    c.raise_if_any()
    return values


def open_resolutions_for(
    s: Session, kind: str, estate_ids: tuple[str, ...], before: date
) -> list[Resolution]:
    """Open resolutions of earlier meetings of the same type sharing a 小区, oldest first."""
    shared = select(MeetingEstate.meeting_id).where(
        MeetingEstate.estate_id.in_(estate_ids), MeetingEstate.deleted.is_(False)
    )
    return list(
        s.scalars(
            select(Resolution)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(
                Resolution.deleted.is_(False),
                Resolution.status.in_(OPEN_RESOLUTION),
                Meeting.deleted.is_(False),
                Meeting.kind == kind,
                Meeting.meeting_date < before,
                Meeting.id.in_(shared),
            )
            .order_by(Meeting.meeting_date, Resolution.seq)
        )
    )


def create_meeting(db: Database, data: MeetingInput) -> str:
    """A new meeting with its agenda: open resolutions carried forward (上次议定事项落实情况),
    then one item per chosen case."""
    with db.uow() as s:
        values = _check_meeting(s, data)
        meeting = Meeting(
            **values,
            number=next_number(s, Meeting.number, f"{data.meeting_date.year}-H", 3),
            status="draft",
            next_meeting="",
            revision=0,
        )
        s.add(meeting)
        s.flush()
        _store_estates(s, meeting, data.estate_ids)
        carried = open_resolutions_for(s, meeting.kind, data.estate_ids, meeting.meeting_date)
        agenda = [
            {"source": "carried", "title": r.text, "carried_resolution_id": r.id} for r in carried
        ]
        for case_id in dict.fromkeys(data.case_ids):
            case = live(s, Case, case_id, "case.not_found")
            title = f"{case.category}：{case.description}"
            agenda.append({"source": "case", "title": title, "case_id": case.id})
        for seq, item in enumerate(agenda, 1):
            item["title"] = str(item["title"])[:255]
            s.add(AgendaItem(meeting_id=meeting.id, seq=seq, discussion="", **item))
        return meeting.id


def _store_estates(s: Session, meeting: Meeting, estate_ids: tuple[str, ...]) -> None:
    """The 小区 the meeting is about: those no longer chosen are removed, new ones added."""
    wanted = dict.fromkeys(estate_ids)
    for link in s.scalars(
        select(MeetingEstate).where(
            MeetingEstate.meeting_id == meeting.id, MeetingEstate.deleted.is_(False)
        )
    ):
        if link.estate_id in wanted:
            del wanted[link.estate_id]
        else:
            link.deleted = True
    for estate in wanted:
        s.add(MeetingEstate(meeting_id=meeting.id, estate_id=estate))


def _draft(s: Session, meeting_id: str) -> Meeting:
    """A meeting whose minutes are not final yet (it can still be corrected or cancelled)."""
    meeting = _not_cancelled(s, meeting_id)
    if meeting.status == "final":
        raise UserError("meeting.final_fixed", number=meeting.number)
    return meeting


def _not_cancelled(s: Session, meeting_id: str) -> Meeting:
    meeting = live(s, Meeting, meeting_id, "meeting.not_found")
    if meeting.cancelled_on is not None:
        raise UserError("meeting.cancelled", number=meeting.number)
    return meeting


def draft_meeting(db: Database, meeting_id: str) -> MeetingDetail:
    """The meeting to correct or cancel; refused (with the reason) once final or cancelled."""
    with db.read() as s:
        _draft(s, meeting_id)
    return get_meeting(db, meeting_id)


def correct_meeting(db: Database, meeting_id: str, data: MeetingInput) -> None:
    """修改: correct the type, title, date, time, place, people, notice date or 小区 of a
    meeting before its minutes are final (the agenda is the minutes editor's)."""
    with db.uow() as s:
        meeting = _draft(s, meeting_id)
        for key, value in _check_meeting(s, replace(data, case_ids=())).items():
            if getattr(meeting, key) != value:
                setattr(meeting, key, value)
        _store_estates(s, meeting, data.estate_ids)


def cancel_meeting(db: Database, meeting_id: str, reason: str, on: date) -> None:
    """取消会议 before its minutes are final, with the reason. Nothing was decided at a meeting
    that did not take place: its draft resolutions are removed (refused once one is followed
    up); the requests and earlier resolutions on its agenda stay open for the next meeting."""
    text = required_text("cancel_reason", reason, 2000)
    with db.uow() as s:
        meeting = _draft(s, meeting_id)
        drafts = s.scalars(
            select(Resolution).where(
                Resolution.meeting_id == meeting.id, Resolution.deleted.is_(False)
            )
        ).all()
        _remove_dropped({}, {r.id: r for r in drafts}, set())
        meeting.cancelled_on, meeting.cancel_reason = on, text


def _check_minutes(s: Session, minutes: Minutes) -> None:
    """Every attendee named, every item titled, every resolution with its text, party and
    deadline; messages name the row."""
    c = Checker()
    for n, a in enumerate(minutes.attendees, 1):
        if not a.name.strip():
            c.add("attendees", "meeting.attendee_name", row=n)
        if a.party not in PARTIES or a.attendance not in ATTENDANCE:
            c.add("attendees", "meeting.attendee_party", row=n)
        c.phone("attendees", a.phone)
    for n, item in enumerate(minutes.items, 1):
        if not item.title.strip():
            c.add("items", "meeting.item_title", row=n)
        for m, r in enumerate(item.resolutions, 1):
            if not r.text.strip():
                c.add("items", "meeting.resolution_text", item=n, row=m)
            if r.party not in PARTIES:
                c.add("items", "meeting.resolution_party", item=n, row=m)
            if r.deadline is None:
                c.add("items", "meeting.resolution_deadline", item=n, row=m)
            check_ref(s, c, "items", Organization, r.org_id)
    c.raise_if_any()


def _snapshot(s: Session, meeting: Meeting) -> str:
    """The minutes as stored now (for a revision record)."""
    return minutes_to_json(_load_minutes(s, meeting.id))


def save_minutes(
    db: Database, meeting_id: str, minutes: Minutes, revision_reason: str = ""
) -> Minutes:
    """Store the minutes (attendees, items, resolutions, next meeting) as a whole; returns
    them as stored, new items and resolutions with their ids (the editor keeps those).

    Finalized minutes change only with a reason: the minutes as they were are kept in a
    revision record. Resolutions already followed up cannot be removed. The autosaved draft
    is discarded."""
    with db.uow() as s:
        meeting = _not_cancelled(s, meeting_id)
        _check_minutes(s, minutes)
        if meeting.status == "final":
            reason = revision_reason.strip()
            if not reason:
                raise UserError("meeting.revision_reason")
            meeting.revision += 1
            s.add(
                MeetingRevision(
                    meeting_id=meeting.id,
                    revision=meeting.revision,
                    reason=reason,
                    before=_snapshot(s, meeting),
                )
            )
        _store_attendees(s, meeting, minutes.attendees)
        _store_items(s, meeting, minutes.items)
        meeting.next_meeting = minutes.next_meeting.strip()
        draft = s.get(MinutesDraft, meeting.id)
        if draft is not None:
            s.delete(draft)
        s.flush()
        return _load_minutes(s, meeting.id)


def _store_attendees(s: Session, meeting: Meeting, attendees: tuple[AttendeeInput, ...]) -> None:
    for old in s.scalars(
        select(MeetingAttendee).where(
            MeetingAttendee.meeting_id == meeting.id, MeetingAttendee.deleted.is_(False)
        )
    ):
        old.deleted = True
    for n, a in enumerate(attendees, 1):
        s.add(
            MeetingAttendee(
                meeting_id=meeting.id,
                seq=n,
                party=a.party,
                name=a.name.strip(),
                unit=a.unit.strip(),
                post=a.post.strip(),
                phone=a.phone.strip(),
                attendance=a.attendance,
                note=a.note.strip(),
            )
        )


def _store_items(s: Session, meeting: Meeting, items: tuple[ItemInput, ...]) -> None:
    existing = {
        i.id: i
        for i in s.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.deleted.is_(False)
            )
        )
    }
    every = s.scalars(select(Resolution).where(Resolution.meeting_id == meeting.id)).all()
    resolutions = {r.id: r for r in every if not r.deleted}
    kept: set[str] = set()
    ordered: list[Resolution] = []
    counter = max([0, *(int(r.number.rsplit("-", 1)[1]) for r in every)])
    for seq, data in enumerate(items, 1):
        item = existing.get(data.id or "") or AgendaItem(
            meeting_id=meeting.id,
            source=data.source,
            case_id=data.case_id,
            carried_resolution_id=data.carried_resolution_id,
        )
        item.seq, item.title, item.discussion = seq, data.title.strip(), data.discussion.strip()
        s.add(item)
        s.flush()
        for order, r in enumerate(data.resolutions, 1):
            row = resolutions.get(r.id or "")
            if row is None:
                counter += 1
                row = Resolution(
                    meeting_id=meeting.id,
                    number=f"{meeting.number}-{counter:02d}",
                    status="pending",
                )
                s.add(row)
            row.item_id, row.seq, row.text = item.id, seq * 100 + order, r.text.strip()
            row.party, row.unit, row.person = r.party, r.unit.strip(), r.person.strip()
            row.org_id, row.deadline = r.org_id, r.deadline  # type: ignore[assignment]
            kept.add(str(row.id))
            ordered.append(row)
        kept.add(item.id)
    _remove_dropped(existing, resolutions, kept)
    if meeting.status == "draft":  # numbered in order until 定稿 fixes the numbers for good
        for n, row in enumerate(ordered, 1):
            row.number = f"{meeting.number}-{n:02d}"


def _remove_dropped(
    items: dict[str, AgendaItem], resolutions: dict[str, Resolution], kept: set[str]
) -> None:
    for r in resolutions.values():
        if r.id not in kept:
            if r.status != "pending" or r.completed_on:
                raise UserError("meeting.resolution_followed", number=r.number)
            r.deleted = True
    for item in items.values():
        if item.id not in kept:
            item.deleted = True


def finalize(db: Database, meeting_id: str) -> None:
    """定稿: the minutes are locked; later changes are recorded revisions."""
    with db.uow() as s:
        meeting = _not_cancelled(s, meeting_id)
        if meeting.status == "final":
            raise UserError("meeting.already_final")
        has_items = s.scalar(
            select(func.count()).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.deleted.is_(False)
            )
        )
        if not has_items:
            raise UserError("meeting.no_items")
        meeting.status = "final"
        meeting.finalized_at = utcnow()


def _load_minutes(s: Session, meeting_id: str) -> Minutes:
    attendees = s.scalars(
        select(MeetingAttendee)
        .where(MeetingAttendee.meeting_id == meeting_id, MeetingAttendee.deleted.is_(False))
        .order_by(MeetingAttendee.seq)
    )
    items = list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted.is_(False))
            .order_by(AgendaItem.seq)
        )
    )
    by_item: dict[str, list[ResolutionInput]] = {}
    for r in s.scalars(
        select(Resolution)
        .where(Resolution.meeting_id == meeting_id, Resolution.deleted.is_(False))
        .order_by(Resolution.seq)
    ):
        by_item.setdefault(r.item_id, []).append(
            ResolutionInput(r.text, r.party, r.deadline, r.unit, r.person, r.org_id, r.id)
        )
    meeting = s.get(Meeting, meeting_id)
    return Minutes(
        attendees=tuple(
            AttendeeInput(a.party, a.name, a.unit, a.post, a.phone, a.attendance, a.note)
            for a in attendees
        ),
        items=tuple(
            ItemInput(
                i.title,
                i.discussion,
                tuple(by_item.get(i.id, ())),
                i.source,
                i.case_id,
                i.carried_resolution_id,
                i.id,
            )
            for i in items
        ),
        next_meeting=meeting.next_meeting if meeting else "",
    )


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
            _load_minutes(s, m.id),
            tuple(name for _, name in estates),
        )


def with_ids(typed: Minutes, saved: Minutes) -> Minutes:
    """``typed`` with the ids that saving gave its new items and resolutions (matched by
    position), so that saving it again updates them instead of adding them once more."""
    items = tuple(
        replace(
            item,
            id=item.id or stored.id,
            resolutions=tuple(
                replace(r, id=r.id or s.id)
                for r, s in zip(item.resolutions, stored.resolutions, strict=False)
            )
            + item.resolutions[len(stored.resolutions) :],
        )
        for item, stored in zip(typed.items, saved.items, strict=False)
    )
    return replace(typed, items=items + typed.items[len(saved.items) :])


# -- autosaved drafts ---------------------------------------------------------------------


def minutes_to_json(minutes: Minutes) -> str:
    return json.dumps(asdict(minutes), ensure_ascii=False, default=str)


def minutes_from_json(text: str) -> Minutes:
    raw = json.loads(text)

    def resolution(r: dict[str, Any]) -> ResolutionInput:
        deadline = date.fromisoformat(r["deadline"]) if r.get("deadline") else None
        return ResolutionInput(**{**r, "deadline": deadline})

    return Minutes(
        attendees=tuple(AttendeeInput(**a) for a in raw["attendees"]),
        items=tuple(
            ItemInput(**{**i, "resolutions": tuple(resolution(r) for r in i["resolutions"])})
            for i in raw["items"]
        ),
        next_meeting=raw["next_meeting"],
    )


def save_draft(db: Database, meeting_id: str, minutes: Minutes) -> None:
    """Autosave: the minutes being typed, unchecked, outside the audit (a cache of the editor)."""
    with db.uow() as s:
        draft = s.get(MinutesDraft, meeting_id) or MinutesDraft(meeting_id=meeting_id)
        draft.payload, draft.saved_at = minutes_to_json(minutes), utcnow()
        s.add(draft)


def load_draft(db: Database, meeting_id: str) -> Minutes | None:
    """The autosaved minutes left by an editor that did not save (crash, power cut)."""
    with db.read() as s:
        draft = s.get(MinutesDraft, meeting_id)
        return minutes_from_json(draft.payload) if draft else None


def discard_draft(db: Database, meeting_id: str) -> None:
    with db.uow() as s:
        draft = s.get(MinutesDraft, meeting_id)
        if draft is not None:
            s.delete(draft)


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


def status_label(status: str, cancelled_on: date | None) -> str:
    """草稿, 已定稿, or 已取消 for a draft called off."""
    return "已取消" if cancelled_on else STATUSES.get(status, status)


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


def list_meetings(db: Database, today: date | None = None) -> list[MeetingRow]:
    """Meetings, newest first, with their open and overdue resolutions."""
    today = today or clock.today()
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
    with db.read() as s:
        rows = s.execute(
            select(Meeting, counts.c.open, counts.c.late)
            .outerjoin(counts, counts.c.meeting_id == Meeting.id)
            .where(Meeting.deleted.is_(False))
            .order_by(Meeting.meeting_date.desc(), Meeting.number.desc())
        ).all()
        estates: dict[str, list[str]] = {}
        for meeting_id, name in s.execute(
            select(MeetingEstate.meeting_id, Estate.name)
            .join(Estate, Estate.id == MeetingEstate.estate_id)
            .where(MeetingEstate.deleted.is_(False))
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


ORG_PARTY: Final = MappingProxyType(
    {
        "property_company": "property",
        "owners_committee": "owners_committee",
        "street_department": "street",
        "partner_unit": "other",
    }
)


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
    open_cases = list_cases(db, CaseFilter(open_only=True, sort="accepted"))
    return MeetingChoices(
        meeting_types(db),
        registry.estate_choices(db),
        [(f"{c.number} {c.category}：{c.description[:30]}", c.id) for c in open_cases],
    )
