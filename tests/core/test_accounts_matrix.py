"""Issue 16 ("role checks for every list, reveal, export and fund step"): every role logged in
tries every guarded action through the services — lists, a registry edit, reveals, the
unmasked export, accounts, settings, the data-subject answer, each 红色基金 step, a 三方联席会议,
a 微心愿 round and the staff list (where the fund's roles are given) — and is allowed exactly
when the permission table says (refused in words, nothing changed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, Permission, allowed
from redoffice.fund import applications as fund
from redoffice.fund import ledger
from redoffice.kit import exports
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import MeetingInput
from redoffice.models import (
    AuditLog,
    FundApplication,
    FundEntry,
    Household,
    Meeting,
    Staff,
    WishRound,
)
from redoffice.registry import access, search, subject_request
from redoffice.registry import reference as registry
from redoffice.registry.residents import get_resident, save_resident
from redoffice.settings import config
from redoffice.wishes import service as wishes
from tests.core.test_fund_applications import (
    TODAY,
    World,
    _input,
    _pay_input,
    _status,
    _to,
    w,
)

__all__ = ["w"]  # the fund's world, a fixture
PASSWORD = "matrix-secret"
P = Permission
COMMUNITY_ROLES = [role for role in ROLES if not role.startswith("street")]


@dataclass(frozen=True)
class Trial:
    """One guarded action: prepared as the administrator (``prepare`` gives its argument), then
    tried as the role; ``changed`` tells whether it left its mark."""

    permission: Permission
    prepare: Callable[[Database, World], str]
    act: Callable[[Database, World, str], object]
    changed: Callable[[Database, World, str], bool]


def _audited(action: str) -> Callable[[Database, World, str], bool]:
    def seen(db: Database, _w: World, _arg: str) -> bool:
        with db.uow() as s:
            found = s.scalar(
                select(func.count()).select_from(AuditLog).where(AuditLog.action == action)
            )
        return bool(found)

    return seen


def _status_is(state: str) -> Callable[[Database, World, str], bool]:
    return lambda db, _w, app: _status(db, app) == state


def _edit(db: Database, w: World, person: str) -> None:
    data = get_resident(db, person).data
    save_resident(db, replace(data, notes="矩阵测试"), person)


def _edited(db: Database, _w: World, person: str) -> bool:
    return get_resident(db, person).data.notes == "矩阵测试"


def _entry(db: Database, w: World) -> str:
    app = _to(db, w, "paid")
    with db.read() as s:
        entry = s.scalar(select(FundEntry.id).where(FundEntry.application_id == app))
    assert entry is not None
    return str(entry)


def _reversed(db: Database, _w: World, entry: str) -> bool:
    with db.read() as s:
        found = select(func.count()).select_from(FundEntry).where(FundEntry.reverses_id == entry)
        return bool(s.scalar(found))


def _applicant(_db: Database, w: World) -> str:
    return w["applicant"]


def _nothing(_db: Database, _w: World) -> str:
    return ""


def _estate(db: Database, _w: World) -> str:
    return registry.save_estate(db, registry.EstateInput(name="矩阵小区"))


def _meeting(db: Database, _w: World, estate: str) -> str:
    data = MeetingInput("三方联席会议", "矩阵会议", TODAY, (estate,))
    return meetings.create_meeting(db, data)


def _counted(model: type[Meeting | WishRound]) -> Callable[[Database, World, str], bool]:
    def seen(db: Database, _w: World, _arg: str) -> bool:
        with db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(model)))

    return seen


def _new_cashier(db: Database, _w: World, _arg: str) -> str:
    data = registry.StaffInput(name="新出纳", role="community_worker", fund_roles=("cashier",))
    return registry.save_staff(db, data)


def _has_new_cashier(db: Database, _w: World, _arg: str) -> bool:
    with db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Staff).where(Staff.name == "新出纳")))


TRIALS = {
    "edit a resident": Trial(P.EDIT_REGISTRY, _applicant, _edit, _edited),
    "reveal an ID number": Trial(
        P.REVEAL_ID,
        _applicant,
        lambda db, _w, p: access.reveal(db, "resident", p, "id_number"),
        _audited("reveal"),
    ),
    "reveal a phone": Trial(
        P.REVEAL_PHONE,
        _applicant,
        lambda db, _w, p: access.reveal(db, "resident", p, "phone"),
        _audited("reveal"),
    ),
    "export unmasked": Trial(
        P.EXPORT_UNMASKED,
        _nothing,
        lambda db, _w, _a: exports.export_rows(db, "residents", unmasked=True),
        _audited("export"),
    ),
    "add an account": Trial(
        P.MANAGE_ACCOUNTS,
        _nothing,
        lambda db, _w, _a: accounts.add(db, "newcomer", "新来的", "worker", PASSWORD),
        lambda db, _w, _a: "newcomer" in {r.login for r in accounts.accounts(db)},
    ),
    "change a setting": Trial(
        P.MANAGE_SETTINGS,
        _nothing,
        lambda db, _w, _a: config.update(db, {"fund.repeat_months": 7}),
        lambda db, _w, _a: config.values(db)["fund.repeat_months"] == 7,
    ),
    "answer a data-subject request": Trial(
        P.ERASE_PERSONAL,
        _applicant,
        lambda db, _w, p: subject_request.subject_answer(db, p, TODAY),
        _audited("subject_export"),
    ),
    "hold a joint meeting": Trial(P.EDIT_MEETINGS, _estate, _meeting, _counted(Meeting)),
    "open a wish round": Trial(
        P.EDIT_WISHES,
        _nothing,
        lambda db, _w, _a: wishes.open_round(db, "矩阵轮次", TODAY),
        _counted(WishRound),
    ),
    "give a fund role on the staff list": Trial(
        P.EDIT_BASE_DATA, _nothing, _new_cashier, _has_new_cashier
    ),
    "fund: apply": Trial(
        P.FUND_HANDLE,
        _nothing,
        lambda db, w, _a: fund.apply(db, _input(w, entered_by=w["all"])),
        lambda db, _w, _a: _applications(db) == 1,
    ),
    "fund: review": Trial(
        P.FUND_REVIEW,
        lambda db, w: _to(db, w, "applied"),
        lambda db, w, app: fund.take_step(db, app, "review", fund.StepInput(by=w["all"], on=TODAY)),
        _status_is("reviewed"),
    ),
    "fund: pay": Trial(
        P.FUND_PAY,
        lambda db, w: _to(db, w, "on_notice"),
        lambda db, w, app: fund.pay(db, app, _pay_input(w, by=w["all"])),
        _status_is("paid"),
    ),
    "fund: reverse": Trial(
        P.FUND_ACCOUNT,
        _entry,
        lambda db, w, entry: ledger.reverse(db, entry, "金额录错", w["all"]),
        _reversed,
    ),
}


def _applications(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(FundApplication)) or 0)


def _accounts(db: Database, w: World, role: str) -> None:
    """The administrator, and ``role``'s account on a staff row that holds every 红色基金 role on
    the staff list and lies in the households' grid (so that only the account's role decides)."""
    with db.uow() as s:
        grid = s.scalar(select(Household.grid_id).limit(1))
    w["all"] = registry.save_staff(
        db,
        registry.StaffInput(
            name="全岗",
            role="community_worker",
            fund_roles=("handler", "reviewer", "accountant", "cashier"),
        ),
    )
    with db.uow() as s:
        staff = s.get(Staff, w["all"])
        assert staff is not None
        staff.grid_id = grid
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "someone", f"{ROLES[role]}甲", role, PASSWORD, staff_id=w["all"])
    accounts.logout(db)  # the preparations as the implicit administrator


@pytest.mark.parametrize("trial", list(TRIALS))
@pytest.mark.parametrize("role", COMMUNITY_ROLES)
def test_each_role_may_do_what_the_table_says(
    db: Database, w: World, role: str, trial: str
) -> None:
    t = TRIALS[trial]
    _accounts(db, w, role)
    argument = t.prepare(db, w)
    accounts.login(db, "someone", PASSWORD)
    if allowed(role, t.permission):
        t.act(db, w, argument)
        assert t.changed(db, w, argument)
        return
    with pytest.raises(UserError) as refused:
        t.act(db, w, argument)
    assert "无权" in refused.value.text, refused.value.text
    accounts.logout(db)
    assert not t.changed(db, w, argument)


@pytest.mark.parametrize("role", COMMUNITY_ROLES)
def test_every_role_lists_the_households_of_its_grids(db: Database, w: World, role: str) -> None:
    """Lists are not refused to anyone: a 网格员 sees their grids', everyone else every row."""
    every = (
        len(search.resident_ids(db, search.ResidentQuery())),
        len(search.household_ids(db, search.HouseholdQuery())),
    )
    other = registry.save_grid(db, registry.GridInput(code="G09", name="第九网格"))
    _accounts(db, w, role)
    with db.uow() as s:  # 全岗 moved to another grid: a 网格员 of it sees none of these
        staff = s.get(Staff, w["all"])
        assert staff is not None
        staff.grid_id = other
    accounts.login(db, "someone", PASSWORD)
    seen = (
        len(search.resident_ids(db, search.ResidentQuery())),
        len(search.household_ids(db, search.HouseholdQuery())),
    )
    assert seen == ((0, 0) if role == "grid" else every)
