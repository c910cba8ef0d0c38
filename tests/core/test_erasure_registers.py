"""The erasure register travels with the backups (issue 16, PIPL, decision 0030; session 11).

- The register (``{database}.erasures``, ids only) was only beside the database: a backup
  restored on another PC — the old one stolen or dead, the copy on the USB stick of the second
  folder — could not replay the erasures made after it. A copy of the register is now kept in
  each backup folder (the second folder too) and beside a 备份到… file; a restore reads those
  and merges them into its own, never losing an entry.
- A street that restores a copy made before a community's erasure arrived erased the person
  again, but its ``sync_purge`` lacked the record: a later package carrying the person's data
  again (the community's careless edit) was applied. The replay now records the purge again.
Real SQLite files; the second folder is a plain folder standing for the USB stick."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.cli import main as cli
from redoffice.kit import backups, erasures, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import Database, open_database
from redoffice.models import AuditLog, Resident, SyncPurge
from redoffice.registry import erasure
from redoffice.sync import packages
from tests.conftest import Templates
from tests.core.test_encryption import names_in_plain
from tests.factories import add_resident, setup_place
from tests.street_support import StreetTown, street_with_communities


def _path(db: Database) -> Path:
    return Path(str(db.engine.url.database)).resolve()


def test_a_backup_restored_on_another_pc_does_not_bring_an_erased_person_back(
    sqlite_db: Database, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    usb = tmp_path_factory.mktemp("usb")
    backups.set_second_folder(sqlite_db, usb)
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    li = add_resident(sqlite_db, "李芳", household=household, relation="1", seq=2)
    made = backups.make_backup(sqlite_db)  # the daily copy, mirrored to the USB stick
    assert made.second is not None
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")  # noted with the backups too
    plugged_out = usb.with_name(usb.name + "-unplugged")
    usb.rename(plugged_out)  # the stick is away when 李芳 is erased
    erasure.erase_resident(sqlite_db, li, "本人申请删除")
    plugged_out.rename(usb)
    backups.make_backup(sqlite_db, manual=True)  # the next copy there brings the register
    # the office PC is stolen: a new PC, a new database, the USB stick's copy restored on it
    new_pc = tmp_path_factory.mktemp("new-pc") / "redoffice.sqlite"
    shutil.copyfile(sqlite_template, new_pc)
    assert cli(["--db", str(new_pc), "backup", "restore", str(made.second)]) == 0
    restored = names_in_plain(new_pc)
    assert "王小明" not in restored and "李芳" not in restored, restored
    assert restored.count(ERASED_NAME) == 2
    on_new_pc = {i for _at, i in erasures.noted_erasures(new_pc, "resident")}
    assert {wang, li} <= on_new_pc, "the new PC's register lost an entry"


def test_a_backup_to_a_chosen_file_carries_the_register(
    sqlite_db: Database, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The new PC restores the 备份到… file (its register beside it), later an older copy
    carried over without any register: the erasure is still replayed from the merged one."""
    _grid, _estate, household = setup_place(sqlite_db)
    wang = add_resident(sqlite_db, "王小明", household=household, relation="0", seq=1)
    stick = tmp_path_factory.mktemp("stick")
    older = stick / "旧备份.sqlite"
    shutil.copyfile(backups.make_backup(sqlite_db).path, older)  # copied by hand, no register
    erasure.erase_resident(sqlite_db, wang, "本人申请删除")
    backups.backup_to(sqlite_db, stick / "社区备份.sqlite")  # 备份到…, after the erasure
    new_pc = tmp_path_factory.mktemp("new-pc") / "redoffice.sqlite"
    shutil.copyfile(sqlite_template, new_pc)
    assert cli(["--db", str(new_pc), "backup", "restore", str(stick / "社区备份.sqlite")]) == 0
    assert cli(["--db", str(new_pc), "backup", "restore", str(older)]) == 0
    assert "王小明" not in names_in_plain(new_pc)


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _street_row(street_file: Path, person: str) -> tuple[str | None, bool, int]:
    """The person's name at the street, whether their purge is recorded, and how many times the
    restore's replay recorded it again (audited)."""
    street = open_database(f"sqlite:///{street_file}")
    try:
        with street.uow() as s:  # unscoped: every community's rows
            name = s.scalar(select(Resident.name).where(Resident.id == person))
            again = select(func.count()).where(
                AuditLog.action == "purge_again", AuditLog.row_id == person
            )
            purged = s.get(SyncPurge, ("resident", person)) is not None
            return name, purged, int(s.scalar(again) or 0)
    finally:
        street.close()


def test_a_restored_street_refuses_an_erased_persons_data_sent_again(town: StreetTown) -> None:
    community = town.open(town.communities[0])
    with community.read() as s:
        person = s.scalars(select(Resident.id).where(Resident.name != ERASED_NAME).limit(1)).one()
    copy = backups.make_backup(town.street).path  # the street's copy, before the erasure
    erasure.erase_resident(community, person, "本人申请删除")
    sent = packages.export_package(community, town.usb)
    assert packages.import_package(town.street, town.usb / sent.file).status == packages.APPLIED
    street_file = _path(town.street)
    restoring.restore(town.street, copy)
    assert _street_row(street_file, person) == (ERASED_NAME, True, 1)
    with community.uow() as s:  # the community brings the person back: a careless edit
        row = s.get(Resident, person)
        assert row is not None
        row.name, row.phone = "赵回来", "13912345678"
    again = packages.export_package(community, town.usb)
    street = open_database(f"sqlite:///{street_file}")
    try:
        got = packages.import_package(street, town.usb / again.file)
    finally:
        street.close()
    assert got.status == packages.APPLIED, got.reason
    assert [(c["row_id"], c.get("purged")) for c in got.conflicts] == [(person, True)]
    assert _street_row(street_file, person) == (ERASED_NAME, True, 1)
