"""Rows arriving by sync leave the street's derived data right (decision 0019), on SQLite and
on a PostgreSQL street office: the visit state (last visit, interval, due date) of the
community's households equals the community's own after each package — a visit recorded, a
tagged resident moving to another household, a visit deleted — and the residents are found by
name (the full-text index on SQLite)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.models import HouseholdVisitState, Visit
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput, move_resident
from redoffice.registry.search import ResidentQuery, search_residents
from redoffice.sync import acks, packages
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.core.test_sync_faults import Pair, pair  # noqa: F401
from tests.factories import add_resident


@pytest.fixture
def p(pair: Pair) -> Pair:  # noqa: F811
    return pair


def _state(db: Database, households: list[str]) -> dict[str, Any]:
    with db.read() as s:
        return {
            r.household_id: (r.grid_id, r.last_visit_date, r.interval_days, r.due_date)
            for r in s.scalars(
                select(HouseholdVisitState).where(HouseholdVisitState.household_id.in_(households))
            )
        }


def _send(p: Pair) -> None:
    got = packages.import_package(p.s, p.export())
    assert got.status == packages.APPLIED, got.reason
    acks.import_ack(p.c, Path(got.ack))


def test_the_visit_state_and_search_follow_the_rows(p: Pair) -> None:
    c = p.c
    with c.read() as s:
        grid = s.scalars(select(HouseholdVisitState.grid_id)).first()
    other = save_household(
        c, HouseholdInput(estate_id=None, address_text="解放路散居5号", grid_id=grid)
    )
    alone = add_resident(
        c, "独居老人", household=p.household, seq=7, tags=(TagInput(tag="living_alone"),)
    )
    staff = registry.save_staff(c, registry.StaffInput(name="李网格员", role="grid_worker"))
    visit = visits.record_visit(
        c,
        VisitInput(
            household_id=p.household,
            visit_date=date(2027, 3, 10),
            visitor_ids=(staff,),
            purposes=("听民意",),
        ),
    )
    homes = [p.household, other]
    _send(p)
    assert _state(p.s, homes) == _state(c, homes) and len(_state(c, homes)) == 2
    found = search_residents(p.s, ResidentQuery(text="独居老人"))
    assert [r.id for r in found] == [alone]
    # the tagged resident moves: both households' intervals change
    move_resident(c, alone, other, "1")
    _send(p)
    assert _state(p.s, homes) == _state(c, homes)
    assert _state(p.s, homes)[other][2] < _state(p.s, homes)[p.household][2]
    # the visit is deleted: the household is due again as never visited
    with c.uow() as s:
        row = s.get(Visit, visit)
        assert row is not None
        row.deleted = True
    _send(p)
    assert _state(p.s, homes) == _state(c, homes)
    assert _state(p.s, homes)[p.household][1] is None
