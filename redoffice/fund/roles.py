"""The fund roles a staff member holds (经办人, 审核人, 会计, 出纳) and the household check.

Once someone is logged in (``db.user``, issue 16) the person taking a step must be that
person: their account's role must hold the step's permission (会计 and 出纳 are separate
roles, so one account never does both) and the account must be linked to a staff member, as
whom the step is taken (an unlinked account could take every step in another's name)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from sqlalchemy.orm import Session

from redoffice.accounts.permissions import ROLES as ACCOUNT_ROLES
from redoffice.accounts.permissions import Permission, allowed
from redoffice.fund.codes import ROLES
from redoffice.kit.errors import UserError
from redoffice.kit.identity import User
from redoffice.models import Resident, Staff

STEP_PERMISSIONS: Final = MappingProxyType(
    {
        "handler": Permission.FUND_HANDLE,
        "reviewer": Permission.FUND_REVIEW,
        "accountant": Permission.FUND_ACCOUNT,
        "cashier": Permission.FUND_PAY,
    }
)


# the steps no fund role names (decision 0027): the books' accounts are the 会计's and the
# office's (书记/管理员 sets the office up); an objection received during the 公示 is taken by
# those who handle and review the applications — not by the 出纳 who pays them out
ACCOUNT_SETUP: Final = (Permission.FUND_ACCOUNT, Permission.EDIT_BASE_DATA)
OBJECTION: Final = (Permission.FUND_HANDLE, Permission.FUND_REVIEW)


def roles_of(staff: Staff) -> frozenset[str]:
    """The fund role codes in ``staff.fund_roles`` (comma-separated)."""
    return frozenset(r.strip() for r in (staff.fund_roles or "").split(",") if r.strip())


def require(s: Session, staff_id: str | None, role: str, user: User | None = None) -> Staff:
    """The live staff member, who must hold ``role``; UserError otherwise. ``user``: the
    logged-in person taking the step (None for a second person the step names, such as the
    会计 who checks a payment, and while nobody is logged in)."""
    staff = s.get(Staff, staff_id) if staff_id else None
    if staff is None or staff.deleted:
        raise UserError("record.not_found")
    if role not in roles_of(staff):
        raise UserError("fund.role_missing", name=staff.name, role=ROLES.get(role, role))
    if user is not None:
        check_acting(user, staff, role)
    return staff


def check_acting(user: User, staff: Staff, *roles: str) -> None:
    """The logged-in ``user`` may take a step of one of ``roles``, as ``staff``."""
    permissions = tuple(STEP_PERMISSIONS[r] for r in roles)
    check_permitted(user, permissions, "或".join(ROLES[r] for r in roles))
    if user.staff_id is None:  # else one account could take every step as someone else
        raise UserError("fund.account_no_staff", name=user.name)
    if user.staff_id != staff.id:
        raise UserError("fund.step_as_other", name=user.name, staff=staff.name)


def same_household(s: Session, staff: Staff, resident_id: str | None) -> bool:
    """Whether the resident is the staff member or lives in the staff member's household."""
    if not resident_id or not staff.resident_id:
        return False
    if resident_id == staff.resident_id:
        return True
    own = s.get(Resident, staff.resident_id)
    other = s.get(Resident, resident_id)
    if own is None or other is None:
        return False
    return own.household_id is not None and own.household_id == other.household_id


def check_permitted(user: User | None, permissions: tuple[Permission, ...], step: str) -> None:
    """The logged-in ``user`` (None: nobody, every check passes) holds one of ``permissions``;
    refused naming the account, its role and ``step`` otherwise."""
    if user is not None and not any(allowed(user.role, p) for p in permissions):
        label = ACCOUNT_ROLES.get(user.role, user.role)
        raise UserError("fund.step_not_allowed", name=user.name, role=label, step=step)
