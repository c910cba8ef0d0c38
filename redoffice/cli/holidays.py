"""``calendar`` commands: the year's public holidays and 调休 working days."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from redoffice.cli.common import out
from redoffice.cli.work import command
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.settings import calendar


def cmd_calendar_import(db: Database, args: argparse.Namespace) -> int:
    days = calendar.read_day_list(Path(args.file))
    result = calendar.import_days(db, days)
    years = "、".join(str(y) for y in result.years)
    out(
        f"已导入 {years} 年的 {len(days)} 天：新增 {result.added} 天，"
        f"更新 {result.changed} 天，{result.unchanged} 天原已相同"
    )
    return 0


def cmd_calendar_list(db: Database, args: argparse.Namespace) -> int:
    for day, kind, name in calendar.list_days(db, args.year):
        out(f"{day.isoformat()}\t{calendar.KIND_LABELS[kind]}\t{name}")
    return 0


def register(sub: Any) -> None:
    c = sub.add_parser("calendar", help="法定节假日与调休").add_subparsers(
        dest="action", required=True
    )
    imp = command(c, "import", cmd_calendar_import, "从清单导入节假日和调休上班日", writes=True)
    imp.add_argument(
        "file", help="文本或 CSV 文件，每行一天或一段：2027-01-01,元旦,休 / 2027-02-07,春节调休,班"
    )
    lst = command(c, "list", cmd_calendar_list, "列出一年的节假日和调休上班日", writes=False)
    lst.add_argument("--year", type=int, default=clock.today().year)
