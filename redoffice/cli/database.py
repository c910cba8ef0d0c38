"""``db`` commands (issue 16, decision 0028): encrypt the SQLite file at rest, and unlock an
encrypted one on another PC with the recovery key. Both work on the file itself, before (or
instead of) the usual opening of the database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from redoffice.cli.common import out
from redoffice.kit import cipher
from redoffice.kit.db import open_database, sqlite_path
from redoffice.kit.errors import UserError
from redoffice.kit.keystore import keyring_available
from redoffice.kit.paths import resolve_db_url
from redoffice.settings.encryption import check_sheet_place, database_path, encrypt_database


def _new_passphrase() -> str | None:
    """Only where this PC has no keyring: from ``REDOFFICE_DB_PASSPHRASE`` (scripts), else
    asked for twice; two different answers are refused before anything is written."""
    if keyring_available():
        return None
    found = os.environ.get(cipher.PASSPHRASE_ENV)
    if not found and sys.stdin.isatty():
        found = getpass.getpass("数据库口令（至少 8 位）：")
        if found and getpass.getpass("再输入一次数据库口令：") != found:
            raise UserError("db.passphrase_mismatch")
    return found or None


def cmd_encrypt(args: argparse.Namespace) -> int:
    if not args.recovery_sheet:
        raise UserError("db.sheet_needed")
    sheet = Path(args.recovery_sheet)
    db = open_database(resolve_db_url(args.db, args.db_url))
    try:
        check_sheet_place(database_path(db), sheet)
        passphrase = _new_passphrase()
    except BaseException:
        db.close()
        raise
    done = encrypt_database(db, sheet, passphrase)
    out(f"数据库已加密：{done.database}")
    out(f"照片和扫描件已加密：{done.attachments} 个")
    for copy in done.copies:
        out(f"备份已加密：{copy}")
    for copy in done.removed:
        out(f"无法读取的未加密备份已删除：{copy}")
    if done.plain_left:
        out(done.plain_left)
    out(f"恢复密钥单：{done.sheet}（请立即打印，封存于保险柜，然后删除此文件）")
    out(f"恢复密钥：{done.recovery}")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    path = sqlite_path(resolve_db_url(args.db, args.db_url))
    if path is None:
        raise UserError("db.encrypt_not_file")
    cipher.unlock(path, args.recovery_key)
    out(f"已用恢复密钥解锁 {path}，密钥已保存到本机系统密钥库")
    return 0


def register(sub: Any) -> None:
    group = sub.add_parser("db", help="数据库文件：加密、用恢复密钥解锁")
    dsub = group.add_subparsers(dest="db_command", required=True)
    enc = dsub.add_parser("encrypt", help="加密此数据库（先备份，生成恢复密钥单）")
    enc.add_argument(
        "--recovery-sheet",
        metavar="PDF",
        help="恢复密钥单的保存位置（必填；不能在数据库所在的文件夹里，例如U盘）",
    )
    enc.set_defaults(file_handler=cmd_encrypt, needs_operator=False)
    unl = dsub.add_parser("unlock", help="在本机用恢复密钥解锁加密的数据库")
    unl.add_argument("--recovery-key", required=True, metavar="KEY", help="恢复密钥单上的 56 位")
    unl.set_defaults(file_handler=cmd_unlock, needs_operator=False)
