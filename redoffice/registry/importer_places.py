"""The 网格, 小区 and 楼栋 an imported 台账 names: those registered, and those the import
creates when asked (a new office importing its ledger into an empty registry). New places are
created in the import's own transaction, each with its audit record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.validation import natural_key
from redoffice.models import Estate, Grid, Household
from redoffice.registry.addresses import building_name
from redoffice.registry.importer_rows import ImportRow, Labels

CREATED_NOTE = "导入台账时新建"


@dataclass(frozen=True)
class NewPlaces:
    """What the import will create: 网格 and 小区 by name, 楼栋 as (小区, 楼栋 as it reads:
    3栋 for a cell 3 or 3栋) — a 楼栋 is made by its first household."""

    grids: tuple[str, ...] = ()
    estates: tuple[str, ...] = ()
    buildings: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.grids or self.estates or self.buildings)

    @property
    def registered(self) -> bool:
        """Whether 网格 or 小区 will be added to the registry (a 楼栋 is only an address)."""
        return bool(self.grids or self.estates)

    def describe(self) -> str:
        """网格 2 个（…）；小区 1 个（…）；楼栋 3 个（东湖新村 1栋、…）."""
        parts = [
            (what, names)
            for what, names in (
                ("网格", list(self.grids)),
                ("小区", list(self.estates)),
                ("楼栋", [f"{estate} {building}" for estate, building in self.buildings]),
            )
            if names
        ]
        return "；".join(f"{what} {len(names)} 个（{_listed(names)}）" for what, names in parts)


def _listed(names: list[str], most: int = 8) -> str:
    shown = "、".join(names[:most])
    return shown + (f" 等 {len(names)} 个" if len(names) > most else "")


@dataclass
class Places:
    """The registered 网格 (by code and by name), 小区 (by name) and 楼栋 (as it reads), read
    once."""

    grids: dict[str, str] = field(default_factory=dict)
    estates: dict[str, str] = field(default_factory=dict)
    buildings: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def read(cls, s: Session) -> Places:
        places = cls()
        for grid_id, code, name in s.execute(
            select(Grid.id, Grid.code, Grid.name).where(Grid.deleted.is_(False))
        ):
            places.grids[code] = places.grids[name] = grid_id
        for name, estate_id in s.execute(
            select(Estate.name, Estate.id).where(Estate.deleted.is_(False))
        ):
            places.estates[name] = estate_id
        places.buildings = {
            (estate, building_name(building))
            for estate, building in s.execute(
                select(Estate.name, Household.building)
                .join(Household, Household.estate_id == Estate.id)
                .where(Household.deleted.is_(False))
                .distinct()
            )
        }
        return places

    def check(self, row: ImportRow, labels: Labels, create: bool) -> None:
        """The row's 网格 and 小区 found, or to be created, or (not asked to create) refused."""
        grid, estate = row.values.get("grid"), row.values.get("estate")
        row.grid_id = self.grids.get(grid or "")
        row.estate_id = self.estates.get(estate or "")
        if create:
            return
        if grid and row.grid_id is None:
            row.fail(labels["grid"], f"网格“{grid}”不存在：{_HOW_TO_ADD}")
        if estate and row.estate_id is None:
            row.fail(labels["estate"], f"小区“{estate}”不存在：{_HOW_TO_ADD}")

    def new(self, rows: Iterable[ImportRow]) -> NewPlaces:
        """The places the accepted rows name that are not registered, in natural order (第2网格
        before 第10网格: the new 网格 are numbered IMP001 … in this order)."""
        grids: set[str] = set()
        estates: set[str] = set()
        named: set[tuple[str, str]] = set()  # (小区, 楼栋) as written: each read once
        for row in rows:
            v = row.values
            if v.get("grid") and row.grid_id is None:
                grids.add(v["grid"])
            if v.get("estate") and row.estate_id is None:
                estates.add(v["estate"])
            named.add((v.get("estate", ""), v.get("building", "")))
        places = {(estate, building_name(building)) for estate, building in named}
        buildings = {p for p in places if all(p) and p not in self.buildings}
        return NewPlaces(
            tuple(sorted(grids, key=natural_key)),
            tuple(sorted(estates, key=natural_key)),
            tuple(sorted(buildings, key=lambda b: (natural_key(b[0]), natural_key(b[1])))),
        )


_HOW_TO_ADD = "请先在基础数据中添加，或导入时选择新建表中的网格和小区（命令行 --create-places）"


def create_places(s: Session, new: NewPlaces) -> tuple[dict[str, str], dict[str, str]]:
    """The new 网格 and 小区 (name -> id), saved with their audit records. A new 网格 gets
    the next free code IMP001, IMP002 … (the office can rename it later)."""
    taken = set(s.scalars(select(Grid.code)))
    free = (f"IMP{n:03d}" for n in range(1, 100_000) if f"IMP{n:03d}" not in taken)
    grids = [Grid(code=next(free), name=name, notes=CREATED_NOTE) for name in new.grids]
    estates = [Estate(name=name, notes=CREATED_NOTE) for name in new.estates]
    s.add_all([*grids, *estates])
    s.flush()
    return {g.name: g.id for g in grids}, {e.name: e.id for e in estates}


def place_rows(rows: Iterable[ImportRow], grids: dict[str, str], estates: dict[str, str]) -> None:
    """Rows naming a place just created point to it."""
    for row in rows:
        row.grid_id = row.grid_id or grids.get(row.values.get("grid") or "")
        row.estate_id = row.estate_id or estates.get(row.values.get("estate") or "")
