from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import Case, SyncCounter
from redoffice.settings import calendar
from redoffice.settings.calendar import WorkCalendar
from tests.factories import setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

# 2026-09-30 is a Wednesday; 10-01..10-07 National Day; Sunday 10-11 a 调休 working day
HOLIDAYS = {date(2026, 10, d): "holiday" for d in range(1, 8)} | {date(2026, 10, 11): "workday"}
ACCEPTED = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def test_working_days_skip_holidays_and_count_adjusted_weekends() -> None:
    work = WorkCalendar(HOLIDAYS)
    assert not work.is_working_day(date(2026, 10, 2))
    assert work.is_working_day(date(2026, 10, 11))  # Sunday, 调休
    assert not work.is_working_day(date(2026, 10, 10))  # ordinary Saturday
    # after Wed 9-30: 10-08 Thu, 10-09 Fri, 10-11 Sun (调休), 10-12 Mon, 10-13 Tue
    assert work.add_working_days(date(2026, 9, 30), 5) == date(2026, 10, 13)
    assert WorkCalendar({}).add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)


def _case(db: Database, urgency: str = "normal") -> str:
    return cases.create_case(
        db,
        CaseInput(category="物业服务", description="楼道灯坏了，晚上看不见", urgency=urgency),
        now=ACCEPTED,
    )


def test_due_dates_follow_the_calendar(db: Database) -> None:
    for day, kind in HOLIDAYS.items():
        calendar.set_day(db, day, kind)
    normal, urgent = _case(db), _case(db, "urgent")
    with db.read() as s:
        n, u = s.get(Case, normal), s.get(Case, urgent)
        assert n is not None and u is not None
        assert calendar.local_date(n.due_at) == date(2026, 10, 13)
        assert n.due_at == calendar.end_of_day(date(2026, 10, 13))
        assert u.due_at == ACCEPTED + timedelta(hours=24)
        assert (n.number, u.number) == ("2026-00001", "2026-00002")


def test_the_whole_workflow_with_timeline(db: Database) -> None:
    case_id = _case(db)
    assert cases.transition(db, case_id, "in_progress", "已联系物业") == "in_progress"
    cases.add_note(db, case_id, "物业已派电工")
    assert cases.transition(db, case_id, "resolved", "已更换灯泡") == "resolved"
    assert cases.transition(db, case_id, "called_back", "电话回访", "satisfied") == "called_back"
    events = cases.timeline(db, case_id)
    assert [(e.kind, e.to_status) for e in events] == [
        ("created", "accepted"),
        ("transition", "in_progress"),
        ("note", "in_progress"),
        ("transition", "resolved"),
        ("transition", "called_back"),
    ]
    assert all(e.actor == "张秘书" for e in events)
    with db.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.satisfaction == "satisfied"
        assert case.resolved_at is not None and case.called_back_at is not None


def test_unsatisfied_call_back_reopens(db: Database) -> None:
    case_id = _case(db)
    cases.transition(db, case_id, "in_progress")
    cases.transition(db, case_id, "resolved", "已更换灯泡")
    assert cases.transition(db, case_id, "called_back", "仍然不亮", "unsatisfied") == "in_progress"
    assert [e.kind for e in cases.timeline(db, case_id)][-2:] == ["transition", "reopened"]
    assert cases.transition(db, case_id, "resolved", "更换了整条线路") == "resolved"


def test_resolving_needs_a_note(db: Database) -> None:
    case_id = _case(db)
    cases.transition(db, case_id, "in_progress")
    with db.read() as s:
        changes = s.scalar(select(SyncCounter.last_seq))
    with pytest.raises(ValidationFailed) as info:
        cases.transition(db, case_id, "resolved", "  ")
    assert info.value.for_field("note") == ["办结须填写说明：问题是怎样解决的"]
    with db.read() as s:
        assert s.scalar(select(SyncCounter.last_seq)) == changes
    assert cases.transition(db, case_id, "resolved", "已更换灯泡") == "resolved"
    assert cases.timeline(db, case_id)[-1].note == "已更换灯泡"


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ((), "resolved"),
        ((), "called_back"),
        (("in_progress",), "accepted"),
        (("in_progress",), "called_back"),
        (("in_progress", "resolved"), "in_progress"),
        (("in_progress", "resolved"), "accepted"),
        ((), "closed"),
    ],
)
def test_forbidden_transitions_write_nothing(
    db: Database, path: tuple[str, ...], refused: str
) -> None:
    case_id = _case(db)
    for state in path:
        cases.transition(db, case_id, state, "已处理")
    with db.read() as s:
        changes = s.scalar(select(SyncCounter.last_seq))
    with pytest.raises(UserError) as info:
        cases.transition(db, case_id, refused, satisfaction="satisfied")
    assert "不能改为" in info.value.text
    with db.read() as s:
        assert s.scalar(select(SyncCounter.last_seq)) == changes
    assert len(cases.timeline(db, case_id)) == 1 + len(path)


def test_call_back_needs_a_satisfaction(db: Database) -> None:
    case_id = _case(db)
    cases.transition(db, case_id, "in_progress")
    cases.transition(db, case_id, "resolved", "已处理")
    with pytest.raises(UserError) as info:
        cases.transition(db, case_id, "called_back")
    assert "满意度" in info.value.text


def test_escalation_is_a_flag_with_reason(db: Database) -> None:
    case_id = _case(db)
    cases.escalate(db, case_id, "涉及多个小区，需街道协调")
    with db.read() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.escalated and "街道" in case.escalation_reason
    assert cases.timeline(db, case_id)[-1].kind == "escalated"


def test_bad_input_names_the_fields(db: Database) -> None:
    _, _, household = setup_place(db)
    with pytest.raises(ValidationFailed) as info:
        cases.create_case(
            db,
            CaseInput(
                category="天气",
                description="",
                urgency="很急",
                household_id=household,
                reporter_phone="12",
            ),
        )
    fields = {e.field for e in info.value.errors}
    assert fields == {"category", "description", "urgency", "reporter_phone"}


def test_period_filter_uses_beijing_dates(db: Database) -> None:
    from redoffice.cases.queries import CaseFilter, list_cases

    late = datetime(2026, 9, 30, 15, 30, tzinfo=UTC)  # 23:30 on 9-30 in Beijing
    early = datetime(2026, 9, 30, 16, 30, tzinfo=UTC)  # 00:30 on 10-01 in Beijing
    for when in (late, early):
        cases.create_case(db, CaseInput(category="其他", description="x"), now=when)
    sept = list_cases(db, CaseFilter(date_from=date(2026, 9, 30), date_to=date(2026, 9, 30)))
    octo = list_cases(db, CaseFilter(date_from=date(2026, 10, 1)))
    assert [r.accepted_on for r in sept] == [date(2026, 9, 30)]
    assert [r.accepted_on for r in octo] == [date(2026, 10, 1)]


def test_statistics_by_category_grid_and_month(db: Database) -> None:
    from redoffice.cases.queries import case_stats

    _grid, _estate, household = setup_place(db)
    sept = datetime(2026, 9, 1, 2, 0, tzinfo=UTC)
    octo = datetime(2026, 10, 12, 2, 0, tzinfo=UTC)

    def make(category: str, when: datetime, *path: tuple[str, str | None]) -> str:
        case_id = cases.create_case(
            db, CaseInput(category=category, description="x", household_id=household), now=when
        )
        for state, satisfaction in path:
            at = when + timedelta(days=30 if satisfaction == "late" else 1)
            cases.transition(
                db,
                case_id,
                state,
                "已处理",
                satisfaction=None if satisfaction == "late" else satisfaction,
                now=at,
            )
        return case_id

    go, done, late = ("in_progress", None), ("resolved", None), ("resolved", "late")
    make("物业服务", sept, go, done, ("called_back", "satisfied"))
    make("物业服务", sept, go, late, ("called_back", "basically"))
    make("物业服务", octo, go, done, ("called_back", "unsatisfied"))  # reopened
    make("环境卫生", octo, go, done)
    make("环境卫生", octo)
    total, by_category = case_stats(db, "category")
    assert (
        total.total,
        total.closed,
        total.closed_on_time,
        total.called_back,
        total.satisfied,
    ) == (
        5,
        3,
        2,
        3,
        2,
    )
    assert total.closure_rate == 3 / 5 and total.on_time_rate == 2 / 3
    assert total.satisfaction_rate == 2 / 3
    rows = {r.key: r for r in by_category}
    assert (rows["物业服务"].total, rows["物业服务"].closed) == (3, 2)
    assert (
        rows["环境卫生"].total,
        rows["环境卫生"].closed,
        rows["环境卫生"].satisfaction_rate,
    ) == (
        2,
        1,
        None,
    )
    _, by_month = case_stats(db, "month")
    assert [(r.key, r.total) for r in by_month] == [("2026-09", 2), ("2026-10", 3)]
    _, by_grid = case_stats(db, "grid", date_from=date(2026, 10, 1))
    assert [(r.key, r.total) for r in by_grid] == [("第一网格", 3)]
