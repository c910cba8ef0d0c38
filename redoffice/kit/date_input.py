"""Dates and times as a secretary types them: 1965-03-12, 1965.3.12, 1965/3/12, 19650312,
1965年3月12日, 9:30, 9：30, 0930, 9点30, 9点半 — full-width digits too. Shared by the GUI's date
and time fields and the ledger import, so both read the same text the same way."""

from __future__ import annotations

import re
from datetime import date, time

from redoffice.kit.errors import UserError
from redoffice.kit.validation import normalize

DATE_PATTERNS = (
    re.compile(r"^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_TIME_PATTERNS = (
    re.compile(r"^(\d{1,2})[:.点时](\d{2})分?$"),
    re.compile(r"^(\d{1,2})点(半)$"),
    re.compile(r"^(\d{1,2})点?()$"),
    re.compile(r"^(\d{1,2})(\d{2})$"),
)


def make_date(year: str, month: str, day: str) -> date:
    """A date from the typed parts; ``date.no_such_day`` when the calendar has no such day."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise UserError("date.no_such_day", text=f"{year}-{month}-{day}") from exc


def parse_date(text: str) -> date | None:
    """The date typed in ``text``; None when nothing is typed; UserError when unreadable."""
    raw = re.sub(r"\s+", "", normalize(text))
    if not raw:
        return None
    for pattern in DATE_PATTERNS:
        found = pattern.match(raw)
        if found:
            return make_date(*found.groups())
    raise UserError("date.unreadable", text=raw)


def parse_time(text: str) -> time | None:
    """The time of day typed in ``text`` (24-hour clock); None if empty; UserError if unreadable."""
    raw = re.sub(r"\s+", "", normalize(text))
    if not raw:
        return None
    for pattern in _TIME_PATTERNS:
        found = pattern.match(raw)
        if found:
            hour, minute = found.groups()
            return _make_time(int(hour), 30 if minute == "半" else int(minute or 0), raw)
    raise UserError("time.unreadable", text=raw)


def _make_time(hour: int, minute: int, raw: str) -> time:
    if hour > 23 or minute > 59:
        raise UserError("time.no_such_time", text=raw)
    return time(hour, minute)


def format_date(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def format_time(moment: time | None) -> str:
    return "" if moment is None else moment.strftime("%H:%M")
