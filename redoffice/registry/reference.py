"""Grids (网格), organizations, 小区 and staff: the registry's reference data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import CompoundSelect, select, union
from sqlalchemy.orm import Session, aliased

from redoffice.fund.codes import ROLES as FUND_ROLES
from redoffice.kit import codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, save
from redoffice.kit.validation import Checker
from redoffice.models import Estate, Grid, Household, Organization, Resident, Staff
from redoffice.registry.households import set_address


@dataclass(frozen=True)
class GridInput:
    code: str
    name: str
    leader_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class OrganizationInput:
    kind: str
    name: str
    contact_person: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EstateInput:
    name: str
    address: str = ""
    property_company_id: str | None = None
    owners_committee_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class StaffInput:
    name: str
    role: str
    phone: str = ""
    grid_id: str | None = None
    notes: str = ""
    # 红色基金 roles (fund.codes.ROLES); None keeps what a saved staff member has
    fund_roles: tuple[str, ...] | None = None
    # the staff member as a resident; None keeps what is saved, "" removes the link
    resident_id: str | None = None


@dataclass(frozen=True)
class GridRow:
    id: str
    code: str
    name: str
    leader_id: str | None
    leader_name: str
    notes: str


@dataclass(frozen=True)
class OrganizationRow:
    id: str
    kind: str
    kind_label: str
    name: str
    contact_person: str
    phone: str
    notes: str


@dataclass(frozen=True)
class EstateRow:
    id: str
    name: str
    address: str
    property_company_id: str | None
    property_company: str
    owners_committee_id: str | None
    owners_committee: str
    notes: str


@dataclass(frozen=True)
class StaffRow:
    id: str
    name: str
    role: str
    role_label: str
    phone: str
    grid_id: str | None
    grid_name: str
    notes: str
    fund_roles: tuple[str, ...] = ()
    resident_id: str | None = None


def _grid_values(s: Session, data: GridInput, record_id: str | None) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "code": c.text("code", data.code, required=True, max_len=32),
        "name": c.text("name", data.name, required=True, max_len=64),
        "leader_id": check_ref(s, c, "leader_id", Staff, data.leader_id),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    clash = s.scalars(
        select(Grid).where(Grid.code == values["code"], Grid.id != (record_id or ""))
    ).first()
    if clash is not None:
        c.add("code", "grid.code_duplicate", code=clash.code, name=clash.name)
    c.raise_if_any()
    return values


def save_grid(db: Database, data: GridInput, record_id: str | None = None) -> str:
    with db.uow() as s:
        return save(s, Grid, record_id, _grid_values(s, data, record_id)).id


def _organization_values(data: OrganizationInput) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "kind": c.choice("kind", data.kind, codes.ORGANIZATION_KINDS),
        "name": c.text("name", data.name, required=True, max_len=128),
        "contact_person": c.text("contact_person", data.contact_person, max_len=64),
        "phone": c.phone("phone", data.phone),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    c.raise_if_any()
    return values


def save_organization(db: Database, data: OrganizationInput, record_id: str | None = None) -> str:
    with db.uow() as s:
        return save(s, Organization, record_id, _organization_values(data)).id


def _estate_values(s: Session, data: EstateInput) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "name": c.text("name", data.name, required=True, max_len=128),
        "address": c.text("address", data.address, max_len=255),
        "property_company_id": check_ref(
            s, c, "property_company_id", Organization, data.property_company_id
        ),
        "owners_committee_id": check_ref(
            s, c, "owners_committee_id", Organization, data.owners_committee_id
        ),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    c.raise_if_any()
    return values


def save_estate(db: Database, data: EstateInput, record_id: str | None = None) -> str:
    """Create or edit a 小区; a new name is carried into its households' addresses."""
    with db.uow() as s:
        estate = save(s, Estate, record_id, _estate_values(s, data))
        for household in s.scalars(select(Household).where(Household.estate_id == estate.id)):
            set_address(household, estate.name)
        return estate.id


def _staff_values(s: Session, data: StaffInput) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "name": c.text("name", data.name, required=True, max_len=64),
        "role": c.choice("role", data.role, codes.STAFF_ROLES),
        "phone": c.phone("phone", data.phone),
        "grid_id": check_ref(s, c, "grid_id", Grid, data.grid_id),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    if data.fund_roles is not None:
        bad = [r for r in data.fund_roles if r not in FUND_ROLES]
        if bad:
            c.add("fund_roles", "invalid_choice", value="、".join(bad))
        values["fund_roles"] = ",".join(r for r in FUND_ROLES if r in data.fund_roles)
    if data.resident_id is not None:
        values["resident_id"] = check_ref(s, c, "resident_id", Resident, data.resident_id) or None
    c.raise_if_any()
    return values


def save_staff(db: Database, data: StaffInput, record_id: str | None = None) -> str:
    with db.uow() as s:
        return save(s, Staff, record_id, _staff_values(s, data)).id


def list_grids(db: Database, *, deleted: bool = False) -> list[GridRow]:
    leader = aliased(Staff)
    with db.read() as s:
        rows = s.execute(
            select(Grid, leader.name)
            .outerjoin(leader, leader.id == Grid.leader_id)
            .where(Grid.deleted == deleted)
            .order_by(Grid.code)
        ).all()
        return [
            GridRow(g.id, g.code, g.name, g.leader_id, leader_name or "", g.notes)
            for g, leader_name in rows
        ]


def list_organizations(
    db: Database, kind: str | None = None, *, deleted: bool = False
) -> list[OrganizationRow]:
    query = select(Organization).where(Organization.deleted == deleted)
    if kind:
        query = query.where(Organization.kind == kind)
    with db.read() as s:
        return [
            OrganizationRow(
                o.id,
                o.kind,
                codes.label(codes.ORGANIZATION_KINDS, o.kind),
                o.name,
                o.contact_person,
                o.phone,
                o.notes,
            )
            for o in s.scalars(query.order_by(Organization.kind, Organization.name))
        ]


def list_estates(db: Database, *, deleted: bool = False) -> list[EstateRow]:
    company, committee = aliased(Organization), aliased(Organization)
    with db.read() as s:
        rows = s.execute(
            select(Estate, company.name, committee.name)
            .outerjoin(company, company.id == Estate.property_company_id)
            .outerjoin(committee, committee.id == Estate.owners_committee_id)
            .where(Estate.deleted == deleted)
            .order_by(Estate.name)
        ).all()
        return [
            EstateRow(
                e.id,
                e.name,
                e.address,
                e.property_company_id,
                pc or "",
                e.owners_committee_id,
                oc or "",
                e.notes,
            )
            for e, pc, oc in rows
        ]


def list_staff(db: Database, *, deleted: bool = False) -> list[StaffRow]:
    with db.read() as s:
        rows = s.execute(
            select(Staff, Grid.name)
            .outerjoin(Grid, Grid.id == Staff.grid_id)
            .where(Staff.deleted == deleted)
            .order_by(Staff.name)
        ).all()
        return [
            StaffRow(
                st.id,
                st.name,
                st.role,
                codes.label(codes.STAFF_ROLES, st.role),
                st.phone,
                st.grid_id,
                grid_name or "",
                st.notes,
                tuple(r for r in st.fund_roles.split(",") if r),
                st.resident_id,
            )
            for st, grid_name in rows
        ]


def grid_by_code(db: Database, code: str) -> GridRow:
    match = [g for g in list_grids(db) if g.code == code]
    if not match:
        raise UserError("db.unknown_grid", code=code)
    return match[0]


Choices = list[tuple[str, str]]


def grid_choices(db: Database) -> Choices:
    """(label, id) for pickers: ``G001 第1网格``."""
    return [(f"{g.code} {g.name}", g.id) for g in list_grids(db)]


def estate_choices(db: Database) -> Choices:
    return [(e.name, e.id) for e in list_estates(db)]


def staff_choices(db: Database) -> Choices:
    return [(s.name, s.id) for s in list_staff(db)]


def organization_choices(kind: str, db: Database) -> Choices:
    return [(o.name, o.id) for o in list_organizations(db, kind)]


def worker_grids(staff_id: str) -> CompoundSelect[str]:
    """The grids a worker looks after: the one they belong to and those they lead (SQL)."""
    return union(
        select(Grid.id).where(Grid.leader_id == staff_id, Grid.deleted.is_(False)),
        select(Staff.grid_id).where(Staff.id == staff_id, Staff.grid_id.is_not(None)),
    )


def staff_named(db: Database, name: str) -> str | None:
    """The id of the one live staff member with this name (None when none or several)."""
    matches = [s.id for s in list_staff(db) if s.name == name.strip()]
    return matches[0] if len(matches) == 1 else None


def place_choices(db: Database) -> tuple[Choices, Choices]:
    """The 网格 and 小区 filters of the list pages (a 网格员: only their grids)."""
    mine = db.user.grids if db.user is not None else None
    grids = [(label, id_) for label, id_ in grid_choices(db) if mine is None or id_ in mine]
    return grids, estate_choices(db)
