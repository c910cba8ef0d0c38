"""The derived due dates stay right whatever changes them: visits recorded, deleted or
restored, residents tagged or moved, households re-gridded, interval rules changed, a new day."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from redoffice.kit import clock, records
from redoffice.kit.db import Database
from redoffice.models import HouseholdVisitState
from redoffice.registry import reference as registry
from redoffice.registry import residents
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput
from redoffice.settings import config
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = clock.today()


def _state(db: Database, household: str) -> tuple[date | None, int, date, str | None]:
    with db.read() as s:
        row = s.scalars(
            select(HouseholdVisitState).where(HouseholdVisitState.household_id == household)
        ).one()
        return row.last_visit_date, row.interval_days, row.due_date, row.grid_id


def test_due_dates_follow_every_change(db: Database) -> None:
    grid, estate, household = setup_place(db)
    staff = registry.save_staff(db, registry.StaffInput(name="李网格员", role="grid_worker"))
    assert _state(db, household) == (None, 182, TODAY, grid)  # never visited: due today

    visit = visits.record_visit(
        db,
        VisitInput(household, TODAY - timedelta(days=10), (staff,), ("听民意",)),
    )
    assert _state(db, household)[2] == TODAY + timedelta(days=172)

    elder = add_resident(db, "独居老人", household=household, relation="0")
    assert _state(db, household)[2] == TODAY + timedelta(days=172)
    detail = residents.get_resident(db, elder)
    residents.save_resident(db, replace(detail.data, tags=(TagInput("living_alone"),)), elder)
    assert _state(db, household)[1:3] == (30, TODAY + timedelta(days=20))

    other = save_household(db, HouseholdInput(address_text="胜利街9号"))
    residents.move_resident(db, elder, other, "0")
    assert _state(db, household)[1] == 182
    assert _state(db, other)[1:3] == (30, TODAY)

    config.update(db, {"visit.intervals": {"living_alone": 14, "*": 100}})
    assert _state(db, other)[1] == 14 and _state(db, household)[1] == 100

    records.set_deleted(db, "visit", visit, True)
    assert _state(db, household)[0] is None and _state(db, household)[2] == TODAY
    records.set_deleted(db, "visit", visit, False)
    assert _state(db, household)[0] == TODAY - timedelta(days=10)

    new_grid = registry.save_grid(db, registry.GridInput(code="G09", name="第九网格"))
    save_household(
        db,
        HouseholdInput(estate_id=estate, building="3", unit="2", room="301", grid_id=new_grid),
        household,
    )
    assert _state(db, household)[3] == new_grid

    records.set_deleted(db, "household", other, True)
    assert other not in {d.household_id for d in visits.visit_plan(db, TODAY, within_days=400)}


def test_a_new_day_recomputes_everything(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    add_resident(
        db,
        "将满期",
        household=household,
        relation="0",
        tags=(TagInput("living_alone", until=TODAY + timedelta(days=3)),),
    )
    assert _state(db, household)[1] == 30
    later = TODAY + timedelta(days=5)  # the tag has ended by then
    assert visits.bring_plan_current(db, later)  # the new day, brought in by a write
    (due,) = visits.visit_plan(db, later)
    assert (due.interval_days, due.due) == (182, later)
    assert _state(db, household)[1] == 182
