"""Review 10 (issue 16, a 网格员's import): the import's plan reads the registry through the
网格员's scope (registry/importer._match_registry in ``db.read()``), so a person registered in
another grid is invisible to it and their row is planned as 新增. Applying it then inserts a
second resident with the same ID number: SQLite's UNIQUE (owner_node, id_number) fails and the
clerk gets 程序内部错误 (a raw IntegrityError) — for an ordinary 台账 that lists someone who
moved in from the neighbouring grid. Expected: refused in words, nothing written (as the form
does: 该身份证号已登记…)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import Resident
from redoffice.registry import importer
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import ResidentInput, save_resident
from tests.core.accounts_support import log_in_grid_worker
from tests.factories import add_resident, id_number, setup_place


def _count(db: Database) -> int:
    with db.uow() as s:  # unscoped: every grid's residents
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def _grid_worker_beside(db: Database) -> tuple[str, str]:
    """王小明 in 第一网格; 赵网格, 网格员 of 第二网格, logged in: (第二网格, his number)."""
    _grid, _estate, household = setup_place(db)  # 第一网格
    add_resident(db, "王小明", household=household, relation="0")
    second = registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))
    log_in_grid_worker(db, second)
    return second, id_number(date(1980, 5, 17), "male", seq=12)  # 王小明's


def _ledger(tmp_path: Path, number: str) -> Path:
    ledger = tmp_path / "第二网格台账.csv"
    ledger.write_text(
        f"姓名,公民身份号码,住址,与户主关系,所属网格\n王小明,{number},胜利街9号,户主,第二网格\n",
        encoding="utf-8",
    )
    return ledger


def test_a_grid_workers_row_for_a_person_of_another_grid_is_refused_in_words(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db = sqlite_db
    _second, number = _grid_worker_beside(db)
    before = _count(db)
    refused = r"第 2 行的住户属于“第一网格”，不在赵网格负责的网格内"
    with pytest.raises(UserError, match=refused):  # at the plan or at the apply, in words
        importer.apply_import(db, importer.plan_import(db, _ledger(tmp_path, number)))
    assert _count(db) == before


def test_a_grid_worker_is_not_told_the_name_of_another_grids_person(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """Refusing registered numbers (the import's 报错 choice) or typing one in the form says
    the number is registered in another grid, without the person's name."""
    db = sqlite_db
    second, number = _grid_worker_beside(db)
    options = importer.ImportOptions(on_duplicate="error")
    plan = importer.plan_import(db, _ledger(tmp_path, number), options)
    assert [e.message for r in plan.rows for e in r.errors] == ["该身份证号已登记在其他网格"]
    home = save_household(db, HouseholdInput(address_text="胜利街9号", grid_id=second))
    person = ResidentInput(name="王小明", id_number=number, household_id=home, relation="0")
    with pytest.raises(ValidationFailed) as refused:
        save_resident(db, person)
    assert "该身份证号已登记在其他网格" in refused.value.text
    assert "王小明" not in refused.value.text
