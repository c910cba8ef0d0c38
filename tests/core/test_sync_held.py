"""Held packages are kept and applied by themselves (decision 0019), on SQLite and on a
PostgreSQL street office, told as lost-stick stories: a street office that lost part of what it
had applied (restored from a backup) holds the next package, keeps its file and lists why; the
late stick with the missing part arrives and both apply, in order; or the community re-exports
from where the street stands and the held package, made obsolete, is dropped. A new epoch
without its start waits for it the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from redoffice.kit.db import Database
from redoffice.models import SyncHeld, SyncPackage, SyncPartner
from redoffice.sync import acks, held, keys, packages
from tests.core.test_sync_faults import Pair, pair  # noqa: F401
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident


@pytest.fixture
def p(pair: Pair) -> Pair:  # noqa: F811
    return pair


def _applied(p: Pair, path: Path) -> packages.Imported:
    got = packages.import_package(p.s, path)
    assert got.status == packages.APPLIED, got.reason
    acks.import_ack(p.c, Path(got.ack))
    return got


def _street_forgets_after(street: Database, sender: str, epoch: int, seq: int) -> None:
    """The street office as restored from a backup made when it had applied up to ``seq`` of
    ``epoch`` (its rows stay: the sequence bookkeeping is what a gap is judged by)."""
    with street.uow() as s:
        partner = s.get(SyncPartner, sender)
        assert partner is not None
        partner.epoch, partner.applied_seq = epoch, seq
        s.execute(
            delete(SyncPackage).where(
                SyncPackage.direction == "in",
                (SyncPackage.epoch > epoch)
                | ((SyncPackage.epoch == epoch) & (SyncPackage.seq_to > seq)),
            )
        )


def _three_packages(p: Pair) -> tuple[Path, Path, Path, packages.Imported]:
    one = p.export()
    first = _applied(p, one)
    add_resident(p.c, "王五", household=p.household, seq=2)
    two = p.export()
    _applied(p, two)
    _street_forgets_after(p.s, p.c.node_id, 1, first.seq_to)
    add_resident(p.c, "赵六", household=p.household, seq=3)
    three = p.export()
    got = p.refused(three, packages.HELD)
    return one, two, three, got


def test_a_held_package_is_kept_listed_and_applied_when_the_late_stick_arrives(p: Pair) -> None:
    _one, two, three, got = _three_packages(p)
    assert "缺少第" in got.reason and got.ack  # the community is told too
    [waiting] = held.listing(p.s)
    assert waiting.package_id == got.package_id and waiting.reason == got.reason
    assert waiting.seq_from == got.seq_from and waiting.file_name == three.name
    kept = Path(waiting.path)
    assert kept.name == f"{got.package_id}.rosync" and "held" in kept.parts
    assert kept.read_bytes() == three.read_bytes()
    three.unlink()  # the stick went home: the kept copy is what will be applied
    late = packages.import_package(p.s, two)  # the stick with the missing part
    assert late.status == packages.APPLIED, late.reason
    assert [(r.status, r.package_id) for r in late.released] == [(packages.APPLIED, got.package_id)]
    assert held.listing(p.s) == [] and not kept.exists()
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)
    with p.s.read() as s:
        partner = s.get(SyncPartner, p.c.node_id)
        assert partner is not None and partner.applied_seq == got.seq_to


def test_a_held_package_made_obsolete_by_a_later_cumulative_one_is_dropped(p: Pair) -> None:
    _one, _two, _three, got = _three_packages(p)
    ack = acks.import_ack(p.c, Path(got.ack))  # held: the community starts again below
    assert ack.acked_seq < got.seq_from
    four = p.export()
    healed = packages.import_package(p.s, four)
    assert healed.status == packages.APPLIED, healed.reason
    assert healed.released == [] and held.listing(p.s) == []
    with p.s.read() as s:
        assert s.scalars(select(SyncHeld)).all() == []
    assert not list(held.folder(p.s).glob("*.rosync"))
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_holding_the_same_package_twice_keeps_one(p: Pair) -> None:
    _one, _two, three, _got = _three_packages(p)
    again = packages.import_package(p.s, three)
    assert again.status == packages.HELD
    assert len(held.listing(p.s)) == 1


def test_a_new_epoch_without_its_start_waits_for_it(p: Pair) -> None:
    _applied(p, p.export())
    # the community's database restored from a copy: the keyring's marker names another
    # instance, so a new epoch begins with a full package
    keys.write_marker(p.c, {"instance": "another", "epoch": 1, "sent_seq": 0})
    start = p.export()
    first = _applied(p, start)
    assert first.seq_from == 1
    with p.s.read() as s:
        epoch = s.get(SyncPartner, p.c.node_id).epoch  # type: ignore[union-attr]
    assert epoch == 2
    _street_forgets_after(p.s, p.c.node_id, 1, 10**6)  # the street lost the new epoch's start
    add_resident(p.c, "孙八", household=p.household, seq=5)
    later = p.export()
    got = p.refused(later, packages.HELD)
    assert "重新编号" in got.reason
    assert [h.package_id for h in held.listing(p.s)] == [got.package_id]
    back = packages.import_package(p.s, start)  # the first stick found again
    assert back.status == packages.APPLIED, back.reason
    assert [r.status for r in back.released] == [packages.APPLIED]
    assert held.listing(p.s) == []
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_the_command_line_lists_what_is_held(p: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    if not p.s.is_sqlite:
        pytest.skip("the command line opens the street's SQLite file")
    from redoffice.cli import main

    _one, _two, three, got = _three_packages(p)
    street = str(p.s.engine.url.database)
    capsys.readouterr()
    assert main(["--db", street, "sync", "held", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [h["package_id"] for h in listed["held"]] == [got.package_id]
    assert main(["--db", street, "sync", "import", str(three)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：缺少第") and "暂存" in err and err.count("\n") == 1
