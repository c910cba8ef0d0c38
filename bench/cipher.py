"""Issue 16, decision 0028: the cost of encryption at rest on the 35,000-household demo — the
conversion (加密此数据库), opening, the resident list and a name search, and the import of the
demo's 110k-row workbook into an empty registry, each on the plain file and on the encrypted
one, in CPU seconds of the process (wall beside them), with the machine's load.

    python -m bench.cipher DEMO.sqlite [WORKBOOK.xlsx]

DEMO is copied, never changed. The keyring is one held in this process (the bench measures the
database, not the operating system's keyring)."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.backend

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR
from redoffice.kit import cipher
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.registry import importer, search
from redoffice.registry import reference as registry
from redoffice.registry.search import ResidentQuery
from redoffice.settings import community

OUT = Path(__file__).parent / "out" / "cipher"
RUNS = 5


class HeldKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.held: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.held.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.held[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.held.pop((service, username), None)


def spent(fn: Callable[[], Any]) -> tuple[float, float]:
    """CPU and wall seconds of ``fn()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def median_ms(fn: Callable[[], Any]) -> str:
    fn()  # warm the page cache and SQLAlchemy's statement cache
    runs = [spent(fn) for _ in range(RUNS)]
    cpu = statistics.median(r[0] for r in runs) * 1000
    wall = statistics.median(r[1] for r in runs) * 1000
    return f"{cpu:7.1f} ms CPU ({wall:7.1f} wall)"


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def reads(path: Path, label: str) -> None:
    opened: list[Database] = []
    cpu, wall = spent(lambda: opened.append(open_database(f"sqlite:///{path}")))
    db = opened[0]
    try:
        print(f"  {label:9} open            {cpu * 1000:7.1f} ms CPU ({wall * 1000:7.1f} wall)")
        everyone, name = ResidentQuery(), ResidentQuery(text="王秀")
        measured = {
            "list, first 200": lambda: search.search_residents(db, everyone, 200),
            "search 王秀": lambda: search.search_residents(db, name, 200),
            "count active": lambda: search.count_residents(db, everyone),
        }
        for what, fn in measured.items():
            print(f"  {label:9} {what:15} {median_ms(fn)}  [{load()}]")
    finally:
        db.close()


def imported(demo: Path, path: Path, workbook: Path, encrypt: bool, label: str) -> None:
    """The demo's workbook into an office with the demo's estates and grids only."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    db.actor = DEMO_OPERATOR
    src = open_database(f"sqlite:///{demo}")
    for e in registry.list_estates(src):
        registry.save_estate(db, registry.EstateInput(name=e.name))
    for g in registry.list_grids(src):
        registry.save_grid(db, registry.GridInput(code=g.code, name=g.name))
    src.close()
    db.close()
    if encrypt:
        cipher.encrypt_file(path, cipher.new_database_key(path))
    db = open_database(f"sqlite:///{path}")
    db.actor = DEMO_OPERATOR
    try:
        plan_cpu, plan_wall = spent(lambda: importer.plan_import(db, workbook))
        plan = importer.plan_import(db, workbook)
        write_cpu, write_wall = spent(lambda: importer.apply_import(db, plan))
    finally:
        db.close()
    print(
        f"  {label:9} import: dry run {plan_cpu:.2f} s CPU ({plan_wall:.2f} wall), write "
        f"{write_cpu:.2f} s CPU ({write_wall:.2f} wall)  [{load()}]"
    )


def main() -> None:
    keyring.set_keyring(HeldKeyring())
    demo = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    plain, encrypted = OUT / "plain.sqlite", OUT / "encrypted.sqlite"
    for target in (plain, encrypted):
        for leftover in target.parent.glob(target.name + "*"):
            leftover.unlink()
    copy_sqlite(demo, plain)
    open_database(f"sqlite:///{plain}").close()  # brought to the current schema first
    shutil.copy(plain, encrypted)
    print(f"35k demo, {plain.stat().st_size / 1e6:.1f} MB  [{load()}]")
    cpu, wall = spent(lambda: cipher.encrypt_file(encrypted, cipher.new_database_key(encrypted)))
    print(f"  加密此数据库 (export, verify, rename): {cpu:.2f} s CPU ({wall:.2f} wall)  [{load()}]")
    for _ in range(2):
        reads(plain, "plain")
        reads(encrypted, "encrypted")
    if len(sys.argv) > 2:
        workbook = Path(sys.argv[2])
        imported(plain, OUT / "import-plain.sqlite", workbook, False, "plain")
        imported(plain, OUT / "import-enc.sqlite", workbook, True, "encrypted")


if __name__ == "__main__":
    main()
