"""Daily work: household visits (入户走访), residents' requests (民情诉求) and their timeline,
and the working-day calendar the deadlines are counted on."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord, UTCDateTime


class Visit(SyncedRecord, Base):
    """One household visit. ``purposes`` holds the chosen purpose labels as a JSON array."""

    __tablename__ = "visit"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    visit_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    purposes: Mapped[str] = mapped_column(Text, default="[]")
    situation: Mapped[str] = mapped_column(Text, default="")
    resolved_on_spot: Mapped[int] = mapped_column(Integer, default=0)
    next_visit_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("resolved_on_spot >= 0", name="resolved_on_spot"),
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time >= start_time", name="times"
        ),
        # visits per day/month read from the index alone (the 工作台 chart)
        Index("ix_visit_date_live", "visit_date", "deleted"),
    )


class VisitParticipant(SyncedRecord, Base):
    """Who went: a staff member (走访人), or an accompanying party member or volunteer."""

    __tablename__ = "visit_participant"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="staff")
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("role IN ('staff','party_member','volunteer')", name="role"),)


class Case(SyncedRecord, Base):
    """民情诉求: a request tracked from 受理 to 回访."""

    __tablename__ = "case_record"

    number: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32), index=True)
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    reporter_resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), index=True)
    reporter_name: Mapped[str] = mapped_column(String(64), default="")
    reporter_phone: Mapped[str] = mapped_column(String(32), default="")
    place: Mapped[str] = mapped_column(String(255), default="")
    description: Mapped[str] = mapped_column(Text)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    assignee_staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    assignee_org_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    status: Mapped[str] = mapped_column(String(16), default="accepted", index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    called_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("owner_node", "number"),
        CheckConstraint("urgency IN ('urgent','normal')", name="urgency"),
        CheckConstraint(
            "status IN ('accepted','in_progress','resolved','called_back')", name="status"
        ),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction IN ('satisfied','basically','unsatisfied')",
            name="satisfaction",
        ),
        # the 工作台's counts by category and state, from the index alone
        Index("ix_case_record_accepted", "accepted_at", "deleted", "category", "status"),
    )


class CaseEvent(SyncedRecord, Base):
    """One line of a case's timeline: created, a transition, a note, an escalation."""

    __tablename__ = "case_event"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_record.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "kind IN ('created','transition','reopened','note','escalated')", name="kind"
        ),
        Index("ix_case_event_case_at", "case_id", "at"),
    )


class Attachment(SyncedRecord, Base):
    """A photo or scan kept beside the database, addressed by the SHA-256 of its content.

    ``original_name`` is display text only; the file on disk is named by its hash."""

    __tablename__ = "attachment"

    owner_table: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255), default="")

    __table_args__ = (
        CheckConstraint(
            "owner_table IN ('visit','case_record','meeting','wish','fund_application')",
            name="owner_table",
        ),
        CheckConstraint("size > 0", name="size"),
        Index("ix_attachment_owner", "owner_table", "owner_id"),
    )


class HouseholdVisitState(Base):
    """Derived, local, rebuildable: each live household's last visit and next due date.

    Kept current in the same transaction as every change that moves a due date (see
    :mod:`redoffice.visits.state`), so the visit plan and the 工作台 read due households through an
    index instead of aggregating every visit. Not synced and not audited: it is a cache."""

    __tablename__ = "household_visit_state"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), primary_key=True)
    grid_id: Mapped[str | None] = mapped_column(String(36))
    last_visit_date: Mapped[date | None] = mapped_column(Date)
    interval_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    computed_on: Mapped[date] = mapped_column(Date, index=True)

    __table_args__ = (
        # due households by date, and counted per 网格, from the index alone
        Index("ix_household_visit_state_due", "due_date", "grid_id"),
        Index("ix_household_visit_state_grid", "grid_id", "due_date"),
    )


class CalendarDay(Base):
    """An exception to Monday–Friday: a public holiday, or a 调休 weekend working day."""

    __tablename__ = "calendar_day"
    __audited__ = True

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(32), default="")

    __table_args__ = (CheckConstraint("kind IN ('holiday','workday')", name="kind"),)
