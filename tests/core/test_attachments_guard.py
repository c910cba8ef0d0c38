"""Review 10 (issue 16): a photo or scan added to a record needs that record's permission
(accounts/guard.ATTACHED): a 网格员 adds them to the visits of their own grids only, and to no
三方联席会议; the refusal says so, and nothing is attached."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.attachments import service as attachments
from redoffice.kit.blobs import store_of
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Attachment, Household, Meeting, Visit
from tests.core.test_accounts_grid_leader import log_in_a_leader

SCAN = b"%PDF-1.4\n scan \n%%EOF\n"


def _attached(db: Database, owner_id: str) -> int:
    with db.read() as s:
        found = select(func.count()).select_from(Attachment)
        return int(s.scalar(found.where(Attachment.owner_id == owner_id)) or 0)


def _visit(db: Database, grid_id: str, *, inside: bool) -> str:
    with db.uow() as s:  # unscoped
        ours = Household.grid_id == grid_id if inside else Household.grid_id != grid_id
        found = select(Visit.id).join(Household, Household.id == Visit.household_id)
        return str(s.scalars(found.where(ours, Visit.deleted.is_(False)).limit(1)).one())


def test_a_grid_worker_attaches_to_the_visits_of_their_grids_only(
    demo_db: Database, tmp_path: Path
) -> None:
    scan = tmp_path / "走访照片.pdf"
    scan.write_bytes(SCAN)
    grid = log_in_a_leader(demo_db)
    own, other = _visit(demo_db, grid.id, inside=True), _visit(demo_db, grid.id, inside=False)
    attachments.add(demo_db, "visit", own, (scan,))
    assert _attached(demo_db, own) == 1
    with pytest.raises(UserError, match="网格员"):
        attachments.add(demo_db, "visit", other, (scan,))
    assert _attached(demo_db, other) == 0


def test_a_grid_worker_cannot_attach_to_a_meeting(demo_db: Database, tmp_path: Path) -> None:
    scan = tmp_path / "会议纪要.pdf"
    scan.write_bytes(SCAN)
    with demo_db.read() as s:
        meeting = str(s.scalars(select(Meeting.id).limit(1)).one())
    log_in_a_leader(demo_db)
    with pytest.raises(UserError, match="三方联席会议的附件"):
        attachments.add(demo_db, "meeting", meeting, (scan,))
    assert _attached(demo_db, meeting) == 0
    assert not store_of(demo_db).has(hashlib.sha256(SCAN).hexdigest())  # no file left either
