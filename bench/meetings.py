"""Issue 4 targets: the 会议纪要 PDF of a meeting with 10 agenda items ≤ 150 ms; the 督办表 of
2,000 resolutions ≤ 2 s as PDF and ≤ 1 s as xlsx (reading the resolutions included)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.run import timed
from bench.work import line
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.kit.workbook import table_workbook
from redoffice.meetings import documents, resolutions
from redoffice.meetings import minutes as meeting_minutes
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import (
    AttendeeInput,
    ItemInput,
    MeetingInput,
    Minutes,
    ResolutionInput,
)
from redoffice.models import Estate, Meeting, Resolution
from redoffice.reports import meetings as forms
from redoffice.settings import community

BENCH_TITLE = "基准测试：十个议题的会议"


def _ten_item_meeting(db: Database, estate: str, day: date) -> str:
    meeting = meetings.create_meeting(
        db, MeetingInput("三方联席会议", BENCH_TITLE, day, (estate,), place="社区会议室")
    )
    items = tuple(
        ItemInput(
            f"第{n}个议题：小区公共事务",
            "与会各方充分讨论，物业说明情况，业委会提出意见，社区党委汇总形成决定。" * 3,
            tuple(
                ResolutionInput(
                    f"议定事项{n}-{m}：限期整改并向居民公示",
                    "property",
                    day + timedelta(days=30),
                    "物业公司",
                    "张经理",
                )
                for m in (1, 2)
            ),
        )
        for n in range(1, 11)
    )
    people = tuple(
        AttendeeInput(party, f"参会人{n}", "单位", "职务", "13812345678")
        for n, party in enumerate(("community", "owners_committee", "property", "street", "police"))
    )
    meeting_minutes.save_minutes(db, meeting, Minutes(people, items, "下月召开"))
    return meeting


def _prepare(db: Database) -> str:
    """A 10-item meeting, and enough meetings for 2,000 resolutions (added once)."""
    with db.read() as s:
        estate = str(s.scalar(select(Estate.id).limit(1)))
        found = s.scalar(select(Meeting.id).where(Meeting.title == BENCH_TITLE).limit(1))
        count = s.scalar(select(func.count()).select_from(Resolution)) or 0
    day = clock.today() - timedelta(days=400)
    while count < 2000:
        found = _ten_item_meeting(db, estate, day)
        day += timedelta(days=1)
        count += 20
    return str(found or _ten_item_meeting(db, estate, clock.today()))


def bench_meetings(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    db.actor = community.operator(db)
    meeting = _prepare(db)
    name = community.identity(db).community_name
    rows = resolutions.list_resolutions(db)
    print(f"\nmeetings ({len(rows):,} resolutions)")
    line(
        "会议纪要 PDF, 10 items",
        timed(lambda: forms.minutes(documents.meeting_sheet(db, meeting)), 20),
        150,
    )
    line(
        f"督办表 PDF, {len(rows):,} resolutions",
        timed(
            lambda: forms.follow_up_sheet(
                name, "全部事项", documents.follow_up_lines(resolutions.list_resolutions(db))
            ),
            3,
        ),
        2000,
    )
    line(
        f"督办表 xlsx, {len(rows):,} resolutions",
        timed(
            lambda: table_workbook(
                "议定事项督办表",
                forms.FOLLOW_UP_COLUMNS,
                documents.follow_up_rows(resolutions.list_resolutions(db)),
            ),
            3,
        ),
        1000,
    )
    db.close()
