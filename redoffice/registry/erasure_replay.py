"""A restore must not bring back a person erased after the backup was made (PIPL 第四十七条,
decision 0030): every erasure is noted, ids only, in a register beside the database
(:func:`redoffice.kit.backups.note_erasure`); a restored database erases again the residents
the register names as erased after the backup's newest change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from redoffice.kit import backups
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.registry import erasure


def erase_again(db: Database, database: Path, since: datetime) -> int:
    """Erase again, in ``db`` (the restored copy about to replace ``database``), each resident
    ``database``'s register names as erased after ``since`` (the backup's newest change) who
    holds personal information in it; returns how many. One not in this backup, or blank
    already, is left as it is."""
    again = 0
    for at, resident_id in backups.noted_erasures(database, "resident"):
        if at <= since:
            continue
        reason = f"恢复备份后重新清除（原于 {at.astimezone():%Y-%m-%d %H:%M} 清除）"
        try:
            erasure.erase_resident(db, resident_id, reason)
        except UserError:  # not in the backup, nothing personal left in it
            continue
        again += 1
    return again
