"""Review 10 (issue 16, PIPL): a restore's replay re-applies a lawful erasure whatever legal hold
the older copy still shows — 王小明's 社区矫正 tag, removed before he was erased, is in the
backup; the replay erased nobody (the hold refused it) and his name came back. Nor does the
copy's recycle bin keep him."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from redoffice.kit import backups, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, open_database
from redoffice.kit.records import set_deleted
from redoffice.models import Resident
from redoffice.registry import erasure
from redoffice.registry.residents import TagInput, get_resident, save_resident
from tests.core.test_backups import names
from tests.factories import add_resident, setup_place


def test_a_restore_erases_again_a_person_whose_backup_shows_a_legal_hold(
    sqlite_db: Database,
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    data = get_resident(sqlite_db, wang).data
    save_resident(sqlite_db, replace(data, tags=(TagInput("community_correction"),)), wang)
    copy = backups.make_backup(sqlite_db).path  # the correction in force in the copy
    save_resident(sqlite_db, replace(data, tags=()), wang)  # ended, the tag taken off
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    assert restoring.restore(sqlite_db, copy).erased_again == 1
    db = open_database(f"sqlite:///{path}")
    try:
        assert "王小明" not in names(db) and ERASED_NAME in names(db)
    finally:
        db.close()


def test_a_restore_erases_again_a_person_in_the_backups_recycle_bin(
    sqlite_db: Database,
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    set_deleted(sqlite_db, "resident", wang, True)
    copy = backups.make_backup(sqlite_db).path  # 王小明 in the recycle bin of the copy
    set_deleted(sqlite_db, "resident", wang, False)
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    assert restoring.restore(sqlite_db, copy).erased_again == 1
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read() as s:
            assert s.scalar(select(Resident.name).where(Resident.id == wang)) == ERASED_NAME
    finally:
        db.close()
