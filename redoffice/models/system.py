"""Local bookkeeping tables: settings, the hash-chained audit log and its batches, the sync
sequence counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.kit.clock import utcnow
from redoffice.models.base import Base, UTCDateTime


class Setting(Base):
    """One business setting (community identity, operator, node id ...), value as JSON text."""

    __tablename__ = "setting"
    __audited__ = True

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AuditLog(Base):
    """One entry of the hash-chained audit trail: who did what to which row, when, and how.

    ``fields`` holds only what changed, ``{"column": [old, new]}`` (JSON); a created row has
    none (the row itself is the record), a soft delete or restore changes ``deleted``, a removed
    local row (a setting, a calendar day) keeps its values as ``[old, null]``; other actions
    (an import or demo batch, an unmasked export) hold their details. ``batch_id`` names the
    import the entry belongs to. ``prev_hash`` is the previous entry's ``hash``; ``hash`` is the
    SHA-256 of this entry's canonical form (:mod:`redoffice.kit.audit_log`). Ids are given by
    the application, contiguous from 1, so that a removed entry leaves a gap.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(64), nullable=False)
    fields: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("audit_batch.id"))
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)

    __table_args__ = (Index("ix_audit_log_row", "table_name", "row_id"),)


class AuditBatch(Base):
    """One bulk write audited as a whole (an Excel import, the demo): the rows it created carry
    its ``seq`` as their ``created_seq``; ``counts`` (JSON) says how many rows of each table it
    created and changed. Its audit entry repeats these details under the hash chain."""

    __tablename__ = "audit_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    counts: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditChain(Base):
    """The head of the audit hash chain (one row): the last entry's id and hash. Appends update
    it in their transaction, which also serialises them (a row lock on PostgreSQL)."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)


class SyncCounter(Base):
    """The node's sequence number per outgoing channel: each transaction that changes synced
    rows takes the next one (``UPDATE … RETURNING``, a row lock held to commit on PostgreSQL,
    so numbers are handed out in commit order)."""

    __tablename__ = "sync_counter"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    last_seq: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)


class AppRelease(Base):
    """The RedOffice version that last opened (and upgraded) this database: an older program
    refusing the newer schema can then say which version to install."""

    __tablename__ = "app_release"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
