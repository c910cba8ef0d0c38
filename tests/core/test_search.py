from datetime import date

import pytest

from redoffice.kit.db import Database
from redoffice.registry import reference as registry
from redoffice.registry import search
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.residents import TagInput
from redoffice.registry.search import HouseholdQuery, ResidentQuery
from tests.factories import add_resident, id_number, setup_place


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    grid, estate, household = setup_place(db)
    grid2 = registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))
    other = save_household(db, HouseholdInput(address_text="胜利街8号", grid_id=grid2))
    return {
        "王小明": add_resident(
            db,
            "王小明",
            household=household,
            relation="0",
            phone="13812345678",
            political_status="party_member",
        ),
        "王芳": add_resident(
            db,
            "王芳",
            household=household,
            relation="1",
            gender="female",
            seq=20,
            tags=(TagInput("disabled", since=date(2020, 1, 1)),),
        ),
        "李明": add_resident(
            db, "李明", household=other, relation="0", seq=30, phone="010-65123456"
        ),
        "张三": add_resident(
            db, "张三", seq=40, tags=(TagInput("subsistence", until=date(2020, 1, 1)),)
        ),
        "_grid": grid,
        "_grid2": grid2,
        "_estate": estate,
    }


def names(db: Database, **query: object) -> list[str]:
    rows = search.search_residents(db, ResidentQuery(**query), limit=100)  # type: ignore[arg-type]
    return [r.name for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王", ["王芳", "王小明"]),
        ("小明", ["王小明"]),
        ("明", ["李明", "王小明"]),
        ("wxm", ["王小明"]),
        ("WXM", ["王小明"]),
        ("wangxiaoming", ["王小明"]),
        ("wang", ["王芳", "王小明"]),
        ("5678", ["王小明"]),
        ("3456", ["李明"]),
        ("阳光", ["王芳", "王小明"]),
        ("3栋2单元", ["王芳", "王小明"]),
        ("胜利街", ["李明"]),
        ("", ["李明", "王芳", "王小明", "张三"]),
    ],
)
def test_one_box_finds(
    db: Database, people: dict[str, str], text: str, expected: list[str]
) -> None:
    assert names(db, text=text) == expected


def test_id_number_tail(db: Database, people: dict[str, str]) -> None:
    tail = id_number(date(1980, 5, 17), "male", seq=30)[-6:]
    assert names(db, text=tail) == ["李明"]
    assert names(db, text=tail[-4:]) == ["李明"]


def test_filters(db: Database, people: dict[str, str]) -> None:
    assert names(db, grid_id=people["_grid"]) == ["王芳", "王小明"]
    assert names(db, grid_id=people["_grid2"]) == ["李明"]
    assert names(db, estate_id=people["_estate"]) == ["王芳", "王小明"]
    assert names(db, tag="disabled") == ["王芳"]
    assert names(db, tag="subsistence") == []  # ended in 2020
    assert names(db, party_only=True) == ["王小明"]
    assert names(db, text="王", party_only=True) == ["王小明"]


def test_sorting(db: Database, people: dict[str, str]) -> None:
    assert names(db, sort="name", descending=True) == ["张三", "王小明", "王芳", "李明"]
    assert names(db, text="明", sort="address") == ["李明", "王小明"]
    assert names(db, text="明", sort="address", descending=True) == ["王小明", "李明"]
    assert names(db, text="明", sort="grid", descending=True) == ["李明", "王小明"]


def test_rows_are_masked(db: Database, people: dict[str, str]) -> None:
    (row,) = search.search_residents(db, ResidentQuery(text="wxm"))
    full = id_number(date(1980, 5, 17), "male", seq=12)
    assert row.id_number_masked == full[:6] + "********" + full[-4:]
    assert row.phone_masked == "138****5678"
    assert row.address == "阳光花园3栋2单元301室" and row.grid == "第一网格"
    assert row.party_member


def test_count_and_households(db: Database, people: dict[str, str]) -> None:
    assert search.count_residents(db, ResidentQuery(text="王")) == 2
    ids = search.household_ids(db, HouseholdQuery())
    rows = search.household_rows(db, ids)
    by_address = {r.address: r for r in rows}
    assert by_address["阳光花园3栋2单元301室"].head == "王小明"
    assert by_address["阳光花园3栋2单元301室"].members == 2
    assert by_address["胜利街8号"].estate == ""
    assert search.household_ids(db, HouseholdQuery(text="wxm")) == [
        r.id for r in rows if r.head == "王小明"
    ]


def test_like_wildcards_are_literal(db: Database, people: dict[str, str]) -> None:
    assert names(db, text="%") == []
    assert names(db, text="_") == []


def test_addresses_sort_naturally(db: Database) -> None:
    _, estate, _ = setup_place(db)  # 阳光花园3栋2单元301室
    for building, room in (("10", "101"), ("3", "1201"), ("3", "90")):
        save_household(db, HouseholdInput(estate_id=estate, building=building, unit="2", room=room))
    rows = search.household_rows(db, search.household_ids(db, HouseholdQuery(sort="address")))
    assert [r.address for r in rows] == [
        "阳光花园3栋2单元90室",
        "阳光花园3栋2单元301室",
        "阳光花园3栋2单元1201室",
        "阳光花园10栋2单元101室",
    ]
