"""QA 11 (issue 16, the encrypted database through the CLI).

- S3: a wrong REDOFFICE_DB_PASSPHRASE was told "密钥不对…" (the window says "口令不对"), and
  SQLCipher's own English log ("ERROR CORE sqlcipher_page_cipher: hmac check failed …") went
  to stderr (and the window's run log): its log is off on every connection.
- S2, S10: the recovery sheet of a passphrase-encrypted database said "平时由本机的系统密钥库自动
  解锁"; its third label/value pair left an empty labelled cell. It says how the database
  opens (平时打开) in four pairs, and its note follows the mode."""

from __future__ import annotations

import pytest

from redoffice.cli import main
from redoffice.kit import cipher
from redoffice.kit.db import Database
from redoffice.settings.encryption import encrypt_database
from tests.core.sync_support import memory_keyring, no_keyring
from tests.factories import add_resident, setup_place
from tests.reports.conftest import pdf_text

PASSPHRASE = "红色工作台的口令"


def test_a_wrong_passphrase_is_told_as_one_and_stderr_holds_no_sqlcipher_log(
    sqlite_db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    _grid, _estate, household = setup_place(sqlite_db)
    add_resident(sqlite_db, "王小明", household=household, relation="0")
    with no_keyring():
        done = encrypt_database(sqlite_db, tmp_path_factory.mktemp("usb") / "sheet.pdf", PASSPHRASE)
        capfd.readouterr()
        monkeypatch.setenv(cipher.PASSPHRASE_ENV, PASSPHRASE + "X")
        assert main(["--db", str(done.database), "residents", "list"]) == 1
        wrong = capfd.readouterr().err
        monkeypatch.setenv(cipher.PASSPHRASE_ENV, PASSPHRASE)
        assert main(["--db", str(done.database), "residents", "list"]) == 0
        assert "王小明" in capfd.readouterr().out
    sheet = "".join(pdf_text(done.sheet.read_bytes(), done.sheet.parent)).replace(" ", "")
    assert "平时打开" in sheet and "每次启动输入数据库口令" in sheet
    assert "系统密钥库" not in sheet and "在别的电脑上也可以" in sheet
    assert "口令不对" in wrong and "密钥不对" not in wrong
    assert "ERROR" not in wrong and "hmac" not in wrong


def test_the_sheet_of_a_keyring_database_says_the_keyring_opens_it(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with memory_keyring():
        done = encrypt_database(sqlite_db, tmp_path_factory.mktemp("usb") / "sheet.pdf")
    sheet = "".join(pdf_text(done.sheet.read_bytes(), done.sheet.parent)).replace(" ", "")
    assert "平时打开" in sheet and "本机系统密钥库自动解锁" in sheet and "口令" not in sheet
