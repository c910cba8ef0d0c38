"""Reading the workbooks offices really have: .xlsx, old .xls (WPS, Excel 2003), .ods, and .csv in
UTF-8 or GBK; title rows above the header, merged cells, two-row headers.

Cells come back as Python values (str, int, float, bool, date, datetime, or None). Merged
ranges are filled with their top-left value, so a merged header or a 住址 cell merged over the
rows of one household reads the same in every cell it covers."""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
import zipfile
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Final
from xml.parsers.expat import ExpatError

from redoffice.kit.errors import UserError
from redoffice.kit.sheet_cells import ods_cells, sheet_cells
from redoffice.kit.sheet_parts import Parts, part_key, workbook_parts
from redoffice.kit.sheet_xls import SIGNATURE as COMPOUND
from redoffice.kit.sheet_xls import Damaged, xls_cells

SPREADSHEETS: Final = (".xlsx", ".xlsm", ".xls", ".ods")
HEADER_SCAN_ROWS: Final = 20
# Bounds checked before a workbook is read (issue 16: a 0.4 MB .xlsx unpacking 400 MB of shared
# strings took 7.5 GB of memory). The reader holds a sheet's cells as a full rectangle, its
# shared strings all at once: these keep its peak near 300 MB whatever the file, and admit a
# 100,000-resident 台账 (about 2.5 million cells, 150 MB unpacked; docs/performance.md).
MAX_UNPACKED: Final = 300_000_000  # bytes of the workbook's parts once unpacked
MAX_STRINGS: Final = 100_000_000  # bytes of its shared strings part
MAX_CELLS: Final = 3_000_000  # rows x columns of a sheet's used rectangle
_SCAN_CHUNK: Final = 1 << 20
ODS_CONTENT: Final = "content.xml"  # an .ods's sheets, all in one part

# field -> header texts seen in real 台账 (after normalizing)
SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "name": ("姓名", "名字", "户主姓名", "居民姓名", "成员姓名"),
    "id_number": ("身份证号", "公民身份号码", "身份证号码", "证件号码", "身份证", "公民身份证号码"),
    "phone": ("联系电话", "手机", "手机号码", "电话", "联系方式", "手机号", "电话号码"),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
    "gender": ("性别",),
    "relation": ("与户主关系", "关系", "与户主的关系"),
    "household_no": ("户号", "户编号", "户籍编号", "家庭编号"),
    "address": ("住址", "现住址", "家庭住址", "详细地址", "地址", "居住地址"),
    "estate": ("小区", "小区名称", "所在小区"),
    "building": ("楼栋", "楼号", "栋", "幢", "楼栋号"),
    "unit": ("单元", "单元号"),
    "room": ("房号", "室", "室号", "房间号", "门牌号", "门牌", "房屋号"),
    "grid": ("所属网格", "网格", "网格编码", "网格名称", "网格号"),
    "tags": ("人员类别", "特殊人群", "人群类别", "重点人群", "人群标签"),
    "political_status": ("政治面貌",),
    "ethnicity": ("民族",),
    "hukou_place": ("户籍地", "户籍地址", "户籍所在地", "籍贯"),
    "residence_type": ("人员类型", "管理类型", "户籍类型", "人口类型", "人口类别"),
    "notes": ("备注", "说明"),
}
FIELD_LABELS: Final = {field: names[0] for field, names in SYNONYMS.items()}
# 门牌号 is the room (502) in a ledger with 小区/楼栋/单元 columns, the street address
# (胜利街118号) in one without
DOOR_NUMBER: Final = "门牌"
PLACE_PARTS: Final = frozenset({"estate", "building", "unit"})


@dataclass(frozen=True)
class Header:
    """Where the header is, its text per column, and where the data starts."""

    first_row: int
    data_row: int
    texts: list[str]

    @property
    def signature(self) -> str:
        """The same header in another workbook gives the same signature (remembered mapping)."""
        joined = "|".join(normalize_header(t) for t in self.texts)
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def normalize_header(text: Any) -> str:
    """ "身份证号码（必填）*" -> "身份证号码"."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    for mark in ("(", "（"):
        value = value.split(mark)[0]
    return "".join(ch for ch in value if not ch.isspace() and ch not in "*:：").strip()


def field_for(header: str) -> str | None:
    """The field a header names: an exact synonym, else one the header starts with."""
    key = normalize_header(header)
    if not key:
        return None
    for field, names in SYNONYMS.items():
        if key in names:
            return field
    for field, names in SYNONYMS.items():
        if any(key.startswith(n) for n in names if len(n) >= 2):
            return field
    return None


def sheet_names(path: Path) -> list[str]:
    if path.suffix.lower() in SPREADSHEETS:
        book = _open_book(path)
        return list(book.sheet_names)
    return [path.stem]


@dataclass
class SheetStream:
    """One sheet's rows, read as they are asked for (an import never holds them all)."""

    name: str
    rows: Iterator[list[Any]]


def stream_sheet(path: Path, name: str | None = None) -> SheetStream:
    """The rows of the named sheet (default: the first), merged cells filled, "" as None."""
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return _stream_spreadsheet(path, name)
    if suffix in (".csv", ".txt"):
        return SheetStream(path.stem, iter(_read_csv(path)))
    raise UserError("import.unsupported", name=path.name)


def head_and_header(stream: SheetStream) -> tuple[list[list[Any]], Header]:
    """The first rows (enough to find the header) and the header found in them."""
    head = list(islice(stream.rows, HEADER_SCAN_ROWS + 1))
    return head, find_header(head)


def _open_book(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    check_bounds(path)
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for damaged or foreign files
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc


def check_bounds(path: Path) -> None:
    """Refuse a workbook (.xlsx, .ods: a zip; .xls) whose parts unpack beyond the bounds, or a
    sheet whose used rectangle holds more than MAX_CELLS cells, before the reader sees it. The
    sizes the zip declares are checked first (at once); the sheets and shared strings —
    wherever the workbook's relationships store them (kit.sheet_parts), an .ods's content.xml
    — are then unpacked as a stream, never beyond their declared sizes (a part holding more is
    damaged: refused). An .xls's records are counted in its Workbook stream (kit.sheet_xls)."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        _check_compound(path)  # an .xls
        return
    with book:
        parts = book.infolist()
        _refuse_over(path, "unpacked", sum(p.file_size for p in parts), MAX_UNPACKED)
        found = _workbook_parts(path, book)
        for part in parts:
            key = part_key(part.filename)
            if key in found.strings:
                _refuse_over(path, "strings", part.file_size, MAX_STRINGS)
                deque(_unpacked(path, book, part), maxlen=0)
            if key in found.sheets:  # the same part may be named as both: each is checked
                _refuse_over(path, "cells", _cells(path, book, part, xlsx=True), MAX_CELLS)
            elif key == ODS_CONTENT:
                _refuse_over(path, "cells", _cells(path, book, part, xlsx=False), MAX_CELLS)


def _check_compound(path: Path) -> None:
    """An old .xls (a compound file, not a zip): its size and its sheets' cells bounded
    (kit.sheet_xls); any other file is left to the reader, which says if it cannot read it."""
    try:
        with path.open("rb") as stream:
            if stream.read(len(COMPOUND)) != COMPOUND:
                return
        _refuse_over(path, "unpacked", path.stat().st_size, MAX_UNPACKED)
        cells = xls_cells(path.read_bytes(), MAX_CELLS)
    except OSError:
        return
    except Damaged as exc:
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc
    _refuse_over(path, "cells", cells, MAX_CELLS)


def _workbook_parts(path: Path, book: zipfile.ZipFile) -> Parts:
    """The sheets and shared strings the reader reads; relationships that are not XML are
    damaged: refused."""
    try:
        return workbook_parts(
            book.namelist(), lambda name: _unpacked(path, book, book.getinfo(name))
        )
    except ExpatError as exc:
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc


def _refuse_over(path: Path, what: str, found: int, bound: int) -> None:
    if found > bound:
        raise UserError(
            f"import.too_big.{what}", name=path.name, found=f"{found:,}", bound=f"{bound:,}"
        )


def _cells(path: Path, book: zipfile.ZipFile, part: zipfile.ZipInfo, *, xlsx: bool) -> int:
    """The cells the reader would hold for this sheet, or an .ods's tables (all)
    (kit.sheet_cells); a sheet whose cells cannot be placed (a reference that is not one, a
    repeat that is not a number, broken XML) is damaged: refused."""
    try:
        if xlsx:
            return sheet_cells(lambda: _unpacked(path, book, part), MAX_CELLS)
        return ods_cells(_unpacked(path, book, part), MAX_CELLS)
    except (ValueError, ExpatError) as exc:
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc


def _unpacked(path: Path, book: zipfile.ZipFile, part: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes, a megabyte at a time, up to the size the zip declares for it."""
    try:
        with book.open(part) as stream:
            while chunk := stream.read(_SCAN_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc


def _stream_spreadsheet(path: Path, name: str | None) -> SheetStream:
    book = _open_book(path)
    names = list(book.sheet_names)
    if name is not None and name not in names:
        raise UserError("import.no_sheet", name=name, sheets="、".join(names))
    chosen = name or names[0]
    try:
        sheet = book.get_sheet_by_name(chosen)
        merged = _within(path, sheet.merged_cell_ranges or [], sheet.end)
        rows = sheet.iter_rows()
        first_column = sheet.start[1] if sheet.start else 0
    except UserError:
        raise
    except Exception as exc:
        raise UserError("import.unreadable", name=path.name, detail=str(exc)[:200]) from exc
    return SheetStream(chosen, _filled(rows, merged, first_column))


Range = tuple[tuple[int, int], tuple[int, int]]


def _within(path: Path, merged: Sequence[Range], end: tuple[int, int] | None) -> list[Range]:
    """The merged ranges cut to the sheet's used rectangle (a hostile file merges A2:XFD1048576
    around two cells: filling it took 0.9 s and 400 MB a range), refused when filling them
    would write more than MAX_CELLS cells (overlapping ranges)."""
    last_row, last_column = end or (0, 0)
    kept = [
        ((top, left), (min(bottom, last_row), min(right, last_column)))
        for (top, left), (bottom, right) in merged
        if top <= last_row and left <= last_column
    ]
    filled = sum((b - t + 1) * (r - left + 1) for (t, left), (b, r) in kept)
    _refuse_over(path, "cells", filled, MAX_CELLS)
    return kept


def _filled(
    rows: Iterator[list[Any]], merged: Sequence[Any], first_column: int = 0
) -> Iterator[list[Any]]:
    """Rows with "" as None, empty leading columns kept (calamine leaves them out, so that
    column numbers are Excel's), each merged range filled with its top-left value."""
    lead = [None] * first_column
    covering: dict[int, list[tuple[int, int, int]]] = {}  # row -> (top, left, right)
    for (top, left), (bottom, right) in merged:
        for r in range(top, bottom + 1):
            covering.setdefault(r, []).append((top, left, right))
    tops: dict[tuple[int, int], Any] = {}
    for r, raw in enumerate(rows):
        row = [None if v == "" else v for v in raw]
        if lead:
            row[:0] = lead
        for top, left, right in covering.get(r, ()):
            if r == top:
                tops[(top, left)] = row[left] if left < len(row) else None
            row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if r != top or c != left:
                    row[c] = tops.get((top, left))
        yield row


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("import.unreadable", name=path.name, detail=exc.strerror or "") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError("import.encoding", name=path.name)
    return [[v if v != "" else None for v in row] for row in csv.reader(io.StringIO(text))]


def _score(texts: list[str]) -> int:
    fields = {field_for(t) for t in texts}
    fields.discard(None)
    return len(fields)


def find_header(rows: list[list[Any]]) -> Header:
    """The header below any title rows: the row (or pair of rows) naming most known columns.
    A two-row header takes, per column, the lower text where there is one."""
    best: tuple[int, int, int, list[str]] | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(rows))):
        single = [str(v or "") for v in rows[r]]
        candidates = [(1, single)]
        if r + 1 < len(rows):
            lower = [str(v or "") for v in rows[r + 1]]
            width = max(len(single), len(lower))
            single_w = single + [""] * (width - len(single))
            lower_w = lower + [""] * (width - len(lower))
            candidates.append((2, [lo or up for up, lo in zip(single_w, lower_w, strict=True)]))
        for height, texts in candidates:
            score = _score(texts)
            # more known columns wins; on a tie one header row beats two (a title row above)
            if best is None or (score, -height) > (best[0], -best[2]):
                best = (score, r, height, texts)
    if best is None or best[0] < 2:
        raise UserError("import.no_header")
    _, first, height, texts = best
    return Header(first, first + height, [t.strip() for t in texts])


def auto_mapping(header: Header) -> dict[int, str]:
    """Column index -> field, each field used once (the leftmost column wins); a 门牌号 column
    is the room beside 小区/楼栋/单元 columns, else the address."""
    fields = [field_for(text) for text in header.texts]
    in_estate = not PLACE_PARTS.isdisjoint(fields)
    mapping: dict[int, str] = {}
    for column, (text, field) in enumerate(zip(header.texts, fields, strict=True)):
        if field == "room" and not in_estate and normalize_header(text).startswith(DOOR_NUMBER):
            field = "address"
        if field and field not in mapping.values():
            mapping[column] = field
    return mapping
