"""Applying a verified package at the street: one transaction writes its rows (parents first;
the owner's copy wins over a local edit, kept as a conflict), the blobs, the derived visit
state, the high-water mark, the package's record and one audit entry."""

from __future__ import annotations

from typing import Any, Final

import orjson
from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from redoffice.kit import audit_log, blobs, bulk_load
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.steps import QUIET, Steps
from redoffice.models import Base, SyncConflict, SyncPackage, SyncPartner
from redoffice.registry import search
from redoffice.sync import conflicts as conflicts_
from redoffice.sync import derived, purge, wire
from redoffice.sync.outcome import APPLIED, CHUNK, refuse
from redoffice.sync.verify import Verified

# The key of the PostgreSQL advisory lock that serialises package imports (several clerks on one
# database): "RDOFSYNC" in ASCII, fixed so every RedOffice taking it takes the same lock.
IMPORT_LOCK: Final = 0x5244_4F46_5359_4E43
_MODELS: Final = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


class Again(Exception):
    """Another clerk applied a package of the same sender while this one was verified: the
    checks were made against a state that is gone, so the import starts over."""


def apply(
    db: Database, file_name: str, file_hash: str, verified: Verified, steps: Steps = QUIET
) -> tuple[int, list[dict[str, Any]]]:
    """One transaction: rows (parents first), blobs, the high-water mark, the package's record
    and one audit entry. A fault inside (a database constraint) rolls everything back; so does
    a cancel (``steps``), which is last checked just before the commit."""
    manifest = verified.manifest
    records = int(manifest["records"])
    total, done = 2 * records, records
    steps.report(done, total)
    sender = manifest["node"]
    conflicts: list[dict[str, Any]] = []
    changed = 0
    try:
        with db.uow() as s:
            conn = s.connection()
            _serialised(conn)
            partner = s.get(SyncPartner, sender)
            assert partner is not None
            if (partner.epoch, partner.applied_seq) != verified.seen:
                raise Again
            patches: list[tuple[Table, dict[str, Any]]] = []
            new = _new_tables(conn, verified)
            moved_from = derived.households_before(conn, verified.rows, new)
            with (
                search.deferred_indexing(s),  # new rows' full-text entries in one go
                bulk_load.larger_cache(s, records),
            ):
                for table in wire.synced_tables():
                    batch = verified.rows.get(table.name, [])
                    _overlap_complete(conn, table, batch, verified)
                    if table.name in purge.SCREENED:  # an erased record stays erased
                        batch, refused = purge.screen(
                            conn, batch, sender, manifest["package_id"], table=table.name
                        )
                        conflicts += refused
                    with bulk_load.indexes_rebuilt(conn, _MODELS[table.name], len(batch)):
                        for start in range(0, len(batch), CHUNK):
                            part = batch[start : start + CHUNK]
                            n, found = _apply_rows(
                                conn, table, part, verified, patches, fresh=table.name in new
                            )
                            changed += n
                            conflicts += found
                            done += len(part)
                            steps.report(done, total)
            for table in wire.synced_tables():  # the foreign keys that close a cycle
                rows = [row for t, row in patches if t is table]
                if rows:
                    _update(conn, table, list(wire.LATE_COLUMNS[table.name]), rows)
            derived.refresh(conn, verified.rows, moved_from)  # the visit state, as local writes
            purge.note(conn, verified.rows.get("resident", []), sender, manifest["package_id"])
            partner.epoch, partner.applied_seq = manifest["epoch"], manifest["seq_to"]
            partner.last_manifest = verified.manifest_hash
            partner.audit_id = manifest["audit_head"]["id"]
            partner.audit_hash = manifest["audit_head"]["hash"]
            s.add(
                SyncPackage(
                    kind="package",
                    direction="in",
                    package_id=manifest["package_id"],
                    sender=sender,
                    recipient=db.node_id,
                    epoch=manifest["epoch"],
                    seq_from=manifest["seq_from"],
                    seq_to=manifest["seq_to"],
                    file_name=file_name[:255],
                    file_sha256=file_hash,
                    manifest_hash=verified.manifest_hash,
                    payload_hash=manifest["payload"]["plain_sha256"],
                    status=APPLIED,
                    reason="",
                    records=changed,
                    conflicts=len(conflicts),
                    at=utcnow(),
                )
            )
            details = {
                "sender": sender,
                "name": verified.partner_name,
                "epoch": manifest["epoch"],
                "seq_from": manifest["seq_from"],
                "seq_to": manifest["seq_to"],
                "counts": manifest["counts"],
                "changed": changed,
                "conflicts": len(conflicts),
                "file": file_name,
                "sha256": file_hash,
            }
            audit_log.record(s, "sync", "sync_package", manifest["package_id"], details)
            s.flush()
            steps.report(total, total)  # the last chance to stop: nothing is committed yet
            _store_blobs(db, verified.attachments)  # before the commit that names them
    except IntegrityError as exc:
        raise refuse(
            "sync.bad_line", line="?", detail=f"数据与本地记录冲突（{str(exc.orig)[:120]}）"
        ) from exc
    return changed, conflicts


def _serialised(conn: Connection) -> None:
    """Imports take turns from here to their commit. PostgreSQL: the advisory lock
    ``IMPORT_LOCK`` (``pg_advisory_xact_lock``, released when the transaction ends), so two
    clerks' imports never interleave; the sender's state read after it is what the others
    committed (READ COMMITTED). SQLite: the write lock taken now (``BEGIN IMMEDIATE``) instead of
    at the first write, so the state read after it cannot change before the commit either."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK)))
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and not getattr(raw, "in_transaction", False):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _overlap_complete(
    conn: Connection,
    table: Table,
    batch: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: Verified,
) -> None:
    """Every row applied from the part of the range already applied must come again (decision
    0019): one missing means the package tells another history — a fork."""
    manifest = verified.manifest
    if manifest["seq_from"] > verified.hwm:
        return
    ids = {decoded["id"] for _sent, decoded in batch}
    gone = conflicts_.missing_in_overlap(
        conn, table, manifest["node"], manifest["seq_from"], verified.hwm, ids
    )
    if gone is not None:
        raise refuse(
            "sync.fork", first=manifest["seq_from"], last=verified.hwm, name=verified.partner_name
        )


def _store_blobs(db: Database, attachments: dict[str, bytes]) -> None:
    """Content-addressed (encrypted on an encrypted database, :mod:`redoffice.kit.blobs`): a
    blob left by a transaction rolled back afterwards is harmless."""
    store = blobs.store_of(db)
    for sha, data in attachments.items():
        store.put(sha, data)


def _new_tables(conn: Connection, verified: Verified) -> set[str]:
    """The tables whose rows in the package are all new here (:func:`_first_rows`), found
    before anything is written (a table's rows never change whether another table is new)."""
    if verified.hwm:
        return set()
    sender = verified.manifest["node"]
    return {str(t.name) for t in wire.synced_tables() if _first_rows(conn, t, sender)}


def _first_rows(conn: Connection, table: Table, sender: str) -> bool:
    """Whether the street holds no row of ``sender`` in ``table``: in the sender's first
    package (nothing applied yet, ``hwm`` 0) every row is then new, and none is read before it
    is written. (A row of another owner under the same id then fails the insert: the package
    is refused all the same, as a constraint failure rather than ``not_owner``.)

    The owner is what is read, so the owner's index answers alone: asked for ``id``, SQLite
    walked the whole table whenever its statistics were those of one community (after the
    street's first package, until a table grew tenfold: 40-70 ms a package at 40
    communities)."""
    held = select(table.c.owner_node).where(table.c.owner_node == sender).limit(1)
    return conn.execute(held).first() is None


def _decided(
    conn: Connection,
    table: Table,
    part: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: Verified,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of ``part`` to insert, those to replace, and the conflicts (kept in the
    conflict table), each row judged against the street's copy and its local edit."""
    codec = wire.CODECS[table.name]
    sender, package_id = verified.manifest["node"], verified.manifest["package_id"]
    ids = [decoded["id"] for _sent, decoded in part]
    chosen = select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))
    local = {row.id: row for row in conn.execute(chosen, {"ids": ids})}
    bases = conflicts_.edits(conn, table.name, ids)  # rows changed here since applied
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for listed, decoded in part:
        sent = codec.named(listed)
        mine = local.get(decoded["id"])
        if mine is not None and mine.owner_node != sender:
            raise refuse(
                "sync.not_owner", name=verified.partner_name, table=table.name, row=decoded["id"]
            )
        held = codec.encode(mine) if mine is not None else None
        base = bases.get(decoded["id"])
        hashed = base is not None  # a base is known by its hash: compare hashes
        incoming = conflicts_.Copy(
            decoded["version"], decoded["sync_seq"], conflicts_.digest(sent) if hashed else sent
        )
        copy = None
        if mine is not None:
            copy = conflicts_.Copy(
                mine.version, mine.sync_seq, conflicts_.digest(held or {}) if hashed else held
            )
        decision = conflicts_.decide(incoming, copy, base, verified.hwm)
        if decision == conflicts_.INSERT:
            inserts.append(decoded)
        elif decision == conflicts_.APPLY:
            updates.append(decoded)
        elif decision == conflicts_.FORK:
            raise refuse(
                "sync.fork",
                first=verified.manifest["seq_from"],
                last=verified.hwm,
                name=verified.partner_name,
            )
        elif decision == conflicts_.CONFLICT:
            assert mine is not None
            conflicts.append(
                {
                    "table": table.name,
                    "row_id": decoded["id"],
                    "local_version": mine.version,
                    "version": decoded["version"],
                }
            )
            conn.execute(
                insert(SyncConflict).values(
                    package_id=package_id,
                    table_name=table.name,
                    row_id=decoded["id"],
                    owner_node=sender,
                    local_version=mine.version,
                    incoming_version=decoded["version"],
                    local_row=orjson.dumps(held).decode(),
                    at=utcnow(),
                    resolved=False,
                    resolved_by="",
                    resolution="",
                )
            )
            updates.append(decoded)
    if bases:  # the owner's copy replaced them: their local edits are settled
        conflicts_.forget_edits(conn, table.name, [r["id"] for r in updates if r["id"] in bases])
    return inserts, updates, conflicts


def _apply_rows(
    conn: Connection,
    table: Table,
    part: list[tuple[dict[str, Any], dict[str, Any]]],
    verified: Verified,
    patches: list[tuple[Table, dict[str, Any]]],
    *,
    fresh: bool,
) -> tuple[int, list[dict[str, Any]]]:
    """Insert new rows, replace older ones; the owner's copy wins over a local edit, which is
    kept in the conflict table. Returns the number of rows written and the conflicts.
    ``fresh``: the street holds no row of the sender in this table, none is applied yet:
    every row is new (nothing to read or judge); on SQLite, rows sent as lists go in bound
    from the sent values (``wire.TableCodec.sqlite_bind_sent``)."""
    updates: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    codec = wire.CODECS[table.name]
    late = wire.LATE_COLUMNS.get(table.name, ())
    if fresh and not late and conn.dialect.name == "sqlite" and _listed(part):
        conn.exec_driver_sql(codec.sqlite_insert, [codec.sqlite_bind_sent(*r) for r in part])
        return len(part), []
    if fresh:
        inserts = [decoded for _sent, decoded in part]
    else:
        inserts, updates, conflicts = _decided(conn, table, part, verified)
    if late:  # set after every table is written (the row they point at may come later)
        patches.extend(
            (table, {"id": r["id"], **{c: r[c] for c in late}}) for r in inserts + updates
        )
        inserts = [{**r, **dict.fromkeys(late)} for r in inserts]
    if inserts:
        _insert(conn, table, inserts)
    if updates:
        _update(conn, table, [c for c in codec.columns if c != "id" and c not in late], updates)
    return len(inserts) + len(updates), conflicts


def _listed(part: list[tuple[Any, dict[str, Any]]]) -> bool:
    """Whether every row of ``part`` came as a list in column order (``wire.sent_rows``)."""
    return all(type(sent) is list for sent, _decoded in part)


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """New rows, in one ``executemany``: on SQLite a plain statement with the values bound as
    SQLAlchemy would (``wire.TableCodec.sqlite_bind``), elsewhere through SQLAlchemy (its
    multi-row INSERT on PostgreSQL)."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    codec = wire.CODECS[table.name]
    conn.exec_driver_sql(codec.sqlite_insert, list(map(codec.sqlite_bind, rows)))


def _update(conn: Connection, table: Table, columns: list[str], rows: list[dict[str, Any]]) -> None:
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({c: bindparam(f"b_{c}") for c in columns})
    )
    conn.execute(statement, [{f"b_{c}": row[c] for c in ["id", *columns]} for row in rows])
