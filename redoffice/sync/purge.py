"""Erasure travelling as a purge (PIPL; decision 0019). The owner erases a resident
(:func:`redoffice.registry.erasure.erase_resident`): the blanked row travels as any change. At
the street the apply recognises it (the name ``（已清除）``): the row is blanked there as it is
applied, the erasure is recorded (``sync_purge``), the copies the street kept of that record
— a local edit's base, a conflict's local copy — are blanked too, and from then on a copy of
that record carrying personal information again, from any package, is refused: the row is not
applied (the street's blank copy stays), the refusal is kept for review and listed in the
acknowledgement as a conflict whose local copy is the erased one; the rest of the package
applies (refusing the whole package would block every later one of that community)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from sqlalchemy import Connection, delete, insert, select, update

from redoffice.kit import erasures
from redoffice.kit.clock import utcnow
from redoffice.kit.codes import ERASED_NAME
from redoffice.models import Base, SyncConflict, SyncLocalEdit, SyncPurge
from redoffice.registry.erasure import BLANK, TAG_BLANK, is_erased, personal_left

Batch = list[tuple[dict[str, Any], dict[str, Any]]]
REFUSED_NOTE = "对方已按个人信息删除要求清除了这条记录，之后发来的个人信息未导入"


def _purged(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are erased residents. Erasures are few (a person's, now and then), so
    all of them are read in one statement and matched here: a package's residents looked up
    500 a statement (a first package's 110,000, finding none) cost ~0.2 s CPU."""
    erased = conn.scalars(select(SyncPurge.row_id).where(SyncPurge.table_name == "resident"))
    return set(erased).intersection(ids)


SCREENED = ("resident", "resident_tag")  # the tables whose rows :func:`screen` judges


def _tag_personal(decoded: dict[str, Any]) -> bool:
    return any(decoded[k] != blank for k, blank in TAG_BLANK.items())


def screen(
    conn: Connection, batch: Batch, sender: str, package_id: str, *, table: str = "resident"
) -> tuple[Batch, list[dict[str, Any]]]:
    """The rows of ``table`` (a resident, or a resident's tag) of a package to apply: a copy of
    an erased record carrying personal information — or a tag of it with its note written
    again — is left out and kept as a conflict (the local copy: the erased one). Returns the
    rows to apply and the conflicts for the acknowledgement."""
    tag = table == "resident_tag"
    person = {d["id"]: d["resident_id"] if tag else d["id"] for _s, d in batch}
    purged = _purged(conn, person.values())
    if not purged:
        return batch, []
    personal = _tag_personal if tag else personal_left
    kept: Batch = []
    refused: list[dict[str, Any]] = []
    rows = Base.metadata.tables[table]
    for sent, decoded in batch:
        if person[decoded["id"]] not in purged or not personal(decoded):
            kept.append((sent, decoded))
            continue
        local = conn.execute(select(rows.c.version).where(rows.c.id == decoded["id"])).scalar()
        erased = (
            {"id": decoded["id"], "resident_id": decoded["resident_id"], **TAG_BLANK}
            if tag
            else {"id": decoded["id"], "name": ERASED_NAME}
        )
        refused.append(
            {
                "table": table,
                "row_id": decoded["id"],
                "local_version": int(local or 0),
                "version": decoded["version"],
                "purged": True,
            }
        )
        conn.execute(
            insert(SyncConflict).values(
                package_id=package_id,
                table_name=table,
                row_id=decoded["id"],
                owner_node=sender,
                local_version=int(local or 0),
                incoming_version=decoded["version"],
                local_row=orjson.dumps(erased).decode(),
                at=utcnow(),
                resolved=False,
                resolved_by="",
                resolution=REFUSED_NOTE,
            )
        )
    return kept, refused


def note(conn: Connection, batch: Batch, sender: str, package_id: str) -> list[str]:
    """Record the erasures this package brought — in ``sync_purge`` and in the erasure register
    beside the database, so that a restore of a copy made before this package erases them again
    (the sender will not send them again) — and blank the copies the street kept of those
    records (conflicts' local copies, local edits' bases). Returns the ids erased.

    The register is written before the package's commit: the owner's erasure is a fact whoever
    applies it, and a package rolled back comes again (a repeated line is harmless: the replay
    skips a record already blank)."""
    erased = [d["id"] for _s, d in batch if is_erased(d)]
    if not erased:
        return []
    purged = _purged(conn, erased)
    new = [i for i in erased if i not in purged]
    if not new:
        return []
    conn.execute(
        insert(SyncPurge),
        [
            {
                "table_name": "resident",
                "row_id": i,
                "owner_node": sender,
                "package_id": package_id,
                "at": utcnow(),
            }
            for i in new
        ],
    )
    for i in new:
        erasures.note_erasure(conn.engine, "resident", i)
    tags = Base.metadata.tables["resident_tag"]
    tag_ids = list(conn.scalars(select(tags.c.id).where(tags.c.resident_id.in_(new))))
    for table, ids, blank in (("resident", new, BLANK), ("resident_tag", tag_ids, TAG_BLANK)):
        if not ids:
            continue
        conn.execute(
            delete(SyncLocalEdit).where(
                SyncLocalEdit.table_name == table, SyncLocalEdit.row_id.in_(ids)
            )
        )
        kept = conn.execute(
            select(SyncConflict.id, SyncConflict.local_row).where(
                SyncConflict.table_name == table, SyncConflict.row_id.in_(ids)
            )
        ).all()
        for conflict_id, local_row in kept:
            scrubbed = {**orjson.loads(local_row), **blank}
            conn.execute(
                update(SyncConflict)
                .where(SyncConflict.id == conflict_id)
                .values(local_row=orjson.dumps(scrubbed).decode())
            )
    return new
