"""Review 10 (issue 16, PIPL: an erasure "travels to the street as a purge"; a restore must not
bring an erased person back). Only an erasure made *here* is noted in the register beside the
database (registry/erasure.erase_resident → kit.erasures.note_erasure); a community's erasure
applied at the street by its sync package (sync/purge) is not. The street restores a backup
made before that package: the person's name and ID number are back in the street's copy, and
nothing erases them again — the community has sent that package already."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.kit import backups, restoring
from redoffice.kit.codes import ERASED_NAME
from redoffice.kit.db import open_database
from redoffice.models import Resident
from redoffice.registry import erasure
from redoffice.sync import packages
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def test_a_street_restore_does_not_bring_back_a_person_a_community_erased(
    town: StreetTown,
) -> None:
    community = town.open(town.communities[0])
    with community.read() as s:
        person = s.scalars(select(Resident.id).where(Resident.name != ERASED_NAME).limit(1)).one()
    copy = backups.make_backup(town.street).path  # the street's daily copy
    erasure.erase_resident(community, person, "本人申请删除")
    sent = packages.export_package(community, town.usb)
    assert packages.import_package(town.street, town.usb / sent.file).status == packages.APPLIED
    with town.street.uow() as s:
        assert s.scalar(select(Resident.name).where(Resident.id == person)) == ERASED_NAME
    street_file = Path(str(town.street.engine.url.database)).resolve()
    restoring.restore(town.street, copy)
    street = open_database(f"sqlite:///{street_file}")
    try:
        with street.uow() as s:  # unscoped: every community's rows
            name = s.scalar(select(Resident.name).where(Resident.id == person))
    finally:
        street.close()
    assert name == ERASED_NAME
