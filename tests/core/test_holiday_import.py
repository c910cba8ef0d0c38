"""The year's 法定节假日 and 调休 imported from a short list instead of one day at a time."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.cli import main
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog
from redoffice.settings import calendar
from tests.core.test_cli import INIT

YEAR = 2027  # the notices below are 2027's (2月6日 a Saturday, 2月17日 a Wednesday)


def notice(year: int = YEAR) -> str:
    return (
        "日期,名称,类型\n"
        f"{year}-01-01,元旦,休\n"
        "\n"
        f"# 春节\n"
        f"{year}年2月10日至16日,春节,休\n"
        f"{year}-02-07，春节调休，班\n"
        f"{year}/2/20\t春节调休\t上班\n"
        f"{year}-10-01~{year}-10-07 国庆节 休\n"
    )


def test_a_list_with_ranges_and_mixed_separators_is_read() -> None:
    days = calendar.parse_day_list(notice())
    assert len(days) == 1 + 7 + 2 + 7
    by_day = {d.day: d for d in days}
    assert by_day[date(YEAR, 2, 16)].kind == "holiday"
    assert by_day[date(YEAR, 2, 16)].name == "春节"
    assert by_day[date(YEAR, 2, 7)].kind == "workday"
    assert by_day[date(YEAR, 2, 20)].name == "春节调休"
    assert by_day[date(YEAR, 10, 7)].line == 8


def test_import_stores_every_day_and_the_calendar_counts_them(db: Database) -> None:
    result = calendar.import_days(db, calendar.parse_day_list(notice()))
    assert (result.added, result.changed, result.unchanged, result.years) == (17, 0, 0, (YEAR,))
    listed = calendar.list_days(db, YEAR)
    assert (date(YEAR, 2, 7), "workday", "春节调休") in listed
    with db.read() as s:
        work = calendar.load(s)
        audited = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "calendar_day")
        )
    assert audited == 17
    # a Sunday 调休 counts, the holiday week does not
    assert work.add_working_days(date(YEAR, 2, 9), 1) == date(YEAR, 2, 17)
    again = calendar.import_days(db, calendar.parse_day_list(f"{YEAR}-01-01,元旦节,休"))
    assert (again.added, again.changed, again.unchanged) == (0, 1, 0)


def test_bad_lines_are_named_by_number_and_nothing_is_written(db: Database) -> None:
    text = (
        f"{YEAR}-01-01,元旦,休\n"
        f"{YEAR}-02-30,春节,休\n"
        f"{YEAR}-02-07,春节调休\n"
        f"{YEAR}-03-10~{YEAR}-03-01,x,休\n"
        f"{YEAR}-01-01,元旦,班\n"
    )
    with pytest.raises(UserError) as refused:
        calendar.parse_day_list(text)
    message = refused.value.text
    assert "4 行无法读取，未导入任何日期" in message
    assert f"第2行：“{YEAR}-02-30,春节,休”" not in message  # the date field, not the whole line
    assert f"第2行：“{YEAR}-02-30”不是有效日期" in message
    assert "第3行：缺少“休”或“班”" in message
    assert "第4行：结束日期早于开始日期" in message
    assert f"第5行：{YEAR}-01-01 在第1行已列为“休”" in message
    assert calendar.list_days(db, YEAR) == []


def test_an_empty_list_is_refused() -> None:
    with pytest.raises(UserError, match="没有日期"):
        calendar.parse_day_list("日期,名称,类型\n\n")


def test_a_gbk_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "节假日.csv"
    path.write_bytes(notice().encode("gbk"))
    assert len(calendar.read_day_list(path)) == 17


def test_cli_imports_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dbfile = str(tmp_path / "c.sqlite")
    assert main(["--db", dbfile, *INIT]) == 0
    good = tmp_path / "good.csv"
    good.write_text(notice(), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", dbfile, "calendar", "import", str(good)]) == 0
    assert f"已导入 {YEAR} 年的 17 天：新增 17 天" in capsys.readouterr().out
    assert main(["--db", dbfile, "calendar", "list", "--year", str(YEAR)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 17 and lines[0] == f"{YEAR}-01-01\t休\t元旦"
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{YEAR + 1}-05-01,劳动节,休\n{YEAR + 1}-05-0x,劳动节,休\n", encoding="utf-8")
    assert main(["--db", dbfile, "calendar", "import", str(bad)]) == 1
    assert "第2行" in capsys.readouterr().err
    assert main(["--db", dbfile, "calendar", "list", "--year", str(YEAR + 1)]) == 0
    assert capsys.readouterr().out == ""


def test_a_range_longer_than_a_month_is_refused() -> None:
    start = date(YEAR, 1, 1)
    end = start + timedelta(days=40)
    with pytest.raises(UserError, match="第1行"):
        calendar.parse_day_list(f"{start}~{end},x,休")


def state_council_notice(year: int) -> str:
    """The notice as the State Council publishes it (weekdays in brackets left out of the
    dates), pasted into a text file."""
    return (
        f"国务院办公厅关于{year}年部分节假日安排的通知\n"
        f"经国务院批准，现将{year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n"
        f"一、元旦：{year - 1}年12月31日（周四）至{year}年1月2日（周六）放假，共3天。\n"
        "二、春节：2月6日（农历腊月三十、周六）至13日（农历正月初七、周六）放假调休，共8天。"
        "1月31日（周日）、2月20日（周六）上班。\n"
        "三、清明节：4月5日（周一）放假，与周末连休。\n"
        "四、劳动节：4月30日（周五）至5月4日（周二）放假调休，共5天。4月25日（周日）上班。\n"
        "节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。\n"
    )


def test_the_state_council_notice_pasted_as_text() -> None:
    days = {d.day: d for d in calendar.parse_day_list(state_council_notice(YEAR))}
    holidays = sorted(day for day, d in days.items() if d.kind == "holiday")
    workdays = sorted(day for day, d in days.items() if d.kind == "workday")
    assert holidays[:3] == [date(YEAR - 1, 12, 31), date(YEAR, 1, 1), date(YEAR, 1, 2)]
    assert [d for d in holidays if days[d].name == "春节"] == [
        date(YEAR, 2, 6) + timedelta(days=n) for n in range(8)
    ]
    assert [d for d in holidays if days[d].name == "劳动节"] == [
        date(YEAR, 4, 30) + timedelta(days=n) for n in range(5)
    ]
    assert date(YEAR, 4, 5) in holidays
    assert workdays == [date(YEAR, 1, 31), date(YEAR, 2, 20), date(YEAR, 4, 25)]
    assert days[date(YEAR, 2, 20)].name == "春节调休"


def test_a_notice_item_without_its_days_off_is_named() -> None:
    text = (
        f"国务院办公厅关于{YEAR}年部分节假日安排的通知\n"
        "一、元旦：1月1日（周五）放假。\n"
        "二、春节：另行通知。\n"
    )
    with pytest.raises(UserError, match="第3行：“春节”中找不到放假的日期"):
        calendar.parse_day_list(text)
