"""Review 9 (issue 16, PIPL 删除): what an erasure leaves behind.

registry/erasure.erase_resident blanks the resident row, its tags' notes, the 申请事由 of their
fund applications and the ledger's 对方 — but not what the person gave on the records that point
at them: the phone on a 民情诉求 they reported (``case_record.reporter_phone``) and the scans on
their fund application (``attachment.original_name``, e.g. 王小明身份证.jpg, and the scan)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.fund import applications as fund
from redoffice.kit.db import Database
from redoffice.models import Attachment, Case
from redoffice.registry import erasure
from tests.core.test_fund_applications import World, _input, _step, w

__all__ = ["w"]  # the fund's world fixture, imported
PHONE = "13812345678"
JPEG = b"\xff\xd8\xff\xe0" + bytes(200)


def test_an_erasure_blanks_the_phone_on_the_persons_own_requests(db: Database, w: World) -> None:
    person = w["applicant"]
    case = cases.create_case(
        db,
        CaseInput(
            category="物业服务",
            description="楼道灯坏了",
            reporter_resident_id=person,
            reporter_phone=PHONE,
        ),
    )
    erasure.erase_resident(db, person, "本人要求删除")
    with db.read() as s:
        row = s.get(Case, case)
        assert row is not None
        assert row.reporter_resident_id == person  # the request itself is kept
        assert row.reporter_phone == ""


def test_an_erasure_leaves_no_scan_named_after_the_person(
    db: Database, w: World, tmp_path: Path
) -> None:
    person = w["applicant"]
    app = fund.apply(db, _input(w))
    scan = tmp_path / "王小明身份证.jpg"
    scan.write_bytes(JPEG)
    attachments.add(db, "fund_application", app, (scan,))
    _step(db, w, app, "withdraw", by="handler", opinion="本人撤回")  # not being handled now
    erasure.erase_resident(db, person, "本人要求删除")
    with db.read() as s:
        names = s.scalars(
            select(Attachment.original_name).where(
                Attachment.owner_table == "fund_application",
                Attachment.owner_id == app,
                Attachment.deleted.is_(False),
            )
        ).all()
    assert not [n for n in names if "王小明" in n]
