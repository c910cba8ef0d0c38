"""QA 11 (issue 16, the encrypted database through the CLI).

- S3: a wrong REDOFFICE_DB_PASSPHRASE was told "密钥不对…" (the window says "口令不对"), and
  SQLCipher's own English log ("ERROR CORE sqlcipher_page_cipher: hmac check failed …") went
  to stderr (and the window's run log): its log is off on every connection."""

from __future__ import annotations

import pytest

from redoffice.cli import main
from redoffice.kit import cipher
from redoffice.kit.db import Database
from redoffice.settings.encryption import encrypt_database
from tests.core.sync_support import no_keyring
from tests.factories import add_resident, setup_place

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
    assert "口令不对" in wrong and "密钥不对" not in wrong
    assert "ERROR" not in wrong and "hmac" not in wrong
