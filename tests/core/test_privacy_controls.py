"""Issue 16: control characters already stored (an older version, another tool writing the file)
never break an export or a print, and never reach the page: the workbook drops them
(kit/workbook.py), every PDF text goes through reports.fonts.printable."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from redoffice.kit import exports
from redoffice.kit.db import Database
from redoffice.registry import search, subject_request
from redoffice.registry.search import ResidentQuery
from redoffice.reports.fonts import printable
from redoffice.reports.fund import HonourCertificate, honour_certificate
from redoffice.reports.lists import ListPrint, ListSheet, list_pdf
from tests.factories import add_resident, setup_place

NOTES = "第一行\x1b说明" * 20  # long: a wrapping Paragraph, not a plain cell


def _stored_with_controls(db: Database) -> str:
    _grid, _estate, household = setup_place(db)
    person = add_resident(db, "王小明", household=household, relation="0")
    name = "王\x00小\x07明" if db.is_sqlite else "王\x01小\x07明"  # PostgreSQL holds no NUL
    with db.uow() as s:  # past the services and their cleaning, as another tool would write
        s.execute(
            text("UPDATE resident SET name = :name, notes = :notes WHERE id = :id"),
            {"name": name, "notes": NOTES, "id": person},
        )
    return person


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_the_residents_export_and_list_print_open_without_the_controls(
    db: Database, tmp_path: Path
) -> None:
    _stored_with_controls(db)
    sheet = load_workbook(BytesIO(exports.export_workbook(db, "residents"))).worksheets[0]
    header, *rows = sheet.iter_rows(values_only=True)
    assert [row[header.index("姓名")] for row in rows] == ["王小明"]
    found = search.search_residents(db, ResidentQuery())
    lines = [[r.name, r.id_number_masked, NOTES] for r in found]
    listing = ListSheet("居民", "", ["姓名", "身份证号", "备注"], [80, 120, 300])
    printed = _pdf_text(list_pdf(ListPrint("幸福社区", listing, lines)), tmp_path)
    assert "王小明" in printed and "第一行说明" in printed.replace("\n", "")
    assert not any(ch in printed for ch in "\x00\x01\x07\x1b")


def test_a_subject_request_answer_opens_without_the_controls(db: Database, tmp_path: Path) -> None:
    person = _stored_with_controls(db)
    name, workbook, pdf = subject_request.export_answer(db, person, date(2026, 12, 3))
    assert printable(name) == "王小明"
    sheet = load_workbook(BytesIO(workbook)).worksheets[0]
    assert sheet.cell(1, 1).value == "个人信息查询结果：王小明（2026-12-03）"
    printed = _pdf_text(pdf, tmp_path)
    assert "王小明" in printed and not any(ch in printed for ch in "\x00\x01\x07\x1b")


def test_printable_keeps_line_breaks_and_makes_a_tab_a_space() -> None:
    assert printable("甲\x00乙\t丙\r\n丁\x7f") == "甲乙 丙\n丁"
    assert printable("王小明") == "王小明"


def test_a_donor_named_like_markup_prints_as_typed(tmp_path: Path) -> None:
    """The 荣誉证书 put the donor's name into paragraph markup as it was: "<b>" in a name
    ended the print with a parse error, "&" was swallowed."""
    donor = "张&<李>公司<b>\x00"
    certificate = HonourCertificate(
        "幸福社区", "SJ2026-0001", donor, 500_000, "2026年11月2日", "幸福社区党委", "2026年11月3日"
    )
    printed = _pdf_text(honour_certificate(certificate), tmp_path)
    assert "张&<李>公司<b>：" in printed
