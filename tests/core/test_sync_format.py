"""The package's lines in format 2 (decision 0017, "Format 2"): a header per table, then its rows
as arrays. Each fault is made in a real package's format-2 payload, re-encrypted and re-signed
(so it is the line check under test that catches it): refused naming the line, the street's
data unchanged. And format 1, which communities on an older program still send, is still read.
(The fault tests of test_sync_faults forge format-1 lines.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from redoffice.sync import packages, wire
from tests.conftest import Templates
from tests.core.sync_support import enrolled_pair
from tests.core.test_sync_faults import Pair, as_format_1, plain_of, reforge, unpack
from tests.core.test_sync_roundtrip import synced_rows


@pytest.fixture
def p(tmp_path: Path, templates: Templates) -> Iterator[Pair]:
    """The format is the same for every street database: SQLite only."""
    with enrolled_pair(tmp_path, templates) as (c, s, _usb):
        yield Pair(tmp_path, templates, c, s)


def _resident_block(rows: bytes) -> tuple[list[bytes], int]:
    """The payload's lines and the index of the residents' header."""
    lines = rows.split(b"\n")
    for n, raw in enumerate(lines):
        if raw.startswith(b"{") and json.loads(raw)["t"] == "resident":
            return lines, n
    raise AssertionError("no residents")


def _changed(change: Callable[[list[bytes], int], None]) -> Callable[[bytes], bytes]:
    def forge(rows: bytes) -> bytes:
        lines, header = _resident_block(rows)
        change(lines, header)
        return b"\n".join(lines)

    return forge


def _header(lines: list[bytes], at: int, **values: object) -> None:
    lines[at] = json.dumps({**json.loads(lines[at]), **values}, ensure_ascii=False).encode()


FAULTS = {
    "a row with a value too few": (
        _changed(lambda lines, n: lines.__setitem__(n + 1, b'["' + b"x" * 8 + b'"]')),
        "结构不对",
    ),
    "a row written as format 1": (
        _changed(lambda lines, n: lines.__setitem__(n + 1, b'{"t":"resident","r":{}}')),
        "结构不对",
    ),
    "NaN in a row": (
        _changed(lambda lines, n: lines.__setitem__(n + 1, lines[n + 1][:-1] + b",NaN]")),
        "NaN",
    ),
    "invalid UTF-8 in a row": (
        _changed(lambda lines, n: lines.__setitem__(n + 1, b'["\xff\xfe"]')),
        "行无效",
    ),
    "a header with a key given twice": (
        _changed(lambda lines, n: lines.__setitem__(n, lines[n][:-1] + b',"n":1}')),
        "重复的键",
    ),
    "a header with a column twice": (
        _changed(lambda lines, n: _header(lines, n, c=["id", "id"])),
        "表头的字段不对",
    ),
    "a header of an unknown table": (
        _changed(lambda lines, n: _header(lines, n, t="secrets")),
        "未知的表",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_faulty_line_is_refused_naming_it(p: Pair, fault: str) -> None:
    change, words = FAULTS[fault]
    source = p.export()
    _lines, header = _resident_block(_plain(p, source)[1])
    number = header + 1 if "header" in fault else header + 2  # counted from 1
    forged = reforge(p, source, p.tmp / "bad.rosync", plain=change, format_1=False)
    reason = p.refused(forged).reason
    assert words in reason and f"第 {number} 行" in reason, reason


def test_a_header_counting_other_than_the_manifest_is_refused(p: Pair) -> None:
    def one_more(lines: list[bytes], n: int) -> None:
        _header(lines, n, n=json.loads(lines[n])["n"] + 1)

    forged = reforge(p, p.export(), p.tmp / "n.rosync", plain=_changed(one_more), format_1=False)
    assert "记录数与清单不符" in p.refused(forged).reason


def test_a_row_left_out_is_refused(p: Pair) -> None:
    def drop(lines: list[bytes], n: int) -> None:
        del lines[n + 1]

    forged = reforge(p, p.export(), p.tmp / "less.rosync", plain=_changed(drop), format_1=False)
    assert "记录数与清单不符" in p.refused(forged).reason


def test_a_package_in_format_1_is_still_applied(p: Pair) -> None:
    source = p.export()
    old = reforge(p, source, p.tmp / "v1.rosync", plain=lambda rows: rows)
    manifest, rows = _plain(p, old)
    assert manifest["format_version"] == 1 and rows.startswith(b'{"t":')
    got = packages.import_package(p.s, old)
    assert got.status == packages.APPLIED, got.reason
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_format_2_is_format_1_without_the_repeated_names(p: Pair) -> None:
    """The same rows, the same values: only the column names moved to the header."""
    manifest, rows = _plain(p, p.export())
    assert manifest["format_version"] == wire.FORMAT_VERSION == 2
    lines = rows.split(b"\n")[:-1]
    assert len(lines) == manifest["records"] + len(manifest["counts"])
    headers = [raw for raw in lines if raw.startswith(b"{")]
    assert sorted(json.loads(h)["t"] for h in headers) == sorted(manifest["counts"])
    assert all(
        raw.startswith(b"[") and b'"owner_node"' not in raw for raw in lines if raw[:1] != b"{"
    )
    for raw in as_format_1(rows).split(b"\n")[:-1]:
        table, sent = wire.sent_row(raw)
        assert wire.CODECS[table].fast_decode(sent)["owner_node"] == p.c.node_id


def _plain(p: Pair, path: Path) -> tuple[dict[str, Any], bytes]:
    return plain_of(p, unpack(path))
