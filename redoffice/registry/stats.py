"""Registry statistics for the 工作台 and ``redoffice-cli stats``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.models import Grid, Household, Resident, ResidentTag
from redoffice.registry.search import tag_in_force


@dataclass(frozen=True)
class GridCount:
    grid_id: str | None
    code: str
    name: str
    households: int
    residents: int


@dataclass(frozen=True)
class RegistryStats:
    households: int
    residents: int
    party_members: int
    floating: int
    by_grid: tuple[GridCount, ...]
    by_tag: tuple[tuple[str, str, int], ...]


def _pairs(result: Any) -> dict[Any, int]:
    return {key: int(value) for key, value in result}


_LIVE_RESIDENT = (Resident.deleted.is_(False), Resident.status == "active")
# Counting the live residents reads nearly every row: the table scanned is the fastest way
# (0.13 s on 110,000). Without ANALYZE's statistics (a table rebuilt by a migration, a
# database never analyzed) SQLite took the list index (deleted, status, …) instead and fetched
# the rows one by one in name order: 0.4–0.8 s. The same test with its columns wrapped, which
# no index matches
_EVERY_LIVE_RESIDENT = (
    func.coalesce(Resident.deleted, False).is_(False),
    Resident.status.concat("") == "active",
)


def _resident_counts(s: Session) -> tuple[dict[str | None, int], int, int, int]:
    """One pass over the live residents (the four counts apart took 0.6 s on 110,000): per
    网格 of their household, and in all the residents, party members and floating people."""
    party = case((Resident.political_status.in_(codes.PARTY_STATUSES), 1), else_=0)
    floating = case((Resident.residence_type == "floating", 1), else_=0)
    rows = s.execute(
        select(
            Household.grid_id,
            func.count(Household.id),
            func.count(),
            func.sum(party),
            func.sum(floating),
        )
        .select_from(Resident)
        .outerjoin(Household, Household.id == Resident.household_id)
        .where(*_EVERY_LIVE_RESIDENT)
        .group_by(Household.grid_id)
    ).all()
    per_grid = {grid: int(housed) for grid, housed, *_rest in rows if housed}
    return (
        per_grid,
        sum(int(r[2]) for r in rows),
        sum(int(r[3] or 0) for r in rows),
        sum(int(r[4] or 0) for r in rows),
    )


def registry_stats(db: Database, today: date | None = None) -> RegistryStats:
    """Live households and residents, per 网格 and per special group (tags in force today)."""
    today = today or clock.today()
    with db.read() as s:
        households = s.scalar(select(func.count()).where(Household.deleted.is_(False))) or 0
        grid_residents, residents, party, floating = _resident_counts(s)
        grid_households = _pairs(
            s.execute(
                select(Household.grid_id, func.count())
                .where(Household.deleted.is_(False))
                .group_by(Household.grid_id)
            )
        )
        grids = s.execute(
            select(Grid.id, Grid.code, Grid.name).where(Grid.deleted.is_(False)).order_by(Grid.code)
        ).all()
        tags = _pairs(
            s.execute(
                select(ResidentTag.tag, func.count(func.distinct(ResidentTag.resident_id)))
                .join(Resident, Resident.id == ResidentTag.resident_id)
                .where(
                    *_LIVE_RESIDENT,
                    *tag_in_force(today),
                )
                .group_by(ResidentTag.tag)
            )
        )
    by_grid = [
        GridCount(g.id, g.code, g.name, grid_households.get(g.id, 0), grid_residents.get(g.id, 0))
        for g in grids
    ]
    if grid_households.get(None) or grid_residents.get(None):
        by_grid.append(
            GridCount(
                None, "", "未划分网格", grid_households.get(None, 0), grid_residents.get(None, 0)
            )
        )
    return RegistryStats(
        households=int(households),
        residents=int(residents),
        party_members=int(party or 0),
        floating=int(floating or 0),
        by_grid=tuple(by_grid),
        by_tag=tuple((tag, label, int(tags.get(tag, 0))) for tag, label in codes.TAGS.items()),
    )
