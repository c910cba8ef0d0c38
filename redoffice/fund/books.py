"""The fund's books: account balances, the 基金台账 rows (日期, 凭证号, 来源/用途, 对方, 收入,
支出, 余额, 审批单号, 经办人, 复核人) and a period's totals (income by source, spending by
use, opening and closing balance per account). Reads only.

A reversal (冲正) is counted against the source or use of the entry it reverses, in the period
it is dated in: a 1000 元 donation taken back in the next quarter lowers that quarter's
donations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session, aliased

from redoffice.fund.codes import (
    ACCOUNT_KINDS,
    DONATIONS,
    DONOR_KINDS,
    ENTRY_KINDS,
    PAY_METHODS,
    PAY_PLACES,
    SOURCES,
    USES,
)
from redoffice.fund.periods import Period, parse_period
from redoffice.kit.db import Database
from redoffice.kit.scope import EVERY, own
from redoffice.models import FundAccount, FundApplication, FundEntry, Staff
from redoffice.settings import config


@dataclass(frozen=True)
class AccountBalance:
    account_id: str
    name: str
    kind: str
    kind_label: str
    holder: str
    active: bool
    balance: int  # fen
    entries: int
    last_date: date | None


def balances(db: Database) -> list[AccountBalance]:
    """Every live account of the community with its balance (the last entry's balance_after)."""
    with db.read() as s:
        last = (
            select(
                FundEntry.account_id,
                func.max(FundEntry.number).label("number"),
                func.count().label("entries"),
                func.max(FundEntry.entry_date).label("last_date"),
            )
            .where(own(db, FundEntry.owner_node))
            .group_by(FundEntry.account_id)
            .subquery()
        )
        rows = s.execute(
            select(FundAccount, FundEntry.balance_after, last.c.entries, last.c.last_date)
            .outerjoin(last, last.c.account_id == FundAccount.id)
            .outerjoin(
                FundEntry,
                (FundEntry.number == last.c.number) & (FundEntry.account_id == last.c.account_id),
            )
            .where(own(db, FundAccount.owner_node), FundAccount.deleted.is_(False))
            .order_by(FundAccount.name)
        ).all()
        return [
            AccountBalance(
                a.id,
                a.name,
                a.kind,
                ACCOUNT_KINDS.get(a.kind, a.kind),
                a.holder,
                a.active,
                int(balance or 0),
                int(entries or 0),
                last_date,
            )
            for a, balance, entries, last_date in rows
        ]


@dataclass(frozen=True)
class LedgerRow:
    """One line of the 基金台账, with the names it prints."""

    id: str
    number: int
    entry_date: date
    account_id: str
    account_name: str
    kind: str
    kind_label: str  # 收入 / 支出 / 冲正
    voucher_no: str
    source: str
    source_label: str
    use: str
    use_label: str
    income: int | None  # fen, for the 收入 column (a reversed payment shows here, as +)
    payment: int | None  # fen, for the 支出 column, positive (a reversed income shows here)
    amount: int  # signed fen
    balance_after: int
    counterparty: str  # 对方
    channel: str
    donor_kind_label: str
    receipt_no: str
    honour: bool  # a donation that earns a 荣誉证书 (setting fund.honour_yuan)
    application_id: str | None
    application_number: str  # 审批单号
    pay_method_label: str
    pay_place_label: str
    reverses_number: int | None  # the entry this one reverses
    reversed_by_number: int | None  # the entry that reversed this one
    handled_by: str
    handled_by_name: str  # 经办人
    checked_by: str | None
    checked_by_name: str  # 复核人
    note: str


# an entry, its account, its application's number, 经办人, 复核人, the reversed entry's number
EntryRow = Row[FundEntry, str, str, str, str, int]


def entry_rows(s: Session, *where: ColumnElement[bool]) -> Sequence[EntryRow]:
    """The ledger entries matching ``where`` in the ledger's one order (记账顺序, as on paper),
    each with its account's name, its application's number, its 经办人 and 复核人 names and the
    number of the entry it reverses."""
    handler, checker, target = aliased(Staff), aliased(Staff), aliased(FundEntry)
    return s.execute(
        select(
            FundEntry,
            FundAccount.name,
            FundApplication.number,
            handler.name,
            checker.name,
            target.number,
        )
        .join(FundAccount, FundAccount.id == FundEntry.account_id)
        .outerjoin(FundApplication, FundApplication.id == FundEntry.application_id)
        .outerjoin(handler, handler.id == FundEntry.handled_by)
        .outerjoin(checker, checker.id == FundEntry.checked_by)
        .outerjoin(target, target.id == FundEntry.reverses_id)
        .where(*where)
        .order_by(FundEntry.number)
    ).all()


def reversals(s: Session, *where: ColumnElement[bool]) -> dict[str, int]:
    """Entry id → the number of the entry that reversed it, among the reversals matching
    ``where`` (few: found among the reversals, no index needed)."""
    found = s.execute(
        select(FundEntry.reverses_id, FundEntry.number).where(FundEntry.kind == "reversal", *where)
    ).all()
    return {reversed_id: number for reversed_id, number in found if reversed_id}


def honour_from(s: Session) -> int:
    """The donation, in fen, from which a 荣誉证书 is earned (setting fund.honour_yuan)."""
    return int(config.get_value(s, "fund.honour_yuan") or 0) * 100


def earns_honour(entry: FundEntry, honour_fen: int, reversed_by: dict[str, int]) -> bool:
    """A donation, not taken back, of at least the 荣誉证书 threshold."""
    return (
        entry.kind == "income"
        and entry.source in DONATIONS
        and entry.id not in reversed_by
        and entry.amount >= honour_fen
    )


def ledger_rows(
    db: Database,
    account_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str | None = None,
) -> list[LedgerRow]:
    """The 基金台账 by entry number, optionally one account's, between two dates (inclusive)
    or of one kind (income / payment / reversal)."""
    cond = [own(db, FundEntry.owner_node)]
    if account_id:
        cond.append(FundEntry.account_id == account_id)
    if date_from:
        cond.append(FundEntry.entry_date >= date_from)
    if date_to:
        cond.append(FundEntry.entry_date <= date_to)
    if kind:
        cond.append(FundEntry.kind == kind)
    with db.read() as s:
        honour_fen = honour_from(s)
        rows = entry_rows(s, *cond)
        reversed_by = reversals(s, own(db, FundEntry.owner_node))
        return [
            LedgerRow(
                id=e.id,
                number=e.number,
                entry_date=e.entry_date,
                account_id=e.account_id,
                account_name=account_name,
                kind=e.kind,
                kind_label=ENTRY_KINDS.get(e.kind, e.kind),
                voucher_no=e.voucher_no,
                source=e.source,
                source_label=SOURCES.get(e.source, e.source),
                use=e.use,
                use_label=USES.get(e.use, e.use),
                income=e.amount if e.amount > 0 else None,
                payment=-e.amount if e.amount < 0 else None,
                amount=e.amount,
                balance_after=e.balance_after,
                counterparty=e.counterparty,
                channel=e.channel,
                donor_kind_label=DONOR_KINDS.get(e.donor_kind, e.donor_kind),
                receipt_no=e.receipt_no,
                honour=earns_honour(e, honour_fen, reversed_by),
                application_id=e.application_id,
                application_number=application_number or "",
                pay_method_label=PAY_METHODS.get(e.pay_method, e.pay_method),
                pay_place_label=PAY_PLACES.get(e.pay_place, e.pay_place),
                reverses_number=reverses_number,
                reversed_by_number=reversed_by.get(e.id),
                handled_by=e.handled_by,
                handled_by_name=handler_name or "",
                checked_by=e.checked_by,
                checked_by_name=checker_name or "",
                note=e.note,
            )
            for (
                e,
                account_name,
                application_number,
                handler_name,
                checker_name,
                reverses_number,
            ) in rows
        ]


@dataclass(frozen=True)
class AccountTotals:
    account_id: str
    name: str
    opening: int  # fen, the balance before the period's first day
    income: int  # net of reversals
    spending: int  # positive, net of reversals
    closing: int  # opening + income − spending


@dataclass(frozen=True)
class PeriodTotals:
    period: Period
    income_by_source: dict[str, int] = field(default_factory=dict)  # source → fen, net
    spending_by_use: dict[str, int] = field(default_factory=dict)  # use → fen, positive, net
    accounts: list[AccountTotals] = field(default_factory=list)
    income: int = 0
    spending: int = 0
    opening: int = 0
    closing: int = 0


def totals(db: Database, period: str | Period) -> PeriodTotals:
    """Income by source and spending by use in ``period`` (reversals counted against the
    source or use of the entry they reverse), and each account's opening and closing
    balance (every live account, and any other that has entries)."""
    return _totals(db, period, grouped=False)[EVERY]


def totals_by_owner(db: Database, period: str | Period) -> dict[str, PeriodTotals]:
    """:func:`totals` of each community whose books the read shows (a street), by node id,
    from one read; a community without accounts or entries has no key."""
    return _totals(db, period, grouped=True)


def _totals(db: Database, period: str | Period, grouped: bool) -> dict[str, PeriodTotals]:
    span = parse_period(period) if isinstance(period, str) else period
    target = aliased(FundEntry)
    with db.read() as s:
        rows = s.execute(
            select(
                FundEntry.owner_node,
                FundEntry.account_id,
                FundEntry.entry_date,
                FundEntry.kind,
                FundEntry.amount,
                FundEntry.source,
                FundEntry.use,
                target.kind,
                target.source,
                target.use,
            )
            .outerjoin(target, target.id == FundEntry.reverses_id)
            .where(own(db, FundEntry.owner_node), FundEntry.entry_date <= span.ends_on)
        ).all()
        names = dict(
            s.execute(
                select(FundAccount.id, FundAccount.name).where(own(db, FundAccount.owner_node))
            ).all()
        )
        live = s.execute(
            select(FundAccount.owner_node, FundAccount.id).where(
                own(db, FundAccount.owner_node), FundAccount.deleted.is_(False)
            )
        ).all()
    entries: dict[str, list[Sequence[Any]]] = {} if grouped else {EVERY: []}
    accounts: dict[str, set[str]] = {}
    for owner, *entry in rows:
        entries.setdefault(owner if grouped else EVERY, []).append(entry)
    for owner, account in live:
        accounts.setdefault(owner if grouped else EVERY, set()).add(account)
    return {
        owner: _period_totals(span, entries.get(owner, []), names, accounts.get(owner, set()))
        for owner in entries.keys() | accounts.keys()
    }


def _period_totals(
    span: Period, rows: Sequence[Sequence[Any]], names: dict[str, str], live: set[str]
) -> PeriodTotals:
    by_source = dict.fromkeys(SOURCES, 0)
    by_use = dict.fromkeys(USES, 0)
    opening: dict[str, int] = dict.fromkeys(live, 0)
    income: dict[str, int] = dict.fromkeys(live, 0)
    spending: dict[str, int] = dict.fromkeys(live, 0)
    for account, day, kind, amount, source, use, t_kind, t_source, t_use in rows:
        for bucket in (opening, income, spending):
            bucket.setdefault(account, 0)
        if day < span.starts_on:
            opening[account] += amount
            continue
        as_kind = t_kind if kind == "reversal" and t_kind else kind
        if as_kind == "income":
            income[account] += amount
            key = (t_source if kind == "reversal" else source) or source
            by_source[key] = by_source.get(key, 0) + amount
        else:
            spending[account] -= amount
            key = (t_use if kind == "reversal" else use) or use
            by_use[key] = by_use.get(key, 0) - amount
    per_account = sorted(
        (
            AccountTotals(
                a,
                names.get(a, ""),
                opening[a],
                income[a],
                spending[a],
                opening[a] + income[a] - spending[a],
            )
            for a in opening
        ),
        key=lambda t: t.name,
    )
    return PeriodTotals(
        span,
        by_source,
        by_use,
        per_account,
        sum(t.income for t in per_account),
        sum(t.spending for t in per_account),
        sum(t.opening for t in per_account),
        sum(t.closing for t in per_account),
    )
