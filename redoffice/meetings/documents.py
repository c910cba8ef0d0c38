"""What the 签到表, the 会议纪要 and the 议定事项督办表 print, read from the database (phones
masked), and the PDFs."""

from __future__ import annotations

from datetime import date
from typing import Any

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.validation import mask_phone
from redoffice.meetings import codes as meeting_codes
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings.resolutions import ResolutionFilter, ResolutionRow
from redoffice.registry import reference as registry
from redoffice.reports import meetings as forms
from redoffice.reports.meetings import (
    AttendeeLine,
    FollowUpLine,
    ItemBlock,
    MeetingSheet,
    ResolutionLine,
)
from redoffice.settings import community


def meeting_sheet(db: Database, meeting_id: str) -> MeetingSheet:
    """The meeting for its 签到表 and 纪要; phones masked, carried-forward resolutions with their
    current state and latest progress. A cancelled meeting has neither: refused, saying so."""
    detail = meeting_queries.get_meeting(db, meeting_id)
    if detail.cancelled_on is not None:
        raise UserError("meeting.cancelled_no_papers", number=detail.number)
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
                meeting_codes.PARTIES[a.party],
                a.name,
                a.unit,
                a.post,
                mask_phone(a.phone),
                meeting_codes.ATTENDANCE[a.attendance],
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
            for code, label in meeting_codes.PARTIES.items()
            if code in meeting_codes.SIGNING_PARTIES or code in present
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


def sign_in_sheet(db: Database, meeting_id: str) -> bytes:
    return forms.sign_in_sheet(meeting_sheet(db, meeting_id))


def minutes(db: Database, meeting_id: str) -> bytes:
    return forms.minutes(meeting_sheet(db, meeting_id))


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


def _subtitle(db: Database, f: ResolutionFilter) -> str:
    """The filters of a 督办表 in words: which items, whose, where, due by when."""
    which = "逾期事项" if f.overdue_only else "未完成事项" if f.open_only else "全部事项"
    estates = dict((i, n) for n, i in registry.estate_choices(db)) if f.estate_id else {}
    parts = [
        which,
        meeting_codes.PARTIES.get(f.party, "") if f.party else "",
        estates.get(f.estate_id or "", ""),
        f"时限至 {f.deadline_to.isoformat()}" if f.deadline_to else "",
    ]
    return "，".join(p for p in parts if p)


def follow_up_pdf(db: Database, f: ResolutionFilter) -> bytes:
    """议定事项督办表 of the resolutions the filter selects."""
    rows = follow_up_lines(resolutions.list_resolutions(db, f))
    name = community.identity(db).community_name
    return forms.follow_up_sheet(name, _subtitle(db, f), rows)
