"""Accounts and login (issue 16): the first administrator, lockout on the clock, wrong password,
administrators' reset/unlock/disable, the role table, the operator of a change, the 网格员's
read scope."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, Permission, allowed, permits
from redoffice.cases import queries as case_queries
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, Grid, Household, Resident, Staff
from redoffice.registry import search
from redoffice.visits import queries as visit_queries

PASSWORD = "correct-horse"


def _admin(db: Database) -> None:
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)


def test_without_accounts_everything_is_permitted(db: Database) -> None:
    assert not accounts.has_accounts(db)
    assert db.user is None
    assert all(permits(db, p) for p in Permission)


def test_the_first_account_must_be_an_administrator(db: Database) -> None:
    with pytest.raises(UserError, match="第一个账号必须是书记/管理员"):
        accounts.add(db, "li", "李四", "worker", PASSWORD)
    _admin(db)
    assert accounts.has_accounts(db)
    assert [(r.login, r.role) for r in accounts.accounts(db)] == [("admin", "书记/管理员")]


def test_a_short_password_and_a_taken_login_are_refused(db: Database) -> None:
    with pytest.raises(UserError, match="密码至少 8 位"):
        accounts.add(db, "admin", "王书记", "admin", "short")
    _admin(db)
    with pytest.raises(UserError, match="登录名“admin”已被使用"):
        accounts.add(db, "admin", "另一人", "worker", PASSWORD)


def test_login_sets_the_user_and_the_operator_of_every_change(db: Database) -> None:
    _admin(db)
    user = accounts.login(db, "admin", PASSWORD)
    assert (db.user, db.actor, user.role) == (user, "王书记", "admin")
    accounts.add(db, "li", "李四", "worker", PASSWORD)
    with db.read() as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert (entry.action, entry.actor) == ("account_add", "王书记")
    assert PASSWORD not in entry.fields and "scrypt" not in entry.fields


def test_a_wrong_password_counts_down_then_locks_for_five_minutes(db: Database) -> None:
    _admin(db)
    start = datetime(2026, 12, 3, 10, 0)
    with clock.frozen(start):
        for left in (4, 3, 2, 1):
            with pytest.raises(UserError, match=f"还可以再试 {left} 次"):
                accounts.login(db, "admin", "wrong-password")
        with pytest.raises(UserError, match=r"账号已锁定：请 5 分钟后再试（10:05:0\d 解锁）"):
            accounts.login(db, "admin", "wrong-password")
        with pytest.raises(UserError, match="10:05:0"):  # the right password does not help now
            accounts.login(db, "admin", PASSWORD)
        assert db.user is None
    # the time left to the second (not "until 10:05" while it is 10:05 already)
    with clock.frozen(datetime(2026, 12, 3, 10, 4, 20)), pytest.raises(UserError) as locked:
        accounts.login(db, "admin", PASSWORD)
    assert re.search(r"请 (39|4\d) 秒后再试（10:05:0\d 解锁）", locked.value.text), (
        locked.value.text
    )
    with clock.frozen(datetime(2026, 12, 3, 10, 1, 30)), pytest.raises(UserError) as locked:
        accounts.login(db, "admin", PASSWORD)
    assert re.search(r"请 3 分 [23]\d 秒后再试", locked.value.text), locked.value.text
    with clock.frozen(datetime(2026, 12, 3, 10, 6)):  # the fixed clock runs on: a margin
        assert accounts.login(db, "admin", PASSWORD).login == "admin"


def test_an_unknown_name_says_nothing_about_which_was_wrong(db: Database) -> None:
    _admin(db)
    with pytest.raises(UserError) as raised:
        accounts.login(db, "nobody", PASSWORD)
    assert raised.value.text == "登录名或密码不正确"


def test_an_administrator_unlocks_resets_and_disables(db: Database) -> None:
    _admin(db)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "li", "李四", "worker", PASSWORD)
    for _ in range(5):
        with pytest.raises(UserError):
            accounts.login(db, "li", "wrong-password")
    assert [r.locked_until is not None for r in accounts.accounts(db)] == [False, True]
    accounts.unlock(db, "li")
    accounts.reset(db, "li", "new-password")
    assert accounts.login(db, "li", "new-password").role == "worker"
    with pytest.raises(UserError, match="无权管理账号"):
        accounts.reset(db, "admin", "taken-over!")
    accounts.login(db, "admin", PASSWORD)
    with pytest.raises(UserError, match="不能停用自己"):
        accounts.disable(db, "admin")
    accounts.disable(db, "li")
    with pytest.raises(UserError, match="登录名或密码不正确"):
        accounts.login(db, "li", "new-password")


@pytest.mark.parametrize("role", list(ROLES))
def test_the_role_table(role: str) -> None:
    manages = role in {"admin", "street_admin"}
    assert allowed(role, Permission.MANAGE_ACCOUNTS) is manages
    assert allowed(role, Permission.FUND_PAY) is (role == "cashier")
    assert allowed(role, Permission.FUND_ACCOUNT) is (role == "accountant")
    assert allowed(role, Permission.REVEAL_ID) is manages
    assert not allowed("unknown", Permission.EDIT_REGISTRY)


def test_a_grid_worker_reads_only_the_households_of_their_grid(demo_db: Database) -> None:
    db = demo_db
    with db.read() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        every = s.scalars(select(Household)).all()
        people = len(s.scalars(select(Resident)).all())
    with db.uow() as s:
        staff = Staff(name="赵网格", role="grid_worker", grid_id=grid.id)
        s.add(staff)
        s.flush()
        staff_id = staff.id
    _admin(db)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff_id=staff_id)
    accounts.login(db, "zhao", PASSWORD)
    with db.read() as s:
        seen = s.scalars(select(Household)).all()
        residents = s.scalars(select(Resident)).all()
    assert 0 < len(seen) < len(every)
    assert {h.grid_id for h in seen} == {grid.id}
    own = {h.id for h in seen}
    assert residents and {r.household_id for r in residents} <= own
    assert len(residents) < people


def _grid_worker(db: Database) -> tuple[str, str]:
    """赵网格 logged in as the 网格员 of the first grid; (that grid, a household outside it)."""
    with db.read() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        outside = s.scalars(select(Household.id).where(Household.grid_id != grid.id).limit(1)).one()
    with db.uow() as s:
        staff = Staff(name="赵网格", role="grid_worker", grid_id=grid.id)
        s.add(staff)
        s.flush()
        staff_id = staff.id
    _admin(db)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff_id=staff_id)
    accounts.login(db, "zhao", PASSWORD)
    return grid.id, outside


def test_a_grid_worker_edits_only_the_households_of_their_grid(demo_db: Database) -> None:
    db = demo_db
    _grid, outside = _grid_worker(db)
    with db.read() as s:
        own = s.scalars(select(Household).limit(1)).one()  # the scope shows their grid's only
    with db.uow() as s:
        row = s.get(Household, own.id)
        assert row is not None
        row.notes = "网格员核实"
    refused = pytest.raises(UserError, match="赵网格是网格员，只能修改本人网格内的住户")
    with refused, db.uow() as s:
        other = s.get(Household, outside)
        assert other is not None
        other.notes = "越权"
    with pytest.raises(UserError, match="只能修改本人网格内"), db.uow() as s:
        s.add(Resident(name="外网格", gender="male", household_id=outside))
    accounts.logout(db)
    with db.read() as s:
        other = s.get(Household, outside)
    assert other is not None and other.notes != "越权"


def test_a_cashier_changes_no_household(demo_db: Database) -> None:
    db = demo_db
    _admin(db)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "zhou", "周出纳", "cashier", PASSWORD)
    accounts.login(db, "zhou", PASSWORD)
    with pytest.raises(UserError, match="（周出纳，出纳）无权修改住户"), db.uow() as s:
        household = s.scalars(select(Household).limit(1)).one()
        household.notes = "出纳改的"


def test_every_household_list_of_a_grid_worker_shows_their_grid(demo_db: Database) -> None:
    """The residents, households, visits and 民情诉求 lists (ORM and Core queries alike)."""
    db = demo_db
    every = (
        len(search.resident_ids(db, search.ResidentQuery())),
        len(search.household_ids(db, search.HouseholdQuery())),
        len(visit_queries.visit_ids(db, visit_queries.VisitQuery())),
        len(case_queries.case_ids(db)),
    )
    grid, _outside = _grid_worker(db)
    residents = search.resident_rows(db, search.resident_ids(db, search.ResidentQuery()))
    households = search.household_rows(db, search.household_ids(db, search.HouseholdQuery()))
    visits = visit_queries.visit_ids(db, visit_queries.VisitQuery())
    cases = case_queries.case_rows(db, case_queries.case_ids(db))
    seen = (len(residents), len(households), len(visits), len(cases))
    assert all(0 < n < total for n, total in zip(seen, every, strict=True)), (seen, every)
    with db.read() as s:
        name = s.get(Grid, grid)
    assert name is not None
    assert {r.grid for r in residents} == {h.grid for h in households} == {name.name}
    assert {c.grid for c in cases} <= {name.name, ""}
    accounts.login(db, "admin", PASSWORD)  # the staff list is the administrator's
    with db.uow() as s:  # another grid's worker sees the other grid (no cached criteria)
        other = s.scalars(select(Grid).where(Grid.id != grid).limit(1)).one()
        staff = Staff(name="钱网格", role="grid_worker", grid_id=other.id)
        s.add(staff)
        s.flush()
        staff_id, other_name = staff.id, other.name
    accounts.add(db, "qian", "钱网格", "grid", PASSWORD, staff_id=staff_id)
    accounts.login(db, "qian", PASSWORD)
    theirs = search.household_rows(db, search.household_ids(db, search.HouseholdQuery()))
    assert theirs and {h.grid for h in theirs} == {other_name}
