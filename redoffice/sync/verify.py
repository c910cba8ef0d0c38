"""Reading and verifying a package at the street, in the order of the design's "Import"
(../shared/docs/sync-protocol.md): the zip, the manifest, the sender and its signature, every
member's hash, the sequence numbers, the audit chain, then every line decrypted, inflated and
decoded. Nothing is written here; a fault raises :class:`~redoffice.sync.outcome.Refused`."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.steps import QUIET, Steps
from redoffice.models import SyncPackage, SyncPartner, SyncPeerKey
from redoffice.sync import conflicts as conflicts_
from redoffice.sync import keys, node, schemas, wire
from redoffice.sync.enrol import REVOKED
from redoffice.sync.keys import PublicKeys, unb64
from redoffice.sync.outcome import APPLIED, CHUNK, REFUSED, Refused, hold, refuse


@dataclass
class Verified:
    manifest: dict[str, Any]
    manifest_hash: str
    partner_name: str
    rows: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]
    attachments: dict[str, bytes]
    hwm: int
    seen: tuple[int, int]  # the sender's (epoch, applied number) the checks were made against


def manifest_hash(path: Path) -> str | None:
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


def signed_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a package held after :func:`verify` checked its signature."""
    with wire.checked_zip(path) as archive:
        return wire.parse_manifest(wire.read_member(archive, wire.MANIFEST, wire.MAX_MANIFEST))


class Duplicate(Exception):
    """Already applied: nothing to do but acknowledge again. ``manifest``: the package's,
    when it was read (a package recognised by its sequence numbers, not its file)."""

    def __init__(self, manifest: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.manifest = manifest or {}


def verify(db: Database, path: Path, own: keys.NodeKeys, steps: Steps = QUIET) -> Verified:
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
            raise refuse("sync.bad_manifest", name=name, detail=str(exc)[:200]) from exc
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
            raise refuse("sync.unknown_sender", who=who)
        if partner.status == REVOKED:
            raise refuse("sync.sender_revoked", name=partner.name)
        if key is None:
            raise refuse("sync.unknown_key", name=partner.name)
        if key.status == REVOKED:
            raise refuse("sync.key_revoked", name=partner.name)
        try:
            PublicKeys(unb64(key.sign_public), unb64(key.box_public)).verifier().verify(
                signature, body
            )
        except (InvalidSignature, ValueError) as exc:
            raise refuse("sync.bad_signature", name=name) from exc
        if manifest["recipient"] != db.node_id:
            with db.read() as s:
                meant = s.get(SyncPartner, manifest["recipient"])
            recipient = meant.name if meant is not None else f"编号 {manifest['recipient']}"
            raise refuse("sync.wrong_recipient", recipient=recipient)
        if manifest["recipient_key_id"] != own.key_id:
            raise refuse("sync.wrong_key")
        schema = manifest["schema"]
        judged = schemas.judge(schema)  # newer: held; slightly older: converted; else refused
        if judged == schemas.NEWER:
            raise hold("sync.schema_newer", found=schema)
        if judged == schemas.TOO_OLD:
            raise refuse("sync.schema_older", found=schema, oldest=schemas.oldest())
        # every member against the manifest, exactly the members it lists
        listed = manifest["members"]
        present = set(archive.namelist()) - {wire.MANIFEST, wire.SIGNATURE}
        if present != set(listed):
            extra = sorted(present ^ set(listed))
            raise refuse("sync.bad_member", name=name, member=extra[0][:80])
        contents: dict[str, bytes] = {}
        for member, described in listed.items():
            try:
                data = wire.read_member(archive, member, described["size"])
            except (ValueError, zipfile.BadZipFile) as exc:
                raise refuse("sync.tampered", name=name, member=member) from exc
            if (
                len(data) != described["size"]
                or hashlib.sha256(data).hexdigest() != described["sha256"]
            ):
                raise refuse("sync.tampered", name=name, member=member)
            contents[member] = data
    try:
        hwm = _sequence_checks(db, manifest, partner)
    except _SeenBefore:
        rows = _decrypt_rows(manifest, contents[wire.CHANGES], own, name, steps)
        _older_state_checks(db, manifest, rows, partner)
        raise Duplicate(manifest) from None
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
                raise refuse("sync.decrypt_failed") from exc
            if hashlib.sha256(plain).hexdigest() != sha:
                raise refuse("sync.tampered", name=name, member=member)
            attachments[sha] = plain
    return Verified(
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
        raise refuse("sync.old_epoch", name=partner.name)
    if epoch > partner.epoch:
        if seq_from != 1:
            raise hold("sync.new_epoch_gap", name=partner.name)
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
            raise refuse("sync.fork", first=seq_from, last=seq_to, name=partner.name)
        if same_range:
            raise Duplicate(manifest)
        raise _SeenBefore  # an older state: compared with what was applied once decrypted
    if seq_from > hwm + 1:
        raise hold("sync.gap", first=hwm + 1, last=seq_from - 1)
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
                raise refuse("sync.fork", first=seq_from, last=seq_to, name=partner.name)


def _audit_checks(manifest: dict[str, Any], partner: SyncPartner) -> None:
    """The sender's audit chain must extend the checkpoint the street keeps: not shorter, and
    the entry at the checkpoint unchanged (when the sender knew the checkpoint)."""
    if manifest["epoch"] != partner.epoch or not partner.audit_id:
        return
    head, check = manifest["audit_head"], manifest["audit_check"]
    if head["id"] < partner.audit_id:
        raise refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)
    if head["id"] == partner.audit_id and head["hash"] != partner.audit_hash:
        raise refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)
    if check["id"] == partner.audit_id and check["hash"] != partner.audit_hash:
        raise refuse("sync.audit_rewritten", name=partner.name, id=partner.audit_id)


def _decrypt_rows(
    manifest: dict[str, Any], cipher: bytes, own: keys.NodeKeys, name: str, steps: Steps = QUIET
) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    context = wire.info(manifest["package_id"], own.key_id, wire.CHANGES)
    try:
        compressed = wire.open_sealed(cipher, own.box, context)
    except (InvalidTag, ValueError) as exc:
        raise refuse("sync.decrypt_failed") from exc
    payload = manifest["payload"]
    try:
        plain = wire.decompress(compressed, payload["plain_size"])
    except (ValueError, MemoryError) as exc:
        raise refuse("sync.tampered", name=name, member=wire.CHANGES) from exc
    if hashlib.sha256(plain).hexdigest() != payload["plain_sha256"]:
        raise refuse("sync.tampered", name=name, member=wire.CHANGES)
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
                raise refuse("sync.not_owner", name=sender, table=table, row=decoded["id"])
            if not manifest["seq_from"] <= decoded["sync_seq"] <= manifest["seq_to"]:
                raise refuse("sync.bad_line", line=number, detail="序号不在数据包范围内")
            rows.setdefault(table, []).append((sent, decoded))
    except wire.Miscount as miscount:
        raise refuse(
            "sync.count_mismatch", expected=miscount.expected, found=miscount.found
        ) from miscount
    except wire.BadLine as bad:
        raise refuse("sync.bad_line", line=bad.number, detail=str(bad)[:200]) from bad
    except (ValueError, UnicodeDecodeError) as exc:  # the row's values (decoders, converters)
        raise refuse("sync.bad_line", line=number, detail=str(exc)[:200]) from exc
    for table, expected in manifest["counts"].items():
        if len(rows.get(table, [])) != expected:
            raise refuse("sync.count_mismatch", expected=expected, found=len(rows.get(table, [])))
    if set(rows) - set(manifest["counts"]):
        raise refuse("sync.count_mismatch", expected=0, found=sum(len(v) for v in rows.values()))
    return rows
