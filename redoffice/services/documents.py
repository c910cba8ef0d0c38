"""Every printed form and workbook as bytes, from the database: the one place the CLI and the
screens ask for them (the screens run these on the worker and show the preview)."""

from __future__ import annotations

from datetime import date

from redoffice.db import Database
from redoffice.reports import forms
from redoffice.reports import meetings as meeting_forms
from redoffice.reports.workbook import table_workbook
from redoffice.services import community, printing, resolutions
from redoffice.services.resolutions import ResolutionFilter


def visit_form(db: Database, household_id: str | None = None, visit_id: str | None = None) -> bytes:
    """入户走访记录表: blank for a household, or filled from a visit."""
    data = printing.visit_form_data(db, household_id=household_id, visit_id=visit_id)
    return forms.visit_form(data)


def case_ledger(db: Database, date_from: date | None, date_to: date | None) -> bytes:
    """民情台账 of the cases accepted in the period (inclusive; open ends allowed)."""
    rows = printing.ledger_rows(db, date_from, date_to)
    period = f"{date_from or '最早'} 至 {date_to or '今'}"
    return forms.case_ledger(community.identity(db).community_name, period, rows)


def sign_in_sheet(db: Database, meeting_id: str) -> bytes:
    return meeting_forms.sign_in_sheet(printing.meeting_sheet(db, meeting_id))


def minutes(db: Database, meeting_id: str) -> bytes:
    return meeting_forms.minutes(printing.meeting_sheet(db, meeting_id))


def _subtitle(f: ResolutionFilter) -> str:
    if f.overdue_only:
        return "逾期事项"
    return "未完成事项" if f.open_only else "全部事项"


def follow_up_pdf(db: Database, f: ResolutionFilter) -> bytes:
    """议定事项督办表 of the resolutions the filter selects."""
    rows = printing.follow_up_lines(resolutions.list_resolutions(db, f))
    name = community.identity(db).community_name
    return meeting_forms.follow_up_sheet(name, _subtitle(f), rows)


def follow_up_xlsx(db: Database, f: ResolutionFilter) -> bytes:
    rows = printing.follow_up_rows(resolutions.list_resolutions(db, f))
    return table_workbook("议定事项督办表", meeting_forms.FOLLOW_UP_COLUMNS, rows)
