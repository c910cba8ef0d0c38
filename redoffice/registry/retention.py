"""Retention (PIPL 第十九条、第四十七条): residents moved out or deceased at least the years the
setting ``privacy.retention_years`` holds (default 3) are offered for erasure. Nothing is erased
unasked: the clerk (or ``redoffice-cli resident retention --erase``) chooses; each erasure is
:func:`redoffice.registry.erasure.erase_resident` — its own transaction and audit entry, a purge
at the street — and one refused where a law requires the record is reported, not erased."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import select

from redoffice.kit import clock, codes
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Household, Resident
from redoffice.registry.erasure import erase_resident, personal_left
from redoffice.settings import config

GONE: Final = ("moved_out", "deceased")


@dataclass(frozen=True)
class Due:
    """A resident past the retention period."""

    id: str
    name: str
    status: str  # 已迁出 / 已去世
    status_date: date
    address: str


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str


def years_ago(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def retention_years(db: Database) -> int:
    with db.read() as s:
        return int(config.get_value(s, "privacy.retention_years"))


def due(db: Database) -> list[Due]:
    """Residents moved out or deceased on or before the day the retention period reaches back
    to, with personal information still held, oldest first."""
    cutoff = years_ago(clock.today(), retention_years(db))
    with db.read() as s:
        rows = s.execute(
            select(Resident, Household.address)
            .outerjoin(Household, Household.id == Resident.household_id)
            .where(
                Resident.status.in_(GONE),
                Resident.status_date <= cutoff,
                Resident.deleted.is_(False),
                Resident.name != ERASED_NAME,
            )
            .order_by(Resident.status_date, Resident.id)
        ).all()
        return [
            _due(r, gone_on, address)
            for r, address in rows
            if (gone_on := r.status_date) is not None and personal_left(r)
        ]


def _due(r: Resident, gone_on: date, address: str | None) -> Due:
    status = codes.label(codes.RESIDENT_STATUSES, r.status)
    return Due(id=r.id, name=r.name, status=status, status_date=gone_on, address=address or "")


def erase_due(db: Database, ids: Sequence[str]) -> tuple[int, list[Refusal]]:
    """Erase the chosen residents, each in its own transaction; only those still past the
    period (a resident who came back meanwhile is left alone). The count erased and the
    refusals in words."""
    years = retention_years(db)
    still = {d.id: d for d in due(db)}
    reason = f"迁出或去世已满{years}年，保存期限届满"
    erased, refused = 0, []
    for resident_id in ids:
        person = still.get(resident_id)
        if person is None:
            continue
        try:
            erase_resident(db, resident_id, reason)
        except UserError as exc:
            refused.append(Refusal(person.name, exc.text))
        else:
            erased += 1
    return erased, refused
