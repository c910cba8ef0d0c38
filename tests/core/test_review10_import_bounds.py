"""Review 10 (issue 16: "an import refuses a workbook whose uncompressed size or cell count is
beyond a bound, before reading it … peak memory stays ≤ 300 MB whatever the file"). The bounds
(kit/sheets.check_bounds, kit/sheet_cells) are applied to .xlsx/.xlsm only (sheets._open_book);
an .ods — a format the importer offers (SPREADSHEETS) and WPS/LibreOffice offices use — goes
to calamine unchecked. Its cells may be repeated by an attribute: an 877-byte .ods with one
row repeated 200,000 times of one cell repeated 100 times (20 million cells, MAX_CELLS is 3
million) took 2.4 GB to read its first rows here; larger repeats abort the process as the
XFD1048576 sheet did (commit 86d716d): "memory allocation of 640003200 bytes failed" under
the test's 2 GB limit.

The .xlsx bound itself looks only at parts named ``xl/worksheets/*.xml``; the reader follows the
workbook's relationships to wherever the sheet is. The sheet of commit 86d716d's test (one cell
at XFD1048576) moved to ``xl/sheet1.xml`` (its relationship saying so) passes check_bounds, and
calamine aborts the process: "memory allocation of 549755813888 bytes failed" — the GUI dies
with it, without a word."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

from redoffice.kit import sheet_xls
from redoffice.kit.db import Database
from redoffice.kit.sheet_cells import ods_cells
from redoffice.kit.sheets import MAX_CELLS
from redoffice.registry import importer
from tests import workbook_bombs
from tests.factories import id_number, setup_place

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
)
# the child: the CLI's dry run under a 2 GB address-space limit (the shared test machine), then
# its peak resident memory (VmHWM, as tests/core/test_bounds.py)
PROBE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from redoffice.cli import main
code = main(sys.argv[1:])
print(int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) // 1024)
sys.exit(code)
"""


def _dry_run(db_path: Path, workbook: Path) -> subprocess.CompletedProcess[str]:
    command = ["--db", f"sqlite:///{db_path}", "import-excel", str(workbook), "--dry-run"]
    return subprocess.run(
        [sys.executable, "-c", PROBE, *command], capture_output=True, text=True, timeout=600
    )


def _cell(text: str, repeated: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    value = f'office:value-type="string"><text:p>{text}</text:p>'
    return f"<table:table-cell{times} {value}</table:table-cell>"


def _ods(path: Path, body: str) -> Path:
    """An .ods of one table 台账 whose rows are ``body``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="台账">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        mimetype = "application/vnd.oasis.opendocument.spreadsheet"
        book.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        book.writestr("content.xml", content)
        book.writestr("META-INF/manifest.xml", MANIFEST)
    return path


HEADER = "".join(_cell(t) for t in ("姓名", "公民身份号码", "住址", "与户主关系"))


def repeated_ods(path: Path, rows: int, columns: int) -> Path:
    """A 台账 header, then one row of ``columns`` cells repeated ``rows`` times."""
    return _ods(
        path,
        f"<table:table-row>{HEADER}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">{_cell("x", columns)}'
        "</table:table-row>",
    )


def test_an_ods_of_repeated_cells_beyond_the_bound_is_refused_before_reading(
    sqlite_template: Path, tmp_path: Path
) -> None:
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    workbook = repeated_ods(tmp_path / "台账.ods", 200_000, 100)
    assert workbook.stat().st_size < 10_000
    before = db_path.read_bytes()
    done = _dry_run(db_path, workbook)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert int(done.stdout.split()[-1]) <= 300, "peak memory (MB)"
    assert db_path.read_bytes() == before


FAR = (
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c>'
    b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
)


def moved_sheet(path: Path, name: str = "sheet1.xml") -> Path:
    """tests/core/test_import_sheet_cells.py's "one cell far away" book, its sheet stored as
    ``xl/sheet1.xml`` (a name any zip tool or hand-made workbook may use) with the workbook's
    relationship pointing there."""
    usual = workbook_bombs.sheet_book(path.with_name("usual.xlsx"), [FAR], "A1:B2")
    with zipfile.ZipFile(usual) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for part in source.infolist():
            if part.filename == f"xl/{name}":
                continue  # replaced by the sheet
            data = source.read(part.filename).replace(b"worksheets/sheet1.xml", name.encode())
            book.writestr(part.filename.replace("worksheets/sheet1.xml", name), data)
    return path


def test_a_sheet_stored_under_another_name_is_bounded_too(
    sqlite_template: Path, tmp_path: Path
) -> None:
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    before = db_path.read_bytes()
    done = _dry_run(db_path, moved_sheet(tmp_path / "台账.xlsx"))
    assert done.returncode == 1, (done.returncode, done.stderr[:300])
    assert "17,179,869,184 个单元格" in done.stderr
    assert db_path.read_bytes() == before


def test_a_sheet_stored_as_the_shared_strings_is_bounded_as_a_sheet(
    sqlite_template: Path, tmp_path: Path
) -> None:
    """The same part named by the shared strings and the sheet relationship is read as both."""
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    done = _dry_run(db_path, moved_sheet(tmp_path / "台账.xlsx", "sharedStrings.xml"))
    assert done.returncode == 1, (done.returncode, done.stderr[:300])
    assert "17,179,869,184 个单元格" in done.stderr


def test_an_ods_as_libreoffice_saves_it_is_read(sqlite_db: Database, tmp_path: Path) -> None:
    """LibreOffice ends a sheet with its empty rows and columns repeated to the sheet's edge
    (1,048,576 × 1,024 cells): they hold nothing, the reader drops them, the bound too."""
    setup_place(sqlite_db)
    number = id_number(date(1980, 5, 17), "male", seq=12)
    person = "".join(_cell(t) for t in ("王小明", number, "胜利街9号", "户主"))
    empty = '<table:table-cell table:style-name="ce1" table:number-columns-repeated="1020"/>'
    workbook = _ods(
        tmp_path / "台账.ods",
        f"<table:table-row>{HEADER}{empty}</table:table-row>"
        f"<table:table-row>{person}{empty}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048574">{empty}</table:table-row>',
    )
    plan = importer.plan_import(sqlite_db, workbook)
    assert [(r.action, r.values["name"]) for r in plan.rows] == [("new", "王小明")]


def test_an_xls_with_one_cell_far_away_is_refused_before_reading(
    sqlite_template: Path, tmp_path: Path
) -> None:
    """An .xls (BIFF, not a zip) holds each cell where it is: a 5.6 KB file with one cell at
    IV65536 made the reader fill 16.7 million cells (1 GB here)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    for column, text in enumerate(("姓名", "公民身份号码", "住址", "与户主关系")):
        sheet.write(0, column, text)
    sheet.write(65535, 255, "x")
    workbook = tmp_path / "台账.xls"
    book.save(str(workbook))
    db_path = Path(shutil.copy(sqlite_template, tmp_path / "office.sqlite"))
    before = db_path.read_bytes()
    done = _dry_run(db_path, workbook)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert "16,777,216 个单元格" in done.stderr
    assert int(done.stdout.split()[-1]) <= 300, "peak memory (MB)"
    assert db_path.read_bytes() == before


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def small_compound(biff: bytes) -> bytes:
    """A compound file (512-byte sectors) whose Workbook stream, under 4,096 bytes, lives in
    the mini stream (64-byte sectors): sector 0 the FAT, 1 the directory, 2 the mini FAT,
    3… the mini stream."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    minis = -(-len(biff) // 64)
    mini_stream = biff.ljust(minis * 64, b"\0")
    sectors = -(-len(mini_stream) // 512)
    header = bytearray(512)
    header[:8] = sheet_xls.SIGNATURE
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, 2, 1, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[free] * 108)
    chain = [*range(4, 3 + sectors), end]
    fat = struct.pack("<128I", 0xFFFFFFFD, end, end, *chain, *[free] * (125 - len(chain)))

    def entry(name: str, kind: int, start: int, size: int) -> bytes:
        named = (name + "\0").encode("utf-16-le")
        return struct.pack("<64sHBB12x16x4x16xII4x", named, len(named), kind, 1, start, size).ljust(
            128, b"\0"
        )

    directory = entry("Root Entry", 5, 3, len(mini_stream)) + entry("Workbook", 2, 0, len(biff))
    mini_fat = struct.pack("<128I", *range(1, minis), end, *[free] * (128 - minis))
    body = fat + directory.ljust(512, b"\0") + mini_fat + mini_stream.ljust(sectors * 512, b"\0")
    return bytes(header) + body


def test_a_small_xls_is_read_from_the_mini_stream() -> None:
    """Tools that do not pad the Workbook stream to 4 KB (xlwt does) store it in the mini
    stream: counted there, a sheet's cells from its first to its last."""
    bof = _record(0x0809, bytes(16))
    cells = _record(0x0203, struct.pack("<HHHd", 1, 0, 0, 1.0)) + _record(
        0x027E, struct.pack("<HHHI", 40, 5, 0, 2)
    )
    dimensions = _record(0x0200, struct.pack("<IIHHH", 1, 41, 0, 6, 0))
    biff = bof + _record(0x000A, b"") + bof + dimensions + cells + _record(0x000A, b"")
    assert len(biff) < 4096
    assert sheet_xls.xls_cells(small_compound(biff), 10**9) == 40 * 6


def test_the_reader_holds_every_table_of_an_ods_or_xls_at_once(tmp_path: Path) -> None:
    """An .ods's and an .xls's sheets are all read when the file is opened: their cells are
    counted together (two sheets of 1.6 million cells: 3.2 million, beyond MAX_CELLS)."""
    half = (
        f'<table:table-row table:number-rows-repeated="16000">{_cell("x", 100)}</table:table-row>'
    )
    one = _ods(tmp_path / "one.ods", half)
    with zipfile.ZipFile(one) as book:
        content = book.read("content.xml")
    table = content[content.index(b"<table:table ") : content.index(b"</office:spreadsheet>")]
    both = content.replace(table, table + table)
    assert ods_cells(iter([content]), MAX_CELLS) == 1_600_000
    assert ods_cells(iter([both]), MAX_CELLS) > MAX_CELLS
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name in ("一", "二"):
        sheet = book.add_sheet(name)
        sheet.write(0, 0, "x")
        sheet.write(15999, 99, "x")
    book.save(str(tmp_path / "two.xls"))
    assert sheet_xls.xls_cells((tmp_path / "two.xls").read_bytes(), 10**9) == 3_200_000
