"""入户走访 to Excel: the visits list and the 走访覆盖率 of a period."""

from __future__ import annotations

from datetime import date
from typing import Final

from redoffice.kit.db import Database
from redoffice.kit.exports import Ids, ListExport, Rows, chunks
from redoffice.reports.lists import figures_workbook, period_text
from redoffice.visits.documents import coverage_tables
from redoffice.visits.queries import VisitQuery, visit_ids, visit_rows


def _visit_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = visit_ids(db, VisitQuery())
    found = (v for chunk in chunks(ids) for v in visit_rows(db, chunk))
    return (
        ("走访日期", "地址", "网格", "走访人", "走访目的", "情况记录", "发现问题数"),
        (
            [v.visit_date, v.address, v.grid, v.visitors, v.purposes, v.situation, v.issues]
            for v in found
        ),
    )


VISITS: Final = ListExport("visits", "走访记录", _visit_rows)


def coverage_xlsx(db: Database, start: date, end: date) -> bytes:
    """走访覆盖率 of a period as a workbook (the tables of the printout in one sheet)."""
    return figures_workbook(
        f"走访覆盖率 {period_text(start, end)}", coverage_tables(db, start, end)
    )
