"""加密此数据库 and the plain copies it cannot reach (issue 16, decision 0028; session 11).

The copies in the backup folders are encrypted in place with the database; a 备份到… copy made
before (on a USB stick, a shared folder) and the copies in a second folder that is not plugged
in stay plain. The conversion now names them — the 备份到… destinations the audit recorded, the
absent second folder — in the CLI's output and the dialog's text (the same words); running it
again with the stick plugged in encrypts that folder's copies. Real files; the keyring is the
test's file backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from redoffice.cli import main as cli
from redoffice.kit import backup_paths, backups, cipher
from redoffice.kit.db import Database
from tests.factories import add_resident, setup_place

NAME = "王小明"


def _plain(folder: Path) -> list[Path]:
    """The SQLite files in ``folder`` that are not encrypted or still show the name."""
    return [
        p
        for p in folder.rglob("*.sqlite")
        if not cipher.is_encrypted(p) or NAME.encode() in p.read_bytes()
    ]


def test_the_conversion_names_the_plain_copies_it_could_not_encrypt(
    file_ring: Path,
    sqlite_db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, NAME, household=household, relation="0")
    usb, shared = tmp_path_factory.mktemp("usb"), tmp_path_factory.mktemp("shared")
    backups.set_second_folder(sqlite_db, usb)
    backups.make_backup(sqlite_db)  # backups/ and the second folder
    backups.make_backup(sqlite_db, manual=True)
    backups.backup_before(sqlite_db, "import")
    on_stick = backups.backup_to(sqlite_db, shared / "社区备份.sqlite").path
    gone = backups.backup_to(sqlite_db, shared / "删掉的.sqlite").path
    gone.unlink()  # removed since: not named
    sqlite_db.close()
    away = usb.with_name(usb.name + "-away")
    usb.rename(away)  # the USB stick is not plugged in
    sheet = tmp_path_factory.mktemp("safe") / "恢复密钥单.pdf"
    capsys.readouterr()
    assert cli(["--db", str(path), "db", "encrypt", "--recovery-sheet", str(sheet)]) == 0
    said = capsys.readouterr().out
    assert cipher.is_encrypted(path)
    assert _plain(backup_paths.backup_folder_of(path)) == []  # every copy there sealed
    assert str(on_stick) in said and "仍未加密" in said and "删除" in said
    assert str(gone) not in said
    assert str(usb) in said and "再运行一次" in said
    assert _plain(away) != []  # indeed still plain, as said
    away.rename(usb)  # plugged in: 加密此数据库 again finishes the second folder
    assert cli(["--db", str(path), "db", "encrypt", "--recovery-sheet", str(sheet)]) == 1
    assert _plain(usb) == []
