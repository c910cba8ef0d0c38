"""Issue 14 targets (sync): building and importing a package ≥ 40,000 records/s each, the first
full package of the 35,000-household demo ≤ 25 MB, recognising a replayed package ≤ 50 ms.

A copy of the bench database (never the file itself) becomes a community enrolled with a new
street office (keys in an in-memory keyring, as the tests keep them); its first full package is
exported, imported into the street office's empty database, then imported again (the replay).
Wall and CPU time of each; ``python -m bench.sync DB [--profile export,import,replay]`` runs it
alone (with cProfile's top functions for those steps)."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.backend

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.sync import enrol, node, packages

RATE_TARGET, SIZE_TARGET_MB, REPLAY_TARGET_MS = 40_000, 25, 50
T = TypeVar("T")


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@contextmanager
def _memory_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(before)


def _timed(fn: Callable[[], T], profile: bool) -> tuple[T, float, float]:
    """``fn()``, its wall and CPU seconds (and its profile, in CPU time, printed when asked)."""
    profiler = cProfile.Profile(time.process_time) if profile else None  # CPU: a shared machine
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    result = fn()
    if profiler is not None:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return result, wall, cpu


def _pair(source: Path, folder: Path) -> tuple[Database, Database]:
    """A copy of ``source`` as the community and a new street office, enrolled both ways."""
    copy_sqlite(source, folder / "community.sqlite")
    community = open_database(f"sqlite:///{folder / 'community.sqlite'}")
    street = open_database(f"sqlite:///{folder / 'street.sqlite'}", create=True)
    node.initialize_street(street, "中南路街道", "420106001", "王主任")
    c_file, s_file = folder / "community.enrol", folder / "street.enrol"
    mine = enrol.export_enrolment(community, c_file)
    theirs = enrol.export_enrolment(street, s_file)
    enrol.import_enrolment(street, c_file, mine.fingerprint)
    enrol.import_enrolment(community, s_file, theirs.fingerprint)
    return community, street


def bench_sync(db_path: Path, profile: str = "", replays: int = 7) -> None:
    """``profile``: the steps (``export,import,replay``) to profile."""
    print("\nsync (issue 14): the first full package of the bench database")
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        with _memory_keyring():
            started = time.perf_counter()
            community, street = _pair(db_path, folder)
            print(f"  copy + enrol                {time.perf_counter() - started:8.1f} s")
            usb = folder / "usb"
            usb.mkdir()
            sent, wall, cpu = _timed(
                lambda: packages.export_package(community, usb), "export" in profile
            )
            mb = sent.bytes / 1024**2
            print(
                f"  export {sent.records:7} records  {wall:6.2f} s (CPU {cpu:5.2f} s)"
                f"  {sent.records / wall:8.0f} rec/s (CPU {sent.records / cpu:6.0f})"
                f"   target ≥ {RATE_TARGET}"
            )
            print(f"  package                     {mb:8.1f} MB   target ≤ {SIZE_TARGET_MB}")
            path = usb / sent.file
            got, wall, cpu = _timed(
                lambda: packages.import_package(street, path), "import" in profile
            )
            assert got.status == packages.APPLIED, got.reason
            print(
                f"  import {got.records:7} records  {wall:6.2f} s (CPU {cpu:5.2f} s)"
                f"  {got.records / wall:8.0f} rec/s (CPU {got.records / cpu:6.0f})"
                f"   target ≥ {RATE_TARGET}"
            )
            times = []
            for _ in range(replays):
                again, wall, _cpu = _timed(
                    lambda: packages.import_package(street, path), "replay" in profile
                )
                profile = profile.replace("replay", "")  # the first one only
                assert again.status == packages.DUPLICATE, again.reason
                times.append(wall * 1000)
            print(
                f"  replay recognised           {statistics.median(times):8.1f} ms median"
                f" of {replays}   target ≤ {REPLAY_TARGET_MS}"
            )
            community.close()
            street.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--profile", default="", help="export,import,replay: cProfile's top")
    args = parser.parse_args()
    bench_sync(args.db, args.profile)


if __name__ == "__main__":
    main()
