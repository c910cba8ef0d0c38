"""`make bench`: RedOffice's speed targets measured on the 35,000-household demo (~110k
residents, a year of visits, cases, meetings and wishes). Prints figures only.

`python -m bench.run [part …]` runs some parts only (default: all, in this order):
size, search, startup, scroll, pages, work, saves, meetings, excel, fund, sync, street (and
`import`: the import half of excel alone, three times, not part of the default). BENCH_DB names
a database made elsewhere (it is built once otherwise, into bench/out/).

Targets (issue 2): search p95 ≤ 30 ms for 1- and 2-character Chinese queries, pinyin initials
and ID tails; no GUI-thread step over 50 ms while opening the resident list and scrolling to its
end. Issue 11 (bench/pages.py): every page and tab ready ≤ 0.5 s after it is opened, no
GUI-thread stall over 50 ms; 工作台 p95 ≤ 200 ms. Issue 12 §4: the database ≤ 320 MB
(bench/size.py); start to the main window ≤ 3× a bare PySide6 window (bench/startup.py); saving
a resident, a visit and a case ≤ 10 ms (bench/saves.py); Excel import into an empty registry
≤ 5× a bare python-calamine read (bench/excel.py). Issue 13 (bench/fund.py), with a ledger of
10,000 entries: `fund verify` ≤ 0.5 s, the 基金台账 PDF ≤ 2 s, the 基金 page ready ≤ 0.3 s.
Issue 14 (bench/sync.py), on a copy of the bench database: the first full package built and
imported ≥ 40,000 records/s each, ≤ 25 MB, a replayed package recognised ≤ 50 ms.
Issue 15 (bench/street.py): 40 community packages of ~3,000 households imported into an empty
street database ≤ 60 s, the street's figures over them ≤ 1 s, the monthly workbook ≤ 10 s.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR, create_demo
from redoffice.kit.db import open_database
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.settings import community

OUT = Path(__file__).parent / "out"
# v4: the demo has a year of visits, cases, meetings and 红色基金 activity; BENCH_DB: one
# already made elsewhere
DB = Path(os.environ.get("BENCH_DB", OUT / "bench-v4.sqlite"))
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "35000"))


def ensure_database() -> None:
    """The bench database, built once; one made by older code is brought up to date here
    (the start-up probe would otherwise run the upgrade inside its timed, time-limited runs)."""
    if DB.exists():
        open_database(f"sqlite:///{DB}").close()
        return
    print(f"demo --households {HOUSEHOLDS}: {build_demo(DB):.1f} s")


def build_demo(path: Path) -> float:
    """``demo --households HOUSEHOLDS`` into a new file at ``path``; the seconds it took."""
    path.parent.mkdir(exist_ok=True)
    started = time.perf_counter()
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    create_demo(db, HOUSEHOLDS, seed=1)
    db.close()
    return time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache and SQLAlchemy's statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench_search() -> None:
    db = open_database(f"sqlite:///{DB}")
    with db.engine.connect() as conn:
        people = conn.exec_driver_sql(
            "SELECT name, name_initials, id_number FROM resident ORDER BY id LIMIT 2000"
        ).all()
    rng = random.Random(5)
    sample = rng.sample(people, 60)
    cases: dict[str, list[str]] = {
        "1 Chinese character": [p[0][0] for p in sample],
        "2 Chinese characters": [p[0][:2] for p in sample],
        "pinyin initials": [p[1] for p in sample],
        "ID tail (4-6 digits)": [p[2][-rng.choice((4, 5, 6)) :] for p in sample],
    }
    print(
        f"\nsearch over {search.count_residents(db, ResidentQuery())} residents "
        "(ms; first 50 rows as the CLI shows them / all matching ids as the list loads them)"
    )
    for label, queries in cases.items():
        limited, full = [], []
        for q in queries:
            query = ResidentQuery(text=q)
            limited += timed(lambda query=query: search.search_residents(db, query, 50), 1)
            full += timed(lambda query=query: search.resident_ids(db, query), 1)
        print(
            f"  {label:24} p50 {percentile(limited, 50):6.1f}  p95 {percentile(limited, 95):6.1f}"
            f"   | ids p50 {percentile(full, 50):6.1f}  p95 {percentile(full, 95):6.1f}"
        )
    everyone = timed(lambda: search.resident_ids(db, ResidentQuery()), 5)
    print(f"  all ids, sorted by name  p50 {percentile(everyone, 50):6.1f}  (worker thread)")
    db.close()


def _run_pages() -> None:
    """Every page as opened after a fresh start (in a process of its own: after the scroll
    bench the same pages measured up to 2x slower)."""
    subprocess.run([sys.executable, "-m", "bench.pages", str(DB)], check=True)


def _parts() -> dict[str, Callable[[], None]]:
    from bench.excel import bench_excel, bench_import
    from bench.fund import bench_fund
    from bench.gui_scroll import bench_scroll
    from bench.meetings import bench_meetings
    from bench.saves import bench_saves
    from bench.size import bench_size
    from bench.startup import bench_startup
    from bench.street import bench_street
    from bench.sync import bench_sync
    from bench.work import bench_work

    return {
        "size": bench_size,  # a demo of its own: the bench database holds the bench's writes
        "search": bench_search,
        "startup": lambda: bench_startup(DB),
        "scroll": lambda: bench_scroll(DB),
        "pages": _run_pages,
        "work": lambda: bench_work(DB),
        "saves": lambda: bench_saves(DB),
        "meetings": lambda: bench_meetings(DB),
        "excel": lambda: bench_excel(DB),
        "fund": lambda: bench_fund(DB),
        "sync": lambda: bench_sync(DB),  # a copy: the bench database is not changed
        "street": bench_street,  # 40 communities of its own, built once into bench/out/
        "import": lambda: bench_import(DB),  # the import half of "excel" alone, 3 runs
    }


def main(argv: list[str] | None = None) -> None:
    parts = _parts()
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("parts", nargs="*", metavar="part", help=", ".join(parts))
    chosen = parser.parse_args(argv).parts or [name for name in parts if name != "import"]
    unknown = sorted(set(chosen) - set(parts))
    if unknown:
        parser.error(f"unknown part: {', '.join(unknown)} (choose from {', '.join(parts)})")
    ensure_database()
    for name in parts:
        if name in chosen:
            parts[name]()


if __name__ == "__main__":
    main()
