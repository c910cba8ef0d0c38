"""Review 9 (issue 16): backups as a path around the roles.

- 备份到… / ``backup create --to FILE`` (kit.backups.backup_to) writes a full, unmasked copy of
  the whole database (every grid's residents, full ID numbers and phones) wherever asked, for
  any logged-in role: a 出纳 or a 网格员 carries everything away that an export would mask for
  them (EXPORT_UNMASKED) — no permission was asked. Now EXPORT_UNMASKED is required
  (decision 0030) and the copy is audited.
- ``redoffice-cli backup restore`` is a ``file_handler``, run before the sign-in: without any
  ``--user`` it replaces the database — with a copy made before the accounts existed, the
  office's logins are gone and every command runs again as the implicit administrator."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.cli import main as cli
from redoffice.kit import backups
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog
from tests.core.test_cli import INIT
from tests.factories import add_resident, setup_place

PASSWORD = "review9-secret"


def test_a_cashier_cannot_copy_the_whole_database_away(sqlite_db: Database, tmp_path: Path) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    accounts.add(sqlite_db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(sqlite_db, "admin", PASSWORD)
    accounts.add(sqlite_db, "chuna", "周出纳", "cashier", PASSWORD)
    accounts.login(sqlite_db, "chuna", PASSWORD)
    stick = tmp_path / "u盘" / "全部.sqlite"
    with pytest.raises(UserError, match="完整身份证号") as refused:
        backups.backup_to(sqlite_db, stick)
    assert "未写入任何文件" in refused.value.text
    assert not stick.parent.exists()
    assert not backups.may_back_up_to(sqlite_db)
    accounts.login(sqlite_db, "admin", PASSWORD)
    assert backups.may_back_up_to(sqlite_db)
    assert dict(backups.backup_to(sqlite_db, stick).counts)["居民"] == 1
    with sqlite_db.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "backup_to")).one()
    assert entry.actor == "王书记" and str(stick) in (entry.fields or "")


def test_the_cli_copies_the_database_away_only_for_an_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, stick = tmp_path / "office.sqlite", tmp_path / "u盘.sqlite"
    assert cli(["--db", str(path), *INIT]) == 0
    db = open_database(f"sqlite:///{path}")
    accounts.add(db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(db, "wang", PASSWORD)
    accounts.add(db, "chuna", "周出纳", "cashier", PASSWORD)
    db.close()
    monkeypatch.setenv("REDOFFICE_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert cli(["--db", str(path), "--user", "chuna", "backup", "create", "--to", str(stick)]) == 1
    assert "完整身份证号" in capsys.readouterr().err and not stick.exists()


def test_the_cli_restores_only_for_a_logged_in_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.sqlite"
    assert cli(["--db", str(path), *INIT]) == 0
    assert cli(["--db", str(path), "backup", "create"]) == 0  # before any account
    db = open_database(f"sqlite:///{path}")
    accounts.add(db, "wang", "王书记", "admin", PASSWORD)
    db.close()
    capsys.readouterr()
    assert cli(["--db", str(path), "backup", "restore", "--newest"]) == 1
    assert "--user" in capsys.readouterr().err
    db = open_database(f"sqlite:///{path}")
    try:
        assert accounts.has_accounts(db)
    finally:
        db.close()
