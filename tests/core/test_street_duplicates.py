"""Issue 15: the cross-community checks (redoffice/street/duplicates.py) find the planted
duplicates, name both sides, find exactly what a plain scan of the rows finds, and change
nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redoffice.kit.validation import mask_id_number
from redoffice.models import FundApplication, Resident, Wish, WishRound
from redoffice.street import duplicates
from redoffice.street.duplicates import FUND_AID, RESIDENT, WISH, find_duplicates
from tests.conftest import Templates
from tests.street_support import PLANTED_AID, PLANTED_WISH, StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _all(town: StreetTown, model: Any) -> list[Any]:
    table = model.__table__
    with town.street.engine.connect() as conn:
        return list(conn.execute(select(table).where(~table.c.deleted)))


def _scan(pairs: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """(ID number, period) held by more than one owner, from (number, period, owner)."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for number, period, owner in pairs:
        if number:
            owners[(number, period)].add(owner)
    return {key for key, held in owners.items() if len(held) > 1}


def _expected(town: StreetTown) -> dict[str, set[tuple[str, str]]]:
    people = {r.id: r for r in _all(town, Resident)}
    live = [r for r in people.values() if r.status == "active"]
    rounds = {r.id: r for r in _all(town, WishRound)}
    aid = [
        a
        for a in _all(town, FundApplication)
        if a.status in ("approved", "on_notice", "paid") and a.resident_id in people
    ]
    wishes = [w for w in _all(town, Wish) if w.round_id in rounds and w.status != "rejected"]
    return {
        RESIDENT: _scan([(r.id_number, "", r.owner_node) for r in live]),
        FUND_AID: _scan(
            [
                (
                    people[a.resident_id].id_number,
                    f"{a.applied_on.year}H{1 if a.applied_on.month <= 6 else 2}",
                    a.owner_node,
                )
                for a in aid
            ]
        ),
        WISH: _scan(
            [
                (
                    people[w.beneficiary_id].id_number,
                    str(rounds[w.round_id].opened_on.year),
                    w.owner_node,
                )
                for w in wishes
            ]
        ),
    }


def test_the_findings_are_those_of_a_plain_scan(town: StreetTown) -> None:
    found = find_duplicates(town.street)
    expected = _expected(town)
    for kind, keys in expected.items():
        got = {(f.id_number, f.period) for f in found if f.kind == kind}
        assert got == {(mask_id_number(n), p) for n, p in keys}, kind
    assert expected[FUND_AID] and expected[WISH]  # the planted ones at least


def test_the_planted_duplicates_are_named_on_both_sides(town: StreetTown) -> None:
    found = find_duplicates(town.street)
    first, second, third = town.communities
    aid = town.planted[PLANTED_AID]
    wish = town.planted[PLANTED_WISH]
    as_resident = [f for f in found if f.kind == RESIDENT and f.id_number == mask_id_number(aid)]
    assert [s.community for s in as_resident[0].sides] == sorted([first.name, second.name])
    aid_finding = next(
        f for f in found if f.kind == FUND_AID and f.id_number == mask_id_number(aid)
    )
    assert {s.node for s in aid_finding.sides} == {first.node_id, second.node_id}
    assert all(s.record.startswith("救助申请 ") for s in aid_finding.sides)
    assert all("*" in s.name or len(s.name) <= 1 for s in aid_finding.sides)  # masked
    wish_finding = next(f for f in found if f.kind == WISH and f.id_number == mask_id_number(wish))
    assert {s.node for s in wish_finding.sides} == {first.node_id, third.node_id}
    assert all(aid not in f.id_number and wish not in f.id_number for f in found)


def test_nothing_is_changed_and_the_scope_is_ignored(town: StreetTown) -> None:
    before = [(r.id, r.version) for r in _all(town, Resident)]
    town.street.community = town.communities[0].node_id
    scoped = find_duplicates(town.street)
    assert town.street.community == town.communities[0].node_id
    town.street.community = None
    assert scoped == find_duplicates(town.street)
    assert [(r.id, r.version) for r in _all(town, Resident)] == before


def test_the_numbers_checked_in_several_statements_find_the_same(
    town: StreetTown, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repeated ID numbers go CHUNK to a statement (5,000 at a street): with one number a
    statement, a finding's sides (all of one number) are still found together, as in one."""
    whole = find_duplicates(town.street)
    monkeypatch.setattr(duplicates, "CHUNK", 1)
    assert find_duplicates(town.street) == whole
    assert {f.kind for f in whole} == {RESIDENT, FUND_AID, WISH}
