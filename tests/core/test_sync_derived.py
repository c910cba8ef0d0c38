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

from redoffice.kit.db import Database, open_database
from redoffice.models import HouseholdVisitState, Visit
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput, move_resident
from redoffice.registry.search import ResidentQuery, search_residents
from redoffice.settings import community
from redoffice.settings.community import Identity
from redoffice.sync import acks, derived, packages
from redoffice.visits import service as visits
from redoffice.visits import state as visit_state
from redoffice.visits.service import VisitInput
from tests.conftest import OPERATOR
from tests.core.sync_support import enrol_both
from tests.core.test_sync_faults import Pair, pair  # noqa: F401
from tests.factories import add_resident, setup_place


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


def _visited(db: Database, household: str) -> str:
    staff = registry.save_staff(db, registry.StaffInput(name="李网格员", role="grid_worker"))
    return visits.record_visit(
        db,
        VisitInput(
            household_id=household,
            visit_date=date(2027, 3, 10),
            visitor_ids=(staff,),
            purposes=("听民意",),
        ),
    )


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
    visit = _visited(c, p.household)
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


def _homes(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(HouseholdVisitState.household_id)))


def test_a_communitys_package_recomputes_its_households_only(
    p: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    _visited(p.c, p.household)
    _send(p)
    first = _homes(p.c)
    second = open_database(f"sqlite:///{p.tmp / 'second.sqlite'}", create=True)
    try:
        community.initialize(
            second, Identity("和平社区", "420106001002", "中南路街道", "420106001"), OPERATOR
        )
        second.actor = OPERATOR
        (p.tmp / "enrol2").mkdir()
        enrol_both(second, p.s, p.tmp / "enrol2")
        _g, _e, home = setup_place(second)
        add_resident(
            second, "独居老人", household=home, seq=1, tags=(TagInput(tag="living_alone"),)
        )
        recomputed: list[str] = []
        recompute = derived.visit_state.recompute

        def spied(conn: Any, ids: visit_state.Households, today: date) -> None:
            assert ids is not None  # never every household of the street
            recomputed.extend(ids if isinstance(ids, set) else conn.scalars(ids))  # read once
            recompute(conn, ids, today)

        monkeypatch.setattr(derived.visit_state, "recompute", spied)
        got = packages.import_package(p.s, p.usb / packages.export_package(second, p.usb).file)
        assert got.status == packages.APPLIED, got.reason
        ours = _homes(second)
        assert sorted(recomputed) == sorted(ours) and not set(recomputed) & set(first)
        assert _state(p.s, first) == _state(p.c, first) and len(_state(p.s, first)) == len(first)
        assert (
            _state(p.s, ours) == _state(second, ours)
            and _state(p.s, ours)[home][2] < _state(p.s, first)[p.household][2]
        )
    finally:
        second.close()
