"""Issue 16, session 10 (QA): a 网格员 account needs a staff member (else it saw no resident,
unexplained), and a community takes no street role (a 街道管理员 there had every right) — refused
on adding, in the CLI as in the service, and a street's account is refused at login."""

from __future__ import annotations

from pathlib import Path

import pytest

from redoffice.accounts import passwords
from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Account
from redoffice.registry import reference as registry
from tests.core.test_accounts_cli import _run, office  # noqa: F401  (the fixture)
from tests.core.test_accounts_grid_leader import log_in_a_leader

PASSWORD = "qa10-secret"


def _admin(db: Database) -> None:
    accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)


def test_a_grid_account_needs_a_staff_member(db: Database) -> None:
    _admin(db)
    with pytest.raises(UserError, match="网格员账号须对应一名工作人员"):
        accounts.add(db, "g9", "孙网格", "grid", PASSWORD)
    assert [row.login for row in accounts.accounts(db)] == ["admin"]


@pytest.mark.parametrize("role", ["street_admin", "street_staff"])
def test_a_community_takes_no_street_role(db: Database, role: str) -> None:
    _admin(db)
    with pytest.raises(UserError, match="社区只能使用社区的角色"):
        accounts.add(db, "jd", "街道甲", role, PASSWORD)
    assert [row.login for row in accounts.accounts(db)] == ["admin"]


def test_a_street_account_is_refused_at_login_at_a_community(db: Database) -> None:
    _admin(db)
    with db.uow() as s:  # made before session 10 refused it
        hashed = passwords.hash_password(PASSWORD)
        s.add(
            Account(
                login="jd",
                name="街道甲",
                role="street_admin",
                password_hash=hashed,
                failed_attempts=0,
                disabled=False,
            )
        )
    with pytest.raises(UserError, match="街道管理员是街道办的角色"):
        accounts.login(db, "jd", PASSWORD)


@pytest.mark.parametrize(
    ("role", "message"),
    [("grid", "网格员账号须对应一名工作人员"), ("street_admin", "社区只能使用社区的角色")],
)
def test_the_cli_refuses_them_too(
    office: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    role: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDOFFICE_NEW_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert _run(office, "--user", "wang", "account", "add", "g9", "--role", role) == 1
    assert message in capsys.readouterr().err


def test_a_grid_worker_filters_only_by_their_grids(demo_db: Database) -> None:
    """A 网格员's 网格 filter offered every grid (choosing another showed 共 0 条)."""
    everyone, _estates = registry.place_choices(demo_db)
    grid = log_in_a_leader(demo_db)
    grids, _estates = registry.place_choices(demo_db)
    assert len(everyone) > 1 and grids == [(f"{grid.code} {grid.name}", grid.id)]
