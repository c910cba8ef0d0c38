"""Issue 5 figures: import and export of the ~110k-row 居民 list.

Import into an empty registry ≤ 5× a bare python-calamine read of the same sheet, in CPU
seconds (issue 12 §4; 3× stays the aim); export ≤ 1.2× a bare openpyxl write-only of the same
cells. Printed beside their baselines, measured in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.run import OUT
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR
from redoffice.kit import exports
from redoffice.kit.db import Database, open_database
from redoffice.registry import importer
from redoffice.registry import reference as registry
from redoffice.registry.exports import RESIDENTS
from redoffice.registry.residents import _word_pinyin, pinyin_keys
from redoffice.settings import community

IMPORT_TARGET = 5.0


def _seconds(fn: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


@dataclass(frozen=True)
class Spent:
    """CPU seconds of the process (all its threads) and wall seconds."""

    cpu: float
    wall: float

    def __add__(self, other: Spent) -> Spent:
        return Spent(self.cpu + other.cpu, self.wall + other.wall)

    @staticmethod
    def median(spent: list[Spent]) -> Spent:
        return Spent(
            statistics.median(s.cpu for s in spent), statistics.median(s.wall for s in spent)
        )


def _spent(fn: Any) -> tuple[Spent, Any]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return Spent(time.process_time() - cpu, time.perf_counter() - wall), result


def _bare_write(headers: Any, rows: list[list[Any]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    book.save(OUT / "bare.xlsx")


def _materialized(db: Database) -> tuple[Any, list[list[Any]]]:
    headers, rows = RESIDENTS.rows(db, True, None)
    return headers, list(rows)


def _calamine(path: Path) -> int:
    """A bare read of the sheet the import reads (the first), every row into Python as the
    import's stream takes them (``iter_rows``; ``to_python`` holds them all: ~10% more CPU)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return sum(1 for _ in book.get_sheet_by_name(book.sheet_names[0]).iter_rows())


def _openpyxl_read(path: Path) -> int:
    book = load_workbook(path, read_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


PEAK = """
import sys
from pathlib import Path
import redoffice.features
from redoffice.kit.db import open_database
from redoffice.kit import exports
from redoffice.registry import importer
db = open_database(sys.argv[1])
if sys.argv[2] == "export":
    Path(sys.argv[3]).write_bytes(exports.export_workbook(db, "residents", True))
else:
    importer.plan_import(db, Path(sys.argv[3]))
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(int(hwm.split()[1]) // 1024)
"""


def _peak_mb(*args: str) -> int:
    """Peak resident memory of one export or import dry run in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *args], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1])


def _fresh_target(src: Database) -> Database:
    path = OUT / "import-target.sqlite"
    path.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    db.actor = DEMO_OPERATOR
    for e in registry.list_estates(src):
        registry.save_estate(db, registry.EstateInput(name=e.name))
    for g in registry.list_grids(src):
        registry.save_grid(db, registry.GridInput(code=g.code, name=g.name))
    return db


def _bench_import_into_empty(src: Database, source: Path, runs: int) -> None:
    """The import of ``source`` into an empty registry against python-calamine reading the same
    sheet, in turn (so that both meet the same load on the machine), in CPU seconds of the
    process (every thread: the write included; wall seconds beside them move with the load)."""
    calamine, planned, written = [], [], []
    load = os.getloadavg()[0]
    for _ in range(runs):
        calamine.append(_spent(lambda: _calamine(source))[0])
        plan, write, new = _import_once(src, source)
        planned.append(plan)
        written.append(write)
    bare = Spent.median(calamine)
    plan, write = Spent.median(planned), Spent.median(written)
    total = Spent.median([p + w for p, w in zip(planned, written, strict=True)])
    ratio = total.cpu / bare.cpu
    verdict = "ok" if ratio <= IMPORT_TARGET else "NOT MET"
    print(
        f"  import of {new:,} new residents into an empty registry against a bare python-calamine"
        f" read of the same sheet, CPU s, medians of {runs}: dry run {plan.cpu:.2f} + write "
        f"{write.cpu:.2f} = {total.cpu:.2f} s / {bare.cpu:.2f} s = {ratio:.2f}× (target ≤ "
        f"{IMPORT_TARGET:.0f}×: {verdict}; aim 3×) [wall {total.wall:.2f} s / {bare.wall:.2f} s"
        f" = {total.wall / bare.wall:.2f}×; load {load:.1f} → {os.getloadavg()[0]:.1f}]"
    )
    each = ", ".join(
        f"{p.cpu:.2f} + {w.cpu:.2f} / {c.cpu:.2f}"
        for p, w, c in zip(planned, written, calamine, strict=True)
    )
    print(f"    each run, CPU s (dry run + write / calamine): {each}")


def _import_once(src: Database, source: Path) -> tuple[Spent, Spent, int]:
    """The time of the dry run and of the write, and the residents added (each run meets its
    names for the first time: the pinyin memos of earlier runs, names and words, are forgotten)."""
    pinyin_keys.cache_clear()
    _word_pinyin.cache_clear()
    target = _fresh_target(src)
    plan_s, plan = _spent(lambda: importer.plan_import(target, source))
    write_s, result = _spent(lambda: importer.apply_import(target, plan))
    target.close()
    return plan_s, write_s, result.new


def bench_import(path: Path, runs: int = 3) -> None:
    """The import half alone (`python -m bench.run import`): the file exported once."""
    db = open_database(f"sqlite:///{path}")
    db.actor = community.operator(db)
    source = OUT / "residents.xlsx"
    OUT.mkdir(exist_ok=True)  # a BENCH_DB made elsewhere: the folder may not be there yet
    if not source.exists():
        source.write_bytes(exports.export_workbook(db, "residents", True))
    print(f"\nExcel import of {source.name}")
    _bench_import_into_empty(db, source, runs)
    db.close()


def bench_excel(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    db.actor = community.operator(db)
    ours, data = _seconds(lambda: exports.export_workbook(db, "residents", True))
    read, (headers, rows) = _seconds(lambda: _materialized(db))
    print(f"\nExcel ({len(rows):,} residents × {len(headers)} columns)")
    bare, _ = _seconds(lambda: _bare_write(headers, rows))
    ratio = ours / (read + bare)
    print(
        f"  export (database read included): {ours:.2f} s; reading the rows {read:.2f} s + "
        f"bare openpyxl write-only {bare:.2f} s: {ratio:.2f}× (≤ 1.2×)"
    )
    source = OUT / "residents.xlsx"
    source.write_bytes(data)
    openpyxl_s, _ = _seconds(lambda: _openpyxl_read(source))
    plan_s, plan = _seconds(lambda: importer.plan_import(db, source))
    print(
        f"  read: openpyxl read-only {openpyxl_s:.2f} s; import dry run against the registry it "
        f"came from (read, clean, check {len(plan.rows):,} rows) {plan_s:.2f} s"
    )
    _bench_import_into_empty(db, source, runs=1)
    url = f"sqlite:///{path}"
    export_mb = _peak_mb(url, "export", str(OUT / "peak.xlsx"))
    import_mb = _peak_mb(f"sqlite:///{OUT / 'import-target.sqlite'}", "import", str(source))
    print(f"  peak memory: export {export_mb} MB (≤ 200), import dry run {import_mb} MB (≤ 300)")
    db.close()
