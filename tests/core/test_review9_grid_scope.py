"""Review 9 (issue 16): a 网格员 "sees and edits only the households of their own grids".

The grid scope (kit/scope.py) rides on read sessions only (``db.read()``); everything that goes
through ``db.uow()`` — reveal, edits — is unscoped, so a 网格员 reached another grid's rows. The
edit is refused since accounts.guard (b66743e): that test now pins the fix."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Grid, Household, Resident
from redoffice.registry import access
from redoffice.registry.residents import get_resident, resident_input, save_resident
from tests.core.accounts_support import log_in_grid_worker


def _grid_worker_and_a_stranger(db: Database) -> str:
    """Log in a 网格员 of the first grid; return a resident of another grid (phone set)."""
    with db.read() as s:
        grid = s.scalars(select(Grid).order_by(Grid.name).limit(1)).one()
        stranger = s.scalars(
            select(Resident.id)
            .join(Household, Resident.household_id == Household.id)
            .where(Household.grid_id != grid.id, Resident.deleted.is_(False))
            .limit(1)
        ).one()
    data = get_resident(db, stranger).data
    save_resident(db, replace(data, phone="13912345678"), stranger)
    log_in_grid_worker(db, grid.id)
    with db.read() as s:  # the scope works for lists: the stranger is not seen
        assert s.get(Resident, stranger) is None or stranger not in set(
            s.scalars(select(Resident.id))
        )
    return stranger


def test_a_grid_worker_cannot_reveal_another_grids_resident(demo_db: Database) -> None:
    stranger = _grid_worker_and_a_stranger(demo_db)
    with pytest.raises(UserError):
        access.reveal(demo_db, "resident", stranger, "phone")


def test_a_grid_worker_cannot_edit_another_grids_resident(demo_db: Database) -> None:
    stranger = _grid_worker_and_a_stranger(demo_db)
    with demo_db.uow() as s:  # unscoped: the record as it stands
        row = s.get(Resident, stranger)
        assert row is not None
        before = resident_input(s, row)
    with pytest.raises(UserError):
        save_resident(demo_db, replace(before, notes="网格员改了别的网格的居民"), stranger)
    with demo_db.uow() as s:
        row = s.get(Resident, stranger)
        assert row is not None
        assert row.notes == before.notes
