"""Issue 16, session 10: the street's roles at a street office. Only 街道管理员 and 街道工作人员
accounts are made and log in there (a community's role is refused in words); the street's own
records — 上级审批, replies, notices — need STREET_DECIDE, checked by the write guard whoever
calls the service."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.identity import User
from redoffice.models import Account, AuditLog, StreetNotice
from redoffice.street import notices
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities

PASSWORD = "street-secret"


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _notices(db: Database) -> int:
    with db.uow() as s:
        return int(s.scalar(select(func.count()).select_from(StreetNotice)) or 0)


def test_only_the_street_roles_are_made_and_log_in_at_a_street(town: StreetTown) -> None:
    street = town.street
    with pytest.raises(UserError, match="这是街道办的数据库，书记/管理员是社区的角色"):
        accounts.add(street, "wang", "王书记", "admin", PASSWORD)
    accounts.add(street, "zhu", "朱主任", "street_admin", PASSWORD)
    accounts.login(street, "zhu", PASSWORD)
    accounts.add(street, "ma", "马干事", "street_staff", PASSWORD)
    with pytest.raises(UserError, match="社区工作者是社区的角色"):
        accounts.add(street, "li", "李四", "worker", PASSWORD)
    assert accounts.login(street, "ma", PASSWORD).role == "street_staff"
    due = clock.today() + timedelta(days=7)
    notices.issue(street, None, "报送十二月走访台账", due)  # 街道工作人员 may
    assert _notices(street) == 1


def _made_before(street: Database, login: str, role: str) -> None:
    """``login``'s role set to a community's, as the 账号 tab allowed before session 10."""
    with street.uow() as s:
        account = s.scalars(select(Account).where(Account.login == login)).one()
        account.role = role


def test_a_community_role_made_before_is_refused_at_the_street(town: StreetTown) -> None:
    street = town.street
    accounts.add(street, "zhu", "朱主任", "street_admin", PASSWORD)
    accounts.login(street, "zhu", PASSWORD)
    accounts.add(street, "ma", "马干事", "street_staff", PASSWORD)
    _made_before(street, "ma", "worker")
    accounts.logout(street)
    with pytest.raises(UserError, match="街道办只能使用街道管理员或街道工作人员的账号"):
        accounts.login(street, "ma", PASSWORD)
    assert street.user is None
    with pytest.raises(UserError, match="登录名或密码不正确"):  # nothing said before the password
        accounts.login(street, "ma", "wrong-password")


def test_a_street_administrator_made_as_a_community_one_logs_in_as_street_admin(
    town: StreetTown,
) -> None:
    """A street database whose only administrator was made with 书记/管理员 (possible before
    session 10) could no longer be opened by anyone: that account becomes 街道管理员 at its
    login, audited, and does the street's work."""
    street = town.street
    accounts.add(street, "zhu", "朱主任", "street_admin", PASSWORD)
    _made_before(street, "zhu", "admin")
    with pytest.raises(UserError):  # a wrong password converts nothing
        accounts.login(street, "zhu", "wrong-password")
    assert [row.role for row in accounts.accounts(street)] == ["书记/管理员"]
    assert accounts.login(street, "zhu", PASSWORD).role == "street_admin"
    assert [row.role for row in accounts.accounts(street)] == ["街道管理员"]
    with street.uow() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "account_role")).one()
        assert entry.row_id and "street_admin" in (entry.fields or "")
    due = clock.today() + timedelta(days=7)
    notices.issue(street, None, "报送十二月走访台账", due)  # STREET_DECIDE: the street's work
    assert _notices(street) == 1
    accounts.logout(street)
    assert accounts.login(street, "zhu", PASSWORD).role == "street_admin"  # audited once
    with street.uow() as s:
        found = select(func.count()).select_from(AuditLog).where(AuditLog.action == "account_role")
        assert s.scalar(found) == 1


def test_the_street_records_need_the_street_permission(town: StreetTown) -> None:
    street = town.street
    street.user = User("x", "wang", "王书记", "admin", None, None)  # a community's administrator
    due = clock.today() + timedelta(days=7)
    with pytest.raises(UserError, match="无权办理街道的上级审批、答复和通知"):
        notices.issue(street, None, "报送十二月走访台账", due)
    assert _notices(street) == 0
