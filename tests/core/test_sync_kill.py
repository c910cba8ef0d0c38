"""Process killed mid-apply (the fault table of ../shared/docs/sync-protocol.md): the street's
import runs in a process of its own, which is paused inside the apply transaction — after the
rows, the high-water mark, the package record and the audit entry are written, before the
commit — and killed there with SIGKILL. The database and the high-water mark are unchanged, and
importing the same file again succeeds. SQLite (WAL) and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from redoffice.kit.db import Database
from redoffice.models import AuditChain, SyncPackage, SyncPartner
from redoffice.sync import packages
from tests.conftest import Templates
from tests.core.sync_support import (
    MemoryKeyring,
    community_db,
    enrol_both,
    memory_keyring,
    pg_street,
    street_db,
)
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident, setup_place

ROOT = Path(__file__).resolve().parents[2]

# The child: the test's keyring, the street database, and audit_log.record wrapped so that the
# package's audit entry — the last write of the apply transaction — is followed by a pause.
CHILD = """
import json, sys, time
from pathlib import Path
import keyring
import redoffice.features
from redoffice.kit import audit_log
from redoffice.kit.db import open_database
from redoffice.sync import packages
from tests.core.sync_support import MemoryKeyring

url, package, secrets, marker = sys.argv[1:5]
ring = MemoryKeyring()
ring.secrets = {tuple(k.split("\\0")): v for k, v in json.loads(Path(secrets).read_text()).items()}
keyring.set_keyring(ring)
record = audit_log.record

def paused(session, action, *args):
    record(session, action, *args)
    if action == "sync":
        session.flush()  # every write of the package is in the open transaction now
        Path(marker).write_text(str(session.connection().dialect.name))
        time.sleep(600)

audit_log.record = paused
db = open_database(url)
db.actor = "王主任"
packages.import_package(db, Path(package))
print("committed")  # never reached: the test kills the process first
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def sides(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> Iterator[tuple[Database, Database, MemoryKeyring]]:
    with memory_keyring() as ring, ExitStack() as stack:
        if request.param == "postgresql":
            street = stack.enter_context(pg_street(request.getfixturevalue("pg_server")))
        else:
            street = street_db(tmp_path / "s.sqlite", templates)
            stack.callback(street.close)
        c = community_db(tmp_path / "c.sqlite", templates)
        stack.callback(c.close)
        enrol_both(c, street, tmp_path)
        yield c, street, ring


def _state(db: Database) -> dict[str, Any]:
    """Every table the import writes, whole."""
    with db.engine.connect() as conn:
        found: dict[str, Any] = {}
        for name in ("resident", "household", "grid", "estate", "sync_package", "audit_log"):
            found[name] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY 1"))]
        found["partner"] = [tuple(r) for r in conn.execute(select(SyncPartner))]
        found["chain"] = [tuple(r) for r in conn.execute(select(AuditChain))]
    return found


def test_a_process_killed_mid_apply_leaves_nothing_and_the_file_imports_again(
    sides: tuple[Database, Database, MemoryKeyring], tmp_path: Path
) -> None:
    c, s, ring = sides
    _g, _e, household = setup_place(c)
    for n in range(30):
        add_resident(c, f"居民{n:02d}", household=household, seq=n + 1)
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = packages.export_package(c, usb)
    package = usb / sent.file
    if s.is_sqlite:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    before = _state(s)
    secrets = tmp_path / "secrets.json"
    secrets.write_text(json.dumps({"\0".join(k): v for k, v in ring.secrets.items()}))
    marker = tmp_path / "paused"
    url = s.engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(package), str(secrets), str(marker)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            if child.poll() is not None:
                pytest.fail(f"the import ended before its pause: {child.communicate()}")
            assert time.monotonic() < deadline, "the import never reached its pause"
            time.sleep(0.1)
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL and b"committed" not in out
    assert _state(s) == before  # no row, no high-water mark, no record, no audit entry
    with s.read() as ss:
        partner = ss.get(SyncPartner, c.node_id)
        assert partner is not None and partner.applied_seq == 0
        assert ss.scalars(select(SyncPackage).where(SyncPackage.direction == "in")).all() == []
    got = packages.import_package(s, package)
    assert got.status == packages.APPLIED, got.reason
    assert got.records == sent.records
    assert synced_rows(s, c.node_id) == synced_rows(c, c.node_id)
