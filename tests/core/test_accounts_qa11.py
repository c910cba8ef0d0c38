"""Issue 16, QA 11's findings on accounts (D3, D6, S7), through the service and the CLI on a
real file.

- D3: a 网格员 whose staff member neither belongs to nor leads a grid saw nothing, unexplained:
  refused when the account is added or its role changed (naming the staff member), and at
  login when the staff member has lost the grid since.
- D6: the CLI refuses a role (a street's at a community) before asking for a password; with no
  password in the environment and none that can be typed (no terminal, the input at its end)
  it says which variable to set instead of "程序内部错误", nothing written.
- S7: the lock's end is the stored one, the same second at every try."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.accounts import service as accounts
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import Account, Grid
from redoffice.registry import reference as registry
from tests.core.accounts_support import PASSWORD, grid_staff, log_in
from tests.core.test_accounts_cli import ADMIN_PASSWORD, _run, office

__all__ = ["office"]  # the fixture, imported
ROOT = Path(__file__).resolve().parents[2]
NO_GRID = "工作人员“赵网格”不属于也不负责任何网格"
LOST_GRID = (
    "账号“zhao”是网格员，但对应的工作人员“赵网格”未负责任何网格.*请书记/管理员在 设置 → 账号 中处理"
)


def _logins(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Account.login)))


def _office_logins(office: Path) -> list[str]:
    db = open_database(f"sqlite:///{office}")
    try:
        return _logins(db)
    finally:
        db.close()


# --- D3: a 网格员 whose staff member has no grid ------------------------------------------


def test_a_grid_account_for_staff_without_a_grid_is_refused(db: Database) -> None:
    log_in(db, "admin", "admin")
    staff = grid_staff(db, None)
    with pytest.raises(UserError, match=NO_GRID):
        accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff)
    log_in(db, "li", "worker")
    log_in(db, "admin", "admin")
    with pytest.raises(UserError, match=NO_GRID):
        accounts.set_role(db, "li", "grid", staff)
    assert _logins(db) == ["admin", "li"]
    assert {r.login: r.role_code for r in accounts.accounts(db)}["li"] == "worker"


def test_a_grid_leader_without_a_member_grid_is_accepted(db: Database) -> None:
    log_in(db, "admin", "admin")
    staff = grid_staff(db, None)
    grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
    with db.uow() as s:
        found = s.get(Grid, grid)
        assert found is not None
        found.leader_id = staff
    accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff)
    assert accounts.login(db, "zhao", PASSWORD).grids == frozenset({grid})


def test_a_grid_worker_whose_staff_lost_the_grid_is_refused_at_login(db: Database) -> None:
    log_in(db, "admin", "admin")
    grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
    staff = grid_staff(db, grid)
    accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff)
    registry.save_staff(db, registry.StaffInput(name="赵网格", role="grid_worker"), staff)
    accounts.logout(db)
    with pytest.raises(UserError, match=LOST_GRID):
        accounts.login(db, "zhao", PASSWORD)
    assert db.user is None


def test_the_cli_refuses_a_grid_account_for_staff_without_a_grid(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{office}")
    try:
        grid_staff(db, None)
    finally:
        db.close()
    monkeypatch.setenv("REDOFFICE_NEW_PASSWORD", PASSWORD)
    capsys.readouterr()
    add = ("account", "add", "g8", "--role", "grid", "--staff", "赵网格")
    assert _run(office, "--user", "wang", *add) == 1
    assert NO_GRID in capsys.readouterr().err
    assert _run(office, "--user", "wang", "account", "add", "g8", "--role", "worker") == 0
    set_role = ("account", "set-role", "g8", "--role", "grid", "--staff", "赵网格")
    assert _run(office, "--user", "wang", *set_role) == 1
    assert NO_GRID in capsys.readouterr().err
    assert _office_logins(office) == ["g8", "wang"]


def test_the_cli_refuses_a_grid_worker_whose_staff_lost_the_grid(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{office}")
    try:
        accounts.login(db, "wang", ADMIN_PASSWORD)
        grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
        staff = grid_staff(db, grid)
        accounts.add(db, "zhao", "赵网格", "grid", PASSWORD, staff)
        registry.save_staff(db, registry.StaffInput(name="赵网格", role="grid_worker"), staff)
    finally:
        db.close()
    capsys.readouterr()
    monkeypatch.setenv("REDOFFICE_PASSWORD", PASSWORD)  # zhao's
    assert _run(office, "--user", "zhao", "stats") == 1
    assert re.search(LOST_GRID, capsys.readouterr().err)


# --- D6: the CLI's role and password before the prompt ---------------------------------------

PASSWORDS = ("REDOFFICE_PASSWORD", "REDOFFICE_NEW_PASSWORD")


def _cli(
    office: Path, *args: str, piped: str = "", **passwords: str
) -> subprocess.CompletedProcess[str]:
    """The CLI as a script runs it: no terminal (a session of its own), ``piped`` its input,
    only the ``passwords`` given in the environment."""
    env = {k: v for k, v in os.environ.items() if k not in PASSWORDS} | passwords
    return subprocess.run(
        [sys.executable, "-m", "redoffice.cli", "--db", str(office), *args],
        input=piped,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,
        timeout=120,
        check=False,
    )


def test_a_street_role_is_refused_before_the_password_is_asked(office: Path) -> None:
    add = ("account", "add", "s9", "--role", "street_admin")
    done = _cli(office, "--user", "wang", *add, REDOFFICE_PASSWORD=ADMIN_PASSWORD)
    assert done.returncode == 1, done.stderr
    assert "这是社区的数据库，街道管理员是街道办的角色" in done.stderr
    assert "新密码" not in done.stderr  # not asked
    assert _office_logins(office) == ["wang"]


def test_no_password_to_type_names_the_variable(office: Path) -> None:
    add = ("account", "add", "s9", "--role", "worker")
    done = _cli(office, "--user", "wang", *add, REDOFFICE_PASSWORD=ADMIN_PASSWORD)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "错误：无法在这里输入密码（没有终端，或输入已结束），未保存任何更改："
        "请把密码放在环境变量 REDOFFICE_NEW_PASSWORD 中\n"
    )  # no English warning, no 程序内部错误
    assert _office_logins(office) == ["wang"]
    done = _cli(office, "--user", "wang", *add)  # the login's password: its own variable
    assert done.returncode == 1, done.stderr
    assert done.stderr.endswith("请把密码放在环境变量 REDOFFICE_PASSWORD 中\n")
    done = _cli(office, "--user", "wang", *add, piped="\n", REDOFFICE_PASSWORD=ADMIN_PASSWORD)
    assert done.returncode == 1, done.stderr  # an empty line: no password either
    assert done.stderr.endswith("请输入密码（或设置环境变量 REDOFFICE_NEW_PASSWORD）\n")
    assert _office_logins(office) == ["wang"]


def test_a_script_gives_the_passwords_in_the_environment_or_its_input(office: Path) -> None:
    add = ("--user", "wang", "account", "add", "s9", "--role", "worker")
    done = _cli(office, *add, REDOFFICE_PASSWORD=ADMIN_PASSWORD, REDOFFICE_NEW_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stderr
    add = ("--user", "wang", "account", "add", "s10", "--role", "worker")
    done = _cli(office, *add, piped=f"{ADMIN_PASSWORD}\n{PASSWORD}\n")  # wang's, then s10's
    assert done.returncode == 0, done.stderr
    assert _office_logins(office) == ["s10", "s9", "wang"]
    db = open_database(f"sqlite:///{office}")
    try:
        assert accounts.login(db, "s10", PASSWORD).login == "s10"  # the second line's
    finally:
        db.close()


# --- S7: the lock's end --------------------------------------------------------------------


def test_the_unlock_time_is_the_stored_end_at_every_try(db: Database) -> None:
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    with clock.frozen(datetime(2026, 12, 3, 10, 0)):
        for _ in range(4):
            with pytest.raises(UserError):
                accounts.login(db, "admin", "wrong-password")
    # the fifth try a hundredth of a second before 10:00:01: the lock ends at 10:05:00.99…,
    # the password's check (tens of ms) must not carry the time said over to 10:05:01
    said = []
    for at in (datetime(2026, 12, 3, 10, 0, 0, 990000), datetime(2026, 12, 3, 10, 2, 30, 500000)):
        with clock.frozen(at), pytest.raises(UserError) as locked:
            accounts.login(db, "admin", "wrong-password")
        said.append(locked.value.text)
    with db.read() as s:
        until = s.scalar(select(Account.locked_until))
    assert until is not None
    shown = until.astimezone().strftime("%H:%M:%S")
    assert shown == "10:05:00"
    assert all(f"（{shown} 解锁）" in text for text in said), said
