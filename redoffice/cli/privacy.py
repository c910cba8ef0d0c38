"""``redoffice-cli resident subject-export`` (个人信息查询: the workbook and the PDF of what the
office holds on one person) and ``resident retention`` (those past the retention period;
``--erase`` erases them, each audited)."""

from __future__ import annotations

import argparse
from typing import Any

from redoffice.cli.common import out, out_rows
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.files import write_file
from redoffice.kit.messages import message
from redoffice.registry import retention, subject_request


def cmd_subject_export(db: Database, args: argparse.Namespace) -> int:
    name, workbook, pdf = subject_request.export_answer(db, args.id, clock.today())
    write_file(f"{args.out}.xlsx", workbook)
    write_file(f"{args.out}.pdf", pdf)
    out(f"已导出 {name} 的个人信息查询结果：{args.out}.xlsx、{args.out}.pdf（已记入审计日志）")
    return 0


def _due_line(d: retention.Due) -> str:
    return f"{d.id}\t{d.name}\t{d.status}\t{d.status_date.isoformat()}\t{d.address}"


def cmd_retention(db: Database, args: argparse.Namespace) -> int:
    found = retention.due(db)
    if not args.erase:
        if not found and not args.json:
            out(message("privacy.retention_none", years=retention.retention_years(db)))
        return out_rows(args, found, _due_line)
    erased, refused = retention.erase_due(db, [d.id for d in found])
    for r in refused:
        out(f"未清除 {r.name}：{r.reason}")
    out(f"已清除 {erased} 名居民的个人信息（记录保留，同步时街道也将清除）")
    return 0


def register(residents: Any) -> None:
    """The commands, under ``resident``."""
    sub = residents.add_parser("subject-export", help="个人信息查询：导出本社区保存的某人全部信息")
    sub.add_argument("id", metavar="ID")
    sub.add_argument("--out", required=True, metavar="PATH", help="文件名（不含扩展名）")
    sub.set_defaults(handler=cmd_subject_export, needs_operator=True)
    keep = residents.add_parser("retention", help="迁出或去世已满保存年限的居民（--erase 清除）")
    keep.add_argument("--erase", action="store_true", help="清除列出的全部居民的个人信息")
    keep.add_argument("--json", action="store_true")
    keep.set_defaults(handler=cmd_retention, needs_operator=True)
