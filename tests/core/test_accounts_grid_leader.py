"""Issue 16, session 10 (QA): a 网格员 whose staff row leads a grid (``grid.leader_id``) but is not
linked to it by ``staff.grid`` saw no resident, and their 工作台 showed the whole community. A
网格员's grids are the one their staff row belongs to and those they lead; their 工作台 is “我的”,
figures and lists alike."""

from __future__ import annotations

from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.models import Grid, Household, Staff
from redoffice.registry import search, stats
from redoffice.workbench import queries as workbench

PASSWORD = "leader-secret"


def log_in_a_leader(db: Database) -> Grid:
    """赵网格 leads the first grid (no ``staff.grid``) and is logged in as its 网格员."""
    with db.uow() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        staff = Staff(name="赵网格", role="grid_worker", grid_id=None)
        s.add(staff)
        s.flush()
        grid.leader_id = staff.id
        staff_id = staff.id
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff_id=staff_id)
    accounts.login(db, "zhao", PASSWORD)
    with db.uow() as s:
        found = s.get(Grid, grid.id)
        assert found is not None
        s.expunge(found)
        return found


def _households_of(db: Database, grid_id: str) -> int:
    with db.uow() as s:  # unscoped
        return int(
            s.scalar(
                select(func.count())
                .select_from(Household)
                .where(Household.grid_id == grid_id, Household.deleted.is_(False))
            )
            or 0
        )


def test_a_grid_leader_sees_the_residents_of_the_grid_they_lead(demo_db: Database) -> None:
    grid = log_in_a_leader(demo_db)
    assert demo_db.user is not None and demo_db.user.grids == frozenset({grid.id})
    residents = search.resident_rows(demo_db, search.resident_ids(demo_db, search.ResidentQuery()))
    assert residents and {r.grid for r in residents} == {grid.name}


def test_a_grid_workers_workbench_is_their_own_whatever_is_asked(demo_db: Database) -> None:
    whole = workbench.workbench(demo_db)
    grid = log_in_a_leader(demo_db)
    mine = workbench.workbench(demo_db)  # no worker asked: still theirs
    assert [g.grid_id for g in mine.by_grid] == [grid.id]
    assert mine.by_grid[0].households == _households_of(demo_db, grid.id)
    assert mine.visits_overdue.total < whole.visits_overdue.total
    assert sum(n for _, n in mine.visits_per_month) < sum(n for _, n in whole.visits_per_month)
    scope = workbench.operator_scope(demo_db)
    assert (scope.operator, scope.whole_community) == ("赵网格", False)
    registry = stats.registry_stats(demo_db)
    assert registry.households == _households_of(demo_db, grid.id)
