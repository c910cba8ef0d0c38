"""Bounded bad input (issue 16): what a careless or hostile user types, pastes or imports is
answered at once, cleaned or refused with a clear message, never an internal error."""

from __future__ import annotations

import logging
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from io import BytesIO
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from redoffice.cases import queries, service
from redoffice.cases.queries import CaseFilter
from redoffice.cases.service import CaseInput
from redoffice.kit import exports
from redoffice.kit.db import Database, open_database
from redoffice.kit.files import write_file
from redoffice.kit.logs import log_exception, log_file
from redoffice.kit.paths import data_dir
from redoffice.kit.records import SEARCH_MAX
from redoffice.kit.validation import clean_text
from redoffice.models import Resident
from redoffice.registry import importer, search
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from redoffice.settings import community
from tests import workbook_bombs
from tests.conftest import IDENTITY, OPERATOR
from tests.factories import add_resident, id_number, setup_place


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
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across execve, so a child forked from a big
    # pytest process would report the parent's size (433 MB in the whole suite) as its own
    probe = (
        "import sys\n"
        "from redoffice.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(int(status.split()[0]) // 1024)\n"
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


def test_control_characters_are_cleaned_on_the_way_in(db: Database, tmp_path: Path) -> None:
    """A CSV whose names and notes hold NUL and other C0 characters imports without them;
    the dialogs' and the CLI's text fields (clean_text) drop them too, tab and newline kept."""
    born = id_number(date(1980, 5, 17))
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "姓名,身份证号,住址,与户主关系,备注\n"
        f"王\x00小\x07明,{born},胜利街\x1b8号,户主,第一行\x0c\x7f\n",
        encoding="utf-8",
    )
    plan = importer.plan_import(db, ledger, importer.ImportOptions(create_places=True))
    assert plan.count("new") == 1, plan.text()
    importer.apply_import(db, plan)
    [row] = search.search_residents(db, ResidentQuery(text="王小明"))
    assert row.name == "王小明"
    with db.read() as s:
        stored = s.scalars(select(Resident.notes)).one()
    assert stored == "第一行"
    assert clean_text("\x00 两行\t说明\n第二行\x1f ") == "两行\t说明\n第二行"


def test_one_bad_stored_record_never_breaks_an_export(db: Database) -> None:
    """A NUL written straight into the database (an older version, another tool) is left out
    of the workbook; the other records export as they are."""
    _grid, _estate, household = setup_place(db)
    bad = add_resident(db, "李四", household=household, relation="0")
    add_resident(db, "王芳", household=household, relation="1", gender="female", seq=20)
    broken = "李\x00四\x1f" if db.is_sqlite else "李\x01四\x1f"  # PostgreSQL holds no NUL
    with db.uow() as s:  # past the services and the audit, as another tool would write
        s.execute(
            text("UPDATE resident SET name = :name WHERE id = :id"), {"name": broken, "id": bad}
        )
    data = exports.export_workbook(db, "residents")
    sheet = load_workbook(BytesIO(data), read_only=True).worksheets[0]
    header, *rows = sheet.iter_rows(values_only=True)
    names = {row[header.index("姓名")] for row in rows}
    assert {"李四", "王芳"} <= names, names


@pytest.mark.real_commits
def test_concurrent_clerks_never_get_the_same_case_number(db: Database) -> None:
    """Four clerks add 25 民情诉求 each at the same time: 100 requests, 100 numbers, no error
    (3 of 100 collided when each took the highest number + 1)."""
    start = threading.Barrier(4)

    def clerk(n: int) -> list[str]:
        start.wait()
        return [
            service.create_case(db, CaseInput(category="其他", description=f"诉求 {n}-{i}"))
            for i in range(25)
        ]

    with ThreadPoolExecutor(4) as pool:
        added = [case for done in pool.map(clerk, range(4)) for case in done]
    numbers = [c.number for c in queries.list_cases(db)]
    assert len(added) == 100 and len(numbers) == 100
    assert len(set(numbers)) == 100
    year = numbers[0][:5]
    assert sorted(numbers) == [f"{year}{n:05d}" for n in range(1, 101)]


def test_the_database_exports_and_the_log_are_the_users_only(tmp_path: Path) -> None:
    """0600 files, 0700 folders (they were 0644/0755: readable by every account on the PC)."""
    path = tmp_path / "office.sqlite"
    db = open_database(f"sqlite:///{path}", create=True)
    try:
        community.initialize(db, IDENTITY, OPERATOR)
        db.actor = OPERATOR
        exported = tmp_path / "居民.xlsx"
        write_file(exported, exports.export_workbook(db, "residents"))
        log = log_exception("a test's error", RuntimeError("boom"))
        files = [path, path.with_name(path.name + "-wal"), exported, log]
        assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {
            p.name: "0o600" for p in files
        }
        assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700
    finally:
        db.close()


@pytest.mark.parametrize(
    "secret",
    ["王小明", "110101199003077777", "11010119900307777X", "13812345678", "010-65123456"],
)
def test_the_log_never_holds_names_id_numbers_or_phones(secret: str) -> None:
    try:
        raise ValueError(f"居民 {secret} 保存失败 [parameters: ('{secret}', 'r-1')]")
    except ValueError as exc:
        where = log_exception(f"saving {secret}", exc)
    logged = where.read_text(encoding="utf-8")
    assert "saving" in logged and "保存失败" not in logged
    assert secret not in logged


def test_the_log_is_rotated(monkeypatch: pytest.MonkeyPatch) -> None:
    where = log_file()
    handler = next(
        h for h in logging.getLogger("redoffice").handlers if isinstance(h, RotatingFileHandler)
    )
    assert (handler.maxBytes, handler.backupCount) == (2_000_000, 3)
    monkeypatch.setattr(handler, "maxBytes", 2_000)
    for n in range(40):
        log_exception(f"error {n}", RuntimeError("x" * 100))
    rotated = where.with_name(where.name + ".1")
    assert rotated.exists() and where.stat().st_size <= 4_000
    assert stat.S_IMODE(where.stat().st_mode) == stat.S_IMODE(rotated.stat().st_mode) == 0o600
