"""The street office's commands (issue 15): ``street communities``, ``street stats``,
``street duplicates``, the reports ``street-monthly``, ``street-quarterly`` and
``street-annual``, and the
``--community NODE`` option of the community-side lists and statistics.

Hook point: :func:`register` makes the ``street`` command group and hands its subparsers to
:func:`redoffice.cli.street_orders.register` (``street decide``, ``street reply``,
``street notice``: the street's decisions, in their own module); another module adds its
street commands the same way, ``its_module.register(street_subparsers)``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from redoffice.cli import street_orders
from redoffice.cli.common import out, out_json
from redoffice.cli.work import command
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.reports.street import street_pdf, street_workbook
from redoffice.street import duplicates, stats
from redoffice.street.communities import communities, community_node
from redoffice.street.reports import ANNUAL, MONTHLY, QUARTERLY, TITLES, street_report


def _street_only(db: Database) -> None:
    if not db.is_street:
        raise UserError("sync.street_only")


def cmd_communities(db: Database, args: argparse.Namespace) -> int:
    _street_only(db)
    rows = communities(db)
    if args.json:
        out_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        last = (
            f"{r.last_package_at:%Y-%m-%d %H:%M}（{r.last_package_status}）"
            if r.last_package_at
            else "未收到"
        )
        out(
            f"{r.name}\t{r.code}\t{r.node_id}\t最近数据包 {last}\t已导入至 {r.applied_seq}"
            f"\t暂缓 {r.held}\t冲突 {r.conflicts}\t密钥 {r.key_state}"
        )
    return 0


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


RATES = (
    "coverage",
    "closure_rate",
    "on_time_rate",
    "satisfaction_rate",
    "resolution_rate",
    "claim_rate",
    "fulfil_rate",
    "income",
    "spending",
)


def _figures_json(f: stats.Figures) -> dict[str, Any]:
    """The figures, their rates and the fund's totals."""
    return asdict(f) | {name: getattr(f, name) for name in RATES}


def _figures_line(f: stats.Figures) -> str:
    return (
        f"{f.name}\t走访覆盖率 {_percent(f.coverage)}\t诉求 受理 {f.cases} 办结率 "
        f"{_percent(f.closure_rate)} 按时办结率 {_percent(f.on_time_rate)} 满意率 "
        f"{_percent(f.satisfaction_rate)}\t会议 {f.meetings} 议定事项按期完成率 "
        f"{_percent(f.resolution_rate)}\t微心愿 征集 {f.wishes_collected} 认领率 "
        f"{_percent(f.claim_rate)} 兑现率 {_percent(f.fulfil_rate)}\t双报到 {f.members} 人 "
        f"{f.service_minutes / 60:.1f} 小时\t基金 收入 {f.income / 100:.2f} 元 支出 "
        f"{f.spending / 100:.2f} 元"
    )


def cmd_stats(db: Database, args: argparse.Namespace) -> int:
    _street_only(db)
    node = community_node(db, args.community) if args.community else None
    result = stats.street_stats(db, args.period, community=node)
    if args.json:
        out_json(
            {
                "period": result.period.name,
                "communities": [_figures_json(r) for r in result.rows],
                "total": _figures_json(result.total),
            }
        )
        return 0
    for row in (*result.rows, result.total):
        out(_figures_line(row))
    return 0


def cmd_duplicates(db: Database, args: argparse.Namespace) -> int:
    _street_only(db)
    found = duplicates.find_duplicates(db)
    if args.json:
        out_json([asdict(f) for f in found])
        return 0
    for f in found:
        sides = "；".join(f"{s.community} {s.name} {s.record}" for s in f.sides)
        out(f"{f.kind_label}\t{f.id_number}\t{f.period or '—'}\t{sides}")
    if not found:
        out("未发现跨社区重复")
    return 0


def _write_report(db: Database, kind: str, period: str, path: str) -> int:
    _street_only(db)
    suffix = Path(path).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UserError("street.report_format", name=Path(path).name)
    report = street_report(db, kind, period)
    write_file(path, street_workbook(report) if suffix == ".xlsx" else street_pdf(report))
    out(f"已生成 {path}")
    return 0


# each street report: its command, its kind, the option naming its period and an example
REPORTS = (
    ("street-monthly", MONTHLY, "month", "2026-11"),
    ("street-quarterly", QUARTERLY, "quarter", "2026Q4"),
    ("street-annual", ANNUAL, "year", "2026"),
)


def _report_command(kind: str, option: str) -> Callable[[Database, argparse.Namespace], int]:
    """``report street-…``: the report of the period its option names, to ``--out``."""

    def run(db: Database, args: argparse.Namespace) -> int:
        return _write_report(db, kind, getattr(args, option), args.out)

    return run


def register(sub: Any, report: Any) -> None:
    """The ``street`` group (its decisions from :mod:`redoffice.cli.street_orders`) and the
    street reports in the ``report`` group."""
    street = sub.add_parser("street", help="街道办").add_subparsers(dest="action", required=True)
    listing = command(street, "communities", cmd_communities, "各社区的同步情况", writes=False)
    listing.add_argument("--json", action="store_true")
    figures = command(street, "stats", cmd_stats, "各社区及合计的工作统计", writes=False)
    figures.add_argument(
        "--period", required=True, help="2026-11（月）、2026Q4（季度）或 2026（年）"
    )
    figures.add_argument("--community", metavar="NODE", help="只统计该社区（节点编号、代码或名称）")
    figures.add_argument("--json", action="store_true")
    dup = command(street, "duplicates", cmd_duplicates, "跨社区重复（同一身份证号）", writes=False)
    dup.add_argument("--json", action="store_true")
    street_orders.register(street)
    for name, kind, option, example in REPORTS:
        made = command(report, name, _report_command(kind, option), TITLES[kind], writes=False)
        made.add_argument(f"--{option}", required=True, help=f"如 {example}")
        made.add_argument("--out", required=True, help="FILE.xlsx 或 FILE.pdf")
