"""Issue 15 targets (the street office): 40 community packages of ~3,000 households each
imported into an empty street database ≤ 60 s (SQLite); the street's statistics over the 40
communities ≤ 1 s; the monthly report workbook ≤ 10 s.

The 40 communities are built once into ``bench/out/street-v1/`` (each its own demo: its own
seed and node, a year of work ending on ``TODAY``; enrolled with one street office; its first
full package exported; the community file then deleted): the packages, the enrolled empty street
database and the bench keyring's secrets (bench-only keys). Each run imports the 40 packages
into a copy of that street database in one batch, as ``sync import`` given the 40 files does
(``packages.import_packages``), then times the figures and keeps that database as
``imported.sqlite`` there (``--figures-only`` times the figures again on it, without the
import's ~3 minutes of CPU). Wall and CPU time of each (the
machine is shared: CPU is the steadier figure). ``python -m bench.street [--communities N]``
runs it alone.

``--postgresql [URL]`` runs the same import and figures on PostgreSQL: the enrolled street
database is copied into a database of its own on the server at URL (``postgresql+psycopg://
user@host:port``; without URL a throw-away server as the test suite starts it,
tests/pgserver.py — fsync, full-page writes and synchronous commit off), so the packages built
for it import there. CPU is then the client's and, beside it, the server's (its postmaster's
processes, from /proc: the server does the inserts' work there)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

import keyring
from sqlalchemy import Connection, create_engine, delete, insert, select, text

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from bench.sync import _MemoryKeyring
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR, create_demo
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.models import Base
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
        street = open_database(f"sqlite:///{street_path}", create=True)
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
    db = open_database(f"sqlite:///{work / 'community.sqlite'}", create=True)
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
    for got in packages.import_packages(street, files, ack_folder=receipts):
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


def _figures(street: Database, server_cpu: Callable[[], float] | None = None) -> None:
    """Each figure's wall and CPU time (and the PostgreSQL server's CPU, ``server_cpu``)."""
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
        before = server_cpu() if server_cpu else 0.0
        _result, wall, cpu = _timed(fn)
        server = f", server {server_cpu() - before:5.2f} s" if server_cpu else ""
        print(
            f"  {label:30} {wall:6.2f} s (CPU {cpu:5.2f} s{server})   target ≤ {target:g} s"
            f"   load {_load_average()}"
        )


# ── on PostgreSQL ─────────────────────────────────────────────────────────────────────────────

PG_DATABASE = "bench_street"
PAGES = os.environ.get("BENCH_STREET_PAGES") == "1"  # then bench.pages on the street too
KEPT = ("app_release",)  # the PostgreSQL database's own release row stays


def _postgres_street(server: str, enrolled: Database) -> Database:
    """``enrolled`` (the SQLite street the packages are addressed to) as the database
    PG_DATABASE on ``server``: the schema made by open_database, then every row of the
    enrolment (settings with the node id, partners and their keys, the audit trail and its head,
    the counters) copied, the ids' sequences moved past them; opened again."""
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {PG_DATABASE}"))
        conn.execute(text(f"CREATE DATABASE {PG_DATABASE}"))
    admin.dispose()
    street = open_database(f"{server}/{PG_DATABASE}")
    tables = [t for t in Base.metadata.sorted_tables if t.name not in KEPT]
    with enrolled.engine.connect() as read, street.engine.begin() as write:
        for table in reversed(tables):
            write.execute(delete(table))
        for table in tables:
            rows = [dict(r._mapping) for r in read.execute(select(table))]
            if rows:
                write.execute(insert(table), rows)
                if "id" in table.c:
                    _past_the_ids(write, table.name)
    street.close()
    return open_database(f"{server}/{PG_DATABASE}")  # as the street office: its node id read


def _past_the_ids(conn: Connection, table: str) -> None:
    """The table's id sequence (if its ids come from one) set to its largest id."""
    sequence = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar()
    if sequence:
        conn.execute(text(f"SELECT setval('{sequence}', (SELECT max(id) FROM {table}))"))


def _server_cpu(street: Database) -> Callable[[], float]:
    """The CPU seconds the server's processes have used so far (the postmaster of this
    connection's backend, its live children and those ended), as a function to call again."""
    with street.engine.connect() as conn:
        backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
    postmaster = _stat(backend)[1]
    ticks = os.sysconf("SC_CLK_TCK")

    def used() -> float:
        total = sum(_stat(postmaster)[2:6])  # its own and its ended children's
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = _stat(int(entry.name))
                except OSError:
                    continue
                if stat[1] == postmaster:
                    total += stat[2] + stat[3]
        return total / ticks

    return used


def _stat(pid: int) -> list[int]:
    """[pid, parent, utime, stime, cutime, cstime] from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return [pid, *(int(fields[n]) for n in (1, 11, 12, 13, 14))]


def bench_street_postgres(server: str | None, count: int = COMMUNITIES) -> None:
    """The import and the figures on PostgreSQL: the server at ``server``, or a throw-away
    one (whose own CPU time is then measured too)."""
    from tests.pgserver import running_server

    build(count)
    _ring().secrets.update(_load(OUT / "keyring.json"))
    if server:
        _on_postgres(server, count, measure_server=False)
        return
    with running_server() as started:
        if started is None:
            raise SystemExit("no PostgreSQL here: install it or pass a server's URL")
        _on_postgres(started, count, measure_server=True)


def _import_each(street: Database, files: list[Path], receipts: Path) -> int:
    """``_import_all``, a package at a time, each one's times printed."""
    records = 0
    for n, path in enumerate(files, start=1):
        got, wall, cpu = _timed(partial(_import_all, street, [path], receipts))
        records += got
        print(f"  package {n:2}: {got} records  {wall:5.2f} s (CPU {cpu:5.2f} s)", flush=True)
    return records


def _on_postgres(server: str, count: int, *, measure_server: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-street-pg-"))
    try:
        copy_sqlite(OUT / "street.sqlite", folder / "street.sqlite")
        enrolled = open_database(f"sqlite:///{folder / 'street.sqlite'}")
        street = _postgres_street(server, enrolled)
        enrolled.close()
        server_cpu = _server_cpu(street) if measure_server else lambda: 0.0
        print(f"\nstreet (issue 15) on PostgreSQL: {count} communities of {HOUSEHOLDS} households")
        files = sorted((OUT / "packages").glob("*.rosync"))[:count]
        before = server_cpu()
        records, wall, cpu = _timed(lambda: _import_each(street, files, folder))
        print(
            f"  import {len(files)} packages, {records} records  {wall:6.1f} s (CPU {cpu:5.1f} s,"
            f" server CPU {server_cpu() - before:5.1f} s)   target ≤ {IMPORT_TARGET:.0f} s"
            f"   load {_load_average()}"
        )
        street.analyze()
        _figures(street, server_cpu if measure_server else None)
        street.close()
        if PAGES:  # the street window's pages on it, in a process of their own
            subprocess.run([sys.executable, "-m", "bench.pages", f"{server}/{PG_DATABASE}"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.street", description=__doc__)
    parser.add_argument("--communities", type=int, default=COMMUNITIES)
    parser.add_argument(
        "--figures-only",
        action="store_true",
        help="time the figures on the street database the last full run imported",
    )
    parser.add_argument(
        "--postgresql",
        nargs="?",
        const="",
        metavar="URL",
        help="on PostgreSQL: the server at URL, or without it a throw-away one",
    )
    args = parser.parse_args()
    if args.postgresql is not None:
        bench_street_postgres(args.postgresql or None, args.communities)
    elif args.figures_only:
        bench_figures()
    else:
        bench_street(args.communities)


if __name__ == "__main__":
    main()
