"""Review 9 (issue 16): paths around accounts.guard (b66743e), the before_flush check that a
logged-in role holds EDIT_REGISTRY and that a 网格员 writes only their own grids' rows.

- It looks at a row's state *after* the change: a 网格员 moves another grid's resident into a
  household of their own grid (or sets another grid's household to their grid) and the check
  sees only "their" grid.
- It runs on the ORM flush only: the Excel import writes residents and households with Core
  bulk inserts (kit.changes.insert_records), so a 出纳 (no EDIT_REGISTRY) imports a 台账."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Grid, Household, Resident
from redoffice.registry import importer
from redoffice.registry.residents import move_resident
from tests import excel_corpus as corpus
from tests.core.accounts_support import log_in, log_in_grid_worker
from tests.factories import setup_place


def _grid_worker(db: Database) -> tuple[str, str]:
    """Log in a 网格员 of the first grid; (a household of theirs, a resident of another grid)."""
    with db.read() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        own = s.scalars(select(Household.id).where(Household.grid_id == grid.id).limit(1)).one()
        stranger = s.scalars(
            select(Resident.id)
            .join(Household, Resident.household_id == Household.id)
            .where(Household.grid_id != grid.id, Resident.deleted.is_(False))
            .where(Resident.relation != "0")  # not a 户主: a plain move
            .limit(1)
        ).one()
    log_in_grid_worker(db, grid.id)
    return own, stranger


def test_a_grid_worker_cannot_take_another_grids_resident_into_theirs(
    demo_db: Database,
) -> None:
    own, stranger = _grid_worker(demo_db)
    with demo_db.uow() as s:
        row = s.get(Resident, stranger)
        assert row is not None
        before = row.household_id
    with pytest.raises(UserError):
        move_resident(demo_db, stranger, own, "9")
    with demo_db.uow() as s:
        row = s.get(Resident, stranger)
        assert row is not None and row.household_id == before


def test_a_cashier_cannot_import_residents(db: Database, tmp_path: Path) -> None:
    setup_place(db)
    log_in(db, "chuna", "cashier")
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Resident))
    plan = importer.plan_import(db, corpus.title_and_merged(tmp_path))
    assert [r.action for r in plan.rows] == ["new"] * 3
    with pytest.raises(UserError):
        importer.apply_import(db, plan)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == before
