"""Issue 16, session 10: 基础数据 (grids, estates, organizations, the staff list) is the
administrators' (EDIT_BASE_DATA). An Excel import that would create the 网格 and 小区 it names
creates base data too: a 社区工作者 is refused in words and nothing is written; the 书记/管理员
imports the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Grid, Resident
from redoffice.registry import importer
from tests import excel_corpus as corpus

PASSWORD = "base-data-secret"


def _counts(db: Database) -> tuple[int, int]:
    with db.uow() as s:
        grids = s.scalar(select(func.count()).select_from(Grid))
        residents = s.scalar(select(func.count()).select_from(Resident))
    return int(grids or 0), int(residents or 0)


def test_an_import_creating_places_needs_the_base_data_permission(
    db: Database, tmp_path: Path
) -> None:
    accounts.add(db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(db, "wang", PASSWORD)
    accounts.add(db, "li", "李四", "worker", PASSWORD)
    accounts.login(db, "li", PASSWORD)
    before = _counts(db)
    options = importer.ImportOptions(create_places=True)
    plan = importer.plan_import(db, corpus.title_and_merged(tmp_path), options)
    assert plan.new_places.grids  # 第一网格 is not registered yet
    refused = (
        "李四，社区工作者）无权办理基础数据（网格、小区、单位、工作人员），请由书记/管理员办理"
    )
    with pytest.raises(UserError, match=refused):
        importer.apply_import(db, plan)
    assert _counts(db) == before
    accounts.login(db, "wang", PASSWORD)
    assert importer.apply_import(db, plan).new == 3
    assert _counts(db) > before
