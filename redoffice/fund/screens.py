"""What the fund's screens read besides the books and the application queries: the choices a
dialog offers, a saved account's form, and the ledger's entry ids for the lazily loaded list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from redoffice.fund import books
from redoffice.fund.accounts import AccountInput
from redoffice.fund.applications import applicant_name
from redoffice.fund.codes import (
    ACCOUNT_KINDS,
    DONATIONS,
    ENTRY_KINDS,
    ROLES,
    SOURCES,
    USES,
)
from redoffice.fund.queries import status_label
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.scope import own
from redoffice.models import (
    FundAccount,
    FundApplication,
    FundEntry,
    FundNotice,
    FundObjection,
    FundPeriodClose,
    PartyMember,
    Staff,
)

Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class FundChoices:
    accounts: Choices  # (name, id) of the active accounts
    staff: Choices  # (name · roles, id) of every live staff member
    members: Choices  # (name（workplace）, id) of the active 双报到 party members


def choices(db: Database) -> FundChoices:
    with db.read() as s:
        accounts = s.execute(
            select(FundAccount.name, FundAccount.id)
            .where(FundAccount.deleted.is_(False), FundAccount.active.is_(True))
            .order_by(FundAccount.name)
        ).all()
        staff = s.execute(
            select(Staff.name, Staff.fund_roles, Staff.id)
            .where(Staff.deleted.is_(False))
            .order_by(Staff.name)
        ).all()
        members = s.execute(
            select(PartyMember.name, PartyMember.workplace, PartyMember.id)
            .where(PartyMember.deleted.is_(False), PartyMember.active.is_(True))
            .order_by(PartyMember.name)
        ).all()
    people = []
    for name, fund_roles, staff_id in staff:
        held = "、".join(ROLES[r] for r in ROLES if r in (fund_roles or "").split(","))
        people.append((f"{name}（{held}）" if held else name, staff_id))
    return FundChoices(
        [(n, i) for n, i in accounts],
        people,
        [(f"{n}（{w}）" if w else n, i) for n, w, i in members],
    )


@dataclass(frozen=True)
class AccountLine:
    id: str
    name: str
    kind_label: str
    holder: str
    bank_account: str
    active: bool
    balance: int  # fen
    entries: int


def account_lines(db: Database) -> list[AccountLine]:
    """Every live account with its balance (the last entry's balance_after) at a glance."""
    with db.read() as s:
        last = (
            select(
                FundEntry.account_id,
                func.max(FundEntry.number).label("last"),
                func.count().label("n"),
            )
            .where(own(db, FundEntry.owner_node))
            .group_by(FundEntry.account_id)
            .subquery()
        )
        rows = s.execute(
            select(FundAccount, FundEntry.balance_after, last.c.n)
            .outerjoin(last, last.c.account_id == FundAccount.id)
            .outerjoin(
                FundEntry,
                (FundEntry.number == last.c.last) & (FundEntry.account_id == last.c.account_id),
            )
            .where(own(db, FundAccount.owner_node), FundAccount.deleted.is_(False))
            .order_by(FundAccount.active.desc(), FundAccount.name)
        ).all()
    return [
        AccountLine(
            a.id,
            a.name,
            ACCOUNT_KINDS.get(a.kind, a.kind),
            a.holder,
            a.bank_account,
            a.active,
            int(balance or 0),
            int(n or 0),
        )
        for a, balance, n in rows
    ]


def account_form(db: Database, account_id: str) -> AccountInput:
    """A saved account's values, for the 编辑 dialog."""
    with db.read() as s:
        account = s.get(FundAccount, account_id)
        if account is None or account.deleted:
            raise UserError("record.not_found")
        return AccountInput(
            name=account.name,
            kind=account.kind,
            holder=account.holder,
            bank_account=account.bank_account,
            opened_on=account.opened_on,
            active=account.active,
            notes=account.notes,
        )


def entry_ids(
    db: Database,
    account_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    descending: bool = False,
) -> list[str]:
    """The ledger entries' ids in number order (newest first when ``descending``), filtered by
    account, date range and a text in the voucher, counterparty, receipt or note."""
    with db.read() as s:
        query = select(FundEntry.id).where(own(db, FundEntry.owner_node))
        if account_id:
            query = query.where(FundEntry.account_id == account_id)
        if date_from:
            query = query.where(FundEntry.entry_date >= date_from)
        if date_to:
            query = query.where(FundEntry.entry_date <= date_to)
        words = text.strip()
        if words:
            like = f"%{words}%"
            query = query.where(
                FundEntry.voucher_no.like(like)
                | FundEntry.counterparty.like(like)
                | FundEntry.receipt_no.like(like)
                | FundEntry.note.like(like)
                | FundEntry.channel.like(like)
            )
        order = FundEntry.number.desc() if descending else FundEntry.number
        return list(s.scalars(query.order_by(order)))


@dataclass(frozen=True)
class LedgerLine:
    """One row of the ledger list (基金台账's columns)."""

    id: str
    number: int
    entry_date: date
    account: str
    kind: str
    kind_label: str
    voucher_no: str
    purpose: str  # the source (income) or the use (payment) as Chinese
    counterparty: str
    channel: str
    amount: int  # signed fen
    balance_after: int
    application: str  # its number
    handled_by: str
    checked_by: str
    receipt_no: str
    note: str
    reverses: int | None  # the number of the entry this one reverses
    reversed_by: int | None  # the number of the entry that reversed this one
    donation: bool  # a donation (its 捐赠收据 can be printed)
    honour: bool  # a donation of at least fund.honour_yuan (its 荣誉证书 can be printed)


def entry_lines(db: Database, ids: list[str]) -> list[LedgerLine]:
    """The ledger rows of ``ids`` (a page of the lazily loaded list)."""
    if not ids:
        return []
    with db.read() as s:
        rows = books.entry_rows(s, FundEntry.id.in_(ids))
        honour_fen = books.honour_from(s)
        reversed_by = books.reversals(s, FundEntry.reverses_id.in_(ids))
    lines = []
    for e, account, application, handled, checked, reverses in rows:
        purpose = SOURCES.get(e.source, "") if e.source else USES.get(e.use, "")
        lines.append(
            LedgerLine(
                id=e.id,
                number=e.number,
                entry_date=e.entry_date,
                account=account,
                kind=e.kind,
                kind_label=ENTRY_KINDS.get(e.kind, e.kind),
                voucher_no=e.voucher_no,
                purpose=purpose,
                counterparty=e.counterparty,
                channel=e.channel,
                amount=e.amount,
                balance_after=e.balance_after,
                application=application or "",
                handled_by=handled or "",
                checked_by=checked or "",
                receipt_no=e.receipt_no,
                note=e.note,
                reverses=reverses,
                reversed_by=reversed_by.get(e.id),
                donation=e.kind == "income" and e.source in DONATIONS,
                honour=books.earns_honour(e, honour_fen, reversed_by),
            )
        )
    return lines


@dataclass(frozen=True)
class NoticeApplication:
    id: str
    number: str
    applicant: str
    use_label: str
    amount_approved: int | None
    status_label: str
    objections: int  # all received
    open_objections: int


def notice_applications(db: Database, notice_id: str) -> list[NoticeApplication]:
    """The applications on a 公示, with their objections (received / still open)."""
    with db.read() as s:
        apps = s.scalars(
            select(FundApplication)
            .where(FundApplication.notice_id == notice_id, FundApplication.deleted.is_(False))
            .order_by(FundApplication.number)
        ).all()
        counts: dict[str, tuple[int, int]] = {}
        for application_id, resolved_on in s.execute(
            select(FundObjection.application_id, FundObjection.resolved_on).where(
                FundObjection.notice_id == notice_id, FundObjection.deleted.is_(False)
            )
        ):
            received, open_ = counts.get(application_id, (0, 0))
            counts[application_id] = (received + 1, open_ + (resolved_on is None))
        ends = s.scalar(select(FundNotice.ends_on).where(FundNotice.id == notice_id))
        today = clock.today()
        return [
            NoticeApplication(
                a.id,
                a.number,
                applicant_name(s, a),
                USES.get(a.use, a.use),
                a.amount_approved,
                status_label(a.status, ends, counts.get(a.id, (0, 0))[1], today),
                *counts.get(a.id, (0, 0)),
            )
            for a in apps
        ]


@dataclass(frozen=True)
class Figures:
    period: str  # "2027"
    income: list[tuple[str, int]]  # (source label, fen), reversals netted
    spending: list[tuple[str, int]]  # (use label, fen), reversals netted


def year_figures(db: Database) -> Figures:
    """This year's income by source and spending by use, reversals netted (the 概览's
    figures: two grouped sums, without the per-account balances of books.totals)."""
    year = clock.today().year
    in_year = (
        own(db, FundEntry.owner_node),
        FundEntry.entry_date >= date(year, 1, 1),
        FundEntry.entry_date <= date(year, 12, 31),
    )
    with db.read() as s:
        income = dict(
            s.execute(
                select(FundEntry.source, func.sum(FundEntry.amount))
                .where(*in_year, FundEntry.source != "")
                .group_by(FundEntry.source)
            ).all()
        )
        spending = dict(
            s.execute(
                select(FundEntry.use, func.sum(FundEntry.amount))
                .where(*in_year, FundEntry.use != "")
                .group_by(FundEntry.use)
            ).all()
        )
    return Figures(
        str(year),
        [(label, int(income[code])) for code, label in SOURCES.items() if income.get(code)],
        [(label, -int(spending[code])) for code, label in USES.items() if spending.get(code)],
    )


def closed_periods(db: Database) -> list[str]:
    """The names of the periods closed (结账) on this office's ledger, earliest first; at a
    street under 全部社区 each name once, however many communities closed it."""
    with db.read() as s:
        return list(
            dict.fromkeys(
                s.scalars(
                    select(FundPeriodClose.period)
                    .where(own(db, FundPeriodClose.owner_node), FundPeriodClose.deleted.is_(False))
                    .order_by(FundPeriodClose.starts_on, FundPeriodClose.ends_on.desc())
                )
            )
        )
