"""The minutes of a meeting: attendees, agenda items with their 议定事项 and 下次会议安排, saved as
a whole; 定稿 locks them, and later changes are revisions with a recorded reason (decision 0008)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live
from redoffice.kit.validation import Checker
from redoffice.meetings.codes import ATTENDANCE, PARTIES
from redoffice.meetings.inputs import (
    AttendeeInput,
    ItemInput,
    Minutes,
    ResolutionInput,
    minutes_to_json,
)
from redoffice.models import (
    AgendaItem,
    Meeting,
    MeetingAttendee,
    MeetingRevision,
    MinutesDraft,
    Organization,
    Resolution,
)


def not_cancelled(s: Session, meeting_id: str) -> Meeting:
    """The meeting, refused once it was called off (its minutes can no longer be written)."""
    meeting = live(s, Meeting, meeting_id, "meeting.not_found")
    if meeting.cancelled_on is not None:
        raise UserError("meeting.cancelled", number=meeting.number)
    return meeting


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
    return minutes_to_json(load_minutes(s, meeting.id))


def save_minutes(
    db: Database, meeting_id: str, minutes: Minutes, revision_reason: str = ""
) -> Minutes:
    """Store the minutes (attendees, items, resolutions, next meeting) as a whole; returns
    them as stored, new items and resolutions with their ids (the editor keeps those).

    Finalized minutes change only with a reason: the minutes as they were are kept in a
    revision record. Resolutions already followed up cannot be removed. The autosaved draft
    is discarded."""
    with db.uow() as s:
        meeting = not_cancelled(s, meeting_id)
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
        return load_minutes(s, meeting.id)


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
    remove_dropped(existing, resolutions, kept)
    if meeting.status == "draft":  # numbered in order until 定稿 fixes the numbers for good
        for n, row in enumerate(ordered, 1):
            row.number = f"{meeting.number}-{n:02d}"


def remove_dropped(
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
        meeting = not_cancelled(s, meeting_id)
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


def load_minutes(s: Session, meeting_id: str) -> Minutes:
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
