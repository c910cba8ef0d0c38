"""Issue 16 (privacy): erasure of a person the fund paid keeps the ledger's amounts and dates
with the name replaced (the ledger still verifies, a later change is still found), and erasure
refused in words where a law requires the record."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from redoffice.fund import ledger
from redoffice.kit import clock
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, Base, FundApplication, FundEntry, Resident
from redoffice.registry import erasure
from redoffice.registry.residents import TagInput, get_resident, save_resident
from tests.core.test_fund_applications import World, _to, w

__all__ = ["w"]  # the fund's world fixture, imported


def _audits(db: Database, action: str) -> list[AuditLog]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action)))


def _entry_of(db: Database, app: str) -> FundEntry:
    with db.read() as s:
        entry = s.scalars(select(FundEntry).where(FundEntry.application_id == app)).one()
        s.expunge(entry)
        return entry


def test_erasure_keeps_the_fund_ledger_amount_and_date_with_the_name_replaced(
    db: Database, w: World
) -> None:
    app = _to(db, w, "paid")
    before = _entry_of(db, app)
    assert before.counterparty == "王小明"
    erasure.erase_resident(db, w["applicant"], "本人申请删除")
    after = _entry_of(db, app)
    assert after.counterparty == ERASED_NAME
    assert (after.amount, after.entry_date, after.balance_after) == (
        before.amount,
        before.entry_date,
        before.balance_after,
    )
    assert bytes(after.hash) == bytes(before.hash)  # the chain is not rewritten
    with db.read() as s:
        application = s.get(FundApplication, app)
        assert application is not None
        assert application.reason == ERASED_NAME
        assert application.amount_approved == 80000
    assert ledger.verify(db).ok
    fields = [a.fields or "" for a in _audits(db, "erase")]
    assert not any("王小明" in f or "重病" in f for f in fields)
    with db.uow() as s:  # a later change of the erased entry is still found
        table = Base.metadata.tables["fund_entry"]
        s.connection().execute(update(table).where(table.c.id == after.id).values(amount=-1))
    found = ledger.verify(db)
    assert (found.ok, found.problem_code) == (False, "fund.verify.changed")


def _person(db: Database, resident_id: str) -> Resident:
    with db.read() as s:
        row = s.get(Resident, resident_id)
        assert row is not None
        s.expunge(row)
        return row


def test_erasure_is_refused_while_a_fund_application_is_being_handled(
    db: Database, w: World
) -> None:
    _to(db, w, "on_notice")
    with pytest.raises(UserError) as refused:
        erasure.erase_resident(db, w["applicant"], "本人申请删除")
    assert "社会救助暂行办法" in refused.value.text and "尚未办结" in refused.value.text
    assert _person(db, w["applicant"]).name == "王小明"
    assert _audits(db, "erase") == []


def test_erasure_is_refused_during_community_correction_and_allowed_after(
    db: Database, w: World
) -> None:
    person = w["neighbour"]
    data = get_resident(db, person).data
    today = clock.today()
    ends = today + timedelta(days=30)
    save_resident(
        db,
        replace(data, tags=(TagInput("community_correction", today, ends, ""),)),
        person,
    )
    with pytest.raises(UserError) as refused:
        erasure.erase_resident(db, person, "本人申请删除")
    assert "社区矫正法" in refused.value.text
    clock.set_today(ends + timedelta(days=1))  # the correction has ended
    erasure.erase_resident(db, person, "本人申请删除")
    assert _person(db, person).name == ERASED_NAME
