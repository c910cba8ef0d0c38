"""Excel workbooks (.xlsx) that open well in Excel and WPS: bold frozen header, autofilter,
column widths that fit Chinese text, dates as real dates, and text that can never run as a
formula."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from io import BytesIO
from itertools import chain, islice
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center")


def display_width(text: str) -> int:
    """Columns as Excel counts them: a Chinese character is two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _storable(value: Any) -> Any:
    """Text without the control characters a workbook cannot hold (one stored record holding
    a NUL made the whole export fail); anything else as it is."""
    if isinstance(value, str) and not value.isprintable():
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _value(sheet: Any, value: Any) -> Any:
    """What write-only mode writes as is (most cells, and fast); a styled cell only where a
    date needs its format or typed text would otherwise run as a formula."""
    value = _storable(value)
    if value is None or (isinstance(value, str) and not value.startswith(FORMULA_START)):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return _cell(sheet, value)


def _cell(sheet: Any, value: Any) -> Cell:
    """Dates as dates, numbers as numbers, anything else as text (never run as a formula)."""
    if isinstance(value, datetime | date):
        when: Any = value
        cell = WriteOnlyCell(sheet, when)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, int | float) and not isinstance(value, bool):
        return WriteOnlyCell(sheet, value)
    text = "" if value is None else _storable(str(value))
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # a string, even when it looks like a number or a formula
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel and WPS show it as typed text
    return cell


def table_workbook(
    sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> bytes:
    """One sheet: the header row bold, frozen and filterable; columns sized to their text."""
    return rows_workbook(sheet_title, [list(headers)], rows)


def _widths(rows: Sequence[Sequence[Any]]) -> list[float]:
    widths: list[int] = []
    for row in rows:
        if len(row) > len(widths):
            widths.extend([0] * (len(row) - len(widths)))
        for c, value in enumerate(row):
            shown = value.isoformat() if isinstance(value, date) else str(value or "")
            widths[c] = max(widths[c], display_width(shown))
    return [min(max(w + 2, 8), 60) for w in widths]


WIDTH_SAMPLE = 1000


def rows_workbook(
    sheet_title: str,
    header_rows: Sequence[Sequence[Any]],
    rows: Iterable[Sequence[Any]],
    choices: Mapping[int, Sequence[str]] | None = None,
    formats: Mapping[int, str] | None = None,
    min_widths: Mapping[int, float] | None = None,
) -> bytes:
    """Header rows (bold, frozen, the last one filterable) above data rows; ``choices`` puts a
    drop-down list on a column (index -> allowed values) for rows typed later; ``formats`` gives
    a column's numbers a number format (index -> format, e.g. ``"¥#,##0.00"``); ``min_widths``
    keeps a column at least that wide (index -> Excel width: formatted amounts are wider than
    the numbers the widths are measured from).

    Written in openpyxl's write-only mode and consumed as it goes: ``rows`` may be a generator
    (column widths come from the header and the first rows), so a long list never lives in
    memory as cells."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    stream = iter(rows)
    sample = list(islice(stream, WIDTH_SAMPLE))
    # a title row (one cell above the headings) spans the columns: it sizes none of them
    sized = [row for row in header_rows if len(row) > 1 or len(header_rows) == 1]
    for c, width in enumerate(_widths([*sized, *sample]), start=1):
        least = (min_widths or {}).get(c - 1, 0)
        sheet.column_dimensions[get_column_letter(c)].width = max(width, least)
    sheet.freeze_panes = f"A{len(header_rows) + 1}"
    for column, allowed in (choices or {}).items():
        _drop_down(sheet, column, allowed, len(header_rows) + 1)
    for row in header_rows:
        sheet.append([_header_cell(sheet, value) for value in row])
    count = 0
    for row in chain(sample, stream):
        if formats:
            sheet.append([_formatted(sheet, v, formats.get(c)) for c, v in enumerate(row)])
        else:
            sheet.append([_value(sheet, value) for value in row])
        count += 1
    last = max(len(r) for r in header_rows)
    sheet.auto_filter.ref = (
        f"A{len(header_rows)}:{get_column_letter(last)}{len(header_rows) + count}"
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _formatted(sheet: Any, value: Any, number_format: str | None) -> Any:
    """A number in its column's number format; anything else as :func:`_value` writes it."""
    if number_format and isinstance(value, int | float) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = number_format
        return cell
    return _value(sheet, value)


def _header_cell(sheet: Any, value: Any) -> Cell:
    cell = _cell(sheet, value)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = HEADER_ALIGNMENT
    return cell


def _drop_down(sheet: Any, column: int, allowed: Sequence[str], first_row: int) -> None:
    letter = get_column_letter(column + 1)
    rule = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
    rule.error = "请从下拉列表中选择"
    rule.add(f"{letter}{first_row}:{letter}5000")
    sheet.data_validations.append(rule)
