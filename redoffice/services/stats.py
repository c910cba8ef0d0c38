"""Registry statistics for the 工作台 and ``redoffice-cli stats``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from redoffice import codes
from redoffice.db import Database
from redoffice.models import Grid, Household, Resident, ResidentTag
from redoffice.services.search import tag_in_force


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


def registry_stats(db: Database, today: date | None = None) -> RegistryStats:
    """Live households and residents, per 网格 and per special group (tags in force today)."""
    today = today or date.today()
    with db.read() as s:
        households = s.scalar(select(func.count()).where(Household.deleted.is_(False))) or 0
        residents = s.scalar(select(func.count(Resident.id)).where(*_LIVE_RESIDENT)) or 0
        party = s.scalar(
            select(func.count(Resident.id)).where(
                *_LIVE_RESIDENT, Resident.political_status.in_(codes.PARTY_STATUSES)
            )
        )
        floating = s.scalar(
            select(func.count(Resident.id)).where(
                *_LIVE_RESIDENT, Resident.residence_type == "floating"
            )
        )
        grid_households = _pairs(
            s.execute(
                select(Household.grid_id, func.count())
                .where(Household.deleted.is_(False))
                .group_by(Household.grid_id)
            )
        )
        grid_residents = _pairs(
            s.execute(
                select(Household.grid_id, func.count(Resident.id))
                .join(Household, Household.id == Resident.household_id)
                .where(*_LIVE_RESIDENT)
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
