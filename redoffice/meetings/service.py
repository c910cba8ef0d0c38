"""三方联席会议 and other joint meetings: create one (open resolutions of earlier meetings of the
same 小区 and type are carried forward; 民情诉求 cases become agenda items), correct it, or cancel
it before its minutes are final. The minutes themselves: :mod:`redoffice.meetings.minutes`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live, next_number
from redoffice.kit.validation import Checker, required_text
from redoffice.meetings.codes import OPEN_RESOLUTION
from redoffice.meetings.inputs import MeetingInput
from redoffice.meetings.minutes import not_cancelled, remove_dropped
from redoffice.meetings.queries import MeetingDetail, get_meeting
from redoffice.models import AgendaItem, Case, Estate, Meeting, MeetingEstate, Resolution
from redoffice.settings import config


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
    meeting = not_cancelled(s, meeting_id)
    if meeting.status == "final":
        raise UserError("meeting.final_fixed", number=meeting.number)
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
        remove_dropped({}, {r.id: r for r in drafts}, set())
        meeting.cancelled_on, meeting.cancel_reason = on, text
