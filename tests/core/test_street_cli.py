"""Issue 15 from the command line: ``street communities|stats|duplicates`` and
``--community NODE`` on the community-side lists and statistics of a street database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from redoffice.cli import main
from redoffice.kit.validation import mask_id_number
from redoffice.street.stats import street_stats
from tests.conftest import Templates
from tests.street_support import PLANTED_AID, PLANTED_WISH, StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _db(town: StreetTown) -> list[str]:
    return ["--db", str(town.folder / "street.sqlite")]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert main(list(args)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def run_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 1
    return capsys.readouterr().err


def _count(town: StreetTown, sql: str, owner: str) -> int:
    with town.street.engine.connect() as conn:
        return int(conn.execute(text(sql), {"owner": owner}).scalar() or 0)


def test_communities_lists_each_with_its_sync_state(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = run_json(capsys, *_db(town), "street", "communities", "--json")
    assert {r["node_id"]: r["name"] for r in rows} == {c.node_id: c.name for c in town.communities}
    for r in rows:
        assert r["applied_seq"] > 0 and r["last_package_status"] == "applied"
        assert r["key_state"] == "有效" and r["held"] == 0 and r["conflicts"] == 0
    assert main([*_db(town), "street", "communities"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all("密钥 有效" in line for line in lines)


def test_stats_per_community_and_total(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    got = run_json(capsys, *_db(town), "street", "stats", "--period", "2026Q4", "--json")
    want = street_stats(town.street, "2026Q4")
    assert got["period"] == "2026Q4"
    assert [r["cases"] for r in got["communities"]] == [r.cases for r in want.rows]
    assert got["total"]["cases"] == want.total.cases
    assert got["total"]["coverage"] == want.total.coverage
    one = town.communities[2]
    alone = run_json(
        capsys, *_db(town), "street", "stats", "--period", "2026", "--community", one.name, "--json"
    )
    assert [r["node"] for r in alone["communities"]] == [one.node_id]
    err = run_error(capsys, *_db(town), "street", "stats", "--period", "2026年")
    assert "不是统计期间" in err and "2026Q4" in err


def test_duplicates_names_both_sides_masked(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    found = run_json(capsys, *_db(town), "street", "duplicates", "--json")
    aid = mask_id_number(town.planted[PLANTED_AID])
    wish = mask_id_number(town.planted[PLANTED_WISH])
    kinds = {(f["kind"], f["id_number"]) for f in found}
    assert {("resident", aid), ("fund_aid", aid), ("wish", wish)} <= kinds
    assert all(len(f["sides"]) >= 2 for f in found)
    out = json.dumps(found, ensure_ascii=False)
    assert town.planted[PLANTED_AID] not in out and town.planted[PLANTED_WISH] not in out


@pytest.mark.parametrize("how", ["node_id", "code", "name"])
def test_community_option_scopes_the_lists(
    town: StreetTown, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    which = town.communities[1]
    node = which.node_id
    named = {"node_id": node, "code": "420106001002", "name": which.name}[how]
    scope = ["--community", named, "--json"]
    residents = run_json(capsys, *_db(town), "residents", "list", *scope)
    assert len(residents) == _count(
        town,
        "SELECT count(*) FROM resident WHERE owner_node = :owner AND deleted = 0"
        " AND status = 'active'",
        node,
    )
    cases = run_json(capsys, *_db(town), "cases", "list", *scope)
    assert len(cases) == _count(
        town, "SELECT count(*) FROM case_record WHERE owner_node = :owner AND deleted = 0", node
    )
    stats = run_json(capsys, *_db(town), "stats", *scope)
    assert stats["households"] == _count(
        town, "SELECT count(*) FROM household WHERE owner_node = :owner AND deleted = 0", node
    )
    ledger = run_json(capsys, *_db(town), "fund", "ledger", *scope)
    assert len(ledger) == _count(
        town, "SELECT count(*) FROM fund_entry WHERE owner_node = :owner", node
    )


def test_without_community_the_street_sees_all(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = run_json(capsys, *_db(town), "cases", "list", "--json")
    with town.street.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM case_record WHERE deleted = 0")).scalar()
    assert len(cases) == total


def test_community_option_refused_in_a_community_database(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    db = town.open(town.communities[0])
    path = str(db.engine.url.database)
    err = run_error(capsys, "--db", path, "cases", "list", "--community", "幸福社区")
    assert "只能在街道办的数据库中使用" in err
    err = run_error(capsys, "--db", path, "street", "communities")
    assert "只有街道办的数据库" in err


def test_an_unknown_community_is_named(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    err = run_error(capsys, *_db(town), "wishes", "list", "--community", "光明社区")
    assert "没有登记名为“光明社区”的社区" in err
