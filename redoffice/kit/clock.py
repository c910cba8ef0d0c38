"""The one clock: the date and the time every part of RedOffice reads (issue 12 §1).

Nothing else reads the computer's clock (tests/core/test_clock.py scans the code for it):
``today()`` is the local date, ``now()`` the local time (naive, as the office sees it),
``utcnow()`` the same instant, aware, in UTC (stored instants).

By default the clock is the computer's. It can be *fixed* to a day:

- in code and tests, ``set_today(day)`` or ``with frozen(day): ...``; ``reset()`` goes back to
  the configured clock;
- for a whole process and the processes it starts (CLI runs, report workers, a demo "as of" a
  date), the environment variable ``REDOFFICE_TODAY=YYYY-MM-DD``, read at import and by
  ``reset()``; it is used only when set. A malformed value never raises (the clock is imported
  by nearly every module): the clock stays the computer's and :func:`ignored_setting` says why
  in Chinese; the CLI refuses to run on it (exit 2), the app logs it and runs on the computer's
  clock (it is a tester's setting, not an office's, so no dialog).

A fixed clock is not stopped: it shows 09:00 local time on the day when it is fixed and then
advances with real elapsed time, so instants written one after another (``updated_at``, audit
entries, case events) keep their order, while the date stays the day (a run would have to last
15 hours to see the next one). A process reading a bare date from ``REDOFFICE_TODAY`` writes
back the real moment its clock started (``2027-01-01T09:00:00@1764668416.25``), so the
processes it starts continue the same time line instead of starting again at 09:00.
"""

from __future__ import annotations

import os
import time as _time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

ENV = "REDOFFICE_TODAY"
START = time(9, 0)  # the time of day a fixed clock starts at


@dataclass(frozen=True)
class _Fixed:
    start: datetime  # the local time shown when the wall clock read ``since``
    since: float  # real seconds since the epoch

    def now(self) -> datetime:
        return self.start + timedelta(seconds=_time.time() - self.since)

    def setting(self) -> str:
        """The ``REDOFFICE_TODAY`` value that continues this time line in another process."""
        return f"{self.start.isoformat()}@{self.since!r}"


_fixed: _Fixed | None = None
_ignored: str | None = None  # why the REDOFFICE_TODAY given was not used


def ignored_setting() -> str | None:
    """The Chinese message for a malformed ``REDOFFICE_TODAY`` the clock ignored (it runs on
    the computer's clock then); None when the variable is unset or valid."""
    return _ignored


def today() -> date:
    """The local date."""
    return date.today() if _fixed is None else _fixed.now().date()


def now() -> datetime:
    """The local date and time, naive."""
    return datetime.now() if _fixed is None else _fixed.now()


def utcnow() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(UTC) if _fixed is None else _fixed.now().astimezone(UTC)


def set_today(day: date | datetime) -> None:
    """Fix the clock: a date starts at 09:00, a (local, naive) datetime at that time."""
    global _fixed
    _fixed = _Fixed(_start(day), _time.time())


@contextmanager
def frozen(day: date | datetime) -> Iterator[None]:
    """The clock fixed to ``day`` inside the block, then as it was."""
    global _fixed
    before = _fixed
    set_today(day)
    try:
        yield
    finally:
        _fixed = before


def reset() -> None:
    """Back to the configured clock: ``REDOFFICE_TODAY`` if set, else the computer's."""
    global _fixed
    _fixed = _configured()


def wall_seconds() -> float:
    """The computer's clock in seconds, never fixed: only to time a duration across processes
    (the start-up probe the benchmark reads). Never a date."""
    return _time.time()


def _start(day: date | datetime) -> datetime:
    return day if isinstance(day, datetime) else datetime.combine(day, START)


def _configured() -> _Fixed | None:
    global _ignored
    _ignored = None
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    shown, _, since = value.partition("@")
    try:
        fixed = (
            _Fixed(datetime.fromisoformat(shown), float(since))
            if since
            else _Fixed(_start(date.fromisoformat(shown)), _time.time())
        )
    except ValueError:
        _ignored = f"环境变量 {ENV} 的值“{value}”无效：应为 YYYY-MM-DD 格式的日期，如 2027-05-20"
        return None
    os.environ[ENV] = fixed.setting()  # the processes started from here share the time line
    return fixed


reset()
