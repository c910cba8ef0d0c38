"""Issue 16 (privacy): a reveal of a full ID number or phone audited without the value, the
unmasked export audited; each role logged in reveals, exports unmasked, erases and answers a
data-subject request only as the accounts' permission table says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import orjson
import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, Permission, allowed
from redoffice.audit import history
from redoffice.cli import main as cli
from redoffice.cli.accounts import PASSWORD_ENV
from redoffice.kit import exports
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog, Resident
from redoffice.registry import access, erasure, subject_request
from redoffice.registry.residents import get_resident, save_resident
from tests.core.test_accounts import PASSWORD
from tests.core.test_cli import dbfile
from tests.core.test_fund_applications import TODAY, World, w

__all__ = ["dbfile", "w"]  # fixtures, imported (the CLI demo file, the fund's world)


def _audits(db: Database, action: str) -> list[AuditLog]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action)))


PHONE = "13812345678"


def _with_phone(db: Database, person: str) -> None:
    data = get_resident(db, person).data
    save_resident(db, replace(data, phone=PHONE), person)


def test_a_reveal_returns_the_value_and_audits_who_whose_and_which_field(
    db: Database, w: World
) -> None:
    person = w["applicant"]
    _with_phone(db, person)
    detail = get_resident(db, person)
    assert access.reveal(db, "resident", person, "id_number") == detail.data.id_number
    assert access.reveal(db, "resident", person, "phone") == PHONE
    seen = _audits(db, "reveal")
    assert [(a.table_name, a.row_id) for a in seen] == [("resident", person)] * 2
    assert [orjson.loads(a.fields or "{}") for a in seen] == [
        {"field": "id_number"},
        {"field": "phone"},
    ]
    assert all(detail.data.id_number not in (a.fields or "") for a in seen)
    assert all(PHONE not in (a.fields or "") for a in seen)
    with pytest.raises(UserError):
        access.reveal(db, "resident", person, "name")  # only the two masked fields are revealed


def test_an_unmasked_export_without_accounts_is_allowed_and_audited(db: Database, w: World) -> None:
    assert exports.may_unmask(db)  # no accounts: the single implicit administrator
    exports.export_rows(db, "residents", unmasked=True)
    (entry,) = _audits(db, "export")
    assert orjson.loads(entry.fields or "{}") == {
        "unmasked": True,
        "rows": 3,
    }  # 王小明, 李芳, 赵大伟


def _logged_in(db: Database, role: str) -> None:
    """Accounts for an administrator and ``role``; ``role``'s logged in."""
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    if role != "admin":
        accounts.add(db, role, f"{ROLES[role]}甲", role, PASSWORD)
        accounts.login(db, role, PASSWORD)


def _refused(code: str, call: Callable[..., object], *args: object, **kw: object) -> None:
    with pytest.raises(UserError) as refused:
        call(*args, **kw)
    assert refused.value.code == code


@pytest.mark.parametrize("role", ["admin", "worker", "accountant", "cashier"])
def test_each_role_reveals_and_exports_as_the_permission_table_says(
    db: Database, w: World, role: str
) -> None:
    person = w["applicant"]
    _with_phone(db, person)
    _logged_in(db, role)
    data = get_resident(db, person).data
    for field, permission in access.REVEALABLE.items():
        if allowed(role, permission):
            assert access.reveal(db, "resident", person, field) == getattr(data, field)
        else:
            _refused("privacy.not_allowed", access.reveal, db, "resident", person, field)
    revealed = [orjson.loads(a.fields or "{}")["field"] for a in _audits(db, "reveal")]
    assert revealed == [f for f, p in access.REVEALABLE.items() if allowed(role, p)]
    assert all(a.actor == f"{ROLES[role]}甲" for a in _audits(db, "reveal") if role != "admin")
    masked = exports.export_rows(db, "residents")  # masked: every role
    assert masked.count == 3
    full = allowed(role, Permission.EXPORT_UNMASKED)
    assert exports.may_unmask(db) is full
    if full:
        exports.export_rows(db, "residents", unmasked=True)
    else:
        _refused("privacy.not_allowed", exports.export_rows, db, "residents", unmasked=True)
    assert len(_audits(db, "export")) == int(full)
    if not allowed(role, Permission.ERASE_PERSONAL):
        _refused("privacy.subject_not_allowed", erasure.erase_resident, db, person, "本人申请")
        _refused("privacy.subject_not_allowed", subject_request.subject_answer, db, person, TODAY)


def test_the_change_history_lists_reveals_and_the_erasure_without_values(
    db: Database, w: World
) -> None:
    person = w["spouse"]
    _with_phone(db, person)
    access.reveal(db, "resident", person, "phone")
    erasure.erase_resident(db, person, "本人申请删除")
    entries = history.history(db, "resident", person)
    noted = [(e.action, [c.new for c in e.changes]) for e in entries[-2:]]
    assert noted == [("查看完整信息", ["显示完整联系电话"]), ("清除个人信息", ["本人申请删除"])]
    assert not any(PHONE in c.new or PHONE in c.old for e in entries for c in e.changes)


def test_the_cli_refuses_a_cashier_the_full_export_the_subject_export_and_erasure(
    dbfile: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(f"sqlite:///{dbfile}")
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    accounts.add(db, "chuna", "周出纳", "cashier", PASSWORD)
    with db.read() as s:
        person = s.scalars(select(Resident.id).limit(1)).one()
    db.close()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    out = tmp_path / "居民.xlsx"
    as_cashier = ["--db", str(dbfile), "--user", "chuna"]
    for command in (
        ["export-excel", "residents", str(out), "--unmasked"],
        ["resident", "subject-export", person, "--out", str(tmp_path / "查询")],
        ["resident", "erase", person, "--reason", "本人申请删除"],
    ):
        capsys.readouterr()
        assert cli([*as_cashier, *command]) == 1
        assert "当前登录账号的角色无权" in capsys.readouterr().err
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob("*.pdf")) == []
    assert cli([*as_cashier, "export-excel", "residents", str(out)]) == 0  # masked: allowed
    assert out.exists()
