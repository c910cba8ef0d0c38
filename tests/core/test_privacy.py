"""Issue 16 (privacy): a reveal of a full ID number or phone audited without the value, the
unmasked export audited."""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import select

from redoffice.kit import exports
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog
from redoffice.registry import access
from redoffice.registry.residents import get_resident
from tests.core.test_fund_applications import World, w

__all__ = ["w"]  # the fund's world fixture, imported


def _audits(db: Database, action: str) -> list[AuditLog]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action)))


def test_a_reveal_returns_the_value_and_audits_who_whose_and_which_field(
    db: Database, w: World
) -> None:
    person = w["applicant"]
    detail = get_resident(db, person)
    assert access.reveal(db, person, "id_number") == detail.data.id_number
    assert access.reveal(db, person, "phone") == detail.data.phone
    seen = _audits(db, "reveal")
    assert [(a.table_name, a.row_id) for a in seen] == [("resident", person)] * 2
    assert [orjson.loads(a.fields or "{}") for a in seen] == [
        {"field": "id_number"},
        {"field": "phone"},
    ]
    assert all(detail.data.id_number not in (a.fields or "") for a in seen)
    with pytest.raises(UserError):
        access.reveal(db, person, "name")  # only the two masked fields are revealed


def test_an_unmasked_export_without_accounts_is_allowed_and_audited(db: Database, w: World) -> None:
    assert exports.may_unmask(db)  # no accounts: the single implicit administrator
    exports.export_rows(db, "residents", unmasked=True)
    (entry,) = _audits(db, "export")
    assert orjson.loads(entry.fields or "{}") == {
        "unmasked": True,
        "rows": 3,
    }  # 王小明, 李芳, 赵大伟
