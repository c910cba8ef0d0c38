"""What the street's monthly, quarterly and annual report holds (the rendering is
:mod:`redoffice.reports.street`'s): a summary table and one table per area, a row per
community and the total, and the columns charted. De-identified by construction: only the
communities' figures from :mod:`redoffice.street.stats`, never a person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from redoffice.fund.codes import SOURCES, USES
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.reports import street as report
from redoffice.reports.street import COUNT, RATE, YUAN, Value
from redoffice.reports.street import StreetReport as StreetReport  # what street_report returns
from redoffice.settings import community
from redoffice.street.stats import Figures, parse_street_period, street_stats

MONTHLY: Final = "monthly"
QUARTERLY: Final = "quarterly"
ANNUAL: Final = "annual"
TITLES: Final = {
    MONTHLY: "街道月度工作报表",
    QUARTERLY: "街道季度工作报表",
    ANNUAL: "街道年度工作报表",
}


@dataclass(frozen=True)
class Column:
    title: str
    kind: str  # COUNT, RATE or YUAN (redoffice.reports.street)
    value: Callable[[Figures], Value]


@dataclass(frozen=True)
class Area:
    title: str  # the sheet's name too
    columns: tuple[Column, ...]
    chart: tuple[str, ...]  # the titles of the columns the PDF charts per community (one kind)

    def table(self, rows: Sequence[Figures]) -> report.Area:
        """The area as the report lays it out: its figures for each of ``rows``."""
        return report.Area(
            self.title,
            tuple(report.Column(c.title, c.kind) for c in self.columns),
            tuple((r.name, tuple(c.value(r) for c in self.columns)) for r in rows),
            self.chart,
        )


def _c(title: str, value: Callable[[Figures], Value], kind: str = COUNT) -> Column:
    return Column(title, kind, value)


VISITS = Area(
    "入户走访",
    (
        _c("住户数", lambda f: f.households),
        _c("已走访户数", lambda f: f.visited),
        _c("走访覆盖率", lambda f: f.coverage, RATE),
    ),
    ("走访覆盖率",),
)
CASES = Area(
    "民情诉求",
    (
        _c("受理诉求", lambda f: f.cases),
        _c("办结", lambda f: f.closed),
        _c("按时办结", lambda f: f.closed_on_time),
        _c("已回访", lambda f: f.called_back),
        _c("满意", lambda f: f.satisfied),
        _c("办结率", lambda f: f.closure_rate, RATE),
        _c("按时办结率", lambda f: f.on_time_rate, RATE),
        _c("满意率", lambda f: f.satisfaction_rate, RATE),
    ),
    ("办结率", "按时办结率", "满意率"),
)
MEETINGS = Area(
    "联席会议",
    (
        _c("联席会议", lambda f: f.meetings),
        _c("到期议定事项", lambda f: f.resolutions_due),
        _c("按时完成", lambda f: f.resolutions_on_time),
        _c("议定事项按时完成率", lambda f: f.resolution_rate, RATE),
    ),
    ("议定事项按时完成率",),
)
WISHES = Area(
    "微心愿",
    (
        _c("征集心愿", lambda f: f.wishes_collected),
        _c("公布", lambda f: f.wishes_published),
        _c("认领", lambda f: f.wishes_claimed),
        _c("兑现", lambda f: f.wishes_fulfilled),
        _c("认领率", lambda f: f.claim_rate, RATE),
        _c("兑现率", lambda f: f.fulfil_rate, RATE),
    ),
    ("认领率", "兑现率"),
)
SERVICE = Area(
    "双报到",
    (
        _c("双报到党员", lambda f: f.members),
        _c("参加服务人数", lambda f: f.members_serving),
        _c("服务时长（小时）", lambda f: round(f.service_minutes / 60, 1)),
    ),
    ("服务时长（小时）",),
)


def _fund() -> Area:
    income = [
        _c(f"收入·{label}", _part("income_by_source", key), YUAN) for key, label in SOURCES.items()
    ]
    spending = [
        _c(f"支出·{label}", _part("spending_by_use", key), YUAN) for key, label in USES.items()
    ]
    return Area(
        "红色基金",
        (
            _c("基金收入（元）", lambda f: f.income, YUAN),
            *income,
            _c("基金支出（元）", lambda f: f.spending, YUAN),
            *spending,
        ),
        ("基金收入（元）", "基金支出（元）"),
    )


def _part(which: str, key: str) -> Callable[[Figures], int]:
    def value(f: Figures) -> int:
        money: dict[str, int] = getattr(f, which)
        return money.get(key, 0)

    return value


FUND = _fund()
AREAS: Final = (VISITS, CASES, MEETINGS, WISHES, SERVICE, FUND)


def _pick(area: Area, *titles: str) -> tuple[Column, ...]:
    named = {c.title: c for c in area.columns}
    return tuple(named[t] for t in titles)


SUMMARY = Area(
    "汇总",
    (
        *_pick(VISITS, "走访覆盖率"),
        *_pick(CASES, "受理诉求", "办结率", "按时办结率", "满意率"),
        *_pick(MEETINGS, "联席会议", "议定事项按时完成率"),
        *_pick(WISHES, "征集心愿", "认领率", "兑现率"),
        *_pick(SERVICE, "双报到党员", "服务时长（小时）"),
        *_pick(FUND, "基金收入（元）", "基金支出（元）"),
    ),
    (),
)
# the columns of 统计's table (after 社区): the same headings as the workbook's and the PDF's
SCREEN: Final = (
    *_pick(VISITS, "住户数", "已走访户数", "走访覆盖率"),
    *_pick(CASES, "受理诉求", "办结", "办结率", "按时办结率", "满意率"),
    *_pick(MEETINGS, "联席会议", "议定事项按时完成率"),
    *_pick(WISHES, "征集心愿", "认领", "兑现", "认领率", "兑现率"),
    *_pick(SERVICE, "双报到党员", "服务时长（小时）"),
    *_pick(FUND, "基金收入（元）", "基金支出（元）"),
)


def period_kind(name: str) -> str:
    """The report a period's name asks for: ``2026-11`` monthly, ``2026Q4`` quarterly,
    ``2026`` annual (the names :func:`parse_street_period` gives)."""
    if "-" in name:
        return MONTHLY
    return QUARTERLY if "Q" in name else ANNUAL


def street_report(db: Database, kind: str, period: str) -> StreetReport:
    """The monthly (``2026-11``), quarterly (``2026Q4``) or annual (``2026``) report's
    content."""
    span = parse_street_period(period)
    if period_kind(span.name) != kind:
        raise UserError("street.period_kind", period=period, kind=TITLES[kind])
    stats = street_stats(db, span)
    rows = [*stats.rows, stats.total]
    return StreetReport(
        TITLES[kind],
        community.identity(db).street_name,
        span.name,
        SUMMARY.table(rows),
        tuple(area.table(rows) for area in AREAS),
    )
