"""The working-day calendar: Monday–Friday, minus public holidays, plus 调休 working weekends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.db import Database
from redoffice.errors import UserError
from redoffice.models import CalendarDay

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class WorkCalendar:
    """Exceptions to Monday–Friday: day -> "holiday" or "workday"."""

    exceptions: dict[date, str]

    def is_working_day(self, day: date) -> bool:
        kind = self.exceptions.get(day)
        if kind is not None:
            return kind == "workday"
        return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


def load(s: Session) -> WorkCalendar:
    rows = s.execute(select(CalendarDay.day, CalendarDay.kind)).all()
    return WorkCalendar({day: kind for day, kind in rows})


def local_date(instant: datetime) -> date:
    return instant.astimezone(SHANGHAI).date()


def end_of_day(day: date) -> datetime:
    """The last moment of ``day`` in Beijing time, as a UTC instant."""
    return datetime.combine(day, time(23, 59, 59), SHANGHAI).astimezone(UTC)


def set_day(db: Database, day: date, kind: str | None, name: str = "") -> None:
    """Mark a public holiday or a 调休 working day; ``kind=None`` returns it to normal."""
    if kind not in (None, "holiday", "workday"):
        raise UserError("invalid_choice", value=kind)
    with db.uow() as s:
        row = s.get(CalendarDay, day)
        if kind is None:
            if row is not None:
                s.delete(row)
            return
        if row is None:
            s.add(CalendarDay(day=day, kind=kind, name=name))
        else:
            row.kind, row.name = kind, name


def list_days(db: Database, year: int) -> list[tuple[date, str, str]]:
    """The year's exceptions: (day, "holiday" or "workday", name), in date order."""
    with db.read() as s:
        rows = s.execute(
            select(CalendarDay.day, CalendarDay.kind, CalendarDay.name)
            .where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(CalendarDay.day)
        ).all()
    return [(day, kind, name) for day, kind, name in rows]
