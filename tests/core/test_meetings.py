"""Meetings, minutes and the follow-up of every resolution."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.db import Database
from redoffice.errors import UserError, ValidationFailed
from redoffice.models import MeetingRevision
from redoffice.services import attachments, cases, meetings, registry, resolutions
from redoffice.services.cases import CaseInput
from redoffice.services.meetings import (
    AttendeeInput,
    ItemInput,
    MeetingInput,
    Minutes,
    ResolutionInput,
)
from redoffice.services.resolutions import ResolutionFilter
from tests.factories import setup_place

TODAY = date.today()


@pytest.fixture
def estate(db: Database) -> str:
    return setup_place(db)[1]


def _meeting(db: Database, estate: str, day: date, **extra: object) -> str:
    values: dict[str, object] = {
        "kind": "三方联席会议",
        "title": f"{day:%m}月三方联席会议",
        "meeting_date": day,
        "estate_ids": (estate,),
        "place": "社区会议室",
        "host": "王书记",
        "recorder": "李委员",
    }
    values.update(extra)
    return meetings.create_meeting(db, MeetingInput(**values))  # type: ignore[arg-type]


def _decide(db: Database, meeting_id: str, *texts: str, deadline: date | None = None) -> None:
    detail = meetings.get_meeting(db, meeting_id)
    items = list(detail.minutes.items) or [ItemInput("小区停车管理")]
    first = items[0]
    items[0] = replace(
        first,
        discussion="三方充分讨论",
        resolutions=first.resolutions
        + tuple(
            ResolutionInput(t, "property", deadline or TODAY + timedelta(days=30), "物业", "张经理")
            for t in texts
        ),
    )
    meetings.save_minutes(
        db,
        meeting_id,
        Minutes(
            attendees=(
                AttendeeInput("community", "王书记", "幸福社区", "书记", "13812345678"),
                AttendeeInput("property", "张经理", "物业公司", "经理", attendance="observer"),
                AttendeeInput("owners_committee", "赵主任", "业委会", "主任", attendance="absent"),
            ),
            items=tuple(items),
            next_meeting="下月第一周",
        ),
    )


def test_meeting_from_two_cases_and_its_resolutions(db: Database, estate: str) -> None:
    first = cases.create_case(db, CaseInput(category="物业服务", description="电梯常坏"))
    second = cases.create_case(db, CaseInput(category="环境卫生", description="垃圾清运慢"))
    meeting = _meeting(db, estate, TODAY - timedelta(days=3), case_ids=(first, second))
    detail = meetings.get_meeting(db, meeting)
    assert [(i.source, i.case_id) for i in detail.minutes.items] == [
        ("case", first),
        ("case", second),
    ]
    assert detail.number.endswith("H001") and detail.status == "draft"
    _decide(db, meeting, "一周内更换电梯控制板", "增加清运频次")
    rows = resolutions.list_resolutions(db, ResolutionFilter(meeting_id=meeting))
    assert [r.number for r in rows] == [f"{detail.number}-01", f"{detail.number}-02"]
    assert {r.status for r in rows} == {"待办"} and rows[0].estates == "阳光花园"
    assert meetings.get_meeting(db, meeting).minutes.attendees[1].attendance == "observer"


def test_overdue_is_derived_from_the_deadline(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY - timedelta(days=40))
    _decide(db, meeting, "修复路灯", deadline=TODAY - timedelta(days=1))
    (row,) = resolutions.list_resolutions(db, ResolutionFilter(overdue_only=True))
    assert row.overdue and row.status == "待办"
    resolutions.add_progress(db, row.id, "已报修")
    (row,) = resolutions.list_resolutions(db, ResolutionFilter(overdue_only=True))
    assert row.status == "推进中" and row.progress == "已报修"
    resolutions.complete(db, row.id, TODAY, "李网格员")
    assert resolutions.list_resolutions(db, ResolutionFilter(overdue_only=True)) == []
    assert not resolutions.list_resolutions(db)[0].overdue


def test_open_resolutions_are_carried_forward(db: Database, estate: str) -> None:
    other_estate = registry.save_estate(db, registry.EstateInput(name="和平小区"))
    june = _meeting(db, estate, TODAY - timedelta(days=60))
    _decide(db, june, "维修单元门禁", "清理楼道杂物")
    done = resolutions.list_resolutions(db)[1]
    resolutions.complete(db, done.id, TODAY - timedelta(days=40), "李网格员")
    elsewhere = _meeting(db, other_estate, TODAY - timedelta(days=30))
    other_kind = _meeting(db, estate, TODAY - timedelta(days=30), kind="居民议事会")
    july = _meeting(db, estate, TODAY - timedelta(days=30))
    carried = meetings.get_meeting(db, july).minutes.items
    assert [(i.source, i.title) for i in carried] == [("carried", "维修单元门禁")]
    assert meetings.get_meeting(db, elsewhere).minutes.items == ()
    assert meetings.get_meeting(db, other_kind).minutes.items == ()


def test_finalize_then_revise_with_a_reason(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    with pytest.raises(UserError, match="没有议题"):
        meetings.finalize(db, meeting)
    _decide(db, meeting, "加装充电桩")
    meetings.finalize(db, meeting)
    with pytest.raises(UserError, match="已经定稿"):
        meetings.finalize(db, meeting)
    detail = meetings.get_meeting(db, meeting)
    changed = replace(detail.minutes, next_meeting="改为下月中旬")
    with pytest.raises(UserError, match="修订原因"):
        meetings.save_minutes(db, meeting, changed)
    meetings.save_minutes(db, meeting, changed, revision_reason="会议时间调整")
    after = meetings.get_meeting(db, meeting)
    assert (after.status, after.revision, after.minutes.next_meeting) == (
        "final",
        1,
        "改为下月中旬",
    )
    with db.read() as s:
        revision = s.scalars(select(MeetingRevision)).one()
        assert revision.reason == "会议时间调整"
        assert meetings.minutes_from_json(revision.before).next_meeting == "下月第一周"


def test_followed_resolution_cannot_be_removed(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    _decide(db, meeting, "加装充电桩")
    (row,) = resolutions.list_resolutions(db)
    resolutions.add_progress(db, row.id, "已联系供电公司")
    detail = meetings.get_meeting(db, meeting)
    emptied = replace(detail.minutes, items=(replace(detail.minutes.items[0], resolutions=()),))
    with pytest.raises(UserError, match="已有落实记录"):
        meetings.save_minutes(db, meeting, emptied)
    assert len(resolutions.list_resolutions(db)) == 1


def test_completing_closes_linked_cases_even_when_carried(db: Database, estate: str) -> None:
    case = cases.create_case(db, CaseInput(category="设施维修", description="屋顶漏水"))
    first = _meeting(db, estate, TODAY - timedelta(days=40), case_ids=(case,))
    _decide(db, first, "物业负责修补屋顶")
    second = _meeting(db, estate, TODAY - timedelta(days=10))
    carried = meetings.get_meeting(db, second).minutes.items[0]
    assert carried.source == "carried"
    _decide(db, second, "本月内完成屋顶防水")
    follow_up = resolutions.list_resolutions(db, ResolutionFilter(meeting_id=second))[0]
    closed = resolutions.complete(db, follow_up.id, TODAY, "李网格员", "居民满意", close_cases=True)
    timeline = cases.timeline(db, case)
    assert closed and len(closed) == 1
    assert [e.to_status for e in timeline][-2:] == ["in_progress", "resolved"]
    assert "已完成" in timeline[-1].note


def test_transitions_and_bad_minutes(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    _decide(db, meeting, "加装充电桩")
    (row,) = resolutions.list_resolutions(db)
    resolutions.cancel(db, row.id, "业主大会否决")
    with pytest.raises(UserError, match="不能改为"):
        resolutions.complete(db, row.id, TODAY, "李网格员")
    with pytest.raises(UserError, match="已取消"):
        resolutions.add_progress(db, row.id, "再议")
    bad = Minutes(
        attendees=(AttendeeInput("community", " "),),
        items=(ItemInput("停车", resolutions=(ResolutionInput("", "nobody", None),)),),
    )
    with pytest.raises(ValidationFailed) as info:
        meetings.save_minutes(db, meeting, bad)
    texts = [e.text for e in info.value.errors]
    assert "第 1 位参会人员没有填写姓名" in texts
    assert "第 1 个议题的第 1 条议定事项没有填写完成时限" in texts
    assert "第 1 个议题的第 1 条议定事项没有选择责任方" in texts


def test_drafts_are_kept_until_the_minutes_are_saved(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    draft = Minutes(
        items=(ItemInput("停车难", "讨论中……", (ResolutionInput("划线", "property", TODAY),)),)
    )
    meetings.save_draft(db, meeting, draft)
    assert meetings.load_draft(db, meeting) == draft
    meetings.save_minutes(db, meeting, draft)
    assert meetings.load_draft(db, meeting) is None
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MeetingRevision)) == 0


def test_meeting_input_is_checked(db: Database, estate: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        _meeting(
            db,
            estate,
            TODAY,
            kind="茶话会",
            title="",
            estate_ids=(),
            notice_date=TODAY + timedelta(days=1),
        )
    assert {e.field for e in info.value.errors} == {"kind", "title", "estate_ids", "notice_date"}


def test_scanned_minutes_are_attached(db: Database, estate: str, tmp_path: Path) -> None:
    meeting = _meeting(db, estate, TODAY)
    scan = tmp_path / "签字纪要.pdf"
    scan.write_bytes(b"%PDF-1.4\n%scan\n")
    attachments.add(db, "meeting", meeting, (scan,))
    assert [a.name for a in attachments.list_for(db, "meeting", meeting)] == ["签字纪要.pdf"]
