"""基金台账: the append-only, hash-chained ledger.

:func:`append` is the only way an entry is written. Each entry's ``hash`` is SHA-256 over a
canonical serialisation (orjson, sorted keys, format version :data:`HASH_VERSION`) of its
business columns and the previous entry's hash; the first entry's ``prev_hash`` is 32 zero
bytes. :class:`~redoffice.models.FundLedgerHead` holds the last number and hash, so a removed
last entry is found by :func:`verify` as well as a changed, removed or inserted one."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Final

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.kit.money import yuan
from redoffice.models import FundEntry, FundLedgerHead, FundPeriodClose

HASH_VERSION: Final = 1
ZERO_HASH: Final = bytes(32)
# the columns an entry's hash covers, in no particular order (the serialisation sorts keys)
HASHED: Final = (
    "id",
    "number",
    "account_id",
    "kind",
    "entry_date",
    "voucher_no",
    "amount",
    "balance_after",
    "source",
    "use",
    "channel",
    "donor_kind",
    "donor_resident_id",
    "donor_member_id",
    "donor_org_id",
    "counterparty",
    "receipt_no",
    "application_id",
    "pay_method",
    "pay_place",
    "reverses_id",
    "handled_by",
    "checked_by",
    "note",
    "owner_node",
)
# the optional columns append(**columns) accepts
OPTIONAL: Final = frozenset(HASHED) - {
    "id",
    "number",
    "account_id",
    "kind",
    "entry_date",
    "amount",
    "balance_after",
    "handled_by",
    "checked_by",
    "owner_node",
}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (int, str)):
        return value
    return str(value)


def entry_hash(values: dict[str, Any], prev_hash: bytes) -> bytes:
    """The hash of an entry from its business columns (``values`` keyed by :data:`HASHED`)."""
    doc = {name: _plain(values.get(name)) for name in HASHED}
    doc["v"] = HASH_VERSION
    doc["prev_hash"] = prev_hash.hex()
    return hashlib.sha256(orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)).digest()


def _node(s: Session) -> str:
    return str(s.info.get("node_id") or "")


def closed_period_on(s: Session, day: date) -> FundPeriodClose | None:
    """The closed period ``day`` falls in, if any."""
    return s.scalars(
        select(FundPeriodClose).where(
            FundPeriodClose.owner_node == _node(s),
            FundPeriodClose.deleted.is_(False),
            FundPeriodClose.starts_on <= day,
            FundPeriodClose.ends_on >= day,
        )
    ).first()


def account_balance(s: Session, account_id: str) -> int:
    """The account's balance in fen: the ``balance_after`` of its last entry (0 when none)."""
    last = s.scalar(
        select(FundEntry.balance_after)
        .where(FundEntry.account_id == account_id, FundEntry.owner_node == _node(s))
        .order_by(FundEntry.number.desc())
        .limit(1)
    )
    return int(last or 0)


def _check_reversal(s: Session, reverses_id: str | None, amount: int) -> None:
    target = s.get(FundEntry, reverses_id) if reverses_id else None
    if target is None:
        raise UserError("fund.reversal_target")
    if target.kind == "reversal":
        raise UserError("fund.reverse_reversal", number=target.number)
    done = s.scalar(select(FundEntry.number).where(FundEntry.reverses_id == target.id).limit(1))
    if done is not None:
        raise UserError("fund.already_reversed", number=target.number)
    if amount != -target.amount:
        raise UserError("fund.reversal_amount", number=target.number)


def append(
    s: Session,
    *,
    account_id: str,
    kind: str,
    entry_date: date,
    amount: int,
    handled_by: str,
    checked_by: str | None = None,
    **columns: Any,
) -> FundEntry:
    """Write the next ledger entry (signed fen: + income, − payment; a reversal the opposite of
    the entry named by ``reverses_id``). Refuses a date inside a closed period and a balance
    below 0; sets number, balance_after, prev_hash and hash and moves the head. Flushes, does
    not commit."""
    unknown = set(columns) - OPTIONAL
    if unknown:
        raise TypeError(f"append() got unknown columns {sorted(unknown)}")
    if kind not in ("income", "payment", "reversal"):
        raise ValueError(f"unknown entry kind {kind!r}")
    if amount == 0 or (kind == "income" and amount < 0) or (kind == "payment" and amount > 0):
        raise UserError("fund.amount_sign")
    closed = closed_period_on(s, entry_date)
    if closed is not None:
        raise UserError("fund.period_closed", day=entry_date.isoformat(), period=closed.period)
    if kind == "reversal":
        _check_reversal(s, columns.get("reverses_id"), amount)
    node = _node(s)
    head = s.get(FundLedgerHead, node, with_for_update=True)
    balance = account_balance(s, account_id)
    if balance + amount < 0:
        raise UserError("fund.over_balance", balance=yuan(balance), amount=yuan(-amount))
    values: dict[str, Any] = {name: "" for name in OPTIONAL}
    values.update(
        donor_resident_id=None,
        donor_member_id=None,
        donor_org_id=None,
        application_id=None,
        reverses_id=None,
    )
    values.update(columns)
    values.update(
        id=new_id(),
        number=(head.last_number if head else 0) + 1,
        account_id=account_id,
        kind=kind,
        entry_date=entry_date,
        amount=amount,
        balance_after=balance + amount,
        handled_by=handled_by,
        checked_by=checked_by,
        owner_node=node,
    )
    prev = head.last_hash if head else ZERO_HASH
    digest = entry_hash(values, prev)
    entry = FundEntry(**values, prev_hash=prev, hash=digest)
    s.add(entry)
    if head is None:
        s.add(FundLedgerHead(owner_node=node, last_number=values["number"], last_hash=digest))
    else:
        head.last_number = values["number"]
        head.last_hash = digest
    s.flush()
    return entry
