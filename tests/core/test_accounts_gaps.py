"""Issue 16, session 11: the gaps session 10 left in roles and accounts.

- The 红色基金's steps that followed no role: its accounts (新建账户/修改账户: a 会计 or a
  书记/管理员), 收到异议 (those who handle or review applications, not the 会计 or the 出纳), an
  application's attachments (``FUND_HANDLE``) — refused naming the account and its role,
  nothing written.
- A 网格员 account made before the staff link was required logged in and saw nothing: refused
  at login, in the GUI's and the CLI's words.
- An administrator changes an account's role and staff link (``account set-role``), with the
  rules of adding one, never the unit's last administrator; the next login takes the new role."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from redoffice.accounts import service as accounts
from redoffice.attachments import service as attachments
from redoffice.fund import applications as fund
from redoffice.fund.accounts import AccountInput, save_account
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import Account, Attachment, AuditLog, FundAccount, FundObjection
from redoffice.registry import reference as registry
from tests.core.accounts_support import PASSWORD, grid_staff, legacy_grid_account, log_in
from tests.core.test_accounts_cli import _run, office
from tests.core.test_fund_applications import TODAY, World, _to, w

__all__ = ["office", "w"]  # the fixtures, imported
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _count(db: Database, model: type) -> int:
    with db.uow() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _account_name(db: Database, account_id: str) -> str:
    with db.uow() as s:
        account = s.get(FundAccount, account_id)
        assert account is not None
        return account.name


# --- 1. the fund's steps without a role -------------------------------------------------


def test_a_fund_account_is_opened_by_the_accountant_not_the_cashier(db: Database, w: World) -> None:
    before = _count(db, FundAccount)
    new = AccountInput(name="社区慈善基金", kind="charity", holder="市慈善总会")
    log_in(db, "chuna", "cashier", w["cashier"], "周出纳")
    with pytest.raises(UserError, match="（周出纳，出纳）无权办理“新建红色基金账户”"):
        save_account(db, new)
    assert _count(db, FundAccount) == before
    log_in(db, "kuaiji", "accountant", w["accountant"], "吴会计")
    save_account(db, new)
    assert _count(db, FundAccount) == before + 1


def test_a_fund_account_is_changed_by_the_administrator_not_a_worker(
    db: Database, w: World
) -> None:
    renamed = AccountInput(name="改名专户", kind="special")
    log_in(db, "zhang", "worker", w["handler"], "张经办")
    with pytest.raises(UserError, match="（张经办，社区工作者）无权办理“修改红色基金账户”"):
        save_account(db, renamed, w["account"])
    assert _account_name(db, w["account"]) == "红色基金专户"
    log_in(db, "admin", "admin")
    save_account(db, renamed, w["account"])
    assert _account_name(db, w["account"]) == "改名专户"


def test_an_objection_is_received_by_a_handler_not_the_cashier(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    log_in(db, "chuna", "cashier", w["cashier"], "周出纳")
    with pytest.raises(UserError, match="（周出纳，出纳）无权办理“收到异议”"):
        fund.add_objection(db, app, "申请人家中另有经营收入", TODAY, w["cashier"])
    assert _count(db, FundObjection) == 0
    log_in(db, "zhang", "worker", w["handler"], "张经办")
    fund.add_objection(db, app, "申请人家中另有经营收入", TODAY, w["handler"])
    assert _count(db, FundObjection) == 1


def test_an_applications_attachment_needs_the_handlers_role(
    db: Database, w: World, tmp_path: Path
) -> None:
    app = _to(db, w, "applied")
    scan = tmp_path / "诊断证明.png"
    scan.write_bytes(PNG)
    log_in(db, "kuaiji", "accountant", w["accountant"], "吴会计")
    with pytest.raises(UserError, match="（吴会计，会计）无权办理红色基金申请的附件"):
        attachments.add(db, "fund_application", app, (scan,))
    assert _count(db, Attachment) == 0
    log_in(db, "zhang", "worker", w["handler"], "张经办")
    attachments.add(db, "fund_application", app, (scan,))
    assert _count(db, Attachment) == 1


# --- 2. a 网格员 account from before the staff link ---------------------------------------


NO_STAFF = "账号“zhao”是网格员，但未关联工作人员.*请书记/管理员在 设置 → 账号 中关联"


def test_a_grid_account_without_staff_is_refused_at_login(db: Database) -> None:
    log_in(db, "admin", "admin")
    legacy_grid_account(db)
    accounts.logout(db)
    with pytest.raises(UserError, match=NO_STAFF):
        accounts.login(db, "zhao", PASSWORD)
    assert db.user is None
    log_in(db, "admin", "admin")  # linked by the administrator: logs in, sees their grid
    staff = grid_staff(db, registry.save_grid(db, registry.GridInput(code="G01", name="第一网格")))
    accounts.set_role(db, "zhao", "grid", staff)
    user = accounts.login(db, "zhao", PASSWORD)
    assert user.role == "grid" and user.grids


def test_the_cli_refuses_a_grid_account_without_staff(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{office}")
    try:
        legacy_grid_account(db)
    finally:
        db.close()
    capsys.readouterr()
    monkeypatch.setenv("REDOFFICE_PASSWORD", PASSWORD)  # zhao's
    assert _run(office, "--user", "zhao", "stats") == 1
    assert "未关联工作人员，看不到任何网格" in capsys.readouterr().err


# --- 3. changing a role -------------------------------------------------------------------


def _roles(db: Database) -> dict[str, str]:
    with db.uow() as s:
        return {login: role for login, role in s.execute(select(Account.login, Account.role))}


def test_an_administrator_changes_a_role_audited_and_the_next_login_takes_it(
    db: Database,
) -> None:
    log_in(db, "li", "worker")
    assert db.user is not None and db.user.role == "worker"
    log_in(db, "admin", "admin")
    grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
    staff = grid_staff(db, grid)
    accounts.set_role(db, "li", "grid", staff)
    with db.uow() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "account_role")).one()
        assert entry.actor == "王书记"
        details = json.loads(entry.fields or "{}")
    assert (details["was"], details["role"], details["staff_id"]) == ("worker", "grid", staff)
    user = accounts.login(db, "li", PASSWORD)
    assert (user.role, user.staff_id, user.grids) == ("grid", staff, frozenset({grid}))


@pytest.mark.parametrize(
    ("role", "refused"),
    [
        ("street_admin", "社区只能使用社区的角色"),
        ("grid", "网格员账号须对应一名工作人员"),
        ("boss", "boss"),
    ],
)
def test_a_role_change_follows_the_rules_of_adding(db: Database, role: str, refused: str) -> None:
    log_in(db, "li", "worker")
    log_in(db, "admin", "admin")
    with pytest.raises(UserError, match=refused):
        accounts.set_role(db, "li", role, None)
    assert _roles(db)["li"] == "worker"


def test_the_last_administrator_keeps_the_role(db: Database) -> None:
    log_in(db, "admin", "admin")
    with pytest.raises(UserError, match="“admin”是最后一个可用的管理员账号，不能改为其他角色"):
        accounts.set_role(db, "admin", "worker")
    assert _roles(db)["admin"] == "admin"
    log_in(db, "li", "worker")
    log_in(db, "admin", "admin")
    accounts.set_role(db, "li", "admin")  # a second administrator: the first may step down
    accounts.set_role(db, "admin", "worker")
    assert _roles(db) == {"admin": "worker", "li": "admin"}


def test_only_an_administrator_changes_a_role(db: Database) -> None:
    log_in(db, "li", "worker")
    with pytest.raises(UserError, match="无权管理账号"):
        accounts.set_role(db, "li", "admin")
    assert _roles(db)["li"] == "worker"


def test_the_cli_changes_a_role_with_a_staff_members_name(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDOFFICE_NEW_PASSWORD", PASSWORD)  # li's
    assert _run(office, "--user", "wang", "account", "add", "li", "--role", "worker") == 0
    db = open_database(f"sqlite:///{office}")
    try:
        grid = registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
        staff = grid_staff(db, grid)
    finally:
        db.close()
    capsys.readouterr()
    assert _run(office, "--user", "wang", "account", "set-role", "li", "--role", "grid") == 1
    assert "网格员账号须对应一名工作人员" in capsys.readouterr().err
    args = ("account", "set-role", "li", "--role", "grid", "--staff", "赵网格")
    assert _run(office, "--user", "wang", *args) == 0
    assert "已修改 li 的角色：网格员" in capsys.readouterr().out
    db = open_database(f"sqlite:///{office}")
    try:
        user = accounts.login(db, "li", PASSWORD)
    finally:
        db.close()
    assert (user.role, user.staff_id, user.grids) == ("grid", staff, frozenset({grid}))


@pytest.mark.postgresql
@pytest.mark.real_commits
def test_two_administrators_demoting_each_other_at_once_leave_one(pg_db: Database) -> None:
    """On a shared server, 李 is demoted from another PC while 王书记 steps down here: the step
    down waits for the other PC's change and is then refused — the unit keeps an administrator
    (without the lock both counted two and both changes went through)."""
    db = pg_db
    log_in(db, "li", "admin")
    log_in(db, "admin", "admin")
    outcome: list[str] = []

    def step_down() -> None:
        try:
            accounts.set_role(db, "admin", "worker")
            outcome.append("changed")
        except UserError as refused:
            outcome.append(str(refused))

    with db.engine.connect() as other_pc:
        other_pc.begin()
        other_pc.execute(text("UPDATE account SET role = 'worker' WHERE login = 'li'"))
        here = threading.Thread(target=step_down)
        here.start()
        here.join(1.0)
        waited = here.is_alive()
        other_pc.commit()
    here.join(30)
    assert waited and len(outcome) == 1 and "最后一个可用的管理员" in outcome[0]
    assert _roles(db) == {"admin": "admin", "li": "worker"}
