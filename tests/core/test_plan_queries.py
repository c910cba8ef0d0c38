"""The visit plan as a long list: ids in the order asked, rows by id, the same households as
``visits.visit_plan``."""

import pytest

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.visits import plan as plan_queries
from redoffice.visits import service as visits
from redoffice.visits.plan import PlanFilter

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


@pytest.fixture
def demo(demo_db: Database) -> Database:
    return demo_db


def test_ids_and_rows_are_the_visit_plan(demo: Database) -> None:
    plan = visits.visit_plan(demo)
    ids = plan_queries.plan_ids(demo, PlanFilter())
    assert ids == [d.household_id for d in plan] and len(ids) > 3
    assert plan_queries.plan_rows(demo, ids[::-1]) == plan[::-1]  # in the order asked
    today = clock.today()
    assert plan_queries.overdue_count(demo, PlanFilter()) == sum(d.due < today for d in plan)


def test_filters_and_sorts(demo: Database) -> None:
    plan = visits.visit_plan(demo)
    grid = plan[0].grid_id
    assert grid is not None
    in_grid = plan_queries.plan_ids(demo, PlanFilter(grid_id=grid))
    assert in_grid == [d.household_id for d in plan if d.grid_id == grid]
    street = plan[0].address[:3]
    found = plan_queries.plan_ids(demo, PlanFilter(text=street))
    assert found and set(found) == {d.household_id for d in plan if street in d.address}
    by_address = plan_queries.plan_rows(
        demo, plan_queries.plan_ids(demo, PlanFilter(), "address", descending=True)
    )
    addresses = [d.address for d in by_address]
    assert len(addresses) == len(plan) and addresses[0] >= addresses[-1]
    later = plan_queries.plan_ids(demo, PlanFilter(within_days=60))
    assert {d.household_id for d in plan} <= set(later)
    staff = registry.list_staff(demo)[0]
    mine = plan_queries.plan_ids(demo, PlanFilter(staff_id=staff.id))
    assert mine == [d.household_id for d in visits.visit_plan(demo, staff_id=staff.id)]


def test_nothing_due_lists_nothing(demo: Database) -> None:
    nowhere = PlanFilter(text="没有这个地址")
    assert plan_queries.plan_ids(demo, nowhere) == []
    assert plan_queries.plan_rows(demo, []) == []
    assert plan_queries.overdue_count(demo, nowhere) == 0
