"""The test databases themselves: PostgreSQL tests share one database, each inside a transaction
rolled back at its end; a test marked ``real_commits`` gets a database of its own, whose commits
other connections see (tests/core/conftest.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, Resident
from redoffice.registry import residents
from tests.factories import add_resident, setup_place


def _count(db: Database, model: type[Resident] | type[AuditLog]) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_starts_from_the_template(db: Database, turn: str) -> None:
    """Run twice on the one shared database: the second run sees nothing of the first."""
    assert _count(db, Resident) == 0
    audited = _count(db, AuditLog)
    _, _, household = setup_place(db)
    add_resident(db, f"王{turn}", household=household, relation="0")
    assert _count(db, Resident) == 1
    assert _count(db, AuditLog) > audited


def test_a_failed_unit_of_work_keeps_the_earlier_ones(db: Database) -> None:
    """A unit of work's rollback undoes its own savepoint only, not the test's transaction."""
    _, _, household = setup_place(db)
    rid = add_resident(db, "李一", household=household, relation="0")
    with pytest.raises(RuntimeError), db.uow() as s:
        row = s.get(Resident, rid)
        assert row is not None
        row.name = "张二"
        s.flush()
        raise RuntimeError("the action fails after writing")
    assert residents.get_resident(db, rid).data.name == "李一"


@pytest.mark.postgresql
@pytest.mark.real_commits
def test_an_edit_saved_elsewhere_meanwhile_is_refused(pg_db: Database) -> None:
    """Two connections, real commits: the edit that read the older version is refused, the
    other one kept (optimistic locking on ``version``)."""
    _, _, household = setup_place(pg_db)
    rid = add_resident(pg_db, "赵三", household=household, relation="0", phone="13800000001")
    other = open_database(pg_db.engine.url.render_as_string(hide_password=False))
    other.actor = pg_db.actor
    try:
        with pytest.raises(UserError) as info, pg_db.uow() as s:
            mine = s.get(Resident, rid)
            assert mine is not None
            mine.phone = "13800000002"
            theirs = residents.get_resident(other, rid).data
            residents.save_resident(other, replace(theirs, phone="13800000003"), rid)
        assert info.value.code == "record.changed_elsewhere"
        assert residents.get_resident(pg_db, rid).data.phone == "13800000003"
    finally:
        other.close()
