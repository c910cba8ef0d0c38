"""Writing a package, community → street office: everything changed since the last acknowledged
sequence number (cumulative), read in one snapshot, compressed, encrypted to the street's key,
signed, and written whole or not at all."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from redoffice.kit import audit_log, blobs, clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import SCHEMA_HEAD, Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import unused_path
from redoffice.kit.ids import new_id
from redoffice.kit.steps import QUIET, Steps
from redoffice.kit.sync_state import STREET_CHANNEL, snapshot
from redoffice.models import (
    AuditChain,
    AuditLog,
    SyncCounter,
    SyncPackage,
    SyncPartner,
    SyncPeerKey,
)
from redoffice.settings.config import get_value, put_value
from redoffice.sync import keys, node, wire
from redoffice.sync.enrol import ENROLLED
from redoffice.sync.keys import PublicKeys, unb64
from redoffice.sync.outcome import CHUNK, SENT


@dataclass(frozen=True)
class Exported:
    """What ``sync export`` reports."""

    file: str
    package_id: str
    epoch: int
    seq_from: int
    seq_to: int
    records: int
    bytes: int


def _recipient(s: Session, to: str | None) -> tuple[SyncPartner, SyncPeerKey]:
    chosen = select(SyncPartner).where(SyncPartner.role == node.STREET)
    if to:
        chosen = chosen.where((SyncPartner.node_id == to) | (SyncPartner.code == to))
    partner = s.scalars(chosen.where(SyncPartner.status == ENROLLED)).first()
    if partner is None:
        revoked = s.scalars(chosen).first()
        if revoked is not None:
            raise UserError("sync.partner_revoked", name=revoked.name)
        raise UserError("sync.no_street")
    key = s.scalars(
        select(SyncPeerKey).where(
            SyncPeerKey.node_id == partner.node_id, SyncPeerKey.status == ENROLLED
        )
    ).first()
    if key is None:
        raise UserError("sync.partner_revoked", name=partner.name)
    return partner, key


def _start_epoch_if_copied(db: Database, partner_id: str) -> None:
    """A database restored from a backup or copied must not reuse sequence numbers: the
    keyring remembers this database's instance id, epoch and last number sent; when the
    database does not match (or, never having a marker, has sent before), a new epoch starts
    and the next package is a full snapshot of the rows this node owns."""
    marker = keys.read_marker(db)
    with db.read() as s:
        instance = get_value(s, "sync.instance_id")
        counter = s.get(SyncCounter, STREET_CHANNEL)
        partner = s.get(SyncPartner, partner_id)
        sent_before = s.scalar(
            select(SyncPackage.id).where(SyncPackage.direction == "out").limit(1)
        )
    epoch = counter.epoch if counter else 1
    sent = partner.sent_seq if partner else 0
    if marker is None:
        stale = sent_before is not None
    else:
        stale = (
            marker.get("instance") != instance
            or marker.get("epoch") != epoch
            or (marker.get("sent_seq") or 0) > sent
        )
    if not stale:
        return
    with db.uow() as s:
        row = s.get(SyncCounter, STREET_CHANNEL)
        assert row is not None
        row.epoch = max(row.epoch, int(marker.get("epoch") or 0) if marker else 0) + 1
        put_value(s, "sync.instance_id", new_id())
        for p in s.scalars(select(SyncPartner).where(SyncPartner.role == node.STREET)):
            p.acked_seq = p.sent_seq = 0
            p.epoch = row.epoch
        audit_log.record(s, "epoch", "sync_counter", STREET_CHANNEL, {"epoch": row.epoch})


def _rows(conn: Connection, table: Table, owner: str, after: int, upto: int) -> Iterator[list[Any]]:
    """The rows a package carries, CHUNK at a time."""
    c = table.c
    chosen = (
        select(*wire.CODECS[table.name].read_columns(conn.dialect.name))
        .where(c.sync_seq > after, c.sync_seq <= upto, c.owner_node == owner)
        .order_by(c.created_seq, c.id)
    )
    for part in conn.execute(chosen).partitions(CHUNK):
        yield list(part)


def _count(conn: Connection, table: Table, owner: str, after: int, upto: int) -> int:
    c = table.c
    chosen = select(func.count()).where(
        c.sync_seq > after, c.sync_seq <= upto, c.owner_node == owner
    )
    return int(conn.execute(chosen.select_from(table)).scalar_one())


def export_package(
    db: Database,
    folder: Path,
    *,
    to: str | None = None,
    passphrase: str | None = None,
    steps: Steps = QUIET,
) -> Exported:
    """Write the package for the street office into ``folder``: every row this node owns
    changed above the acknowledged sequence number (tombstones included), as the state at
    ``seq_to`` read in one snapshot; the attachments they name; the audit-chain head.

    ``steps`` hears of the records read and encoded (of all the package holds), then of the
    file written; cancelled, it raises ``UserError("job.cancelled")`` and leaves no file (not
    even the temporary one) and nothing recorded."""
    node.require(db, node.COMMUNITY)
    steps.report(0, 0)
    if not folder.is_dir():
        raise UserError("sync.out_exists", path=str(folder))
    made = keys.load_keys(db, passphrase)
    me = node.this_node(db)
    with db.read() as s:
        partner_id = _recipient(s, to)[0].node_id
    _start_epoch_if_copied(db, partner_id)
    with db.read() as s:
        partner, street_key = _recipient(s, to)
        recipient_key = PublicKeys(unb64(street_key.sign_public), unb64(street_key.box_public))
        prev_manifest = partner.last_manifest
        check_id = partner.audit_id
    package_id = new_id()
    payload = wire.Payload()
    records = 0
    counts: dict[str, int] = {}
    blobs_needed: set[str] = set()
    with closing(payload), snapshot(db.engine) as conn:
        counter = conn.execute(
            select(SyncCounter).where(SyncCounter.channel == STREET_CHANNEL)
        ).one()
        epoch, seq_to = int(counter.epoch), int(counter.last_seq)
        acked = partner.acked_seq if partner.epoch == epoch else 0
        tables = wire.synced_tables()
        sizes = {t.name: _count(conn, t, me.node_id, acked, seq_to) for t in tables}
        expected = sum(sizes.values())
        total = expected + 1  # the last unit: the file sealed and written
        steps.report(0, total)
        for table in tables:
            if not sizes[table.name]:
                continue
            codec = wire.CODECS[table.name]
            line = codec.sqlite_line if conn.dialect.name == "sqlite" else codec.line
            payload.write(codec.header(sizes[table.name]))
            for part in _rows(conn, table, me.node_id, acked, seq_to):
                payload.write(b"".join(map(line, part)))
                if table.name == "attachment":
                    blobs_needed.update(row.sha256 for row in part if not row.deleted)
                records += len(part)
                steps.report(min(records, expected), total)
            counts[str(table.name)] = sizes[table.name]
        head = conn.execute(select(AuditChain.last_id, AuditChain.last_hash)).one_or_none()
        checked = conn.execute(select(AuditLog.hash).where(AuditLog.id == check_id)).scalar()
    compressed, plain_sha256 = payload.finish()
    cipher = wire.seal(
        compressed,
        recipient_key.box_key(),
        wire.info(package_id, recipient_key.key_id, wire.CHANGES),
    )
    members: dict[str, bytes] = {wire.CHANGES: cipher}
    store = blobs.store_of(db)  # an encrypted database's blobs: read decrypted
    for sha in sorted(blobs_needed):
        if store.has(sha):  # a blob missing here is listed by the attachments' own check
            member = wire.ATTACHMENTS + sha
            context = wire.info(package_id, recipient_key.key_id, member)
            members[member] = wire.seal(store.read(sha), recipient_key.box_key(), context)
    manifest: dict[str, Any] = {
        "format": wire.FORMAT,
        "format_version": wire.FORMAT_VERSION,
        "kind": "package",
        "schema": SCHEMA_HEAD,
        "node": me.node_id,
        "key_id": made.key_id,
        "epoch": epoch,
        "package_id": package_id,
        "recipient": partner.node_id,
        "recipient_key_id": recipient_key.key_id,
        "created_at": audit_log.instant(utcnow()),
        "seq_from": acked + 1,
        "seq_to": seq_to,
        "prev_manifest": prev_manifest,
        "counts": counts,
        "records": records,
        "audit_head": {
            "id": int(head[0]) if head else 0,
            "hash": bytes(head[1]).hex() if head else bytes(32).hex(),
        },
        "audit_check": {"id": check_id, "hash": bytes(checked).hex() if checked else ""},
        "payload": {
            "compression": wire.COMPRESSION,
            "encryption": wire.ENCRYPTION,
            "plain_size": payload.size,
            "plain_sha256": plain_sha256,
        },
        "members": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
        },
    }
    body = wire.manifest_bytes(manifest)
    target = unused_path(folder, f"{me.name}_{clock.today():%Y%m%d}_{seq_to}", wire.SUFFIX)
    _write_zip(target, body, made.sign.sign(body), members, lambda: steps.report(total - 1, total))
    steps = replace(steps, cancelled=None)  # the file is there: too late to stop
    steps.report(total, total)
    manifest_hash = hashlib.sha256(body).hexdigest()
    size = target.stat().st_size
    with db.uow() as s:
        p = s.get(SyncPartner, partner.node_id)
        assert p is not None
        p.sent_seq, p.epoch, p.last_manifest = seq_to, epoch, manifest_hash
        if p.acked_seq > seq_to or partner.epoch != epoch:
            p.acked_seq = acked
        s.add(
            SyncPackage(
                kind="package",
                direction="out",
                package_id=package_id,
                sender=me.node_id,
                recipient=partner.node_id,
                epoch=epoch,
                seq_from=acked + 1,
                seq_to=seq_to,
                file_name=target.name,
                file_sha256=audit_log.file_sha256(target),
                manifest_hash=manifest_hash,
                payload_hash=plain_sha256,
                status=SENT,
                reason="",
                records=records,
                conflicts=0,
                at=utcnow(),
            )
        )
    with db.read() as s:
        instance = get_value(s, "sync.instance_id")
    keys.write_marker(db, {"instance": instance, "epoch": epoch, "sent_seq": seq_to})
    return Exported(target.name, package_id, epoch, acked + 1, seq_to, records, size)


def _write_zip(
    target: Path,
    manifest: bytes,
    signature: bytes,
    members: dict[str, bytes],
    last_chance: Callable[[], None] = lambda: None,
) -> None:
    """Temporary name, fsync, rename: a package is whole or absent. ``last_chance`` runs just
    before the rename (a cancel raising there leaves no file)."""
    temp = target.with_name(f".{target.name}.part")
    try:
        with temp.open("wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr(wire.MANIFEST, manifest)
                archive.writestr(wire.SIGNATURE, signature)
                for name, data in members.items():
                    archive.writestr(name, data)
            raw.flush()
            os.fsync(raw.fileno())
        last_chance()
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
