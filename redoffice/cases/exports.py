"""民情诉求 to Excel: the requests list and the 诉求统计 of a period."""

from __future__ import annotations

from datetime import date
from typing import Final

from redoffice.cases.documents import stats_table
from redoffice.cases.queries import case_ids, case_rows
from redoffice.kit.db import Database
from redoffice.kit.exports import Ids, ListExport, Rows, chunks
from redoffice.kit.workbook import rows_workbook
from redoffice.reports.lists import period_text
from redoffice.settings.calendar import local_date

COLUMNS: Final = (
    "编号",
    "受理日期",
    "来源",
    "诉求人",
    "类别",
    "诉求内容",
    "承办",
    "时限",
    "状态",
    "办结日期",
    "回访结果",
    "网格",
    "地址",
)


def _case_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = case_ids(db)
    found = (c for chunk in chunks(ids) for c in case_rows(db, chunk))
    return (
        COLUMNS,
        (
            [
                c.number,
                c.accepted_on,
                c.source,
                c.reporter_masked,
                c.category,
                c.description,
                c.assignee,
                local_date(c.due_at),
                c.status + ("（逾期）" if c.overdue else ""),
                c.resolved_on,
                c.satisfaction,
                c.grid,
                c.address,
            ]
            for c in found
        ),
    )


CASES: Final = ListExport("cases", "民情诉求", _case_rows)


def case_stats_xlsx(db: Database, by: str, start: date, end: date) -> bytes:
    """诉求统计 of a period as a workbook: the title above the printout's table."""
    table = stats_table(db, by, start, end)
    title = f"民情诉求统计 {period_text(start, end)}"
    return rows_workbook(title, [[title], list(table.headers)], [list(r) for r in table.rows])
