"""Accounting periods: a quarter (2026Q3), a half year (2026H1) or a year (2026)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from redoffice.kit.errors import UserError

_PATTERN = re.compile(r"^(\d{4})(?:([QqHh])([1-4]))?$")


@dataclass(frozen=True)
class Period:
    name: str  # "2026Q3", "2026H1", "2026"
    starts_on: date
    ends_on: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts_on <= day <= self.ends_on


def _month_end(year: int, month: int) -> date:
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


def _span(year: int, first_month: int, months: int, name: str) -> Period:
    return Period(name, date(year, first_month, 1), _month_end(year, first_month + months - 1))


def parse_period(text: str) -> Period:
    """ "2026Q3" / "2026H1" / "2026" → the Period; UserError fund.period_invalid otherwise."""
    raw = (text or "").strip()
    m = _PATTERN.match(raw)
    if m is None or not 1900 <= int(m.group(1)) <= 9999:
        raise UserError("fund.period_invalid", period=raw)
    year = int(m.group(1))
    kind, n = (m.group(2) or "").upper(), int(m.group(3) or 0)
    if not kind:
        return _span(year, 1, 12, f"{year}")
    if kind == "Q":
        return _span(year, 3 * n - 2, 3, f"{year}Q{n}")
    if n > 2:
        raise UserError("fund.period_invalid", period=raw)
    return _span(year, 6 * n - 5, 6, f"{year}H{n}")


def quarter_of(day: date) -> Period:
    return parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def year_of(day: date) -> Period:
    return parse_period(f"{day.year}")


def period_to_close(today: date, closed: list[str]) -> str:
    """The latest period that has ended and is not closed (a quarter before the year that
    ends with it; a quarter inside a closed year counts as closed); "" when none of the last
    three years is open."""
    candidates: list[Period] = []
    quarter = quarter_of(today)
    for _ in range(12):
        quarter = quarter_of(quarter.starts_on - timedelta(days=1))
        candidates.append(quarter)
    for back in (1, 2, 3):
        candidates.append(year_of(date(today.year - back, 1, 1)))
    done = set(closed)

    def is_closed(p: Period) -> bool:
        return p.name in done or ("Q" in p.name and p.name.split("Q")[0] in done)

    open_ = [p for p in candidates if not is_closed(p)]
    open_.sort(key=lambda p: (p.ends_on, "Q" in p.name), reverse=True)
    return open_[0].name if open_ else ""
