"""What the sync looks like per partner, and the history of packages sent and received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.models import SyncConflict, SyncHeld, SyncPackage, SyncPartner


@dataclass(frozen=True)
class PartnerStatus:
    node_id: str
    name: str
    status: str
    epoch: int
    sent_seq: int
    acked_seq: int
    applied_seq: int
    held: int
    refused: int
    conflicts: int


@dataclass(frozen=True)
class PackageRow:
    at: datetime
    kind: str
    direction: str
    partner: str
    epoch: int
    seq_from: int
    seq_to: int
    status: str
    reason: str
    records: int
    conflicts: int
    file_name: str


def _pairs(rows: Any) -> dict[Any, Any]:
    return {row[0]: row[1] for row in rows}


def partner_status(db: Database) -> list[PartnerStatus]:
    """Per partner: last sent, last acknowledged, applied (street), held and refused packages,
    conflicts open for review."""
    with db.read() as s:
        counts = _pairs(  # held now (sync.held keeps them until applied or obsolete)
            s.execute(select(SyncHeld.sender, func.count()).group_by(SyncHeld.sender))
        )
        refused = _pairs(
            s.execute(
                select(SyncPackage.sender, func.count())
                .where(SyncPackage.status == "refused")
                .group_by(SyncPackage.sender)
            )
        )
        conflicts = _pairs(
            s.execute(
                select(SyncConflict.owner_node, func.count())
                .where(SyncConflict.resolved.is_(False))
                .group_by(SyncConflict.owner_node)
            )
        )
        return [
            PartnerStatus(
                p.node_id,
                p.name,
                p.status,
                p.epoch,
                p.sent_seq,
                p.acked_seq,
                p.applied_seq,
                counts.get(p.node_id, 0),
                refused.get(p.node_id, 0),
                conflicts.get(p.node_id, 0),
            )
            for p in s.scalars(select(SyncPartner).order_by(SyncPartner.code))
        ]


def history(db: Database, limit: int = 200) -> list[PackageRow]:
    """Packages and acknowledgements sent and received, newest first."""
    with db.read() as s:
        names = _pairs(s.execute(select(SyncPartner.node_id, SyncPartner.name)))
        rows = s.scalars(select(SyncPackage).order_by(SyncPackage.id.desc()).limit(limit))
        return [
            PackageRow(
                r.at,
                r.kind,
                r.direction,
                names.get(r.sender if r.direction == "in" else r.recipient, r.sender),
                r.epoch,
                r.seq_from,
                r.seq_to,
                r.status,
                r.reason,
                r.records,
                r.conflicts,
                r.file_name,
            )
            for r in rows
        ]
