"""Small builders for test data (valid ID numbers, households, residents)."""

from __future__ import annotations

from datetime import date

from stdnum.cn import ric

from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import ResidentInput, save_resident


def id_number(born: date, gender: str = "male", region: str = "420106", seq: int = 12) -> str:
    """A valid 18-digit ID number for the given birth date and gender."""
    order = seq * 2 + (1 if gender == "male" else 0)
    body = f"{region}{born:%Y%m%d}{order:03d}"
    return body + ric.calc_check_digit(body + "0")


def setup_place(db: Database) -> tuple[str, str, str]:
    """A grid, a 小区 and one household in them: (grid_id, estate_id, household_id)."""
    grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
    estate = registry.save_estate(db, registry.EstateInput(name="阳光花园", address="解放路1号"))
    household = save_household(
        db, HouseholdInput(estate_id=estate, building="3", unit="2", room="301", grid_id=grid)
    )
    return grid, estate, household


def add_resident(
    db: Database,
    name: str,
    *,
    household: str | None = None,
    relation: str = "9",
    born: date = date(1980, 5, 17),
    gender: str = "male",
    seq: int = 12,
    **extra: object,
) -> str:
    data = ResidentInput(
        name=name,
        gender=gender,
        id_number=id_number(born, gender, seq=seq),
        household_id=household,
        relation=relation,
        **extra,  # type: ignore[arg-type]
    )
    return save_resident(db, data)
