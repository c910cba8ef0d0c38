"""The street's records for one community (its decisions, replies, notices) travelling in the
street's receipts (decision 0022).

Street side (:func:`sealed_for`): every street record addressed to the community whose
``sync_seq`` lies above what the community has confirmed (its ``street_inbox`` row, which comes
back in its packages), up to the street's latest number, read in one snapshot — cumulative like
packages, so a lost receipt is healed by the next. The lines (the package's NDJSON rows) are
compressed, then encrypted to the community's X25519 key (HPKE, as package payloads), and the
whole receipt is signed.

Community side (:func:`opened` then :func:`apply`, inside the receipt's one transaction): each
row checked (owned by the street, addressed here, not overwriting another node's row), new rows
inserted as the street wrote them, newer versions replacing older ones, a row seen before
skipped; a new decision or reply takes effect (:mod:`redoffice.street.decisions`), and the
inbox moves up to the receipt's number. A replayed receipt changes nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from sqlalchemy import Connection, Engine, Table, insert, select, update
from sqlalchemy.orm import Session

from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.kit.sync_state import STREET_CHANNEL, snapshot
from redoffice.models import (
    StreetDecision,
    StreetInbox,
    StreetNotice,
    StreetReply,
    SyncCounter,
    SyncPeerKey,
)
from redoffice.street import decisions
from redoffice.sync import keys, wire
from redoffice.sync.enrol import ENROLLED, strict_json
from redoffice.sync.keys import PublicKeys, b64, unb64

MEMBER: Final = "orders"
MODELS: Final = (StreetDecision, StreetReply, StreetNotice)
TABLES: Final[dict[str, Table]] = {m.__tablename__: m.__table__ for m in MODELS}  # type: ignore[misc]
CODECS: Final = {name: wire.TableCodec(table) for name, table in TABLES.items()}
KEYS: Final = frozenset(
    {"id", "key_id", "seq_from", "seq_to", "records", "plain_size", "plain_sha256", "cipher"}
)
MAX_PLAIN: Final = 64 * 1024**2


@dataclass
class Applied:
    """What a receipt's records did at the community."""

    new: int = 0
    skipped: int = 0
    seq_to: int = 0
    reports: list[str] = field(default_factory=list)  # decisions kept but not applied, why


def confirmed(s: Session | Connection, community: str, street: str) -> int:
    """The street's number up to which ``community`` has applied its records (as its last
    package said)."""
    found = s.execute(
        select(StreetInbox.applied_seq).where(
            StreetInbox.owner_node == community,
            StreetInbox.street_node == street,
            StreetInbox.deleted.is_(False),
        )
    ).scalar()
    return int(found or 0)


def _addressed(table: str, row: Any, community: str) -> bool:
    if table == StreetNotice.__tablename__:
        return not row["recipients"] or community in str(row["recipients"]).split()
    return bool(row["community_node"] == community)


def _lines(conn: Connection, street: str, community: str) -> tuple[int, int, list[bytes]]:
    """(confirmed, seq_to, the lines of the records for ``community`` between them)."""
    seq_to = int(
        conn.execute(
            select(SyncCounter.last_seq).where(SyncCounter.channel == STREET_CHANNEL)
        ).scalar()
        or 0
    )
    after = confirmed(conn, community, street)
    lines: list[bytes] = []
    for name, table in TABLES.items():
        c = table.c
        chosen = (
            select(table)
            .where(c.owner_node == street, c.sync_seq > after, c.sync_seq <= seq_to)
            .order_by(c.sync_seq, c.id)
        )
        codec = CODECS[name]
        lines += [
            wire.line(name, codec.encode(row))
            for row in conn.execute(chosen)
            if _addressed(name, row._mapping, community)
        ]
    return after, seq_to, lines


def sealed_for(engine: Engine, street: str, community: str, name: str) -> dict[str, Any]:
    """The receipt's ``orders`` for ``community``: its records not yet confirmed, encrypted to
    its enrolled key (``name``: the community's, for the message when it has none), read in
    one snapshot of the street's database."""
    with snapshot(engine) as conn:
        after, seq_to, lines = _lines(conn, street, community)
        key = conn.execute(
            select(SyncPeerKey).where(
                SyncPeerKey.node_id == community, SyncPeerKey.status == ENROLLED
            )
        ).first()
    if key is None:
        raise UserError("sync.partner_revoked", name=name)
    public = PublicKeys(unb64(key.sign_public), unb64(key.box_public))
    plain = b"".join(lines)
    receipt = new_id()
    cipher = wire.seal(
        wire.compress(plain), public.box_key(), wire.info(receipt, public.key_id, MEMBER)
    )
    return {
        "id": receipt,
        "key_id": public.key_id,
        "seq_from": after + 1,
        "seq_to": seq_to,
        "records": len(lines),
        "plain_size": len(plain),
        "plain_sha256": hashlib.sha256(plain).hexdigest(),
        "cipher": b64(cipher),
    }


def check_shape(orders: Any) -> None:
    """ValueError naming what is wrong with a receipt's ``orders``."""
    if not isinstance(orders, dict) or set(orders) != KEYS:
        raise ValueError("orders 无效")
    for name in ("seq_from", "seq_to", "records", "plain_size"):
        value = orders[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"orders.{name} 无效")
    if orders["plain_size"] > MAX_PLAIN:
        raise ValueError("orders 过大")
    for name in ("id", "key_id", "plain_sha256", "cipher"):
        if not isinstance(orders[name], str):
            raise ValueError(f"orders.{name} 无效")


def opened(
    orders: dict[str, Any], own: keys.NodeKeys, name: str
) -> list[tuple[str, dict[str, Any]]]:
    """Decrypt and decode the records (table, row decoded); a UserError names the fault."""
    if orders["key_id"] != own.key_id:
        raise UserError("sync.wrong_key")
    context = wire.info(orders["id"], own.key_id, MEMBER)
    try:
        plain = wire.decompress(
            wire.open_sealed(unb64(orders["cipher"]), own.box, context), orders["plain_size"]
        )
    except (InvalidTag, ValueError) as exc:
        raise UserError("sync.decrypt_failed") from exc
    if hashlib.sha256(plain).hexdigest() != orders["plain_sha256"]:
        raise UserError("sync.ack_unreadable", name=name, detail="orders 校验值不符")
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, raw in enumerate(plain.splitlines(), start=1):
        try:
            found = strict_json(raw)
            if not isinstance(found, dict) or set(found) != {"t", "r"}:
                raise ValueError("结构不对")
            table = found["t"]
            if table not in CODECS:
                raise ValueError(f"未知的表 {str(table)[:40]}")
            rows.append((table, CODECS[table].decode(found["r"])))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError("sync.bad_line", line=number, detail=str(exc)[:200]) from exc
    if len(rows) != orders["records"]:
        raise UserError("sync.count_mismatch", expected=orders["records"], found=len(rows))
    return rows


def apply(
    s: Session,
    street: str,
    street_name: str,
    orders: dict[str, Any],
    rows: list[tuple[str, dict[str, Any]]],
) -> Applied:
    """At the community, in the receipt's transaction: the street's rows stored, the new ones'
    effects, the inbox moved to ``orders["seq_to"]`` (forwards only; when there were rows —
    with none, the street's next receipt finds none in that range again, and a receipt
    without records leaves the community's data as it was)."""
    me = str(s.info.get("node_id"))
    conn = s.connection()
    done = Applied(seq_to=orders["seq_to"])
    for table, row in rows:
        if row["owner_node"] != street:
            raise UserError("sync.not_owner", name=street_name, table=table, row=row["id"])
        if not _addressed(table, row, me):
            raise UserError("street.not_addressed", table=table, row=row["id"])
        if _store(conn, TABLES[table], row, street_name):
            done.new += 1
            report = decisions.take_effect(s, table, row)
            if report:
                done.reports.append(report)
        else:
            done.skipped += 1
    if rows:  # a receipt with none of the street's records confirms nothing: no change here
        _move_inbox(s, street, orders["seq_to"])
    return done


def _store(conn: Connection, table: Table, row: dict[str, Any], street_name: str) -> bool:
    """Insert a new row (True), replace an older version, skip one seen; a row of this id
    owned by another node refuses the receipt."""
    local = conn.execute(select(table.c.owner_node, table.c.version).where(table.c.id == row["id"]))
    found = local.first()
    if found is None:
        conn.execute(insert(table), [row])
        return True
    if found.owner_node != row["owner_node"]:
        raise UserError("sync.not_owner", name=street_name, table=table.name, row=row["id"])
    if found.version < row["version"]:
        conn.execute(update(table).where(table.c.id == row["id"]).values(**row))
    return False


def _move_inbox(s: Session, street: str, seq_to: int) -> None:
    me = str(s.info.get("node_id"))
    inbox = s.scalars(
        select(StreetInbox).where(StreetInbox.owner_node == me, StreetInbox.street_node == street)
    ).first()
    if inbox is None:
        s.add(StreetInbox(street_node=street, applied_seq=seq_to))
    elif inbox.applied_seq < seq_to:
        inbox.applied_seq = seq_to
