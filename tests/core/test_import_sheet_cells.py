"""The cell bound of an .xlsx sheet (issue 16) counts every cell where the reader would place it:
one cell far away (``XFD1048576``) made python-calamine allocate a 17-billion-cell rectangle and
abort the process, while the bound, which looked at the last row only, let the file through."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from redoffice.kit import sheets
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.sheet_cells import sheet_cells
from redoffice.kit.sheets import MAX_CELLS
from redoffice.registry import importer
from tests import workbook_bombs

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _cell(ref: str) -> str:
    where = f' r="{ref}"' if ref else ""
    return f'<c{where} t="inlineStr"><is><t>x</t></is></c>'


def _rows(*rows: str) -> list[bytes]:
    return [row.encode() for row in rows]


HOSTILE = {
    "one cell far away": _rows(f'<row r="2">{_cell("A2")}{_cell("XFD1048576")}</row>'),
    "a row far down, out of order": _rows(
        f'<row r="2">{_cell("Z900000")}</row><row r="3">{_cell("A3")}</row>'
    ),
    "r not the first attribute": _rows(
        '<row r="2"><c t="inlineStr" r="XFD1048576"><is><t>x</t></is></c></row>'
    ),
    "a prefixed element name": _rows(
        f'<row r="2" xmlns:x="{NS[7:-1]}"><x:c r="XFD1048576" t="inlineStr">'
        "<x:is><x:t>x</x:t></x:is></x:c></row>"
    ),
    "cells without r: a wide row over many rows": _rows(
        "<row>" + _cell("") * 20_000 + "</row>",
        *(f"<row>{_cell('')}</row>" for _ in range(200)),
    ),
}


@pytest.mark.parametrize("rows", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_sheet_whose_cells_lie_far_apart_is_refused_before_reading(
    db: Database, tmp_path: Path, rows: list[bytes]
) -> None:
    book = workbook_bombs.sheet_book(tmp_path / "台账.xlsx", rows, "A1:B2")
    with pytest.raises(UserError) as refused:
        importer.plan_import(db, book)
    assert refused.value.code == "import.too_big.cells", refused.value.text


def _sheet(cells: list[tuple[int, int]], refs: bool = True) -> list[bytes]:
    """Rows of cells at (row, column), 1-based, in order, each with its reference (or none:
    the reader then puts them side by side from the first column)."""
    by_row: dict[int, list[int]] = {}
    for row, column in sorted(set(cells)):
        by_row.setdefault(row, []).append(column)
    return [
        f'<row r="{r}">{"".join(_cell(f"{_letters(c)}{r}" if refs else "") for c in columns)}'
        "</row>".encode()
        for r, columns in by_row.items()
    ]


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _calamine_cells(book: Path) -> int:
    workbook = CalamineWorkbook.from_path(str(book))
    sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
    return sheet.height * sheet.width


def _chunks(book: Path, size: int) -> Iterator[bytes]:
    with zipfile.ZipFile(book) as z, z.open("xl/worksheets/sheet1.xml") as part:
        while chunk := part.read(size):
            yield chunk


@pytest.mark.parametrize("seed", range(6))
def test_the_bound_is_never_below_what_the_reader_holds(tmp_path: Path, seed: int) -> None:
    """Sheets of a few cells placed at random, some far apart (wide columns, rows in the
    hundred thousands; with references or without): the count is at least the rectangle
    calamine fills, also when the part is read in chunks that cut elements in two (the
    declared dimension understates)."""
    rng = random.Random(seed)
    near = [(rng.randint(2, 60), rng.randint(1, 30)) for _ in range(40)]
    far = [(rng.choice([2, 150_000, 160_000]), rng.choice([1, 19, 20, 30])) for _ in range(2)]
    rows = _sheet(near + far, refs=seed % 2 == 0)  # the odd seeds: cells without r
    book = workbook_bombs.sheet_book(tmp_path / "台账.xlsx", rows, "A1:B2")
    held = _calamine_cells(book)  # these are small enough to read
    for size in (7, 64, 1 << 20):
        assert sheet_cells(partial(_chunks, book, size), 10**12) >= held


def test_a_large_ordinary_ledger_is_within_the_bound(tmp_path: Path) -> None:
    """What the bound admits: 150,000 rows of 19 columns (2.85 million cells) pass, 160,000
    (3.04 million) do not — counted from the cells (the declared dimension understates them)."""
    for rows, admitted in ((150_000, True), (160_000, False)):
        cells = [(2, c) for c in range(1, 20)] + [(rows, 1)]
        book = workbook_bombs.sheet_book(tmp_path / f"{rows}.xlsx", _sheet(cells), "A1:B2")
        counted = sheet_cells(partial(_chunks, book, 1 << 20), MAX_CELLS)
        assert (counted <= MAX_CELLS) is admitted, counted


def test_a_merged_range_beyond_the_cells_is_cut_to_them(db: Database, tmp_path: Path) -> None:
    """A2:XFD1048576 merged around two cells filled a million rows' worth of ranges (0.9 s,
    400 MB each): the range is cut to the sheet's cells, the row still filled from its top."""
    rows = _rows(f'<row r="2">{_cell("A2")}{_cell("B2")}</row>', f'<row r="3">{_cell("")}</row>')
    book = workbook_bombs.sheet_book(tmp_path / "台账.xlsx", rows, "A1:B3", ("A2:XFD1048576",))
    stream = sheets.stream_sheet(book)
    assert [row[:2] for row in stream.rows] == [["姓名", "身份证号"], ["x", "x"], ["x", "x"]]


def test_overlapping_merged_ranges_that_would_fill_too_many_cells_are_refused(
    db: Database, tmp_path: Path
) -> None:
    wide = "".join(_cell(f"{_letters(c)}2") for c in range(1, 27))
    rows = [f'<row r="2">{wide}</row>'.encode(), *_sheet([(r, 1) for r in range(3, 2_000)])]
    merged = ("A2:Z1999",) * 100  # 100 × 52,000 cells: within the sheet, over the bound together
    book = workbook_bombs.sheet_book(tmp_path / "台账.xlsx", rows, "A1:Z1999", merged)
    with pytest.raises(UserError) as refused:
        importer.plan_import(db, book)
    assert refused.value.code == "import.too_big.cells", refused.value.text
