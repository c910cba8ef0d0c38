"""备份到… / 从备份恢复…: a consistent copy to a chosen file, and restoring one with the current
database kept aside."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.cli import main
from redoffice.kit import backups, clock, erasures, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import AuditLog
from redoffice.registry import erasure, search
from redoffice.registry.search import ResidentQuery
from tests.conftest import opened_copy
from tests.core.test_backup_safety import damage
from tests.factories import add_resident, setup_place


def _file(db: Database) -> Path:
    return Path(str(db.engine.url.database)).resolve()


def names(db: Database) -> list[str]:
    return sorted(r.name for r in search.search_residents(db, ResidentQuery(), limit=100))


def test_backup_then_restore_brings_back_what_was_saved(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    target = tmp_path / "备份" / "社区备份.sqlite"
    target.parent.mkdir()
    info = backups.backup_to(sqlite_db, target)
    assert info.community == "幸福社区"
    assert dict(info.counts)["居民"] == 1 and dict(info.counts)["住户"] == 1
    assert info.last_change is not None
    assert not list(target.parent.glob("*.partial"))

    add_resident(sqlite_db, "李芳", household=household, relation="1", seq=30)
    assert names(sqlite_db) == ["李芳", "王小明"]
    url = str(sqlite_db.engine.url)
    aside = restoring.restore(sqlite_db, target).aside
    reopened = open_database(url)
    try:
        assert names(reopened) == ["王小明"]
    finally:
        reopened.close()
    kept = open_database(f"sqlite:///{aside}")
    try:
        assert names(kept) == ["李芳", "王小明"], "the database before the restore is kept"
    finally:
        kept.close()
    assert aside.parent.name == "backups"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%%EOF\n"


def _case_with_files(db: Database, folder: Path) -> str:
    """A request with a photo and a scan (stored by hash beside the database)."""
    photo, scan = folder / "门禁照片.png", folder / "签字扫描.pdf"
    photo.write_bytes(PNG)
    scan.write_bytes(PDF)
    data = CaseInput(category="设施维修", description="门禁坏了", attachments=(photo, scan))
    return cases.create_case(db, data)


def _contents(db: Database, case: str) -> dict[str, bytes]:
    rows = attachments.list_for(db, "case_record", case)
    return {r.name: attachments.file_path(db, r).read_bytes() for r in rows}


def test_a_backup_brings_its_photos_and_scans_to_another_computer(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """备份到… copies the attachments by hash into 社区备份-附件 beside the file; 从备份恢复…
    on a computer without them (a new folder, a new database) puts them back, checked."""
    case = _case_with_files(sqlite_db, tmp_path)
    target = tmp_path / "U盘" / "社区备份.sqlite"
    target.parent.mkdir()
    info = backups.backup_to(sqlite_db, target)
    assert (info.attachments, info.attachments_kept) == (2, 2)
    assert info.files_folder == tmp_path / "U盘" / "社区备份-附件"
    assert len([p for p in info.files_folder.rglob("*") if p.is_file()]) == 2

    elsewhere = tmp_path / "新电脑"
    elsewhere.mkdir()
    with opened_copy(Path(str(sqlite_db.engine.url.database)), elsewhere / "社区.sqlite") as new:
        url = str(new.engine.url)
        assert not new.attachments_dir.exists()
        restored = restoring.restore(new, target)
    assert (restored.attachments, restored.attachments_missing) == (2, 0)
    reopened = open_database(url)
    try:
        assert reopened.attachments_dir == elsewhere / "attachments"
        assert _contents(reopened, case) == {"门禁照片.png": PNG, "签字扫描.pdf": PDF}
    finally:
        reopened.close()


def test_a_damaged_or_missing_attachment_is_counted_not_restored(
    sqlite_db: Database, tmp_path: Path
) -> None:
    case = _case_with_files(sqlite_db, tmp_path)
    rows = attachments.list_for(sqlite_db, "case_record", case)
    attachments.file_path(sqlite_db, rows[1]).unlink()  # the scan is gone on this computer
    target = tmp_path / "社区备份.sqlite"
    info = backups.backup_to(sqlite_db, target)
    assert (info.attachments, info.attachments_kept) == (2, 1)
    (kept,) = [p for p in info.files_folder.rglob("*") if p.is_file()]
    kept.write_bytes(b"\x89PNG damaged")  # changed in the backup folder
    attachments.file_path(sqlite_db, rows[0]).unlink()
    restored = restoring.restore(sqlite_db, target)
    assert (restored.attachments, restored.attachments_missing) == (0, 2)
    assert not [p for p in sqlite_db.attachments_dir.rglob("*") if p.is_file()]


def test_a_backup_can_not_overwrite_the_open_database(sqlite_db: Database) -> None:
    with pytest.raises(UserError, match="正在使用的数据库"):
        backups.backup_to(sqlite_db, Path(str(sqlite_db.engine.url.database)))


def test_files_that_are_not_backups_are_refused_untouched(
    sqlite_db: Database, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "notes.sqlite"
    text.write_text("不是数据库" * 100, encoding="utf-8")
    with pytest.raises(UserError, match="不是 RedOffice 的数据库备份"):
        backups.describe(other)
    # no whole number of pages: not taken for an encrypted file (nobody is sent for a key)
    with pytest.raises(UserError, match=r"已损坏，不能用来恢复"):
        backups.describe(text)
    with pytest.raises(UserError, match="找不到备份文件"):
        backups.describe(tmp_path / "missing.sqlite")
    before = Path(str(sqlite_db.engine.url.database)).read_bytes()
    with pytest.raises(UserError):
        restoring.restore(sqlite_db, other)
    assert Path(str(sqlite_db.engine.url.database)).read_bytes() == before
    assert names(sqlite_db) == [], "the open database still works after a refusal"


def test_sixty_days_of_daily_backups_keep_seven_days_four_weeks_and_the_months(
    sqlite_db: Database,
) -> None:
    """make_backup once a day, the clock moved a day each time (1 January to 1 March 2027, a
    Monday): the newest 7 days, the newest copy of each of the last 4 ISO weeks and of each
    month are left — 10 copies, not one."""
    day = datetime(2027, 1, 1, 9, 0)
    while day <= datetime(2027, 3, 1, 9, 0):
        with clock.frozen(day):
            backups.make_backup(sqlite_db)
        day += timedelta(days=1)
    with clock.frozen(day - timedelta(days=1)):
        kept = {c.made.date() for c in backups.copies(_file(sqlite_db))}
    days = {date(2027, 2, d) for d in range(23, 29)} | {date(2027, 3, 1)}
    weeks = {date(2027, 2, 14), date(2027, 2, 21), date(2027, 2, 28), date(2027, 3, 1)}
    months = {date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 1)}
    assert kept == days | weeks | months and len(kept) == 10


def test_copies_made_while_another_connection_writes_all_pass_their_check(
    sqlite_db: Database,
) -> None:
    """The copy's counts are read in the read transaction it is copied from: a clerk saving
    in the window (another connection, another thread) never makes a copy 'unverified'."""
    _grid, _estate, household = setup_place(sqlite_db)
    other = open_database(str(sqlite_db.engine.url))
    other.actor = sqlite_db.actor
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            add_resident(other, f"居民{n}", household=household, relation="1", seq=n)
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        made = [backups.backup_before(sqlite_db, "import") for _ in range(5)]
    finally:
        stop.set()
        writer.join()
        other.close()
    assert all(p is not None and backups.verify(p) for p in made)


def test_a_healthy_database_is_kept_aside_as_before_restore_a_damaged_one_as_damaged(
    sqlite_db: Database,
) -> None:
    copy = backups.make_backup(sqlite_db).path
    aside = restoring.restore(sqlite_db, copy).aside
    assert aside.name.startswith("redoffice-before-restore-")
    path = _file(sqlite_db)
    damage(path)
    before = os.umask(0o022)  # an office PC account's usual umask
    try:
        restored = restoring.restore_file(path, backups.verify(copy), backups.attachments_of(path))
    finally:
        os.umask(before)
    assert restored.aside.name.startswith("redoffice-damaged-")
    assert restored.aside.stat().st_mode & 0o777 == 0o600, "as every copy: the user's only"


def test_the_listing_shows_each_copys_counts_and_a_broken_one_in_words(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    good = backups.make_backup(sqlite_db).path
    stick = tmp_path / "U盘"
    stick.mkdir()
    backups.set_second_folder(sqlite_db, stick)
    broken = stick / good.name.replace("-2", "-before-import-2", 1)
    broken.write_text("不是数据库" * 100, encoding="utf-8")
    listed = {entry.copy.path: entry for entry in backups.listing(sqlite_db)}
    assert set(listed) == {good, broken}
    info = listed[good].info
    assert info is not None and dict(info.counts)["居民"] == 1 and listed[good].problem == ""
    assert listed[broken].info is None and "已损坏" in listed[broken].problem


def test_a_restore_erases_again_a_person_erased_after_the_backup_and_is_audited(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """PIPL: 王小明 erased after the copy was made; `backup restore` puts the copy back — and
    erases him again (the register beside the database, ids only), while 李芳, erased before
    the copy, stays as the copy has her. The restored database's audit says who restored
    which backup."""
    _grid, _estate, household = setup_place(sqlite_db)
    early = add_resident(sqlite_db, "李芳", household=household, relation="0", seq=1)
    erasure.erase_resident(sqlite_db, early, "本人申请")
    wang = add_resident(sqlite_db, "王小明", household=household, relation="1", seq=2)
    copy = backups.make_backup(sqlite_db).path
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    path = _file(sqlite_db)
    register = erasures.erasure_register(path)
    assert register.stat().st_mode & 0o777 == 0o600
    assert "王小明" not in register.read_text(encoding="utf-8") and wang in register.read_text()
    sqlite_db.close()
    assert main(["--db", str(path), "--operator", "张秘书", "backup", "restore", str(copy)]) == 0
    assert f"已从 {copy} 恢复" in capsys.readouterr().out
    db = open_database(f"sqlite:///{path}")
    try:
        assert names(db) == [ERASED_NAME, ERASED_NAME]
        with db.read() as s:
            restore = s.scalars(select(AuditLog).where(AuditLog.action == "restore")).one()
            again = s.scalars(
                select(AuditLog).where(AuditLog.action == "erase", AuditLog.row_id == wang)
            ).all()
        assert restore.actor == "张秘书" and str(copy) in (restore.fields or "")
        assert json.loads(restore.fields or "{}")["erased_again"] == 1
        assert len(again) == 1 and "恢复备份后重新清除" in (again[0].fields or "")
    finally:
        db.close()


def test_copies_and_the_backup_folder_are_the_users_only(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """Every copy holds every full ID number: 0600 files in a 0700 folder (they were 0644 in
    0755), 备份到…'s file too."""
    made = backups.make_backup(sqlite_db).path
    before = backups.backup_before(sqlite_db, "import")
    chosen = backups.backup_to(sqlite_db, tmp_path / "新文件夹" / "社区备份.sqlite").path
    assert before is not None
    for path in (made, before, chosen):
        assert path.stat().st_mode & 0o777 == 0o600, path
    for folder in (made.parent, chosen.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
