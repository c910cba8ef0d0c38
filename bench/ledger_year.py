"""Issue 11: the year's 民情台账 (every case accepted since 1 January of the latest case's year)
laid out as the background job does, with its progress followed: how long the PDF takes and
the longest wait between two progress reports (the bar standing still).

`python -m bench.ledger_year [database]` (default: the bench database, bench/out/)."""

from __future__ import annotations

import sys
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.cases import documents
from redoffice.kit.db import open_database
from redoffice.kit.steps import Steps

DB = Path(__file__).parent / "out" / "bench-v3.sqlite"


def bench_ledger_year(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        last = conn.exec_driver_sql("SELECT max(accepted_at) FROM case_record").scalar()
    started = time.perf_counter()
    ledger = documents.case_ledger_data(db, date(int(str(last)[:4]), 1, 1), None)
    read = time.perf_counter()
    marks: list[tuple[float, int]] = []
    pdf = documents.case_ledger_pdf(
        ledger, Steps(lambda d, _t: marks.append((time.perf_counter(), d)))
    )
    done = time.perf_counter()
    db.close()
    rows = len(ledger.rows)
    layout = next(t for t, d in marks if d >= rows)
    times = [read, *(t for t, _d in marks)]
    longest = max(b - a for a, b in pairwise(times))
    print(f"\nthe year's 民情台账: {rows:,} cases, {len(pdf) / 1e6:.1f} MB")
    print(f"  data read {read - started:6.2f} s")
    print(
        f"  PDF       {done - read:6.2f} s "
        f"(cells {layout - read:.2f} s, pages {done - layout:.2f} s)"
    )
    print(f"  progress reports {len(marks):,}; longest wait between two {longest:.2f} s;")
    print(f"  after the last one (the file written) {done - marks[-1][0]:.2f} s")


if __name__ == "__main__":
    bench_ledger_year(Path(sys.argv[1]) if len(sys.argv) > 1 else DB)
