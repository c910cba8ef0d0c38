"""Review 9 (issue 16): roles able to do what the permission table forbids.

accounts/permissions.py defines MANAGE_SETTINGS (and SYNC, STREET_DECIDE), but nothing
outside the table reads it: a 出纳 logged in changes the office's settings. And a fund step is
checked against the logged-in account's staff member only when the account is linked to one:
an account without a staff link (the first administrator made by ``init --admin-user`` has
none) takes every step as whichever staff member it names, so one person does 经办, 初审 and
审核 — the separation of duties the steps exist for."""

from __future__ import annotations

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


@pytest.mark.xfail(
    strict=True,
    reason="review9: a 出纳 (no MANAGE_SETTINGS) changes the office's settings: "
    "Permission.MANAGE_SETTINGS is never checked (settings/config.update)",
)
def test_a_cashier_cannot_change_the_offices_settings(db: Database, w: World) -> None:
    _log_in(db, "chuna", "cashier")
    with pytest.raises(UserError):
        config.update(db, {"fund.supervision_phone": "027-88886667"})  # a valid number
    with db.read() as s:
        assert config.get_value(s, "fund.supervision_phone") == "027-88886666"


@pytest.mark.xfail(
    strict=True,
    reason="review9: one administrator account without a staff link applies, 初审s and 审核s "
    "the same application as three different staff members (fund/roles.check_acting skips "
    "the identity check when user.staff_id is None)",
)
def test_one_account_cannot_take_every_step_as_different_staff(db: Database, w: World) -> None:
    _log_in(db, "admin", "admin")  # as init --admin-user makes it: no staff member
    app = fund.apply(db, _input(w))  # as 张经办
    _step(db, w, app, "review")  # as 李审核
    with pytest.raises(UserError):
        _step(db, w, app, "approve", by="reviewer2")  # as 陈审核
    assert _status(db, app) == "reviewed"
