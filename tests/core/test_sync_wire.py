"""The fast paths of the package format are the slow ones, faster: a row's line made in one
orjson call is byte for byte the array of the column encoders' values, and the decoder written
out per table accepts exactly what the column decoders accept, giving the same values (what it
turns down, they judge, with their message). A street reading the rows it received writes the
same lines on SQLite and on PostgreSQL as the community wrote."""

from __future__ import annotations

import base64
import gc
import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, Table, create_engine, insert, select

from redoffice.kit import bulk_load
from redoffice.kit.db import Database, open_database
from redoffice.sync import packages, wire
from tests.conftest import Templates
from tests.core.sync_support import any_street, community_db, enrol_both, memory_keyring
from tests.core.test_sync_roundtrip import backend  # noqa: F401


def test_a_rows_line_is_the_column_encoders_line(templates: Templates, tmp_path: Path) -> None:
    shutil.copy(templates.demo(40, 3), tmp_path / "demo.sqlite")
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        seen = 0
        with db.engine.connect() as conn:
            for name, table in wire.TABLES.items():
                codec = wire.CODECS[name]
                rows = conn.execute(select(table).order_by(table.c.id)).all()
                stored = conn.execute(
                    select(*codec.read_columns("sqlite")).order_by(table.c.id)
                ).all()
                for row, as_stored in zip(rows, stored, strict=True):
                    expected = _array_line(codec, codec.encode(row))
                    assert codec.line(row) == expected
                    assert codec.sqlite_line(as_stored) == expected
                    seen += 1
        assert seen > 500

    finally:
        db.close()


def _lines(db: Database, owner: str) -> dict[str, bytes]:
    """Each synced row ``owner`` owns as the export writes its line (read as the export reads
    it on the database's backend), by table and id; each checked against its encoded values."""
    found: dict[str, bytes] = {}
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        for table in wire.synced_tables():
            codec = wire.CODECS[table.name]
            read = select(*codec.read_columns(conn.dialect.name)).where(table.c.owner_node == owner)
            for as_stored in conn.execute(read):
                made = codec.sqlite_line(as_stored) if sqlite else codec.line(as_stored)
                row = conn.execute(select(table).where(table.c.id == as_stored.id)).one()
                assert made == _array_line(codec, codec.encode(row)), table.name
                found[f"{table.name}/{as_stored.id}"] = made
    return found


def test_the_street_writes_the_communitys_lines_on_either_backend(
    tmp_path: Path,
    templates: Templates,
    backend: pytest.FixtureRequest,  # noqa: F811
) -> None:
    """The demo office's rows imported at a street on SQLite or PostgreSQL, read back as an
    export reads them there: every line byte for byte the community's own (instants, dates,
    times, bytes, booleans and integers stored by either engine written alike)."""
    with memory_keyring(), any_street(backend, tmp_path, templates) as street:
        shutil.copy(templates.demo(40, 3), tmp_path / "c.sqlite")
        c = community_db(tmp_path / "c.sqlite", None, initialize=False)
        try:
            enrol_both(c, street, tmp_path)
            sent = packages.export_package(c, tmp_path)
            got = packages.import_package(street, tmp_path / sent.file)
            assert got.status == packages.APPLIED, got.reason
            community = _lines(c, c.node_id)
            assert len(community) == sent.records > 500
            assert _lines(street, c.node_id) == community
        finally:
            c.close()


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("2027-03-01 08:00:00.000000", "2027-03-01T08:00:00+00:00"),
        ("2027-03-01 08:00:00.000500", "2027-03-01T08:00:00.000500+00:00"),
        ("0987-03-01 08:00:00.000001", "0987-03-01T08:00:00.000001+00:00"),
        ("2027-03-01 08:00:00", "2027-03-01T08:00:00+00:00"),  # not as SQLAlchemy writes it
        ("2027-03-01 08:00:00.5", "2027-03-01T08:00:00.500000+00:00"),
    ],
)
def test_an_instant_as_stored_is_written_as_encoded(stored: str, written: str) -> None:
    assert wire._instant_text(stored) == written


def test_bytes_and_instants_in_a_line() -> None:
    codec = wire.CODECS["fund_period_close"]
    row: dict[str, Any] = dict.fromkeys(codec.columns)
    for column in codec.table.c:
        kind = wire._kind(column)
        row[column.name] = {
            "bytes": b"\x00\xffab",
            "instant": datetime(2027, 3, 1, 8, 0, 0, 5, tzinfo=UTC),
            "date": date(2027, 3, 1),
            "boolean": True,
            "integer": -(2**62),
        }.get(kind, "文字")
    values = [row[c] for c in codec.columns]
    assert codec.line(values) == _array_line(codec, codec.encode(row))


def _array_line(codec: wire.TableCodec, encoded: dict[str, Any]) -> bytes:
    """A row's line of format 2 from the column encoders' values."""
    return orjson.dumps([encoded[c] for c in codec.columns]) + b"\n"


def _value(column: Column[Any]) -> st.SearchStrategy[Any]:
    """Values right and wrong for ``column``: the edges of each check."""
    limit = wire._limit(column)
    anything = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**64), max_value=2**64),
        st.floats(allow_nan=False),
        st.text(max_size=5),
        st.lists(st.integers(), max_size=1),
    )
    kind = wire._kind(column)
    right = {
        "text": st.one_of(
            st.text(max_size=3),
            st.just("长" * limit),
            st.just("长" * (limit + 1)),
            st.just("a\x00b"),
        ),
        "integer": st.sampled_from([0, 2**63 - 1, 2**63, -(2**63), -(2**63) + 1, True]),
        "boolean": st.sampled_from([True, False, 0, 1]),
        "instant": st.sampled_from(
            [
                "2027-03-01T08:00:00+00:00",
                "2027-03-01T08:00:00.000005+08:00",
                "2027-03-01T08:00:00",
                "2027-02-30T08:00:00+00:00",
                "x" * 41,
            ]
        ),
        "date": st.sampled_from(["2027-03-01", "20270301", "2027-3-1", "2027-03-01x"]),
        "time": st.sampled_from(["08:00", "08:00:00.000005", "25:00", "08:00:00+08:00:00.1"]),
        "bytes": st.sampled_from([base64.b64encode(b"\x00\xff").decode(), "not base64!", "", "中"]),
    }.get(kind, anything)
    return st.one_of(right, anything)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(sorted(wire.TABLES)))
    table = wire.TABLES[name]
    values = {c.name: draw(_value(c)) for c in table.c}
    shape = draw(st.sampled_from(["whole", "missing", "extra", "list"]))
    if shape == "missing":
        values.pop(draw(st.sampled_from(sorted(values))))
    elif shape == "extra":
        values["extra"] = 1
    return name, (list(values) if shape == "list" else values)


def _outcome(decode: Any, values: Any) -> Any:
    try:
        return ("ok", decode(values))
    except ValueError as exc:
        return ("refused", str(exc))


@settings(max_examples=150, deadline=None)
@given(_rows())
def test_the_written_out_decoder_judges_as_the_column_decoders(case: tuple[str, Any]) -> None:
    name, values = case
    codec = wire.CODECS[name]
    assert _outcome(codec.fast_decode, values) == _outcome(codec.decode, values)


@st.composite
def _listed_rows(draw: st.DrawFn) -> tuple[str, list[Any]]:
    """A table and a list of values for each of its columns, in column order (right or not)."""
    name = draw(st.sampled_from(sorted(wire.TABLES)))
    return name, [draw(_value(c)) for c in wire.TABLES[name].c]


@settings(max_examples=150, deadline=None)
@given(_listed_rows())
def test_the_array_decoder_judges_a_list_in_column_order_as_the_column_decoders(
    case: tuple[str, list[Any]],
) -> None:
    """A row of format 2 kept as the list it was sent as (``sent_rows(arrays=True)``): the
    same answer and message as the column decoders give for the row by name."""
    name, listed = case
    codec = wire.CODECS[name]
    values = dict(zip(codec.columns, listed, strict=True))
    assert _outcome(codec.decode_array, listed) == _outcome(codec.decode, values)
    assert codec.named(listed) == values


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("2027-03-01T08:00:00+00:00", "2027-03-01 08:00:00.000000"),
        ("0987-03-01T08:00:00.000005+00:00", "0987-03-01 08:00:00.000005"),
        ("2027-03-01T16:00:00.000005+08:00", "2027-03-01 08:00:00.000005"),  # formatted
        ("2027-03-01 08:00:00+00:00", "2027-03-01 08:00:00.000000"),  # formatted
        ("2027-03-01T08:00:00.500+00:00", "2027-03-01 08:00:00.500000"),  # formatted
        ("20270301T080000+00:00", "2027-03-01 08:00:00.000000"),  # formatted
    ],
)
def test_an_instants_stored_text_from_the_sent_text(sent: str, stored: str) -> None:
    """Sliced from the sent text only in the encoder's own form; any other form the decoder
    accepts is formatted from the decoded value, as SQLAlchemy stores it."""
    decoded = wire._instant(sent)
    assert wire._stored_instant(sent, decoded) == stored
    assert decoded.replace(tzinfo=None).isoformat(" ", "microseconds") == stored


@pytest.mark.parametrize("name", sorted(wire.TABLES))
def test_a_whole_right_row_takes_the_fast_path(name: str) -> None:
    codec = wire.CODECS[name]
    sample = {
        "text": "文字",
        "integer": 7,
        "boolean": False,
        "instant": "2027-03-01T08:00:00+00:00",
        "date": "2027-03-01",
        "time": "08:30:00",
        "bytes": base64.b64encode(b"abc").decode(),
    }
    values = {c.name: sample[wire._kind(c)] for c in codec.table.c}
    calls: list[Any] = []

    def slow(v: Any) -> Any:
        calls.append(v)
        return codec.decode(v)

    fast = wire._fast_decoder(codec.table, slow)
    decoded = fast(values)
    assert calls == [] and decoded == codec.decode(values)
    assert any(isinstance(v, datetime | date | time) for v in decoded.values())


@pytest.mark.parametrize("micro", [0, 5])
def test_the_sqlite_binder_stores_what_sqlalchemy_stores(micro: int) -> None:
    """Each table's row inserted through SQLAlchemy and through the plain statement with
    ``sqlite_bind``: the same values of the same SQLite types, byte for byte."""
    sample = {
        "text": "文字",
        "integer": 2**62,
        "boolean": True,
        "instant": datetime(987, 3, 1, 8, 0, 0, micro, tzinfo=UTC),
        "date": date(2027, 3, 1),
        "time": time(8, 30, 0, micro),
        "bytes": b"\x00\xff",
    }
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        for name, table in wire.TABLES.items():
            codec = wire.CODECS[name]
            row = {c.name: sample[wire._kind(c)] for c in table.c}
            nulls = dict.fromkeys(codec.nullable)
            bare = MetaData()
            for n, values in enumerate([row, {**row, **nulls}]):
                through = Table(
                    f"{name}_sa{n}",
                    bare,
                    *(Column(c.name, c.type, nullable=c.nullable) for c in table.c),
                )
                plain = Table(
                    f"{name}_plain{n}",
                    bare,
                    *(Column(c.name, c.type, nullable=c.nullable) for c in table.c),
                )
                bare.create_all(conn, [through, plain])
                conn.execute(insert(through), [values])
                sent = [None if v is None else codec.encoders[c](v) for c, v in values.items()]
                bound = codec.sqlite_bind(values)
                assert codec.sqlite_bind_sent(sent, values) == bound, name
                conn.exec_driver_sql(
                    codec.sqlite_insert.replace(f'"{name}"', f'"{name}_plain{n}"', 1), [bound]
                )
                stored = [
                    conn.exec_driver_sql(
                        f"SELECT {', '.join(f'{q}, typeof({q})' for q in _quoted(codec))} "
                        f'FROM "{t}"'
                    ).all()
                    for t in (through.name, plain.name)
                ]
                assert stored[0] == stored[1], name


def _quoted(codec: wire.TableCodec) -> list[str]:
    return [f'"{c}"' for c in codec.columns]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_a_load_and_left_as_it_was(enabled: bool) -> None:
    """``bulk_load.collector_paused`` (around a package's import): off inside, as before after
    it, also when the block fails."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError), bulk_load.collector_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
