"""红色基金 steps under accounts (issue 16): once someone is logged in, each step needs the
account's role (会计 and 出纳 separate roles) and is taken as the account's own staff member;
nobody logged in works as before (tests/core/test_fund_applications.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.fund import applications as fund
from redoffice.fund import ledger
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import FundEntry
from tests.core.test_fund_applications import World, _input, _pay_input, _status, _to, w

__all__ = ["w"]  # the fixture, imported
PASSWORD = "fund-secret-1"


def _as(db: Database, login: str, role: str, staff: str | None, name: str = "") -> None:
    """Add the account (as the administrator) and log it in."""
    if not accounts.has_accounts(db):
        accounts.add(db, "admin", "管理员", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, login, name or login, role, PASSWORD, staff_id=staff)
    accounts.login(db, login, PASSWORD)


def test_the_cashier_pays_and_the_accountant_may_not(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    _as(db, "kuaiji", "accountant", w["cashier"])  # an accountant's account on the cashier's row
    with pytest.raises(UserError, match="无权办理“出纳”"):
        fund.pay(db, app, _pay_input(w))
    _as(db, "chuna", "cashier", w["cashier"])
    fund.pay(db, app, _pay_input(w))
    assert _status(db, app) == "paid"


def test_a_step_is_taken_as_the_logged_in_person_only(db: Database, w: World) -> None:
    _as(db, "zhang", "worker", w["handler"])
    app = fund.apply(db, _input(w))
    with pytest.raises(UserError, match="不能以孙多岗的名义办理"):
        fund.apply(db, _input(w, entered_by=w["both"]))
    _as(
        db, "sun", "worker", w["both"], "孙多岗"
    )  # 孙多岗 holds 审核人 on the staff list, not the role
    review = fund.StepInput(by=w["both"], on=_input(w).applied_on)
    with pytest.raises(UserError, match="（孙多岗，社区工作者）无权办理“审核人”"):
        fund.take_step(db, app, "review", review)
    assert _status(db, app) == "applied"


def test_a_reversal_needs_the_accountant_role(db: Database, w: World) -> None:
    app = _to(db, w, "paid")
    with db.read() as s:
        entry = s.scalar(select(FundEntry.id).where(FundEntry.application_id == app))
    assert entry is not None
    _as(db, "chuna", "cashier", w["accountant"])
    with pytest.raises(UserError, match="无权办理“会计”"):
        ledger.reverse(db, entry, "金额录错", w["accountant"])
    _as(db, "kuaiji", "accountant", w["accountant"])
    assert ledger.reverse(db, entry, "金额录错", w["accountant"])
