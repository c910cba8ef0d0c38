"""Defects found reviewing the sync work of session 7 (each test failed before its fix), on the
street office's SQLite and PostgreSQL: a line the street cannot store is refused naming the
line (not an exception out of the import, nothing recorded), and an erased record is not
brought back by a copy that keeps the erased name but carries personal information again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.kit.db import copy_sqlite, open_database
from redoffice.kit.errors import UserError
from redoffice.models import Resident, ResidentTag, SyncConflict, SyncPackage
from redoffice.registry.erasure import ERASED_NAME, erase_resident
from redoffice.sync import acks, held, keys, packages
from tests.conftest import Templates
from tests.core.sync_support import enrolled_pair
from tests.core.test_sync_faults import (  # noqa: F401
    Pair,
    first_resident_line,
    pair,
    reforge,
    with_line,
)
from tests.factories import add_resident


def _refused_naming_the_line(p: Pair, change: object) -> str:
    forged = reforge(p, p.export(), p.tmp / "rows.rosync", plain=change)  # type: ignore[arg-type]
    got = p.refused(forged)
    assert "行无效" in got.reason and "第" in got.reason, got.reason
    with p.s.read() as s:  # the refusal is in the history, with its reason
        assert s.scalars(select(SyncPackage.status).where(SyncPackage.direction == "in")).all() == [
            packages.REFUSED
        ]
    return got.reason


def test_a_lone_surrogate_is_refused_naming_the_line(pair: Pair) -> None:  # noqa: F811
    """``"\\ud800"`` is valid JSON but no Unicode text: the strict parser took it, the decoder
    passed it, and storing it raised UnicodeEncodeError out of ``import_package``."""

    def surrogate(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["notes"] = "前\ud800后"
        return with_line(rows, n, json.dumps(found).encode())  # escaped as \ud800

    assert "Unicode" in _refused_naming_the_line(pair, surrogate)


def test_an_integer_the_column_cannot_hold_is_refused_naming_the_line(
    pair: Pair,  # noqa: F811
) -> None:
    """``version`` is an Integer (int4 on PostgreSQL): 2**31 passed the decoder's 64-bit bound
    and PostgreSQL's DataError escaped ``import_package`` (SQLite stored it)."""

    def huge(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["version"] = 2**31
        return with_line(rows, n, json.dumps(found, ensure_ascii=False).encode())

    assert "version" in _refused_naming_the_line(pair, huge)


def _send(p: Pair) -> packages.Imported:
    got = packages.import_package(p.s, p.export())
    assert got.status == packages.APPLIED, got.reason
    acks.import_ack(p.c, Path(got.ack))
    return got


def test_an_erased_record_keeping_its_mark_cannot_bring_personal_data_back(
    pair: Pair,  # noqa: F811
) -> None:
    """The purge recognised "personal information again" by the name only: a copy still named
    （已清除） but with the ID number and phone filled in again was applied at the street."""
    with pair.c.read() as s:
        person = str(s.scalars(select(Resident.id)).one())
    _send(pair)
    erase_resident(pair.c, person, "本人申请删除")
    _send(pair)
    with pair.c.uow() as s:  # a careless edit of the erased record at the community
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME
        row.phone, row.current_address = "13912345678", "中南路1号"
    got = _send(pair)
    assert [(x["row_id"], x.get("purged")) for x in got.conflicts] == [(person, True)]
    with pair.s.read() as s:
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME
        assert (row.phone, row.current_address) == ("", "")
        kept = s.scalars(select(SyncConflict).where(SyncConflict.row_id == person)).all()
        assert kept and all("13912345678" not in c.local_row for c in kept)


def test_an_erased_copy_that_is_blank_still_applies(pair: Pair) -> None:  # noqa: F811
    """The screen must not refuse what an erasure itself sends (and its repeat in an overlap)."""
    with pair.c.read() as s:
        person = str(s.scalars(select(Resident.id)).one())
    _send(pair)
    erase_resident(pair.c, person, "本人申请删除")
    got = _send(pair)
    assert got.conflicts == []
    with pair.s.read() as s:
        row = s.get(Resident, person)
        assert row is not None and row.name == ERASED_NAME and row.id_number is None


def test_an_erased_record_filled_in_again_can_be_erased_again(pair: Pair) -> None:  # noqa: F811
    """``erase_resident`` called a record "done already" by its name alone: personal data typed
    into an erased record could not be erased any more."""
    with pair.c.read() as s:
        person = str(s.scalars(select(Resident.id)).one())
    erase_resident(pair.c, person, "本人申请删除")
    with pair.c.uow() as s:
        row = s.get(Resident, person)
        assert row is not None
        row.phone = "13912345678"
    erase_resident(pair.c, person, "再次清除")
    with pair.c.read() as s:
        row = s.get(Resident, person)
        assert row is not None and (row.name, row.phone) == (ERASED_NAME, "")
    with pytest.raises(UserError, match="已经清除过"):
        erase_resident(pair.c, person, "第三次")


@pytest.fixture
def sqlite_pair(tmp_path: Path, templates: Templates) -> Iterator[Pair]:
    """SQLite only: the street office is restored from a copy of its file."""
    with enrolled_pair(tmp_path, templates) as (c, s, _usb):
        yield Pair(tmp_path, templates, c, s)


def test_a_new_epoch_the_street_lost_is_sent_again_from_its_start(sqlite_pair: Pair) -> None:
    """A package held because its new epoch does not start at 1 (the street restored from a
    backup taken before that epoch began) was acknowledged with the street's old epoch, which
    the community refuses ("以前的数据编号"): its acknowledged number never moved back, every
    later package was held the same way, for ever. The held acknowledgement must speak of the
    package's epoch, applied up to 0, so the next package is that epoch's full snapshot."""
    p = sqlite_pair
    _send(p)
    street_file = Path(str(p.s.engine.url.database))
    copy_sqlite(street_file, p.tmp / "street-backup.sqlite")  # the street's backup, epoch 1
    keys.write_marker(p.c, {"instance": "another-pc", "epoch": 1, "sent_seq": 0})  # copied PC
    assert _send(p).seq_from == 1  # the new epoch's full snapshot, applied and acknowledged
    p.s.close()  # the street restores its backup: it never saw the new epoch
    for suffix in ("-wal", "-shm"):
        Path(f"{street_file}{suffix}").unlink(missing_ok=True)
    copy_sqlite(p.tmp / "street-backup.sqlite", street_file)
    p.s = open_database(f"sqlite:///{street_file}")
    p.s.actor = "王主任"
    add_resident(p.c, "王五", household=p.household, seq=2)
    got = packages.import_package(p.s, p.export())
    assert (
        got.status == packages.HELD and "重新编号" in got.reason and "导入这次的回执" in got.reason
    )
    moved = acks.import_ack(p.c, Path(got.ack))
    assert (moved.status, moved.acked_seq) == ("moved", 0)
    again = _send(p)
    assert again.seq_from == 1 and not held.listing(p.s)
    with p.s.read() as s:
        assert "王五" in set(s.scalars(select(Resident.name)))


def test_a_tag_note_of_an_erased_record_is_not_taken_again(pair: Pair) -> None:  # noqa: F811
    """The erasure blanks the notes of the resident's tags (personal: 病情, 家庭情况); the purge
    screened resident rows only, so a tag note written again reached the street."""
    with pair.c.read() as s:
        person = str(s.scalars(select(Resident.id)).one())
    with pair.c.uow() as s:
        s.add(ResidentTag(resident_id=person, tag="living_alone", note="独居，患有精神疾病"))
    _send(pair)
    erase_resident(pair.c, person, "本人申请删除")
    _send(pair)
    with pair.c.uow() as s:
        tag = s.scalars(select(ResidentTag).where(ResidentTag.resident_id == person)).one()
        tag.note = "独居，患有精神疾病"
    got = _send(pair)
    assert [(x["table"], x.get("purged")) for x in got.conflicts] == [("resident_tag", True)]
    with pair.s.read() as s:
        assert set(s.scalars(select(ResidentTag.note))) == {""}
        kept = s.scalars(select(SyncConflict).where(SyncConflict.table_name == "resident_tag"))
        assert all("精神疾病" not in c.local_row for c in kept)
