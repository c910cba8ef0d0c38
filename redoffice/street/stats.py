"""The figures a street office reports upward (shared/docs/domain.md §4), per community and in
total, for a month (``2026-11``), a quarter (``2026Q4``) or a year (``2026``).

Nothing is counted here: each figure is the feature's own statistic (visit coverage, the case
statistics, the wish statistics, meetings and 议定事项, 双报到 service, the fund's period totals)
run once per community under the read scope (:mod:`redoffice.kit.scope`). The total row adds
the communities' rows up, so it always equals their sum; its rates are taken from the sums."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from redoffice.cases.queries import case_stats
from redoffice.fund import books
from redoffice.fund.periods import Period, parse_period
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.scope import community_names, scoped
from redoffice.meetings.queries import period_counts
from redoffice.registry.party_members import service_totals
from redoffice.visits.queries import coverage_between
from redoffice.wishes.queries import statistics

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


def community_figures(db: Database, node: str, name: str, period: Period) -> Figures:
    """``node``'s figures in ``period``, from the features' own statistics."""
    start, end = period.starts_on, period.ends_on
    with scoped(db, node):
        coverage = coverage_between(db, start, end, today=end).total
        cases, _by_category = case_stats(db, "category", start, end)
        meetings = period_counts(db, start, end)
        wishes = statistics(db, start, end)[-1].counts
        service = service_totals(db, start, end)
        fund = books.totals(db, period)
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
        wishes_collected=wishes["collected"],
        wishes_published=wishes["published"],
        wishes_claimed=wishes["claimed"],
        wishes_fulfilled=wishes["fulfilled"],
        members=service.members,
        members_serving=service.serving,
        service_minutes=service.minutes,
        income_by_source=dict(fund.income_by_source),
        spending_by_use=dict(fund.spending_by_use),
    )


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
    rows = [community_figures(db, node, name, span) for node, name in names.items()]
    return StreetStats(span, rows, total_of(rows))
