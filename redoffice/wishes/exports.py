"""微心愿 to Excel: the figures of a period."""

from __future__ import annotations

from datetime import date
from typing import Final

from redoffice.kit.db import Database
from redoffice.kit.workbook import table_workbook
from redoffice.reports.lists import period_text
from redoffice.wishes import queries

STATS_COLUMNS: Final = ("征集", "核实", "发布", "认领", "兑现", "认领率", "兑现率")


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.0%}"


def wish_stats_xlsx(db: Database, start: date, end: date, by: str) -> bytes:
    """The 微心愿 figures of a period (counted by the date of each step), as a workbook."""
    rows = queries.statistics(db, start, end, by)
    return table_workbook(
        f"微心愿统计 {period_text(start, end)}",
        (queries.STATS_BY[by], *STATS_COLUMNS),
        [
            (
                r.key,
                *(r.counts[k] for k in queries.COUNTED),
                _percent(r.claim_rate),
                _percent(r.fulfil_rate),
            )
            for r in rows
        ],
    )
