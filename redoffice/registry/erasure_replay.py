"""A restore must not bring back an erased person (PIPL 第四十七条, decision 0030): every
erasure — made here, or a purge a sync package brought (:mod:`redoffice.sync.purge`) — is
noted, ids only, in a register beside the database (:func:`redoffice.kit.backups.note_erasure`);
a restored database erases again every resident the register names who holds personal
information in it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from redoffice.kit import backups
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.registry import erasure


def erase_again(db: Database, database: Path, _since: datetime) -> int:
    """Erase again, in ``db`` (the restored copy about to replace ``database``), each resident
    ``database``'s register names who holds personal information in it; returns how many. No
    instant is compared (the register's is the PC's clock when the erasure was noted, the
    backup's newest change the PC's clock then: a clock that was ahead brought people back),
    and no legal hold the older copy may show (:func:`erasure.erase_restored`): one erased
    before the backup is blank in it and is left as it is, as is one not in it — only a real
    re-erasure is audited."""
    again = 0
    for at, resident_id in backups.noted_erasures(database, "resident"):
        reason = f"恢复备份后重新清除（原于 {at.astimezone():%Y-%m-%d %H:%M} 清除）"
        try:
            erasure.erase_restored(db, resident_id, reason)
        except UserError:  # not in the backup, nothing personal left in it
            continue
        again += 1
    return again
