"""Accounts in core tests (issue 16): the administrator, another account logged in, and the
网格员 赵网格 of a grid — one helper instead of a near-copy in every test module."""

from __future__ import annotations

from redoffice.accounts import passwords
from redoffice.accounts import service as accounts
from redoffice.kit.db import Database
from redoffice.models import Account, Staff

PASSWORD = "accounts-secret"


def log_in(
    db: Database, login: str, role: str, staff_id: str | None = None, name: str = ""
) -> None:
    """Add ``login`` (as the administrator 王书记, made first when there is none) and log it
    in; ``admin`` logs the administrator in."""
    if not accounts.has_accounts(db):
        accounts.add(db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(db, "admin", PASSWORD)
    if login != "admin":
        accounts.add(db, login, name or login, role, PASSWORD, staff_id=staff_id)
    accounts.login(db, login, PASSWORD)


def grid_staff(db: Database, grid_id: str | None) -> str:
    """赵网格 on the staff list, in ``grid_id``; returns the staff id."""
    with db.uow() as s:
        staff = Staff(name="赵网格", role="grid_worker", grid_id=grid_id)
        s.add(staff)
        s.flush()
        return staff.id


def log_in_grid_worker(db: Database, grid_id: str) -> str:
    """赵网格 (login ``zhao``), 网格员 of ``grid_id``, logged in; returns the staff id."""
    staff_id = grid_staff(db, grid_id)
    log_in(db, "zhao", "grid", staff_id, "赵网格")
    return staff_id


def legacy_grid_account(db: Database, login: str = "zhao") -> None:
    """赵网格's 网格员 account as the 账号 tab made it before session 10: no staff member (the
    row written directly, as the service refuses it now)."""
    with db.uow() as s:
        s.add(
            Account(
                login=login,
                name="赵网格",
                role="grid",
                password_hash=passwords.hash_password(PASSWORD),
                staff_id=None,
                failed_attempts=0,
                disabled=False,
            )
        )
