"""The figures a street office reports upward (shared/docs/domain.md §4), per community and in
total, for a month (``2026-11``), a quarter (``2026Q4``) or a year (``2026``).

Nothing is counted here: each figure is the feature's own statistic (visit coverage, the case
statistics, the wish statistics, meetings and 议定事项, 双报到 service, the fund's period totals)
in its ``…_by_owner`` form: the same definition grouped by ``owner_node``, so every community's
figures come from one statement per area (two for meetings and 双报到), under the read scope
(:mod:`redoffice.kit.scope`) when one community is asked for. The total row adds
the communities' rows up, so it always equals their sum; its rates are taken from the sums."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from redoffice.cases.queries import CaseStatsRow, case_stats_by_owner
from redoffice.fund import books
from redoffice.fund.books import PeriodTotals
from redoffice.fund.codes import SOURCES, USES
from redoffice.fund.periods import Period, parse_period
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.scope import community_names, scoped
from redoffice.meetings.queries import PeriodCounts, period_counts_by_owner
from redoffice.registry.party_members import ServiceTotals, service_totals_by_owner
from redoffice.visits.queries import CoverageRow, coverage_by_owner
from redoffice.wishes.queries import statistics_by_owner

TOTAL = "合计"
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_street_period(text: str) -> Period:
    """``2026-11`` (a month), ``2026Q4`` (a quarter) or ``2026`` (a year); UserError
    street.period_invalid otherwise."""
    raw = (text or "").strip()
    month = _MONTH.match(raw)
    if month and 1 <= int(month[2]) <= 12:
        year, number = int(month[1]), int(month[2])
        after = date(year + (number == 12), number % 12 + 1, 1)
        return Period(f"{year}-{number:02d}", date(year, number, 1), after - timedelta(days=1))
    if "H" in raw.upper() or month:
        raise UserError("street.period_invalid", period=raw)
    try:
        return parse_period(raw)
    except UserError:
        raise UserError("street.period_invalid", period=raw) from None


@dataclass(frozen=True)
class Figures:
    """One community's figures for a period (or the total: ``node`` empty)."""

    node: str
    name: str
    households: int = 0
    visited: int = 0  # households visited at least once
    cases: int = 0  # 受理
    closed: int = 0  # 办结
    closed_on_time: int = 0
    called_back: int = 0
    satisfied: int = 0
    meetings: int = 0
    resolutions_due: int = 0
    resolutions_on_time: int = 0
    wishes_collected: int = 0
    wishes_published: int = 0
    wishes_claimed: int = 0
    wishes_fulfilled: int = 0
    members: int = 0  # 双报到 registered
    members_serving: int = 0
    service_minutes: int = 0
    income_by_source: dict[str, int] = field(default_factory=dict)  # fen
    spending_by_use: dict[str, int] = field(default_factory=dict)  # fen, positive

    @property
    def coverage(self) -> float | None:
        return _rate(self.visited, self.households)

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed, self.cases)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.closed_on_time, self.closed)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied, self.called_back)

    @property
    def resolution_rate(self) -> float | None:
        return _rate(self.resolutions_on_time, self.resolutions_due)

    @property
    def claim_rate(self) -> float | None:
        return _rate(self.wishes_claimed, self.wishes_published)

    @property
    def fulfil_rate(self) -> float | None:
        return _rate(self.wishes_fulfilled, self.wishes_claimed)

    @property
    def income(self) -> int:
        return sum(self.income_by_source.values())

    @property
    def spending(self) -> int:
        return sum(self.spending_by_use.values())


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class StreetStats:
    period: Period
    rows: list[Figures]  # one per community, by name
    total: Figures


@dataclass(frozen=True)
class _Areas:
    """Each area's statistic for every community the read shows, by node id (one statement
    or two per area: the features' ``…_by_owner`` statistics)."""

    coverage: dict[str, CoverageRow]
    cases: dict[str, CaseStatsRow]
    meetings: dict[str, PeriodCounts]
    wishes: dict[str, dict[str, int]]
    service: dict[str, ServiceTotals]
    fund: dict[str, PeriodTotals]

    @classmethod
    def read(cls, db: Database, period: Period) -> _Areas:
        start, end = period.starts_on, period.ends_on
        return cls(
            coverage_by_owner(db, start, end),
            case_stats_by_owner(db, start, end),
            period_counts_by_owner(db, start, end),
            statistics_by_owner(db, start, end),
            service_totals_by_owner(db, start, end),
            books.totals_by_owner(db, period),
        )

    def figures(self, node: str, name: str) -> Figures:
        """``node``'s figures (zero in an area where it has no rows)."""
        coverage = self.coverage.get(node, CoverageRow(node, "", 0, 0))
        cases = self.cases.get(node, CaseStatsRow(node))
        meetings = self.meetings.get(node, PeriodCounts(0, 0, 0))
        wishes = self.wishes.get(node, {})
        service = self.service.get(node, ServiceTotals(0, 0, 0))
        fund = self.fund.get(node)
        return Figures(
            node,
            name,
            households=coverage.households,
            visited=coverage.visited,
            cases=cases.total,
            closed=cases.closed,
            closed_on_time=cases.closed_on_time,
            called_back=cases.called_back,
            satisfied=cases.satisfied,
            meetings=meetings.held,
            resolutions_due=meetings.resolutions_due,
            resolutions_on_time=meetings.done_on_time,
            wishes_collected=wishes.get("collected", 0),
            wishes_published=wishes.get("published", 0),
            wishes_claimed=wishes.get("claimed", 0),
            wishes_fulfilled=wishes.get("fulfilled", 0),
            members=service.members,
            members_serving=service.serving,
            service_minutes=service.minutes,
            income_by_source=dict(fund.income_by_source) if fund else _zero(SOURCES),
            spending_by_use=dict(fund.spending_by_use) if fund else _zero(USES),
        )


def _zero(keys: Iterable[str]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


def total_of(rows: list[Figures]) -> Figures:
    """The sum of ``rows``, field by field (the money per source and use too)."""
    sums: dict[str, object] = {}
    for f in fields(Figures):
        if f.name in ("node", "name"):
            continue
        values = [getattr(r, f.name) for r in rows]
        if f.name in ("income_by_source", "spending_by_use"):
            merged: dict[str, int] = {}
            for money in values:
                for key, fen in money.items():
                    merged[key] = merged.get(key, 0) + fen
            sums[f.name] = merged
        else:
            sums[f.name] = sum(values)
    return Figures("", TOTAL, **sums)  # type: ignore[arg-type]


def street_stats(db: Database, period: str | Period, community: str | None = None) -> StreetStats:
    """Every enrolled community's figures (or only ``community``'s) and their total."""
    span = parse_street_period(period) if isinstance(period, str) else period
    names = community_names(db)
    if community is not None:
        if community not in names:
            raise UserError("street.unknown_community", name=community)
        names = {community: names[community]}
    with scoped(db, community):
        areas = _Areas.read(db, span)
    rows = [areas.figures(node, name) for node, name in names.items()]
    return StreetStats(span, rows, total_of(rows))
