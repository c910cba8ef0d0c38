"""微心愿 and 在职党员双报到: registered party members and their service records, rounds (批次) of
wishes, claims by members or partner units, and the dated events the statistics count."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord


class PartyMember(SyncedRecord, Base):
    """在职党员 who reported (双报到) to this community: a resident or someone living elsewhere."""

    __tablename__ = "party_member"

    resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")
    workplace: Mapped[str] = mapped_column(String(128), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    party_org: Mapped[str] = mapped_column(String(128), default="")
    reported_on: Mapped[date] = mapped_column(Date)
    commitments: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ServiceRecord(SyncedRecord, Base):
    """One service a registered member gave (for the quarterly return to the employer)."""

    __tablename__ = "service_record"

    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"), index=True)
    service_date: Mapped[date] = mapped_column(Date, index=True)
    activity: Mapped[str] = mapped_column(String(255))
    minutes: Mapped[int] = mapped_column(Integer)
    wish_id: Mapped[str | None] = mapped_column(ForeignKey("wish.id"))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_record.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (CheckConstraint("minutes > 0", name="minutes"),)


class WishRound(SyncedRecord, Base):
    """A round (批次) of wishes published together on the wish wall."""

    __tablename__ = "wish_round"

    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)


class Wish(SyncedRecord, Base):
    """A 微心愿; ``status`` moves only along ``services.wishes.TRANSITIONS``. Money in fen."""

    __tablename__ = "wish"

    number: Mapped[str] = mapped_column(String(32), index=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("resident.id"), index=True)
    text: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(8))
    group_tag: Mapped[str] = mapped_column(String(32), default="")
    estimated_value: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="collected")
    consent_on: Mapped[date | None] = mapped_column(Date)  # consent to publication (PIPL 25)
    guardian: Mapped[str] = mapped_column(String(64), default="")  # under 14: PIPL 31
    guardian_consent_on: Mapped[date | None] = mapped_column(Date)
    collected_on: Mapped[date] = mapped_column(Date)
    collected_by: Mapped[str] = mapped_column(String(64), default="")
    verified_on: Mapped[date | None] = mapped_column(Date)
    verified_by: Mapped[str] = mapped_column(String(64), default="")
    verify_method: Mapped[str] = mapped_column(String(16), default="")
    verify_note: Mapped[str] = mapped_column(Text, default="")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    round_id: Mapped[str | None] = mapped_column(ForeignKey("wish_round.id"), index=True)
    rollovers: Mapped[int] = mapped_column(Integer, default=0)
    fulfilled_on: Mapped[date | None] = mapped_column(Date)
    actual_value: Mapped[int | None] = mapped_column(Integer)
    receipt_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str] = mapped_column(String(16), default="")
    feedback_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("category IN ('goods','service')", name="category"),
        CheckConstraint(
            "status IN ('collected','verified','rejected','published','claimed','fulfilled',"
            "'closed')",
            name="status",
        ),
        CheckConstraint("estimated_value >= 0", name="estimated_value"),
    )


class WishClaim(SyncedRecord, Base):
    """认领: by a partner unit, one or several members, or both. One live claim per wish."""

    __tablename__ = "wish_claim"

    wish_id: Mapped[str] = mapped_column(ForeignKey("wish.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    claimed_on: Mapped[date] = mapped_column(Date)
    contact_due: Mapped[date] = mapped_column(Date)
    contacted_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="live")
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("status IN ('live','cancelled','fulfilled')", name="status"),
        Index(
            "uq_wish_claim_live",
            "wish_id",
            unique=True,
            sqlite_where=text("status = 'live' AND deleted = 0"),
            postgresql_where=text("status = 'live' AND deleted = false"),
        ),
    )


class WishClaimMember(SyncedRecord, Base):
    """A member taking part in a claim (多人认领)."""

    __tablename__ = "wish_claim_member"

    claim_id: Mapped[str] = mapped_column(ForeignKey("wish_claim.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"), index=True)


class WishEvent(SyncedRecord, Base):
    """What happened to a wish and when: the statistics count these by ``event_date``, so a
    claim cancelled later never changes the figures of an earlier month."""

    __tablename__ = "wish_event"

    wish_id: Mapped[str] = mapped_column(ForeignKey("wish.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    event_date: Mapped[date] = mapped_column(Date, index=True)
    round_id: Mapped[str | None] = mapped_column(ForeignKey("wish_round.id"))
    claim_id: Mapped[str | None] = mapped_column(ForeignKey("wish_claim.id"))
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"))
    group_tag: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
