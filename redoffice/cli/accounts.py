"""``redoffice-cli account add|list|set-role|reset|unlock|disable``, ``--user`` and
``init --admin-user`` (issue 16). Passwords come from a prompt, or for scripts from the environment:
``REDOFFICE_PASSWORD`` (the one logging in; the first administrator's at ``init``) and
``REDOFFICE_NEW_PASSWORD`` (the password an administrator gives with ``add`` or ``reset``); a
script without a terminal may give them on its standard input, one a line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any, Final

from redoffice.accounts import service as accounts
from redoffice.accounts.permissions import ROLES, Permission, permits
from redoffice.cli.common import out, staff_ref
from redoffice.cli.work import command
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.kit.paths import resolve_db_url
from redoffice.settings import community

PASSWORD_ENV: Final = "REDOFFICE_PASSWORD"
NEW_PASSWORD_ENV: Final = "REDOFFICE_NEW_PASSWORD"


def _password(env: str, prompt: str) -> str:
    """The password in ``env``, else typed at ``prompt``; none at all: refused naming ``env``."""
    value = os.environ.get(env)
    if value is None:
        value = _typed(env, prompt)
    if not value:
        raise UserError("account.no_password", env=env)
    return value


def _typed(env: str, prompt: str) -> str:
    """The password typed at ``prompt`` on a terminal; without one (a script) the first line
    of the standard input. None to be had (the input empty, or ended with Ctrl+D): refused
    naming ``env`` — not getpass's English warning and EOFError."""
    terminal = sys.stdin is not None and sys.stdin.isatty()
    try:
        value = getpass.getpass(prompt) if terminal else _piped()
    except EOFError:
        value = None
    if value is None:
        if terminal:
            sys.stderr.write("\n")  # after the prompt, the refusal on a line of its own
        raise UserError("account.no_terminal", env=env)
    return value


def _piped() -> str | None:
    """A script's password: the first line of the standard input (None: there is none)."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n") if line else None


def sign_in(db: Database, args: argparse.Namespace) -> None:
    """Who acts: the ``--user`` account (its password checked), else — on a database without
    accounts only — the ``--operator`` or the stored 经办人 as before."""
    if args.user:
        accounts.login(db, args.user, _password(PASSWORD_ENV, f"{args.user} 的密码："))
    elif args.command != "init" and accounts.has_accounts(db):
        raise UserError("account.login_needed")
    elif args.needs_operator:
        community.use_operator(db, args.operator)


def first_admin(db: Database, args: argparse.Namespace, role: str) -> None:
    """``init --admin-user NAME``: the first administrator, password from the environment or
    a prompt."""
    if args.admin_user:
        password = _password(PASSWORD_ENV, f"管理员 {args.admin_user} 的密码：")
        accounts.add(db, args.admin_user, args.admin_name or args.admin_user, role, password)
        out(f"已创建管理员账号：{args.admin_user}")


def _linked_staff(db: Database, args: argparse.Namespace) -> str | None:
    """``--staff``: a staff member's id or unique name (None: no link)."""
    return None if args.staff is None else staff_ref(db, args.staff, "--staff")


def cmd_add(db: Database, args: argparse.Namespace) -> int:
    staff = _linked_staff(db, args)
    accounts.check_role(db, args.role, staff)  # refused before a password is asked for
    password = _password(NEW_PASSWORD_ENV, f"{args.login} 的新密码：")
    accounts.add(db, args.login, args.name or args.login, args.role, password, staff)
    out(f"已添加账号：{args.login}（{ROLES[args.role]}）")
    return 0


def cmd_set_role(db: Database, args: argparse.Namespace) -> int:
    accounts.set_role(db, args.login, args.role, _linked_staff(db, args))
    out(f"已修改 {args.login} 的角色：{ROLES[args.role]}（下次登录起生效）")
    return 0


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    for row in accounts.accounts(db):
        state = "已停用" if row.disabled else ("已锁定" if row.locked_until else "")
        out("\t".join([row.login, row.name, row.role, state]).rstrip())
    return 0


def cmd_reset(db: Database, args: argparse.Namespace) -> int:
    accounts.reset(db, args.login, _password(NEW_PASSWORD_ENV, f"{args.login} 的新密码："))
    out(f"已重设 {args.login} 的密码")
    return 0


def cmd_unlock(db: Database, args: argparse.Namespace) -> int:
    accounts.unlock(db, args.login)
    out(f"已解锁：{args.login}")
    return 0


def cmd_disable(db: Database, args: argparse.Namespace) -> int:
    accounts.disable(db, args.login)
    out(f"已停用：{args.login}")
    return 0


def register(sub: Any) -> None:
    a = sub.add_parser("account", help="登录账号").add_subparsers(dest="action", required=True)
    add = command(
        a, "add", cmd_add, "添加账号（密码在提示时输入或取自 REDOFFICE_NEW_PASSWORD）", writes=True
    )
    add.add_argument("--name", help="姓名（审计记录中的经办人；默认同登录名）")
    set_role = command(
        a, "set-role", cmd_set_role, "修改账号的角色和对应的工作人员（下次登录起生效）", writes=True
    )
    for parser in (add, set_role):
        parser.add_argument("login", metavar="LOGIN")
        parser.add_argument("--role", required=True, choices=list(ROLES), help="角色")
        parser.add_argument(
            "--staff", metavar="STAFF", help="对应的工作人员，姓名或编号（网格员的网格取自这里）"
        )
    command(a, "list", cmd_list, "列出账号", writes=False)
    for name, handler, text in (
        ("reset", cmd_reset, "重设密码（并解锁）"),
        ("unlock", cmd_unlock, "解锁"),
        ("disable", cmd_disable, "停用账号"),
    ):
        command(a, name, handler, text, writes=True).add_argument("login", metavar="LOGIN")


def gate_file_command(args: argparse.Namespace) -> None:
    """The commands that work on the database file itself (``db encrypt|unlock``, ``backup
    restore|verify``) run before the database is opened for a command. On a database with
    accounts they need a ``--user`` whose role manages the settings; a file that does not
    open (damaged, or encrypted without its key: the recovery key is the credential then) is
    left to the command."""
    try:
        db = open_database(resolve_db_url(args.db, args.db_url))
    except UserError:
        return
    try:
        if not accounts.has_accounts(db):
            return
        if not args.user:
            raise UserError("account.login_needed")
        accounts.login(db, args.user, _password(PASSWORD_ENV, f"{args.user} 的密码："))
        if not permits(db, Permission.MANAGE_SETTINGS):
            raise UserError("account.settings_not_allowed", name=db.actor, role=_role(db))
    finally:
        db.close()


def _role(db: Database) -> str:
    return "" if db.user is None else ROLES.get(db.user.role, db.user.role)
