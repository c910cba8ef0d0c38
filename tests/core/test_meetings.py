"""Meetings, minutes and the follow-up of every resolution."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.meetings import drafts as meeting_drafts
from redoffice.meetings import inputs as meeting_inputs
from redoffice.meetings import minutes as meeting_minutes
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import (
    AttendeeInput,
    ItemInput,
    MeetingInput,
    Minutes,
    ResolutionInput,
)
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.models import MeetingRevision
from redoffice.registry import reference as registry
from tests.factories import setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = clock.today()


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
    detail = meeting_queries.get_meeting(db, meeting_id)
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
    meeting_minutes.save_minutes(
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
    detail = meeting_queries.get_meeting(db, meeting)
    assert [(i.source, i.case_id) for i in detail.minutes.items] == [
        ("case", first),
        ("case", second),
    ]
    assert detail.number.endswith("H001") and detail.status == "draft"
    _decide(db, meeting, "一周内更换电梯控制板", "增加清运频次")
    rows = resolutions.list_resolutions(db, ResolutionFilter(meeting_id=meeting))
    assert [r.number for r in rows] == [f"{detail.number}-01", f"{detail.number}-02"]
    assert {r.status for r in rows} == {"待办"} and rows[0].estates == "阳光花园"
    assert meeting_queries.get_meeting(db, meeting).minutes.attendees[1].attendance == "observer"


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
    carried = meeting_queries.get_meeting(db, july).minutes.items
    assert [(i.source, i.title) for i in carried] == [("carried", "维修单元门禁")]
    assert meeting_queries.get_meeting(db, elsewhere).minutes.items == ()
    assert meeting_queries.get_meeting(db, other_kind).minutes.items == ()


def test_finalize_then_revise_with_a_reason(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    with pytest.raises(UserError, match="没有议题"):
        meeting_minutes.finalize(db, meeting)
    _decide(db, meeting, "加装充电桩")
    meeting_minutes.finalize(db, meeting)
    with pytest.raises(UserError, match="已经定稿"):
        meeting_minutes.finalize(db, meeting)
    detail = meeting_queries.get_meeting(db, meeting)
    changed = replace(detail.minutes, next_meeting="改为下月中旬")
    with pytest.raises(UserError, match="修订原因"):
        meeting_minutes.save_minutes(db, meeting, changed)
    meeting_minutes.save_minutes(db, meeting, changed, revision_reason="会议时间调整")
    after = meeting_queries.get_meeting(db, meeting)
    assert (after.status, after.revision, after.minutes.next_meeting) == (
        "final",
        1,
        "改为下月中旬",
    )
    with db.read() as s:
        revision = s.scalars(select(MeetingRevision)).one()
        assert revision.reason == "会议时间调整"
        assert meeting_inputs.minutes_from_json(revision.before).next_meeting == "下月第一周"


def test_followed_resolution_cannot_be_removed(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    _decide(db, meeting, "加装充电桩")
    (row,) = resolutions.list_resolutions(db)
    resolutions.add_progress(db, row.id, "已联系供电公司")
    detail = meeting_queries.get_meeting(db, meeting)
    emptied = replace(detail.minutes, items=(replace(detail.minutes.items[0], resolutions=()),))
    with pytest.raises(UserError, match="已有落实记录"):
        meeting_minutes.save_minutes(db, meeting, emptied)
    assert len(resolutions.list_resolutions(db)) == 1


def test_completing_closes_linked_cases_even_when_carried(db: Database, estate: str) -> None:
    case = cases.create_case(db, CaseInput(category="设施维修", description="屋顶漏水"))
    first = _meeting(db, estate, TODAY - timedelta(days=40), case_ids=(case,))
    _decide(db, first, "物业负责修补屋顶")
    second = _meeting(db, estate, TODAY - timedelta(days=10))
    carried = meeting_queries.get_meeting(db, second).minutes.items[0]
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
        meeting_minutes.save_minutes(db, meeting, bad)
    texts = [e.text for e in info.value.errors]
    assert "第 1 位参会人员没有填写姓名" in texts
    assert "第 1 个议题的第 1 条议定事项没有填写完成时限" in texts
    assert "第 1 个议题的第 1 条议定事项没有选择责任方" in texts


def test_drafts_are_kept_until_the_minutes_are_saved(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY)
    draft = Minutes(
        items=(ItemInput("停车难", "讨论中……", (ResolutionInput("划线", "property", TODAY),)),)
    )
    meeting_drafts.save_draft(db, meeting, draft)
    assert meeting_drafts.load_draft(db, meeting) == draft
    meeting_minutes.save_minutes(db, meeting, draft)
    assert meeting_drafts.load_draft(db, meeting) is None
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


def _numbers(db: Database, meeting_id: str) -> list[str]:
    return [
        r.number for r in resolutions.list_resolutions(db, ResolutionFilter(meeting_id=meeting_id))
    ]


def test_a_resolution_keeps_its_number_from_draft_to_final(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY - timedelta(days=1))
    number = meeting_queries.get_meeting(db, meeting).number
    typed = Minutes(
        items=(
            ItemInput(
                "楼道堆物",
                resolutions=(ResolutionInput("一周内清理", "property", TODAY + timedelta(days=7)),),
            ),
        )
    )
    saved = meeting_minutes.save_minutes(db, meeting, typed)
    assert saved.items[0].id and saved.items[0].resolutions[0].id  # the ids the editor keeps
    meeting_minutes.save_minutes(db, meeting, typed)  # an editor that did not keep them saves again
    meeting_minutes.save_minutes(db, meeting, saved)
    meeting_minutes.finalize(db, meeting)
    assert _numbers(db, meeting) == [f"{number}-01"]
    later = meeting_queries.get_meeting(db, meeting).minutes
    added = replace(
        later.items[0],
        resolutions=(
            ResolutionInput("加装监控", "community", TODAY + timedelta(days=30)),
            *later.items[0].resolutions,
        ),
    )
    meeting_minutes.save_minutes(db, meeting, replace(later, items=(added,)), "补充议定事项")
    assert _numbers(db, meeting) == [f"{number}-01", f"{number}-02"]  # final numbers stay


def test_a_draft_meeting_is_corrected(db: Database, estate: str) -> None:
    other = registry.save_estate(db, registry.EstateInput(name="东湖新村"))
    meeting = _meeting(db, estate, TODAY + timedelta(days=2))
    data = meeting_queries.get_meeting(db, meeting).data
    corrected = replace(
        data, meeting_date=TODAY + timedelta(days=3), place="党群服务中心", estate_ids=(other,)
    )
    meetings.correct_meeting(db, meeting, corrected)
    detail = meeting_queries.get_meeting(db, meeting)
    assert (detail.data.meeting_date, detail.data.place) == (
        TODAY + timedelta(days=3),
        "党群服务中心",
    )
    assert detail.estate_names == ("东湖新村",)
    with pytest.raises(ValidationFailed) as refused:
        meetings.correct_meeting(db, meeting, replace(corrected, title="", estate_ids=()))
    assert {e.field for e in refused.value.errors} == {"title", "estate_ids"}
    assert meeting_queries.get_meeting(db, meeting).data.title == data.title  # nothing written


def test_a_draft_meeting_is_cancelled_with_a_reason(db: Database, estate: str) -> None:
    case_id = cases.create_case(db, CaseInput(category="物业服务", description="电梯常坏"))
    meeting = _meeting(db, estate, TODAY + timedelta(days=2), case_ids=(case_id,))
    _decide(db, meeting, "物业一周内修好电梯")
    with pytest.raises(ValidationFailed):
        meetings.cancel_meeting(db, meeting, " ", TODAY)
    meetings.cancel_meeting(db, meeting, "业委会换届，延期召开", TODAY)
    row = next(m for m in meeting_queries.list_meetings(db) if m.id == meeting)
    assert (row.status, row.open_resolutions) == ("已取消", 0)
    assert _numbers(db, meeting) == []  # nothing was decided at a meeting that did not meet
    assert cases.timeline(db, case_id)[-1].to_status == "accepted"  # the request stays open
    for change in (
        lambda: meetings.correct_meeting(
            db, meeting, meeting_queries.get_meeting(db, meeting).data
        ),
        lambda: meetings.cancel_meeting(db, meeting, "再次取消", TODAY),
        lambda: meeting_minutes.finalize(db, meeting),
    ):
        with pytest.raises(UserError, match="已取消"):
            change()


def test_final_minutes_fix_the_meeting(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY - timedelta(days=1))
    _decide(db, meeting, "物业一周内修好电梯")
    meeting_minutes.finalize(db, meeting)
    detail = meeting_queries.get_meeting(db, meeting)
    with pytest.raises(UserError) as refused:
        meetings.cancel_meeting(db, meeting, "不开了", TODAY)
    assert refused.value.text == (
        f"会议 {detail.number} 的纪要已定稿，会议不能再修改或取消（纪要可填写修订原因后修改）"
    )
    with pytest.raises(UserError, match="已定稿"):
        meetings.correct_meeting(db, meeting, replace(detail.data, place="别处"))
    assert meeting_queries.get_meeting(db, meeting).data.place == "社区会议室"


def test_a_followed_draft_resolution_stops_the_cancellation(db: Database, estate: str) -> None:
    meeting = _meeting(db, estate, TODAY + timedelta(days=2))
    _decide(db, meeting, "物业一周内修好电梯")
    (resolution,) = resolutions.list_resolutions(db, ResolutionFilter(meeting_id=meeting))
    resolutions.add_progress(db, resolution.id, "已联系电梯公司")
    with pytest.raises(UserError, match="已有落实记录"):
        meetings.cancel_meeting(db, meeting, "延期", TODAY)
    assert meeting_queries.list_meetings(db)[0].status == "草稿"
