# ruff: noqa: E501  (the package parts are long fixed strings)
"""Hostile .xlsx files built for the import bounds tests (issue 16): tiny on disk, huge once
unpacked. Written member by member as a stream, so building one never holds it in memory."""

from __future__ import annotations

import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="居民" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
MB = 1_000_000


def _book(
    path: Path, sheet_rows: object, strings: object, dimension: str, merged: tuple[str, ...] = ()
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(f'<worksheet {_NS}><dimension ref="{dimension}"/><sheetData>'.encode())
            out.write(_HEADER.encode())
            for chunk in sheet_rows:  # type: ignore[attr-defined]
                out.write(chunk)
            out.write(b"</sheetData>")
            if merged:
                refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in merged)
                out.write(f'<mergeCells count="{len(merged)}">{refs}</mergeCells>'.encode())
            out.write(b"</worksheet>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f"<sst {_NS}>".encode())
            out.write("<si><t>姓名</t></si><si><t>身份证号</t></si>".encode())
            for chunk in strings:  # type: ignore[attr-defined]
                out.write(chunk)
            out.write(b"</sst>")
    return path


def shared_strings_bomb(path: Path, megabytes: int = 400) -> Path:
    """A sheet of two cells whose shared strings unpack to ``megabytes`` (one long text, the
    same letter repeated: 400 MB fit in about 0.4 MB)."""
    piece = b"A" * MB
    strings = [b"<si><t>", *([piece] * megabytes), b"</t></si>"]
    return _book(path, [], strings, "A1:B1")


def blank_sheet(path: Path, megabytes: int = 1500, dimension: str = "") -> Path:
    """A sheet of ``megabytes`` of empty styled cells (26 columns) under a header row; its
    declared dimension ``dimension`` (a lie), by default the true one."""
    last = 1 + megabytes * MB // len(_blank_row(10**6))
    return _book(path, map(_blank_row, range(2, last + 1)), [], dimension or f"A1:Z{last}")


def _blank_row(r: int) -> bytes:
    cells = "".join(f'<c r="{col}{r}" s="1"/>' for col in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return f'<row r="{r}">{cells}</row>'.encode()


def sheet_book(path: Path, rows: list[bytes], dimension: str, merged: tuple[str, ...] = ()) -> Path:
    """A workbook whose sheet holds the header row and ``rows`` (XML, as given), its declared
    dimension ``dimension`` and the merged ranges ``merged`` (e.g. "A2:XFD1048576")."""
    return _book(path, rows, [], dimension, merged)
