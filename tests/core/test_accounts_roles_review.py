"""Review 9 (issue 16): roles able to do what the permission table forbids.

accounts/permissions.py defines MANAGE_SETTINGS (and SYNC, STREET_DECIDE), but nothing
outside the table reads it: a 出纳 logged in changes the office's settings. And a fund step is
checked against the logged-in account's staff member only when the account is linked to one:
an account without a staff link (the first administrator made by ``init --admin-user`` has
none) takes every step as whichever staff member it names, so one person does 经办, 初审 and
审核 — the separation of duties the steps exist for."""

from __future__ import annotations

from functools import partial

import pytest

from redoffice.accounts import service as accounts
from redoffice.fund import applications as fund
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.settings import config
from tests.core.test_fund_applications import World, _input, _status, _step, w

__all__ = ["w"]  # the fund's world fixture, imported
PASSWORD = "review9-secret"


def _log_in(db: Database, login: str, role: str, staff: str | None = None) -> None:
    if not accounts.has_accounts(db):
        accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    if login != "admin":
        accounts.add(db, login, login, role, PASSWORD, staff_id=staff)
    accounts.login(db, login, PASSWORD)


def test_a_cashier_cannot_change_the_offices_settings(db: Database, w: World) -> None:
    _log_in(db, "chuna", "cashier")
    with pytest.raises(UserError):
        config.update(db, {"fund.supervision_phone": "027-88886667"})  # a valid number
    with db.read() as s:
        assert config.get_value(s, "fund.supervision_phone") == "027-88886666"


def test_one_account_cannot_take_every_step_as_different_staff(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))  # entered as 张经办 before anyone logged in
    _log_in(db, "admin", "admin")  # as init --admin-user makes it: no staff member
    for step in (partial(_step, db, w, app, "review"), partial(fund.apply, db, _input(w))):
        with pytest.raises(UserError, match="未关联工作人员，不能办理红色基金事务"):
            step()
    assert _status(db, app) == "applied"
