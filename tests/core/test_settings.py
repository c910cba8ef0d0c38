"""Business settings: checked before they are stored; defaults until changed."""

import pytest

from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.settings import config


def test_defaults_then_update(db: Database) -> None:
    assert config.values(db)["case.normal_working_days"] == 5
    config.update(db, {"visit.purposes": [" 听民意 ", "送温暖", ""]})
    config.update(
        db, {"case.normal_working_days": 3, "visit.intervals": {"living_alone": 14, "*": 120}}
    )
    values = config.values(db)
    assert values["visit.purposes"] == ["听民意", "送温暖"]
    assert values["case.normal_working_days"] == 3
    assert values["visit.intervals"] == {"living_alone": 14, "*": 120}


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("visit.purposes", [], "至少保留一项"),
        ("case.categories", ["物业服务", "物业服务"], "重复"),
        ("case.normal_working_days", 0, "1 到 60"),
        ("attachment.max_mb", "20", "1 到 200"),
        ("visit.intervals", {"living_alone": 30}, "必须填写"),
        ("visit.intervals", {"astronaut": 30, "*": 180}, "未知的人群类别"),
        ("visit.intervals", {"*": 2}, "7 到 730"),
        ("fund.higher_approval_yuan", 0, "1 到 1000000"),
        ("fund.notice_working_days", 31, "1 到 30"),
        ("fund.yearly_cap_yuan", "5000", "1 到 1000000"),
        ("fund.repeat_months", -1, "0 到 60"),
        ("fund.honour_yuan", 1.5, "1 到 10000000"),
        ("fund.supervision_phone", "12345", "电话号码无效"),
        ("fund.supervision_phone", 12345678901, "电话号码无效"),
    ],
)
def test_bad_values_are_refused(db: Database, key: str, value: object, text: str) -> None:
    before = config.values(db)
    with pytest.raises(ValidationFailed) as info:
        config.update(db, {"case.normal_working_days": 4, key: value})
    assert text in info.value.text
    assert config.values(db) == before  # the valid change in the same save is not written


def test_fund_settings_defaults_and_update(db: Database) -> None:
    values = config.values(db)
    assert values["fund.higher_approval_yuan"] == 3000
    assert values["fund.notice_working_days"] == 7
    assert values["fund.yearly_cap_yuan"] == 5000
    assert values["fund.repeat_months"] == 12
    assert values["fund.honour_yuan"] == 5000
    assert values["fund.supervision_phone"] == ""
    config.update(
        db,
        {
            "fund.higher_approval_yuan": 2000,
            "fund.repeat_months": 0,
            "fund.supervision_phone": " 010-65123456 ",
        },
    )
    values = config.values(db)
    assert values["fund.higher_approval_yuan"] == 2000
    assert values["fund.repeat_months"] == 0
    assert values["fund.supervision_phone"] == "010-65123456"
    config.update(db, {"fund.supervision_phone": ""})  # empty: the community's phone
    assert config.values(db)["fund.supervision_phone"] == ""


def test_calendar_days_listed_by_year(db: Database) -> None:
    from datetime import date

    from redoffice.settings import calendar

    calendar.set_day(db, date(2026, 10, 1), "holiday", "国庆节")
    calendar.set_day(db, date(2026, 10, 11), "workday", "国庆调休")
    calendar.set_day(db, date(2027, 1, 1), "holiday", "元旦")
    assert calendar.list_days(db, 2026) == [
        (date(2026, 10, 1), "holiday", "国庆节"),
        (date(2026, 10, 11), "workday", "国庆调休"),
    ]
    calendar.set_day(db, date(2026, 10, 11), None)
    assert [d for d, _, _ in calendar.list_days(db, 2026)] == [date(2026, 10, 1)]
