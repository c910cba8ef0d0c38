"""议定事项 to Excel: the resolutions list and the 督办表 the filter selects, the dates as dates."""

from __future__ import annotations

from typing import Final

from redoffice.kit.db import Database
from redoffice.kit.exports import Ids, ListExport, Rows
from redoffice.kit.workbook import table_workbook
from redoffice.meetings import resolutions
from redoffice.meetings.documents import follow_up_rows
from redoffice.meetings.resolutions import ResolutionFilter
from redoffice.reports.meetings import FOLLOW_UP_COLUMNS


def _resolution_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    found = resolutions.list_resolutions(db)
    if ids is not None:
        wanted = set(ids)
        found = [r for r in found if r.id in wanted]
    return FOLLOW_UP_COLUMNS, [list(r) for r in follow_up_rows(found)]


RESOLUTIONS: Final = ListExport("resolutions", "议定事项", _resolution_rows)


def follow_up_xlsx(db: Database, f: ResolutionFilter) -> bytes:
    """议定事项督办表 of the resolutions the filter selects, as a workbook."""
    rows = follow_up_rows(resolutions.list_resolutions(db, f))
    return table_workbook("议定事项督办表", FOLLOW_UP_COLUMNS, rows)
