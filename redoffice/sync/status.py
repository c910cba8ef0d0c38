"""What the sync looks like per partner, and the history of packages sent and received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

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


TABLE_LABELS: Final = {
    "attachment": "附件",
    "fund_account": "基金账户",
    "fund_notice": "基金公示",
    "grid": "网格",
    "meeting": "会议",
    "organization": "单位",
    "wish_round": "微心愿批次",
    "estate": "小区",
    "meeting_attendee": "参会人员",
    "meeting_revision": "会议纪要修订",
    "staff": "工作人员",
    "fund_period_close": "基金结账",
    "household": "户",
    "meeting_estate": "会议涉及小区",
    "resident": "居民",
    "visit": "走访",
    "case_record": "诉求",
    "party_member": "党员",
    "resident_tag": "居民标签",
    "visit_participant": "走访人员",
    "wish": "微心愿",
    "agenda_item": "议题",
    "case_event": "诉求办理记录",
    "fund_application": "基金申请",
    "service_record": "服务记录",
    "wish_claim": "微心愿认领",
    "fund_entry": "基金台账",
    "fund_objection": "公示异议",
    "fund_step": "基金审批步骤",
    "resolution": "决议",
    "wish_claim_member": "认领成员",
    "wish_event": "微心愿记录",
    "resolution_note": "决议跟进",
}


@dataclass(frozen=True)
class ConflictRow:
    """A local copy the owner's copy replaced, kept for review (street office)."""

    id: int
    at: datetime
    partner: str
    table: str
    table_label: str
    row_id: str
    local_version: int
    incoming_version: int
    local_row: str
    resolved: bool


def conflicts(db: Database, *, open_only: bool = False, limit: int = 500) -> list[ConflictRow]:
    """The conflicts kept by imports, newest first (read only: what was replaced and by whom)."""
    with db.read() as s:
        names = _pairs(s.execute(select(SyncPartner.node_id, SyncPartner.name)))
        chosen = select(SyncConflict).order_by(SyncConflict.id.desc()).limit(limit)
        if open_only:
            chosen = chosen.where(SyncConflict.resolved.is_(False))
        return [
            ConflictRow(
                c.id,
                c.at,
                names.get(c.owner_node, c.owner_node),
                c.table_name,
                TABLE_LABELS.get(c.table_name, c.table_name),
                c.row_id,
                c.local_version,
                c.incoming_version,
                c.local_row,
                c.resolved,
            )
            for c in s.scalars(chosen)
        ]
