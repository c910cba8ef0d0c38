"""附件 → 打开 on an encrypted database (issue 16, decision 0028): the photo is decrypted on the
worker into a private copy that the system viewer gets; a damaged one is reported in words.
The keyring (in memory) and the system viewer (the edge of the machine) are the stand-ins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import blobs
from redoffice.kit.db import open_database
from redoffice.settings.encryption import encrypt_database
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from tests.conftest import OPERATOR
from tests.core.sync_support import memory_keyring
from tests.ui.driver import click, click_row

PHOTO = b"\x89PNG\r\n\x1a\n" + "王小明 门禁照片".encode() + bytes(64)


@pytest.fixture
def encrypted_ctx(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppContext, str]]:
    """An encrypted database (its key in a memory keyring) holding a case with a photo."""
    folder = tmp_path_factory.mktemp("office")
    path = folder / "redoffice.sqlite"
    path.write_bytes(sqlite_template.read_bytes())
    with memory_keyring():
        encrypt_database(open_database(f"sqlite:///{path}"), folder.parent / "恢复密钥单.pdf")
        db = open_database(f"sqlite:///{path}")
        db.actor = OPERATOR
        photo = folder / "门禁.png"
        photo.write_bytes(PHOTO)
        case = cases.create_case(db, CaseInput("设施维修", "门禁坏了", attachments=(photo,)))
        ctx = AppContext(db)
        yield ctx, case
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()
        db.close()


def test_open_gives_the_viewer_the_decrypted_photo_and_reports_a_damaged_one(
    qtbot: QtBot, encrypted_ctx: tuple[AppContext, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, case = encrypted_ctx
    viewed: list[bytes] = []
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.attachments_dialog.open_with_system",
        lambda path: viewed.append(path.read_bytes()),
    )
    monkeypatch.setattr(
        "redoffice.ui.kit.errors.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    (row,) = attachments.list_for(ctx.db, "case_record", case)
    dialog = AttachmentsDialog(ctx, "case_record", case, "门禁坏了")
    qtbot.addWidget(dialog)
    dialog.show()
    assert ctx.tasks.wait_idle()
    click_row(qtbot, dialog.table, 0)
    click(qtbot, dialog, "打开")
    assert ctx.tasks.wait_idle()
    assert viewed == [PHOTO] and shown == []
    blob = blobs.blob_path(ctx.db.attachments_dir, row.sha256)
    assert "王小明".encode() not in blob.read_bytes()
    blob.write_bytes(blob.read_bytes()[:-1])  # cut short on the disk
    click(qtbot, dialog, "打开")
    assert ctx.tasks.wait_idle()
    assert viewed == [PHOTO] and len(shown) == 1 and "已损坏" in shown[0], shown
