"""This installation's identity as a sync node: an Ed25519 signing key and an X25519 encryption
key, made at first use (setup, or the first sync step of an upgraded database).

The private keys live outside the database: in the operating system's keyring (``keyring``:
Windows Credential Manager, the Secret Service on Linux desktops), service ``RedOffice``, one
entry per node and key. Where no keyring works (``keyring.backends.fail`` or an empty chainer)
the user is told so and may choose, explicitly, a key file in the data folder protected by a
passphrase (PKCS #8, ``BestAvailableEncryption``). The database holds only the public halves,
the key id and where the private halves are kept (settings ``sync.*``).

The fingerprint, read over the phone or compared on the enrolment sheet, is the SHA-256 of
both public keys shown as 40 decimal digits in 8 groups of 5.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.kit.keystore import SERVICE, read, write
from redoffice.kit.keystore import keyring_available as keyring_available  # the sync tab asks
from redoffice.kit.paths import data_dir
from redoffice.settings.config import get_value, put_value

KEYRING: Final = "keyring"
KEY_FILE: Final = "file"
FINGERPRINT_DIGITS: Final = 40
GROUP: Final = 5


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class PublicKeys:
    """The public halves of a node's keys (raw 32-byte encodings)."""

    sign: bytes
    box: bytes

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(b"RedOffice node keys\0" + self.sign + self.box).digest()

    @property
    def key_id(self) -> str:
        return self.digest.hex()[:16]

    @property
    def fingerprint(self) -> str:
        """40 digits (≈133 bits of the SHA-256), without spaces."""
        number = int.from_bytes(self.digest, "big") % 10**FINGERPRINT_DIGITS
        return str(number).zfill(FINGERPRINT_DIGITS)

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign)

    def box_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.box)


def grouped(fingerprint: str) -> str:
    """``12345 67890 …``: for reading aloud and for the enrolment sheet."""
    return " ".join(fingerprint[i : i + GROUP] for i in range(0, len(fingerprint), GROUP))


def digits_only(text: str) -> str:
    """A fingerprint as typed (spaces, dashes, full-width digits) reduced to its digits."""
    table = {ord("０") + i: str(i) for i in range(10)}
    return "".join(ch for ch in text.translate(table) if ch.isascii() and ch.isdigit())


@dataclass(frozen=True)
class NodeKeys:
    """This node's private keys (never written to the database)."""

    node_id: str
    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def public(self) -> PublicKeys:
        raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
        return PublicKeys(
            self.sign.public_key().public_bytes(*raw), self.box.public_key().public_bytes(*raw)
        )

    @property
    def key_id(self) -> str:
        return self.public.key_id


@dataclass(frozen=True)
class KeyInfo:
    """What ``sync keys`` shows: the node, the key id and fingerprint, where the keys are kept."""

    node_id: str
    key_id: str
    fingerprint: str
    store: str
    where: str


# ── where private keys are kept ─────────────────────────────────────────────────────────────


def _user(node_id: str, what: str) -> str:
    return f"{node_id}/{what}"


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def key_file(node_id: str) -> Path:
    return data_dir() / "keys" / f"{node_id}.key"


def _marker_file(node_id: str) -> Path:
    return data_dir() / "keys" / f"{node_id}.instance"


def _store_keyring(keys: NodeKeys) -> None:
    for what, key in (("sign", keys.sign), ("box", keys.box)):
        value = json.dumps({"key_id": keys.key_id, "private": b64(_raw_private(key))})
        write(_user(keys.node_id, what), value)


def _load_keyring(node_id: str, key_id: str) -> NodeKeys:
    found: dict[str, bytes] = {}
    for what in ("sign", "box"):
        stored = read(_user(node_id, what))
        if stored is None:
            raise UserError("sync.keys_missing")
        data = json.loads(stored)
        if data.get("key_id") != key_id:
            raise UserError("sync.keys_missing")
        found[what] = unb64(data["private"])
    return NodeKeys(
        node_id,
        Ed25519PrivateKey.from_private_bytes(found["sign"]),
        X25519PrivateKey.from_private_bytes(found["box"]),
    )


def _store_file(keys: NodeKeys, passphrase: str) -> Path:
    if len(passphrase) < 8:
        raise UserError("sync.passphrase_short")
    protect = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    pem = serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protect
    body = {
        "key_id": keys.key_id,
        "sign": keys.sign.private_bytes(*pem).decode("ascii"),
        "box": keys.box.private_bytes(*pem).decode("ascii"),
    }
    path = key_file(keys.node_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(body), encoding="utf-8")
    temp.chmod(0o600)
    temp.replace(path)
    return path


def _load_file(node_id: str, key_id: str, passphrase: str | None) -> NodeKeys:
    path = key_file(node_id)
    if not path.exists():
        raise UserError("sync.keys_missing")
    if not passphrase:
        raise UserError("sync.passphrase_needed", path=str(path))
    body = json.loads(path.read_text(encoding="utf-8"))
    if body.get("key_id") != key_id:
        raise UserError("sync.keys_missing")
    try:
        sign = serialization.load_pem_private_key(body["sign"].encode(), passphrase.encode())
        box = serialization.load_pem_private_key(body["box"].encode(), passphrase.encode())
    except ValueError as exc:
        raise UserError("sync.passphrase_wrong") from exc
    if not isinstance(sign, Ed25519PrivateKey) or not isinstance(box, X25519PrivateKey):
        raise UserError("sync.keys_missing")
    return NodeKeys(node_id, sign, box)


# ── the instance marker (restores and copies start a new epoch) ─────────────────────────────


def read_marker(db: Database) -> dict[str, Any] | None:
    """What the keyring (or the key folder) remembers of this database: its instance id, and
    the epoch and last sequence number it sent."""
    if _setting(db, "sync.key_store") == KEY_FILE:
        path = _marker_file(db.node_id)
        text = path.read_text(encoding="utf-8") if path.exists() else None
    else:
        text = read(_user(db.node_id, "instance"))
    if text is None:
        return None
    found = json.loads(text)
    return found if isinstance(found, dict) else None


def write_marker(db: Database, marker: dict[str, Any]) -> None:
    text = json.dumps(marker, sort_keys=True)
    if _setting(db, "sync.key_store") == KEY_FILE:
        path = _marker_file(db.node_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(text, encoding="utf-8")
        temp.replace(path)
        return
    write(_user(db.node_id, "instance"), text)


# ── the node's keys ─────────────────────────────────────────────────────────────────────────


def _setting(db: Database, key: str) -> Any:
    with db.read() as s:
        return get_value(s, key)


def has_keys(db: Database) -> bool:
    return bool(_setting(db, "sync.key_id"))


def public_keys(db: Database) -> PublicKeys:
    with db.read() as s:
        sign, box = get_value(s, "sync.sign_public"), get_value(s, "sync.box_public")
    if not sign or not box:
        raise UserError("sync.no_keys")
    return PublicKeys(unb64(sign), unb64(box))


def info(db: Database) -> KeyInfo:
    public = public_keys(db)
    store = str(_setting(db, "sync.key_store") or KEYRING)
    where = str(key_file(db.node_id)) if store == KEY_FILE else f"系统密钥库（{SERVICE}）"
    return KeyInfo(db.node_id, public.key_id, public.fingerprint, store, where)


def _make(db: Database, use_file: bool, passphrase: str | None, replaces: str | None) -> NodeKeys:
    if not db.node_id:
        raise UserError("community.not_initialized")
    if not use_file and not keyring_available():
        raise UserError("sync.no_keyring")
    if use_file and not passphrase:
        raise UserError("sync.passphrase_needed", path=str(key_file(db.node_id)))
    keys = NodeKeys(db.node_id, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    if use_file:
        _store_file(keys, passphrase or "")
    else:
        _store_keyring(keys)
    public = keys.public
    with db.uow() as s:
        put_value(s, "sync.key_store", KEY_FILE if use_file else KEYRING)
        put_value(s, "sync.key_id", public.key_id)
        put_value(s, "sync.sign_public", b64(public.sign))
        put_value(s, "sync.box_public", b64(public.box))
        if replaces:
            earlier = list(get_value(s, "sync.previous_key_ids") or [])
            put_value(s, "sync.previous_key_ids", [*earlier, replaces])
        if not get_value(s, "sync.instance_id"):
            put_value(s, "sync.instance_id", new_id())
    return keys


def ensure_keys(db: Database, *, use_file: bool = False, passphrase: str | None = None) -> NodeKeys:
    """This node's keys, made now if it has none (the first sync step of a new or upgraded
    database). ``use_file``: the user chose the passphrase-protected key file."""
    if not has_keys(db):
        return _make(db, use_file, passphrase, None)
    return load_keys(db, passphrase)


def load_keys(db: Database, passphrase: str | None = None) -> NodeKeys:
    with db.read() as s:
        key_id, store = get_value(s, "sync.key_id"), get_value(s, "sync.key_store")
    if not key_id:
        raise UserError("sync.no_keys")
    if store == KEY_FILE:
        keys = _load_file(db.node_id, str(key_id), passphrase)
    else:
        keys = _load_keyring(db.node_id, str(key_id))
    if keys.key_id != key_id:
        raise UserError("sync.keys_missing")
    return keys


def rekey(db: Database, *, use_file: bool = False, passphrase: str | None = None) -> NodeKeys:
    """New keys for this node (a new PC, a key thought exposed): the old key id is recorded as
    replaced; the new enrolment file names it, and the partner revokes it on import."""
    old = str(_setting(db, "sync.key_id") or "") or None
    return _make(db, use_file, passphrase, old)


def previous_key_ids(db: Database) -> list[str]:
    return [str(k) for k in (_setting(db, "sync.previous_key_ids") or [])]
