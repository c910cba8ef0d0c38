"""The package format (decision 0017): which tables travel, how a row is written as a line and
read back strictly, the manifest, the zip's safety checks and the payload's encryption.

A package is a zip whose members are all STORED (the payload is compressed before it is
encrypted, so deflating it again gains nothing; a stored member's size is its size in the file,
so no member can expand: no zip bomb). Members: ``manifest.json`` (canonical JSON),
``manifest.sig`` (Ed25519 over the manifest bytes), ``changes.bin`` (the rows as JSON lines,
zlib-compressed, then encrypted with HPKE to the recipient's X25519 key: DHKEM(X25519,
HKDF-SHA256), HKDF-SHA256, AES-256-GCM, RFC 9180, from ``cryptography``) and
``attachments/<sha256>`` (each blob encrypted the same way).

The rows' lines (``format_version``): **2** (written since session 8), per table a header line
``{"t": table, "c": [columns], "n": rows}`` followed by its ``n`` rows, each a JSON array of the
values in that column order — the column names once per table, not once per row (decision
0017, "Format 2"); **1** (read, from communities not yet upgraded), a line per row
``{"t": table, "r": {column: value}}``. Both are validated line by line with the same checks."""

from __future__ import annotations

import base64
import hashlib
import queue
import re
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

import orjson
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Table,
    Time,
    type_coerce,
)
from sqlalchemy.dialects import sqlite

from redoffice.kit.errors import UserError
from redoffice.kit.sync_state import synced
from redoffice.models import Base
from redoffice.models.base import UTCDateTime
from redoffice.sync.enrol import canonical, strict_json

FORMAT: Final = "redoffice-sync"
FORMAT_VERSION: Final = 2  # what this program writes
FORMAT_VERSIONS: Final = (1, 2)  # what it reads
MAX_COLUMNS: Final = 200
ACK_FORMAT: Final = "redoffice-ack"
SUFFIX: Final = ".rosync"
ACK_SUFFIX: Final = ".rosack"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
CHANGES: Final = "changes.bin"
ATTACHMENTS: Final = "attachments/"
MEMBER_NAME: Final = re.compile(
    r"manifest\.json|manifest\.sig|changes\.bin|attachments/[0-9a-f]{64}"
)
HEX64: Final = re.compile(r"[0-9a-f]{64}")
KEY_ID: Final = re.compile(r"[0-9a-f]{16}")
# bounds checked before anything is read
MAX_FILE: Final = 2 * 1024**3
MAX_MEMBERS: Final = 100_002
MAX_MEMBER: Final = 1024**3
MAX_MANIFEST: Final = 4 * 1024**2
MAX_PLAIN: Final = 4 * 1024**3
MAX_LINE: Final = 4 * 1024**2
MAX_TEXT: Final = 1024**2
COMPRESSION: Final = "zlib"
LEVEL: Final = 6
ENCRYPTION: Final = "hpke-x25519-hkdf-sha256-aes256gcm"
SUITE: Final = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
# the oldest schema whose synced tables are those of this version (rows of it read as they are)
OLDEST_COMPATIBLE_SCHEMA: Final = "0013"


def synced_tables() -> list[Table]:
    """Every synced table a package carries, parents before the tables that point at them.
    The street's own records (``__street_owned__``: its decisions, replies, notices) travel
    only in its receipts (:mod:`redoffice.street.orders`): a package line of one is refused."""
    names = {
        m.class_.__table__.name
        for m in Base.registry.mappers
        if synced(m.class_) and not getattr(m.class_, "__street_owned__", False)
    }
    return [t for t in Base.metadata.sorted_tables if t.name in names]


TABLES: Final = {str(t.name): t for t in synced_tables()}


def _late_columns() -> dict[str, tuple[str, ...]]:
    """Per table, the foreign-key columns pointing at a table written at the same time or
    later (``grid.leader_id`` → staff → resident → household → grid; ``fund_entry.reverses_id``):
    an import inserts them empty and sets them once every table is written, so neither SQLite
    nor PostgreSQL (whose keys are not deferrable) sees a reference to a row not yet there."""
    order = {name: n for n, name in enumerate(TABLES)}
    found: dict[str, tuple[str, ...]] = {}
    for name, table in TABLES.items():
        late = sorted(
            {
                fk.parent.name
                for fk in table.foreign_keys
                if order.get(str(fk.column.table.name), -1) >= order[name]
            }
        )
        if late:
            found[name] = tuple(late)
    return found


LATE_COLUMNS: Final = _late_columns()


# ── a row as a line ─────────────────────────────────────────────────────────────────────────

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def _bad(detail: str) -> ValueError:
    return ValueError(detail)


def _text(column: Column[Any]) -> Decoder:
    limit = _limit(column)

    def decode(value: Any) -> Any:
        if not isinstance(value, str):
            raise _bad(f"{column.name} 应为文字")
        if len(value) > limit:
            raise _bad(f"{column.name} 超长（{len(value)} 字）")
        if "\x00" in value:
            raise _bad(f"{column.name} 含有 NUL 字符")
        return value

    return decode


def _int_bound(column: Column[Any]) -> int:
    """The column's range as PostgreSQL holds it (SQLite holds more, but a street office on
    PostgreSQL must take what one on SQLite takes): int2 / int4 / int8."""
    kind = column.type
    if isinstance(kind, BigInteger):
        return 2**63
    if isinstance(kind, SmallInteger):
        return 2**15
    return 2**31


def _integer(column: Column[Any]) -> Decoder:
    bound = _int_bound(column)

    def decode(value: Any) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= 2**63:
            raise _bad(f"{column.name} 应为整数")
        if not -bound <= value < bound:
            raise _bad(f"{column.name} 超出范围")
        return value

    return decode


def _boolean(column: Column[Any]) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, bool):
            raise _bad(f"{column.name} 应为是/否")
        return value

    return decode


def _parsed(column: Column[Any], parse: Callable[[str], Any], max_len: int) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, str) or len(value) > max_len:
            raise _bad(f"{column.name} 格式不对")
        try:
            return parse(value)
        except (ValueError, InvalidOperation) as exc:
            raise _bad(f"{column.name} 格式不对") from exc

    return decode


def _instant(text: str) -> datetime:
    found = datetime.fromisoformat(text)
    if found.tzinfo is None:
        raise ValueError(text)
    return found if found.tzinfo is UTC else found.astimezone(UTC)  # "+00:00": UTC already


def _decimal(text: str) -> Decimal:
    found = Decimal(text)
    if not found.is_finite():
        raise ValueError(text)
    return found


def _bytes(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def codec(column: Column[Any]) -> tuple[Encoder, Decoder]:
    """How a column's value is written in a line and read back (strictly, by its type)."""
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        return (lambda v: v.astimezone(UTC).isoformat()), _parsed(column, _instant, 40)
    if isinstance(kind, Date):
        return (lambda v: v.isoformat()), _parsed(column, date.fromisoformat, 10)
    if isinstance(kind, Time):
        return (lambda v: v.isoformat()), _parsed(column, time.fromisoformat, 15)
    if isinstance(kind, LargeBinary):
        return (lambda v: base64.b64encode(bytes(v)).decode("ascii")), _parsed(
            column, _bytes, MAX_TEXT
        )
    if isinstance(kind, Boolean):
        return bool, _boolean(column)
    if isinstance(kind, Numeric):
        return str, _parsed(column, _decimal, 64)
    if isinstance(kind, Integer):
        return int, _integer(column)
    if isinstance(kind, String):
        return str, _text(column)
    raise TypeError(f"{column.table.name}.{column.name}: no codec for {kind!r}")


def _json_default(value: Any) -> Any:
    """What orjson does not write itself, as :func:`codec` writes it."""
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not a column value")


_FAST_PARSE: Final = {
    "instant": (_instant, 40),
    "date": (date.fromisoformat, 10),
    "time": (time.fromisoformat, 15),
    "bytes": (_bytes, MAX_TEXT),
}


def _kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        return "instant"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Time):
        return "time"
    if isinstance(kind, LargeBinary):
        return "bytes"
    if isinstance(kind, Boolean):
        return "boolean"
    if isinstance(kind, Integer):
        return "integer"
    if isinstance(kind, String):
        return "text"
    return "other"


def _fast_decoder(
    table: Table, slow: Callable[[Any], dict[str, Any]], *, arrays: bool = False
) -> Decoder:
    """One function per table, written out column by column (no call per value): the same
    checks as the columns' decoders, in the same order, stricter only in accepting nothing
    but exact types (``type(v) is str``, as both JSON parsers give). Whatever it does not
    accept goes to ``slow`` — the column decoders — which accepts it or names the fault, so
    the answer and the message are theirs. ``arrays``: it takes a row's values as a list in
    the table's column order (format 2 with the table's own header), never as a dict."""
    width = len(table.c)
    check = (
        f"type(values) is not list or len(values) != {width}"
        if arrays
        else "type(values) is not dict or values.keys() != names"
    )
    body = ["def decode(values):", f"    if {check}:", "        return slow(values)"]
    env: dict[str, Any] = {"names": frozenset(c.name for c in table.c), "slow": slow}
    for n, column in enumerate(table.c):
        kind, v = _kind(column), f"v{n}"
        if kind == "other":
            return slow
        bound = _int_bound(column)
        body.append(f"    {v} = values[{n if arrays else repr(column.name)}]")
        test = {
            "text": f"type({v}) is not str or len({v}) > {_limit(column)} or '\\x00' in {v}",
            "integer": f"type({v}) is not int or not {-bound} <= {v} < {bound}",
            "boolean": f"type({v}) is not bool",
        }.get(kind)
        indent = "    "
        if column.nullable:
            body.append(f"    if {v} is not None:")
            indent = "        "
        elif kind in ("text", "integer", "boolean"):
            test = f"{v} is None or {test}"
        else:
            body.append(f"    if {v} is None: return slow(values)")
        if test is not None:
            body.append(f"{indent}if {test}: return slow(values)")
        else:
            parse, max_len = _FAST_PARSE[kind]
            env[f"parse{n}"] = parse
            body += [
                f"{indent}if type({v}) is not str or len({v}) > {max_len}: return slow(values)",
                f"{indent}try: {v} = parse{n}({v})",
                f"{indent}except (ValueError, InvalidOperation): return slow(values)",
            ]
    pairs = ", ".join(f"{c.name!r}: v{n}" for n, c in enumerate(table.c))
    body.append(f"    return {{{pairs}}}")
    env["InvalidOperation"] = InvalidOperation
    exec("\n".join(body), env)  # code written here from the table's own columns
    return env["decode"]  # type: ignore[no-any-return]


_SQLITE_STORED: Final = {
    # SQLAlchemy's SQLite storage formats (what its bind processors write), from the values
    # the decoders give: an instant aware and in UTC, stored naive; microseconds always written
    "instant": "{v}.replace(tzinfo=None).isoformat(' ', 'microseconds')",
    "date": "{v}.isoformat()",
    "time": "{v}.isoformat('microseconds')",
}


def _sqlite_binder(table: Table, *, sent: bool = False) -> Callable[..., tuple[Any, ...]]:
    """Decoded rows as the parameters of a plain ``INSERT`` on SQLite, in column order, with the
    values SQLAlchemy's bind processors would give (tested against them), without going
    through them for every value: booleans and bytes as they are (sqlite3 stores ``True`` as 1,
    bytes as a BLOB), text and integers as they are. ``sent``: the function takes the row as
    sent (a list in column order) beside the decoded one, and an instant sent in the form the
    encoder writes (``…T…+00:00``) gives its stored text by slicing (``_stored_instant``), not
    by formatting the parsed value again."""
    parts = []
    for n, column in enumerate(table.c):
        kind, key = _kind(column), repr(column.name)
        if kind == "other":
            raise TypeError(f"{table.name}.{column.name}: no SQLite binder")
        stored = _SQLITE_STORED.get(kind)
        if stored is None:
            parts.append(f"d[{key}]")
        elif sent and kind == "instant":
            parts.append(f"(None if (v := d[{key}]) is None else stored(s[{n}], v))")
        else:
            parts.append(f"(None if (v := d[{key}]) is None else {stored.format(v='v')})")
    env: dict[str, Any] = {"stored": _stored_instant}
    head = "def bind(s, d):" if sent else "def bind(d):"
    exec(f"{head}\n    return ({', '.join(parts)},)", env)  # written from the columns
    return env["bind"]  # type: ignore[no-any-return]


_SENT_INSTANT: Final = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00", re.ASCII)


def _stored_instant(text: str, value: datetime) -> str:
    """SQLAlchemy's stored text of ``value`` (``YYYY-MM-DD HH:MM:SS.ffffff``), the instant
    decoded from ``text``: sliced out of ``text`` when it is in the encoder's form (UTC, ``T``,
    six digits or none), else formatted from ``value``."""
    if _SENT_INSTANT.fullmatch(text):
        return f"{text[:10]} {text[11:19]}{text[19:26] if len(text) == 32 else '.000000'}"
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _limit(column: Column[Any]) -> int:
    return int(getattr(column.type, "length", None) or MAX_TEXT)


_STORED_INSTANT: Final = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")
_SQLITE_DATETIME: Final = sqlite.DATETIME().result_processor(  # type: ignore[no-untyped-call]
    sqlite.dialect(), None
)


def _instant_text(stored: str) -> str:
    """An instant as SQLite keeps it (SQLAlchemy's ``YYYY-MM-DD HH:MM:SS.ffffff``, UTC) as the
    column encoder writes it (``isoformat`` of the aware value: ``T``, microseconds only when
    not 0, ``+00:00``), by slicing; any other stored form through SQLAlchemy's own reader."""
    if _STORED_INSTANT.fullmatch(stored):
        micro = stored[19:] if stored[20:] != "000000" else ""
        return f"{stored[:10]}T{stored[11:19]}{micro}+00:00"
    assert _SQLITE_DATETIME is not None
    value = _SQLITE_DATETIME(stored)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC).isoformat()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class TableCodec:
    """Encodes a table's rows to plain JSON values and decodes them back, refusing anything
    that is not exactly a row of the table."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = [c.name for c in table.c]
        self.names = frozenset(self.columns)
        both = {c.name: codec(c) for c in table.c}
        self.encoders = {n: e for n, (e, _d) in both.items()}
        self.decoders = {n: d for n, (_e, d) in both.items()}
        self.nullable = {c.name for c in table.c if c.nullable}
        self.fast_decode = _fast_decoder(table, self.decode)
        self.decode_array = _fast_decoder(table, self.decode_listed, arrays=True)
        self.sqlite_bind = _sqlite_binder(table)
        self.sqlite_bind_sent = _sqlite_binder(table, sent=True)
        self.instants = tuple(n for n, c in enumerate(table.c) if _kind(c) == "instant")
        self.sqlite_insert = "INSERT INTO {} ({}) VALUES ({})".format(
            _quoted(str(table.name)),
            ", ".join(_quoted(c) for c in self.columns),
            ", ".join("?" for _c in self.columns),
        )

    def read_columns(self, dialect: str) -> list[Any]:
        """The columns an export selects: on SQLite the instants as the text stored (written
        out by ``sqlite_line``, not parsed into datetimes and formatted again)."""
        if dialect != "sqlite":
            return list(self.table.c)
        at = set(self.instants)
        return [
            type_coerce(c, String).label(c.name) if n in at else c
            for n, c in enumerate(self.table.c)
        ]

    def header(self, count: int) -> bytes:
        """The line before the table's ``count`` rows (format 2)."""
        return orjson.dumps({"t": str(self.table.name), "c": self.columns, "n": count}) + b"\n"

    def sqlite_line(self, row: Any) -> bytes:
        """``line`` of a row read with ``read_columns("sqlite")``."""
        values = list(row)
        for n in self.instants:
            if values[n] is not None:
                values[n] = _instant_text(values[n])
        return orjson.dumps(values, default=_json_default) + b"\n"

    def line(self, row: Any) -> bytes:
        """A row as read by SQLAlchemy (values in column order) as one line of format 2: the
        JSON array of ``encode(row)``'s values in column order, made by orjson in one call (it
        writes the instants, dates and times as :func:`codec` does; ``_json_default`` the
        bytes)."""
        return orjson.dumps(tuple(row), default=_json_default) + b"\n"

    def encode(self, row: Any) -> dict[str, Any]:
        mapping = row._mapping if hasattr(row, "_mapping") else row
        out: dict[str, Any] = {}
        for name in self.columns:
            value = mapping[name]
            out[name] = None if value is None else self.encoders[name](value)
        return out

    def named(self, sent: Any) -> Any:
        """A row as sent by name: a list of values in column order (``sent_rows``) as a dict."""
        return dict(zip(self.columns, sent, strict=True)) if type(sent) is list else sent

    def decode_listed(self, values: list[Any]) -> dict[str, Any]:
        """``decode`` of a row sent as a list of values in the table's column order."""
        return self.decode(self.named(values))

    def decode(self, values: Any) -> dict[str, Any]:
        if not isinstance(values, dict) or set(values) != self.names:
            missing = sorted(self.names - set(values)) if isinstance(values, dict) else []
            extra = sorted(set(values) - self.names) if isinstance(values, dict) else []
            raise _bad(f"{self.table.name} 的字段不对（缺 {missing}，多 {extra}）")
        out: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                if name not in self.nullable:
                    raise _bad(f"{name} 不能为空")
                out[name] = None
            else:
                out[name] = self.decoders[name](value)
        return out


CODECS: Final = {name: TableCodec(t) for name, t in TABLES.items()}


def line(table: str, encoded: dict[str, Any]) -> bytes:
    return orjson.dumps({"t": str(table), "r": encoded}) + b"\n"


def _parse(raw: bytes) -> Any:
    """A line as the exporter writes it (orjson, compact) parsed by orjson, which refuses
    invalid UTF-8 and NaN; that it serialises back to the same bytes proves no key was given
    twice. Any other line goes through the strict parser, which says what is wrong with it
    (UTF-8, a duplicate key, NaN) or accepts it."""
    try:
        found = orjson.loads(raw)
        if orjson.dumps(found) == raw:
            return found
    except orjson.JSONDecodeError:
        pass
    found = strict_json(raw)
    try:  # a lone surrogate (\ud800 escaped) is JSON but no Unicode text: no database stores it
        orjson.dumps(found)
    except orjson.JSONEncodeError as exc:
        if "surrogate" in str(exc):
            raise _bad("含有无效的 Unicode 字符（单独的代理项）") from exc
    return found


def _parsed_line(raw: bytes) -> Any:
    if len(raw) > MAX_LINE:
        raise _bad("这一行过长")
    return _parse(raw)


def _table(name: Any) -> str:
    if not isinstance(name, str) or name not in CODECS:
        raise _bad(f"未知的表 {str(name)[:40]}")
    return name


def sent_row(raw: bytes) -> tuple[str, Any]:
    """A line of format 1: (table, the row as sent); a ValueError names what is wrong."""
    found = _parsed_line(raw)
    if not isinstance(found, dict) or set(found) != {"t", "r"}:
        raise _bad("结构不对")
    return _table(found["t"]), found["r"]


def parse_line(number: int, raw: bytes) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A line of format 1: (table, the row as sent, the row decoded); a ValueError names what
    is wrong."""
    table, sent = sent_row(raw)
    return table, sent, CODECS[table].fast_decode(sent)


class Miscount(Exception):
    """The rows are not as many as the manifest says."""

    def __init__(self, expected: int, found: int) -> None:
        super().__init__(f"{expected} != {found}")
        self.expected, self.found = expected, found


def _header(raw: bytes, counts: dict[str, int], seen: set[str]) -> tuple[str, list[str], int]:
    """A table's header line of format 2: (table, its columns, its number of rows)."""
    found = _parsed_line(raw)
    if not isinstance(found, dict) or set(found) != {"t", "c", "n"}:
        raise _bad("表头结构不对")
    table, columns, n = _table(found["t"]), found["c"], found["n"]
    if table in seen:
        raise _bad(f"表 {table} 出现了两次")
    if (
        not isinstance(columns, list)
        or not 0 < len(columns) <= MAX_COLUMNS
        or not all(isinstance(c, str) and 0 < len(c) <= 64 for c in columns)
        or len(set(columns)) != len(columns)
    ):
        raise _bad("表头的字段不对")
    if type(n) is not int or n != counts.get(table):
        raise Miscount(counts.get(table, 0), n if type(n) is int else -1)
    seen.add(table)
    return table, columns, n


def _array(raw: bytes, width: int) -> list[Any]:
    """A row line of format 2: a JSON array of ``width`` values. orjson refuses invalid UTF-8,
    NaN and lone surrogates itself (an array has no keys to give twice); what it refuses goes
    through the strict parser, which names the fault."""
    if len(raw) > MAX_LINE:
        raise _bad("这一行过长")
    try:
        found = orjson.loads(raw)
    except orjson.JSONDecodeError:
        found = _parse(raw)
    if type(found) is not list or len(found) != width:
        raise _bad("结构不对")
    return found


class BadLine(ValueError):
    """Line ``number`` (from 1) of the payload is wrong; the message says how."""

    def __init__(self, number: int, detail: str) -> None:
        super().__init__(detail)
        self.number = number


def sent_rows(
    lines: list[bytes], version: int, counts: dict[str, int], *, arrays: bool = False
) -> Iterator[tuple[int, str, Any, Decoder]]:
    """Every row of a payload's ``lines``: (its line number, from 1; table; the row as sent,
    its values not yet validated; the decoder that validates it). :class:`BadLine` names a
    line's fault, :class:`Miscount` a number of rows unlike ``counts`` (the manifest's per
    table). The row as sent is a dict of its values by column name; with ``arrays``, a row of
    format 2 whose header lists the table's own columns in their order stays the list it was
    sent as (``TableCodec.named`` gives the dict), decoded by ``TableCodec.decode_array``."""
    headers = 0 if version == 1 else len(counts)
    if len(lines) != sum(counts.values()) + headers:
        raise Miscount(sum(counts.values()), len(lines) - headers)
    number = 0
    try:
        if version == 1:
            for number, raw in enumerate(lines, start=1):
                table, sent = sent_row(raw)
                yield number, table, sent, CODECS[table].fast_decode
            return
        seen: set[str] = set()
        while number < len(lines):
            number += 1
            table, columns, n = _header(lines[number - 1], counts, seen)
            codec, width = CODECS[table], len(columns)
            listed = arrays and columns == codec.columns
            for raw in lines[number : number + n]:
                number += 1
                if listed:
                    yield number, table, _array(raw, width), codec.decode_array
                else:
                    yield (
                        number,
                        table,
                        dict(zip(columns, _array(raw, width), strict=True)),
                        codec.fast_decode,
                    )
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadLine(number, str(exc)) from exc


# ── encryption ──────────────────────────────────────────────────────────────────────────────


def info(package_id: str, recipient_key_id: str, member: str) -> bytes:
    """HPKE ``info``: binds each ciphertext to its package, recipient key and member."""
    return b"\0".join(
        [b"RedOffice sync v1", package_id.encode(), recipient_key_id.encode(), member.encode()]
    )


def seal(data: bytes, public: X25519PublicKey, context: bytes) -> bytes:
    return SUITE.encrypt(data, public, info=context)


def open_sealed(data: bytes, private: X25519PrivateKey, context: bytes) -> bytes:
    return SUITE.decrypt(data, private, info=context)


def compress(data: bytes) -> bytes:
    return zlib.compress(data, LEVEL)


class Payload:
    """The rows' lines compressed as they come (the plain text is never held whole), with the
    plain size and SHA-256 the manifest gives. zlib and SHA-256 let go of Python's lock while
    they work, so they run in a thread of their own beside the encoding of the next rows (on
    a second core: the export's wall time is the larger of the two, not their sum)."""

    def __init__(self) -> None:
        self._deflate = zlib.compressobj(LEVEL)
        self._sha256 = hashlib.sha256()
        self._parts: list[bytes] = []
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._failed: BaseException | None = None
        self._worker = threading.Thread(target=self._work, name="sync-payload", daemon=True)
        self._worker.start()
        self.size = 0

    def _work(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._failed is None:
                try:
                    self._sha256.update(data)
                    self._parts.append(self._deflate.compress(data))
                except BaseException as exc:  # reported by finish()
                    self._failed = exc

    def write(self, data: bytes) -> None:
        self.size += len(data)
        self._queue.put(data)

    def close(self) -> None:
        """Stop the worker (finish does; an export that stops early calls it)."""
        if self._worker.is_alive():
            self._queue.put(None)
            self._worker.join()

    def finish(self) -> tuple[bytes, str]:
        """The compressed payload and the plain text's SHA-256 (hex)."""
        self.close()
        if self._failed is not None:
            raise self._failed
        self._parts.append(self._deflate.flush())
        return b"".join(self._parts), self._sha256.hexdigest()


def decompress(data: bytes, size: int) -> bytes:
    """Inflate at most ``size`` bytes (the manifest's plain size); more, or less, is refused."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, size + 1)
    if len(out) != size or not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise ValueError("解压后的大小与清单不符")
    return out


# ── the zip, checked before anything is read ────────────────────────────────────────────────


def checked_zip(path: Path) -> zipfile.ZipFile:
    """Open the package and check its structure from the central directory alone: size and
    member-count bounds, names from the fixed pattern (no ``../``, absolute or drive paths),
    no duplicates, every member stored (so none can expand), no overlapping entries."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError("sync.file_unreadable", name=name, detail=str(exc)) from exc
    if size > MAX_FILE:
        raise UserError("sync.too_large", name=name, max=MAX_FILE // 1024**2)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise UserError("sync.truncated", name=name) from exc
    except OSError as exc:
        raise UserError("sync.file_unreadable", name=name, detail=str(exc)) from exc
    try:
        _check_members(archive, name, size)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile, name: str, size: int) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UserError("sync.bad_zip", name=name, detail=f"成员过多（{len(members)}）")
    seen: set[str] = set()
    for m in members:
        if not MEMBER_NAME.fullmatch(m.filename) or m.filename != m.orig_filename:
            raise UserError("sync.bad_member", name=name, member=m.filename[:80])
        if m.filename in seen:
            raise UserError("sync.bad_member", name=name, member=m.filename)
        seen.add(m.filename)
        if m.compress_type != zipfile.ZIP_STORED or m.file_size != m.compress_size:
            raise UserError("sync.bad_zip", name=name, detail=f"“{m.filename}”不是存储方式")
        if m.flag_bits & 0x1 or m.file_size > MAX_MEMBER:
            raise UserError("sync.bad_zip", name=name, detail=f"“{m.filename}”无效")
    for required in (MANIFEST, SIGNATURE, CHANGES):
        if required not in seen:
            raise UserError("sync.bad_zip", name=name, detail=f"缺少“{required}”")
    ordered = sorted(members, key=lambda m: m.header_offset)
    end_of_entries = getattr(archive, "start_dir", size)
    for m, following in zip(ordered, [*ordered[1:], None], strict=True):
        end = m.header_offset + 30 + len(m.filename.encode()) + m.compress_size
        limit = following.header_offset if following is not None else end_of_entries
        if end > limit:
            raise UserError("sync.bad_zip", name=name, detail="成员相互重叠")


def read_member(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    info_ = archive.getinfo(member)
    if info_.file_size > limit:
        raise ValueError(f"“{member}”过大")
    with archive.open(info_) as f:
        return f.read(limit + 1)


# ── the manifest ────────────────────────────────────────────────────────────────────────────

MANIFEST_KEYS: Final = frozenset(
    {
        "format",
        "format_version",
        "kind",
        "schema",
        "node",
        "key_id",
        "epoch",
        "package_id",
        "recipient",
        "recipient_key_id",
        "created_at",
        "seq_from",
        "seq_to",
        "prev_manifest",
        "counts",
        "records",
        "audit_head",
        "audit_check",
        "payload",
        "members",
    }
)


def _int(value: Any, low: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value < 2**63:
        raise _bad("数字无效")
    return value


def _str(value: Any, pattern: re.Pattern[str] | None = None, max_len: int = 64) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise _bad("文字无效")
    if pattern is not None and not pattern.fullmatch(value):
        raise _bad(f"“{value[:20]}”格式不对")
    return value


def _exact(value: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise _bad("结构不对")
    return value


def parse_manifest(data: bytes) -> dict[str, Any]:
    """The manifest, parsed strictly (ValueError naming the fault)."""
    found = _exact(strict_json(data), set(MANIFEST_KEYS))
    if found["format"] != FORMAT or found["kind"] != "package":
        raise _bad("不是数据包清单")
    if found["format_version"] not in FORMAT_VERSIONS:
        raise _bad(f"格式版本 {found['format_version']!r} 不受支持")
    _str(found["schema"], re.compile(r"\d{4}"))
    for key in ("node", "recipient", "package_id", "created_at"):
        _str(found[key], max_len=40)
    _str(found["key_id"], KEY_ID)
    _str(found["recipient_key_id"], KEY_ID)
    _int(found["epoch"], 1)
    seq_from, seq_to = _int(found["seq_from"], 1), _int(found["seq_to"])
    if seq_to < seq_from - 1:
        raise _bad("序号范围不对")
    if found["prev_manifest"] != "":
        _str(found["prev_manifest"], HEX64)
    counts = found["counts"]
    if not isinstance(counts, dict) or not set(counts) <= set(TABLES):
        raise _bad("各表条数不对")
    if sum(_int(n) for n in counts.values()) != _int(found["records"]):
        raise _bad("记录总数与各表条数不符")
    head = _exact(found["audit_head"], {"id", "hash"})
    _int(head["id"])
    _str(head["hash"], HEX64)
    check = _exact(found["audit_check"], {"id", "hash"})
    _int(check["id"])
    if check["hash"] != "":
        _str(check["hash"], HEX64)
    payload = _exact(found["payload"], {"compression", "encryption", "plain_size", "plain_sha256"})
    if payload["compression"] != COMPRESSION or payload["encryption"] != ENCRYPTION:
        raise _bad("压缩或加密方式不受支持")
    if _int(payload["plain_size"]) > MAX_PLAIN:
        raise _bad("数据过大")
    _str(payload["plain_sha256"], HEX64)
    members = found["members"]
    if not isinstance(members, dict) or CHANGES not in members:
        raise _bad("成员清单不对")
    for member, described in members.items():
        if not MEMBER_NAME.fullmatch(member) or member in (MANIFEST, SIGNATURE):
            raise _bad(f"成员“{member[:80]}”不允许")
        _str(_exact(described, {"sha256", "size"})["sha256"], HEX64)
        _int(described["size"])
    return found


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return canonical(manifest)
