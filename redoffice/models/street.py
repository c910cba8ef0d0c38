"""The street office's decisions back to its communities (issue 15): records the street owns
(``owner_node`` = the street), each pointing at a community's record, which travel to that
community in the street's receipts (:mod:`redoffice.street.orders`); and the community's own
answers to them (a notice's completion, what it has applied of the street's records), which
travel back in its packages like every synced row.

The street-owned tables are marked ``__street_owned__``: no community package may carry them
(:func:`redoffice.sync.wire.synced_tables` leaves them out, so a line of one is refused)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord, UTCDateTime


class StreetDecision(SyncedRecord, Base):
    """上级审批 of a fund application awaiting it: approved or rejected, with the opinion."""

    __tablename__ = "street_decision"
    __street_owned__: ClassVar[bool] = True

    community_node: Mapped[str] = mapped_column(String(36), index=True)
    application_id: Mapped[str] = mapped_column(String(36), index=True)
    outcome: Mapped[str] = mapped_column(String(8))
    opinion: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint("outcome IN ('approve','reject')", name="outcome"),
        # one live decision per application, held by the database against two clerks at once
        Index(
            "uq_street_decision_live",
            "application_id",
            unique=True,
            sqlite_where=text("deleted = 0"),
            postgresql_where=text("deleted = false"),
        ),
    )


class StreetReply(SyncedRecord, Base):
    """The street's 答复 to a case a community escalated (转街道), with the 承办部门."""

    __tablename__ = "street_reply"
    __street_owned__: ClassVar[bool] = True

    community_node: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    department: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    replied_by: Mapped[str] = mapped_column(String(64))
    replied_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StreetNotice(SyncedRecord, Base):
    """通知 or 任务 to one, several or all communities (``recipients``: node ids separated by
    spaces; empty = every community), due on a day."""

    __tablename__ = "street_notice"
    __street_owned__: ClassVar[bool] = True

    kind: Mapped[str] = mapped_column(String(8), default="notice")
    title: Mapped[str] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    recipients: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint("kind IN ('notice','task')", name="kind"),)


class NoticeCompletion(SyncedRecord, Base):
    """A community's 完成 of a street notice (owned by the community)."""

    __tablename__ = "notice_completion"

    notice_id: Mapped[str] = mapped_column(ForeignKey("street_notice.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    done_by: Mapped[str] = mapped_column(String(64))
    done_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("owner_node", "notice_id"),)


class StreetInbox(SyncedRecord, Base):
    """What a community has applied of its street's records: every street record up to
    ``applied_seq`` (the street's sequence number). It travels back in the community's
    packages, and the street's next receipt carries what lies above it (cumulative)."""

    __tablename__ = "street_inbox"

    street_node: Mapped[str] = mapped_column(String(36))
    applied_seq: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (UniqueConstraint("owner_node", "street_node"),)
