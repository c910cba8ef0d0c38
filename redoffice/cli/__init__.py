"""``redoffice-cli``: the same services as the GUI, from a terminal.

Exit codes: 0 success, 1 user error (one line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice import __version__
from redoffice.cli import accounts as account_commands
from redoffice.cli import audit, backup, excel, fund, holidays, meetings, street, sync, wishes, work
from redoffice.cli import database as database_commands
from redoffice.cli import privacy as privacy_commands
from redoffice.cli.common import Handler, community_option, out, out_json, parse_date
from redoffice.cli.logged import command_line
from redoffice.demo import build as demo
from redoffice.kit import backups, clock, codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.logs import log_exception
from redoffice.kit.messages import message
from redoffice.kit.paths import resolve_db_url
from redoffice.registry import erasure, search, stats
from redoffice.registry import reference as registry
from redoffice.registry.search import ResidentQuery, ResidentRow
from redoffice.settings import community
from redoffice.sync import node as sync_node


def _resident_json(row: ResidentRow) -> dict[str, Any]:
    data = asdict(row)
    data["birth_date"] = row.birth_date.isoformat() if row.birth_date else None
    data["gender"] = codes.label(codes.GENDERS, row.gender)
    data["relation"] = codes.label(codes.RELATIONS, row.relation)
    data["political_status"] = codes.label(codes.POLITICAL_STATUSES, row.political_status)
    data["status"] = codes.label(codes.RESIDENT_STATUSES, row.status)
    data["tags"] = list(row.tags)
    return data


def _resident_line(row: ResidentRow) -> str:
    tags = "、".join(row.tags)
    return "\t".join(
        [
            row.name,
            codes.label(codes.GENDERS, row.gender),
            row.id_number_masked,
            row.phone_masked,
            row.grid,
            row.address,
            tags,
        ]
    )


def _print_residents(rows: list[ResidentRow], as_json: bool) -> None:
    if as_json:
        out_json([_resident_json(r) for r in rows])
    else:
        for row in rows:
            out(_resident_line(row))


def cmd_init(db: Database, args: argparse.Namespace) -> int:
    if args.street:  # a street-office database (issue 14)
        if not (args.street_name and args.street_code):
            raise UserError("sync.street_init_needs")
        node_id = sync_node.initialize_street(
            db, args.street_name, args.street_code, args.operator or "管理员"
        )
        out(f"已初始化街道办：{args.street_name}（节点 {node_id}）")
        account_commands.first_admin(db, args, "street_admin")
        return 0
    if not (args.community_name and args.community_code and args.street_name and args.street_code):
        raise UserError("sync.community_init_needs")
    identity = community.Identity(
        args.community_name, args.community_code, args.street_name, args.street_code
    )
    node = community.initialize(db, identity, args.operator or "管理员")
    out(f"已初始化：{identity.community_name}（节点 {node}）")
    account_commands.first_admin(db, args, "admin")
    return 0


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\r生成演示数据 {done}/{total}")

    counts = demo.create_demo(db, args.households, args.seed, progress, args.today)
    sys.stderr.write("\n")
    out(f"已生成 {counts['household']} 户、{counts['resident']} 名居民")
    return 0


def _grid_id(db: Database, code: str | None) -> str | None:
    return registry.grid_by_code(db, code).id if code else None


def _tag(tag: str | None) -> str | None:
    if not tag:
        return None
    found = codes.code_for(codes.TAGS, tag)
    if found is None:
        raise UserError("db.unknown_tag", tag=tag)
    return found


def cmd_residents_list(db: Database, args: argparse.Namespace) -> int:
    query = ResidentQuery(grid_id=_grid_id(db, args.grid), tag=_tag(args.tag))
    _print_residents(search.search_residents(db, query, limit=args.limit), args.json)
    return 0


def cmd_residents_search(db: Database, args: argparse.Namespace) -> int:
    query = ResidentQuery(text=args.query)
    _print_residents(search.search_residents(db, query, limit=args.limit), args.json)
    return 0


def cmd_residents_erase(db: Database, args: argparse.Namespace) -> int:
    erasure.erase_resident(db, args.id, args.reason)
    out(f"已清除居民 {args.id} 的个人信息（记录保留，同步时街道也将清除）")
    return 0


def cmd_stats(db: Database, args: argparse.Namespace) -> int:
    result = stats.registry_stats(db)
    if args.json:
        out_json(asdict(result))
        return 0
    out(f"户数：{result.households}  居民：{result.residents}  党员：{result.party_members}")
    for g in result.by_grid:
        out(f"{g.code}\t{g.name}\t{g.households} 户\t{g.residents} 人")
    for _, label, count in result.by_tag:
        out(f"{label}\t{count}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="redoffice-cli", description="RedOffice 社区红色工作台 命令行")
    p.add_argument("--version", action="version", version=f"RedOffice {__version__}")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help="SQLite 数据库文件")
    where.add_argument("--db-url", metavar="URL", help="数据库地址，如 postgresql+psycopg://...")
    p.add_argument("--operator", help="本次操作的经办人（默认取设置中的经办人；未设置登录账号时）")
    p.add_argument(
        "--user", metavar="LOGIN", help="以该账号登录（密码在提示时输入或取自 REDOFFICE_PASSWORD）"
    )
    sub = p.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="初始化社区信息（--street：街道办）")
    init.add_argument("--street", action="store_true", help="初始化为街道办的数据库")
    init.add_argument("--community-name")
    init.add_argument("--community-code")
    init.add_argument("--street-name")
    init.add_argument("--street-code")
    init.add_argument("--operator", default=argparse.SUPPRESS, help="经办人")
    init.add_argument("--admin-user", metavar="LOGIN", help="同时创建第一个管理员账号")
    init.add_argument("--admin-name", help="管理员姓名（默认同登录名）")
    init.set_defaults(handler=cmd_init, needs_operator=False)

    dem = sub.add_parser("demo", help="生成演示数据")
    dem.add_argument("--households", type=int, required=True)
    dem.add_argument("--seed", type=int, default=1)
    dem.add_argument("--today", type=parse_date, help="演示数据截至的日期 YYYY-MM-DD，默认今天")
    dem.set_defaults(handler=cmd_demo, needs_operator=True)

    res = sub.add_parser("residents", aliases=["resident"], help="居民")
    rsub = res.add_subparsers(dest="action", required=True)
    lst = rsub.add_parser("list", help="列出居民")
    lst.add_argument("--grid", metavar="CODE")
    lst.add_argument("--tag", metavar="TAG")
    lst.add_argument("--limit", type=int, default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_residents_list, needs_operator=False)
    community_option(lst)
    srch = rsub.add_parser("search", help="搜索居民")
    srch.add_argument("query")
    srch.add_argument("--limit", type=int, default=50)
    srch.add_argument("--json", action="store_true")
    srch.set_defaults(handler=cmd_residents_search, needs_operator=False)
    community_option(srch)
    era = rsub.add_parser("erase", help="按本人要求清除居民的个人信息（保留记录，留痕）")
    era.add_argument("id", metavar="ID")
    era.add_argument("--reason", required=True, help="清除原因，如：本人申请删除")
    era.set_defaults(handler=cmd_residents_erase, needs_operator=True)
    privacy_commands.register(rsub)

    st = sub.add_parser("stats", help="统计")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_stats, needs_operator=False)
    community_option(st)
    report = work.register(sub)
    meetings.register(sub, report)
    wishes.register(sub, report)
    fund.register(sub, report)
    excel.register(sub)
    holidays.register(sub)
    audit.register(sub)
    account_commands.register(sub)
    sync.register(sub)
    street.register(sub, report)  # street_orders adds its commands to the group
    backup.register(sub)
    database_commands.register(sub)
    return p


def _run(args: argparse.Namespace) -> int:
    if (on_file := getattr(args, "file_handler", None)) is not None:  # db encrypt / unlock
        account_commands.gate_file_command(args)
        return int(on_file(args))
    url = resolve_db_url(args.db, args.db_url)  # only init makes a new file (a typo: refused)
    db = backups.open_checked(url, create=args.command == "init")  # quick_check: damaged?
    try:
        if args.command != "init" and not community.is_initialized(db):
            raise UserError("community.not_initialized")
        account_commands.sign_in(db, args)
        handler: Handler = args.handler
        return handler(db, args)
    finally:
        db.close()


# a refusal whose words, shared with the window, say what to do there: the command to type
COMMAND_STEPS = {"db.key_missing": "cli.step_unlock", "db.passphrase_needed": "cli.step_passphrase"}


def command_step(refusal: UserError) -> str:
    """The next step at the command line after ``refusal`` (its own line), or ""."""
    if isinstance(refusal, backups.Damaged):
        return f"{message('cli.step_restore')}\n" if refusal.copies else ""
    step = COMMAND_STEPS.get(refusal.code)
    return f"{message(step)}\n" if step else ""


def main(argv: Sequence[str] | None = None) -> int:
    if (ignored := clock.ignored_setting()) is not None:  # never run on another day than asked
        sys.stderr.write(f"错误：{ignored}\n")
        return 2
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except UserError as exc:
        sys.stderr.write(f"错误：{exc.text}\n{command_step(exc)}")
        return 1
    except BrokenPipeError:  # output piped into `head` and the like: the reader has gone
        sys.stderr.close()
        return 0
    except Exception:
        path = log_exception(command_line(parser, sys.argv[1:] if argv is None else argv))
        sys.stderr.write(f"错误：程序内部错误，未保存任何更改。详情已写入 {path}\n")
        return 3


if __name__ == "__main__":
    sys.exit(main())
