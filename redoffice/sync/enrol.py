"""Enrolment: a node's signed enrolment file (its id, identity and public keys), its import
after the fingerprint was compared (read over the phone or from the sheet), revoking a partner
and re-keying (the new file names the key it replaces, which the partner then revokes)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import orjson
from cryptography.exceptions import InvalidSignature
from sqlalchemy import select

from redoffice.kit import audit_log, clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import SyncPartner, SyncPeerKey
from redoffice.reports.sync import EnrolmentSheet, enrolment_sheet
from redoffice.sync import keys, node
from redoffice.sync.keys import PublicKeys, b64, unb64

FORMAT: Final = "redoffice-enrolment"
VERSION: Final = 1
MAX_BYTES: Final = 64 * 1024
ENROLLED: Final = "enrolled"
REVOKED: Final = "revoked"
_BODY_KEYS: Final = frozenset(
    {
        "node_id",
        "role",
        "name",
        "code",
        "street_name",
        "street_code",
        "key_id",
        "sign_public",
        "box_public",
        "replaces",
        "created_at",
    }
)


def canonical(value: Any) -> bytes:
    """The bytes a signature covers: JSON, keys sorted, no spaces."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def strict_json(data: bytes) -> Any:
    """JSON refusing duplicate keys, NaN and Infinity (``ValueError``)."""
    import json

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in items:
            if key in found:
                raise ValueError(f"重复的键“{key}”")
            found[key] = value
        return found

    def constant(name: str) -> Any:
        raise ValueError(f"不允许的数值 {name}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary name beside ``path``, fsync, rename: never a half-written file."""
    temp = path.with_name(f".{path.name}.part")
    with temp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    temp.replace(path)


@dataclass(frozen=True)
class Enrolment:
    """A verified enrolment file."""

    node_id: str
    role: str
    name: str
    code: str
    street_name: str
    street_code: str
    public: PublicKeys
    replaces: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint


@dataclass(frozen=True)
class Partner:
    """An enrolled (or revoked) partner, as ``sync peers`` lists it."""

    node_id: str
    role: str
    name: str
    code: str
    status: str
    key_id: str
    fingerprint: str
    epoch: int
    sent_seq: int
    acked_seq: int
    applied_seq: int


def export_enrolment(
    db: Database,
    out: Path,
    *,
    use_file: bool = False,
    passphrase: str | None = None,
    sheet: Path | None = None,
) -> Enrolment:
    """Write this node's enrolment file (making its keys at first use), and the enrolment
    sheet (PDF, the fingerprint large) when ``sheet`` is given."""
    made = keys.ensure_keys(db, use_file=use_file, passphrase=passphrase)
    me = node.this_node(db)
    body = {
        "node_id": me.node_id,
        "role": me.role,
        "name": me.name,
        "code": me.code,
        "street_name": me.street_name,
        "street_code": me.street_code,
        "key_id": made.key_id,
        "sign_public": b64(made.public.sign),
        "box_public": b64(made.public.box),
        "replaces": keys.previous_key_ids(db),
        "created_at": audit_log.instant(utcnow()),
    }
    signature = made.sign.sign(canonical(body))
    document = {"format": FORMAT, "version": VERSION, "body": body, "signature": b64(signature)}
    write_atomically(out, orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    found = _enrolment(body)
    if sheet is not None:
        pdf = enrolment_sheet(
            EnrolmentSheet(
                title_name=me.name,
                role=node.ROLE_NAMES[me.role],
                name=me.name,
                code=me.code,
                street=f"{me.street_name}（{me.street_code}）",
                node_id=me.node_id,
                key_id=made.key_id,
                fingerprint=keys.grouped(found.fingerprint),
                made_on=clock.today().isoformat(),
                file_name=out.name,
            )
        )
        write_atomically(sheet, pdf)
    return found


def _enrolment(body: dict[str, Any]) -> Enrolment:
    return Enrolment(
        node_id=body["node_id"],
        role=body["role"],
        name=body["name"],
        code=body["code"],
        street_name=body["street_name"],
        street_code=body["street_code"],
        public=PublicKeys(unb64(body["sign_public"]), unb64(body["box_public"])),
        replaces=tuple(body["replaces"]),
    )


def read_signed(
    path: Path, kind: str, version: int, body_keys: frozenset[str], max_bytes: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A signed JSON file (``{format, version, body, signature}``: enrolment files and
    acknowledgements) read — at most ``max_bytes`` — and its envelope checked: (document,
    body). Unreadable: UserError; anything else wrong: ValueError naming it (the caller says
    which kind of file it was). The body's fields and the signature are the caller's."""
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise UserError("sync.file_unreadable", name=path.name, detail=str(exc)) from exc
    if len(data) > max_bytes:
        raise ValueError("文件过大")
    document = strict_json(data)
    if not isinstance(document, dict) or set(document) != {
        "format",
        "version",
        "body",
        "signature",
    }:
        raise ValueError("结构不对")
    if document["format"] != kind or document["version"] != version:
        raise ValueError("格式或版本不对")
    body = document["body"]
    if not isinstance(body, dict) or set(body) != body_keys:
        raise ValueError("内容不全")
    return document, body


def read_enrolment(path: Path) -> Enrolment:
    """Parse and verify an enrolment file (its own signature, its key id)."""
    name = path.name
    try:
        document, body = read_signed(path, FORMAT, VERSION, _BODY_KEYS, MAX_BYTES)
        texts = _BODY_KEYS - {"replaces"}
        if not all(isinstance(body[k], str) and len(body[k]) <= 128 for k in texts):
            raise ValueError("字段类型不对")
        if not isinstance(body["replaces"], list) or not all(
            isinstance(k, str) for k in body["replaces"]
        ):
            raise ValueError("字段类型不对")
        if body["role"] not in node.ROLE_NAMES:
            raise ValueError("节点类型不对")
        found = _enrolment(body)
        signature = unb64(document["signature"])
    except (ValueError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise UserError("sync.enrol_unreadable", name=name, detail=str(exc)) from exc
    try:
        found.public.verifier().verify(signature, canonical(body))
    except (InvalidSignature, ValueError) as exc:
        raise UserError("sync.enrol_signature", name=name) from exc
    if found.public.key_id != body["key_id"]:
        raise UserError("sync.enrol_signature", name=name)
    return found


def _groups_differing(expected: str, typed: str) -> str:
    """``第 8 组不同`` / ``第 2、8 组不同``: the groups of five digits (as read aloud) that are
    not the same, counted from 1."""
    step = keys.GROUP
    differ = [
        str(n + 1)
        for n in range(0, (len(expected) + step - 1) // step)
        if expected[n * step : (n + 1) * step] != typed[n * step : (n + 1) * step]
    ]
    return f"第 {'、'.join(differ)} 组不同"


def import_enrolment(db: Database, path: Path, fingerprint: str | None) -> Enrolment:
    """Pin a partner's keys: only after the fingerprint typed in (as read over the phone or
    from the sheet) equals the file's. A new key of a known partner (re-keying) revokes its
    earlier keys."""
    found = read_enrolment(path)
    if found.node_id == db.node_id:
        raise UserError("sync.enrol_self")
    me = node.this_node(db)
    wanted = node.COMMUNITY if me.role == node.STREET else node.STREET
    if found.role != wanted:
        raise UserError("sync.enrol_role", name=found.name, role=node.ROLE_NAMES[found.role])
    if me.role == node.STREET and not found.street_code.startswith(me.street_code):
        raise UserError(
            "sync.enrol_other_street", name=found.name, code=found.street_code, own=me.street_code
        )
    if not fingerprint:
        raise UserError("sync.fingerprint_needed", fingerprint=keys.grouped(found.fingerprint))
    typed = keys.digits_only(fingerprint)
    digits = len(found.fingerprint)
    if len(typed) < digits:
        raise UserError("sync.fingerprint_short", typed=len(typed), wanted=digits)
    if len(typed) > digits:
        raise UserError(
            "sync.fingerprint_long", typed=len(typed), extra=len(typed) - digits, wanted=digits
        )
    if typed != found.fingerprint:
        raise UserError(
            "sync.fingerprint_mismatch",
            groups=_groups_differing(found.fingerprint, typed),
            fingerprint=keys.grouped(found.fingerprint),
            typed=keys.grouped(typed),
        )
    now = utcnow()
    with db.uow() as s:
        if me.role == node.COMMUNITY:
            other = s.scalar(
                select(SyncPartner).where(
                    SyncPartner.role == node.STREET,
                    SyncPartner.status == ENROLLED,
                    SyncPartner.node_id != found.node_id,
                )
            )
            if other is not None:
                raise UserError("sync.enrol_one_street", name=other.name)
        partner = s.get(SyncPartner, found.node_id)
        if partner is None:
            partner = SyncPartner(
                node_id=found.node_id,
                role=found.role,
                status=ENROLLED,
                enrolled_at=now,
                epoch=0,
                sent_seq=0,
                acked_seq=0,
                applied_seq=0,
                last_manifest="",
                audit_id=0,
                audit_hash="",
            )
            s.add(partner)
        partner.name, partner.code = found.name, found.code
        partner.street_name, partner.street_code = found.street_name, found.street_code
        partner.status, partner.revoked_at = ENROLLED, None
        s.flush()
        pinned = list(s.scalars(select(SyncPeerKey).where(SyncPeerKey.node_id == found.node_id)))
        same = next((k for k in pinned if k.key_id == found.public.key_id), None)
        if same is not None and same.status == REVOKED:
            raise UserError("sync.enrol_revoked_key")
        for old in pinned:
            if old is not same and old.status == ENROLLED:
                old.status, old.revoked_at = REVOKED, now
        if same is None:
            s.add(
                SyncPeerKey(
                    node_id=found.node_id,
                    key_id=found.public.key_id,
                    sign_public=b64(found.public.sign),
                    box_public=b64(found.public.box),
                    fingerprint=found.fingerprint,
                    status=ENROLLED,
                    pinned_at=now,
                )
            )
        details = {
            "name": found.name,
            "code": found.code,
            "role": found.role,
            "key_id": found.public.key_id,
            "fingerprint": found.fingerprint,
            "revoked_keys": [k.key_id for k in pinned if k is not same and k.revoked_at == now],
            "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
        audit_log.record(s, "enrol", "sync_partner", found.node_id, details)
    return found


def revoke(db: Database, node_id: str) -> Partner:
    """Revoke a partner and every key of it: its packages and acknowledgements are refused."""
    now = utcnow()
    with db.uow() as s:
        partner = _find(s, node_id)
        partner.status, partner.revoked_at = REVOKED, now
        for key in s.scalars(select(SyncPeerKey).where(SyncPeerKey.node_id == partner.node_id)):
            if key.status == ENROLLED:
                key.status, key.revoked_at = REVOKED, now
        audit_log.record(s, "revoke", "sync_partner", partner.node_id, {"name": partner.name})
        node_id = partner.node_id
    return next(p for p in partners(db) if p.node_id == node_id)


def _find(s: Any, node_id: str) -> SyncPartner:
    """A partner by its node id, or by a unique prefix or its code (what people type)."""
    found = s.get(SyncPartner, node_id)
    if found is None:
        candidates = list(
            s.scalars(
                select(SyncPartner).where(
                    (SyncPartner.node_id.startswith(node_id)) | (SyncPartner.code == node_id)
                )
            )
        )
        if len(candidates) == 1 and node_id:
            found = candidates[0]
    if found is None:
        raise UserError("sync.unknown_partner", node=node_id)
    return found  # type: ignore[no-any-return]


def partners(db: Database) -> list[Partner]:
    with db.read() as s:
        rows = list(s.scalars(select(SyncPartner).order_by(SyncPartner.role, SyncPartner.code)))
        current = {
            k.node_id: k
            for k in s.scalars(select(SyncPeerKey).order_by(SyncPeerKey.id))
            if k.status == ENROLLED
        }
        return [
            Partner(
                node_id=p.node_id,
                role=p.role,
                name=p.name,
                code=p.code,
                status=p.status,
                key_id=current[p.node_id].key_id if p.node_id in current else "",
                fingerprint=current[p.node_id].fingerprint if p.node_id in current else "",
                epoch=p.epoch,
                sent_seq=p.sent_seq,
                acked_seq=p.acked_seq,
                applied_seq=p.applied_seq,
            )
            for p in rows
        ]
