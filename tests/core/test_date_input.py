"""Dates and times typed the ways a secretary types them."""

from datetime import date, time

import pytest

from redoffice.kit.date_input import format_date, format_time, parse_date, parse_time
from redoffice.kit.errors import UserError


@pytest.mark.parametrize(
    "typed",
    [
        "1965-03-12",
        "1965-3-12",
        "1965.3.12",
        "1965/03/12",
        "19650312",
        "1965年3月12日",
        "1965年03月12",
        " 1965-03-12 ",
        "１９６５－０３－１２",
        "1965. 3. 12",
    ],
)
def test_every_usual_way_of_writing_a_date_is_read(typed: str) -> None:
    assert parse_date(typed) == date(1965, 3, 12)


@pytest.mark.parametrize("typed", ["", "   ", "\u3000"])
def test_an_empty_date_is_none(typed: str) -> None:
    assert parse_date(typed) is None


@pytest.mark.parametrize("typed", ["abc", "1965-03", "65-3-12", "1965-03-12x", "196503121"])
def test_an_unreadable_date_names_the_text_and_the_usual_forms(typed: str) -> None:
    with pytest.raises(UserError) as failure:
        parse_date(typed)
    assert failure.value.code == "date.unreadable"
    assert "1965-03-12" in failure.value.text


@pytest.mark.parametrize("typed", ["1965-02-30", "19651301", "2023年2月29日"])
def test_a_day_the_calendar_does_not_have_is_refused(typed: str) -> None:
    with pytest.raises(UserError) as failure:
        parse_date(typed)
    assert failure.value.code == "date.no_such_day"
    assert failure.value.text.startswith("没有")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("9：30", time(9, 30)),
        ("0930", time(9, 30)),
        ("930", time(9, 30)),
        ("14.05", time(14, 5)),
        ("9点30", time(9, 30)),
        ("9点30分", time(9, 30)),
        ("9点半", time(9, 30)),
        ("15点", time(15, 0)),
        ("8", time(8, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_times_are_read_on_the_24_hour_clock(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


def test_an_empty_time_is_none() -> None:
    assert parse_time(" ") is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [("abc", "time.unreadable"), ("25:00", "time.no_such_time"), ("9:75", "time.no_such_time")],
)
def test_an_unreadable_time_is_refused_in_chinese(typed: str, code: str) -> None:
    with pytest.raises(UserError) as failure:
        parse_time(typed)
    assert failure.value.code == code
    assert typed in failure.value.text


def test_dates_and_times_are_shown_as_they_are_typed_back() -> None:
    assert format_date(date(1965, 3, 12)) == "1965-03-12"
    assert format_time(time(9, 5)) == "09:05"
    assert format_date(None) == format_time(None) == ""
    assert parse_date(format_date(date(2001, 1, 2))) == date(2001, 1, 2)
