"""基金台账: the hash-chained ledger — appends and their refusals, income with receipts,
reversals, period closes, and verification finding tampering done with plain SQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from redoffice.fund import ledger
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import FundAccount, FundEntry, FundLedgerHead
from redoffice.registry import reference as registry

TODAY = clock.today()


def _staff(db: Database, name: str, *roles: str) -> str:
    return registry.save_staff(
        db, registry.StaffInput(name=name, role="community_worker", fund_roles=roles)
    )


def _raw_account(db: Database, name: str = "红色基金专户") -> str:
    with db.uow() as s:
        account = FundAccount(name=name, kind="special", opened_on=date(2026, 1, 1))
        s.add(account)
        s.flush()
        return account.id


def test_append_chains_entries_and_moves_the_head(db: Database) -> None:
    handler = _staff(db, "张经办", "handler")
    account = _raw_account(db)
    with db.uow() as s:
        first = ledger.append(
            s,
            account_id=account,
            kind="income",
            entry_date=TODAY,
            amount=10000,
            handled_by=handler,
            source="fiscal",
        )
        second = ledger.append(
            s,
            account_id=account,
            kind="payment",
            entry_date=TODAY,
            amount=-2500,
            handled_by=handler,
            use="relief",
        )
        assert (first.number, second.number) == (1, 2)
        assert first.prev_hash == bytes(32) and second.prev_hash == first.hash
        assert second.balance_after == 7500
    with db.read() as s:
        head = s.scalars(select(FundLedgerHead)).one()
        assert head.last_number == 2
    with db.uow() as s, pytest.raises(UserError) as err:
        ledger.append(
            s,
            account_id=account,
            kind="payment",
            entry_date=TODAY,
            amount=-7501,
            handled_by=handler,
            use="relief",
        )
    assert err.value.code == "fund.over_balance" and "75" in err.value.text
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FundEntry)) == 2
