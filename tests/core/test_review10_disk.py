"""Review 10 (issue 16, "a full disk … ending with a clear message and an unchanged
database"): ``redoffice-cli db encrypt`` (and 加密此数据库…) on a disk with room for its backup
but not for the encrypted copy ends as an internal error — sqlcipher's "database or disk is
full" is no UserError (kit/cipher.encrypt_file, settings/encryption.encrypt_database) — exit 3,
"程序内部错误", instead of the Chinese message the import and the demo give."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from redoffice.kit import cipher
from tests.conftest import OPERATOR
from tests.core.test_db_failures import _counts, small_disk

__all__ = ["small_disk"]  # the fixture
PASSPHRASE = "review10-passphrase"


def test_encrypting_on_a_full_disk_says_so_and_leaves_the_database_plain(
    sqlite_template: Path, small_disk: Path, tmp_path: Path
) -> None:
    db_path = Path(shutil.copy(sqlite_template, small_disk / "office.sqlite"))
    before = _counts(db_path)
    size = db_path.stat().st_size
    filler = small_disk / "filler"
    # room for the backup made first, not for the encrypted copy as well
    filler.write_bytes(b"\0" * max(0, shutil.disk_usage(small_disk).free - size * 3 // 2))
    sheet = tmp_path / "恢复密钥单.pdf"
    command = ["--db", f"sqlite:///{db_path}", "--operator", OPERATOR, "db", "encrypt"]
    done = subprocess.run(
        [sys.executable, "-m", "redoffice.cli", *command, "--recovery-sheet", str(sheet)],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {cipher.PASSPHRASE_ENV: PASSPHRASE},
    )
    filler.unlink()
    assert not cipher.is_encrypted(db_path) and _counts(db_path) == before
    assert done.returncode == 1, done.stderr
    assert "磁盘空间已满" in done.stderr, done.stderr
