"""Review 9 (issue 16, PIPL 删除), after 59c607c: an erasure renames the person's scans to
（已清除） and takes them out of the application, but the scanned file itself — a photo of the
ID card — stays in the attachments folder under its SHA-256 (unencrypted: attachments are not
encrypted either), readable by anyone who opens the folder. A scan another record also
uses stays."""

from __future__ import annotations

import hashlib
from pathlib import Path

from redoffice.attachments import service as attachments
from redoffice.fund import applications as fund
from redoffice.kit.blobs import blob_path
from redoffice.kit.db import Database
from redoffice.registry import erasure
from tests.core.test_fund_applications import World, _input, _step, w

__all__ = ["w"]  # the fund's world fixture, imported
SCAN = b"\xff\xd8\xff\xe0" + "王小明 身份证 110101199003077777".encode() + bytes(100)
SHARED = b"\xff\xd8\xff\xe0" + "户口本 首页".encode() + bytes(100)


def test_an_erasure_removes_a_scan_only_the_person_used(
    db: Database, w: World, tmp_path: Path
) -> None:
    app = fund.apply(db, _input(w))
    scan, shared = tmp_path / "身份证.jpg", tmp_path / "户口本.jpg"
    scan.write_bytes(SCAN)
    shared.write_bytes(SHARED)
    attachments.add(db, "fund_application", app, (scan, shared))
    neighbours = fund.apply(db, _input(w, "4000", resident_id=w["neighbour"]))
    attachments.add(db, "fund_application", neighbours, (shared,))  # the same page, twice
    stored = blob_path(db.attachments_dir, hashlib.sha256(SCAN).hexdigest())
    kept = blob_path(db.attachments_dir, hashlib.sha256(SHARED).hexdigest())
    assert stored.is_file() and kept.is_file()
    _step(db, w, app, "withdraw", by="handler", opinion="本人撤回")
    erasure.erase_resident(db, w["applicant"], "本人要求删除")
    assert not stored.exists()
    assert kept.read_bytes() == SHARED, "the neighbour's application still shows it"
    rows = attachments.list_for(db, "fund_application", neighbours)
    assert attachments.file_path(db, rows[0]).read_bytes() == SHARED
