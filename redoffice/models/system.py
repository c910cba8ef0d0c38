"""Local bookkeeping tables: settings, audit log, sync change log and its counters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, UTCDateTime, utcnow


class Setting(Base):
    """One business setting (community identity, operator, node id ...), value as JSON text."""

    __tablename__ = "setting"
    __audited__ = True

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AuditLog(Base):
    """Who changed which row when, with the row before and after (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(64), nullable=False)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_log_row", "table_name", "row_id"),)


class SyncCounter(Base):
    """Next sequence number per outgoing channel; a row lock keeps the numbers contiguous."""

    __tablename__ = "sync_counter"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    last_seq: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)


class ChangeLog(Base):
    """One row per change of a synced record, in the same transaction (sync-protocol.md)."""

    __tablename__ = "change_log"

    channel: Mapped[str] = mapped_column(
        String(64), ForeignKey("sync_counter.channel"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, nullable=False)
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    op: Mapped[str] = mapped_column(String(8), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
