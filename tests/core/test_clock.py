"""The one clock (issue 12 §1): replaceable, shared with the processes a test starts, and the
only reader of the computer's clock in redoffice/ and tests/."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from redoffice.kit import clock, logs
from redoffice.kit.backups import backup_if_due
from redoffice.kit.db import Database
from redoffice.ui import app
from redoffice.visits import service as visits
from tests.conftest import TEST_TODAY
from tests.factories import setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

ROOT = Path(__file__).resolve().parents[2]
CLOCK = ROOT / "redoffice" / "kit" / "clock.py"
# (object, attribute) of a call that reads the computer's clock, wherever it is imported from
WALL_CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "time_ns"),
    ("QDate", "currentDate"),
    ("QTime", "currentTime"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
}
# time functions that read the clock when called without a time
WALL_CLOCK_WITHOUT_ARGUMENT = {"localtime", "gmtime", "ctime", "asctime"}


def _reads(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Calls of the wall clock, and references to it (``default_factory=date.today``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            for alias in node.names:
                if alias.name in {"time", "time_ns"} | WALL_CLOCK_WITHOUT_ARGUMENT:
                    yield node.lineno, f"from time import {alias.name}"
        if isinstance(node, ast.Attribute) and _dotted(node) in WALL_CLOCK_CALLS:
            yield node.lineno, "{}.{}".format(*_dotted(node))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, attr = _dotted(node.func)
            bare_time = name == "time" and attr in WALL_CLOCK_WITHOUT_ARGUMENT and not node.args
            strftime_now = (name, attr) == ("time", "strftime") and len(node.args) == 1
            if bare_time or strftime_now:
                yield node.lineno, f"{name}.{attr}()"


def _dotted(node: ast.Attribute) -> tuple[str, str]:
    """(object, attribute) of ``a.b.object.attribute``."""
    owner = node.value
    name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
    return name, node.attr


def wall_clock_reads(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.name}:{line}: {what}" for line, what in _reads(tree)]
    return found


def test_nothing_but_the_clock_reads_the_computers_clock() -> None:
    paths = [p for top in ("redoffice", "tests") for p in sorted((ROOT / top).rglob("*.py"))]
    found = [f"{p.parent.relative_to(ROOT)}/{r}" for p in paths for r in wall_clock_reads([p])]
    found = [r for r in found if not r.startswith("redoffice/kit/clock.py:")]
    assert not found, "use redoffice.kit.clock instead:\n" + "\n".join(found)


def test_the_scan_sees_every_way_of_reading_the_clock(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime, time\n"
        "from time import time_ns\n"
        "from PySide6.QtCore import QDate, QDateTime\n"
        "a = datetime.date.today()\n"
        "b = datetime.datetime.now(datetime.UTC)\n"
        "c = time.time()\n"
        "d = QDate.currentDate()\n"
        "e = QDateTime.currentDateTime()\n"
        "f = time.localtime()\n"
        "g = time.strftime('%Y')\n"
        "ok = (time.localtime(0), time.strftime('%Y', f), time.perf_counter(), time.monotonic())\n"
        "ok2 = datetime.datetime.fromtimestamp(0)\n"
        "h = field(default_factory=datetime.date.today)\n",
        encoding="utf-8",
    )
    lines = sorted(int(r.split(":")[1]) for r in wall_clock_reads([sample]))
    assert lines == [2, 4, 5, 6, 7, 8, 9, 10, 13]


def test_the_suite_runs_on_a_fixed_day() -> None:
    expected = date.fromisoformat(os.environ.get("REDOFFICE_TEST_TODAY") or TEST_TODAY)
    assert clock.today() == expected
    assert clock.now().date() == expected and clock.now().tzinfo is None
    assert clock.utcnow().tzinfo is UTC
    assert abs(clock.utcnow() - clock.now().astimezone(UTC)) < timedelta(seconds=1)


def test_a_fixed_clock_starts_at_nine_and_moves_on() -> None:
    clock.set_today(date(2028, 2, 29))
    first = clock.now()
    assert first.date() == date(2028, 2, 29) and first.hour == 9
    moments = [clock.utcnow() for _ in range(1000)]
    assert moments == sorted(moments) and moments[-1] > first.astimezone(UTC)
    assert clock.today() == date(2028, 2, 29)


def test_frozen_sets_the_clock_for_a_block_then_restores_it() -> None:
    suite_day = clock.today()
    with clock.frozen(datetime(2027, 12, 31, 23, 0)):
        assert clock.today() == date(2027, 12, 31)
        with clock.frozen(date(2027, 1, 4)):
            assert clock.today() == date(2027, 1, 4)
        assert clock.now().hour == 23
    assert clock.today() == suite_day


def test_reset_reads_the_environment_and_falls_back_to_the_computer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(clock.ENV, "2027-05-20")
    clock.reset()
    assert clock.today() == date(2027, 5, 20)
    assert os.environ[clock.ENV].startswith("2027-05-20T09:00:00@")  # the shared time line
    monkeypatch.setenv(clock.ENV, "2027-13-01")
    clock.reset()  # a malformed value never raises: the computer's clock, and why
    assert abs(clock.utcnow().timestamp() - clock.wall_seconds()) < 5
    assert clock.ignored_setting() == (
        "环境变量 REDOFFICE_TODAY 的值“2027-13-01”无效：应为 YYYY-MM-DD 格式的日期，如 2027-05-20"
    )
    monkeypatch.delenv(clock.ENV)
    clock.reset()
    assert abs(clock.utcnow().timestamp() - clock.wall_seconds()) < 5
    assert clock.ignored_setting() is None


def test_a_malformed_day_stops_the_cli_and_not_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI: the Chinese message on stderr and exit 2, in a process of its own (the clock
    reads the variable when imported); the app: a line in the log, on the computer's clock."""
    env = {**os.environ, clock.ENV: "明天"}
    run = subprocess.run(
        [sys.executable, "-m", "redoffice.cli", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        "错误：环境变量 REDOFFICE_TODAY 的值“明天”无效：应为 YYYY-MM-DD 格式的日期，如 2027-05-20\n"
    )
    monkeypatch.setenv(clock.ENV, "明天")
    clock.reset()
    app._report_ignored_clock_setting()
    assert "按计算机时钟运行" in capsys.readouterr().err
    # logged with its Chinese words scrubbed (kit/logs.py: the log holds no names)
    assert "REDOFFICE_TODAY <文字>“<文字>”<文字>" in logs.log_file().read_text(encoding="utf-8")


def test_a_started_process_continues_the_same_time_line() -> None:
    before = clock.utcnow()
    probe = "from redoffice.kit import clock; print(clock.today(), clock.utcnow().isoformat())"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out[0] == clock.today().isoformat()
    child = datetime.fromisoformat(out[1])
    assert before <= child <= clock.utcnow()


def test_a_write_and_the_plan_read_take_the_clocks_day(db: Database) -> None:
    """The due dates recomputed on a write and the plan read both take the clock's day: a
    household never visited is due on the day it is registered, not overdue since the real
    date."""
    with clock.frozen(date(2027, 5, 20)):
        _grid, _estate, household = setup_place(db)
        (due,) = visits.visit_plan(db)
    assert (due.household_id, due.due) == (household, date(2027, 5, 20))


def test_a_backup_is_due_a_day_after_the_last_by_the_clock(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """Judged by the clock's time in the newest copy's name, not by the file's modification
    time (which the real clock wrote)."""
    folder = tmp_path / "backups"
    with clock.frozen(datetime(2027, 12, 31, 8, 0)):
        first = backup_if_due(sqlite_db.engine, folder)
        stem = Path(str(sqlite_db.engine.url.database)).stem
        assert first is not None and first.name.startswith(f"{stem}-20271231-0800")
        assert backup_if_due(sqlite_db.engine, folder) is None
    with clock.frozen(datetime(2028, 1, 1, 3, 0)):  # 19 hours later
        assert backup_if_due(sqlite_db.engine, folder) is None
    with clock.frozen(datetime(2028, 1, 1, 5, 0)):
        assert backup_if_due(sqlite_db.engine, folder) is not None
    assert len(list(folder.glob("*.sqlite"))) == 2
