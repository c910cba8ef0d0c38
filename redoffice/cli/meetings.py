"""``meetings`` commands and the meeting reports (签到表, 会议纪要, 督办表)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from redoffice.cli.common import community_option, out_rows, parse_date
from redoffice.cli.work import command
from redoffice.kit import clock
from redoffice.kit.date_input import parse_time
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.files import write_file
from redoffice.meetings import documents, exports, resolutions
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import service as meetings
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.registry import reference as registry


def cmd_meetings_list(db: Database, args: argparse.Namespace) -> int:
    if args.open_resolutions:
        return out_rows(
            args,
            resolutions.list_resolutions(db, ResolutionFilter(open_only=True)),
            lambda r: (
                f"{r.number}\t{r.deadline}\t{r.status}{'【逾期】' if r.overdue else ''}"
                f"\t{r.party}\t{r.text[:40]}"
            ),
        )
    return out_rows(
        args,
        meeting_queries.list_meetings(db),
        lambda m: (
            f"{m.number}\t{m.meeting_date}\t{m.kind}\t{m.title}\t{m.estates}\t{m.status}"
            f"\t未完成 {m.open_resolutions} 项（逾期 {m.overdue_resolutions}）"
        ),
    )


def cmd_meetings_cancel(db: Database, args: argparse.Namespace) -> int:
    meeting_id = meeting_queries.resolve(db, args.meeting)
    meetings.cancel_meeting(db, meeting_id, args.reason, args.date or clock.today())
    print(f"会议 {args.meeting} 已取消")
    return 0


# the meeting's fields ``meetings correct`` can change: option → MeetingInput field
CORRECTABLE = {
    "kind": "kind",
    "title": "title",
    "date": "meeting_date",
    "time": "start_time",
    "place": "place",
    "convener": "convener",
    "host": "host",
    "recorder": "recorder",
    "notice_date": "notice_date",
}


def _estate_ids(db: Database, names: list[str]) -> tuple[str, ...]:
    known = dict(registry.estate_choices(db))
    missing = [n for n in names if n.strip() not in known]
    if missing:
        raise UserError("cli.estate_unknown", name="、".join(missing))
    return tuple(known[n.strip()] for n in names)


def cmd_meetings_correct(db: Database, args: argparse.Namespace) -> int:
    """修改 as on the meetings page: only before the minutes are final (the service refuses a
    final or cancelled meeting, saying why); options not given keep their stored value."""
    meeting_id = meeting_queries.resolve(db, args.meeting)
    stored = meetings.draft_meeting(db, meeting_id).data
    changes: dict[str, Any] = {
        field: getattr(args, option)
        for option, field in CORRECTABLE.items()
        if getattr(args, option) is not None
    }
    if "start_time" in changes:
        changes["start_time"] = parse_time(changes["start_time"])
    if args.estate:
        changes["estate_ids"] = _estate_ids(db, args.estate)
    if not changes:
        raise UserError("cli.nothing_to_correct")
    meetings.correct_meeting(db, meeting_id, replace(stored, **changes))
    print(f"会议 {args.meeting} 已修改")
    return 0


def cmd_report_sign_in(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, documents.sign_in_sheet(db, meeting_queries.resolve(db, args.meeting)))
    return 0


def cmd_report_minutes(db: Database, args: argparse.Namespace) -> int:
    write_file(args.out, documents.minutes(db, meeting_queries.resolve(db, args.meeting)))
    return 0


def cmd_report_resolutions(db: Database, args: argparse.Namespace) -> int:
    f = ResolutionFilter(open_only=args.open)
    xlsx = Path(args.out).suffix.lower() == ".xlsx"
    write_file(args.out, exports.follow_up_xlsx(db, f) if xlsx else documents.follow_up_pdf(db, f))
    return 0


def register(sub: Any, report: Any) -> None:
    m = sub.add_parser("meetings", help="三方联席会议").add_subparsers(dest="action", required=True)
    listing = community_option(
        command(m, "list", cmd_meetings_list, "列出会议或未完成的议定事项", writes=False)
    )
    listing.add_argument("--open-resolutions", action="store_true", help="列出未完成的议定事项")
    listing.add_argument("--json", action="store_true")
    cancel = command(m, "cancel", cmd_meetings_cancel, "取消纪要未定稿的会议", writes=True)
    cancel.add_argument("meeting", metavar="ID", help="会议编号或 ID")
    cancel.add_argument("--reason", required=True, help="取消原因")
    cancel.add_argument("--date", type=parse_date, help="取消日期，默认今天")
    _correct_parser(m)
    for name, handler, text in (
        ("sign-in", cmd_report_sign_in, "会议签到表"),
        ("minutes", cmd_report_minutes, "会议纪要"),
    ):
        parser = command(report, name, handler, text, writes=False)
        parser.add_argument("--meeting", required=True, metavar="ID", help="会议编号或 ID")
        parser.add_argument("--out", required=True)
    follow = command(report, "resolutions", cmd_report_resolutions, "议定事项督办表", writes=False)
    follow.add_argument("--open", action="store_true", help="只列未完成事项")
    follow.add_argument("--out", required=True, help="FILE.pdf 或 FILE.xlsx")


def _correct_parser(m: Any) -> None:
    correct = command(m, "correct", cmd_meetings_correct, "修改纪要未定稿的会议", writes=True)
    correct.add_argument("meeting", metavar="ID", help="会议编号或 ID")
    correct.add_argument("--kind", help="会议类型")
    correct.add_argument("--title", help="会议名称")
    correct.add_argument("--date", type=parse_date, help="会议日期 YYYY-MM-DD")
    correct.add_argument("--time", help="开始时间，如 14:30")
    correct.add_argument("--place", help="地点")
    correct.add_argument("--convener", help="召集人")
    correct.add_argument("--host", help="主持人")
    correct.add_argument("--recorder", help="记录人")
    correct.add_argument("--notice-date", type=parse_date, help="通知日期 YYYY-MM-DD")
    correct.add_argument(
        "--estate", action="append", metavar="小区", help="涉及的小区（可重复；替换原有小区）"
    )
