"""Sync (issue 14), beyond the fault table: attachments travel by hash, a restored database
starts a new epoch, a rewritten or truncated audit chain is exposed, and the property that the
street's copy equals the community's synced rows after cumulative packages with some lost."""

from __future__ import annotations

import tempfile
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from redoffice.kit import blobs
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.models import AuditChain, AuditLog, Resident
from redoffice.registry import reference as registry
from redoffice.sync import acks, packages
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.conftest import OPERATOR, Templates
from tests.core.sync_support import any_street, community_db, enrol_both, memory_keyring
from tests.core.test_sync_roundtrip import backend, pair, synced_rows  # noqa: F401
from tests.factories import add_resident, setup_place

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_attachments_travel_by_hash(
    pair: tuple[Database, Database, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    c, s, usb = pair
    photo = tmp_path / "门禁照片.png"
    photo.write_bytes(PNG)
    grid, _estate, household = setup_place(c)
    staff = registry.save_staff(
        c, registry.StaffInput(name="李网格员", role="grid_worker", grid_id=grid)
    )
    visits.record_visit(
        c,
        VisitInput(
            household_id=household,
            visit_date=date(2027, 3, 10),
            visitor_ids=(staff,),
            purposes=("听民意",),
            attachments=(photo,),
        ),
    )
    sent = packages.export_package(c, usb)
    got = packages.import_package(s, usb / sent.file)
    assert got.status == packages.APPLIED, got.reason
    [row] = [v for k, v in synced_rows(s, c.node_id).items() if k.startswith("attachment/")]
    assert blobs.blob_path(s.attachments_dir, row["sha256"]).read_bytes() == PNG


def test_a_database_restored_from_a_backup_starts_a_new_epoch(
    pair: tuple[Database, Database, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    c, s, usb = pair
    _g, _e, household = setup_place(c)
    one = packages.export_package(c, usb)
    acks.import_ack(c, Path(packages.import_package(s, usb / one.file).ack))
    backup = tmp_path / "backup.sqlite"
    copy_sqlite(Path(str(c.engine.url.database)), backup)
    add_resident(c, "王五", household=household, seq=2)
    two = packages.export_package(c, usb)
    acks.import_ack(c, Path(packages.import_package(s, usb / two.file).ack))
    restored = open_database(f"sqlite:///{backup}")
    restored.actor = OPERATOR
    try:
        add_resident(restored, "赵六", household=household, seq=3)  # reuses number two.seq_to
        three = packages.export_package(restored, usb)
        assert three.epoch == one.epoch + 1 and three.seq_from == 1
        got = packages.import_package(s, usb / three.file)
        assert got.status == packages.APPLIED, got.reason
        mine = synced_rows(restored, c.node_id)
        theirs = synced_rows(s, c.node_id)
        assert {k: theirs[k] for k in mine} == mine
    finally:
        restored.close()


def test_a_truncated_or_rewritten_audit_chain_is_exposed(
    pair: tuple[Database, Database, Path],  # noqa: F811
) -> None:
    c, s, usb = pair
    _g, _e, household = setup_place(c)
    one = packages.export_package(c, usb)
    acks.import_ack(c, Path(packages.import_package(s, usb / one.file).ack))
    with c.read() as cs:
        head = cs.get(AuditChain, 1)
        assert head is not None
        last_id = head.last_id
        keep = cs.scalars(select(AuditLog).where(AuditLog.id == last_id - 2)).one()
        keep_hash = keep.hash
    with c.engine.begin() as conn:  # the newest entries removed, the head set back
        conn.execute(delete(AuditLog).where(AuditLog.id > last_id - 2))
        conn.execute(update(AuditChain).values(last_id=last_id - 2, last_hash=keep_hash))
    add_resident(c, "王五", household=household, seq=2)
    got = packages.import_package(s, usb / packages.export_package(c, usb).file)
    assert got.status == packages.REFUSED and "操作记录" in got.reason


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "edit", "delete", "export"]), st.integers(0, 9), st.booleans()
        ),
        min_size=3,
        max_size=10,
    )
)
def test_the_street_copy_equals_the_community_after_packages_some_lost(
    templates: Templates,
    backend: pytest.FixtureRequest,  # noqa: F811
    steps: list[tuple[str, int, bool]],
) -> None:
    with tempfile.TemporaryDirectory() as folder, memory_keyring():
        tmp = Path(folder)
        c = community_db(tmp / "c.sqlite", templates)
        with any_street(backend, tmp, templates) as s, closing(c):
            enrol_both(c, s, tmp)
            usb = tmp / "usb"
            usb.mkdir()
            _g, _e, household = setup_place(c)
            people: list[str] = []
            seq = 1
            for action, n, flag in steps:
                if action == "add" or not people:
                    seq += 1
                    people.append(add_resident(c, f"居民{seq}", household=household, seq=seq))
                elif action in ("edit", "delete"):
                    with c.uow() as cs:
                        row = cs.get(Resident, people[n % len(people)])
                        assert row is not None
                        if action == "edit":
                            row.notes = f"第{n}次改"
                        else:
                            row.deleted = not row.deleted
                else:
                    sent = packages.export_package(c, usb)
                    if flag:  # arrived (else the stick was lost)
                        got = packages.import_package(s, usb / sent.file)
                        assert got.status in (packages.APPLIED, packages.DUPLICATE), got.reason
                        if n % 2:  # and its acknowledgement came back
                            acks.import_ack(c, Path(got.ack))
            final = packages.export_package(c, usb)
            got = packages.import_package(s, usb / final.file)
            assert got.status in (packages.APPLIED, packages.DUPLICATE), got.reason
            assert synced_rows(s, c.node_id) == synced_rows(c, c.node_id)
