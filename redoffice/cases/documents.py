"""What the 民情台账 and the 民情诉求统计 print, read from the database, and the PDFs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from redoffice.cases import queries
from redoffice.cases.queries import CaseFilter, CaseStatsRow, list_cases
from redoffice.kit.db import Database
from redoffice.kit.steps import QUIET, Steps
from redoffice.reports import cases as forms
from redoffice.reports import lists
from redoffice.reports.cases import LedgerRow
from redoffice.reports.lists import FigureTable, period_text
from redoffice.settings import community
from redoffice.settings.calendar import local_date

STATS_COLUMNS: Final = ("受理", "办结", "办结率", "按时办结率", "满意率")


def ledger_rows(db: Database, date_from: date | None, date_to: date | None) -> list[LedgerRow]:
    """民情台账 rows for cases accepted in the period (inclusive)."""
    rows = list_cases(db, CaseFilter(date_from=date_from, date_to=date_to))
    return [
        LedgerRow(
            number=r.number,
            accepted=r.accepted_on.isoformat(),
            source=r.source,
            reporter=r.reporter_masked,
            category=r.category,
            summary=r.description if len(r.description) <= 80 else r.description[:79] + "…",
            assignee=r.assignee,
            due=local_date(r.due_at).isoformat(),
            status=r.status + ("（逾期）" if r.overdue else ""),
            resolved=r.resolved_on.isoformat() if r.resolved_on else "",
            call_back=r.satisfaction,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Ledger:
    """What the 民情台账 prints, read from the database (plain data: it can be handed to the
    process that lays out a long ledger)."""

    community: str
    period: str
    rows: list[LedgerRow]


def case_ledger_data(db: Database, date_from: date | None, date_to: date | None) -> Ledger:
    """The cases accepted in the period (inclusive; open ends allowed)."""
    rows = ledger_rows(db, date_from, date_to)
    period = f"{date_from or '最早'} 至 {date_to or '今'}"
    return Ledger(community.heading_name(db), period, rows)


def case_ledger_pdf(ledger: Ledger, steps: Steps = QUIET) -> bytes:
    """The 民情台账 laid out; ``steps`` follows it (a year's ledger is some 500 pages)."""
    return forms.case_ledger(ledger.community, ledger.period, ledger.rows, steps)


def case_ledger(
    db: Database, date_from: date | None, date_to: date | None, steps: Steps = QUIET
) -> bytes:
    """民情台账 of the cases accepted in the period."""
    return case_ledger_pdf(case_ledger_data(db, date_from, date_to), steps)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def stats_cells(r: CaseStatsRow) -> tuple[str, ...]:
    """A 诉求统计 row as the screen, the printout and the workbook show it."""
    return (
        r.key,
        str(r.total),
        str(r.closed),
        _percent(r.closure_rate),
        _percent(r.on_time_rate),
        _percent(r.satisfaction_rate),
    )


def stats_table(db: Database, by: str, start: date, end: date) -> FigureTable:
    """诉求统计 of the cases accepted in a period, grouped ``by`` (queries.STATS_BY), the total
    last."""
    total, rows = queries.case_stats(db, by, start, end)
    return FigureTable(
        "按" + queries.STATS_BY[by],
        (queries.STATS_BY[by], *STATS_COLUMNS),
        [stats_cells(r) for r in [*rows, total]],
    )


def case_stats_pdf(db: Database, by: str, start: date, end: date) -> bytes:
    """诉求统计 of the cases accepted in a period: 办结率, 按时办结率, 满意率."""
    name = community.heading_name(db)
    table = stats_table(db, by, start, end)
    return lists.figures(name, "民情诉求统计", period_text(start, end), [table])
