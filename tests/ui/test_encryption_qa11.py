"""QA 11 (issue 16, the encrypted database in the real window).

- D4: a database encrypted with a keyring's key, opened on a PC without a keyring, was asked
  for "请输入数据库口令"; a passphrase was told "口令不对" — but it has none, only the recovery key
  opens it. The dialog now asks for the recovery key first (a passphrase only if one was set)
  and a wrong passphrase is told that a keyring's database has none.
- S2: with both fields filled the recovery key alone was checked (a partial key and the right
  passphrase: "恢复密钥有误"); the start prompt named REDOFFICE_DB_PASSPHRASE to a secretary;
  设置 → 数据安全 said a keyring opens it, on a PC that has none.
- S3: SQLCipher's own English log ("ERROR CORE sqlcipher_page_cipher: hmac check failed") on
  stderr at a wrong key.
- D5: the encrypt dialog proposed ~/Documents/… where there is no ~/Documents; 加密 then said
  "无法写入文件 …：No such file or directory" (the operating system's English): an existing
  folder is proposed, and the reason is said in Chinese.
- S9: the screen settings (~/.config/RedOffice/RedOffice.ini, the folders last used among them)
  were 0644."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from redoffice.kit import cipher
from redoffice.kit.db import Database, open_database
from redoffice.settings.encryption import encrypt_database
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.opening import KeyDialog
from redoffice.ui.settings.encryption_dialog import EncryptDialog
from tests.core.sync_support import no_keyring
from tests.ui.driver import click, tick, type_into
from tests.ui.test_encryption_ui import (
    OtherPc,
    encrypt_through_the_tab,
    opened_answering,
    other_pc,
    residents,
    safe,
    security_tab,
    when_modal,
)

__all__ = ["other_pc", "safe"]  # the fixtures used here
PASSPHRASE = "红色工作台的口令"


@pytest.fixture
def without_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A PC without a keyring; no key held from another test."""
    monkeypatch.setattr(cipher, "_held", {})
    with no_keyring():
        yield


def _shown(dialog: KeyDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(type(dialog.message)))


def test_a_keyring_database_on_a_pc_without_keyring_asks_for_the_recovery_key_first(
    qtbot: QtBot,
    other_pc: OtherPc,
    without_keyring: None,
    capfd: pytest.CaptureFixture[str],
) -> None:
    shown: list[str] = []

    def answer(dialog: KeyDialog) -> None:
        shown.append(_shown(dialog))
        type_into(qtbot, dialog.passphrase, "not the passphrase")
        click(qtbot, dialog, "打开")
        shown.append(dialog.message.text())
        dialog.passphrase.clear()
        type_into(qtbot, dialog.recovery, other_pc.recovery)
        click(qtbot, dialog, "打开")

    with opened_answering(other_pc.url, answer) as db:
        assert db is not None and residents(db) == other_pc.residents
    asked, wrong = shown
    assert "请输入恢复密钥（或数据库口令）" in asked and "加密时设置过口令才填口令" in asked
    assert "REDOFFICE_DB_PASSPHRASE" not in asked and "请输入数据库口令" not in asked
    assert wrong.startswith("口令不对") and "用本机系统密钥库加密的数据库没有口令" in wrong
    assert "只能用恢复密钥单上的恢复密钥打开" in wrong
    assert "ERROR CORE" not in capfd.readouterr().err  # S3: SQLCipher's own log is off


def test_with_both_fields_filled_the_right_passphrase_opens_despite_a_partial_key(
    qtbot: QtBot, sqlite_db: Database, safe: Path, without_keyring: None
) -> None:
    count = residents(sqlite_db)
    done = encrypt_database(sqlite_db, safe / "sheet.pdf", PASSPHRASE)

    refused: list[str] = []

    def answer(dialog: KeyDialog) -> None:
        type_into(qtbot, dialog.recovery, done.recovery[:20])
        type_into(qtbot, dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog, "打开")
        if dialog.isVisible():  # refused: said, then 退出
            refused.append(dialog.message.text())
            click(qtbot, dialog, "退出")

    with opened_answering(f"sqlite:///{done.database}", answer) as db:
        assert refused == []
        assert db is not None and residents(db) == count


def test_without_a_documents_folder_the_home_folder_is_proposed_and_the_sheet_written(
    qtbot: QtBot,
    ctx: AppContext,
    file_ring: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path_factory.mktemp("home-without-documents")
    monkeypatch.setenv("HOME", str(home))
    tab = security_tab(qtbot, ctx, "未加密")
    proposed: list[Path] = []

    def answer(dialog: EncryptDialog) -> None:
        proposed.append(Path(dialog.sheet.text()))
        tick(qtbot, dialog.move_off)  # the home folder is on the database's disk
        click(qtbot, dialog, "加密")
        qtbot.waitUntil(lambda: dialog.key.isVisible() or dialog.message.isVisible(), timeout=60000)
        proposed.append(Path(dialog.message.text() if dialog.message.isVisible() else ""))
        click(qtbot, dialog, "关闭" if dialog.key.isVisible() else "取消")

    when_modal(EncryptDialog, answer)
    click(qtbot, tab, "加密此数据库")
    qtbot.waitUntil(lambda: len(proposed) == 2, timeout=90000)
    sheet, refused = proposed
    assert sheet.parent == home and not (home / "Documents").exists()
    assert refused == Path("") and sheet.read_bytes().startswith(b"%PDF")
    assert cipher.is_encrypted(Path(str(ctx.db.engine.url.database)))
    ctx.tasks.wait_idle()


def test_a_sheet_in_a_missing_folder_is_refused_in_chinese(
    qtbot: QtBot, ctx: AppContext, file_ring: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    missing = tmp_path_factory.mktemp("usb") / "拔下的U盘" / "恢复密钥单.pdf"
    _key, said = encrypt_through_the_tab(qtbot, ctx, str(missing))
    assert f"无法写入文件 {missing}：文件夹不存在" in said, said
    assert "No such file" not in said
    assert not cipher.is_encrypted(Path(str(ctx.db.engine.url.database)))


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_screen_settings_file_is_the_users_only(
    qtbot: QtBot, ctx: AppContext, screen_settings: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.close()  # its place remembered, the file written within a second
    qtbot.waitUntil(lambda: any(screen_settings.rglob("*.ini")), timeout=5000)
    (written,) = screen_settings.rglob("*.ini")
    qtbot.waitUntil(lambda: stat.S_IMODE(written.stat().st_mode) == 0o600, timeout=3000)


def test_the_security_tab_of_a_pc_without_keyring_names_the_passphrase_and_the_key(
    qtbot: QtBot, sqlite_db: Database, safe: Path, without_keyring: None
) -> None:
    done = encrypt_database(sqlite_db, safe / "sheet.pdf", PASSPHRASE)
    cipher.hold(done.database, cipher.from_passphrase(PASSPHRASE, cipher.file_salt(done.database)))
    ctx = AppContext(open_database(f"sqlite:///{done.database}"))
    try:
        said = security_tab(qtbot, ctx, "已加密").explain.text()
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()
        ctx.db.close()
    assert "这台电脑没有系统密钥库" in said and "每次启动" in said
    assert "系统密钥库中的密钥" not in said
