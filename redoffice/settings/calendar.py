"""The working-day calendar: Monday–Friday, minus public holidays, plus 调休 working weekends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
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


# -- importing the year's list of public holidays and 调休 working days ----------------------

KIND_WORDS = {
    "休": "holiday",
    "假": "holiday",
    "休息": "holiday",
    "放假": "holiday",
    "节假日": "holiday",
    "法定节假日": "holiday",
    "holiday": "holiday",
    "班": "workday",
    "上班": "workday",
    "调休上班": "workday",
    "补班": "workday",
    "workday": "workday",
}
KIND_LABELS = {"holiday": "休", "workday": "班"}
_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_DAY = re.compile(r"(\d{1,2})\s*日?")
_RANGE = re.compile(r"\s*(?:~|～|至|到|—|–)\s*")
_FIELDS = re.compile(r"[,，\t;；]")
LONGEST_HOLIDAY = 31


@dataclass(frozen=True)
class ListedDay:
    """One day of an imported list, with the line it came from (numbered from 1)."""

    day: date
    kind: str
    name: str
    line: int


@dataclass(frozen=True)
class ImportedDays:
    added: int
    changed: int
    unchanged: int
    years: tuple[int, ...]


def _end_date(text: str, start: date) -> date:
    """The end of a range: a whole date, or 2月16日 / 16日 in the start's year and month."""
    if match := _FULL_DATE.fullmatch(text):
        return date(*(int(g) for g in match.groups()))
    if match := _MONTH_DAY.fullmatch(text):
        return date(start.year, int(match[1]), int(match[2]))
    if match := _DAY.fullmatch(text):
        return date(start.year, start.month, int(match[1]))
    raise ValueError(text)


def _days(text: str, line: int) -> list[date]:
    """The day or range of days at the start of a line."""
    first, *rest = _RANGE.split(text.strip(), maxsplit=1)
    try:
        match = _FULL_DATE.fullmatch(first)
        if match is None:
            raise ValueError(first)
        start = date(*(int(g) for g in match.groups()))
        end = _end_date(rest[0], start) if rest else start
    except ValueError as exc:
        raise UserError("calendar.line_date", line=line, value=text.strip()) from exc
    if not start <= end < start + timedelta(days=LONGEST_HOLIDAY):
        raise UserError("calendar.line_range", line=line)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _parse_line(text: str, line: int) -> list[ListedDay]:
    fields = [f.strip() for f in _FIELDS.split(text)]
    if len(fields) == 1:
        fields = text.split()
    kinds = [KIND_WORDS[f.lower()] for f in fields[1:] if f.lower() in KIND_WORDS]
    if not kinds:
        raise UserError("calendar.line_kind", line=line)
    name = "".join(f for f in fields[1:] if f and f.lower() not in KIND_WORDS)
    if len(name) > 32:
        raise UserError("calendar.line_name", line=line)
    return [ListedDay(day, kinds[0], name, line) for day in _days(fields[0], line)]


def _is_header(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(("日期", "date", "Date", "#"))


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not _is_header(line.strip()):
            yield number, line


# the State Council's notice (国务院办公厅关于2027年部分节假日安排的通知), pasted as text:
# 一、元旦：1月1日（周五）放假，与周末连休。
# 二、春节：2月6日（周六）至13日（周六）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。
_NOTICE_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部分)?节假日安排")
_NOTICE_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+\s*、\s*([^：:]{1,16})[：:](.*)$")
_MENTIONED_DAY = re.compile(r"(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*日")
_NOTE = re.compile(r"（[^）]*）|\([^)]*\)")


def _notice_days(year: int, name: str, body: str, line: int) -> list[ListedDay]:
    """One item of the notice: the days off (a day or a range) and the 调休 working days."""
    found: list[ListedDay] = []
    for sentence in _NOTE.sub("", body).split("。"):
        mentioned = _mentioned_days(year, sentence, line)
        if "放假" in sentence and mentioned:
            first, last = mentioned[0], mentioned[-1] if "至" in sentence else mentioned[0]
            span = (last - first).days + 1
            if not 0 < span <= LONGEST_HOLIDAY:
                raise UserError("calendar.line_range", line=line)
            found += [
                ListedDay(first + timedelta(days=n), "holiday", name, line) for n in range(span)
            ]
        elif "上班" in sentence:
            found += [ListedDay(day, "workday", f"{name}调休", line) for day in mentioned]
    if not any(d.kind == "holiday" for d in found):
        raise UserError("calendar.line_notice", line=line, name=name)
    return found


def _mentioned_days(year: int, sentence: str, line: int) -> list[date]:
    """The dates in a sentence; a day without its month (至13日) is in the last month named,
    one without its year in the notice's year unless another was named (2026年12月31日)."""
    days: list[date] = []
    month = 0
    for year_text, month_text, day_text in _MENTIONED_DAY.findall(sentence):
        year = int(year_text) if year_text else year
        month = int(month_text) if month_text else month
        try:
            days.append(date(year, month, int(day_text)))
        except ValueError as exc:
            raise UserError("calendar.line_date", line=line, value=sentence.strip()) from exc
    return days


def _notice_entries(text: str, year: int) -> Iterator[tuple[int, list[ListedDay] | UserError]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if item := _NOTICE_ITEM.match(line):
            try:
                yield number, _notice_days(year, item[1].strip(), item[2], number)
            except UserError as exc:
                yield number, exc


def _list_entries(text: str) -> Iterator[tuple[int, list[ListedDay] | UserError]]:
    for number, line in _numbered_lines(text):
        try:
            yield number, _parse_line(line, number)
        except UserError as exc:
            yield number, exc


def parse_day_list(text: str) -> list[ListedDay]:
    """A list such as ``2027-01-01,元旦,休`` / ``2027-02-07,春节调休,班``, one day or range
    (``2027-02-10~2027-02-16``, ``2027年2月10日至16日``) a line; blank lines, a header line and
    ``#`` comments are skipped. Or the State Council's notice pasted as it is published (its
    year taken from its title). Every bad line is reported by its number, and then nothing is
    returned."""
    notice_year = _NOTICE_YEAR.search(text)
    entries = _notice_entries(text, int(notice_year[1])) if notice_year else _list_entries(text)
    days: dict[date, ListedDay] = {}
    problems = [problem for number, listed in entries for problem in _merge(days, number, listed)]
    if problems:
        raise UserError("calendar.bad_lines", count=len(problems), lines="\n".join(problems))
    if not days:
        raise UserError("calendar.empty")
    return sorted(days.values(), key=lambda d: d.day)


def _merge(
    days: dict[date, ListedDay], number: int, listed: list[ListedDay] | UserError
) -> list[str]:
    """Add one line's days; what is wrong with the line (a day listed twice both as 休 and
    as 班 included)."""
    if isinstance(listed, UserError):
        return [listed.text]
    problems = []
    for entry in listed:
        first = days.setdefault(entry.day, entry)
        if first.kind != entry.kind:
            twice = UserError(
                "calendar.line_twice",
                line=number,
                day=entry.day.isoformat(),
                first=first.line,
                kind=KIND_LABELS[first.kind],
            )
            problems.append(twice.text)
    return problems


def read_day_list(path: Path) -> list[ListedDay]:
    """:func:`parse_day_list` on a text or CSV file saved as UTF-8 or GBK."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError("calendar.cannot_read", path=str(path), detail=exc.strerror) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    return parse_day_list(text)


def import_days(db: Database, days: list[ListedDay]) -> ImportedDays:
    """Store the listed days in one transaction; days already marked are updated."""
    added = changed = 0
    with db.uow() as s:
        for listed in days:
            row = s.get(CalendarDay, listed.day)
            if row is None:
                s.add(CalendarDay(day=listed.day, kind=listed.kind, name=listed.name))
                added += 1
            elif (row.kind, row.name) != (listed.kind, listed.name):
                row.kind, row.name = listed.kind, listed.name
                changed += 1
    years = tuple(sorted({d.day.year for d in days}))
    return ImportedDays(added, changed, len(days) - added - changed, years)
