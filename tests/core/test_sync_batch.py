"""Several packages imported at once (``sync import`` with several files, issue 15): on
SQLite each package's commit is copied into the database file on a second thread while the
next package is verified (``packages.import_packages``, ``sync.checkpoints``). What the street
office sees must be what importing them one by one gives: the same order, each package
applied, held or refused for the same reason, a damaged one affecting neither its neighbours
nor their order; and its connections as they were afterwards."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from redoffice.cli import main
from redoffice.kit.db import Database, copy_sqlite, open_database
from redoffice.sync import acks, keys, packages, wire
from tests.core.test_sync_faults import Pair, pair, unpack, write_zip  # noqa: F401
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident


def _truncated(p: Pair, source: Path) -> Path:
    cut = p.tmp / "cut.rosync"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return cut


def _undecryptable(p: Pair, source: Path) -> Path:
    """Signed by the community, but its rows cannot be decrypted (the AEAD tag flipped): found
    after every check of the file, while the package before it is being checkpointed."""
    members = unpack(source)
    manifest = json.loads(members[wire.MANIFEST])
    cipher = bytearray(members[wire.CHANGES])
    cipher[-1] ^= 1
    members[wire.CHANGES] = bytes(cipher)
    manifest["members"][wire.CHANGES]["sha256"] = hashlib.sha256(cipher).hexdigest()
    body = wire.manifest_bytes(manifest)
    members[wire.MANIFEST], members[wire.SIGNATURE] = body, keys.load_keys(p.c).sign.sign(body)
    return write_zip(p.tmp / "undecryptable.rosync", list(members.items()))


DAMAGES = {"truncated": _truncated, "undecryptable": _undecryptable}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_package_in_a_batch_is_refused_alone(pair: Pair, damage: str) -> None:  # noqa: F811
    one = pair.export()
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    damaged = DAMAGES[damage](pair, pair.export())
    add_resident(pair.c, "赵六", household=pair.household, seq=3)
    three = pair.export()  # not acknowledged: cumulative, from 1 again
    alone = pair.refused(damaged)  # what importing it by itself says (nothing changed)
    got = list(packages.import_packages(pair.s, [one, damaged, three]))
    assert [g.file for g in got] == [one.name, damaged.name, three.name]
    assert [g.status for g in got] == [packages.APPLIED, packages.REFUSED, packages.APPLIED]
    assert got[1].reason == alone.reason and got[1].records == 0 and not got[1].ack
    assert got[2].records == 2  # what one did not bring: 王五 (of the damaged one) and 赵六
    assert synced_rows(pair.s, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)


def _summary(got: packages.Imported) -> tuple[Any, ...]:
    released = [(r.status, r.package_id, r.records) for r in got.released]
    return got.file, got.status, got.reason, got.records, got.seq_from, got.seq_to, released


def _street_copy(source: Path, folder: Path) -> Database:
    """A street office as ``source`` was, in a folder of its own (its held packages too)."""
    folder.mkdir()
    copy_sqlite(source, folder / "s.sqlite")
    street = open_database(f"sqlite:///{folder / 's.sqlite'}")
    street.actor = "王主任"
    return street


def test_a_batch_gives_what_importing_one_by_one_gives(pair: Pair) -> None:  # noqa: F811
    """Packages of one community, each starting where the one before ended (acknowledged),
    given out of order with a damaged one among them: the second held for its gap, then
    released by the first; order, every status, reason and count as importing them one at a
    time; the street's rows those of the community."""
    if not pair.s.is_sqlite:
        pytest.skip("the street office is copied as a file")
    empty = pair.tmp / "empty.sqlite"
    copy_sqlite(Path(str(pair.s.engine.url.database)), empty)
    made: list[Path] = []
    for n, name in enumerate(["王五", "赵六"], start=2):
        made.append(pair.export())
        acks.import_ack(pair.c, Path(packages.import_package(pair.s, made[-1]).ack))
        add_resident(pair.c, name, household=pair.household, seq=n)
    made.append(pair.export())
    one, two, three = made
    order = [two, one, _truncated(pair, three), three]
    by_one = _street_copy(empty, pair.tmp / "by-one")
    in_batch = _street_copy(empty, pair.tmp / "in-batch")
    try:
        alone = [_summary(packages.import_package(by_one, f)) for f in order]
        together = [_summary(g) for g in packages.import_packages(in_batch, order)]
        assert together == alone
        assert [s[1] for s in together] == [
            packages.HELD,
            packages.APPLIED,
            packages.REFUSED,
            packages.APPLIED,
        ]
        assert [r[0] for r in together[1][6]] == [packages.APPLIED]  # two, released after one
        assert synced_rows(in_batch, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)
    finally:
        by_one.close()
        in_batch.close()


def test_sync_import_of_several_files_reports_each_in_order(
    pair: Pair,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``redoffice-cli sync import A B C``: each file's line in the order given; a damaged one
    is refused in its one Chinese line and the exit code is 1, the others applied."""
    if not pair.s.is_sqlite:
        pytest.skip("the command line opens the street's file")
    one = pair.export()
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    damaged = _undecryptable(pair, pair.export())
    add_resident(pair.c, "赵六", household=pair.household, seq=3)
    three = pair.export()
    street = str(pair.s.engine.url.database)
    capsys.readouterr()
    code = main(["--db", street, "sync", "import", str(one), str(damaged), str(three), "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(r["file"], r["status"]) for r in listed] == [
        (str(one), packages.APPLIED),
        (str(damaged), packages.REFUSED),
        (str(three), packages.APPLIED),
    ]
    assert "无法解密" in listed[1]["reason"] and listed[2]["records"] == 2
    assert synced_rows(pair.s, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)


def test_a_batch_leaves_its_pages_in_the_database_file(pair: Pair) -> None:  # noqa: F811
    """After the batch every page its packages logged is in the database file itself (its
    checkpoints done: here a package's log is far below the 1,000 pages at which SQLite
    copies it by itself), and the street's pooled connections checkpoint by themselves
    again."""
    if not pair.s.is_sqlite:
        pytest.skip("PostgreSQL has no checkpoints of the batch's")
    one = pair.export()
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    two = pair.export()
    got = list(packages.import_packages(pair.s, [one, two]))
    assert [g.status for g in got] == [packages.APPLIED, packages.APPLIED]
    with pair.s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    alone = pair.tmp / "file-alone.sqlite"  # the database file without its log beside it
    shutil.copyfile(str(pair.s.engine.url.database), alone)
    outside = sqlite3.connect(alone)
    try:
        names = outside.execute(
            "SELECT name FROM resident WHERE owner_node = ? ORDER BY name", (pair.c.node_id,)
        ).fetchall()
    finally:
        outside.close()
    assert names == [("李四",), ("王五",)]
