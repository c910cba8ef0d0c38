"""Packages, community → street office: export everything changed since the last acknowledged
sequence number (cumulative), and import it at the street after verifying everything, in the
order of the design's "Import" (../shared/docs/sync-protocol.md), applying in one transaction.

Nothing of a refused or held package is applied; its arrival is recorded (``sync_package``) in
a transaction of its own, so the history says what came and why it was turned away."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import orjson
from cryptography.exceptions import InvalidSignature, InvalidTag
from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redoffice.kit import audit_log, blobs, bulk_load, clock
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
    Base,
    SyncConflict,
    SyncCounter,
    SyncPackage,
    SyncPartner,
    SyncPeerKey,
)
from redoffice.registry import search
from redoffice.settings.config import get_value, put_value
from redoffice.sync import acks, derived, held, keys, node, purge, schemas, wire
from redoffice.sync import conflicts as conflicts_
from redoffice.sync.enrol import ENROLLED, REVOKED
from redoffice.sync.keys import PublicKeys, unb64

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
HELD: Final = "held"
REFUSED: Final = "refused"
SENT: Final = "sent"
CHUNK: Final = 500
# The key of the PostgreSQL advisory lock that serialises package imports (several clerks on one
# database): "RDOFSYNC" in ASCII, fixed so every RedOffice taking it takes the same lock.
IMPORT_LOCK: Final = 0x5244_4F46_5359_4E43
_MODELS: Final = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


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


@dataclass
class Imported:
    """What ``sync import`` reports; ``status`` applied / duplicate / held / refused."""

    status: str
    reason: str = ""
    records: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    file: str = ""
    sender: str = ""
    package_id: str = ""
    seq_from: int = 0
    seq_to: int = 0
    ack: str = ""
    released: list[Imported] = field(default_factory=list)  # held packages applied after it


# ── export ──────────────────────────────────────────────────────────────────────────────────


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
    for sha in sorted(blobs_needed):
        source = blobs.blob_path(db.attachments_dir, sha)
        if source.exists():  # a blob missing here is listed by the attachments' own check
            member = wire.ATTACHMENTS + sha
            context = wire.info(package_id, recipient_key.key_id, member)
            members[member] = wire.seal(source.read_bytes(), recipient_key.box_key(), context)
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


# ── import ──────────────────────────────────────────────────────────────────────────────────


class Refused(Exception):
    """A package turned away (``status`` refused or held) with its reason in words."""

    def __init__(self, status: str, error: UserError) -> None:
        super().__init__(error.text)
        self.status = status
        self.error = error


def _refuse(code: str, **params: Any) -> Refused:
    return Refused(REFUSED, UserError(code, **params))


def _hold(code: str, **params: Any) -> Refused:
    return Refused(HELD, UserError(code, **params))


@dataclass
class _Verified:
    manifest: dict[str, Any]
    manifest_hash: str
    partner_name: str
    rows: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]
    attachments: dict[str, bytes]
    hwm: int
    seen: tuple[int, int]  # the sender's (epoch, applied number) the checks were made against


class _Again(Exception):
    """Another clerk applied a package of the same sender while this one was verified: the
    checks were made against a state that is gone, so the import starts over."""


def import_package(
    db: Database,
    path: Path,
    *,
    ack_folder: Path | None = None,
    passphrase: str | None = None,
    steps: Steps = QUIET,
    release: bool = True,
) -> Imported:
    """Verify and apply one package (street office). Never raises for a bad package: the result
    says refused or held and why, and nothing was applied.

    A held package is kept (:mod:`redoffice.sync.held`); once one is applied, the held
    packages of its sender whose wait is over are applied after it (``released``; not when
    ``release`` is False, as for those themselves).

    ``steps`` hears of the records decoded, then of the records applied (twice the package's
    records in all); cancelled, it raises ``UserError("job.cancelled")`` before anything is
    committed: nothing applied, nothing recorded, no acknowledgement written.

    Several clerks may import at once (one PostgreSQL database): the applies take turns
    (:func:`_serialised`), and one that finds its sender moved on meanwhile starts over — the
    same package imported twice at once is applied once, the other import sees it applied."""
    node.require(db, node.STREET)
    steps.report(0, 0)
    own = keys.load_keys(db, passphrase)
    while True:
        try:
            with bulk_load.collector_paused():  # the decoded rows: none cyclic
                got = _import_once(db, path, own, ack_folder, passphrase, steps, release)
        except _Again:
            continue
        if got.status == APPLIED and got.records >= bulk_load.MIN_ROWS:
            db.optimize()  # the planner's statistics: without them the next package's lookups
            # walk whole tables (the street's 40 packages in one run: 5-7 s CPU each, not ~2)
        return got


def _import_once(
    db: Database,
    path: Path,
    own: keys.NodeKeys,
    ack_folder: Path | None,
    passphrase: str | None,
    steps: Steps,
    release: bool,
) -> Imported:
    result = Imported(status=REFUSED, file=path.name)
    manifest_hash = _manifest_hash(path)
    seen = _seen(db, SyncPackage.manifest_hash == manifest_hash) if manifest_hash else None
    try:
        file_hash = "" if seen is not None else audit_log.file_sha256(path)
    except OSError as exc:
        raise UserError("sync.file_unreadable", name=path.name, detail=str(exc)) from exc
    seen = seen or _seen(db, SyncPackage.file_sha256 == file_hash)
    if seen is not None:
        result.status, result.sender, result.package_id = DUPLICATE, seen.sender, seen.package_id
        result.seq_from, result.seq_to = seen.seq_from, seen.seq_to
    manifest: dict[str, Any] = {}
    try:
        if result.status == DUPLICATE:
            raise _Duplicate
        verified = _verify(db, path, own, steps)
        manifest = verified.manifest
        result.sender, result.package_id = manifest["node"], manifest["package_id"]
        result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
        result.records, result.conflicts = _apply(db, path.name, file_hash, verified, steps)
        result.status = APPLIED
    except _Duplicate as duplicate:
        result.status = DUPLICATE
        manifest = manifest or duplicate.manifest
        if manifest:  # recognised by its sequence numbers: acknowledged again like any other
            result.sender, result.package_id = manifest["node"], manifest["package_id"]
            result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
            _record(db, result, file_hash, manifest, "")
    except Refused as refused:
        result.status, result.reason = refused.status, refused.error.text
        result.records, result.conflicts = 0, []
        if result.status == HELD and not manifest:  # held after its signature was verified
            manifest = _signed_manifest(path)
            result.sender, result.package_id = manifest["node"], manifest["package_id"]
            result.seq_from, result.seq_to = manifest["seq_from"], manifest["seq_to"]
        _record(db, result, file_hash, manifest, result.reason)
    if result.status == HELD:
        held.store(db, path, manifest, file_hash, result.reason)
    if result.status in (APPLIED, DUPLICATE, HELD) and result.sender:
        result.ack = str(acks.write_ack(db, own, result, ack_folder or path.parent))
    if result.status == APPLIED and release:
        result.released = held.release(
            db, sender=result.sender, ack_folder=ack_folder or path.parent, passphrase=passphrase
        )
    return result


def _manifest_hash(path: Path) -> str | None:
    """The SHA-256 of the package's manifest member, read after the zip's checks (the
    central directory only), or None when the file is no package: a replayed package is
    recognised by its signed manifest — which names every member's hash — without hashing
    the whole file."""
    try:
        with wire.checked_zip(path) as archive:
            body = wire.read_member(archive, wire.MANIFEST, wire.MAX_MANIFEST)
    except (UserError, ValueError, OSError, zipfile.BadZipFile):
        return None
    return hashlib.sha256(body).hexdigest()


def _seen(db: Database, same: Any) -> SyncPackage | None:
    """The package received before that ``same`` finds, if it was applied or recognised."""
    with db.read() as s:
        return s.scalars(
            select(SyncPackage).where(
                same,
                SyncPackage.direction == "in",
                SyncPackage.status.in_([APPLIED, DUPLICATE]),
            )
        ).first()


def _signed_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a package held after :func:`_verify` checked its signature."""
    with wire.checked_zip(path) as archive:
        return wire.parse_manifest(wire.read_member(archive, wire.MANIFEST, wire.MAX_MANIFEST))


class _Duplicate(Exception):
    """Already applied: nothing to do but acknowledge again. ``manifest``: the package's,
    when it was read (a package recognised by its sequence numbers, not its file)."""

    def __init__(self, manifest: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.manifest = manifest or {}


def _record(
    db: Database, result: Imported, file_hash: str, manifest: dict[str, Any], reason: str
) -> None:
    with db.uow() as s:
        s.add(
            SyncPackage(
                kind="package",
                direction="in",
                package_id=str(manifest.get("package_id", ""))[:36],
                sender=str(manifest.get("node", ""))[:36],
                recipient=db.node_id,
                epoch=int(manifest.get("epoch", 0) or 0),
                seq_from=int(manifest.get("seq_from", 0) or 0),
                seq_to=int(manifest.get("seq_to", 0) or 0),
                file_name=result.file[:255],
                file_sha256=file_hash,
                manifest_hash="",
                payload_hash=str(manifest.get("payload", {}).get("plain_sha256", "")),
                status=result.status,
                reason=reason,
                records=0,
                conflicts=0,
                at=utcnow(),
            )
        )


def _verify(db: Database, path: Path, own: keys.NodeKeys, steps: Steps = QUIET) -> _Verified:
    name = path.name
    try:
        archive = wire.checked_zip(path)
    except UserError as exc:
        raise Refused(REFUSED, exc) from exc
    with archive:
        try:
            body = wire.read_member(archive, wire.MANIFEST, wire.MAX_MANIFEST)
            signature = wire.read_member(archive, wire.SIGNATURE, 64)
            manifest = wire.parse_manifest(body)
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            raise _refuse("sync.bad_manifest", name=name, detail=str(exc)[:200]) from exc
        sender = manifest["node"]
        with db.read() as s:
            partner = s.get(SyncPartner, sender)
            key = s.scalars(
                select(SyncPeerKey).where(
                    SyncPeerKey.node_id == sender, SyncPeerKey.key_id == manifest["key_id"]
                )
            ).first()
        if partner is None or partner.role != node.COMMUNITY:
            # the manifest carries no name: the enrolled name if this node knows the sender
            who = partner.name if partner is not None else f"编号 {sender}"
            raise _refuse("sync.unknown_sender", who=who)
        if partner.status == REVOKED:
            raise _refuse("sync.sender_revoked", name=partner.name)
        if key is None:
            raise _refuse("sync.unknown_key", name=partner.name)
        if key.status == REVOKED:
            raise _refuse("sync.key_revoked", name=partner.name)
        try:
            PublicKeys(unb64(key.sign_public), unb64(key.box_public)).verifier().verify(
                signature, body
            )
        except (InvalidSignature, ValueError) as exc:
            raise _refuse("sync.bad_signature", name=name) from exc
        if manifest["recipient"] != db.node_id:
            with db.read() as s:
                meant = s.get(SyncPartner, manifest["recipient"])
            recipient = meant.name if meant is not None else f"编号 {manifest['recipient']}"
            raise _refuse("sync.wrong_recipient", recipient=recipient)
        if manifest["recipient_key_id"] != own.key_id:
            raise _refuse("sync.wrong_key")
        schema = manifest["schema"]
        judged = schemas.judge(schema)  # newer: held; slightly older: converted; else refused
        if judged == schemas.NEWER:
            raise _hold("sync.schema_newer", found=schema)
        if judged == schemas.TOO_OLD:
            raise _refuse("sync.schema_older", found=schema, oldest=schemas.oldest())
        # every member against the manifest, exactly the members it lists
        listed = manifest["members"]
        present = set(archive.namelist()) - {wire.MANIFEST, wire.SIGNATURE}
        if present != set(listed):
            extra = sorted(present ^ set(listed))
            raise _refuse("sync.bad_member", name=name, member=extra[0][:80])
        contents: dict[str, bytes] = {}
        for member, described in listed.items():
            try:
                data = wire.read_member(archive, member, described["size"])
            except (ValueError, zipfile.BadZipFile) as exc:
                raise _refuse("sync.tampered", name=name, member=member) from exc
            if (
                len(data) != described["size"]
                or hashlib.sha256(data).hexdigest() != described["sha256"]
            ):
                raise _refuse("sync.tampered", name=name, member=member)
            contents[member] = data
    try:
        hwm = _sequence_checks(db, manifest, partner)
    except _SeenBefore:
        rows = _decrypt_rows(manifest, contents[wire.CHANGES], own, name, steps)
        _older_state_checks(db, manifest, rows, partner)
        raise _Duplicate(manifest) from None
    _audit_checks(manifest, partner)
    rows = _decrypt_rows(manifest, contents[wire.CHANGES], own, name, steps)
    attachments: dict[str, bytes] = {}
    for member, data in contents.items():
        if member.startswith(wire.ATTACHMENTS):
            sha = member[len(wire.ATTACHMENTS) :]
            context = wire.info(manifest["package_id"], own.key_id, member)
            try:
                plain = wire.open_sealed(data, own.box, context)
            except (InvalidTag, ValueError) as exc:
                raise _refuse("sync.decrypt_failed") from exc
            if hashlib.sha256(plain).hexdigest() != sha:
                raise _refuse("sync.tampered", name=name, member=member)
            attachments[sha] = plain
    return _Verified(
        manifest,
        hashlib.sha256(body).hexdigest(),
        partner.name,
        rows,
        attachments,
        hwm,
        (partner.epoch, partner.applied_seq),
    )


def _sequence_checks(db: Database, manifest: dict[str, Any], partner: SyncPartner) -> int:
    """The high-water mark the package is applied above; raises for old, seen, gapped or
    forked packages."""
    epoch, seq_from, seq_to = manifest["epoch"], manifest["seq_from"], manifest["seq_to"]
    if epoch < partner.epoch:
        raise _refuse("sync.old_epoch", name=partner.name)
    if epoch > partner.epoch:
        if seq_from != 1:
            raise _hold("sync.new_epoch_gap", name=partner.name)
        return 0
    hwm = partner.applied_seq
    if seq_to <= hwm:
        with db.read() as s:
            same_range = s.scalars(
                select(SyncPackage.payload_hash).where(
                    SyncPackage.sender == partner.node_id,
                    SyncPackage.direction == "in",
                    SyncPackage.status == APPLIED,
                    SyncPackage.epoch == epoch,
                    SyncPackage.seq_from == seq_from,
                    SyncPackage.seq_to == seq_to,
                )
            ).all()
        if any(h != manifest["payload"]["plain_sha256"] for h in same_range):
            raise _refuse("sync.fork", first=seq_from, last=seq_to, name=partner.name)
        if same_range:
            raise _Duplicate(manifest)
        raise _SeenBefore  # an older state: compared with what was applied once decrypted
    if seq_from > hwm + 1:
        raise _hold("sync.gap", first=hwm + 1, last=seq_from - 1)
    return hwm


class _SeenBefore(Exception):
    """Wholly below the high-water mark, no applied package of the same range to compare."""


def _older_state_checks(
    db: Database,
    manifest: dict[str, Any],
    rows: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]],
    partner: SyncPartner,
) -> None:
    """A late package of an older state changes nothing, but must not tell another history
    (decision 0019): else refused as a fork."""
    seq_from, seq_to = manifest["seq_from"], manifest["seq_to"]
    with db.read() as s:
        conn = s.connection()
        for table in wire.synced_tables():
            named = wire.CODECS[table.name].named
            batch = [(named(sent), decoded) for sent, decoded in rows.get(table.name, [])]
            if conflicts_.older_state_differs(
                conn, table, batch, partner.node_id, seq_from, seq_to
            ):
                raise _refuse("sync.fork", first=seq_from, last=seq_to, name=partner.name)


def _audit_checks(manifest: dict[str, Any], partner: SyncPartner) -> None:
    """The sender's audit chain must extend the checkpoint the street keeps: not shorter, and
    the entry at the checkpoint unchanged (when the sender knew the checkpoint)."""
    if manifest["epoch"] != partner.epoch or not partner.audit_id:
        return
    head, check = manifest["audit_head"], manifest["audit_check"]
    if head["id"] < partner.audit_id:
        raise _refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)
    if head["id"] == partner.audit_id and head["hash"] != partner.audit_hash:
        raise _refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)
    if check["id"] == partner.audit_id and check["hash"] != partner.audit_hash:
        raise _refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)


def _decrypt_rows(
    manifest: dict[str, Any], cipher: bytes, own: keys.NodeKeys, name: str, steps: Steps = QUIET
) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    context = wire.info(manifest["package_id"], own.key_id, wire.CHANGES)
    try:
        compressed = wire.open_sealed(cipher, own.box, context)
    except (InvalidTag, ValueError) as exc:
        raise _refuse("sync.decrypt_failed") from exc
    payload = manifest["payload"]
    try:
        plain = wire.decompress(compressed, payload["plain_size"])
    except (ValueError, MemoryError) as exc:
        raise _refuse("sync.tampered", name=name, member=wire.CHANGES) from exc
    if hashlib.sha256(plain).hexdigest() != payload["plain_sha256"]:
        raise _refuse("sync.tampered", name=name, member=wire.CHANGES)
    rows: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    sender = manifest["node"]
    raw_lines = plain.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    total = 2 * manifest["records"]
    steps.report(0, total)
    convert = schemas.row_converter(manifest["schema"])
    lines = wire.sent_rows(
        raw_lines, manifest["format_version"], manifest["counts"], arrays=convert is None
    )
    number = 0
    try:
        for done, (number, table, sent, decode) in enumerate(lines, start=1):
            if not done % CHUNK:
                steps.report(done, total)
            if convert is not None and isinstance(sent, dict):  # a slightly older schema
                sent = convert(table, sent)
            decoded = decode(sent)
            if decoded["owner_node"] != sender:
                raise _refuse("sync.not_owner", name=sender, table=table, row=decoded["id"])
            if not manifest["seq_from"] <= decoded["sync_seq"] <= manifest["seq_to"]:
                raise _refuse("sync.bad_line", line=number, detail="序号不在数据包范围内")
            rows.setdefault(table, []).append((sent, decoded))
    except wire.Miscount as miscount:
        raise _refuse(
            "sync.count_mismatch", expected=miscount.expected, found=miscount.found
        ) from miscount
    except wire.BadLine as bad:
        raise _refuse("sync.bad_line", line=bad.number, detail=str(bad)[:200]) from bad
    except (ValueError, UnicodeDecodeError) as exc:  # the row's values (decoders, converters)
        raise _refuse("sync.bad_line", line=number, detail=str(exc)[:200]) from exc
    for table, expected in manifest["counts"].items():
        if len(rows.get(table, [])) != expected:
            raise _refuse("sync.count_mismatch", expected=expected, found=len(rows.get(table, [])))
    if set(rows) - set(manifest["counts"]):
        raise _refuse("sync.count_mismatch", expected=0, found=sum(len(v) for v in rows.values()))
    return rows


def _apply(
    db: Database, file_name: str, file_hash: str, verified: _Verified, steps: Steps = QUIET
) -> tuple[int, list[dict[str, Any]]]:
    """One transaction: rows (parents first), blobs, the high-water mark, the package's record
    and one audit entry. A fault inside (a database constraint) rolls everything back; so does
    a cancel (``steps``), which is last checked just before the commit."""
    manifest = verified.manifest
    records = int(manifest["records"])
    total, done = 2 * records, records
    steps.report(done, total)
    sender = manifest["node"]
    conflicts: list[dict[str, Any]] = []
    changed = 0
    try:
        with db.uow() as s:
            conn = s.connection()
            _serialised(conn)
            partner = s.get(SyncPartner, sender)
            assert partner is not None
            if (partner.epoch, partner.applied_seq) != verified.seen:
                raise _Again
            patches: list[tuple[Table, dict[str, Any]]] = []
            new = _new_tables(conn, verified)
            moved_from = derived.households_before(conn, verified.rows, new)
            with (
                search.deferred_indexing(s),  # new rows' full-text entries in one go
                bulk_load.larger_cache(s, records),
            ):
                for table in wire.synced_tables():
                    batch = verified.rows.get(table.name, [])
                    _overlap_complete(conn, table, batch, verified)
                    if table.name in purge.SCREENED:  # an erased record stays erased
                        batch, refused = purge.screen(
                            conn, batch, sender, manifest["package_id"], table=table.name
                        )
                        conflicts += refused
                    with bulk_load.indexes_rebuilt(s, _MODELS[table.name], len(batch)):
                        for start in range(0, len(batch), CHUNK):
                            part = batch[start : start + CHUNK]
                            n, found = _apply_rows(
                                conn, table, part, verified, patches, fresh=table.name in new
                            )
                            changed += n
                            conflicts += found
                            done += len(part)
                            steps.report(done, total)
            for table in wire.synced_tables():  # the foreign keys that close a cycle
                rows = [row for t, row in patches if t is table]
                if rows:
                    _update(conn, table, list(wire.LATE_COLUMNS[table.name]), rows)
            derived.refresh(conn, verified.rows, moved_from)  # the visit state, as local writes
            purge.note(conn, verified.rows.get("resident", []), sender, manifest["package_id"])
            partner.epoch, partner.applied_seq = manifest["epoch"], manifest["seq_to"]
            partner.last_manifest = verified.manifest_hash
            partner.audit_id = manifest["audit_head"]["id"]
            partner.audit_hash = manifest["audit_head"]["hash"]
            s.add(
                SyncPackage(
                    kind="package",
                    direction="in",
                    package_id=manifest["package_id"],
                    sender=sender,
                    recipient=db.node_id,
                    epoch=manifest["epoch"],
                    seq_from=manifest["seq_from"],
                    seq_to=manifest["seq_to"],
                    file_name=file_name[:255],
                    file_sha256=file_hash,
                    manifest_hash=verified.manifest_hash,
                    payload_hash=manifest["payload"]["plain_sha256"],
                    status=APPLIED,
                    reason="",
                    records=changed,
                    conflicts=len(conflicts),
                    at=utcnow(),
                )
            )
            details = {
                "sender": sender,
                "name": verified.partner_name,
                "epoch": manifest["epoch"],
                "seq_from": manifest["seq_from"],
                "seq_to": manifest["seq_to"],
                "counts": manifest["counts"],
                "changed": changed,
                "conflicts": len(conflicts),
                "file": file_name,
                "sha256": file_hash,
            }
            audit_log.record(s, "sync", "sync_package", manifest["package_id"], details)
            s.flush()
            steps.report(total, total)  # the last chance to stop: nothing is committed yet
            _store_blobs(db, verified.attachments)  # before the commit that names them
    except IntegrityError as exc:
        raise _refuse(
            "sync.bad_line", line="?", detail=f"数据与本地记录冲突（{str(exc.orig)[:120]}）"
        ) from exc
    return changed, conflicts


def _serialised(conn: Connection) -> None:
    """Imports take turns from here to their commit. PostgreSQL: the advisory lock
    ``IMPORT_LOCK`` (``pg_advisory_xact_lock``, released when the transaction ends), so two
    clerks' imports never interleave; the sender's state read after it is what the others
    committed (READ COMMITTED). SQLite: the write lock taken now (``BEGIN IMMEDIATE``) instead of
    at the first write, so the state read after it cannot change before the commit either."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK)))
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and not getattr(raw, "in_transaction", False):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _overlap_complete(
    conn: Connection,
    table: Table,
    batch: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: _Verified,
) -> None:
    """Every row applied from the part of the range already applied must come again (decision
    0019): one missing means the package tells another history — a fork."""
    manifest = verified.manifest
    if manifest["seq_from"] > verified.hwm:
        return
    ids = {decoded["id"] for _sent, decoded in batch}
    gone = conflicts_.missing_in_overlap(
        conn, table, manifest["node"], manifest["seq_from"], verified.hwm, ids
    )
    if gone is not None:
        raise _refuse(
            "sync.fork", first=manifest["seq_from"], last=verified.hwm, name=verified.partner_name
        )


def _store_blobs(db: Database, attachments: dict[str, bytes]) -> None:
    """Content-addressed: a blob left by a transaction rolled back afterwards is harmless."""
    store = db.attachments_dir
    for sha, data in attachments.items():
        target = blobs.blob_path(store, sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".incoming-{sha}")
            temp.write_bytes(data)
            temp.replace(target)


def _new_tables(conn: Connection, verified: _Verified) -> set[str]:
    """The tables whose rows in the package are all new here (:func:`_first_rows`), found
    before anything is written (a table's rows never change whether another table is new)."""
    if verified.hwm:
        return set()
    sender = verified.manifest["node"]
    return {str(t.name) for t in wire.synced_tables() if _first_rows(conn, t, sender)}


def _first_rows(conn: Connection, table: Table, sender: str) -> bool:
    """Whether the street holds no row of ``sender`` in ``table``: in the sender's first
    package (nothing applied yet, ``hwm`` 0) every row is then new, and none is read before it
    is written. (A row of another owner under the same id then fails the insert: the package
    is refused all the same, as a constraint failure rather than ``not_owner``.)"""
    held = select(table.c.id).where(table.c.owner_node == sender).limit(1)
    return conn.execute(held).first() is None


def _decided(
    conn: Connection,
    table: Table,
    part: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: _Verified,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of ``part`` to insert, those to replace, and the conflicts (kept in the
    conflict table), each row judged against the street's copy and its local edit."""
    codec = wire.CODECS[table.name]
    sender, package_id = verified.manifest["node"], verified.manifest["package_id"]
    ids = [decoded["id"] for _sent, decoded in part]
    chosen = select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))
    local = {row.id: row for row in conn.execute(chosen, {"ids": ids})}
    bases = conflicts_.edits(conn, table.name, ids)  # rows changed here since applied
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for listed, decoded in part:
        sent = codec.named(listed)
        mine = local.get(decoded["id"])
        if mine is not None and mine.owner_node != sender:
            raise _refuse(
                "sync.not_owner", name=verified.partner_name, table=table.name, row=decoded["id"]
            )
        held = codec.encode(mine) if mine is not None else None
        base = bases.get(decoded["id"])
        hashed = base is not None  # a base is known by its hash: compare hashes
        incoming = conflicts_.Copy(
            decoded["version"], decoded["sync_seq"], conflicts_.digest(sent) if hashed else sent
        )
        copy = None
        if mine is not None:
            copy = conflicts_.Copy(
                mine.version, mine.sync_seq, conflicts_.digest(held or {}) if hashed else held
            )
        decision = conflicts_.decide(incoming, copy, base, verified.hwm)
        if decision == conflicts_.INSERT:
            inserts.append(decoded)
        elif decision == conflicts_.APPLY:
            updates.append(decoded)
        elif decision == conflicts_.FORK:
            raise _refuse(
                "sync.fork",
                first=verified.manifest["seq_from"],
                last=verified.hwm,
                name=verified.partner_name,
            )
        elif decision == conflicts_.CONFLICT:
            assert mine is not None
            conflicts.append(
                {
                    "table": table.name,
                    "row_id": decoded["id"],
                    "local_version": mine.version,
                    "version": decoded["version"],
                }
            )
            conn.execute(
                insert(SyncConflict).values(
                    package_id=package_id,
                    table_name=table.name,
                    row_id=decoded["id"],
                    owner_node=sender,
                    local_version=mine.version,
                    incoming_version=decoded["version"],
                    local_row=orjson.dumps(held).decode(),
                    at=utcnow(),
                    resolved=False,
                    resolved_by="",
                    resolution="",
                )
            )
            updates.append(decoded)
    if bases:  # the owner's copy replaced them: their local edits are settled
        conflicts_.forget_edits(conn, table.name, [r["id"] for r in updates if r["id"] in bases])
    return inserts, updates, conflicts


def _apply_rows(
    conn: Connection,
    table: Table,
    part: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: _Verified,
    patches: list[tuple[Table, dict[str, Any]]],
    *,
    fresh: bool,
) -> tuple[int, list[dict[str, Any]]]:
    """Insert new rows, replace older ones; the owner's copy wins over a local edit, which is
    kept in the conflict table. Returns the number of rows written and the conflicts.
    ``fresh``: the street holds no row of the sender in this table, none is applied yet:
    every row is new (nothing to read or judge); on SQLite, rows sent as lists go in bound
    from the sent values (``wire.TableCodec.sqlite_bind_sent``)."""
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    codec = wire.CODECS[table.name]
    late = wire.LATE_COLUMNS.get(table.name, ())
    if fresh and not late and conn.dialect.name == "sqlite" and _listed(part):
        conn.exec_driver_sql(codec.sqlite_insert, [codec.sqlite_bind_sent(*r) for r in part])
        return len(part), []
    if fresh:
        inserts = [decoded for _sent, decoded in part]
    else:
        inserts, updates, conflicts = _decided(conn, table, part, verified)
    if late:  # set after every table is written (the row they point at may come later)
        patches.extend(
            (table, {"id": r["id"], **{c: r[c] for c in late}}) for r in inserts + updates
        )
        inserts = [{**r, **dict.fromkeys(late)} for r in inserts]
    if inserts:
        _insert(conn, table, inserts)
    if updates:
        _update(conn, table, [c for c in codec.columns if c != "id" and c not in late], updates)
    return len(inserts) + len(updates), conflicts


def _listed(part: list[tuple[Any, dict[str, Any]]]) -> bool:
    """Whether every row of ``part`` came as a list in column order (``wire.sent_rows``)."""
    return all(type(sent) is list for sent, _decoded in part)


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """New rows, in one ``executemany``: on SQLite a plain statement with the values bound as
    SQLAlchemy would (``wire.TableCodec.sqlite_bind``), elsewhere through SQLAlchemy (its
    multi-row INSERT on PostgreSQL)."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    codec = wire.CODECS[table.name]
    conn.exec_driver_sql(codec.sqlite_insert, list(map(codec.sqlite_bind, rows)))


def _update(conn: Connection, table: Table, columns: list[str], rows: list[dict[str, Any]]) -> None:
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({c: bindparam(f"b_{c}") for c in columns})
    )
    conn.execute(statement, [{f"b_{c}": row[c] for c in ["id", *columns]} for row in rows])
