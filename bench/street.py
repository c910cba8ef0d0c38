"""Issue 15 targets (the street office): 40 community packages of ~3,000 households each
imported into an empty street database ≤ 60 s (SQLite); the street's statistics over the 40
communities ≤ 1 s; the monthly report workbook ≤ 10 s.

The 40 communities are built once into ``bench/out/street-v1/`` (each its own demo: its own
seed and node, a year of work ending on ``TODAY``; enrolled with one street office; its first
full package exported; the community file then deleted): the packages, the enrolled empty street
database and the bench keyring's secrets (bench-only keys). Each run imports the 40 packages
into a copy of that street database, then times the figures and keeps that database as
``imported.sqlite`` there (``--figures-only`` times the figures again on it, without the
import's ~3 minutes of CPU). Wall and CPU time of each (the
machine is shared: CPU is the steadier figure). ``python -m bench.street [--communities N]``
runs it alone."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import keyring

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.sync import _MemoryKeyring
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR, create_demo
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.reports.street import street_workbook
from redoffice.settings import community
from redoffice.street.duplicates import find_duplicates
from redoffice.street.reports import MONTHLY, street_report
from redoffice.street.stats import street_stats
from redoffice.sync import enrol, node, packages

OUT = Path(os.environ.get("BENCH_STREET_OUT", Path(__file__).parent / "out" / "street-v1"))
IMPORTED = OUT / "imported.sqlite"  # the last full run's street database, for --figures-only
COMMUNITIES = int(os.environ.get("BENCH_STREET_COMMUNITIES", "40"))
HOUSEHOLDS = int(os.environ.get("BENCH_STREET_HOUSEHOLDS", "3000"))
TODAY = date(2026, 12, 15)  # a year of work ending here; the report month is the last whole one
MONTH, QUARTER = "2026-11", "2026Q4"
IMPORT_TARGET, STATS_TARGET, WORKBOOK_TARGET = 60.0, 1.0, 10.0
T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _ring() -> _MemoryKeyring:
    ring = _MemoryKeyring()
    keyring.set_keyring(ring)
    return ring


def build(count: int) -> None:
    """The enrolled street, its keys and ``count`` packages in OUT (resumable: a community
    whose package is there is not built again)."""
    OUT.mkdir(parents=True, exist_ok=True)
    street_path, secrets = OUT / "street.sqlite", OUT / "keyring.json"
    ring = _ring()
    if street_path.exists():
        ring.secrets.update(_load(secrets))
    else:
        street = open_database(f"sqlite:///{street_path}")
        node.initialize_street(street, "中南路街道", "420106001", "王主任")
        street.close()
    for n in range(count):
        if not list((OUT / "packages").glob(f"{n:02d}-*.rosync")):
            _community(n, street_path)
            secrets.write_text(json.dumps([[*k, v] for k, v in ring.secrets.items()]))
            print(f"  community {n + 1}/{count} built", flush=True)


def _load(path: Path) -> dict[tuple[str, str], str]:
    return {(service, user): value for service, user, value in json.loads(path.read_text())}


def _community(n: int, street_path: Path) -> None:
    work = OUT / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    db = open_database(f"sqlite:///{work / 'community.sqlite'}")
    code = f"420106001{n + 1:03d}"
    community.initialize(
        db,
        replace(DEMO_IDENTITY, community_name=f"第{n + 1}社区", community_code=code),
        DEMO_OPERATOR,
    )
    create_demo(db, HOUSEHOLDS, seed=100 + n, today=TODAY)
    street = open_database(f"sqlite:///{street_path}")
    mine = enrol.export_enrolment(db, work / "c.enrol")
    theirs = enrol.export_enrolment(street, work / "s.enrol")
    enrol.import_enrolment(street, work / "c.enrol", mine.fingerprint)
    enrol.import_enrolment(db, work / "s.enrol", theirs.fingerprint)
    street.close()
    (OUT / "packages").mkdir(exist_ok=True)
    sent = packages.export_package(db, work)
    db.close()
    shutil.move(work / sent.file, OUT / "packages" / f"{n:02d}-{sent.file}")
    shutil.rmtree(work)


def _import_all(street: Database, files: list[Path], receipts: Path) -> int:
    records = 0
    for path in files:
        got = packages.import_package(street, path, ack_folder=receipts)
        assert got.status == packages.APPLIED, got.reason
        records += got.records
    return records


def bench_street(count: int = COMMUNITIES) -> None:
    print(f"\nstreet (issue 15): {count} communities of {HOUSEHOLDS} households", flush=True)
    build(count)
    ring = _ring()
    ring.secrets.update(_load(OUT / "keyring.json"))
    folder = Path(tempfile.mkdtemp(prefix="bench-street-"))
    try:
        copy_sqlite(OUT / "street.sqlite", folder / "street.sqlite")
        street = open_database(f"sqlite:///{folder / 'street.sqlite'}")
        files = sorted((OUT / "packages").glob("*.rosync"))[:count]
        records, wall, cpu = _timed(lambda: _import_all(street, files, folder))
        print(
            f"  import {len(files)} packages, {records} records  {wall:6.1f} s (CPU {cpu:5.1f} s)"
            f"   target ≤ {IMPORT_TARGET:.0f} s"
        )
        street.analyze()
        _figures(street)
        street.close()
        copy_sqlite(folder / "street.sqlite", IMPORTED)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench_figures() -> None:
    """The figures alone, on the street database the last full run imported (IMPORTED)."""
    if not IMPORTED.exists():
        raise SystemExit(f"{IMPORTED} is made by a full run (python -m bench.street)")
    print(f"\nstreet (issue 15): the figures on {IMPORTED}, load {_load_average()}", flush=True)
    street = open_database(f"sqlite:///{IMPORTED}")
    _figures(street)
    street.close()


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _figures(street: Database) -> None:
    steps: list[tuple[str, Callable[[], object], float]] = [
        (f"street stats {MONTH}", lambda: street_stats(street, MONTH), STATS_TARGET),
        (f"street stats {QUARTER}", lambda: street_stats(street, QUARTER), STATS_TARGET),
        ("cross-community duplicates", lambda: find_duplicates(street), STATS_TARGET),
        (
            f"monthly workbook {MONTH}",
            lambda: street_workbook(street_report(street, MONTHLY, MONTH)),
            WORKBOOK_TARGET,
        ),
    ]
    for label, fn, target in steps:
        _result, wall, cpu = _timed(fn)
        print(
            f"  {label:30} {wall:6.2f} s (CPU {cpu:5.2f} s)   target ≤ {target:g} s"
            f"   load {_load_average()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.street", description=__doc__)
    parser.add_argument("--communities", type=int, default=COMMUNITIES)
    parser.add_argument(
        "--figures-only",
        action="store_true",
        help="time the figures on the street database the last full run imported",
    )
    args = parser.parse_args()
    if args.figures_only:
        bench_figures()
    else:
        bench_street(args.communities)


if __name__ == "__main__":
    main()
