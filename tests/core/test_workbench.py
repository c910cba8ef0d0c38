"""The 工作台 figures: for the whole community and for one worker."""

from datetime import timedelta

import pytest

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import clock
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from redoffice.workbench import queries as workbench
from tests.factories import setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def test_workbench_lists_and_counts(db: Database) -> None:
    grid, _estate, household = setup_place(db)
    other_grid = registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))
    elsewhere = save_household(db, HouseholdInput(address_text="胜利街9号", grid_id=other_grid))
    worker = registry.save_staff(
        db, registry.StaffInput(name="李网格员", role="grid_worker", grid_id=grid)
    )
    today = clock.today()
    visits.record_visit(
        db,
        VisitInput(
            household_id=household,
            visit_date=today - timedelta(days=200),
            visitor_ids=(worker,),
            purposes=("听民意",),
        ),
    )
    long_ago = utcnow() - timedelta(days=20)
    overdue = cases.create_case(
        db, CaseInput(category="物业服务", description="逾期", household_id=household), long_ago
    )
    urgent = cases.create_case(
        db,
        CaseInput(
            category="治安消防", description="紧急", urgency="urgent", household_id=elsewhere
        ),
        utcnow() - timedelta(hours=2),
    )
    closed = cases.create_case(
        db, CaseInput(category="物业服务", description="待回访", household_id=household)
    )
    cases.transition(db, closed, "in_progress")
    cases.transition(db, closed, "resolved", "已修好")

    w = workbench.workbench(db, today)
    assert [d.household_id for d in w.visits_overdue.items] == [household]
    assert [d.household_id for d in w.visits_due_week.items] == [elsewhere]  # never visited
    assert [c.id for c in w.cases_overdue.items] == [overdue]
    assert [c.id for c in w.cases_due_24h.items] == [urgent]
    assert [c.id for c in w.awaiting_callback.items] == [closed]
    loads = {g.label: g for g in w.by_grid}
    assert (loads["G01 第一网格"].visits_overdue, loads["G01 第一网格"].open_cases) == (1, 1)
    assert (loads["G01 第一网格"].overdue_cases, loads["G02 第二网格"].open_cases) == (1, 1)
    assert w.visits_per_month[-1][0] == f"{today.month}月" and len(w.visits_per_month) == 12
    assert sum(n for _, n in w.visits_per_month) == 1
    assert dict(w.cases_by_category) == {"物业服务": 2, "治安消防": 1}
    assert dict(w.cases_by_status) == {"受理": 2, "办理中": 0, "已办结": 1, "已回访": 0}

    mine = workbench.workbench(db, today, worker=worker)
    assert [c.id for c in mine.cases_overdue.items] == [overdue]
    assert mine.cases_due_24h.total == 0  # the urgent case is in the other grid
    assert mine.visits_due_week.total == 0
