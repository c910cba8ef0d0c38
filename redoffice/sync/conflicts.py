"""One owner per row (decision 0019): what an incoming copy of a row does to the local one, the
base that decides it, and the review of the conflicts kept.

The **base** of a row is the owner's copy last applied here. A row another node owns that is
changed here (a clerk at the street office editing a community's resident) gets a
``sync_local_edit`` record at its first local change, written by this module's flush hook:
the base's version, sequence number and content hash. Then, for an incoming copy:

- base == local (no local edit): a higher version is applied;
- the local copy changed since the base and the owner changed it too (incoming version above
  the base's): the owner's copy wins, the local one is kept in ``sync_conflict``, listed in the
  acknowledgement and shown for review; the edit record goes;
- in the part of the package the street already applied (``sync_seq`` at or below the
  high-water mark) the copy must be exactly the one applied (version, sequence number, content),
  and a local row of that part missing from the package is as wrong: a forked history, refused.

:func:`decide` is the pure decision; :func:`open_conflicts` and :func:`resolve` are the review
for the screens."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import orjson
from sqlalchemy import Connection, Table, delete, event, select
from sqlalchemy.orm import Session, UOWTransaction

from redoffice.kit import audit_log
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Base, SyncConflict, SyncLocalEdit, SyncPartner

INSERT: Final = "insert"
SKIP: Final = "skip"
APPLY: Final = "apply"
CONFLICT: Final = "conflict"
FORK: Final = "fork"
_PENDING: Final = "redoffice.sync_local_edits"


@dataclass(frozen=True)
class Copy:
    """A copy of one row as the decision sees it: version, sequence number and its content —
    anything compared by equality: the encoded row, or its :func:`digest` where one side is
    known by its hash only (a base)."""

    version: int
    seq: int
    content: object


def digest(encoded: dict[str, Any]) -> str:
    """The content hash of a row in its wire encoding (the same for both sides' copies)."""
    return hashlib.sha256(orjson.dumps(encoded, option=orjson.OPT_SORT_KEYS)).hexdigest()


def decide(incoming: Copy, local: Copy | None, base: Copy | None, hwm: int) -> str:
    """What the incoming copy of a row does: insert / skip / apply / conflict / fork.

    ``local`` the row held here (None: new here); ``base`` the owner's copy a local edit
    started from (None: not changed here since it was applied, the base is ``local``);
    ``hwm`` the sequence number applied up to from this sender in this epoch."""
    if local is None:
        return FORK if incoming.seq <= hwm else INSERT
    known = base or local
    if incoming.seq <= hwm:  # already applied: must be exactly what was applied
        return SKIP if incoming == known else FORK
    if incoming == local:
        return SKIP
    if base is None:
        # an unedited row: a newer version applies. An equal or lower version with other content
        # comes from a local change the hook never saw (made before decision 0019): owner wins.
        return APPLY if incoming.version > local.version else CONFLICT
    return CONFLICT if incoming.version > base.version else SKIP


def edits(conn: Connection, table: str, ids: list[str]) -> dict[str, Copy]:
    """The bases of the rows of ``ids`` changed here since their owner's copy was applied."""
    if not ids:
        return {}
    rows = conn.execute(
        select(SyncLocalEdit).where(
            SyncLocalEdit.table_name == table, SyncLocalEdit.row_id.in_(ids)
        )
    )
    return {r.row_id: Copy(r.base_version, r.base_seq, r.base_hash) for r in rows}


def forget_edits(conn: Connection, table: str, ids: list[str]) -> None:
    """The owner's copy replaced these rows: their local edits are settled (kept as conflicts)."""
    if ids:
        conn.execute(
            delete(SyncLocalEdit).where(
                SyncLocalEdit.table_name == table, SyncLocalEdit.row_id.in_(ids)
            )
        )


def missing_in_overlap(
    conn: Connection, table: Table, sender: str, seq_from: int, hwm: int, incoming: set[str]
) -> str | None:
    """A row applied from ``sender`` with a sequence number in ``seq_from .. hwm`` must be in
    any later package that covers that range (the package is the state at its end, so the row
    is there with that number or a later one). The id of the first one missing, or None."""
    if seq_from > hwm:
        return None
    c = table.c
    edited = {
        r.row_id: r.base_seq
        for r in conn.execute(
            select(SyncLocalEdit.row_id, SyncLocalEdit.base_seq).where(
                SyncLocalEdit.table_name == table.name, SyncLocalEdit.owner_node == sender
            )
        )
    }
    held = conn.scalars(
        select(c.id).where(c.owner_node == sender, c.sync_seq >= seq_from, c.sync_seq <= hwm)
    )
    for row_id in held:
        if row_id not in incoming and row_id not in edited:
            return str(row_id)
    for row_id, seq in edited.items():
        if seq_from <= seq <= hwm and row_id not in incoming:
            return str(row_id)
    return None


def older_state_differs(
    conn: Connection,
    table: Table,
    batch: list[tuple[dict[str, Any], dict[str, Any]]],
    sender: str,
    seq_from: int,
    seq_to: int,
) -> bool:
    """For a package wholly below the high-water mark (an older state, arriving late): whether
    it tells another history. Its rows are the sender's state at its ``seq_to``; a row that has
    not changed since (the copy applied here has the same sequence number) must be that copy;
    a copy applied here with a lower number than the package's, or none, cannot be; and every
    row applied with a number in ``seq_from .. seq_to`` must be in it."""
    ids = [decoded["id"] for _sent, decoded in batch]
    from redoffice.sync import wire

    codec = wire.CODECS[table.name]
    local = {
        row.id: row
        for start in range(0, len(ids), 500)
        for row in conn.execute(select(table).where(table.c.id.in_(ids[start : start + 500])))
    }
    bases = {}
    for start in range(0, len(ids), 500):
        bases.update(edits(conn, table.name, ids[start : start + 500]))
    for sent, decoded in batch:
        mine = local.get(decoded["id"])
        if mine is None:
            return True
        base = bases.get(decoded["id"])
        if base is not None:
            known = base
            incoming = Copy(decoded["version"], decoded["sync_seq"], digest(sent))
        else:
            known = Copy(mine.version, mine.sync_seq, codec.encode(mine))
            incoming = Copy(decoded["version"], decoded["sync_seq"], sent)
        if known.seq < incoming.seq or (known.seq == incoming.seq and known != incoming):
            return True
    return missing_in_overlap(conn, table, sender, seq_from, seq_to, set(ids)) is not None


# ── the flush hook: a local change of a row another node owns ──────────────────────────────


def _note_local_edits(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    me = session.info.get("node_id")
    if not me:
        return
    changed = [
        o
        for o in session.dirty
        if getattr(o, "__synced__", False)
        and getattr(o, "owner_node", me) != me
        and session.is_modified(o)
    ]
    if not changed:
        return
    from redoffice.sync import wire  # only now: the codecs are not needed at start-up

    noted: set[tuple[str, str]] = session.info.setdefault(_PENDING, set())
    conn = session.connection()
    for obj in changed:
        table = obj.__table__
        key = (table.name, str(obj.id))
        if key in noted or session.get(SyncLocalEdit, key) is not None:
            continue
        row = conn.execute(select(table).where(table.c.id == key[1])).one_or_none()
        if row is None:
            continue
        noted.add(key)
        session.add(
            SyncLocalEdit(
                table_name=key[0],
                row_id=key[1],
                owner_node=row.owner_node,
                base_version=row.version,
                base_seq=row.sync_seq,
                base_hash=digest(wire.CODECS[table.name].encode(row)),
                at=utcnow(),
            )
        )


def _forget_noted(session: Session, _transaction: object) -> None:
    session.info.pop(_PENDING, None)


def install(session_factory: Any) -> None:
    """Record the base of every row another node owns at its first local change."""
    event.listen(session_factory, "before_flush", _note_local_edits)
    event.listen(session_factory, "after_transaction_end", _forget_noted)


# ── review ─────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class FieldDiff:
    """One field that reads differently: its Chinese label, the local copy's and the owner's."""

    label: str
    local: str
    owner: str


@dataclass(frozen=True)
class ConflictView:
    """A conflict for review: the local copy the owner's replaced, and the owner's as it is now."""

    id: int
    at: datetime
    partner: str
    table: str
    table_label: str
    row_id: str
    local_version: int
    incoming_version: int
    fields: tuple[FieldDiff, ...]
    local_row: dict[str, Any]
    owner_row: dict[str, Any] | None
    resolved: bool
    resolved_at: datetime | None
    resolved_by: str
    resolution: str
    record: str = ""  # the record in words: 李*, the household's address, the case number


TABLE_LABELS: Final = {
    "grid": "网格",
    "estate": "小区",
    "building": "楼栋",
    "household": "住户",
    "resident": "居民",
    "resident_tag": "人员标签",
    "staff": "工作人员",
    "visit": "走访记录",
    "visit_participant": "走访人员",
    "case_record": "民情诉求",
    "case_event": "诉求进展",
    "meeting": "会议",
    "attachment": "附件",
}


def _describe(texts: Any, table: str, row_id: str, row: dict[str, Any]) -> str:
    """The record a conflict is about, as a clerk knows it: a resident by the masked name of
    the local copy, another record as the 变更记录 names it (the household's address, the
    case number), a detail row (a tag, a case's step) by the record it belongs to; the id's
    first characters when none of these is known."""
    from redoffice.audit import history
    from redoffice.kit.validation import mask_name

    if table == "resident" and row.get("name"):
        return mask_name(str(row["name"]))
    own = next(
        (col for col, (model, _) in history.REFERENCES.items() if model.__tablename__ == table),
        None,
    )
    if own is not None:
        named = str(texts(table, own, row_id))
        if named != "（已不存在的记录）":
            return named
    for column, value in row.items():
        if column in history.REFERENCES and value and column != own:
            model, _show = history.REFERENCES[column]
            if model.__tablename__ == "resident":
                with_name = texts.s.get(model, value)
                named = mask_name(with_name.name) if with_name is not None else ""
            else:
                named = str(texts(table, column, value))
            if named and named != "（已不存在的记录）":
                return named
    return row_id[:8]


def open_conflicts(db: Database, *, resolved: bool = False) -> list[ConflictView]:
    """The conflicts kept (unresolved ones; with ``resolved``, every one), newest first, each
    with the fields where the local copy and the owner's current copy differ, labelled as the
    变更记录 labels them."""
    from redoffice.audit import history  # the labels of the 变更记录 (not needed at start-up)
    from redoffice.sync import wire

    with db.read() as s:
        names = {p.node_id: p.name for p in s.scalars(select(SyncPartner))}
        chosen = select(SyncConflict).order_by(SyncConflict.id.desc())
        if not resolved:
            chosen = chosen.where(SyncConflict.resolved.is_(False))
        texts = history.Texts(s)
        found = []
        for c in s.scalars(chosen):
            local = orjson.loads(c.local_row)
            table = Base.metadata.tables.get(c.table_name)
            owner = None
            if table is not None and c.table_name in wire.CODECS:
                row = s.connection().execute(select(table).where(table.c.id == c.row_id)).first()
                owner = wire.CODECS[c.table_name].encode(row) if row is not None else None
            diffs = history.changes(c.table_name, local, owner or {}, texts)
            found.append(
                ConflictView(
                    c.id,
                    c.at,
                    names.get(c.owner_node, c.owner_node),
                    c.table_name,
                    TABLE_LABELS.get(c.table_name, c.table_name),
                    c.row_id,
                    c.local_version,
                    c.incoming_version,
                    tuple(FieldDiff(d.field, d.old, d.new) for d in diffs),
                    local,
                    owner,
                    c.resolved,
                    c.resolved_at,
                    c.resolved_by,
                    c.resolution,
                    _describe(texts, c.table_name, c.row_id, owner or local),
                )
            )
        return found


def resolve(db: Database, conflict_id: int, note: str = "") -> None:
    """Mark a conflict reviewed (the owner's copy stands; a change still wanted is made again
    or asked of the owner). Audited: who, when, the note."""
    with db.uow() as s:
        c = s.get(SyncConflict, conflict_id, with_for_update=True)
        if c is None:
            raise UserError("sync.conflict_unknown", id=conflict_id)
        if c.resolved:
            raise UserError("sync.conflict_resolved", id=conflict_id)
        c.resolved, c.resolved_at = True, utcnow()
        c.resolved_by, c.resolution = db.actor[:64], note.strip()
        details = {"table": c.table_name, "row": c.row_id, "note": c.resolution}
        audit_log.record(s, "resolve", "sync_conflict", str(c.id), details)
