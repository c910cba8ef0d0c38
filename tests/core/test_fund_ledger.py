"""基金台账: the hash-chained ledger — accounts, appends and their refusals, income with
receipts, reversals, period closes, and verification finding tampering done with plain SQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Table, func, insert, select, text

from redoffice.fund import accounts, books, ledger, periods, roles, screens
from redoffice.fund.accounts import AccountInput
from redoffice.fund.ledger import IncomeInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import (
    FundAccount,
    FundEntry,
    FundLedgerHead,
    FundPeriodClose,
    Staff,
)
from redoffice.registry import reference as registry
from redoffice.settings import config
from tests.factories import add_resident, setup_place

TABLE = cast(Table, FundEntry.__table__)
TODAY = clock.today()
LAST_YEAR = TODAY.year - 1
OLD = date(LAST_YEAR, 11, 5)  # in last year's Q4, which has ended


def _staff(db: Database, name: str, *fund_roles: str) -> str:
    return registry.save_staff(
        db, registry.StaffInput(name=name, role="community_worker", fund_roles=fund_roles)
    )


@pytest.fixture
def fund(db: Database) -> dict[str, str]:
    return {
        "handler": _staff(db, "张经办", "handler"),
        "accountant": _staff(db, "李会计", "accountant"),
        "cashier": _staff(db, "王出纳", "cashier"),
        "account": accounts.save_account(
            db, AccountInput(name="红色基金专户", kind="special", opened_on=date(LAST_YEAR, 1, 1))
        ),
    }


def _income(f: dict[str, str], amount: str = "1000", **kw: Any) -> IncomeInput:
    values: dict[str, Any] = {
        "account_id": f["account"],
        "source": "fiscal",
        "amount": amount,
        "entry_date": TODAY,
        "handled_by": f["handler"],
    }
    values.update(kw)
    return IncomeInput(**values)


def _pay(db: Database, f: dict[str, str], fen: int, day: date = TODAY) -> str:
    with db.uow() as s:
        return ledger.append(
            s,
            account_id=f["account"],
            kind="payment",
            entry_date=day,
            amount=-fen,
            handled_by=f["cashier"],
            use="relief",
        ).id


def _count(db: Database, model: Any = FundEntry) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _refused(code: str, call: Any, *args: Any) -> UserError:
    with pytest.raises(UserError) as err:
        call(*args)
    codes = [e.code for e in err.value.errors] if isinstance(err.value, ValidationFailed) else []
    assert code == err.value.code or code in codes, (err.value.code, codes, err.value.text)
    assert "fund." not in err.value.text  # worded in Chinese, never a bare code
    return err.value


# ── Codes, periods, roles, accounts, staff ────────────────────────────────────────────────────


def test_periods_parse_quarters_halves_and_years() -> None:
    q = periods.parse_period("2026Q3")
    assert (q.name, q.starts_on, q.ends_on) == ("2026Q3", date(2026, 7, 1), date(2026, 9, 30))
    assert periods.parse_period("2026h1").ends_on == date(2026, 6, 30)
    assert periods.parse_period(" 2026 ").ends_on == date(2026, 12, 31)
    assert periods.quarter_of(date(2026, 12, 31)).name == "2026Q4"
    assert periods.year_of(date(2026, 2, 1)).starts_on == date(2026, 1, 1)
    for bad in ("2026Q5", "2026H3", "26Q1", "", "2026-Q1"):
        _refused("fund.period_invalid", periods.parse_period, bad)


def test_accounts_are_checked(db: Database, fund: dict[str, str]) -> None:
    before = _count(db, FundAccount)
    _refused("required", accounts.save_account, db, AccountInput(name="", kind="special"))
    _refused("invalid_choice", accounts.save_account, db, AccountInput(name="甲", kind="x"))
    _refused(
        "fund.account_name_taken",
        accounts.save_account,
        db,
        AccountInput(name="红色基金专户", kind="special"),
    )
    err = _refused(
        "fund.charity_holder", accounts.save_account, db, AccountInput(name="慈善", kind="charity")
    )
    assert "慈善组织" in err.text
    assert _count(db, FundAccount) == before
    accounts.save_account(
        db, AccountInput(name="红色基金专户", kind="special", notes="改名前"), fund["account"]
    )  # saving itself again is no clash
    charity = accounts.save_account(
        db, AccountInput(name="社区慈善基金", kind="charity", holder="市慈善总会")
    )
    # QA 4: a donation into a charity account came through its 慈善组织; a 财政拨款 or a 党费
    # into the same account did not (no channel filled in)
    gift = _income(fund, account_id=charity, source="social_donation", donor_kind="anonymous")
    donation = ledger.add_income(db, gift)
    grant = ledger.add_income(db, _income(fund, account_id=charity))
    dues = ledger.add_income(db, _income(fund, account_id=charity, source="party_fee"))
    with db.read() as s:
        assert s.get(FundEntry, donation).channel == "市慈善总会"  # type: ignore[union-attr]
        assert s.get(FundEntry, grant).channel == ""  # type: ignore[union-attr]
        assert s.get(FundEntry, dues).channel == ""  # type: ignore[union-attr]


def test_a_voucher_number_names_one_entry(db: Database, fund: dict[str, str]) -> None:
    """QA 4: a 凭证号 already used by another entry is refused, naming that entry; a reversal
    may repeat the voucher of the entry it reverses (and only that one)."""
    first = ledger.add_income(db, _income(fund, voucher_no="记-007"))
    ledger.add_income(db, _income(fund, voucher_no="记-008"))
    before = _count(db, FundEntry)
    with pytest.raises(UserError) as err:
        ledger.add_income(db, _income(fund, voucher_no=" 记-007 "))
    assert err.value.code == "fund.voucher_taken"
    assert "记-007" in err.value.text and "第 1 笔" in err.value.text
    with pytest.raises(UserError) as err:
        _pay_voucher(db, fund, "记-008")
    assert err.value.code == "fund.voucher_taken" and "第 2 笔" in err.value.text
    assert _count(db, FundEntry) == before
    with db.uow() as s:
        entry = s.get(FundEntry, first)
        assert entry is not None
        with pytest.raises(UserError) as err:  # a reversal of entry 1 may not take entry 2's
            ledger.append(
                s,
                account_id=entry.account_id,
                kind="reversal",
                entry_date=TODAY,
                amount=-entry.amount,
                handled_by=fund["handler"],
                reverses_id=entry.id,
                voucher_no="记-008",
            )
        assert err.value.code == "fund.voucher_taken"
    with db.uow() as s:
        entry = s.get(FundEntry, first)
        assert entry is not None
        ledger.append(
            s,
            account_id=entry.account_id,
            kind="reversal",
            entry_date=TODAY,
            amount=-entry.amount,
            handled_by=fund["handler"],
            reverses_id=entry.id,
            voucher_no="记-007",
        )
    assert _count(db, FundEntry) == before + 1


def _pay_voucher(db: Database, f: dict[str, str], voucher: str) -> str:
    with db.uow() as s:
        return ledger.append(
            s,
            account_id=f["account"],
            kind="payment",
            entry_date=TODAY,
            amount=-100,
            handled_by=f["cashier"],
            use="relief",
            voucher_no=voucher,
        ).id


def test_staff_fund_roles_and_resident_are_checked_and_kept(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    me = add_resident(db, "赵工作者", household=household, relation="0")
    spouse = add_resident(db, "钱配偶", household=household, relation="1", seq=14)
    _refused(
        "invalid_choice",
        registry.save_staff,
        db,
        registry.StaffInput(name="甲", role="community_worker", fund_roles=("boss",)),
    )
    _refused(
        "record.not_found",
        registry.save_staff,
        db,
        registry.StaffInput(name="甲", role="community_worker", resident_id="nope"),
    )
    staff = registry.save_staff(
        db,
        registry.StaffInput(
            name="赵工作者",
            role="community_worker",
            fund_roles=("cashier", "handler"),
            resident_id=me,
        ),
    )
    # the reference page saves without the fund fields: they are kept
    registry.save_staff(db, registry.StaffInput(name="赵工作者", role="grid_worker"), staff)
    row = next(r for r in registry.list_staff(db) if r.id == staff)
    assert row.fund_roles == ("handler", "cashier") and row.resident_id == me
    with db.read() as s:
        person = s.get(Staff, staff)
        assert person is not None
        assert roles.roles_of(person) == {"handler", "cashier"}
        assert roles.require(s, staff, "cashier") is person
        assert roles.same_household(s, person, spouse)
        assert not roles.same_household(s, person, None)
        err = _refused("fund.role_missing", roles.require, s, staff, "accountant")
        assert "赵工作者" in err.text and "会计" in err.text
        _refused("record.not_found", roles.require, s, "nope", "accountant")


# ── Appends, income, receipts ─────────────────────────────────────────────────────────────────


def test_append_chains_entries_and_moves_the_head(db: Database, fund: dict[str, str]) -> None:
    ledger.add_income(db, _income(fund, "100"))
    _pay(db, fund, 2500)
    with db.read() as s:
        first, second = s.scalars(select(FundEntry).order_by(FundEntry.number)).all()
        assert (first.number, second.number) == (1, 2)
        assert first.prev_hash == bytes(32) and second.prev_hash == first.hash
        assert second.balance_after == 7500
        head = s.scalars(select(FundLedgerHead)).one()
        assert (head.last_number, head.last_hash) == (2, second.hash)
    err = _refused("fund.over_balance", _pay, db, fund, 7501)
    assert "75" in err.text
    assert _count(db) == 2
    assert ledger.verify(db).ok


def test_income_is_checked_and_nothing_is_written(db: Database, fund: dict[str, str]) -> None:
    bad = [
        ("money.invalid", _income(fund, "abc")),
        ("fund.amount_zero", _income(fund, "0")),
        ("date_in_future", _income(fund, entry_date=TODAY + timedelta(days=1))),
        ("invalid_choice", _income(fund, source="lottery")),
        ("required", _income(fund, source="social_donation")),  # who gave it
        ("required", _income(fund, source="social_donation", donor_kind="person")),
        ("record.not_found", _income(fund, account_id="nope")),
        ("record.not_found", _income(fund, donor_kind="unit", donor_org_id="nope")),
        ("fund.role_missing", _income(fund, handled_by=fund["cashier"])),
        ("record.not_found", _income(fund, checked_by="nope")),
    ]
    for code, data in bad:
        _refused(code, ledger.add_income, db, data)
    assert _count(db) == 0 and _count(db, FundLedgerHead) == 0


def test_donations_get_receipt_numbers_and_anonymous_ones_hide_the_donor(
    db: Database, fund: dict[str, str]
) -> None:
    fiscal = ledger.add_income(db, _income(fund, "20000"))
    first = ledger.add_income(
        db,
        _income(fund, "50.5", source="social_donation", donor_kind="person", donor_name="孙女士"),
    )
    hidden = ledger.add_income(
        db,
        _income(
            fund,
            "6000",
            source="party_donation",
            donor_kind="anonymous",
            donor_name="周某",
            handled_by=fund["accountant"],
        ),
    )
    with db.read() as s:
        got = {e.id: e for e in s.scalars(select(FundEntry))}
        assert got[fiscal].receipt_no == ""
        assert got[first].receipt_no == f"{TODAY.year}-SJ0001"
        assert got[first].amount == 5050 and got[first].counterparty == "孙女士"
        assert got[hidden].receipt_no == f"{TODAY.year}-SJ0002"
        assert got[hidden].counterparty == "匿名"
        assert not ledger.honour_due(s, got[first]) and ledger.honour_due(s, got[hidden])


# ── Reversal ──────────────────────────────────────────────────────────────────────────────────


def test_reversal(db: Database, fund: dict[str, str]) -> None:
    income = ledger.add_income(db, _income(fund, "100"))
    payment = _pay(db, fund, 3000)
    acct = fund["accountant"]
    _refused("required", ledger.reverse, db, payment, " ", acct)
    _refused("fund.role_missing", ledger.reverse, db, payment, "录错", fund["handler"])
    _refused("record.not_found", ledger.reverse, db, "nope", "录错", acct)
    _refused("fund.reverse_before", ledger.reverse, db, payment, "录错", acct, TODAY - timedelta(1))
    undo = ledger.reverse(db, payment, "金额录错", acct)
    _refused("fund.already_reversed", ledger.reverse, db, payment, "再来", acct)
    _refused("fund.reverse_reversal", ledger.reverse, db, undo, "再来", acct)
    with db.read() as s:
        entry = s.get(FundEntry, undo)
        assert entry is not None
        assert (entry.kind, entry.amount, entry.balance_after) == ("reversal", 3000, 10000)
        assert entry.reverses_id == payment and entry.use == "relief" and entry.note == "金额录错"
    _pay(db, fund, 9000)
    # taking the income back would leave the account below 0
    _refused("fund.over_balance", ledger.reverse, db, income, "退款", acct)
    with db.uow() as s:  # a reversal through append must mirror the reversed entry
        _refused(
            "fund.reversal_amount",
            lambda: ledger.append(
                s,
                account_id=fund["account"],
                kind="reversal",
                entry_date=TODAY,
                amount=-1,
                handled_by=acct,
                reverses_id=income,
            ),
        )
        _refused(
            "fund.reversal_target",
            lambda: ledger.append(
                s,
                account_id=fund["account"],
                kind="reversal",
                entry_date=TODAY,
                amount=-1,
                handled_by=acct,
            ),
        )
    assert _count(db) == 4
    assert ledger.verify(db).ok


# ── Period close ──────────────────────────────────────────────────────────────────────────────


def test_closing_a_period(db: Database, fund: dict[str, str]) -> None:
    acct = fund["accountant"]
    old = ledger.add_income(db, _income(fund, "100", entry_date=OLD))
    ledger.add_income(db, _income(fund, "50"))
    this_quarter = periods.quarter_of(TODAY).name
    _refused("fund.period_not_ended", ledger.close_period, db, this_quarter, acct)
    _refused("fund.role_missing", ledger.close_period, db, f"{LAST_YEAR}Q4", fund["handler"])
    _refused("fund.period_invalid", ledger.close_period, db, "去年", acct)
    ledger.close_period(db, f"{LAST_YEAR}Q4", acct)
    err = _refused("fund.period_already_closed", ledger.close_period, db, f"{LAST_YEAR}Q4", acct)
    assert f"{LAST_YEAR}Q4" in err.text
    ledger.close_period(db, f"{LAST_YEAR}", acct)  # the year over the quarter: allowed
    with db.read() as s:
        pinned = s.scalars(
            select(FundPeriodClose).where(FundPeriodClose.period == f"{LAST_YEAR}Q4")
        ).one()
        assert pinned.last_number == 2
    _refused("fund.period_closed", ledger.add_income, db, _income(fund, entry_date=OLD))
    _refused("fund.period_closed", ledger.reverse, db, old, "补冲", acct, date(LAST_YEAR, 12, 31))
    ledger.reverse(db, old, "补冲", acct)  # dated today: fine
    assert _count(db) == 3 and _count(db, FundPeriodClose) == 2
    assert ledger.verify(db).ok


# ── Verification against tampering ────────────────────────────────────────────────────────────


def _five(db: Database, fund: dict[str, str]) -> list[int]:
    for amount in ("100", "200", "300", "400", "500"):
        ledger.add_income(db, _income(fund, amount))
    assert ledger.verify(db).ok
    return [1, 2, 3, 4, 5]


def _sql(db: Database, statement: str, **params: Any) -> None:
    with db.uow() as s:  # plain SQL, past the application (in the test's transaction)
        s.execute(text(statement), params)


def _problem(db: Database) -> tuple[str, int | None]:
    found = ledger.verify(db)
    assert not found.ok and found.message and "fund." not in found.message
    return found.problem_code, found.first_number


def test_verify_finds_a_changed_amount(db: Database, fund: dict[str, str]) -> None:
    _five(db, fund)
    _sql(
        db,
        "UPDATE fund_entry SET amount = 99999, balance_after = balance_after - 30000 + 99999"
        " WHERE number = 3",
    )
    assert _problem(db) == ("fund.verify.changed", 3)


def test_verify_finds_a_deleted_middle_entry(db: Database, fund: dict[str, str]) -> None:
    _five(db, fund)
    _sql(db, "DELETE FROM fund_entry WHERE number = 2")
    assert _problem(db) == ("fund.verify.removed", 2)


def test_verify_finds_a_soft_deleted_entry(db: Database, fund: dict[str, str]) -> None:
    _five(db, fund)
    _sql(db, "UPDATE fund_entry SET deleted = :yes WHERE number = 4", yes=True)
    assert _problem(db) == ("fund.verify.deleted", 4)


def test_every_fund_code_of_the_ledger_is_worded() -> None:
    import re
    from pathlib import Path

    from redoffice.kit.defaults import DEFAULTS
    from redoffice.kit.messages import MESSAGES

    folder = Path(ledger.__file__).parent
    used = {
        code
        for name in ("ledger.py", "accounts.py", "periods.py", "roles.py", "books.py")
        for code in re.findall(r'"(fund\.[a-z_.]+)"', (folder / name).read_text("utf-8"))
    }
    used -= set(DEFAULTS)  # setting keys
    assert used and used <= set(MESSAGES), used - set(MESSAGES)


def test_verify_finds_a_deleted_last_entry(db: Database, fund: dict[str, str]) -> None:
    _five(db, fund)
    _sql(db, "DELETE FROM fund_entry WHERE number = 5")
    assert _problem(db) == ("fund.verify.last_removed", 5)


def _forge(db: Database, number: int, **changes: Any) -> None:
    """A sixth entry written beside the application, a copy of entry 5 with ``changes``."""
    with db.read() as s:
        five = s.scalars(select(FundEntry).where(FundEntry.number == 5)).one()
        row = {c.name: getattr(five, c.key) for c in FundEntry.__table__.c}
    row.update(id="forged-entry", number=number, prev_hash=row["hash"], **changes)
    row["hash"] = ledger.entry_hash(row, row["prev_hash"])
    with db.uow() as s:
        s.execute(insert(TABLE).values(**row))


def test_verify_finds_a_forged_entry(db: Database, fund: dict[str, str]) -> None:
    _five(db, fund)
    _forge(db, 6, amount=100000, balance_after=150000 + 100000)
    assert _problem(db) == ("fund.verify.inserted", 6)


def test_verify_finds_a_rewritten_closed_period(db: Database, fund: dict[str, str]) -> None:
    """Even a forger who knows the hash and rewrites the whole chain and the head is caught by
    the hash a period close pinned."""
    for amount in ("100", "200", "300"):
        ledger.add_income(db, _income(fund, amount, entry_date=OLD))
    ledger.add_income(db, _income(fund, "400"))
    ledger.close_period(db, f"{LAST_YEAR}Q4", fund["accountant"])
    prev, balance = bytes(32), 0
    with db.read() as s:
        rows = s.scalars(select(FundEntry).order_by(FundEntry.number)).all()
    for entry in rows:
        values = {c.name: getattr(entry, c.key) for c in FundEntry.__table__.c}
        if entry.number == 2:
            values["amount"] = 100  # 200 yuan became 1 yuan
        balance += values["amount"]
        values["balance_after"] = balance
        digest = ledger.entry_hash(values, prev)
        _sql(
            db,
            "UPDATE fund_entry SET amount = :a, balance_after = :b, prev_hash = :p, hash = :h"
            " WHERE id = :id",
            a=values["amount"],
            b=balance,
            p=prev,
            h=digest,
            id=entry.id,
        )
        prev = digest
    _sql(db, "UPDATE fund_ledger_head SET last_hash = :h", h=prev)
    assert _problem(db) == ("fund.verify.close_changed", 4)  # the close pinned entry 4


def test_verify_finds_a_deleted_close(db: Database, fund: dict[str, str]) -> None:
    ledger.add_income(db, _income(fund, "100", entry_date=OLD))
    ledger.close_period(db, f"{LAST_YEAR}Q4", fund["accountant"])
    _sql(db, "UPDATE fund_period_close SET deleted = :yes", yes=True)  # the recycle bin
    assert ledger.verify(db).problem_code == "fund.verify.close_deleted"
    ledger.add_income(db, _income(fund, "100", entry_date=OLD))  # the period looks open
    assert _problem(db) == ("fund.verify.after_close", 2)


def test_verify_finds_an_entry_slipped_into_a_closed_period(
    db: Database, fund: dict[str, str]
) -> None:
    ledger.add_income(db, _income(fund, "100", entry_date=OLD))
    ledger.close_period(db, f"{LAST_YEAR}Q4", fund["accountant"])
    _sql(db, "DELETE FROM fund_period_close")  # the close hidden while a late entry goes in
    assert ledger.verify(db).problem_code == "fund.verify.closes"
    ledger.add_income(db, _income(fund, "100", entry_date=OLD))
    ledger.close_period(db, f"{LAST_YEAR}Q4", fund["accountant"])  # closed again over it
    assert ledger.verify(db).problem_code == "fund.verify.closes"


def test_verify_reads_ten_thousand_entries(db: Database, fund: dict[str, str]) -> None:
    """The whole chain of a big ledger checked (its speed: `make bench`, bench/fund.py)."""
    ledger.add_income(db, _income(fund, "1"))
    with db.read() as s:
        first = s.scalars(select(FundEntry)).one()
        template = {c.name: getattr(first, c.key) for c in FundEntry.__table__.c}
    rows, prev, balance = [], first.hash, first.balance_after
    for number in range(2, 10_001):
        row = dict(template, id=f"bulk-{number:05d}", number=number, amount=100)
        balance += 100
        row.update(balance_after=balance, prev_hash=prev)
        row["hash"] = prev = ledger.entry_hash(row, prev)
        rows.append(row)
    with db.uow() as s:
        s.execute(insert(TABLE), rows)
        s.execute(
            text("UPDATE fund_ledger_head SET last_number = 10000, last_hash = :h"), {"h": prev}
        )
    found = ledger.verify(db)
    assert found.ok and found.entries == 10_000, found


# ── Books ─────────────────────────────────────────────────────────────────────────────────────


def test_balances_rows_and_totals(db: Database, fund: dict[str, str]) -> None:
    acct = fund["accountant"]
    spare = accounts.save_account(db, AccountInput(name="党费专项科目", kind="party_fee"))
    quarter = periods.quarter_of(TODAY)
    before = quarter.starts_on - timedelta(days=3)
    ledger.add_income(db, _income(fund, "1000", entry_date=before))  # opening balance
    gift = ledger.add_income(
        db,
        _income(
            fund,
            "300",
            source="social_donation",
            donor_kind="unit",
            donor_name="某公司",
            checked_by=acct,
            voucher_no="记-01",
        ),
    )
    ledger.add_income(db, _income(fund, "200", account_id=spare, source="party_fee"))
    paid = _pay(db, fund, 40000)
    ledger.reverse(db, gift, "捐赠退回", acct)
    ledger.reverse(db, paid, "重复发放", acct)
    _pay(db, fund, 10000)

    got = {b.name: b for b in books.balances(db)}
    assert got["红色基金专户"].balance == 100000 + 30000 - 40000 - 30000 + 40000 - 10000
    assert got["党费专项科目"].balance == 20000 and got["党费专项科目"].kind_label == "党费专项科目"

    rows = books.ledger_rows(db)
    assert [r.number for r in rows] == [1, 2, 3, 4, 5, 6, 7]
    second = rows[1]
    assert (second.counterparty, second.checked_by_name, second.handled_by_name) == (
        "某公司",
        "李会计",
        "张经办",
    )
    assert second.source_label == "社会捐赠" and second.income == 30000 and second.payment is None
    assert second.reversed_by_number == 5 and rows[4].reverses_number == 2
    assert rows[4].payment == 30000 and rows[5].income == 40000
    assert rows[3].use_label == "困难救助" and rows[3].account_name == "红色基金专户"
    assert [r.number for r in books.ledger_rows(db, account_id=spare)] == [3]
    assert [r.number for r in books.ledger_rows(db, date_to=before)] == [1]
    assert [r.number for r in books.ledger_rows(db, kind="reversal")] == [5, 6]
    config.update(db, {"fund.honour_yuan": 100})  # the 300 元 gift would earn a 荣誉证书
    rows = books.ledger_rows(db)
    assert not rows[1].honour and rows[1].income == 30000  # …were it not given back
    listed = screens.entry_lines(db, [r.id for r in rows])  # the 台账 list: the same rows
    assert [(ln.number, ln.reverses, ln.reversed_by, ln.honour) for ln in listed] == [
        (r.number, r.reverses_number, r.reversed_by_number, r.honour) for r in rows
    ]

    t = books.totals(db, quarter.name)
    assert t.income_by_source["social_donation"] == 0  # given and given back
    assert t.income_by_source["party_fee"] == 20000 and t.income_by_source["fiscal"] == 0
    assert t.spending_by_use["relief"] == 10000  # 400 paid, reversed, then 100
    main = next(a for a in t.accounts if a.account_id == fund["account"])
    assert (main.opening, main.income, main.spending, main.closing) == (100000, 0, 10000, 90000)
    assert t.opening == 100000 and t.closing == 90000 + 20000
    assert t.closing == sum(b.balance for b in books.balances(db))
    earlier = books.totals(db, periods.quarter_of(before))
    assert earlier.income_by_source["fiscal"] == 100000 and earlier.closing == 100000


def test_written_entries_and_closes_cannot_be_changed_or_binned(
    db: Database, fund: dict[str, str]
) -> None:
    """Append-only: neither a service bug nor the recycle bin changes a written ledger row."""
    from redoffice.kit.messages import message
    from redoffice.kit.records import set_deleted

    ledger.add_income(db, _income(fund, "100", entry_date=OLD))
    ledger.close_period(db, f"{LAST_YEAR}Q4", fund["accountant"])
    entry_id = ledger.add_income(db, _income(fund, "50"))
    with pytest.raises(UserError) as refused, db.uow() as s:
        entry = s.get(FundEntry, entry_id)
        assert entry is not None
        entry.note = "改过"
    assert message(refused.value.code) == "已入账的记录不能修改或删除；如有差错，请登记冲正"
    with db.read() as s:
        close_id = s.scalar(select(FundPeriodClose.id))
    for table, record_id in (("fund_entry", entry_id), ("fund_period_close", close_id)):
        with pytest.raises(UserError):
            set_deleted(db, table, str(record_id), True)
    with db.read() as s:
        kept = s.get(FundEntry, entry_id)
        assert kept is not None and kept.note == "" and not kept.deleted
    assert ledger.verify(db).ok
