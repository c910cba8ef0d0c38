"""Review 10 (issue 16: "a recovery key printed at setup (a sheet to keep in the office
safe)"). 加密此数据库… proposes to save the recovery sheet's PDF in the user's Documents folder
(encryption_dialog.default_sheet) and the conversion accepts any place but the database's own
folder (settings/encryption.check_sheet_place). Pressed with what the dialog proposes, the
recovery key — the database key itself — is left in a file on the very disk it is meant to
protect: the stolen PC of the issue carries the lock and its key, unless the clerk remembers to
delete the PDF. Expected: with the dialog's defaults no file holding the key is left on the
database's disk (print it directly, or insist on another drive)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.context import AppContext
from redoffice.ui.settings.encryption_dialog import EncryptDialog
from tests.ui.driver import click
from tests.ui.test_encryption_ui import security_tab, when_modal


def test_with_the_dialogs_defaults_the_key_is_not_left_on_the_databases_disk(
    qtbot: QtBot,
    ctx: AppContext,
    file_ring: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path_factory.mktemp("home-of-the-clerk")
    (home / "Documents").mkdir()  # an office PC's account: its 文档 folder
    monkeypatch.setenv("HOME", str(home))
    database = Path(str(ctx.db.engine.url.database)).resolve()
    tab = security_tab(qtbot, ctx, "未加密")
    proposed: list[Path] = []

    def answer(dialog: EncryptDialog) -> None:
        proposed.append(Path(dialog.sheet.text()))
        click(qtbot, dialog, "加密")  # as proposed
        qtbot.waitUntil(lambda: dialog.key.isVisible() or dialog.message.isVisible(), timeout=60000)
        click(qtbot, dialog, "关闭" if dialog.key.isVisible() else "取消")

    when_modal(EncryptDialog, answer)
    click(qtbot, tab, "加密此数据库")
    qtbot.waitUntil(lambda: bool(proposed), timeout=60000)
    ctx.tasks.wait_idle()
    assert proposed[0].is_relative_to(home), proposed  # the clerk's folders, not the real ones
    left = [
        p for p in home.rglob("*") if p.is_file() and os.stat(p).st_dev == os.stat(database).st_dev
    ]
    assert left == [], "the recovery sheet (the database key) is on the database's disk"
