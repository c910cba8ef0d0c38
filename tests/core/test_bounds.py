"""Bounded bad input (issue 16): what a careless or hostile user types, pastes or imports is
answered at once, cleaned or refused with a clear message, never an internal error."""

from __future__ import annotations

import time

from redoffice.cases import queries, service
from redoffice.cases.queries import CaseFilter
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.records import SEARCH_MAX
from redoffice.registry import search
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from tests.factories import add_resident, setup_place


def test_a_pasted_100000_digit_search_answers_at_once(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    add_resident(db, "王小明", household=household, relation="0", phone="13812345678")
    service.create_case(db, CaseInput(category="其他", description="1" * 150))
    pasted = "1" * 100_000
    started = time.process_time()
    residents = search.search_residents(db, ResidentQuery(text=pasted))
    households = search.household_ids(db, HouseholdQuery(text=pasted), 50)
    found_cases = queries.list_cases(db, CaseFilter(text=pasted))
    spent = time.process_time() - started
    assert spent < 0.5, spent  # 80 s before the bound
    # only the first SEARCH_MAX characters are read: the same answers as that prefix
    prefix = pasted[:SEARCH_MAX]
    assert residents == search.search_residents(db, ResidentQuery(text=prefix)) == []
    assert households == search.household_ids(db, HouseholdQuery(text=prefix), 50) == []
    assert [c.number for c in found_cases] == [
        c.number for c in queries.list_cases(db, CaseFilter(text=prefix))
    ]
    assert len(found_cases) == 1  # its description holds the first 100 digits
