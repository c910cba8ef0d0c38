"""``wishes`` commands (微心愿) and the wish-board and member-service reports."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from redoffice.cli.common import community_option, out, out_json, out_rows, parse_date
from redoffice.cli.work import command
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.kit.money import yuan
from redoffice.registry import party_members
from redoffice.wishes import documents
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import STATS_BY, WishFilter
from redoffice.wishes.service import STATUSES, ClaimInput, FulfilInput


def _status(text: str | None) -> str | None:
    if text is None:
        return None
    for code, label in STATUSES.items():
        if text in (code, label):
            return code
    raise UserError("invalid_choice", value=text)


def cmd_wishes_list(db: Database, args: argparse.Namespace) -> int:
    round_id = wish_queries.round_named(db, args.round) if args.round else None
    rows = wish_queries.list_wishes(db, WishFilter(status=_status(args.status), round_id=round_id))
    if args.json:
        out_json(
            [
                {
                    "id": r.id,
                    "number": r.number,
                    "status": r.status,
                    "status_label": r.status_label,
                    "round": r.round,
                    "priority": r.priority,
                    "beneficiary_id": r.beneficiary_id,
                    "beneficiary_name": r.beneficiary_name,
                    "wish": r.wish,
                    "category": r.category,
                    "estimated_value": yuan(r.estimated_value),
                    "claimer_name": r.claimer_name,
                    "contact_due": r.contact_due,
                    "contact_overdue": r.contact_overdue,
                    "fulfilled_on": r.fulfilled_on,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        flag = "【优先】" if r.priority else ""
        late = "【对接逾期】" if r.contact_overdue else ""
        out(
            f"{r.number}\t{r.status_label}{late}\t{r.round}{flag}\t{r.beneficiary_name}"
            f"\t{r.wish[:30]}\t{r.category}\t{yuan(r.estimated_value)}元\t{r.claimer_name}"
        )
    return 0


def cmd_wishes_claim(db: Database, args: argparse.Namespace) -> int:
    wish_id = wish_queries.resolve(db, args.wish)
    data = ClaimInput(tuple(args.member or ()), args.unit, args.date)
    wishes.claim(db, wish_id, data)
    row = wish_queries.get_wishes(db, [wish_id])[0]
    out(f"已认领：{row.number}，认领人 {row.claimer_name}，请于 {row.contact_due} 前对接心愿人")
    return 0


def cmd_wishes_fulfil(db: Database, args: argparse.Namespace) -> int:
    wish_id = wish_queries.resolve(db, args.wish)
    photos = tuple(Path(p) for p in args.photo or ())
    wishes.fulfil(db, wish_id, FulfilInput(args.date, args.value, args.receipt_signed, photos))
    out(f"已兑现：{wish_queries.get_wishes(db, [wish_id])[0].number}")
    return 0


def cmd_wishes_members(db: Database, args: argparse.Namespace) -> int:
    return out_rows(
        args,
        party_members.list_members(db),
        lambda r: f"{r.id}\t{r.name}\t{r.workplace}\t{r.unit}\t报到 {r.reported_on}",
    )


def cmd_wishes_units(db: Database, args: argparse.Namespace) -> int:
    return out_rows(
        args,
        party_members.partner_units(db),
        lambda u: f"{u.id}\t{u.name}\t{u.contact_person}\t{u.phone}\t报到党员 {u.members} 名",
    )


def cmd_wishes_stats(db: Database, args: argparse.Namespace) -> int:
    by = next((k for k, v in STATS_BY.items() if args.by in (k, v)), None)
    if by is None:
        raise UserError("invalid_choice", value=args.by)
    end = args.to or clock.today()
    start = getattr(args, "from") or date(end.year, 1, 1)
    rows = wish_queries.statistics(db, start, end, by)
    if args.json:
        out_json(
            [
                {"key": r.key, **r.counts, "claim_rate": r.claim_rate, "fulfil_rate": r.fulfil_rate}
                for r in rows
            ]
        )
        return 0
    out(f"{STATS_BY[by]}\t征集\t核实\t发布\t认领\t兑现\t认领率\t兑现率")
    for r in rows:
        counts = "\t".join(str(r.counts[k]) for k in wish_queries.COUNTED)
        out(f"{r.key}\t{counts}\t{_percent(r.claim_rate)}\t{_percent(r.fulfil_rate)}")
    return 0


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def cmd_report_wish_board(db: Database, args: argparse.Namespace) -> int:
    round_id = wish_queries.round_named(db, args.round) if args.round else None
    write_file(args.out, documents.wish_board(db, round_id, args.paper))
    return 0


def cmd_report_member_service(db: Database, args: argparse.Namespace) -> int:
    pdf = documents.member_service(db, args.member, getattr(args, "from"), args.to)
    write_file(args.out, pdf)
    return 0


def register(sub: Any, report: Any) -> None:
    w = sub.add_parser("wishes", help="微心愿").add_subparsers(dest="action", required=True)
    listing = community_option(command(w, "list", cmd_wishes_list, "列出心愿", writes=False))
    listing.add_argument("--status", help="状态：published 或 待认领 等")
    listing.add_argument("--round", help="批次序号或名称")
    listing.add_argument("--json", action="store_true")
    members = community_option(
        command(w, "members", cmd_wishes_members, "列出双报到党员", writes=False)
    )
    members.add_argument("--json", action="store_true")
    units = command(w, "units", cmd_wishes_units, "列出共建单位", writes=False)
    units.add_argument("--json", action="store_true")
    stats = community_option(
        command(w, "stats", cmd_wishes_stats, "微心愿统计（按各环节发生的日期）", writes=False)
    )
    stats.add_argument(
        "--by", default="round", help="round/批次, grid/网格, group/人群类别, claimer/认领人"
    )
    stats.add_argument("--from", type=parse_date, help="默认今年1月1日")
    stats.add_argument("--to", type=parse_date, help="默认今天")
    stats.add_argument("--json", action="store_true")
    claim = command(w, "claim", cmd_wishes_claim, "认领心愿", writes=True)
    claim.add_argument("wish", metavar="ID", help="心愿编号或 ID")
    who = claim.add_argument_group("认领人（至少一项）")
    who.add_argument("--member", action="append", metavar="ID", help="双报到党员 ID（可多次）")
    who.add_argument("--unit", metavar="ID", help="共建单位 ID")
    claim.add_argument("--date", type=parse_date, help="认领日期，默认今天")
    fulfil = command(w, "fulfil", cmd_wishes_fulfil, "登记兑现", writes=True)
    fulfil.add_argument("wish", metavar="ID", help="心愿编号或 ID")
    fulfil.add_argument("--date", required=True, type=parse_date)
    fulfil.add_argument("--value", required=True, metavar="YUAN", help="实际价值（元）")
    fulfil.add_argument("--receipt-signed", action="store_true", help="心愿人已签收")
    fulfil.add_argument("--photo", action="append", metavar="FILE", help="兑现照片")
    board = command(report, "wish-board", cmd_report_wish_board, "心愿墙/公示", writes=False)
    board.add_argument("--round", help="批次序号或名称，默认最新批次")
    board.add_argument("--paper", choices=("A4", "A3"), default="A4")
    board.add_argument("--out", required=True)
    service = command(
        report, "member-service", cmd_report_member_service, "在职党员服务记录", writes=False
    )
    service.add_argument("--member", required=True, metavar="ID")
    service.add_argument("--from", required=True, type=parse_date)
    service.add_argument("--to", required=True, type=parse_date)
    service.add_argument("--out", required=True)
