"""Every row of the fault table of ../shared/docs/sync-protocol.md (issue 14): the street office
refuses (or holds) the package with a clear Chinese message and its data tables stay as they
were. Faulty packages are made from a real one: unpacked, changed, and where the fault is in
the content, re-encrypted and re-signed with the community's real keys (so it is the check
under test that catches it, not the signature)."""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select, update

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.models import Resident
from redoffice.sync import enrol, keys, packages, wire
from redoffice.sync.keys import PublicKeys
from tests.conftest import Templates
from tests.core.sync_support import BACKENDS, community_db, street_pair
from tests.core.test_sync_roundtrip import synced_rows
from tests.factories import add_resident, setup_place


class Pair:
    def __init__(self, tmp: Path, templates: Templates, c: Database, s: Database) -> None:
        self.tmp = tmp
        self.templates = templates
        self.c, self.s = c, s
        self.usb = tmp / "usb"
        self.usb.mkdir(exist_ok=True)
        _g, _e, self.household = setup_place(self.c)
        add_resident(self.c, "李四", household=self.household, seq=1)

    def export(self) -> Path:
        return self.usb / packages.export_package(self.c, self.usb).file

    def street_rows(self) -> dict[str, Any]:
        with self.s.engine.connect() as conn:
            return {
                t.name: [tuple(r) for r in conn.execute(select(t).order_by(t.c.id))]
                for t in wire.synced_tables()
            }

    def refused(self, path: Path, status: str = packages.REFUSED) -> packages.Imported:
        before = self.street_rows()
        got = packages.import_package(self.s, path)
        assert got.status == status, got
        assert got.reason and got.records == 0
        assert self.street_rows() == before
        return got


@pytest.fixture(params=BACKENDS)
def pair(request: pytest.FixtureRequest, tmp_path: Path, templates: Templates) -> Iterator[Pair]:
    """A community (SQLite) and its street office, on SQLite and on PostgreSQL."""
    with street_pair(request, tmp_path, templates) as (c, s, _usb):
        yield Pair(tmp_path, templates, c, s)


def unpack(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_zip(
    path: Path, members: list[tuple[str, bytes]], compress: int = zipfile.ZIP_STORED
) -> Path:
    with zipfile.ZipFile(path, "w", compression=compress) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    return path


def plain_of(pair: Pair, members: dict[str, bytes]) -> tuple[dict[str, Any], bytes]:
    manifest = json.loads(members[wire.MANIFEST])
    own = keys.load_keys(pair.s)
    context = wire.info(manifest["package_id"], own.key_id, wire.CHANGES)
    return manifest, zlib.decompress(wire.open_sealed(members[wire.CHANGES], own.box, context))


def reforge(
    pair: Pair,
    source: Path,
    target: Path,
    *,
    plain: Callable[[bytes], bytes] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    signer: keys.NodeKeys | None = None,
    records: int | None = None,
    format_1: bool = True,
) -> Path:
    """A package like ``source`` with its rows and/or manifest changed, re-encrypted to the
    street and signed by the community's real key (or ``signer``). Rows are changed in
    format 1 (a line per row, with its column names), which the street still reads: a
    package of format 2 is rewritten in it first (unless not ``format_1``)."""
    members = unpack(source)
    found, rows = plain_of(pair, members)
    if plain is not None:
        if found["format_version"] == 2 and format_1:
            rows, found["format_version"] = as_format_1(rows), 1
        rows = plain(rows)
        street = PublicKeys(*(keys.unb64(x) for x in _street_public(pair)))
        cipher = wire.seal(
            wire.compress(rows),
            street.box_key(),
            wire.info(found["package_id"], street.key_id, wire.CHANGES),
        )
        members[wire.CHANGES] = cipher
        found["payload"]["plain_size"] = len(rows)
        found["payload"]["plain_sha256"] = hashlib.sha256(rows).hexdigest()
        found["members"][wire.CHANGES] = {
            "sha256": hashlib.sha256(cipher).hexdigest(),
            "size": len(cipher),
        }
        if records is not None:
            found["records"] = records
            found["counts"] = {"resident": records} if records else {}
    if manifest is not None:
        manifest(found)
    body = wire.manifest_bytes(found)
    key = signer or keys.load_keys(pair.c)
    members[wire.MANIFEST], members[wire.SIGNATURE] = body, key.sign.sign(body)
    return write_zip(target, list(members.items()))


def as_format_1(rows: bytes) -> bytes:
    """The lines of a format-2 payload (a header per table, then its rows as arrays) as
    format 1 writes them (``{"t": table, "r": {column: value}}`` per row)."""
    lines, out = rows.split(b"\n")[:-1], []
    while lines:
        header, lines = json.loads(lines[0]), lines[1:]
        for raw in lines[: header["n"]]:
            out.append(
                wire.line(header["t"], dict(zip(header["c"], orjson.loads(raw), strict=True)))
            )
        lines = lines[header["n"] :]
    return b"".join(out)


def _street_public(pair: Pair) -> tuple[str, str]:
    from redoffice.models import SyncPeerKey

    with pair.c.read() as s:
        key = s.scalars(select(SyncPeerKey).where(SyncPeerKey.status == "enrolled")).one()
        return key.sign_public, key.box_public


def first_resident_line(rows: bytes) -> tuple[int, dict[str, Any]]:
    for n, raw in enumerate(rows.split(b"\n")):
        if raw and json.loads(raw)["t"] == "resident":
            return n, json.loads(raw)
    raise AssertionError("no resident")


def with_line(rows: bytes, n: int, new: bytes) -> bytes:
    lines = rows.split(b"\n")
    lines[n] = new
    return b"\n".join(lines)


# ── the file itself ─────────────────────────────────────────────────────────────────────────


def test_a_truncated_file_is_refused(pair: Pair) -> None:
    path = pair.export()
    cut = pair.tmp / "cut.rosync"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "不完整" in pair.refused(cut).reason


@pytest.mark.parametrize("member", [wire.CHANGES, wire.MANIFEST])
def test_one_bit_flipped_is_refused(pair: Pair, member: str) -> None:
    members = unpack(pair.export())
    data = bytearray(members[member])
    data[len(data) // 2] ^= 0x04
    members[member] = bytes(data)
    got = pair.refused(write_zip(pair.tmp / "flip.rosync", list(members.items())))
    assert ("不符" in got.reason) or ("签名不对" in got.reason) or ("清单无效" in got.reason)


@pytest.mark.parametrize(
    "name", ["../x", "/x", "C:\\x", "attachments/../../x", "extra.txt", "attachments/abc"]
)
def test_bad_member_names_are_refused_before_any_read(pair: Pair, name: str) -> None:
    members = list(unpack(pair.export()).items())
    got = pair.refused(write_zip(pair.tmp / "names.rosync", [*members, (name, b"x")]))
    assert "不允许" in got.reason or "结构不对" in got.reason


def test_duplicate_member_names_are_refused(pair: Pair) -> None:
    members = list(unpack(pair.export()).items())
    with pytest.warns(UserWarning):  # zipfile warns of the duplicate it is told to write
        path = write_zip(pair.tmp / "dup.rosync", [*members, (wire.CHANGES, b"again")])
    pair.refused(path)


def test_a_zip_bomb_is_refused_quickly(pair: Pair) -> None:
    members = list(unpack(pair.export()).items())
    bomb = [(n, d) for n, d in members if n != wire.CHANGES] + [
        (wire.CHANGES, bytes(200 * 1024**2))
    ]
    path = write_zip(pair.tmp / "bomb.rosync", bomb, zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 2 * 1024**2
    assert "存储方式" in pair.refused(path).reason


def test_overlapping_entries_are_refused(pair: Pair) -> None:
    source = pair.export()
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as z:
        infos = z.infolist()
        start = z.start_dir
    # point the second central-directory entry at the first entry's local header
    first_offset = infos[0].header_offset
    pos = start
    for n, _info in enumerate(infos):
        assert data[pos : pos + 4] == b"PK\x01\x02"
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        extra_len = int.from_bytes(data[pos + 30 : pos + 32], "little")
        comment_len = int.from_bytes(data[pos + 32 : pos + 34], "little")
        if n == 1:
            data[pos + 42 : pos + 46] = first_offset.to_bytes(4, "little")
        pos += 46 + name_len + extra_len + comment_len
    path = pair.tmp / "overlap.rosync"
    path.write_bytes(bytes(data))
    pair.refused(path)


# ── who sent it ─────────────────────────────────────────────────────────────────────────────


def test_signed_with_another_communitys_key_is_refused(pair: Pair) -> None:
    other = community_db(pair.tmp / "other.sqlite")  # a node id of its own
    try:
        made = enrol.export_enrolment(other, pair.tmp / "other.enrol")
        enrol.import_enrolment(pair.s, pair.tmp / "other.enrol", made.fingerprint)
        stranger = keys.load_keys(other)
        source = pair.export()
        got = pair.refused(reforge(pair, source, pair.tmp / "a.rosync", signer=stranger))
        assert "签名不对" in got.reason

        def claim(m: dict[str, Any]) -> None:
            m["key_id"] = stranger.key_id

        got = pair.refused(
            reforge(pair, source, pair.tmp / "b.rosync", manifest=claim, signer=stranger)
        )
        assert "不是 幸福社区 登记的密钥" in got.reason
    finally:
        other.close()


def test_an_unknown_sender_is_refused(pair: Pair) -> None:
    other = community_db(pair.tmp / "other.sqlite")  # a node id of its own
    try:
        made = enrol.export_enrolment(other, pair.tmp / "other.enrol")
        enrol.import_enrolment(other, pair.tmp / "street.enrol", keys.info(pair.s).fingerprint)
        assert made.node_id != pair.c.node_id
        sent = packages.export_package(other, pair.usb)
        got = pair.refused(pair.usb / sent.file)
        assert "未登记的社区（编号 " in got.reason and made.node_id in got.reason
    finally:
        other.close()


def test_a_revoked_sender_and_a_revoked_key_are_refused(pair: Pair) -> None:
    path = pair.export()
    keys.rekey(pair.c)
    made = enrol.export_enrolment(pair.c, pair.tmp / "new.enrol")
    enrol.import_enrolment(pair.s, pair.tmp / "new.enrol", made.fingerprint)
    assert "已作废的密钥" in pair.refused(path).reason
    enrol.revoke(pair.s, pair.c.node_id)
    assert "已撤销登记" in pair.refused(pair.export()).reason


def test_a_package_for_another_street_is_refused(pair: Pair) -> None:
    def elsewhere(m: dict[str, Any]) -> None:
        m["recipient"] = "01a23000-0000-7000-8000-000000000000"

    got = pair.refused(reforge(pair, pair.export(), pair.tmp / "x.rosync", manifest=elsewhere))
    assert "发给另一个单位" in got.reason


def test_tampered_ciphertext_or_the_wrong_key_is_refused(pair: Pair) -> None:
    source = pair.export()
    members = unpack(source)
    manifest = json.loads(members[wire.MANIFEST])
    cipher = bytearray(members[wire.CHANGES])
    cipher[-1] ^= 1  # the AEAD tag
    members[wire.CHANGES] = bytes(cipher)
    manifest["members"][wire.CHANGES]["sha256"] = hashlib.sha256(cipher).hexdigest()
    body = wire.manifest_bytes(manifest)
    members[wire.MANIFEST], members[wire.SIGNATURE] = body, keys.load_keys(pair.c).sign.sign(body)
    got = pair.refused(write_zip(pair.tmp / "t.rosync", list(members.items())))
    assert "无法解密" in got.reason
    # encrypted to another key: the street's old key after it re-keyed
    keys.rekey(pair.s)
    made = enrol.export_enrolment(pair.s, pair.tmp / "s2.enrol")
    assert "旧密钥" in pair.refused(source).reason
    enrol.import_enrolment(pair.c, pair.tmp / "s2.enrol", made.fingerprint)
    assert packages.import_package(pair.s, pair.export()).status == packages.APPLIED


# ── sequence numbers ────────────────────────────────────────────────────────────────────────


def test_older_package_after_newer_changes_nothing(pair: Pair) -> None:
    old = pair.export()
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    new = pair.export()
    assert packages.import_package(pair.s, new).status == packages.APPLIED
    before = pair.street_rows()
    got = packages.import_package(pair.s, old)
    assert got.status == packages.DUPLICATE and got.records == 0
    assert pair.street_rows() == before


def test_overlapping_package_applies_only_the_new_part(pair: Pair) -> None:
    first = pair.export()
    assert packages.import_package(pair.s, first).status == packages.APPLIED
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    second = pair.export()  # not acknowledged: starts at 1 again
    got = packages.import_package(pair.s, second)
    assert got.status == packages.APPLIED and got.records == 1
    assert synced_rows(pair.s, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)


def test_same_sequence_different_content_is_refused_as_a_fork(pair: Pair) -> None:
    source = pair.export()
    assert packages.import_package(pair.s, source).status == packages.APPLIED

    def other_name(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["notes"] = "另一份历史"
        return with_line(rows, n, json.dumps(found, ensure_ascii=False).encode())

    forged = reforge(pair, source, pair.tmp / "fork.rosync", plain=other_name)
    got = pair.refused(forged)
    assert "与已导入的内容不同" in got.reason


# ── the rows ────────────────────────────────────────────────────────────────────────────────


def _bad_rows(pair: Pair, change: Callable[[bytes], bytes], records: int | None = None) -> str:
    forged = reforge(pair, pair.export(), pair.tmp / "rows.rosync", plain=change, records=records)
    return pair.refused(forged).reason


def test_a_huge_field_is_refused_naming_the_line(pair: Pair) -> None:
    def huge(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["name"] = "长" * 100
        return with_line(rows, n, json.dumps(found, ensure_ascii=False).encode())

    reason = _bad_rows(pair, huge)
    assert "行无效" in reason and "超长" in reason


def test_a_line_count_unlike_the_manifest_is_refused(pair: Pair) -> None:
    def drop(rows: bytes) -> bytes:
        n, _found = first_resident_line(rows)
        lines = rows.split(b"\n")
        del lines[n]
        return b"\n".join(lines)

    assert "记录数与清单不符" in _bad_rows(pair, drop)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b'{"t": "resident", "r": {"name": "\xff\xfe"}}', "行无效"),
        (b'{"t": "resident", "t": "resident", "r": {}}', "重复的键"),
        (b'{"t":"resident","t":"resident","r":{}}', "重复的键"),
        (b'{"t": "resident", "r": {"version": NaN}}', "NaN"),
    ],
)
def test_invalid_utf8_duplicate_keys_and_nan_are_refused(
    pair: Pair, raw: bytes, words: str
) -> None:
    def replace(rows: bytes) -> bytes:
        n, _found = first_resident_line(rows)
        return with_line(rows, n, raw)

    assert words in _bad_rows(pair, replace)


def test_a_nul_character_is_refused(pair: Pair) -> None:
    def nul(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["notes"] = "a\x00b"
        return with_line(rows, n, json.dumps(found).encode())

    assert "NUL" in _bad_rows(pair, nul)


def test_a_row_the_sender_does_not_own_is_refused(pair: Pair) -> None:
    def steal(rows: bytes) -> bytes:
        n, found = first_resident_line(rows)
        found["r"]["owner_node"] = pair.s.node_id
        return with_line(rows, n, json.dumps(found, ensure_ascii=False).encode())

    assert "不属于" in _bad_rows(pair, steal)


def test_a_row_owned_by_another_community_at_the_street_is_refused(pair: Pair) -> None:
    first = pair.export()
    assert packages.import_package(pair.s, first).status == packages.APPLIED

    with pair.s.engine.begin() as conn:  # as if another community had sent that row
        conn.execute(update(wire.TABLES["resident"]).values(owner_node="another-node"))
    add_resident(pair.c, "王五", household=pair.household, seq=2)
    with pair.c.uow() as s:
        for r in s.scalars(select(Resident)):
            r.notes = "改"
    got = pair.refused(pair.export())
    assert "不属于" in got.reason


# ── versions and clocks ─────────────────────────────────────────────────────────────────────


def test_newer_schema_is_held_older_refused(pair: Pair) -> None:
    source = pair.export()

    def newer(m: dict[str, Any]) -> None:
        m["schema"] = "9999"

    def older(m: dict[str, Any]) -> None:
        m["schema"] = "0005"

    held = pair.refused(reforge(pair, source, pair.tmp / "n.rosync", manifest=newer), packages.HELD)
    assert "请先升级" in held.reason
    assert (
        "过旧版本"
        in pair.refused(reforge(pair, source, pair.tmp / "o.rosync", manifest=older)).reason
    )


def test_a_pc_clock_years_off_is_accepted(pair: Pair) -> None:
    with clock.frozen(date(2041, 1, 1)):
        add_resident(pair.c, "王五", household=pair.household, seq=2)
        path = pair.export()
    assert packages.import_package(pair.s, path).status == packages.APPLIED
    assert synced_rows(pair.s, pair.c.node_id) == synced_rows(pair.c, pair.c.node_id)
