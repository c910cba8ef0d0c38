import json

import pytest
from sqlalchemy import select

from redoffice.kit import records
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.models import AuditLog, ChangeLog, Grid
from redoffice.registry import reference as registry
from redoffice.registry.reference import GridInput
from tests.factories import add_resident


def _changes(db: Database) -> list[ChangeLog]:
    with db.read() as s:
        return list(s.scalars(select(ChangeLog).order_by(ChangeLog.seq)))


def test_n_changes_make_n_contiguous_change_rows(db: Database) -> None:
    start = len(_changes(db))
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    registry.save_grid(db, GridInput(code="G01", name="一网格"), grid)
    records.set_deleted(db, "grid", grid, True)
    records.set_deleted(db, "grid", grid, False)
    rows = _changes(db)[start:]
    assert [r.op for r in rows] == ["upsert", "upsert", "delete", "upsert"]
    assert [r.version for r in rows] == [1, 2, 3, 4]
    assert [r.base_version for r in rows] == [0, 1, 2, 3]
    seqs = [r.seq for r in _changes(db)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert json.loads(rows[1].payload)["name"] == "一网格"


def test_rolled_back_action_leaves_no_change_or_audit_row(db: Database) -> None:
    with db.read() as s:
        audits = len(s.scalars(select(AuditLog)).all())
    before = len(_changes(db))
    add_resident(db, "王小明")
    with pytest.raises(ValidationFailed):
        add_resident(db, "王小明")  # same ID number
    with pytest.raises(RuntimeError), db.uow() as s:
        registry_grid = Grid(code="G9", name="九")
        s.add(registry_grid)
        s.flush()
        raise RuntimeError("power cut")
    assert len(_changes(db)) == before + 1
    with db.read() as s:
        assert len(s.scalars(select(AuditLog)).all()) == audits + 1


def test_audit_row_has_actor_and_before_after(db: Database) -> None:
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    db.actor = "李网格员"
    registry.save_grid(db, GridInput(code="G01", name="一网格"), grid)
    with db.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert last is not None
    assert (last.actor, last.action, last.table_name, last.row_id) == (
        "李网格员",
        "update",
        "grid",
        grid,
    )
    assert json.loads(last.before or "")["name"] == "第一网格"
    assert json.loads(last.after or "")["name"] == "一网格"


def test_unchanged_save_writes_nothing(db: Database) -> None:
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    before = len(_changes(db))
    registry.save_grid(db, GridInput(code="G01", name="第一网格"), grid)
    assert len(_changes(db)) == before


def test_duplicate_grid_code_is_refused(db: Database) -> None:
    registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    with pytest.raises(ValidationFailed) as info:
        registry.save_grid(db, GridInput(code="G01", name="重复"))
    assert info.value.for_field("code") == ["网格编码“G01”已被“第一网格”使用"]
