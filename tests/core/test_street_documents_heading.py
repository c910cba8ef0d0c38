"""Review (session 8): the community documents the street keeps printable on its read-only
pages (e64f5f2: every print and export stays at the street) are headed with
``community.identity(db).community_name`` — on a street database that is the street's own
name. With 和平社区 chosen in the filter, its 民情诉求台账 and 基金台账 (28 and 23 of its rows)
print as 中南路街道's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from redoffice.cases import documents as case_documents
from redoffice.fund import documents as fund_documents
from redoffice.settings import community
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def test_a_chosen_communitys_ledgers_carry_its_name(town: StreetTown) -> None:
    db = town.street
    chosen = town.communities[1]
    db.community = chosen.node_id
    cases = case_documents.case_ledger_data(db, date(2026, 1, 1), date(2026, 12, 31))
    fund = fund_documents.ledger(db, "2026")
    assert cases.rows and fund.lines  # the chosen community's rows are the documents' body
    assert (cases.community, fund.community) == (chosen.name, chosen.name)


def test_every_communitys_ledger_is_headed_with_the_street_and_all_communities(
    town: StreetTown,
) -> None:
    db = town.street
    street = community.identity(db).community_name
    cases = case_documents.case_ledger_data(db, date(2026, 1, 1), date(2026, 12, 31))
    assert cases.rows and cases.community == f"{street}（全部社区）"
    assert community.heading_name(town.open(town.communities[0])) == town.communities[0].name
