"""基金台账: the append-only, hash-chained ledger.

:func:`append` is the only way an entry is written. Each entry's ``hash`` is SHA-256 over a
canonical serialisation (orjson, sorted keys, format version :data:`HASH_VERSION`) of its
business columns and the previous entry's hash; the first entry's ``prev_hash`` is 32 zero
bytes. :class:`~redoffice.models.FundLedgerHead` holds the last number and hash, so a removed
last entry is found by :func:`verify` as well as a changed, removed or inserted one."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import orjson
from sqlalchemy import Date, String, func, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redoffice.fund import roles
from redoffice.fund.codes import DONATIONS, DONOR_KINDS, ROLES, SOURCES
from redoffice.fund.periods import parse_period
from redoffice.kit import clock
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.kit.messages import message
from redoffice.kit.money import parse_yuan, yuan
from redoffice.kit.records import next_number
from redoffice.kit.scope import community_names, owner
from redoffice.kit.validation import Checker
from redoffice.models import (
    AuditLog,
    FundAccount,
    FundEntry,
    FundLedgerHead,
    FundPeriodClose,
    Organization,
    PartyMember,
    Resident,
    Staff,
)
from redoffice.settings import config

HASH_VERSION: Final = 1
# no amount of this fund is above ¥100,000,000: a typo of extra digits is refused in Chinese
# instead of overflowing the database's BIGINT (and the hash's 64-bit integers)
MAX_YUAN: Final = 100_000_000
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


def _digest(doc: dict[str, Any], prev_hash: bytes) -> bytes:
    # orjson writes a date as its ISO form (2026-07-01); the entry's values are str, int, date
    # or None
    doc["v"] = HASH_VERSION
    doc["prev_hash"] = prev_hash.hex()
    return hashlib.sha256(orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)).digest()


def entry_hash(values: dict[str, Any], prev_hash: bytes) -> bytes:
    """The hash of an entry from its business columns (``values`` keyed by :data:`HASHED`)."""
    return _digest({name: values.get(name) for name in HASHED}, prev_hash)


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


def lock_head(s: Session) -> FundLedgerHead | None:
    """The ledger head, row-locked until the transaction ends (PostgreSQL; SQLite has one
    writer at a time). Taken before any check that another clerk's entry could change."""
    return s.get(FundLedgerHead, _node(s), with_for_update=True)


def available_on(s: Session, account_id: str, on: date) -> int:
    """What the account can pay out on ``on`` without any day's balance going below 0: the
    least of its balances by date from ``on`` on (entries dated up to each day), fen."""
    by_day = s.execute(
        select(FundEntry.entry_date, func.sum(FundEntry.amount))
        .where(FundEntry.account_id == account_id, FundEntry.owner_node == _node(s))
        .group_by(FundEntry.entry_date)
        .order_by(FundEntry.entry_date)
    ).all()
    running, least = 0, None
    for day, amount in by_day:
        if day > on and least is None:
            least = running  # the balance on ``on`` itself
        running += int(amount or 0)
        if day > on:
            least = min(running, running if least is None else least)
    return running if least is None else least


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


def check_voucher(
    s: Session, voucher_no: str, kind: str = "", reverses_id: str | None = None
) -> None:
    """A 凭证号 names one entry: one already used by another entry of the ledger is refused,
    naming that entry. A reversal (冲正) may repeat the voucher of the entry it reverses (the
    红字 voucher refers to the original: the same number, both entries name each other)."""
    voucher = (voucher_no or "").strip()
    if not voucher:
        return
    query = select(FundEntry.number, FundEntry.entry_date).where(
        FundEntry.owner_node == _node(s), FundEntry.voucher_no == voucher
    )
    if kind == "reversal" and reverses_id:
        query = query.where(FundEntry.id != reverses_id)
    taken = s.execute(query.order_by(FundEntry.number).limit(1)).first()
    if taken is not None:
        raise UserError(
            "fund.voucher_taken", voucher=voucher, number=taken[0], day=taken[1].isoformat()
        )


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
    node = _node(s)
    # the head's row lock before the checks: another clerk's close, reversal or payment
    # committed meanwhile is seen by them (checked first and locked after, an entry went into
    # a period closed at that moment and one entry could be reversed twice)
    head = lock_head(s)
    closed = closed_period_on(s, entry_date)
    if closed is not None:
        raise UserError("fund.period_closed", day=entry_date.isoformat(), period=closed.period)
    if kind == "reversal":
        _check_reversal(s, columns.get("reverses_id"), amount)
    check_voucher(s, columns.get("voucher_no") or "", kind, columns.get("reverses_id"))
    balance = account_balance(s, account_id)
    if balance + amount < 0:
        raise UserError("fund.over_balance", balance=yuan(balance), amount=yuan(-amount))
    if amount < 0:  # nor below 0 on any day from the entry's date (money that came in later)
        available = available_on(s, account_id, entry_date)
        if available + amount < 0:
            raise UserError(
                "fund.rule.over_balance_on",
                day=entry_date.isoformat(),
                balance=yuan(max(available, 0)),
                amount=yuan(-amount),
            )
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
    try:
        s.flush()
    except IntegrityError as exc:
        if head is not None:
            raise
        # another clerk's first entry of the ledger went in at the same moment
        raise UserError("record.changed_elsewhere") from exc
    return entry


# ── Income ────────────────────────────────────────────────────────────────────────────────────

ANONYMOUS: Final = "匿名"


@dataclass(frozen=True)
class IncomeInput:
    account_id: str
    source: str
    amount: str  # yuan as typed
    entry_date: date
    handled_by: str  # 经办人 (a handler or the accountant)
    donor_kind: str = ""  # required for a donation
    donor_name: str = ""  # as printed; taken from the record linked below when empty
    donor_resident_id: str | None = None
    donor_member_id: str | None = None
    donor_org_id: str | None = None
    channel: str = ""  # the 慈善组织 it came through (a charity account's holder when empty)
    voucher_no: str = ""
    note: str = ""
    checked_by: str | None = None  # 复核人


def _live(s: Session, model: type[Any], record_id: str | None) -> Any:
    obj = s.get(model, record_id) if record_id else None
    return None if obj is None or obj.deleted else obj


def _income_columns(s: Session, data: IncomeInput) -> dict[str, Any]:
    """The checked columns of an income entry (every refusal named by field)."""
    c = Checker()
    today = clock.today()
    account = _live(s, FundAccount, data.account_id)
    if account is None:
        c.add("account_id", "required" if not data.account_id else "record.not_found")
    elif not account.active:
        c.add("account_id", "fund.account_inactive", name=account.name)
    source = c.choice("source", data.source, SOURCES)
    amount = parse_yuan(data.amount)
    if amount is None:
        c.add("amount", "money.invalid")
    elif amount == 0:
        c.add("amount", "fund.amount_zero")
    elif amount > MAX_YUAN * 100:
        c.add("amount", "fund.amount_too_large", max=f"{MAX_YUAN:,}")
    if data.entry_date is None:
        c.add("entry_date", "required")
    else:
        c.past_date("entry_date", data.entry_date, today)
    donation = source in DONATIONS
    donor_kind = c.choice("donor_kind", data.donor_kind, DONOR_KINDS, required=donation)
    name = c.text("donor_name", data.donor_name, max_len=128)
    links = {
        "donor_resident_id": (Resident, data.donor_resident_id, "name"),
        "donor_member_id": (PartyMember, data.donor_member_id, "name"),
        "donor_org_id": (Organization, data.donor_org_id, "name"),
    }
    columns: dict[str, Any] = {}
    for field, (model, record_id, attr) in links.items():
        columns[field] = None
        if record_id and donor_kind != "anonymous":
            obj = _live(s, model, record_id)
            if obj is None:
                c.add(field, "record.not_found")
            else:
                columns[field] = record_id
                name = name or str(getattr(obj, attr))
    if donor_kind == "anonymous":
        name = ANONYMOUS
    elif donation and not name:
        c.add("donor_name", "required")
    channel = c.text("channel", data.channel, max_len=128)
    # a donation into a charity account came through its 慈善组织; a 财政拨款 or 党费 did not
    if not channel and donation and account is not None and account.kind == "charity":
        channel = account.holder
    columns.update(
        source=source,
        donor_kind=donor_kind,
        counterparty=name,
        channel=channel,
        voucher_no=c.text("voucher_no", data.voucher_no, max_len=32),
        note=c.text("note", data.note, max_len=2000),
    )
    handler = _live(s, Staff, data.handled_by)
    if handler is None:
        c.add("handled_by", "required" if not data.handled_by else "record.not_found")
    elif not roles.roles_of(handler) & {"handler", "accountant"}:
        c.add(
            "handled_by",
            "fund.role_missing",
            name=handler.name,
            role=f"{ROLES['handler']}或{ROLES['accountant']}",
        )
    if data.checked_by and _live(s, Staff, data.checked_by) is None:
        c.add("checked_by", "record.not_found")
    elif data.checked_by and data.checked_by == data.handled_by and handler is not None:
        c.add("checked_by", "fund.rule.checker_is_handler", name=handler.name)
    c.raise_if_any()
    columns["amount"] = amount
    return columns


def add_income(db: Database, data: IncomeInput) -> str:
    """Record money received; every 党内捐款 / 社会捐赠 gets a 捐赠收据 number
    ``<year>-SJ<0001>``. Returns the entry's id."""
    with db.uow() as s:
        lock_head(s)  # before the receipt number: two clerks at once never share one
        columns = _income_columns(s, data)
        handler = s.get(Staff, data.handled_by)  # checked above: live, holding a role
        if db.user is not None and handler is not None:
            roles.check_acting(db.user, handler, "handler", "accountant")
        amount = columns.pop("amount")
        if columns["source"] in DONATIONS:
            prefix = f"{data.entry_date.year}-SJ"
            columns["receipt_no"] = next_number(s, FundEntry.receipt_no, prefix, 4)
        entry = append(
            s,
            account_id=data.account_id,
            kind="income",
            entry_date=data.entry_date,
            amount=amount,
            handled_by=data.handled_by,
            checked_by=data.checked_by or None,
            **columns,
        )
        return entry.id


def honour_due(s: Session, entry: FundEntry) -> bool:
    """Whether a donation earns a 荣誉证书 (at least the setting fund.honour_yuan)."""
    if entry.kind != "income" or entry.source not in DONATIONS:
        return False
    return entry.amount >= int(config.get_value(s, "fund.honour_yuan") or 0) * 100


# ── Reversal and period close ─────────────────────────────────────────────────────────────────


def reverse(db: Database, entry_id: str, reason: str, by: str, on: date | None = None) -> str:
    """冲正: a new entry with the opposite amount of ``entry_id``, by an accountant, dated
    ``on`` (today when not given; never inside a closed period). Returns the new entry's id."""
    with db.uow() as s:
        c = Checker()
        why = c.text("reason", reason, required=True, max_len=500)
        day = on or clock.today()
        c.past_date("entry_date", day, clock.today())
        c.raise_if_any()
        target = s.get(FundEntry, entry_id) if entry_id else None
        if target is None or target.owner_node != _node(s):
            raise UserError("record.not_found")
        roles.require(s, by, "accountant", db.user)
        if day < target.entry_date:
            raise UserError(
                "fund.reverse_before", number=target.number, day=target.entry_date.isoformat()
            )
        entry = append(
            s,
            account_id=target.account_id,
            kind="reversal",
            entry_date=day,
            amount=-target.amount,
            handled_by=by,
            reverses_id=target.id,
            source=target.source,
            use=target.use,
            counterparty=target.counterparty,
            application_id=target.application_id,
            note=why,
        )
        return entry.id


def close_period(db: Database, period: str, by: str, on: date | None = None) -> str:
    """结账: nothing can be dated inside ``period`` any more; by an accountant, only after the
    period ended, once. Pins the ledger's last number and hash. Returns the close's id."""
    span = parse_period(period)
    with db.uow() as s:
        roles.require(s, by, "accountant", db.user)
        day = on or clock.today()
        if day > clock.today():
            raise UserError("date_in_future")
        if day <= span.ends_on:
            raise UserError(
                "fund.period_not_ended", period=span.name, ends=span.ends_on.isoformat()
            )
        node = _node(s)
        head = lock_head(s)  # first: a second accountant closing at once sees this close
        done = s.scalar(
            select(FundPeriodClose.closed_on).where(
                FundPeriodClose.owner_node == node,
                FundPeriodClose.period == span.name,
                FundPeriodClose.deleted.is_(False),
            )
        )
        if done is not None:
            raise UserError("fund.period_already_closed", period=span.name, on=done.isoformat())
        if head is None:  # a period closed before the first entry
            head = FundLedgerHead(owner_node=node, last_number=0, last_hash=ZERO_HASH)
            s.add(head)
        close = FundPeriodClose(
            period=span.name,
            starts_on=span.starts_on,
            ends_on=span.ends_on,
            closed_by=by,
            closed_on=day,
            last_number=head.last_number,
            last_hash=head.last_hash,
        )
        s.add(close)
        s.flush()
        head.closes_digest = chain_close(head.closes_digest, close)
        return close.id


def _iso(day: Any) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def chain_close(digest: bytes | None, close: Any) -> bytes:
    """The closes' running digest after ``close`` (its period, dates, pinned number and hash):
    SHA-256 of the previous digest and these. The head keeps it, so a close removed, changed
    or removed and made again with plain SQL — which would reopen its period unseen — no
    longer matches the closes in the order they were made."""
    line = (
        f"{close.period}|{_iso(close.starts_on)}|{_iso(close.ends_on)}|{close.last_number}|"
        f"{bytes(close.last_hash).hex()}"
    )
    return hashlib.sha256((digest or b"") + line.encode()).digest()


# ── Verification ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int  # entries checked
    first_number: int | None  # the first entry found wrong (or missing)
    problem_code: str  # "" when ok, else a "fund.verify.*" message code
    message: str  # Chinese


def _found(entries: int, number: int | None, code: str, **params: Any) -> Verification:
    return Verification(False, entries, number, code, message(code, number=number, **params))


def _fast(column: Any) -> Any:
    """A date column read as it is stored (ISO text on SQLite, a date on PostgreSQL): both
    serialise the same, and SQLite's date parsing would be most of :func:`verify`'s time."""
    return type_coerce(column, String) if isinstance(column.type, Date) else column


def verify(db: Database) -> Verification:
    """Walk the community's ledger by number and report the first problem: a gap or a
    duplicate number, content that no longer matches its hash, a broken link, a balance that
    does not add up or goes below 0, a head that does not match the last entry, a closed
    period's pinned entry changed or an entry dated inside a closed period added after it.

    The ledger is the one :func:`redoffice.kit.scope.owner` names (a street's chosen
    community); at a street showing every community, each community's ledger is walked in
    turn and the first problem is reported with the community's name."""
    node = owner(db)
    if node is not None:
        return _verify_ledger(db, node)
    count = 0
    for community, name in community_names(db).items():
        found = _verify_ledger(db, community)
        count += found.entries
        if not found.ok:
            return Verification(
                False, count, found.first_number, found.problem_code, f"{name}：{found.message}"
            )
    return Verification(True, count, None, "", message("fund.verify.ok", count=count))


def _head(
    db: Database, s: Session, node: str, rows: Sequence[Any], closes: Sequence[Any]
) -> tuple[int, bytes, bytes | None]:
    """The ledger head :func:`verify` checks ``node``'s entries against: the stored one
    (number, hash, closes digest) on the node's own database. The head is not synced: a
    street's copy of a community's ledger is checked up to its last received entry (the head
    those entries make), its chain, numbers, balances and closes all the same."""
    if node == db.node_id:
        head = s.get(FundLedgerHead, node)
        return (
            head.last_number if head else 0,
            bytes(head.last_hash) if head else ZERO_HASH,
            bytes(head.closes_digest) if head and head.closes_digest else None,
        )
    digest = None
    for close in closes:
        digest = chain_close(digest, close)
    if not rows:
        return 0, ZERO_HASH, digest
    last = rows[-1]
    return int(last[HASHED.index("number")]), bytes(last[len(HASHED) + 1]), digest


def _erased_hashes(s: Session) -> dict[str, bytes]:
    """The hash each entry whose 对方 a personal-information erasure replaced verifies against
    (:mod:`redoffice.registry.erasure` records it in the audit log, itself hash-chained)."""
    found = s.execute(
        select(AuditLog.row_id, AuditLog.fields).where(
            AuditLog.action == "erase", AuditLog.table_name == "fund_entry"
        )
    )
    return {r: bytes.fromhex(orjson.loads(fields or "{}").get("hash", "")) for r, fields in found}


def _erased(values: dict[str, Any], made: bytes, erased: dict[str, bytes], copy: bool) -> bool:
    """Whether an entry that no longer matches its hash is one an erasure changed: its content
    matches the hash the erasure recorded; or, in a copy of another node's ledger (a street's,
    which holds no copy of that node's audit log), its 对方 is the erasure's mark — its link
    and balance are still checked (decision 0031)."""
    if erased.get(str(values["id"])) == made:
        return True
    return copy and values["counterparty"] == ERASED_NAME


def _verify_ledger(db: Database, node: str) -> Verification:
    """:func:`verify` of the ledger of ``node``."""
    table = FundEntry.__table__
    with db.read() as s:
        rows = s.execute(
            select(
                *(_fast(table.c[name]) for name in HASHED),
                table.c.prev_hash,
                table.c.hash,
                table.c.deleted,
            )
            .where(table.c.owner_node == node)
            .order_by(table.c.number)
        ).all()
        closes = s.execute(
            select(
                FundPeriodClose.period,
                FundPeriodClose.starts_on,
                FundPeriodClose.ends_on,
                FundPeriodClose.last_number,
                FundPeriodClose.last_hash,
                FundPeriodClose.deleted,
            )
            .where(FundPeriodClose.owner_node == node)
            .order_by(FundPeriodClose.created_seq, FundPeriodClose.period)
        ).all()
        head_number, head_hash, head_closes = _head(db, s, node, rows, closes)
        erased = _erased_hashes(s)
    n_hashed = len(HASHED)
    prev = ZERO_HASH
    balances: dict[str, int] = {}
    hashes: dict[int, bytes] = {}  # of the entries a close pinned
    pinned = {c.last_number for c in closes}
    windows = [
        (c.period, c.starts_on.isoformat(), c.ends_on.isoformat(), c.last_number) for c in closes
    ]
    count = 0
    for row in rows:
        values = dict(zip(HASHED, row[:n_hashed], strict=True))
        number = int(values["number"])
        expected = count + 1
        if number < expected:
            return _found(count, number, "fund.verify.duplicate")
        if number > head_number:
            return _found(count, number, "fund.verify.inserted")
        if number > expected:
            return _found(count, expected, "fund.verify.removed")
        prev_hash, stored = bytes(row[n_hashed]), bytes(row[n_hashed + 1])
        made = _digest(values, prev_hash)
        if made != stored and not _erased(values, made, erased, node != db.node_id):
            return _found(count, number, "fund.verify.changed")
        if prev_hash != prev:
            return _found(count, number, "fund.verify.unlinked")
        if row[n_hashed + 2]:  # a ledger entry is never soft-deleted by the application
            return _found(count, number, "fund.verify.deleted")
        balance = balances.get(values["account_id"], 0) + int(values["amount"])
        if balance != values["balance_after"] or balance < 0:
            return _found(count, number, "fund.verify.balance")
        day = str(values["entry_date"])  # ISO text either way
        for period, starts, ends, last_number in windows:
            if number > last_number and starts <= day <= ends:
                return _found(count, number, "fund.verify.after_close", period=period)
        balances[values["account_id"]] = balance
        if number in pinned:
            hashes[number] = stored
        prev = stored
        count += 1
    if count < head_number:
        return _found(count, count + 1, "fund.verify.last_removed")
    if count > head_number or prev != head_hash:
        return _found(count, head_number + 1 if count > head_number else count, "fund.verify.head")
    for period, _, _, last_number, last_hash, deleted in sorted(
        closes, key=lambda c: c.last_number
    ):
        if deleted:  # a close is never undone by the application
            return _found(count, last_number, "fund.verify.close_deleted", period=period)
        if last_number and hashes.get(last_number) != bytes(last_hash):
            return _found(count, last_number, "fund.verify.close_changed", period=period)
    digest = None
    for close in closes:
        digest = chain_close(digest, close)
    if digest != head_closes:
        return _found(count, None, "fund.verify.closes")
    return Verification(True, count, None, "", message("fund.verify.ok", count=count))
