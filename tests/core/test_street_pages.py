"""Issue 15: the street pages' reads, on SQLite and PostgreSQL — 走访覆盖率's rows per 网格 and
per special group grouped in SQL, checked against the same figures counted from the rows
themselves; the long lists' first page of ids and their count, against every id read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.kit import clock
from redoffice.kit.codes import TAGS
from redoffice.kit.db import Database
from redoffice.kit.id_lists import FirstPage
from redoffice.kit.records import set_deleted
from redoffice.models import Grid, Household, Resident, ResidentTag, Visit
from redoffice.registry import reference as registry
from redoffice.registry import search
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput, set_status
from redoffice.visits import plan
from redoffice.visits import queries as visit_queries
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.conftest import Templates
from tests.factories import add_resident, setup_place
from tests.street_support import street_with_communities

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


def test_a_lists_first_page_and_its_count_in_one_read(db: Database) -> None:
    """The long lists' (居民, 住户, 入户走访, 走访计划) first page (in display order) and count,
    or the whole list when it is short — the same ids as reading them all."""
    _town(db)
    residents = search.ResidentQuery(sort="birth_date", descending=True)
    households, visit_list = search.HouseholdQuery(), visit_queries.VisitQuery()
    due = plan.PlanFilter(within_days=400)
    for query, every in (
        (search.resident_id_query(db, residents), search.resident_ids(db, residents)),
        (search.household_id_query(db, households), search.household_ids(db, households)),
        (visit_queries.visit_id_query(db, visit_list), visit_queries.visit_ids(db, visit_list)),
        (plan.plan_id_query(db, due, "address"), plan.plan_ids(db, due, "address")),
    ):
        assert query() == every and len(every) >= 3
        assert query.first(2, 0) == FirstPage(every[:2], len(every))
        assert not query.first(2, 0).whole
        assert query.first(2, len(every)) == FirstPage(every, len(every))  # short: read whole
        assert query.first(len(every) + 1, 0) == FirstPage(every, len(every))
    named = search.resident_id_query(db, search.ResidentQuery(text="独居"))
    assert named.first(1, 0) == FirstPage(named()[:1], 2)


def test_the_count_of_a_first_page_is_the_chosen_communitys(
    tmp_path: Path, templates: Templates
) -> None:
    """At the street: the count beside the first page is every community's, or the chosen
    one's (the read scope holds inside the counting subquery too)."""
    with street_with_communities(tmp_path, templates) as town:
        street, counts = town.street, dict[str | None, int]()
        for which in [None, *(c.node_id for c in town.communities)]:
            street.community = which
            query = search.resident_id_query(street, search.ResidentQuery())
            first = query.first(5, 0)
            assert first.ids == query()[:5] and first.total == len(query())
            counts[which] = first.total
        street.community = None
    assert counts[None] == sum(n for which, n in counts.items() if which) > 0
    assert len(set(counts.values())) > 2  # the communities differ
