"""红色基金 core, reviewed: the defects a secretary or an auditor would be hurt by, each a test —
a rule bypassed by two open applications, steps dated before the step they follow, a 公示 dated
in the future or an objection before its 公示, a payment dated before the money it spends came
in, amounts too large for the database, and two clerks at once on PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from redoffice.fund import applications as fund
from redoffice.fund import ledger, periods
from redoffice.fund import queries as fq
from redoffice.fund.applications import NoticeInput, StepInput
from redoffice.fund.ledger import IncomeInput
from redoffice.kit import records
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import FundEntry, FundNotice
from redoffice.settings import config
from tests.core.test_fund_applications import (
    APPLIED,
    NOTICE_FROM,
    TODAY,
    World,
    _account,
    _counts,
    _input,
    _notice,
    _pay_input,
    _status,
    _step,
    _to,
    w,
)
from tests.core.test_fund_applications import (
    _staff as _staff_with,
)

__all__ = ["w"]  # the fixture, imported


def _refused_any(db: Database, code: str, call: Any, *args: Any, **kw: Any) -> UserError:
    """Refused with ``code`` (the error's or one of its fields'), nothing written."""
    before = _counts(db)
    with pytest.raises(UserError) as err:
        call(*args, **kw)
    codes = [e.code for e in err.value.errors] if isinstance(err.value, ValidationFailed) else []
    assert err.value.code == code or code in codes, (err.value.code, codes, err.value.text)
    assert "fund." not in err.value.text
    assert _counts(db) == before
    return err.value


# ── the repeat rule bypassed by two applications open at once ──────────────────────────────


def test_repeat_rule_holds_at_payment_for_two_open_applications(db: Database, w: World) -> None:
    """Two applications of one person entered before either was paid: the apply-time check saw
    no payment, so the second payment within fund.repeat_months went through unchecked."""
    first = _to(db, w, "on_notice")
    second = _to(db, w, "on_notice")  # same person, no override: nothing paid yet
    fund.pay(db, first, _pay_input(w))
    err = _refused_any(db, "fund.rule.repeat_pay", fund.pay, db, second, _pay_input(w))
    assert "12 个月内不重复救助" in err.text
    assert _status(db, second) == "on_notice"


def test_repeat_rule_at_payment_accepts_the_kept_override(db: Database, w: World) -> None:
    first = _to(db, w, "on_notice")
    second = fund.apply(db, _input(w, repeat_override="两次住院，确有必要"))
    _step(db, w, second, "review")
    _step(db, w, second, "approve", by="reviewer2")
    _notice(db, w, second)
    fund.pay(db, first, _pay_input(w))
    fund.pay(db, second, _pay_input(w))  # the override on the application is the reason
    assert _status(db, second) == "paid"


# ── dates: each step on or after the one before it, nothing in the future ─────────────────


def test_a_step_dated_before_the_previous_step_is_refused(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))
    fund.take_step(db, app, "review", StepInput(by=w["reviewer"], on=APPLIED + timedelta(days=5)))
    late = StepInput(by=w["reviewer2"], on=APPLIED + timedelta(days=2))
    _refused_any(db, "fund.before_previous_step", fund.take_step, db, app, "approve", late)
    reject = StepInput(by=w["reviewer2"], on=APPLIED + timedelta(days=3), opinion="不符合")
    _refused_any(db, "fund.before_previous_step", fund.take_step, db, app, "reject", reject)
    fund.take_step(db, app, "approve", StepInput(by=w["reviewer2"], on=APPLIED + timedelta(days=5)))


def test_a_notice_starting_before_the_approval_is_refused(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))
    _step(db, w, app, "review")
    approved_on = NOTICE_FROM + timedelta(days=3)
    fund.take_step(db, app, "approve", StepInput(by=w["reviewer2"], on=approved_on))
    _refused_any(db, "fund.before_previous_step", _notice, db, w, app)


def test_a_notice_starting_in_the_future_is_refused(db: Database, w: World) -> None:
    app = _to(db, w, "approved")
    data = NoticeInput(starts_on=TODAY + timedelta(days=1), title="公示", by=w["handler"])
    _refused_any(db, "date_in_future", fund.open_notice, db, [app], data)


def test_an_objection_before_the_notice_started_is_refused(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    _refused_any(
        db,
        "fund.objection_before_notice",
        fund.add_objection,
        db,
        app,
        "有异议",
        NOTICE_FROM - timedelta(days=1),
    )


def test_a_payment_dated_before_the_objection_was_resolved_is_refused(
    db: Database, w: World
) -> None:
    app = _to(db, w, "on_notice")
    with db.read() as s:
        ends = s.scalars(select(FundNotice.ends_on)).one()
    objection = fund.add_objection(db, app, "有异议", NOTICE_FROM + timedelta(days=1))
    resolved_on = ends + timedelta(days=10)
    fund.resolve_objection(db, objection, "dismissed", "经核实不成立", w["reviewer"], resolved_on)
    early = _pay_input(w, entry_date=ends + timedelta(days=2))  # after the 公示, before it
    _refused_any(db, "fund.before_previous_step", fund.pay, db, app, early)
    fund.pay(db, app, _pay_input(w, entry_date=resolved_on))


# ── the balance on the payment's date ─────────────────────────────────────────────────────


def test_a_payment_dated_before_the_income_it_spends_is_refused(db: Database, w: World) -> None:
    """The money came in today; a payment dated a week ago spent money the account did not
    have then: the quarter of the payment would close on a negative balance."""
    late = _account(db, w["handler"], 0, name="新账户")
    with db.uow() as s:
        ledger.append(
            s,
            account_id=late,
            kind="income",
            entry_date=TODAY,
            amount=100_000,
            handled_by=w["handler"],
            source="fiscal",
        )
    app = fund.apply(db, _input(w, account_id=late))
    _step(db, w, app, "review")
    _step(db, w, app, "approve", by="reviewer2")
    _notice(db, w, app)
    week_ago = _pay_input(w, entry_date=TODAY - timedelta(days=7))
    err = _refused_any(db, "fund.rule.over_balance_on", fund.pay, db, app, week_ago)
    assert "支出不超过账户余额" in err.text
    fund.pay(db, app, _pay_input(w, entry_date=TODAY))


# ── money too large for the database: a Chinese refusal, not a crash ─────────────────────


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("fund_amount_asked", {"amount_asked": "100000000000000000000"}),
        ("fund_income_per_capita", {"income_per_capita": "100000000000000000000"}),
    ],
)
def test_absurd_amounts_are_refused_not_crashing(
    db: Database, w: World, field: str, changes: dict[str, str]
) -> None:
    before = _counts(db)
    with pytest.raises(ValidationFailed) as err:
        fund.apply(db, _input(w, **changes))
    assert field in [e.field for e in err.value.errors]
    assert _counts(db) == before


# ── two clerks at once on PostgreSQL ─────────────────────────────────────────────────────


@pytest.mark.real_commits
def test_two_cashiers_at_once_keep_the_yearly_cap(
    db: Database, w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two applications of one person paid by two cashiers at the same moment: each checked the
    yearly cap before the other's payment was written, and both were paid (PostgreSQL)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two connections writing at once: PostgreSQL")
    config.update(db, {"fund.yearly_cap_yuan": 1000})
    first = _to(db, w, "on_notice")
    second = fund.apply(db, _input(w, repeat_override="两次住院"))
    _step(db, w, second, "review")
    _step(db, w, second, "approve", by="reviewer2")
    _notice(db, w, second)
    _both_check_first(monkeypatch, ledger, "append")
    outcome: dict[str, str] = {}

    def pay(app: str) -> None:
        try:
            fund.pay(db, app, _pay_input(w))
            outcome[app] = "paid"
        except UserError as exc:
            outcome[app] = exc.code

    _at_once(pay, first, second)
    assert sorted(outcome.values()) == ["fund.rule.yearly_cap", "paid"], outcome
    with db.read() as s:
        paid = s.scalars(select(FundEntry.amount).where(FundEntry.kind == "payment")).all()
    assert sorted(paid) == [-80000]


# ── the ledger (fund/ledger.py) ───────────────────────────────────────────────────────────


def _donation(w: World, amount: str, day: date, account: str | None = None) -> IncomeInput:
    return IncomeInput(
        account_id=account or w["account"],
        source="social_donation",
        amount=amount,
        entry_date=day,
        handled_by=w["handler"],
        donor_kind="person",
        donor_name="热心居民",
    )


def test_an_absurd_income_is_refused_not_crashing(db: Database, w: World) -> None:
    before = _counts(db)
    with pytest.raises(ValidationFailed) as err:
        ledger.add_income(db, _donation(w, "100000000000000000000", TODAY))
    assert "amount" in [e.field for e in err.value.errors]
    assert _counts(db) == before


def test_a_reversal_never_leaves_an_earlier_day_negative(db: Database, w: World) -> None:
    """Income ¥1,000 (30 days ago), paid ¥800 (20 days ago), income ¥1,000 (10 days ago): taking
    the first income back dated 25 days ago leaves 20 days ago at −¥800, though the balance by
    entry number (¥200) is fine."""
    acct = _account(db, w["handler"], 0, name="新账户")
    first = ledger.add_income(db, _donation(w, "1000", TODAY - timedelta(days=30), acct))
    with db.uow() as s:
        ledger.append(
            s,
            account_id=acct,
            kind="payment",
            entry_date=TODAY - timedelta(days=20),
            amount=-80000,
            handled_by=w["cashier"],
            use="relief",
        )
    ledger.add_income(db, _donation(w, "1000", TODAY - timedelta(days=10), acct))
    before = _counts(db)
    with pytest.raises(UserError):
        ledger.reverse(db, first, "录错", w["accountant"], TODAY - timedelta(days=25))
    assert _counts(db) == before


@pytest.mark.real_commits
def test_two_clerks_at_once_never_share_a_receipt_number(
    db: Database, w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """add_income takes the next 捐赠收据 number before ledger.append locks the head, and
    receipt_no has no unique constraint: two donations recorded at once got the same number."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two connections writing at once: PostgreSQL")
    _both_check_first(monkeypatch, ledger, "append")
    done: list[str] = []

    def give(amount: str) -> None:
        try:
            done.append(ledger.add_income(db, _donation(w, amount, TODAY)))
        except UserError as exc:  # a clean refusal would do too
            done.append(exc.code)

    _at_once(give, "100", "200")
    with db.read() as s:
        receipts = s.scalars(
            select(FundEntry.receipt_no).where(FundEntry.source == "social_donation")
        ).all()
    assert len(receipts) == len(set(receipts)), receipts
    assert ledger.verify(db).ok


@pytest.mark.real_commits
def test_an_entry_never_slips_into_a_period_closed_at_the_same_moment(
    db: Database, w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """append checks for a closed period before it locks the head: an income dated in last
    quarter, checked just before the quarter's close committed, went in after it."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two connections writing at once: PostgreSQL")
    last_quarter = periods.quarter_of(periods.quarter_of(TODAY).starts_on - timedelta(days=1))
    checked, closed = threading.Event(), threading.Event()
    real = ledger.closed_period_on

    def slow_check(s: Any, day: date) -> Any:
        found = real(s, day)
        checked.set()
        closed.wait(3)  # the accountant closes the quarter meanwhile
        return found

    monkeypatch.setattr(ledger, "closed_period_on", slow_check)
    outcome: list[str] = []

    def late_income() -> None:
        try:
            outcome.append(ledger.add_income(db, _donation(w, "100", last_quarter.ends_on)))
        except UserError as exc:
            outcome.append(exc.code)

    clerk = threading.Thread(target=late_income)
    clerk.start()
    checked.wait(10)
    monkeypatch.setattr(ledger, "closed_period_on", real)
    ledger.close_period(db, last_quarter.name, w["accountant"])
    closed.set()
    clerk.join(30)
    found = ledger.verify(db)
    assert found.ok, (outcome, found.message)


@pytest.mark.real_commits
def test_two_accountants_never_reverse_one_entry_twice(
    db: Database, w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """append checks "reversed at most once" before it locks the head: two accountants
    reversing the same entry at once both passed: it was taken back twice."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two connections writing at once: PostgreSQL")
    gift = ledger.add_income(db, _donation(w, "500", TODAY))
    _both_check_first(monkeypatch, ledger, "_check_reversal")
    done: list[str] = []

    def take_back(reason: str) -> None:
        try:
            done.append(ledger.reverse(db, gift, reason, w["accountant"], TODAY))
        except UserError as exc:
            done.append(exc.code)

    _at_once(take_back, "录错", "重复录入")
    with db.read() as s:
        reversals = s.scalars(select(FundEntry.id).where(FundEntry.reverses_id == gift)).all()
    assert len(reversals) == 1, done
    assert ledger.verify(db).ok


def test_an_income_is_not_checked_by_its_own_handler(db: Database, w: World) -> None:
    """复核人 = 经办人 was accepted: the 台账 then shows a check that nobody else made."""
    acct = _staff_with(db, "钱会计", "accountant")
    data = replace(_donation(w, "100", TODAY), handled_by=acct, checked_by=acct)
    _refused_any(db, "fund.rule.checker_is_handler", ledger.add_income, db, data)


@pytest.mark.parametrize(
    "tamper",
    [
        "DELETE FROM fund_period_close",
        "UPDATE fund_period_close SET ends_on = starts_on",  # the period made shorter
    ],
)
def test_verify_finds_a_close_removed_or_changed_with_plain_sql(
    db: Database, w: World, tamper: str
) -> None:
    last_quarter = periods.quarter_of(periods.quarter_of(TODAY).starts_on - timedelta(days=1))
    ledger.close_period(db, last_quarter.name, w["accountant"])
    assert ledger.verify(db).ok
    with db.uow() as s:
        s.execute(text(tamper))
    assert ledger.verify(db).problem_code == "fund.verify.closes"


def _both_check_first(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """Make ``module.name`` wait (up to 3 s) until two threads have reached it: both have done
    their checks before either writes."""
    lock, both = threading.Lock(), threading.Event()
    arrivals = [0]
    real = getattr(module, name)

    def slow(*args: Any, **kw: Any) -> Any:
        with lock:
            arrivals[0] += 1
            if arrivals[0] == 2:
                both.set()
        both.wait(3)
        return real(*args, **kw)

    monkeypatch.setattr(module, name, slow)


def _at_once(call: Any, *args: Any) -> None:
    threads = [threading.Thread(target=call, args=(a,)) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)


def test_the_higher_level_may_approve_less_and_that_caps_the_payment(
    db: Database, w: World
) -> None:
    """The street office's paper decision approved ¥3,500 of the ¥4,000 the community
    approved: the amount typed was ignored and ¥4,000 could be paid."""
    app = fund.apply(db, _input(w, "4000"))
    _step(db, w, app, "review")
    _step(db, w, app, "approve", by="reviewer2")
    assert _status(db, app) == "pending_higher"
    _refused_any(
        db,
        "fund.rule.higher_over_approved",
        _step,
        db,
        w,
        app,
        "approve_higher",
        opinion="街道同意",
        amount="4500",
    )
    _step(db, w, app, "approve_higher", opinion="街道同意 3500 元", amount="3500")
    _notice(db, w, app)
    _refused_any(db, "fund.rule.over_approved", fund.pay, db, app, _pay_input(w, "4000"))
    fund.pay(db, app, _pay_input(w, "3500"))


def test_a_notice_names_its_handler_who_holds_the_role(db: Database, w: World) -> None:
    """NoticeInput.by was optional: without it no role was checked and the 公示 step named
    nobody (the CLI's fund notice without --by)."""
    app = _to(db, w, "approved")
    nobody = NoticeInput(starts_on=NOTICE_FROM, title="公示")
    _refused_any(db, "required", fund.open_notice, db, [app], nobody)
    cashier = NoticeInput(starts_on=NOTICE_FROM, title="公示", by=w["cashier"], late_reason="补录")
    _refused_any(db, "fund.role_missing", fund.open_notice, db, [app], cashier)


def test_an_objection_moved_to_the_recycle_bin_still_blocks_payment(db: Database, w: World) -> None:
    """The generic recycle bin (records.set_deleted) can mark any synced row deleted; the rule
    skipped deleted objections, so deleting one unblocked the payment unseen."""
    app = _to(db, w, "on_notice")
    objection = fund.add_objection(db, app, "有异议", NOTICE_FROM + timedelta(days=1))
    records.set_deleted(db, "fund_objection", objection, True)
    _refused_any(db, "fund.rule.objection_open", fund.pay, db, app, _pay_input(w))
    assert fq.application_rows(db)[0].open_objections == 1
    assert [r.id for r in fq.payments_due(db)] == []


def test_a_paid_application_moved_to_the_recycle_bin_still_counts(db: Database, w: World) -> None:
    """Moving a paid application to the recycle bin hid its payment from the yearly cap and the
    repeat rule: the person could be helped again at once, without a reason."""
    first = _to(db, w, "paid")
    records.set_deleted(db, "fund_application", first, True)
    _refused_any(db, "fund.rule.repeat", fund.apply, db, _input(w, applied_on=TODAY))
