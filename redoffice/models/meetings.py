"""三方联席会议 and the other joint meetings: attendees, agenda items, resolutions (议定事项) and
their follow-up, revisions of finalized minutes, and autosaved drafts of the minutes."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord, UTCDateTime


class Meeting(SyncedRecord, Base):
    """A meeting; ``status`` draft until 定稿 (final), after which changes are revisions; a
    draft can be corrected, or cancelled (``cancelled_on``, with the reason)."""

    __tablename__ = "meeting"

    number: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(128))
    meeting_date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(128), default="")
    convener: Mapped[str] = mapped_column(String(64), default="")
    host: Mapped[str] = mapped_column(String(64), default="")
    recorder: Mapped[str] = mapped_column(String(64), default="")
    notice_date: Mapped[date | None] = mapped_column(Date)
    next_meeting: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(8), default="draft")
    finalized_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revision: Mapped[int] = mapped_column(Integer, default=0)
    # a draft called off: the day and why (its minutes can then never be written)
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (CheckConstraint("status IN ('draft','final')", name="status"),)


class MeetingEstate(SyncedRecord, Base):
    """A 小区 the meeting is about (one or more)."""

    __tablename__ = "meeting_estate"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    estate_id: Mapped[str] = mapped_column(ForeignKey("estate.id"), index=True)


class MeetingAttendee(SyncedRecord, Base):
    """Who was invited, from which party, and whether they attended (出席/列席/缺席)."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    party: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(128), default="")
    post: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    attendance: Mapped[str] = mapped_column(String(8), default="present")
    note: Mapped[str] = mapped_column(String(128), default="")

    __table_args__ = (
        CheckConstraint("attendance IN ('present','observer','absent')", name="attendance"),
    )


class AgendaItem(SyncedRecord, Base):
    """议题: new text, a 民情诉求 case, or an open resolution carried forward."""

    __tablename__ = "agenda_item"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(8), default="new")
    title: Mapped[str] = mapped_column(String(255))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_record.id"), index=True)
    # a resolution of an earlier meeting (no FK: resolution rows point back at agenda items)
    carried_resolution_id: Mapped[str | None] = mapped_column(String(36), index=True)
    discussion: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (CheckConstraint("source IN ('new','case','carried')", name="source"),)


class Resolution(SyncedRecord, Base):
    """议定事项: what was decided, who is responsible, by when; followed until done."""

    __tablename__ = "resolution"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    party: Mapped[str] = mapped_column(String(24))
    org_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    unit: Mapped[str] = mapped_column(String(128), default="")
    person: Mapped[str] = mapped_column(String(64), default="")
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    completed_on: Mapped[date | None] = mapped_column(Date)
    verifier: Mapped[str] = mapped_column(String(64), default="")
    feedback: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("status IN ('pending','in_progress','done','cancelled')", name="status"),
        Index("ix_resolution_status_deadline", "status", "deadline"),
    )


class ResolutionNote(SyncedRecord, Base):
    """A line of a resolution's follow-up: progress, a change of state, the verification."""

    __tablename__ = "resolution_note"

    resolution_id: Mapped[str] = mapped_column(ForeignKey("resolution.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")


class MeetingRevision(SyncedRecord, Base):
    """A change to finalized minutes: the minutes as they were, why, by whom."""

    __tablename__ = "meeting_revision"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[str] = mapped_column(Text)


class MinutesDraft(Base):
    """Autosaved minutes being typed (local only, not synced, not audited): what the editor
    shows again after a crash or a power cut. Removed when the minutes are saved."""

    __tablename__ = "minutes_draft"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())
