"""A restore must not bring back an erased person (PIPL 第四十七条, decision 0030): every
erasure — made here, or a purge a sync package brought (:mod:`redoffice.sync.purge`) — is
noted, ids only, in a register beside the database and in its copies kept with the backups
(:func:`redoffice.kit.erasures.note_erasure`); a restored database erases again every resident
the registers name who holds personal information in it, and where the record is another
node's (a community's resident at the street) records the purge again, so that a later copy
carrying personal information is refused as before the restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from redoffice.kit import audit_log, erasures
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Resident, SyncPurge
from redoffice.registry import erasure

RESTORED = "restore"  # sync_purge's package: recorded again by a restore, not by a package
PURGE_AGAIN = "purge_again"  # the audit's action for it


def erase_again(db: Database, database: Path, _since: datetime) -> int:
    """Erase again, in ``db`` (the restored copy about to replace ``database``), each resident
    ``database``'s register names who holds personal information in it; returns how many. No
    instant is compared (the register's is the PC's clock when the erasure was noted, the
    backup's newest change the PC's clock then: a clock that was ahead brought people back),
    and no legal hold the older copy may show (:func:`erasure.erase_restored`): one erased
    before the backup is blank in it and is left as it is, as is one not in it — only a real
    re-erasure is audited."""
    again = 0
    for at, resident_id in erasures.noted_erasures(database, "resident"):
        _refuse_again(db, resident_id)
        reason = f"恢复备份后重新清除（原于 {at.astimezone():%Y-%m-%d %H:%M} 清除）"
        try:
            erasure.erase_restored(db, resident_id, reason)
        except UserError:  # not in the backup, nothing personal left in it
            continue
        again += 1
    return again


def _refuse_again(db: Database, resident_id: str) -> None:
    """A resident another node owns (the street's copy of a community's) is recorded in
    ``sync_purge`` as its owner's purge once brought it: a copy made before that package
    lacked it, and the owner does not send the blank record again. Audited with it."""
    with db.uow() as s:
        owner = s.scalar(select(Resident.owner_node).where(Resident.id == resident_id))
        recorded = s.get(SyncPurge, ("resident", resident_id)) is not None
        if owner is None or owner == db.node_id or recorded:
            return
        s.add(
            SyncPurge(
                table_name="resident",
                row_id=resident_id,
                owner_node=owner,
                package_id=RESTORED,
                at=utcnow(),
            )
        )
        audit_log.record(s, PURGE_AGAIN, "resident", resident_id, {"owner_node": owner})
