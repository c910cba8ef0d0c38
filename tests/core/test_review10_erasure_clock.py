"""Review 10 (issue 16, PIPL: a restore must not bring back an erased person). The replay
(registry/erasure_replay.erase_again) skips every erasure noted at or before the backup's
newest audited change — two clocks compared: the PC's when the erasure was noted, the PC's
when the backup's last change was made. A backup written while the PC's clock was ahead (a
wrong date, since corrected — kit/backups.choose_kept provides for such copies) has a "newest
change" later than any erasure made after the correction: restoring it brings the erased
person back, name and ID number, though the register names them. The comparison is not needed:
a person erased before the backup is blank in it already (erase_resident refuses, skipped)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from redoffice.kit import backups, clock, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, open_database
from redoffice.registry import erasure
from tests.core.test_backups import names
from tests.factories import add_resident, setup_place


def test_a_backup_made_while_the_clock_was_ahead_does_not_bring_an_erased_person_back(
    sqlite_db: Database,
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    with clock.frozen(clock.now() + timedelta(days=30)):  # the PC's date set wrong for a while
        add_resident(sqlite_db, "李芳", household=household, relation="1", seq=2)
        copy = backups.make_backup(sqlite_db).path
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")  # the clock right again
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    restoring.restore(sqlite_db, copy)
    db = open_database(f"sqlite:///{path}")
    try:
        assert "王小明" not in names(db) and ERASED_NAME in names(db)
    finally:
        db.close()
