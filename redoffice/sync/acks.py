"""Acknowledgements, street office → community: signed, saying up to which sequence number
the street applied, what it held or refused and why, and the conflicts it kept. The community
imports one to move its acknowledged number (the next package starts above it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import orjson
from cryptography.exceptions import InvalidSignature
from sqlalchemy import select

from redoffice.kit import audit_log, clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import unused_path
from redoffice.kit.messages import MESSAGES, message
from redoffice.models import SyncConflict, SyncHeld, SyncPackage, SyncPartner, SyncPeerKey
from redoffice.street import orders
from redoffice.sync import keys, node
from redoffice.sync.enrol import ENROLLED, REVOKED, canonical, read_signed, write_atomically
from redoffice.sync.keys import PublicKeys, b64, unb64

if TYPE_CHECKING:
    from redoffice.sync.packages import Imported

FORMAT: Final = "redoffice-ack"
VERSION: Final = 2  # 2: the street's records for the community (``orders``, decision 0022)
CURRENT: Final = "current"  # a receipt answering no package (write_receipt)
SUFFIX: Final = ".rosack"
MAX_BYTES: Final = 16 * 1024**2
_BODY: Final = frozenset(
    {
        "node",
        "key_id",
        "recipient",
        "package_id",
        "status",
        "reason",
        "epoch",
        "applied_to",
        "records",
        "conflicts",
        "audit_checkpoint",
        "orders",
        "created_at",
    }
)


@dataclass(frozen=True)
class AckImported:
    """What ``sync ack-import`` reports."""

    status: str
    epoch: int
    acked_seq: int
    package_status: str
    reason: str
    conflicts: int
    street_new: int = 0  # the street's records new here (decisions, replies, notices)
    street_reports: tuple[str, ...] = ()  # decisions or replies kept without effect, why


def write_ack(db: Database, own: keys.NodeKeys, result: Imported, folder: Path) -> Path:
    """The signed acknowledgement of ``result`` for its sender, written into ``folder``, with
    the street's records for that community not yet confirmed (:mod:`redoffice.street.orders`)."""
    with db.read() as s:
        partner = s.get(SyncPartner, result.sender)
        if partner is None:
            raise UserError("sync.unknown_partner", node=result.sender)
        conflicts = [
            {"table": c.table_name, "row_id": c.row_id, "local_version": c.local_version}
            for c in s.scalars(
                select(SyncConflict)
                .where(SyncConflict.package_id == result.package_id)
                .order_by(SyncConflict.id)
            )
        ]
        epoch, applied_to = partner.epoch, partner.applied_seq
        waiting = s.get(SyncHeld, result.package_id) if result.status == "held" else None
        if waiting is not None and waiting.epoch > epoch:
            # held in a new epoch this street has not begun (restored from a backup): in that
            # epoch nothing is applied here, so the community sends it again from its start
            epoch, applied_to = waiting.epoch, 0
    answer = _Answer(result.package_id, result.status, result.reason, result.records, conflicts)
    return _write(db, own, partner, answer, (epoch, applied_to), folder)


def status_words(status: str) -> str:
    """A receipt's package status in words (``current``: sent by the street unasked)."""
    code = f"sync.state.{status}"
    return message(code) if code in MESSAGES else status


def write_receipt(db: Database, own: keys.NodeKeys, community: str, folder: Path) -> Path:
    """A receipt for ``community`` answering no package (status ``current``): the state it
    would acknowledge now, carrying the street's records for it not yet confirmed — what a
    clerk sends after deciding, without waiting for the community's next package."""
    node.require(db, node.STREET)
    with db.read() as s:
        partner = s.scalars(
            select(SyncPartner).where(
                (SyncPartner.node_id == community) | (SyncPartner.code == community),
                SyncPartner.role == node.COMMUNITY,
            )
        ).first()
    if partner is None:
        raise UserError("street.unknown_community", name=community)
    if partner.status == REVOKED:
        raise UserError("sync.partner_revoked", name=partner.name)
    if not partner.epoch:
        raise UserError("street.no_package_yet", name=partner.name)
    answer = _Answer("", CURRENT, "", 0, [])
    return _write(db, own, partner, answer, (partner.epoch, partner.applied_seq), folder)


@dataclass(frozen=True)
class _Answer:
    package_id: str
    status: str
    reason: str
    records: int
    conflicts: list[dict[str, Any]]


def _write(
    db: Database,
    own: keys.NodeKeys,
    partner: SyncPartner,
    answer: _Answer,
    applied: tuple[int, int],
    folder: Path,
) -> Path:
    body = {
        "node": db.node_id,
        "key_id": own.key_id,
        "recipient": partner.node_id,
        "package_id": answer.package_id,
        "status": answer.status,
        "reason": answer.reason,
        "epoch": applied[0],
        "applied_to": applied[1],
        "records": answer.records,
        "conflicts": answer.conflicts,
        "audit_checkpoint": {"id": partner.audit_id, "hash": partner.audit_hash},
        "orders": orders.sealed_for(db.engine, db.node_id, partner.node_id, partner.name),
        "created_at": audit_log.instant(utcnow()),
    }
    document = {
        "format": FORMAT,
        "version": VERSION,
        "body": body,
        "signature": b64(own.sign.sign(canonical(body))),
    }
    folder.mkdir(parents=True, exist_ok=True)
    # an earlier receipt (the first import of a package re-imported) is never overwritten
    stem = f"回执_{partner.name}_{clock.today():%Y%m%d}_{body['applied_to']}"
    target = unused_path(folder, stem, SUFFIX)
    write_atomically(target, orjson.dumps(document, option=orjson.OPT_SORT_KEYS))
    return target


def _read(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        document, body = read_signed(path, FORMAT, VERSION, _BODY, MAX_BYTES)
        for key in ("node", "key_id", "recipient", "package_id", "status", "reason", "created_at"):
            if not isinstance(body[key], str):
                raise ValueError(f"{key} 无效")
        for key in ("epoch", "applied_to", "records"):
            if not isinstance(body[key], int) or isinstance(body[key], bool) or body[key] < 0:
                raise ValueError(f"{key} 无效")
        if not isinstance(body["conflicts"], list):
            raise ValueError("conflicts 无效")
        check = body["audit_checkpoint"]
        if not isinstance(check, dict) or set(check) != {"id", "hash"}:
            raise ValueError("audit_checkpoint 无效")
        orders.check_shape(body["orders"])
        document["signature"] = unb64(document["signature"])
    except (ValueError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise UserError("sync.ack_unreadable", name=name, detail=str(exc)) from exc
    return document


def import_ack(db: Database, path: Path, passphrase: str | None = None) -> AckImported:
    """Verify an acknowledgement from the pinned street office and move the acknowledged
    sequence number (forwards; backwards only for a held package's acknowledgement, which says
    the street lacks a part; importing the same one again changes nothing). The street's
    records it carries are applied in the same transaction (:mod:`redoffice.street.orders`;
    decrypting them takes this node's keys, ``passphrase`` for a key file)."""
    node.require(db, node.COMMUNITY)
    document = _read(path)
    body = document["body"]
    with db.read() as s:
        partner = s.get(SyncPartner, body["node"])
        key = s.scalars(
            select(SyncPeerKey).where(
                SyncPeerKey.node_id == body["node"], SyncPeerKey.key_id == body["key_id"]
            )
        ).first()
    if partner is None or key is None:
        who = partner.name if partner is not None else f"编号 {body['node']}"
        raise UserError("sync.unknown_street", who=who)
    if partner.status == REVOKED:
        raise UserError("sync.sender_revoked", name=partner.name)
    if key.status != ENROLLED:
        raise UserError("sync.key_revoked", name=partner.name)
    try:
        PublicKeys(unb64(key.sign_public), unb64(key.box_public)).verifier().verify(
            document["signature"], canonical(body)
        )
    except (InvalidSignature, ValueError) as exc:
        raise UserError("sync.ack_signature", name=path.name) from exc
    if body["recipient"] != db.node_id:
        raise UserError("sync.ack_other")
    sent = body["orders"]
    rows = orders.opened(sent, keys.load_keys(db, passphrase), path.name)
    with db.uow() as s:
        p = s.get(SyncPartner, partner.node_id)
        assert p is not None
        if body["epoch"] != p.epoch:
            raise UserError("sync.ack_old_epoch")
        if body["applied_to"] > p.sent_seq:
            raise UserError("sync.ack_ahead", seq=body["applied_to"], sent=p.sent_seq)
        moved = body["applied_to"] > p.acked_seq
        if moved:
            p.acked_seq = body["applied_to"]
        elif body["status"] == "held" and body["applied_to"] < p.acked_seq:
            # the street lacks part of what it acknowledged (restored from a backup): the next
            # package starts where it stands, so it carries the missing part (decision 0019)
            p.acked_seq, moved = body["applied_to"], True
        check = body["audit_checkpoint"]
        if isinstance(check.get("id"), int) and check["id"] >= p.audit_id:
            p.audit_id, p.audit_hash = check["id"], str(check.get("hash", ""))[:64]
        s.add(
            SyncPackage(
                kind="ack",
                direction="in",
                package_id=body["package_id"][:36],
                sender=partner.node_id,
                recipient=db.node_id,
                epoch=body["epoch"],
                seq_from=0,
                seq_to=body["applied_to"],
                file_name=path.name[:255],
                file_sha256=audit_log.file_sha256(path),
                manifest_hash="",
                payload_hash="",
                status=body["status"][:16],
                reason=body["reason"],
                records=body["records"],
                conflicts=len(body["conflicts"]),
                at=utcnow(),
            )
        )
        acked = p.acked_seq
        epoch = p.epoch
        applied = orders.apply(s, partner.node_id, partner.name, sent, rows)
        if applied.new:
            details = {"street": partner.node_id, "new": applied.new, "seq_to": applied.seq_to}
            audit_log.record(s, "street_orders", "street_inbox", partner.node_id, details)
    return AckImported(
        "moved" if moved else "unchanged",
        epoch,
        acked,
        body["status"],
        body["reason"],
        len(body["conflicts"]),
        applied.new,
        tuple(applied.reports),
    )
