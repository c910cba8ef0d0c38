"""Which automatic copies are kept (kit.backups.choose_kept): the newest of each of the last 7
days, 4 ISO weeks and 6 months, across month and year ends and a clock that went backwards."""

from __future__ import annotations

from datetime import datetime, timedelta

from redoffice.kit.backups import KEEP_DAILY, choose_kept


def _daily(first: datetime, last: datetime) -> list[datetime]:
    days = (last - first).days
    return [first + timedelta(days=n) for n in range(days + 1)]


def test_a_copy_a_day_across_a_year_end_keeps_days_weeks_and_months() -> None:
    now = datetime(2027, 1, 5, 9, 30)  # a Tuesday; ISO week 2027-W01 began on Monday 4 January
    stamps = _daily(datetime(2026, 6, 1, 9, 0), datetime(2027, 1, 5, 9, 0))
    kept = sorted(choose_kept(stamps, now))
    days = [datetime(2026, 12, d, 9, 0) for d in (30, 31)] + [
        datetime(2027, 1, d, 9, 0) for d in (1, 2, 3, 4, 5)
    ]
    sundays = [datetime(2026, 12, 20, 9, 0), datetime(2026, 12, 27, 9, 0)]  # W51, W52 (W53: 3 Jan)
    month_ends = [datetime(2026, m, d, 9, 0) for m, d in ((8, 31), (9, 30), (10, 31), (11, 30))]
    assert kept == sorted(month_ends + sundays + days)


def test_several_copies_a_day_keep_the_newest_of_the_day() -> None:
    now = datetime(2027, 3, 1, 18, 0)
    stamps = [datetime(2027, 2, 28, h, 0) for h in (8, 12, 17)] + [datetime(2027, 3, 1, 9, 0)]
    assert choose_kept(stamps, now) == {datetime(2027, 2, 28, 17, 0), datetime(2027, 3, 1, 9, 0)}


def test_rotating_every_day_for_two_years_keeps_at_most_seventeen() -> None:
    """The rotation as the program runs it: one copy a day, pruned after each copy."""
    kept: set[datetime] = set()
    day = datetime(2026, 1, 1, 9, 0)
    for _ in range(730):
        kept = choose_kept(kept | {day}, day)
        assert day in kept and len(kept) <= 17
        day += timedelta(days=1)
    last = day - timedelta(days=1)  # 2027-12-31
    months = sorted({(at.year, at.month) for at in kept})
    assert months == [(2027, m) for m in range(7, 13)]
    assert {at.date() for at in kept} >= {(last - timedelta(days=n)).date() for n in range(7)}
    assert kept == choose_kept(_daily(datetime(2026, 1, 1, 9, 0), last), last)


def test_copies_from_a_clock_that_was_ahead_fill_the_free_daily_places() -> None:
    """The PC clock said December, was corrected to March: December's copies may be the newest
    real ones, so they stay while fewer than seven days of right-clock copies exist, the
    newest of them longest."""
    ahead = [datetime(2027, 12, d, 9, 0) for d in range(1, 8)]
    now = datetime(2027, 3, 19, 9, 0)
    right = [datetime(2027, 3, d, 9, 0) for d in (17, 18, 19)]
    kept = choose_kept(ahead + right, now)
    assert kept == set(right) | set(ahead[-(KEEP_DAILY - 3) :])
    week_on = [datetime(2027, 3, d, 9, 0) for d in range(17, 24)]
    assert choose_kept(ahead + week_on, datetime(2027, 3, 23, 9, 0)) == set(week_on)
