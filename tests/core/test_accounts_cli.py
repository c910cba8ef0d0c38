"""The CLI as a named account (issue 16): ``init --admin-user`` with the password from
REDOFFICE_PASSWORD, ``--user`` for every command once accounts exist, ``account`` commands,
the operator of a change is the logged-in person."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.cli import main
from redoffice.kit.db import open_database
from redoffice.models import AuditLog
from tests.core.test_cli import INIT

ADMIN_PASSWORD = "admin-secret-1"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "office.sqlite"
    monkeypatch.setenv("REDOFFICE_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(path), *INIT, "--admin-user", "wang", "--admin-name", "王书记"]) == 0
    return path


def _run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_a_database_with_accounts_needs_a_user(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _run(office, "stats") == 1
    assert "请用 --user 登录名 登录" in capsys.readouterr().err
    assert _run(office, "--user", "wang", "stats") == 0


def test_a_wrong_environment_password_is_counted(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDOFFICE_PASSWORD", "not-the-password")
    capsys.readouterr()
    assert _run(office, "--user", "wang", "stats") == 1
    assert "还可以再试 4 次" in capsys.readouterr().err


def test_accounts_added_listed_and_acting_as_themselves(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDOFFICE_NEW_PASSWORD", "worker-secret")
    assert (
        _run(office, "--user", "wang", "account", "add", "li", "--name", "李四", "--role", "worker")
        == 0
    )
    capsys.readouterr()
    assert _run(office, "--user", "wang", "account", "list") == 0
    assert capsys.readouterr().out.splitlines() == [
        "li\t李四\t社区工作者",
        "wang\t王书记\t书记/管理员",
    ]
    monkeypatch.setenv("REDOFFICE_PASSWORD", "worker-secret")
    assert _run(office, "--user", "li", "account", "reset", "wang") == 1
    assert "无权管理账号" in capsys.readouterr().err
    db = open_database(f"sqlite:///{office}")
    with db.read() as s:
        actors = s.scalars(select(AuditLog.actor).where(AuditLog.action == "account_add")).all()
    db.close()
    assert actors == ["张秘书", "王书记"]  # the first one by who set the office up (--operator)


def test_file_commands_need_an_administrator(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDOFFICE_NEW_PASSWORD", "worker-secret")
    assert _run(office, "--user", "wang", "account", "add", "li", "--role", "worker") == 0
    monkeypatch.setenv("REDOFFICE_PASSWORD", "worker-secret")
    capsys.readouterr()
    assert _run(office, "--user", "li", "backup", "restore", "--newest") == 1
    assert "无权修改本单位的设置" in capsys.readouterr().err


def test_a_locked_account_is_told_how_long_is_left(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI's words, to the second (not "until 14:35" while it is 14:35 already)."""
    monkeypatch.setenv("REDOFFICE_PASSWORD", "not-the-password")
    for _ in range(5):
        assert _run(office, "--user", "wang", "stats") == 1
    assert re.search(r"账号已锁定：请 5 分钟后再试（\d\d:\d\d:\d\d 解锁）", capsys.readouterr().err)
    monkeypatch.setenv("REDOFFICE_PASSWORD", ADMIN_PASSWORD)
    assert _run(office, "--user", "wang", "stats") == 1
    assert re.search(r"账号已锁定：请 (4 分 \d+ 秒|5 分钟)后再试", capsys.readouterr().err)
