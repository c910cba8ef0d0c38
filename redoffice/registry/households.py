"""Households (户): create, edit, members."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit import codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live, save
from redoffice.kit.validation import Checker, natural_key, spaced_chars
from redoffice.models import Estate, Grid, Household, Resident
from redoffice.registry.addresses import household_address


@dataclass(frozen=True)
class HouseholdInput:
    estate_id: str | None = None
    building: str = ""
    unit: str = ""
    room: str = ""
    address_text: str = ""
    grid_id: str | None = None
    phone: str = ""
    residence_status: str = "consistent"
    notes: str = ""


@dataclass(frozen=True)
class HouseholdDetail:
    id: str
    estate_id: str | None
    building: str
    unit: str
    room: str
    address_text: str
    address: str
    grid_id: str | None
    phone: str
    residence_status: str
    notes: str
    deleted: bool


def household_values(s: Session, data: HouseholdInput) -> dict[str, object]:
    """The checked column values of a household (ValidationFailed naming every bad field)."""
    c = Checker()
    values: dict[str, object] = {
        "estate_id": check_ref(s, c, "estate_id", Estate, data.estate_id),
        "building": c.text("building", data.building, max_len=32),
        "unit": c.text("unit", data.unit, max_len=32),
        "room": c.text("room", data.room, max_len=32),
        "address_text": c.text("address_text", data.address_text, max_len=255),
        "grid_id": check_ref(s, c, "grid_id", Grid, data.grid_id),
        "phone": c.phone("phone", data.phone),
        "residence_status": c.choice(
            "residence_status", data.residence_status, codes.HOUSEHOLD_STATUSES
        ),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    if values["estate_id"] and not values["room"]:
        c.add("room", "required")
    if not values["estate_id"] and not values["address_text"]:
        c.add("address_text", "required")
    c.raise_if_any()
    return values


def save_household(db: Database, data: HouseholdInput, record_id: str | None = None) -> str:
    """Create or edit a household; its display address is derived and stored for search."""
    with db.uow() as s:
        values = household_values(s, data)
        estate = s.get(Estate, values["estate_id"]) if values["estate_id"] else None
        household = save(s, Household, record_id, values)
        set_address(household, estate.name if estate else None)
        return household.id


def set_address(household: Household, estate_name: str | None) -> None:
    """Derive the display address (and its search form) from the dwelling's parts."""
    household.address = household_address(
        estate_name, household.building, household.unit, household.room, household.address_text
    )
    household.search_address = spaced_chars(household.address)
    household.address_sort = natural_key(household.address)


def get_household(db: Database, household_id: str) -> HouseholdDetail:
    with db.read() as s:
        h = s.get(Household, household_id)
        if h is None:
            raise UserError("household.not_found")
        return HouseholdDetail(
            h.id,
            h.estate_id,
            h.building,
            h.unit,
            h.room,
            h.address_text,
            h.address,
            h.grid_id,
            h.phone,
            h.residence_status,
            h.notes,
            h.deleted,
        )


def head_of(s: Session, household_id: str, *, excluding: str | None = None) -> Resident | None:
    """The live 户主 of a household, if any."""
    return s.scalars(
        select(Resident).where(
            Resident.household_id == household_id,
            Resident.relation == codes.HEAD_OF_HOUSEHOLD,
            Resident.deleted.is_(False),
            Resident.status == "active",
            Resident.id != (excluding or ""),
        )
    ).first()


def require_household(s: Session, household_id: str) -> Household:
    return live(s, Household, household_id, "household.not_found")
