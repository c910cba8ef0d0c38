"""Sync bookkeeping (issue 14): the partners a node exchanges files with and their keys, the
packages and acknowledgements sent and received, and conflicts kept for review. Local tables:
neither synced nor audited row by row (an applied package is one audit entry)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.kit.clock import utcnow
from redoffice.models.base import Base, UTCDateTime


class SyncPartner(Base):
    """An enrolled node: a community at the street office, the street office at a community.

    Community side: ``sent_seq`` the last sequence number exported to it, ``acked_seq`` the last
    it acknowledged (the next package starts above it), ``epoch`` the epoch they refer to.
    Street side: ``epoch`` and ``applied_seq`` are the high-water mark of what was applied from
    it, ``last_manifest`` the hash of the last applied manifest, ``audit_id``/``audit_hash`` the
    checkpoint of its audit chain (the head the last package carried)."""

    __tablename__ = "sync_partner"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # community / street
    name: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(16))
    street_name: Mapped[str] = mapped_column(String(64), default="")
    street_code: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="enrolled")  # enrolled / revoked
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    sent_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    applied_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_manifest: Mapped[str] = mapped_column(String(64), default="")
    audit_id: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")


class SyncPeerKey(Base):
    """A public key pair of a partner, pinned at enrolment after the fingerprint was compared.
    Re-keying revokes the old pair; a package signed with a revoked key is refused."""

    __tablename__ = "sync_peer_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    node_id: Mapped[str] = mapped_column(ForeignKey("sync_partner.node_id"))
    key_id: Mapped[str] = mapped_column(String(16))
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="enrolled")  # enrolled / revoked
    pinned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("node_id", "key_id"),)


class SyncPackage(Base):
    """A package or acknowledgement sent or received, and what became of it: ``status``
    sent / applied / duplicate / held / refused (packages), acknowledged (acknowledgements)."""

    __tablename__ = "sync_package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(8))  # package / ack
    direction: Mapped[str] = mapped_column(String(4))  # in / out
    package_id: Mapped[str] = mapped_column(String(36), default="")
    sender: Mapped[str] = mapped_column(String(36), default="")
    recipient: Mapped[str] = mapped_column(String(36), default="")
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    seq_from: Mapped[int] = mapped_column(BigInteger, default=0)
    seq_to: Mapped[int] = mapped_column(BigInteger, default=0)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    manifest_hash: Mapped[str] = mapped_column(String(64), default="")
    payload_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_sync_package_partner", "sender", "recipient", "kind"),)


class SyncConflict(Base):
    """A local copy of a row that the owner's copy replaced (both sides changed it): kept for
    review and listed in the acknowledgement."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    owner_node: Mapped[str] = mapped_column(String(36))
    local_version: Mapped[int] = mapped_column(Integer)
    incoming_version: Mapped[int] = mapped_column(Integer)
    local_row: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved: Mapped[bool] = mapped_column(default=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")


class SyncLocalEdit(Base):
    """A row another node owns, changed here since its owner's copy was last applied (a clerk
    at the street editing a community's row): ``base_version``, ``base_seq`` and ``base_hash``
    are the owner's copy it started from (decision 0019). Written by the flush hook of
    :mod:`redoffice.sync.conflicts`, removed when the owner's next copy is applied (then the
    local copy goes to ``sync_conflict``)."""

    __tablename__ = "sync_local_edit"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_node: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int] = mapped_column(Integer)
    base_seq: Mapped[int] = mapped_column(BigInteger)
    base_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncHeld(Base):
    """A package held (a gap before it, a new epoch without its start, a newer schema): its
    file copied to ``held/<package_id>.rosync`` under the sync data folder, applied by itself
    (verified again from the file) once what it waits for has arrived, dropped when a later
    cumulative package made it obsolete."""

    __tablename__ = "sync_held"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36), index=True)
    epoch: Mapped[int] = mapped_column(Integer)
    seq_from: Mapped[int] = mapped_column(BigInteger)
    seq_to: Mapped[int] = mapped_column(BigInteger)
    schema: Mapped[str] = mapped_column(String(8), default="")
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncPurge(Base):
    """A record erased (PIPL) by its owner: its personal fields were blanked here too, and a
    later copy of it carrying personal data is refused."""

    __tablename__ = "sync_purge"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_node: Mapped[str] = mapped_column(String(36))
    package_id: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
