"""Accounts and login (issue 16, decision 0027): add, list, change the role, reset, unlock,
disable; log in with
the lockout (5 failed attempts lock the account for 5 minutes, on the clock of kit/clock.py).

Logging in sets ``db.user`` (a :class:`~redoffice.kit.identity.User`) and ``db.actor`` (the
operator every audit entry of this person's changes names). Every change to an account is one
transaction with its audit entry (never the hash)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redoffice.accounts import passwords
from redoffice.accounts.permissions import ADMIN_ROLES, ROLES, STREET_ROLES, Permission, permits
from redoffice.kit import audit_log, stored_settings
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.identity import User
from redoffice.models import Account, Staff
from redoffice.registry.reference import worker_grids

PUT_OFF: Final = "accounts.first_admin_later"  # 以后再说 chosen when offered at start
MAX_ATTEMPTS: Final = 5
LOCK_FOR: Final = timedelta(minutes=5)


@dataclass(frozen=True)
class AccountRow:
    login: str
    name: str
    role: str  # ROLES' label
    locked_until: datetime | None
    disabled: bool
    role_code: str = ""  # the key of ROLES (what 修改… starts from)
    staff_id: str | None = None


def has_accounts(db: Database) -> bool:
    """Whether anyone has an account: until the first administrator is created, the database
    works as before, without a login."""
    with db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Account)))


def first_admin_due(db: Database) -> bool:
    """Whether to offer, at start, to create the first administrator: nobody has an account
    (a database from before accounts) and nobody chose 以后再说 yet."""
    if has_accounts(db):
        return False
    with db.read() as s:
        return not stored_settings.get_value(s, PUT_OFF)


def put_off_first_admin(db: Database) -> None:
    """以后再说: the first administrator is not offered at start again (设置 → 账号 and
    ``redoffice-cli account add`` still create one)."""
    with db.uow() as s:
        stored_settings.put_value(s, PUT_OFF, True)


def add_first_admin(db: Database, login_name: str, name: str, password: str, again: str) -> User:
    """The first administrator, offered at start: the password typed twice must match; the
    new administrator is logged in."""
    if password != again:
        raise UserError("account.password_mismatch")
    add(db, login_name, name, "street_admin" if db.is_street else "admin", password)
    return login(db, login_name, password)


def _require_manager(db: Database) -> None:
    if not permits(db, Permission.MANAGE_ACCOUNTS):
        raise UserError("account.not_allowed")


def _find(s: Session, login: str) -> Account:
    account = s.scalar(select(Account).where(Account.login == login.strip()))
    if account is None:
        raise UserError("account.not_found", login=login)
    return account


def _check_password(password: str) -> None:
    if len(password) < passwords.MIN_LENGTH:
        raise UserError("account.password_short", min=passwords.MIN_LENGTH)


def check_new(login: str, password: str) -> None:
    """Refuse an account's login name or password before anything is written (a setup that
    creates the first administrator with the community)."""
    if not login.strip():
        raise UserError("account.login_required")
    _check_password(password)


def _check_role(db: Database, role: str, staff_id: str | None) -> None:
    """A street uses its two roles only, a community only its own; a 网格员's grids come from
    their staff row, so the account needs one."""
    if role not in ROLES:
        raise UserError("invalid_choice", value=role)
    if db.is_street and role not in STREET_ROLES:
        raise UserError("account.street_roles_only", role=ROLES[role])
    if not db.is_street and role in STREET_ROLES:
        raise UserError("account.community_roles_only", role=ROLES[role])
    if role == "grid" and staff_id is None:
        raise UserError("account.grid_needs_staff")


def check_role(db: Database, role: str, staff_id: str | None = None) -> None:
    """Whether an account may be given ``role`` (and ``staff_id``) here, before a password is
    asked for it (the CLI): the rules of :func:`add` and :func:`set_role` that need no
    password — a role of this unit's kind, a 网格员 linked to a staff member with a grid, the
    first account an administrator's, the others made by an administrator."""
    _check_role(db, role, staff_id)
    if not has_accounts(db):
        if role not in ADMIN_ROLES:
            raise UserError("account.first_admin")
    else:
        _require_manager(db)
    with db.read() as s:
        _check_staff(s, role, staff_id)


def add(
    db: Database, login: str, name: str, role: str, password: str, staff_id: str | None = None
) -> str:
    """A new account; the first one must be an administrator's. Returns its id."""
    check_new(login, password)
    login, name = login.strip(), name.strip() or login.strip()
    check_role(db, role, staff_id)
    with db.uow() as s:
        if s.scalar(select(Account.id).where(Account.login == login)) is not None:
            raise UserError("account.login_taken", login=login)
        _check_staff(s, role, staff_id)
        account = Account(
            login=login,
            name=name,
            role=role,
            password_hash=passwords.hash_password(password),
            staff_id=staff_id,
            failed_attempts=0,
            disabled=False,
        )
        s.add(account)
        s.flush()
        audit_log.record(s, "account_add", "account", account.id, {"login": login, "role": role})
        return account.id


def accounts(db: Database) -> list[AccountRow]:
    """Every account, by login name."""
    with db.read() as s:
        rows = s.scalars(select(Account).order_by(Account.login)).all()
    return [
        AccountRow(
            a.login,
            a.name,
            ROLES.get(a.role, a.role),
            a.locked_until,
            a.disabled,
            a.role,
            a.staff_id,
        )
        for a in rows
    ]


def set_role(db: Database, login: str, role: str, staff_id: str | None = None) -> None:
    """An administrator changes ``login``'s role and staff link, with the rules of :func:`add`
    (a street's roles at a street, a community's at a community, a 网格员 linked to a staff
    member), never leaving the unit without an active administrator. Audited; the account's
    next login takes the new role."""
    check_role(db, role, staff_id)
    with db.uow() as s:
        account = _find(s, login)
        _check_staff(s, role, staff_id)
        demoted = account.role in ADMIN_ROLES and role not in ADMIN_ROLES
        if demoted and not account.disabled and _admins(s) <= 1:
            raise UserError("account.last_admin_role", login=account.login)
        details = {"login": account.login, "role": role, "was": account.role}
        details |= {"staff_id": staff_id or "", "was_staff_id": account.staff_id or ""}
        account.role, account.staff_id = role, staff_id
        audit_log.record(s, "account_role", "account", account.id, details)


def _check_staff(s: Session, role: str, staff_id: str | None) -> None:
    """The staff member an account is linked to exists and is on the list; a 网格员's belongs
    to or leads a grid (else they would log in and see nothing)."""
    staff = s.get(Staff, staff_id) if staff_id is not None else None
    if staff_id is not None and (staff is None or staff.deleted):
        raise UserError("record.not_found")
    if role == "grid" and staff is not None and not _has_grid(s, staff.id):
        raise UserError("account.staff_no_grid", staff=staff.name)


def _has_grid(s: Session, staff_id: str) -> bool:
    """Whether the staff member belongs to or leads a grid."""
    return s.scalars(worker_grids(staff_id)).first() is not None


def reset(db: Database, login: str, password: str) -> None:
    """An administrator gives ``login`` a new password; the account is unlocked too."""
    _require_manager(db)
    _check_password(password)
    with db.uow() as s:
        account = _find(s, login)
        account.password_hash = passwords.hash_password(password)
        _unlock(account)
        audit_log.record(s, "account_reset", "account", account.id, {"login": account.login})


def unlock(db: Database, login: str) -> None:
    """An administrator lifts ``login``'s lock before its five minutes are over."""
    _require_manager(db)
    with db.uow() as s:
        account = _find(s, login)
        _unlock(account)
        audit_log.record(s, "account_unlock", "account", account.id, {"login": account.login})


def disable(db: Database, login: str) -> None:
    """An administrator closes ``login``'s account (kept for the audit's names); not one's own,
    nor the last administrator's."""
    _require_manager(db)
    with db.uow() as s:
        account = _find(s, login)
        if db.user is not None and db.user.account_id == account.id:
            raise UserError("account.disable_self")
        if account.role in ADMIN_ROLES and _admins(s) <= 1:
            raise UserError("account.last_admin")
        account.disabled = True
        audit_log.record(s, "account_disable", "account", account.id, {"login": account.login})


def _admins(s: Session) -> int:
    """The active administrators, their rows locked until the change commits (PostgreSQL:
    two administrators demoting or disabling each other from two PCs at the same moment
    would each still count the other and leave the unit without one; SQLite's write
    transaction already keeps them apart)."""
    active = Account.role.in_(ADMIN_ROLES), Account.disabled.is_(False)
    return len(s.scalars(select(Account.id).where(*active).with_for_update()).all())


def _unlock(account: Account) -> None:
    account.failed_attempts = 0
    account.locked_until = None


def login(db: Database, name: str, password: str) -> User:
    """Log ``name`` in: ``db.user`` and ``db.actor`` become that person. A wrong password is
    counted (the message says how many attempts remain); the fifth locks the account for five
    minutes (the message says until when); nothing is told about which of name or password
    was wrong."""
    now = utcnow()
    with db.uow() as s:
        # the row locked to the commit (PostgreSQL; SQLite's unit of work holds the write
        # lock): guesses made at once are counted one after another, none lost
        account = s.scalar(select(Account).where(Account.login == name.strip()).with_for_update())
        if account is None or account.disabled:
            raise UserError("account.wrong_password_unknown")
        if account.locked_until is not None and account.locked_until > now:
            raise _locked(account.locked_until, now)
        right = passwords.verify(password, account.password_hash)
        if right and db.is_street:
            _to_street_role(s, account)
        if right and db.is_street and account.role not in STREET_ROLES:  # a community's role
            raise UserError("account.street_roles_only", role=ROLES.get(account.role, ""))
        if right and not db.is_street and account.role in STREET_ROLES:  # a street's role
            raise UserError("account.community_roles_only", role=ROLES[account.role])
        if right and account.role == "grid":
            _check_grid_worker(s, account)
        outcome = _user(s, account) if right else _failed(s, account, now)
        if right:
            _unlock(account)
    if isinstance(outcome, UserError):
        raise outcome  # after the commit: the count of failed attempts is kept
    db.user = outcome
    db.actor = outcome.name
    return outcome


def _check_grid_worker(s: Session, account: Account) -> None:
    """A 网格员 logs in linked to a staff member still on the list who belongs to or leads a
    grid: one made before the link was required, or whose staff member has lost the grid
    since, would log in and see nothing — refused, saying what the administrator must do."""
    staff = s.get(Staff, account.staff_id) if account.staff_id else None
    if staff is None or staff.deleted:
        raise UserError("account.grid_no_staff", login=account.login)
    if not _has_grid(s, staff.id):
        raise UserError("account.grid_no_grid", login=account.login, staff=staff.name)


def _to_street_role(s: Session, account: Account) -> None:
    """A street's administrator made with the community's 书记/管理员 (the 账号 tab allowed it
    before session 10) becomes 街道管理员 at their next login, audited; the other community
    roles have no street counterpart and stay refused."""
    if account.role == "admin":
        account.role = "street_admin"
        details = {"login": account.login, "role": "street_admin", "was": "admin"}
        audit_log.record(s, "account_role", "account", account.id, details)


def _failed(s: Session, account: Account, now: datetime) -> UserError:
    """Count a wrong password (committed with the caller's transaction) and say what follows."""
    account.failed_attempts += 1
    if account.failed_attempts >= MAX_ATTEMPTS:
        account.locked_until = now + LOCK_FOR
        account.failed_attempts = 0
        audit_log.record(s, "account_lock", "account", account.id, {"login": account.login})
        return _locked(account.locked_until, now)
    account.locked_until = None
    return UserError("account.wrong_password", left=MAX_ATTEMPTS - account.failed_attempts)


def _locked(until: datetime, now: datetime) -> UserError:
    """How long the lock lasts, to the second, and until when on the office's clock (the GUI
    and the CLI say the same): the stored end of the lock in local time, the same at every
    try (not now plus what is left: the password's check between them moved it a second)."""
    left = math.ceil((until - now).total_seconds())
    minutes, seconds = divmod(max(left, 1), 60)
    if not seconds:
        wait = f"{minutes} 分钟"
    else:
        wait = f"{minutes} 分 {seconds} 秒" if minutes else f"{seconds} 秒"
    at = until.astimezone().strftime("%H:%M:%S")
    return UserError("account.locked", wait=wait, until=at)


def _user(s: Session, account: Account) -> User:
    grids = None
    if account.role == "grid":  # the grids their staff row belongs to and those they lead
        staff = account.staff_id
        grids = frozenset(s.scalars(worker_grids(staff)).all()) if staff else frozenset()
    return User(account.id, account.login, account.name, account.role, account.staff_id, grids)


def logout(db: Database) -> None:
    """Nobody is logged in any more (the app asks for a login again at once)."""
    db.user = None
    db.actor = ""


def staff_choices(db: Database) -> list[tuple[str, str]]:
    """(id, name) of every live staff member an account may be linked to, by name."""
    with db.read() as s:
        rows = s.execute(
            select(Staff.id, Staff.name).where(Staff.deleted.is_(False)).order_by(Staff.name)
        ).all()
    return [(str(i), str(n)) for i, n in rows]
