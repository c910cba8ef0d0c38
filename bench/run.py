"""`make bench`: RedOffice's speed targets measured on ~100k residents (and a year of visits
and cases). Prints figures only.

Targets (issue 2): cold start to the main window ≤ 1.0 s; search p95 ≤ 30 ms for 1- and
2-character Chinese queries, pinyin initials and ID tails; no GUI-thread step over 50 ms while
opening the resident list and scrolling to its end. Issue 11 (bench/pages.py): every page and
tab ready ≤ 0.5 s after it is opened, no GUI-thread stall over 50 ms; 工作台 p95 ≤ 200 ms.
"""

from __future__ import annotations

import os
import random
import statistics
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
# v3: the demo has a year of visits, cases and meetings; BENCH_DB: one already made elsewhere
DB = Path(os.environ.get("BENCH_DB", OUT / "bench-v3.sqlite"))
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "35000"))


def ensure_database() -> None:
    if DB.exists():
        return
    OUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    db = open_database(f"sqlite:///{DB}")
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    create_demo(db, HOUSEHOLDS, seed=1)
    db.close()
    print(f"demo --households {HOUSEHOLDS}: {time.perf_counter() - started:.1f} s")


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


def bench_cold_start() -> None:
    runs = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for _ in range(5):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "redoffice.ui.app", "--db", str(DB), "--startup-probe"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        runs.append(float(out.strip().splitlines()[-1]) - started)
    print(
        f"\ncold start to main window shown: best {min(runs):.2f} s, "
        f"median {statistics.median(runs):.2f} s (5 runs)"
    )


def main() -> None:
    ensure_database()
    bench_search()
    bench_cold_start()
    from bench.gui_scroll import bench_scroll

    bench_scroll(DB)
    # every page as opened after a fresh start (not after the scrolling above)
    subprocess.run([sys.executable, "-m", "bench.pages", str(DB)], check=True)
    from bench.work import bench_work

    bench_work(DB)
    from bench.meetings import bench_meetings

    bench_meetings(DB)
    from bench.excel import bench_excel

    bench_excel(DB)


if __name__ == "__main__":
    main()
