"""Finding a person by the whole name as typed: with or without the dots of a minority name,
a name in Latin letters, a rare character outside the basic CJK block."""

import pytest

from redoffice.kit.db import Database
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from tests.factories import add_resident, setup_place


@pytest.fixture
def people(db: Database) -> Database:
    _grid, _estate, household = setup_place(db)
    add_resident(db, "阿依古丽·买买提吐尔逊", household=household, relation="0", seq=10)
    add_resident(db, "Zhang San", household=household, relation="1", seq=20)
    add_resident(db, "𠮷野家", household=household, relation="2", seq=30)
    add_resident(db, "王𪚥", household=household, relation="2", seq=40)
    add_resident(db, "王小明", household=household, relation="2", seq=50)
    return db


def found(db: Database, text: str) -> list[str]:
    rows = search.search_residents(db, ResidentQuery(text=text), limit=100)
    return sorted(r.name for r in rows)


CASES = [
    ("阿依古丽·买买提吐尔逊", ["阿依古丽·买买提吐尔逊"]),
    ("阿依古丽买买提吐尔逊", ["阿依古丽·买买提吐尔逊"]),
    ("阿依古丽•买买提", ["阿依古丽·买买提吐尔逊"]),  # a bullet typed for the middle dot
    ("阿依古丽", ["阿依古丽·买买提吐尔逊"]),
    ("买买提吐尔逊", ["阿依古丽·买买提吐尔逊"]),
    ("Zhang San", ["Zhang San"]),
    ("zhang san", ["Zhang San"]),
    ("ZHANGSAN", ["Zhang San"]),
    ("San", ["Zhang San"]),
    ("𠮷", ["𠮷野家"]),
    ("𠮷野家", ["𠮷野家"]),
    ("𪚥", ["王𪚥"]),
    ("王", ["王小明", "王𪚥"]),
    ("wxm", ["王小明"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_whole_names_latin_names_and_rare_characters(
    people: Database, text: str, expected: list[str]
) -> None:
    assert found(people, text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_same_without_the_sqlite_full_text_index(
    sqlite_db: Database, text: str, expected: list[str]
) -> None:
    """SQLite built without FTS5 (and PostgreSQL) compare the names themselves."""
    _grid, _estate, household = setup_place(sqlite_db)
    for seq, name in enumerate(["阿依古丽·买买提吐尔逊", "Zhang San", "𠮷野家", "王𪚥", "王小明"]):
        add_resident(sqlite_db, name, household=household, seq=10 + seq)
    sqlite_db.has_fts = False
    assert found(sqlite_db, text) == expected


def test_a_household_is_found_by_a_members_whole_name(people: Database) -> None:
    rows = search.household_ids(people, search.HouseholdQuery(text="阿依古丽买买提吐尔逊"))
    assert len(rows) == 1
