"""Excel workbooks (.xlsx) that open well in Excel and WPS: bold frozen header, autofilter,
column widths that fit Chinese text, dates as real dates, and text that can never run as a
formula."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

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
    return rows_workbook(sheet_title, [list(headers)], rows)


def rows_workbook(
    sheet_title: str,
    header_rows: Sequence[Sequence[Any]],
    rows: Sequence[Sequence[Any]],
    choices: Mapping[int, Sequence[str]] | None = None,
) -> bytes:
    """Header rows (bold, frozen, the last one filterable) above data rows; ``choices`` puts a
    drop-down list on a column (index -> allowed values) for rows typed later."""
    book = Workbook()
    sheet = book.create_sheet(sheet_title[:31], 0)
    book.remove(book.worksheets[1])  # the empty default sheet
    widths: list[int] = []
    for r, row in enumerate([*header_rows, *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            _put(cell, value)
            if r <= len(header_rows):
                cell.font = Font(bold=True)
                cell.fill = HEADER_FILL
                cell.alignment = Alignment(horizontal="center", vertical="center")
            shown = value.isoformat() if isinstance(value, date) else str(value or "")
            widths.extend([0] * (c - len(widths)))
            widths[c - 1] = max(widths[c - 1], display_width(shown))
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = f"A{len(header_rows) + 1}"
    last = max(len(r) for r in header_rows)
    sheet.auto_filter.ref = (
        f"A{len(header_rows)}:{get_column_letter(last)}{len(header_rows) + len(rows)}"
    )
    for column, allowed in (choices or {}).items():
        _drop_down(sheet, column, allowed, len(header_rows) + 1)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _drop_down(sheet: Any, column: int, allowed: Sequence[str], first_row: int) -> None:
    letter = get_column_letter(column + 1)
    rule = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
    rule.error = "请从下拉列表中选择"
    rule.add(f"{letter}{first_row}:{letter}5000")
    sheet.add_data_validation(rule)
