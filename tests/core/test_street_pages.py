"""Issue 15: the street pages' reads counted by the database, on SQLite and PostgreSQL —
走访覆盖率's rows per 网格 and per special group grouped in SQL, checked against the same
figures counted from the rows themselves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from redoffice.kit import clock
from redoffice.kit.codes import TAGS
from redoffice.kit.db import Database
from redoffice.kit.records import set_deleted
from redoffice.models import Grid, Household, Resident, ResidentTag, Visit
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput, set_status
from redoffice.visits import queries as visit_queries
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.factories import add_resident, setup_place

TODAY = date(2026, 11, 24)
MONTH = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture(autouse=True)
def _on_today() -> Iterator[None]:
    with clock.frozen(TODAY):
        yield


def _visit(db: Database, household: str, staff: str, day: date) -> str:
    purposes = ("听民意",)
    visit = VisitInput(household, day, visitor_ids=(staff,), purposes=purposes)
    return visits.record_visit(db, visit)


def _town(db: Database) -> None:
    """Two 网格 and a household in none; members in groups, some not counted (a tag ended, a
    member moved out, a deleted member); visits in the month, before it and deleted."""
    grid, _estate, first = setup_place(db)
    other = registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))
    staff = registry.save_staff(db, registry.StaffInput(name="李网格员", role="grid_worker"))
    second = save_household(db, HouseholdInput(address_text="胜利街8号", grid_id=grid))
    third = save_household(db, HouseholdInput(address_text="胜利街9号", grid_id=other))
    nowhere = save_household(db, HouseholdInput(address_text="胜利街10号"))
    gone = save_household(db, HouseholdInput(address_text="胜利街11号", grid_id=grid))
    set_deleted(db, "household", gone, True)
    alone = (TagInput("living_alone"),)
    add_resident(db, "独居甲", household=first, relation="0", tags=alone, seq=1)
    add_resident(db, "独居乙", household=first, tags=(*alone, TagInput("disabled")), seq=2)
    poor = (TagInput("subsistence"),)
    add_resident(db, "低保丙", household=second, relation="0", tags=poor, seq=3)
    ended = (TagInput("veteran", until=date(2026, 10, 31)),)
    add_resident(db, "退役丁", household=third, relation="0", tags=ended, seq=4)
    moved = add_resident(db, "迁出戊", household=nowhere, relation="0", tags=alone, seq=5)
    set_status(db, moved, "moved_out", date(2026, 11, 2), "迁往汉阳")
    removed = add_resident(db, "删除己", household=third, tags=(TagInput("disabled"),), seq=6)
    set_deleted(db, "resident", removed, True)
    add_resident(db, "残疾庚", household=nowhere, relation="0", tags=(TagInput("disabled"),), seq=7)
    _visit(db, first, staff, date(2026, 11, 3))
    _visit(db, nowhere, staff, date(2026, 11, 20))
    _visit(db, second, staff, date(2026, 9, 3))
    set_deleted(db, "visit", _visit(db, third, staff, date(2026, 11, 5)), True)


def _from_the_rows(db: Database) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """(label, households, visited) per 网格 and per group, counted in Python from the rows."""
    with db.read() as s:
        visited = set(
            s.scalars(
                select(Visit.household_id).where(
                    Visit.deleted.is_(False), Visit.visit_date.between(*MONTH)
                )
            )
        )
        grids = {g.id: g.name for g in s.scalars(select(Grid))}
        per_grid: dict[str, set[str]] = defaultdict(set)
        for household in s.scalars(select(Household).where(Household.deleted.is_(False))):
            per_grid[grids.get(household.grid_id or "", "未划分网格")].add(household.id)
        per_group: dict[str, set[str]] = defaultdict(set)
        for resident, tag in s.execute(select(Resident, ResidentTag).join(ResidentTag)):
            live = not resident.deleted and resident.status == "active" and not tag.deleted
            if live and (tag.until is None or tag.until >= TODAY) and resident.household_id:
                per_group[TAGS[tag.tag]].add(resident.household_id)

    def rows(groups: dict[str, set[str]]) -> list[tuple[str, int, int]]:
        return sorted((k, len(v), len(v & visited)) for k, v in groups.items())

    return rows(per_grid), rows(per_group)


def test_coverage_rows_are_counted_by_the_database(db: Database) -> None:
    _town(db)
    found = visit_queries.coverage_between(db, *MONTH, today=TODAY)
    by_grid = [(r.label, r.households, r.visited) for r in found.by_grid]
    by_group = sorted((r.label, r.households, r.visited) for r in found.by_group)
    assert (by_grid, by_group) == _from_the_rows(db)
    assert by_grid == [("未划分网格", 1, 1), ("第一网格", 2, 1), ("第二网格", 1, 0)]
    assert [(r.key, r.households, r.visited) for r in found.by_group] == [
        ("living_alone", 1, 1),
        ("disabled", 2, 2),
        ("subsistence", 1, 0),
    ]
    assert (found.total.households, found.total.visited) == (4, 2)
