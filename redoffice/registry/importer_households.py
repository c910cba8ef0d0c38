"""Which household each imported row belongs to: one per 户号 (when that column is mapped) or
per address, one 户主 each; on import, a live household at the address or a new one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redoffice.kit import changes, codes
from redoffice.kit.bulk_load import indexes_rebuilt
from redoffice.kit.changes import Rows
from redoffice.kit.clock import utcnow
from redoffice.kit.ids import new_ids
from redoffice.kit.validation import natural_key, spaced_chars
from redoffice.models import Household, Resident
from redoffice.registry.importer_rows import ImportRow, Labels


@dataclass
class _Place:
    """The live households at one address and their registered 户主 (name, ID number)."""

    households: int = 0
    heads: list[tuple[str, str]] = field(default_factory=list)

    def refuses(self, number: str | None) -> str | None:
        """The name of a registered 户主 when a new 户主 has no household left to head."""
        if not self.heads or any(n == number for _, n in self.heads):
            return None
        return self.heads[0][0] if len(self.heads) >= self.households else None


def group_households(s: Session, rows: list[ImportRow], labels: Labels, by_number: bool) -> None:
    """Each accepted row's household key; a second 户主 in one household is refused, also
    counting the 户主 already registered at that address."""
    places = _registered_places(s, {r.address_key for r in rows} - {""})
    heads: dict[str, int] = {}
    for row in rows:
        if not row.accepted:
            continue
        number = row.values.get("household_no") if by_number else None
        if not row.address_key:
            text = "该户没有住址" if number else "缺少住址（或户号），无法确定所属户"
            row.fail(labels["address"], text)
            continue
        row.household_key = f"户号:{number}" if number else row.address_key
        if row.values.get("relation") == codes.HEAD_OF_HOUSEHOLD:
            _one_head(row, labels, places.get(row.address_key, _Place()), heads)


def _one_head(row: ImportRow, labels: Labels, place: _Place, heads: dict[str, int]) -> None:
    registered = place.refuses(row.values.get("id_number"))
    if registered:
        row.fail(labels["relation"], f"该户已登记户主“{registered}”，一户只能有一个户主")
    elif row.household_key in heads:
        first = heads[row.household_key]
        row.fail(labels["relation"], f"与第 {first} 行同属一户，一户只能有一个户主")
    else:
        heads[row.household_key] = row.row


def _registered_places(s: Session, addresses: set[str]) -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    wanted = list(addresses) if has_rows(s, Household) else []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for address, count in s.execute(
            select(Household.address, func.count())
            .where(Household.address.in_(chunk), Household.deleted.is_(False))
            .group_by(Household.address)
        ):
            places[address] = _Place(int(count))
        for address, name, number in s.execute(
            select(Household.address, Resident.name, Resident.id_number)
            .join(Resident, Resident.household_id == Household.id)
            .where(
                Household.address.in_(chunk),
                Household.deleted.is_(False),
                Resident.deleted.is_(False),
                Resident.relation == codes.HEAD_OF_HOUSEHOLD,
            )
        ):
            places[address].heads.append((name, number or ""))
    return places


def household_ids(s: Session, rows: list[ImportRow]) -> dict[str, str]:
    """Household key -> id: the household a 户号 of an export names, else a live household at
    the address not yet given to another key, else a new one (inserted in bulk)."""
    existing: dict[str, list[str]] = {}
    known: set[str] = set()
    if has_rows(s, Household):  # else no address or 户号 of the file to look up
        existing = _households_at(s, list({r.address_key for r in rows}))
        known = _live_households(s, {str(r.values.get("household_no") or "") for r in rows})
    homes: dict[str, str] = {}
    taken: set[str] = set()
    new: list[tuple[Any, ...]] = []
    fresh = iter(new_ids(len({r.household_key for r in rows})))  # at most one per key
    for row in rows:
        if row.household_key in homes:
            continue
        number = str(row.values.get("household_no") or "")
        free = [h for h in existing.get(row.address_key, ()) if h not in taken]
        if number in known:
            homes[row.household_key] = number
        elif free:
            homes[row.household_key] = free[0]
        else:
            new.append(_new_household(row, next(fresh)))
            homes[row.household_key] = new[-1][0]
        taken.add(homes[row.household_key])
    with indexes_rebuilt(s.connection(), Household, len(new)):
        changes.insert_rows(s, Household, Rows(HOUSEHOLD_COLUMNS, new, household_shared(utcnow())))
    return homes


def has_rows(s: Session, model: type[Household] | type[Resident]) -> bool:
    """Whether the table holds any row at all (deleted ones included): an import into a new
    registry need not look its 110k ID numbers and 35k addresses up 500 at a time."""
    return s.scalar(select(model.id).limit(1)) is not None


def _households_at(s: Session, addresses: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for start in range(0, len(addresses), 500):
        for address, household_id in s.execute(
            select(Household.address, Household.id)
            .where(
                Household.address.in_(addresses[start : start + 500]),
                Household.deleted.is_(False),
            )
            .order_by(Household.id)
        ):
            found.setdefault(address, []).append(household_id)
    return found


def _live_households(s: Session, ids: set[str]) -> set[str]:
    wanted = [i for i in ids if i]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found |= set(
            s.scalars(
                select(Household.id).where(
                    Household.id.in_(wanted[start : start + 500]), Household.deleted.is_(False)
                )
            )
        )
    return found


# the columns of a new household's row, in the order of _new_household's tuple
HOUSEHOLD_COLUMNS: Final = (
    "id",
    "estate_id",
    "building",
    "unit",
    "room",
    "address_text",
    "address",
    "search_address",
    "address_sort",
    "grid_id",
)


def household_shared(now: datetime) -> dict[str, Any]:
    """What every new household of an import has: its instant, no phone, no notes."""
    return {"updated_at": now, "phone": "", "residence_status": "consistent", "notes": ""}


def _new_household(row: ImportRow, record_id: str) -> tuple[Any, ...]:
    """The values of the household row for ``row``'s address, in the order of
    HOUSEHOLD_COLUMNS (the others are shared by every new household); its id one of a batch
    made at once (kit.ids.new_ids: 35,000 households, 0.2 s less)."""
    v = row.values
    estate = bool(v.get("estate"))
    address = row.address_key
    return (
        record_id,
        row.estate_id,
        v.get("building", "") if estate else "",
        v.get("unit", "") if estate else "",
        v.get("room", "") if estate else "",
        "" if estate else str(v.get("address") or ""),
        address,
        spaced_chars(address),
        natural_key(address),
        row.grid_id,
    )
