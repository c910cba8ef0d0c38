"""Excel workbooks (.xlsx) that open well in Excel and WPS: bold frozen header, autofilter,
column widths that fit Chinese text, dates as real dates, and text that can never run as a
formula."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")


def display_width(text: str) -> int:
    """Columns as Excel counts them: a Chinese character is two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _put(cell: Any, value: Any) -> None:
    if isinstance(value, datetime | date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
    else:
        text = "" if value is None else str(value)
        cell.value = text
        cell.data_type = "s"  # a string, even when it looks like a number or a formula
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True  # Excel and WPS show it as typed text


def table_workbook(
    sheet_title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> bytes:
    """One sheet: the header row bold, frozen and filterable; columns sized to their text."""
    book = Workbook()
    sheet = book.create_sheet(sheet_title[:31], 0)
    book.remove(book.worksheets[1])  # the empty default sheet
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    widths = [display_width(h) for h in headers]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(sheet.cell(row=r, column=c), value)
            text = value.isoformat() if isinstance(value, date) else str(value or "")
            widths[c - 1] = max(widths[c - 1], display_width(text))
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = BytesIO()
    book.save(out)
    return out.getvalue()
