"""Erasure (PIPL) travelling as a purge (decision 0019). Community: ``erase_resident`` blanks the
personal fields and keeps the record, audited with the reason and without the old values, from
the command line too. Street (SQLite and PostgreSQL): the blanked row arrives, the copies the
street kept (a conflict's local copy) are blanked as well, and a later copy carrying personal
information again is refused and listed, the rest of its package applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.cli import main
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, Resident, SyncConflict, SyncPurge
from redoffice.registry.erasure import ERASED_NAME, erase_resident
from redoffice.sync import acks, conflicts, packages
from tests.core.test_sync_faults import Pair, pair  # noqa: F401
from tests.factories import add_resident


@pytest.fixture
def p(pair: Pair) -> Pair:  # noqa: F811
    return pair


def _resident(p: Pair) -> str:
    with p.c.read() as s:
        return str(s.scalars(select(Resident.id)).one())


def _send(p: Pair) -> packages.Imported:
    got = packages.import_package(p.s, p.export())
    assert got.status == packages.APPLIED, got.reason
    acks.import_ack(p.c, Path(got.ack))
    return got


def test_erasure_blanks_the_person_keeps_the_record_and_says_why(p: Pair) -> None:
    person = _resident(p)
    with p.c.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        row.phone, row.notes = "13912345678", "腿脚不便"
        version, seq = row.version, row.sync_seq
    with pytest.raises(UserError, match="原因"):
        erase_resident(p.c, person, "  ")
    erase_resident(p.c, person, "本人申请删除")
    with p.c.read() as s:
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME and not row.deleted
        assert (row.id_number, row.birth_date, row.phone, row.notes) == (None, None, "", "")
        assert row.search_name == "" and row.household_id == p.household
        assert row.version == version + 1 + 1 and row.sync_seq > seq
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "erase")).one()
        assert entry.row_id == person and "本人申请删除" in (entry.fields or "")
        after = s.scalars(select(AuditLog).where(AuditLog.id >= entry.id)).all()
        assert not any("李四" in (e.fields or "") or "1391234" in (e.fields or "") for e in after)
    with pytest.raises(UserError, match="已经清除过"):
        erase_resident(p.c, person, "再来一次")


def test_erasure_from_the_command_line(p: Pair) -> None:
    person = _resident(p)
    path = p.c.engine.url.database
    assert path
    argv = ["--db", path, "resident", "erase", person]
    assert main([*argv, "--reason", "本人申请删除"]) == 0
    with p.c.read() as s:
        assert s.get(Resident, person).name == ERASED_NAME  # type: ignore[union-attr]
    assert main([*argv, "--reason", "再来一次"]) == 1


def test_the_street_blanks_the_same_fields_and_refuses_them_back(p: Pair) -> None:
    person = _resident(p)
    _send(p)
    with p.s.uow() as s:  # a street clerk had edited the resident: a conflict copy is kept
        row = s.get(Resident, person)
        assert row is not None
        row.notes = "街道记下的病情"
    with p.c.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        row.notes = "社区改的"
    _send(p)
    with p.s.read() as s:
        kept = s.scalars(select(SyncConflict)).one()
        assert "街道记下的病情" in kept.local_row
    erase_resident(p.c, person, "本人申请删除")
    _send(p)
    with p.s.read() as s:
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME and row.id_number is None
        assert s.get(SyncPurge, ("resident", person)) is not None
        kept = s.scalars(select(SyncConflict)).one()
        assert "街道记下的病情" not in kept.local_row and "李四" not in kept.local_row
    # the community's database brings the person back (a restored copy, a careless edit)
    with p.c.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        row.name, row.phone = "李四", "13912345678"
    add_resident(p.c, "王五", household=p.household, seq=2)
    got = _send(p)
    assert [(x["row_id"], x.get("purged")) for x in got.conflicts] == [(person, True)]
    assert got.records == 1  # 王五 applied
    with p.s.read() as s:
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME and row.phone == ""
        names = set(s.scalars(select(Resident.name)))
        assert "王五" in names and "李四" not in names
    refused = [c for c in conflicts.open_conflicts(p.s) if c.row_id == person]
    assert refused and all("李四" not in str(c.local_row) for c in refused)
    assert any("个人信息" in c.resolution for c in refused)
