"""Issue 15: the street's figures per community and in total (redoffice/street/stats.py),
each checked against counts taken here straight from the imported rows of that community."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redoffice.cases.queries import case_stats
from redoffice.fund import books
from redoffice.fund.periods import Period
from redoffice.kit.errors import UserError
from redoffice.kit.scope import scoped
from redoffice.meetings.queries import period_counts
from redoffice.models import (
    Case,
    FundEntry,
    Household,
    Meeting,
    PartyMember,
    Resolution,
    ServiceRecord,
    Visit,
    WishEvent,
)
from redoffice.registry.party_members import service_totals
from redoffice.settings.calendar import local_date
from redoffice.street.stats import TOTAL, Figures, parse_street_period, street_stats
from redoffice.visits.queries import coverage_between
from redoffice.wishes.queries import statistics
from tests.conftest import Templates
from tests.street_support import StreetTown, street_with_communities


@pytest.fixture
def town(tmp_path: Path, templates: Templates) -> Iterator[StreetTown]:
    with street_with_communities(tmp_path, templates) as found:
        yield found


def _rows(town: StreetTown, model: Any, owner: str) -> list[Any]:
    """Every live row of ``model`` that ``owner`` sent, read without any scope."""
    table = model.__table__
    with town.street.engine.connect() as conn:
        return list(
            conn.execute(select(table).where(table.c.owner_node == owner, ~table.c.deleted))
        )


def expected_figures(town: StreetTown, owner: str, start: date, end: date) -> dict[str, Any]:
    def within(day: date | None) -> bool:
        return day is not None and start <= day <= end

    households = {h.id for h in _rows(town, Household, owner)}
    cases = [c for c in _rows(town, Case, owner) if within(local_date(c.accepted_at))]
    closed = [c for c in cases if c.resolved_at is not None]
    called = [c for c in cases if c.called_back_at is not None]
    due = [
        r for r in _rows(town, Resolution, owner) if within(r.deadline) and r.status != "cancelled"
    ]
    events = Counter(e.kind for e in _rows(town, WishEvent, owner) if within(e.event_date))
    services = [r for r in _rows(town, ServiceRecord, owner) if within(r.service_date)]
    return {
        "households": len(households),
        "visited": len(
            {v.household_id for v in _rows(town, Visit, owner) if within(v.visit_date)} & households
        ),
        "cases": len(cases),
        "closed": len(closed),
        "closed_on_time": sum(c.resolved_at <= c.due_at for c in closed),
        "called_back": len(called),
        "satisfied": sum(c.satisfaction in ("satisfied", "basically") for c in called),
        "meetings": sum(
            m.status == "final" and m.cancelled_on is None and within(m.meeting_date)
            for m in _rows(town, Meeting, owner)
        ),
        "resolutions_due": len(due),
        "resolutions_on_time": sum(
            r.status == "done" and r.completed_on <= r.deadline for r in due
        ),
        "wishes_collected": events["collected"],
        "wishes_published": events["published"],
        "wishes_claimed": events["claimed"],
        "wishes_fulfilled": events["fulfilled"],
        "members": sum(m.active and m.reported_on <= end for m in _rows(town, PartyMember, owner)),
        "members_serving": len({r.member_id for r in services}),
        "service_minutes": sum(r.minutes for r in services),
        "income": _income(town, owner, start, end),
    }


def _income(town: StreetTown, owner: str, start: date, end: date) -> int:
    """Income in the period, a reversal counted with the entry it reverses."""
    entries = {e.id: e for e in _rows(town, FundEntry, owner)}
    total = 0
    for e in entries.values():
        target = entries.get(e.reverses_id) if e.kind == "reversal" else e
        if start <= e.entry_date <= end and target is not None and target.kind == "income":
            total += e.amount
    return total


def _got(f: Any) -> dict[str, Any]:
    keys = [
        "households",
        "visited",
        "cases",
        "closed",
        "closed_on_time",
        "called_back",
        "satisfied",
        "meetings",
        "resolutions_due",
        "resolutions_on_time",
        "wishes_collected",
        "wishes_published",
        "wishes_claimed",
        "wishes_fulfilled",
        "members",
        "members_serving",
        "service_minutes",
        "income",
    ]
    return {k: getattr(f, k) for k in keys}


@pytest.mark.parametrize("period", ["2026-11", "2026Q4", "2026"])
def test_each_community_and_the_total_match_the_rows(town: StreetTown, period: str) -> None:
    span = parse_street_period(period)
    stats = street_stats(town.street, period)
    assert [r.name for r in stats.rows] == sorted(c.name for c in town.communities)
    by_node = {r.node: r for r in stats.rows}
    for c in town.communities:
        assert _got(by_node[c.node_id]) == expected_figures(
            town, c.node_id, span.starts_on, span.ends_on
        ), (c.name, period)
    total = stats.total
    assert total.name == TOTAL
    assert total.cases == sum(r.cases for r in stats.rows) > 0
    assert total.households == sum(r.households for r in stats.rows)
    assert total.income == sum(r.income for r in stats.rows)
    assert total.coverage == total.visited / total.households
    assert town.street.community is None  # the scope is given back


def test_the_year_has_work_in_every_area(town: StreetTown) -> None:
    total = street_stats(town.street, "2026").total
    for figure in ("visited", "cases", "closed", "meetings", "wishes_collected", "income"):
        assert getattr(total, figure) > 0, figure
    assert total.spending == sum(total.spending_by_use.values()) > 0


def _one_by_one(town: StreetTown, node: str, name: str, span: Period) -> Figures:
    """``node``'s figures from each feature's single-community statistic under the scope."""
    start, end = span.starts_on, span.ends_on
    with scoped(town.street, node):
        coverage = coverage_between(town.street, start, end, today=end).total
        cases, _by_category = case_stats(town.street, "category", start, end)
        meetings = period_counts(town.street, start, end)
        wishes = statistics(town.street, start, end)[-1].counts
        service = service_totals(town.street, start, end)
        fund = books.totals(town.street, span)
    return Figures(
        node,
        name,
        coverage.households,
        coverage.visited,
        cases.total,
        cases.closed,
        cases.closed_on_time,
        cases.called_back,
        cases.satisfied,
        meetings.held,
        meetings.resolutions_due,
        meetings.done_on_time,
        *(wishes[k] for k in ("collected", "published", "claimed", "fulfilled")),
        service.members,
        service.serving,
        service.minutes,
        fund.income_by_source,
        fund.spending_by_use,
    )


@pytest.mark.parametrize("period", ["2026-11", "2026Q4", "2026"])
def test_grouped_by_owner_equals_each_community_asked_alone(town: StreetTown, period: str) -> None:
    """street_stats reads every community in one grouped statement per area; each row equals
    the features' own statistics run for that community alone (the path before grouping)."""
    span = parse_street_period(period)
    rows = street_stats(town.street, span).rows
    assert rows == [_one_by_one(town, r.node, r.name, span) for r in rows]
    assert len(rows) == len(town.communities)


def test_one_community_alone(town: StreetTown) -> None:
    which = town.communities[1]
    stats = street_stats(town.street, "2026Q4", community=which.node_id)
    assert [r.node for r in stats.rows] == [which.node_id]
    assert _got(stats.total) == _got(stats.rows[0])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        ("2026-2", date(2026, 2, 1), date(2026, 2, 28)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    span = parse_street_period(text)
    assert (span.starts_on, span.ends_on) == (start, end)


@pytest.mark.parametrize("text", ["2026-13", "2026H1", "11月", "", "2026Q5"])
def test_a_period_not_understood_is_named(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_street_period(text)
    assert caught.value.code == "street.period_invalid"
