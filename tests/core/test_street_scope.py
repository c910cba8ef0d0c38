"""Issue 15: a street database's reads scoped to one community (kit/scope.py) or to all, the
lists and statistics the community pages use checked against counts taken straight from the
tables by owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from redoffice.cases.queries import CaseFilter, case_ids, case_stats, count_cases, list_cases
from redoffice.fund import books
from redoffice.fund.queries import application_rows, notice_rows
from redoffice.kit import scope
from redoffice.meetings.queries import meeting_ids
from redoffice.meetings.resolutions import list_resolutions, resolution_ids
from redoffice.models import Resident
from redoffice.registry.party_members import list_members
from redoffice.registry.search import HouseholdQuery, ResidentQuery, household_ids, resident_ids
from redoffice.registry.stats import registry_stats
from redoffice.visits.queries import VisitQuery, coverage_between, visit_ids
from redoffice.wishes.queries import list_wishes, statistics, wish_ids
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _count(town: StreetTown, sql: str, owner: str | None) -> int:
    """Rows of a query over the raw tables, of one owner (``:owner``) or all."""
    where = "owner_node = coalesce(:owner, owner_node)"
    with town.street.engine.connect() as conn:
        return int(conn.execute(text(sql.format(owner=where)), {"owner": owner}).scalar() or 0)


def _figures(town: StreetTown) -> dict[str, int]:
    db = town.street
    total, _rows = case_stats(db, "category")
    year = (date(2026, 1, 1), date(2026, 12, 31))
    wishes_total = statistics(db, *year)[-1]
    return {
        "households": registry_stats(db).households,
        "residents": registry_stats(db).residents,
        "cases": len(case_ids(db)),
        "case_rows": len(list_cases(db)),
        "case_count": count_cases(db, CaseFilter()),
        "case_stats": total.total,
        "wishes": len(wish_ids(db)),
        "wish_rows": len(list_wishes(db)),
        "wish_collected": wishes_total.counts["collected"],
        "meetings": len(meeting_ids(db)),
        "resolutions": len(resolution_ids(db)),
        "resolution_rows": len(list_resolutions(db)),
        "households_covered": coverage_between(db, *year).total.households,
        "fund_entries": len(books.ledger_rows(db)),
        "fund_accounts": len(books.balances(db)),
        "fund_income": books.totals(db, "2026").income,
        "resident_ids": len(resident_ids(db, ResidentQuery())),
        "household_ids": len(household_ids(db, HouseholdQuery())),
        "visits": len(visit_ids(db, VisitQuery())),
        "members": len(list_members(db)),
        "applications": len(application_rows(db)),
        "notices": len(notice_rows(db)),
    }


def _expected(town: StreetTown, owner: str | None) -> dict[str, int]:
    def n(sql: str) -> int:
        return _count(town, sql, owner)

    cases = n("SELECT count(*) FROM case_record WHERE deleted = 0 AND {owner}")
    wishes = n("SELECT count(*) FROM wish WHERE deleted = 0 AND {owner}")
    resolutions = n("SELECT count(*) FROM resolution WHERE deleted = 0 AND {owner}")
    households = n("SELECT count(*) FROM household WHERE deleted = 0 AND {owner}")
    return {
        "households": households,
        "residents": n(
            "SELECT count(*) FROM resident WHERE deleted = 0 AND status = 'active' AND {owner}"
        ),
        "cases": cases,
        "case_rows": cases,
        "case_count": cases,
        "case_stats": cases,
        "wishes": wishes,
        "wish_rows": wishes,
        "wish_collected": n(
            "SELECT count(*) FROM wish_event WHERE deleted = 0 AND kind = 'collected'"
            " AND event_date BETWEEN '2026-01-01' AND '2026-12-31' AND {owner}"
        ),
        "meetings": n("SELECT count(*) FROM meeting WHERE deleted = 0 AND {owner}"),
        "resolutions": resolutions,
        "resolution_rows": resolutions,
        "households_covered": households,
        "fund_entries": n("SELECT count(*) FROM fund_entry WHERE {owner}"),
        "fund_accounts": n("SELECT count(*) FROM fund_account WHERE deleted = 0 AND {owner}"),
        "fund_income": n(
            "SELECT coalesce(sum(e.amount), 0) FROM fund_entry e"
            " LEFT JOIN fund_entry r ON r.id = e.reverses_id"
            " WHERE (e.kind = 'income' OR (e.kind = 'reversal' AND r.kind = 'income'))"
            " AND e.entry_date BETWEEN '2026-01-01' AND '2026-12-31'"
            " AND e.owner_node = coalesce(:owner, e.owner_node)"
        ),
        "resident_ids": n(
            "SELECT count(*) FROM resident WHERE deleted = 0 AND status = 'active' AND {owner}"
        ),
        "household_ids": households,
        "visits": n("SELECT count(*) FROM visit WHERE deleted = 0 AND {owner}"),
        "members": n("SELECT count(*) FROM party_member WHERE deleted = 0 AND {owner}"),
        "applications": n("SELECT count(*) FROM fund_application WHERE deleted = 0 AND {owner}"),
        "notices": n("SELECT count(*) FROM fund_notice WHERE deleted = 0 AND {owner}"),
    }


def test_unscoped_reads_show_every_community(town: StreetTown) -> None:
    assert town.street.community is None
    assert _figures(town) == _expected(town, None)


def test_scoped_reads_show_one_community_each(town: StreetTown) -> None:
    seen = []
    for which in town.communities:
        town.street.community = which.node_id
        got = _figures(town)
        assert got == _expected(town, which.node_id), which.name
        assert got["cases"] and got["wishes"] and got["fund_entries"]  # a real year of work
        seen.append(got["households"])
    town.street.community = None
    assert sum(seen) == _figures(town)["households"]


def test_writes_are_never_scoped(town: StreetTown) -> None:
    first, second = town.communities[:2]
    town.street.community = first.node_id
    with town.street.read() as s:
        assert all(r.owner_node == first.node_id for r in s.query(Resident).limit(50))
    with town.street.uow() as s:
        owners = {r.owner_node for r in s.query(Resident)}
        other = s.scalars(select(Resident.id).where(Resident.owner_node == second.node_id)).first()
    assert {first.node_id, second.node_id} <= owners
    with town.street.read() as s:  # not even by its id
        assert other is not None and s.get(Resident, other) is None


def test_community_names_are_the_enrolled_ones(town: StreetTown) -> None:
    assert scope.community_names(town.street) == {
        c.node_id: c.name for c in sorted(town.communities, key=lambda c: c.name)
    }


def test_a_community_database_is_never_scoped(town: StreetTown) -> None:
    db = town.open(town.communities[0])
    assert db.community is None and not db.is_street
    assert scope.owner(db) == db.node_id
    assert registry_stats(db).households == _count(
        town, "SELECT count(*) FROM household WHERE deleted = 0 AND {owner}", db.node_id
    )
