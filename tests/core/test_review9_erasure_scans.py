"""Review 9 (issue 16, PIPL 删除), after 59c607c: an erasure renames the person's scans to
（已清除） and takes them out of the application, but the scanned file itself — a photo of the
ID card — stays in the attachments folder under its SHA-256 (unencrypted: attachments are not
encrypted either), readable by anyone who opens the folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from redoffice.attachments import service as attachments
from redoffice.fund import applications as fund
from redoffice.kit.blobs import blob_path
from redoffice.kit.db import Database
from redoffice.registry import erasure
from tests.core.test_fund_applications import World, _input, _step, w

__all__ = ["w"]  # the fund's world fixture, imported
SCAN = b"\xff\xd8\xff\xe0" + "王小明 身份证 110101199003077777".encode() + bytes(100)


@pytest.mark.xfail(
    strict=True,
    reason="review9: an erasure leaves the scan of the person's ID card in attachments/ "
    "(59c607c renames the attachment row; the blob only this person's record used stays)",
)
def test_an_erasure_removes_a_scan_only_the_person_used(
    db: Database, w: World, tmp_path: Path
) -> None:
    app = fund.apply(db, _input(w))
    scan = tmp_path / "身份证.jpg"
    scan.write_bytes(SCAN)
    attachments.add(db, "fund_application", app, (scan,))
    stored = blob_path(db.attachments_dir, hashlib.sha256(SCAN).hexdigest())
    assert stored.is_file()
    _step(db, w, app, "withdraw", by="handler", opinion="本人撤回")
    erasure.erase_resident(db, w["applicant"], "本人要求删除")
    assert not stored.exists()
