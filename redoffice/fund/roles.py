"""The fund roles a staff member holds (经办人, 审核人, 会计, 出纳) and the household check."""

from __future__ import annotations

from sqlalchemy.orm import Session

from redoffice.fund.codes import ROLES
from redoffice.kit.errors import UserError
from redoffice.models import Resident, Staff


def roles_of(staff: Staff) -> frozenset[str]:
    """The fund role codes in ``staff.fund_roles`` (comma-separated)."""
    return frozenset(r.strip() for r in (staff.fund_roles or "").split(",") if r.strip())


def require(s: Session, staff_id: str | None, role: str) -> Staff:
    """The live staff member, who must hold ``role``; UserError otherwise."""
    staff = s.get(Staff, staff_id) if staff_id else None
    if staff is None or staff.deleted:
        raise UserError("record.not_found")
    if role not in roles_of(staff):
        raise UserError("fund.role_missing", name=staff.name, role=ROLES.get(role, role))
    return staff


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
