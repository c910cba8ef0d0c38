"""Attachments: checked by content, limited in size, stored once by SHA-256, linked in the
same transaction as the visit or case."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import Attachment, Visit
from redoffice.registry import reference as registry
from redoffice.settings import config
from redoffice.visits import service as visits
from redoffice.visits.service import VisitInput
from tests.factories import setup_place

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for name, content in {
        "门禁照片.png": PNG,
        "签字扫描.pdf": PDF,
        "same-again.png": PNG,
        "伪装成图片.jpg": b"MZ\x90\x00 this is a program",
        "empty.png": b"",
    }.items():
        path = tmp_path / name
        path.write_bytes(content)
        made[name] = path
    return made


def _visit(db: Database, paths: tuple[Path, ...]) -> str:
    grid, _estate, household = setup_place(db)
    staff = registry.save_staff(
        db, registry.StaffInput(name="李网格员", role="grid_worker", grid_id=grid)
    )
    return visits.record_visit(
        db,
        VisitInput(
            household_id=household,
            visit_date=date(2026, 11, 2),
            visitor_ids=(staff,),
            purposes=("听民意",),
            attachments=paths,
        ),
    )


def test_sniff_by_content() -> None:
    assert attachments.sniff(PNG) == "image/png"
    assert attachments.sniff(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert attachments.sniff(b"II*\x00") == "image/tiff"
    assert attachments.sniff(PDF) == "application/pdf"
    assert attachments.sniff(b"<html>") is None


def test_visit_attachments_stored_once_by_hash(sqlite_db: Database, files: dict[str, Path]) -> None:
    db = sqlite_db
    visit = _visit(db, (files["门禁照片.png"], files["签字扫描.pdf"], files["same-again.png"]))
    rows = attachments.list_for(db, "visit", visit)
    assert [(r.name, r.content_type) for r in rows] == [
        ("门禁照片.png", "image/png"),
        ("签字扫描.pdf", "application/pdf"),
        ("same-again.png", "image/png"),
    ]
    digest = hashlib.sha256(PNG).hexdigest()
    stored = attachments.file_path(db, rows[0])
    assert stored == db.attachments_dir / digest[:2] / digest
    assert stored.read_bytes() == PNG
    assert db.attachments_dir.parent == Path(str(db.engine.url.database)).parent
    blobs = [p for p in db.attachments_dir.rglob("*") if p.is_file()]
    assert len(blobs) == 2  # the same picture twice is stored once


def test_wrong_type_and_empty_refuse_the_whole_visit(db: Database, files: dict[str, Path]) -> None:
    with pytest.raises(ValidationFailed) as info:
        _visit(db, (files["门禁照片.png"], files["伪装成图片.jpg"], files["empty.png"]))
    texts = info.value.for_field("attachments")
    assert any("伪装成图片.jpg" in t and "不是图片或PDF" in t for t in texts)
    assert any("empty.png" in t for t in texts)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_size_limit_is_a_setting(db: Database, files: dict[str, Path], tmp_path: Path) -> None:
    config.update(db, {"attachment.max_mb": 1})
    big = tmp_path / "大照片.png"
    big.write_bytes(PNG + b"\x00" * (1 << 20))
    with pytest.raises(ValidationFailed) as info:
        _visit(db, (big,))
    assert "不能超过 1 MB" in info.value.for_field("attachments")[0]


def test_case_attachments_and_missing_file(sqlite_db: Database, files: dict[str, Path]) -> None:
    db = sqlite_db
    case = cases.create_case(
        db,
        CaseInput(
            category="设施维修", description="门禁坏了", attachments=(files["门禁照片.png"],)
        ),
    )
    attachments.add(db, "case_record", case, (files["签字扫描.pdf"],))
    rows = attachments.list_for(db, "case_record", case)
    assert [r.name for r in rows] == ["门禁照片.png", "签字扫描.pdf"]
    attachments.file_path(db, rows[1]).unlink()
    with pytest.raises(UserError, match=r"签字扫描\.pdf"):
        attachments.file_path(db, rows[1])
