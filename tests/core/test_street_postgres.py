"""Issue 15 on PostgreSQL: the read scope and the cross-community checks on a street database
that clerks share, two communities' packages imported for real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redoffice.kit import scope
from redoffice.kit.db import Database, open_database
from redoffice.kit.validation import mask_id_number
from redoffice.models import Resident
from redoffice.registry.stats import registry_stats
from redoffice.settings import community
from redoffice.settings.community import Identity
from redoffice.street.duplicates import RESIDENT, find_duplicates
from redoffice.street.stats import street_stats
from redoffice.sync import packages
from tests.conftest import OPERATOR, Templates
from tests.core.sync_support import community_db, enrol_both, memory_keyring, pg_street
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.postgresql
SECOND = Identity("和平社区", "420106001002", "中南路街道", "420106001")


@pytest.fixture
def street(tmp_path: Path, templates: Templates, pg_server: str) -> Iterator[Database]:
    """Two communities (3 and 5 residents, one ID number in both) imported into a street on
    PostgreSQL."""
    with memory_keyring(), pg_street(pg_server) as street:
        first = community_db(tmp_path / "c1.sqlite", templates)
        second = open_database(f"sqlite:///{tmp_path / 'c2.sqlite'}", create=True)
        community.initialize(second, SECOND, OPERATOR)
        second.actor = OPERATOR
        try:
            for n, (c, people) in enumerate(((first, 3), (second, 5))):
                (tmp_path / f"enrol{n}").mkdir()
                enrol_both(c, street, tmp_path / f"enrol{n}")
                _g, _e, household = setup_place(c)
                for k in range(people):  # only seq 1 in both: one ID number shared
                    seq = 1 if k == 0 else 10 * n + k + 1
                    add_resident(c, f"居民{n}{k}", household=household, seq=seq)
                (tmp_path / f"usb{n}").mkdir()
                sent = packages.export_package(c, tmp_path / f"usb{n}")
                got = packages.import_package(street, tmp_path / f"usb{n}" / sent.file)
                assert got.status == packages.APPLIED, got.reason
            yield street
        finally:
            first.close()
            second.close()


def test_reads_scoped_by_community_on_postgresql(street: Database) -> None:
    names = scope.community_names(street)
    assert sorted(names.values()) == ["和平社区", "幸福社区"]
    by_name = {name: node for node, name in names.items()}
    assert registry_stats(street).residents == 8
    street.community = by_name["幸福社区"]
    assert registry_stats(street).residents == 3
    street.community = by_name["和平社区"]
    assert registry_stats(street).residents == 5
    with street.read() as s:
        assert {r.owner_node for r in s.query(Resident)} == {by_name["和平社区"]}
    street.community = None
    assert [r.name for r in street_stats(street, "2027").rows] == ["和平社区", "幸福社区"]


def test_the_shared_id_number_is_found_on_postgresql(street: Database) -> None:
    found = [f for f in find_duplicates(street) if f.kind == RESIDENT]
    with street.read() as s:
        shared = s.query(Resident.id_number).filter(Resident.name == "居民00").scalar()
    assert [f.id_number for f in found] == [mask_id_number(shared)]
    assert sorted(side.community for side in found[0].sides) == ["和平社区", "幸福社区"]
