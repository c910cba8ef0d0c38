"""个人信息查询 (issue 16, PIPL): everything held on one person reopened from the workbook
(openpyxl) and the PDF (pdftotext, pdffonts: the font embedded); the export audited; the CLI
writes both files."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from redoffice.cli import main
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.models import AuditLog, Resident
from redoffice.registry import access, subject_request
from redoffice.registry.residents import get_resident
from tests.core.test_cli import dbfile
from tests.core.test_fund_applications import World, _to, w

__all__ = ["dbfile", "w"]  # fixtures, imported
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts"))


def _sheet_rows(data: bytes) -> list[tuple[str, ...]]:
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    return [tuple(str(v or "") for v in row) for row in sheet.iter_rows(values_only=True)]


def test_the_answer_holds_the_record_the_fund_and_the_reveals(db: Database, w: World) -> None:
    person = w["applicant"]
    _to(db, w, "paid")
    access.reveal(db, "resident", person, "id_number")
    full = get_resident(db, person).data.id_number
    name, workbook, _pdf = subject_request.export_answer(db, person, clock.today())
    assert name == "王小明"
    rows = _sheet_rows(workbook)
    assert rows[0][0].startswith("个人信息查询结果：王小明")
    assert rows[1] == ("部分", "序号", "项目", "内容")
    found = {(r[0], r[2]): r[3] for r in rows[2:]}
    assert found[("居民信息", "身份证号")] == full  # the person's own record, in full
    assert found[("住户", "住址")].startswith("阳光花园")
    assert found[("红色基金", "批准金额（元）")] == "800"
    assert found[("红色基金", "金额（元）")] == "800"
    assert found[("红色基金", "收支")] == "发放"
    assert found[("查看完整信息的记录", "内容")] == "显示完整身份证号"
    assert ("民情诉求（本人反映）", "", "", "无") in rows
    with db.read() as s:
        audited = s.scalars(select(AuditLog).where(AuditLog.action == "subject_export")).all()
    assert [(a.row_id, a.fields) for a in audited] == [(person, "{}")]


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_cli_subject_export_writes_the_workbook_and_a_pdf_with_the_font_embedded(
    dbfile: Path,
    tmp_path: Path,
) -> None:
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        person = s.scalars(select(Resident).where(Resident.phone != "").limit(1)).one()
        resident_id, name, phone = person.id, person.name, person.phone
    db.close()
    base = tmp_path / "查询"
    assert (
        main(["--db", str(dbfile), "resident", "subject-export", resident_id, "--out", str(base)])
        == 0
    )
    assert ("居民信息", "1", "联系电话", phone) in _sheet_rows(Path(f"{base}.xlsx").read_bytes())
    pdf = Path(f"{base}.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "个人信息查询结果" in text.stdout and name in text.stdout and phone in text.stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert all(line.split()[-5] == "yes" for line in fonts.stdout.splitlines()[2:])  # emb
