"""Bounded bad input (issue 16): what a careless or hostile user types, pastes or imports is
answered at once, cleaned or refused with a clear message, never an internal error."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from redoffice.cases import queries, service
from redoffice.cases.queries import CaseFilter
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.records import SEARCH_MAX
from redoffice.registry import search
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from tests import workbook_bombs
from tests.factories import add_resident, setup_place


def test_a_pasted_100000_digit_search_answers_at_once(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    add_resident(db, "王小明", household=household, relation="0", phone="13812345678")
    service.create_case(db, CaseInput(category="其他", description="1" * 150))
    pasted = "1" * 100_000
    started = time.process_time()
    residents = search.search_residents(db, ResidentQuery(text=pasted))
    households = search.household_ids(db, HouseholdQuery(text=pasted), 50)
    found_cases = queries.list_cases(db, CaseFilter(text=pasted))
    spent = time.process_time() - started
    assert spent < 0.5, spent  # 80 s before the bound
    # only the first SEARCH_MAX characters are read: the same answers as that prefix
    prefix = pasted[:SEARCH_MAX]
    assert residents == search.search_residents(db, ResidentQuery(text=prefix)) == []
    assert households == search.household_ids(db, HouseholdQuery(text=prefix), 50) == []
    assert [c.number for c in found_cases] == [
        c.number for c in queries.list_cases(db, CaseFilter(text=prefix))
    ]
    assert len(found_cases) == 1  # its description holds the first 100 digits


def _import_in_a_process(db_path: Path, workbook: Path) -> tuple[int, str, int]:
    """``import-excel --dry-run`` in a process of its own: exit code, stderr, peak memory (MB)."""
    probe = (
        "import resource, sys\n"
        "from redoffice.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
        "sys.exit(code)\n"
    )
    command = ["--db", f"sqlite:///{db_path}", "import-excel", str(workbook), "--dry-run"]
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done.returncode, done.stderr, int(done.stdout.split()[-1])


@pytest.mark.parametrize(
    ("build", "refusal"),
    [
        (lambda p: workbook_bombs.shared_strings_bomb(p, 400), "解压后有 400,001,992 字节"),
        (lambda p: workbook_bombs.blank_sheet(p, 75), "的工作表有 3,"),
        (lambda p: workbook_bombs.blank_sheet(p, 75, "A1:B2"), "的工作表有 3,"),
        (lambda p: workbook_bombs.blank_sheet(p, 1, "A1:XFD1048576"), "17,179,869,184 个单元格"),
    ],
    ids=["400MB-shared-strings", "blank-cells", "dimension-understated", "dimension-huge"],
)
def test_a_workbook_beyond_the_bounds_is_refused_before_reading(
    sqlite_template: Path, tmp_path: Path, build: Callable[[Path], Path], refusal: str
) -> None:
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    workbook = build(tmp_path / "台账.xlsx")
    assert workbook.stat().st_size < 10_000_000  # a small file, huge unpacked
    before = db_path.read_bytes()
    code, stderr, peak_mb = _import_in_a_process(db_path, workbook)
    assert code == 1, stderr
    assert refusal in stderr and "未读取" in stderr, stderr
    assert peak_mb <= 300  # 7.5 GB for the shared strings before the bounds
    assert db_path.read_bytes() == before
