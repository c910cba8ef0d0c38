"""Review (session 8): the 红色基金 page's own reads (fund.screens, fund.ledger.verify) at the
street office, with one community chosen in the filter. The page is one of the street's
read-only pages (decision 0024), so it must show the chosen community's books as its own
database shows them; fund.books (the 统计 and the scope test) already does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.cli import main
from redoffice.fund import books, ledger, screens
from redoffice.models import FundEntry
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _entries_of(town: StreetTown, node: str) -> int:
    with town.street.engine.connect() as conn:
        query = select(func.count()).select_from(FundEntry).where(FundEntry.owner_node == node)
        return int(conn.execute(query).scalar() or 0)


def test_street_fund_page_reads_show_the_chosen_community(town: StreetTown) -> None:
    db = town.street
    first = town.communities[0]
    db.community = first.node_id
    held = _entries_of(town, first.node_id)
    assert held > 0  # the community's real year of books reached the street
    community_db = town.open(first)
    # 台账 tab: every entry of the chosen community, as its own database lists them
    assert len(screens.entry_ids(db)) == held == len(screens.entry_ids(community_db))
    # 概览 tab: each account's balance as books.balances (and the community itself) has it
    shown = {a.name: a.balance for a in screens.account_lines(db)}
    assert shown == {a.name: a.balance for a in books.balances(db)}
    assert shown == {a.name: a.balance for a in screens.account_lines(community_db)}
    assert screens.year_figures(db) == screens.year_figures(community_db)
    # 结账 periods and 校验 of the community's chained ledger
    assert screens.closed_periods(db) == screens.closed_periods(community_db) != []
    assert ledger.verify(db).entries == held


def test_the_closed_periods_of_every_community_are_named_once(town: StreetTown) -> None:
    """结账 under 全部社区 (the 台账's 已结账 line): each period once, not once per community
    that closed it (QA 8), earliest first, every community's closes among them."""
    db = town.street
    each = []
    for c in town.communities:
        db.community = c.node_id
        each.append(screens.closed_periods(db))
    db.community = None
    every = screens.closed_periods(db)
    assert len(every) == len(set(every)) and all(set(own) <= set(every) for own in each)
    assert sum(map(len, each)) > len(every)  # several communities closed the same period
    assert set(every) == {name for own in each for name in own}


def test_street_cli_ledger_of_one_account_of_the_chosen_community(
    town: StreetTown, capsys: pytest.CaptureFixture[str]
) -> None:
    first = town.communities[0]
    db = town.street
    db.community = first.node_id
    account = books.balances(db)[0]
    expected = [r.number for r in books.ledger_rows(db, account.account_id)]
    db.community = None
    assert expected  # the account has entries at the community
    street = str(town.folder / "street.sqlite")
    args = ["--db", street, "fund", "ledger", "--community", first.name, "--account", account.name]
    capsys.readouterr()
    assert main([*args, "--json"]) == 0, capsys.readouterr().err
    assert [r["number"] for r in json.loads(capsys.readouterr().out)] == expected
