"""Packages from another schema version (decision 0019), on SQLite and on a PostgreSQL street
office, each manifest built by the test and signed with the community's real key: a newer
schema is held ("请先升级") and kept, and applied once the program is upgraded; a slightly
older one (a chain of converters up to ``SCHEMA_HEAD``) is converted line by line and applied;
a much older one is refused naming the oldest schema read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redoffice.kit.db import SCHEMA_HEAD
from redoffice.models import Resident
from redoffice.sync import held, packages, schemas
from tests.core.test_sync_faults import Pair, pair, reforge  # noqa: F401
from tests.core.test_sync_roundtrip import synced_rows


@pytest.fixture
def p(pair: Pair) -> Pair:  # noqa: F811
    return pair


def _schema(value: str) -> Any:
    def change(m: dict[str, Any]) -> None:
        m["schema"] = value

    return change


def _older_rows(rows: bytes) -> bytes:
    """The lines as a schema before ``status_reason`` (0009) would have written them."""
    out = []
    for line in rows.split(b"\n"):
        if line:
            found = json.loads(line)
            if found["t"] == "resident":
                del found["r"]["status_reason"]
            line = json.dumps(found, ensure_ascii=False).encode()
        out.append(line)
    return b"\n".join(out)


def test_the_schemas_we_read() -> None:
    assert schemas.judge(SCHEMA_HEAD) == schemas.CURRENT
    assert schemas.judge(f"{int(SCHEMA_HEAD) + 1:04d}") == schemas.NEWER
    assert schemas.judge("0014") == schemas.CONVERTED
    assert schemas.judge("0013") == schemas.CONVERTED
    assert schemas.judge("0012") == schemas.TOO_OLD
    assert schemas.oldest() == "0013"
    assert schemas.row_converter("0014") is None  # no synced table changed since


def test_a_newer_schema_is_held_kept_and_applied_after_the_upgrade(
    p: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = f"{int(SCHEMA_HEAD) + 1:04d}"
    forged = reforge(p, p.export(), p.tmp / "newer.rosync", manifest=_schema(newer))
    got = p.refused(forged, packages.HELD)
    assert "请先升级" in got.reason
    assert [h.package_id for h in held.listing(p.s)] == [got.package_id]
    assert held.release(p.s) == [] and len(held.listing(p.s)) == 1  # still too new
    # the program upgraded: this schema is the head, the previous one converts as is
    monkeypatch.setattr(schemas, "SCHEMA_HEAD", newer)
    monkeypatch.setattr(held, "SCHEMA_HEAD", newer)
    monkeypatch.setitem(schemas.CONVERTERS, SCHEMA_HEAD, None)
    [done] = held.release(p.s)
    assert done.status == packages.APPLIED, done.reason
    assert held.listing(p.s) == []
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_a_slightly_older_schema_is_read_as_is(p: Pair) -> None:
    forged = reforge(p, p.export(), p.tmp / "0014.rosync", manifest=_schema("0014"))
    got = packages.import_package(p.s, forged)
    assert got.status == packages.APPLIED, got.reason
    assert synced_rows(p.s, p.c.node_id) == synced_rows(p.c, p.c.node_id)


def test_a_slightly_older_schema_is_converted_line_by_line(
    p: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = p.export()
    forged = reforge(p, source, p.tmp / "old.rosync", plain=_older_rows, manifest=_schema("0014"))
    # without a converter, a line lacking a column of this schema is refused
    assert "行无效" in p.refused(forged).reason

    def add_status_reason(table: str, row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "status_reason": "（旧版本无此项）"} if table == "resident" else row

    monkeypatch.setitem(schemas.CONVERTERS, "0014", add_status_reason)
    again = reforge(p, source, p.tmp / "old2.rosync", plain=_older_rows, manifest=_schema("0014"))
    got = packages.import_package(p.s, again)
    assert got.status == packages.APPLIED, got.reason
    with p.s.read() as s:
        assert set(s.scalars(select(Resident.status_reason))) == {"（旧版本无此项）"}


def test_a_much_older_schema_is_refused(p: Pair) -> None:
    forged = reforge(p, p.export(), p.tmp / "0012.rosync", manifest=_schema("0012"))
    got = p.refused(forged)
    assert "过旧版本" in got.reason and "0012" in got.reason and "0013" in got.reason
    assert held.listing(p.s) == []


def test_a_converted_line_is_still_parsed_strictly(
    p: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(schemas.CONVERTERS, "0014", lambda _t, row: row)
    source = p.export()

    def duplicate_key(rows: bytes) -> bytes:
        lines = rows.split(b"\n")
        lines[0] = lines[0][:-1] + b', "t": "grid"}'
        return b"\n".join(lines)

    forged = reforge(p, source, Path(p.tmp / "dup.rosync"), plain=duplicate_key)
    forged = reforge(p, forged, p.tmp / "dup14.rosync", manifest=_schema("0014"))
    assert "重复的键" in p.refused(forged).reason
