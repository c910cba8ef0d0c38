"""``visits``, ``cases`` and ``report`` commands."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from redoffice.cases import documents as case_documents
from redoffice.cases import service as cases
from redoffice.cases.queries import STATS_BY, CaseFilter, case_stats, list_cases
from redoffice.cli.common import community_option, out, out_json, out_rows, parse_date
from redoffice.kit import clock
from redoffice.kit.codes import Labels, code_for
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.kit.messages import message
from redoffice.registry import reference as registry
from redoffice.visits import documents as visit_documents
from redoffice.visits import queries as visit_queries
from redoffice.visits import service as visits


def _code(labels: Labels, text: str | None, field: str) -> str | None:
    if text is None:
        return None
    found = code_for(labels, text)
    if found is None:
        raise UserError(
            "cli.unknown_value",
            field=message("field." + field),
            value=text,
            choices="、".join(labels.values()),
        )
    return found


def _staff_id(db: Database, name: str) -> str:
    found = registry.staff_named(db, name)
    if found is None:
        known = any(s.name == name.strip() for s in registry.list_staff(db))
        raise UserError("cli.staff_ambiguous" if known else "cli.staff_unknown", name=name)
    return found


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def cmd_visits_add(db: Database, args: argparse.Namespace) -> int:
    data = visits.VisitInput(
        household_id=args.household,
        visit_date=args.date,
        visitor_ids=tuple(_staff_id(db, n) for n in args.visitor),
        purposes=tuple(args.purpose),
        situation=args.note or "",
        attachments=tuple(Path(a) for a in args.attach or ()),
    )
    out(visits.record_visit(db, data))
    return 0


def cmd_visits_due(db: Database, args: argparse.Namespace) -> int:
    grid = registry.grid_by_code(db, args.grid).id if args.grid else None
    worker = _staff_id(db, args.worker) if args.worker else None
    visits.bring_plan_current(db)  # a new day's due dates, written before the plan is read
    due = visits.visit_plan(db, grid_id=grid, staff_id=worker)
    if args.json:
        out_json([asdict(d) | {"overdue": d.due < clock.today()} for d in due])
    for d in [] if args.json else due:
        out(f"{d.due}\t{d.address}\t上次 {d.last_visit or '从未走访'}\t每 {d.interval_days} 天")
    return 0


def cmd_visits_coverage(db: Database, args: argparse.Namespace) -> int:
    result = visit_queries.coverage(
        db, _code(visit_queries.PERIODS, args.period, "period") or "month"
    )
    rows = [("合计", result.total)] + [("网格", r) for r in result.by_grid]
    rows += [("人群", r) for r in result.by_group]
    if args.json:
        out_json(
            {
                "period": result.period,
                "from": result.start,
                "to": result.end,
                "rows": [asdict(r) | {"kind": k, "rate": r.rate} for k, r in rows],
            }
        )
        return 0
    out(f"走访覆盖率 {result.start} 至 {result.end}")
    for kind, r in rows:
        out(f"{kind}\t{r.label}\t{r.visited}/{r.households}\t{_percent(r.rate)}")
    return 0


def cmd_cases_add(db: Database, args: argparse.Namespace) -> int:
    data = cases.CaseInput(
        category=args.category,
        description=args.description,
        urgency=_code(cases.URGENCIES, args.urgency, "urgency") or "normal",
        source=_code(cases.SOURCES, args.source, "source") or "walk_in",
        household_id=args.household,
        attachments=tuple(Path(a) for a in args.attach or ()),
    )
    out(cases.create_case(db, data))
    return 0


def cmd_cases_list(db: Database, args: argparse.Namespace) -> int:
    status = _code(cases.STATUSES, args.status, "status")
    return out_rows(
        args,
        list_cases(db, CaseFilter(status=status, overdue_only=args.overdue)),
        lambda r: (
            f"{r.number}\t{r.status}{'【逾期】' if r.overdue else ''}\t{r.category}"
            f"\t{r.description[:30]}\t{r.reporter_masked}"
        ),
    )


def cmd_cases_stats(db: Database, args: argparse.Namespace) -> int:
    by = _code(STATS_BY, args.by, "by") or "category"
    total, rows = case_stats(db, by, args.date_from, args.date_to)
    if args.json:
        out_json(
            [
                asdict(r)
                | {
                    "closure_rate": r.closure_rate,
                    "on_time_rate": r.on_time_rate,
                    "satisfaction_rate": r.satisfaction_rate,
                }
                for r in [*rows, total]
            ]
        )
        return 0
    out(f"{STATS_BY[by]}\t受理\t办结\t办结率\t按时办结率\t满意率")
    for r in [*rows, total]:
        out(
            f"{r.key}\t{r.total}\t{r.closed}\t{_percent(r.closure_rate)}"
            f"\t{_percent(r.on_time_rate)}\t{_percent(r.satisfaction_rate)}"
        )
    return 0


def cmd_cases_transition(db: Database, args: argparse.Namespace) -> int:
    to = _code(cases.STATUSES, args.to, "to") or ""
    satisfaction = _code(cases.SATISFACTIONS, args.satisfaction, "satisfaction")
    state = cases.transition(db, cases.resolve(db, args.id), to, args.note or "", satisfaction)
    out(cases.STATUSES[state])
    return 0


def cmd_report_visit_form(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, visit_documents.visit_form(db, args.household, args.visit))
    return 0


def cmd_report_case_ledger(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, case_documents.case_ledger(db, args.date_from, args.date_to))
    return 0


def command(
    group: Any, name: str, handler: Any, help_text: str, *, writes: bool
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = group.add_parser(name, help=help_text)
    parser.set_defaults(handler=handler, needs_operator=writes)
    return parser


def register(sub: Any) -> Any:
    """Add the visits, cases and report command groups to the top-level parser; returns the
    report group (other modules add their reports to it)."""
    v = sub.add_parser("visits", help="入户走访").add_subparsers(dest="action", required=True)
    add = command(v, "add", cmd_visits_add, "记录一次走访", writes=True)
    add.add_argument("--household", required=True, metavar="ID")
    add.add_argument("--date", required=True, type=parse_date)
    add.add_argument("--visitor", required=True, action="append", metavar="NAME")
    add.add_argument("--purpose", required=True, action="append")
    add.add_argument("--note")
    add.add_argument("--attach", action="append", metavar="FILE", help="照片、扫描件或PDF")
    due = community_option(command(v, "due", cmd_visits_due, "应走访的住户", writes=False))
    due.add_argument("--grid", metavar="CODE")
    due.add_argument("--worker", metavar="NAME", help="只列出该工作人员负责的网格")
    due.add_argument("--json", action="store_true")
    cov = community_option(command(v, "coverage", cmd_visits_coverage, "走访覆盖率", writes=False))
    cov.add_argument("--period", default="本月", help="本月、本季度、本年度")
    cov.add_argument("--json", action="store_true")

    c = sub.add_parser("cases", help="民情诉求").add_subparsers(dest="action", required=True)
    cadd = command(c, "add", cmd_cases_add, "受理诉求", writes=True)
    cadd.add_argument("--category", required=True)
    cadd.add_argument("--urgency", required=True, help="紧急 或 一般")
    cadd.add_argument("--description", required=True)
    cadd.add_argument("--household", metavar="ID")
    cadd.add_argument("--source", help="走访、来电、来访、12345热线、网格巡查、会议、其他")
    cadd.add_argument("--attach", action="append", metavar="FILE", help="照片、扫描件或PDF")
    cstats = community_option(
        command(c, "stats", cmd_cases_stats, "办结率、按时办结率、满意率", writes=False)
    )
    cstats.add_argument("--by", default="类别", help="类别、网格、月份")
    cstats.add_argument("--from", dest="date_from", type=parse_date)
    cstats.add_argument("--to", dest="date_to", type=parse_date)
    cstats.add_argument("--json", action="store_true")
    clist = community_option(command(c, "list", cmd_cases_list, "列出诉求", writes=False))
    clist.add_argument("--status")
    clist.add_argument("--overdue", action="store_true")
    clist.add_argument("--json", action="store_true")
    move = command(c, "transition", cmd_cases_transition, "办理、办结、回访", writes=True)
    move.add_argument("id", help="诉求编号或 ID")
    move.add_argument("--to", required=True, help="办理中、已办结、已回访")
    move.add_argument("--note", help="说明（办结时必填：问题是怎样解决的）")
    move.add_argument("--satisfaction", help="满意、基本满意、不满意")

    r = sub.add_parser("report", help="打印表格").add_subparsers(dest="action", required=True)
    form = command(r, "visit-form", cmd_report_visit_form, "入户走访记录表", writes=False)
    which = form.add_mutually_exclusive_group(required=True)
    which.add_argument("--household", metavar="ID")
    which.add_argument("--visit", metavar="ID")
    form.add_argument("--out", required=True)
    ledger = command(r, "case-ledger", cmd_report_case_ledger, "民情台账", writes=False)
    ledger.add_argument("--from", dest="date_from", type=parse_date)
    ledger.add_argument("--to", dest="date_to", type=parse_date)
    ledger.add_argument("--out", required=True)
    return r
