"""Several clerks on one PostgreSQL street database (issue 15): imports of packages take turns
(an advisory lock), two clerks importing at the same moment lose nothing and apply nothing twice;
sequence numbers come from the counter row (a number given back by a rollback is taken again).

Each clerk is a ``Database`` of its own on the same database, in a thread of its own; a barrier
inside the import (after each package is verified, before it is applied) makes them overlap."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import Database, open_database
from redoffice.models import AuditLog, Grid, SyncCounter, SyncPackage
from redoffice.settings import community
from redoffice.settings.community import Identity
from redoffice.sync import apply, packages
from tests.conftest import OPERATOR, Templates
from tests.core.sync_support import community_db, enrol_both, memory_keyring, pg_street
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.postgresql
SECOND = Identity("和平社区", "420106001002", "中南路街道", "420106001")


@dataclass
class Office:
    """Two communities (SQLite) enrolled with one street office on PostgreSQL, and a second
    clerk's connection to that street database."""

    communities: list[Database]
    street: Database
    clerk: Database
    tmp: Path

    def export(self, n: int) -> Path:
        usb = self.tmp / f"usb{n}"
        usb.mkdir(exist_ok=True)
        return usb / packages.export_package(self.communities[n], usb).file


@pytest.fixture
def office(tmp_path: Path, templates: Templates, pg_server: str) -> Iterator[Office]:
    with memory_keyring(), pg_street(pg_server) as street:
        first = community_db(tmp_path / "c1.sqlite", templates)
        second = open_database(f"sqlite:///{tmp_path / 'c2.sqlite'}", create=True)
        community.initialize(second, SECOND, OPERATOR)
        second.actor = OPERATOR
        clerk = open_database(street.engine.url.render_as_string(hide_password=False))
        clerk.actor = "李干事"
        try:
            for n, c in enumerate((first, second)):
                (tmp_path / f"enrol{n}").mkdir()
                enrol_both(c, street, tmp_path / f"enrol{n}")
                _g, _e, household = setup_place(c)
                for k in range(1, 30):
                    add_resident(c, f"居民{n}{k:02d}", household=household, seq=k)
            yield Office([first, second], street, clerk, tmp_path)
        finally:
            for db in (first, second, clerk):
                db.close()


def _together(monkeypatch: pytest.MonkeyPatch, *jobs: Callable[[], Any]) -> list[Any]:
    """Run the jobs in threads of their own, each held before its first apply until all are
    there (so every one was verified against the same state); their results in order."""
    gate = threading.Barrier(len(jobs), timeout=60)
    waited = threading.local()
    applied = apply.apply

    def at_the_gate(*args: Any, **kwargs: Any) -> Any:
        if not getattr(waited, "done", False):
            waited.done = True
            gate.wait()
        return applied(*args, **kwargs)

    monkeypatch.setattr(apply, "apply", at_the_gate)
    results: list[Any] = [None] * len(jobs)

    def run(n: int) -> None:
        try:
            results[n] = jobs[n]()
        except BaseException as exc:  # reported by the test, not lost in the thread
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def _imports(office: Office) -> list[tuple[str, int, int]]:
    with office.street.read() as s:
        rows = s.execute(
            select(SyncPackage.status, SyncPackage.seq_to, SyncPackage.records)
            .where(SyncPackage.direction == "in")
            .order_by(SyncPackage.status)
        )
        return [tuple(r) for r in rows]


def _sync_entries(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(AuditLog.action == "sync")) or 0)


@pytest.mark.real_commits
def test_two_clerks_import_different_packages_at_the_same_moment(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [office.export(0), office.export(1)]
    got = _together(
        monkeypatch,
        lambda: packages.import_package(office.street, files[0], ack_folder=office.tmp / "usb0"),
        lambda: packages.import_package(office.clerk, files[1], ack_folder=office.tmp / "usb1"),
    )
    assert [r.status for r in got] == [packages.APPLIED, packages.APPLIED], got
    assert all(r.records > 29 for r in got)
    for c in office.communities:
        mine = synced_rows(c, c.node_id)
        assert synced_rows(office.street, c.node_id) == mine
    assert _sync_entries(office.street) == 2


@pytest.mark.real_commits
def test_the_same_package_imported_twice_at_once_is_applied_once(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = office.export(0)
    for folder in ("a", "b"):
        (office.tmp / folder).mkdir()
    got = _together(
        monkeypatch,
        lambda: packages.import_package(office.street, package, ack_folder=office.tmp / "a"),
        lambda: packages.import_package(office.clerk, package, ack_folder=office.tmp / "b"),
    )
    statuses = sorted(r.status for r in got)
    assert statuses == [packages.APPLIED, packages.DUPLICATE], got
    assert all(r.ack for r in got)  # the second clerk's import acknowledges it again
    c = office.communities[0]
    assert synced_rows(office.street, c.node_id) == synced_rows(c, c.node_id)
    applied = next(r for r in got if r.status == packages.APPLIED)
    assert _imports(office) == [(packages.APPLIED, applied.seq_to, applied.records)]
    assert _sync_entries(office.street) == 1


@pytest.mark.real_commits
def test_a_number_a_rollback_gave_back_is_the_next_clerks(office: Office) -> None:
    """The counter row, not a SEQUENCE: a clerk whose transaction took number n and rolled
    back leaves no hole (a package would see one as a gap); the other clerk, who waited for
    the counter row meanwhile, gets n."""
    with office.street.read() as s:
        start = int(s.scalar(select(SyncCounter.last_seq)) or 0)
    started = threading.Event()
    taken: list[int] = []

    def second_clerk() -> None:
        started.set()
        with office.clerk.uow() as s:
            grid = Grid(code="G2", name="二")
            s.add(grid)
            s.flush()
            taken.append(grid.sync_seq)

    worker = threading.Thread(target=second_clerk)
    with pytest.raises(RuntimeError), office.street.uow() as s:
        s.add(Grid(code="G1", name="一"))
        s.flush()  # number start + 1 taken; the counter row stays locked
        worker.start()
        started.wait(10)
        worker.join(0.5)
        assert worker.is_alive()  # waiting for the counter row
        raise RuntimeError("rolled back")
    worker.join(30)
    assert taken == [start + 1]
