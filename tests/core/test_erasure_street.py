"""An erasure at a community reaches the street (issue 16): the erased person's fund ledger entry
arrives with 对方 （已清除）, amount and date kept, and the street's 校验台账 of that community
still passes — the street holds no copy of the community's audit log, so an erased entry is
checked there by its link and balance (decision 0031)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from redoffice.fund import ledger
from redoffice.kit.codes import ERASED_NAME
from redoffice.models import Base, FundApplication, FundEntry
from redoffice.registry import erasure
from redoffice.sync import packages
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def test_the_street_verifies_a_community_ledger_after_an_erasure(town: StreetTown) -> None:
    first = town.communities[0]
    community = town.open(first)
    with community.read() as s:
        paid = s.execute(
            select(FundApplication.resident_id, FundEntry.id, FundEntry.amount)
            .join(FundEntry, FundEntry.application_id == FundApplication.id)
            .where(FundApplication.status == "paid", FundApplication.resident_id.is_not(None))
            .limit(1)
        ).one()
    person, entry_id, amount = paid
    erasure.erase_resident(community, person, "本人申请删除")
    sent = packages.export_package(community, town.usb)
    got = packages.import_package(town.street, town.usb / sent.file)
    assert got.status == packages.APPLIED, got.reason
    with town.street.read() as s:
        arrived = s.get(FundEntry, entry_id)
        assert arrived is not None
        assert (arrived.counterparty, arrived.amount) == (ERASED_NAME, amount)
    town.street.community = first.node_id
    checked = ledger.verify(town.street)
    assert checked.ok, checked.message
    with town.street.uow() as s:  # the erased entry's amount changed in the street's copy
        table = Base.metadata.tables["fund_entry"]
        s.connection().execute(
            update(table).where(table.c.id == entry_id).values(amount=amount - 1)
        )
    assert not ledger.verify(town.street).ok  # found by its balance
