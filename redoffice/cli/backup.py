"""``redoffice-cli backup create|list|restore|verify``.

``restore`` works on the file itself, never opening it as a database first: it is the way out
when the database is damaged (``redoffice-cli`` refuses to open it and says so)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import make_url

from redoffice.cli.common import out, out_json
from redoffice.cli.work import command
from redoffice.kit import backups, restoring
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.paths import resolve_db_url


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _info_line(info: backups.BackupInfo) -> str:
    counts = "、".join(f"{label} {n}" for label, n in info.counts)
    return f"{info.path}\t{_mb(info.size)}\t{info.community}\t{counts}"


def cmd_create(db: Database, args: argparse.Namespace) -> int:
    if args.to:
        info = backups.backup_to(db, Path(args.to))
        out(f"已备份并校验：{_info_line(info)}")
        return 0
    made = backups.make_backup(db, manual=True)
    out(f"已备份并校验：{made.path}\t{_mb(made.size)}")
    if made.second is not None:
        out(f"第二份：{made.second}")
    if made.note:
        out(made.note)
    return 0


def _copy_json(copy: backups.Copy) -> dict[str, Any]:
    return {"path": str(copy.path), "made": copy.made, "kind": copy.kind, "size": copy.size}


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    found = backups.copies(backups.database_file(db), backups.second_folder(db))
    if args.json:
        out_json([_copy_json(c) for c in found])
        return 0
    for c in found:
        out(f"{c.made:%Y-%m-%d %H:%M:%S}\t{c.kind}\t{_mb(c.size)}\t{c.path}")
    if warning := backups.disk_warning(db):
        out(warning)
    return 0


def verify_files(args: argparse.Namespace) -> int:
    """Check backup files without opening the database (it may be the damaged one)."""
    failed = 0
    for name in args.files:
        try:
            out(f"完好：{_info_line(backups.verify(Path(name)))}")
        except UserError as exc:
            out(f"未通过：{exc.text}")
            failed += 1
    return 1 if failed else 0


def restore_on_file(args: argparse.Namespace) -> int:
    """Restore without opening the database first (it may be damaged)."""
    url = resolve_db_url(args.db, args.db_url)
    database = make_url(url).database
    if make_url(url).get_backend_name() != "sqlite" or not database or database == ":memory:":
        raise UserError("backup.not_sqlite")
    current = Path(database).resolve()
    if args.newest:
        info = backups.newest_good(backups.copies(current))
    else:
        info = backups.verify(Path(args.file))
    actor = args.user or getattr(args, "operator", None) or "redoffice-cli"
    # erasures made since applied again, the restore audited, before it takes the name
    restored = restoring.restore_file(current, info, backups.attachments_of(current), actor=actor)
    out(f"已从 {info.path} 恢复；恢复前的数据库另存为 {restored.aside}")
    if restored.attachments_missing:
        out(f"有 {restored.attachments_missing} 个照片或扫描件在备份旁边找不到")
    return 0


def cmd_second(db: Database, args: argparse.Namespace) -> int:
    backups.set_second_folder(db, None if args.none else Path(args.folder))
    out(f"第二备份位置：{args.folder}" if not args.none else "已取消第二备份位置")
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("backup", help="备份与恢复").add_subparsers(dest="action", required=True)
    cr = command(
        s, "create", cmd_create, "立即备份（校验后保存，并复制到第二备份位置）", writes=False
    )
    cr.add_argument("--to", metavar="FILE", help="备份到指定文件（照片和扫描件复制到它旁边）")
    ls = command(s, "list", cmd_list, "列出自动备份和操作前的备份（最新的在前）", writes=False)
    ls.add_argument("--json", action="store_true")
    vf = s.add_parser("verify", help="检查备份文件是否完好（完整性检查和记录数）")
    vf.add_argument("files", nargs="+", metavar="FILE")
    vf.set_defaults(file_handler=verify_files)
    sc = command(s, "second", cmd_second, "设置第二备份位置（另一块磁盘或 U 盘）", writes=True)
    where = sc.add_mutually_exclusive_group(required=True)
    where.add_argument("folder", nargs="?", metavar="DIR")
    where.add_argument("--none", action="store_true", help="取消第二备份位置")
    rs = s.add_parser("restore", help="用备份替换数据库（当前数据库先另存到备份文件夹）")
    which = rs.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", metavar="FILE")
    which.add_argument("--newest", action="store_true", help="用最新的完好备份")
    # on the file, not through an opened database: the way out when it is damaged
    rs.set_defaults(file_handler=restore_on_file)
