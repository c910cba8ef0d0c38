"""Review 9 (issue 16: a 网格员 "sees and edits only the households of their own grids"), after
d245f52: the Excel import's Core bulk writes are checked at commit for EDIT_REGISTRY only
(accounts.guard._check_bulk), never for the grids — a 网格员 of 第二网格 imports a 台账 of
第一网格's households and residents. Fixed in session 10: the whole import is refused, naming
the first rows and their grid, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Resident
from redoffice.registry import importer
from redoffice.registry import reference as registry
from tests import excel_corpus as corpus
from tests.core.accounts_support import log_in_grid_worker
from tests.factories import setup_place


def _count(db: Database) -> int:
    with db.uow() as s:  # unscoped: every grid's residents
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def test_a_grid_worker_cannot_import_another_grids_households(db: Database, tmp_path: Path) -> None:
    setup_place(db)  # 第一网格
    log_in_grid_worker(db, registry.save_grid(db, registry.GridInput(code="G02", name="第二网格")))
    before = _count(db)
    plan = importer.plan_import(db, corpus.title_and_merged(tmp_path))  # 所属网格: 第一网格
    assert [r.action for r in plan.rows] == ["new"] * 3
    refused = r"第 \d+、\d+、\d+ 行的住户属于“第一网格”，不在赵网格负责的网格内.*未写入任何内容"
    with pytest.raises(UserError, match=refused):
        importer.apply_import(db, plan)
    assert _count(db) == before


def test_a_grid_worker_imports_their_own_grids_households(db: Database, tmp_path: Path) -> None:
    place = setup_place(db)
    log_in_grid_worker(db, place[0])
    before = _count(db)
    plan = importer.plan_import(db, corpus.title_and_merged(tmp_path))
    assert importer.apply_import(db, plan).new == 3
    assert _count(db) == before + 3
