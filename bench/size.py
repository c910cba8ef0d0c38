"""Issue 12 §4: the 35,000-household demo database ≤ 320 MB, with its size per table (SQLite's
dbstat: a table's pages together with its indexes' and, for the search index, its shadow
tables'). Measured on a demo built for it (the bench database also holds what earlier bench
runs wrote), closed as the application closes it; nothing is vacuumed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.run import HOUSEHOLDS, OUT, build_demo

TARGET_MB = 320
SHOWN = 14  # the largest tables, one line each; the rest summed

PER_TABLE = """
SELECT coalesce(m.tbl_name, s.name) AS owner, sum(s.pgsize) AS bytes
FROM dbstat AS s LEFT JOIN sqlite_master AS m ON m.name = s.name
GROUP BY owner ORDER BY bytes DESC
"""


def _mb(size: float) -> str:
    return f"{size / 1e6:7.1f} MB"


def _owner(name: str) -> str:
    """A full-text index's shadow tables (resident_name_fts_data, …) under their index."""
    for suffix in ("_data", "_idx", "_docsize", "_config", "_content"):
        if name.endswith("_fts" + suffix):
            return name.removesuffix(suffix)
    return name


def table_sizes(path: Path) -> dict[str, int]:
    """Bytes per table, its indexes included, largest first."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute(PER_TABLE).fetchall()
    sizes: dict[str, int] = {}
    for name, size in rows:
        sizes[_owner(name)] = sizes.get(_owner(name), 0) + size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def bench_size() -> None:
    path = OUT / "size-demo.sqlite"
    path.unlink(missing_ok=True)
    print(f"\ndemo --households {HOUSEHOLDS} built for its size in {build_demo(path):.1f} s")
    show_size(path)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def show_size(path: Path) -> None:
    file_size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    pending = wal.stat().st_size if wal.exists() else 0
    sizes = table_sizes(path)
    verdict = "ok" if file_size <= TARGET_MB * 1e6 else "NOT MET"
    total = _mb(file_size).strip()
    print(f"database file: {total} (target ≤ {TARGET_MB} MB: {verdict})")
    if pending:
        print(f"  (plus {_mb(pending).strip()} not yet checkpointed from its WAL)")
    for name, size in list(sizes.items())[:SHOWN]:
        print(f"  {name:32} {_mb(size)}")
    rest = list(sizes.values())[SHOWN:]
    print(f"  {f'{len(rest)} other tables':32} {_mb(sum(rest))}")
    free = file_size - sum(sizes.values())
    if free > 0:
        print(f"  {'free pages':32} {_mb(free)}")
