"""Review 10 (issue 16, photos and scans).

- ``attachments.add`` (附件 → 添加… on a visit, a 民情诉求, a meeting, a wish, a fund
  application) asks no permission: the write guard (accounts/guard.py) leaves the
  ``attachment`` table out of both GUARDED and RECORDS, so a 出纳 — who may not touch a visit or
  a request — adds files to any of them (audited as theirs, synced to the street).
- On an encrypted database 打开 decrypts the photo into ``redoffice-view-*`` in the system's
  temporary folder, removed only by ``atexit``: a RedOffice killed (a crash, the task manager, a
  power cut) leaves the plain scan there for good — and no later run removes it. (On Windows a
  viewer holding the file open makes the ``atexit`` removal fail too: ``ignore_errors``.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.accounts import service as accounts
from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.paths import data_dir
from redoffice.models import Attachment
from redoffice.settings.encryption import encrypt_database

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "review10-secret"
SECRET = "王小明 身份证 110101199003077777".encode()
SCAN = b"%PDF-1.4\n" + SECRET + b"\n%%EOF\n"
PASSPHRASE = "review10-passphrase"


def _count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Attachment)) or 0)


def test_a_cashier_cannot_attach_files_to_a_request(sqlite_db: Database, tmp_path: Path) -> None:
    accounts.add(sqlite_db, "admin", "王书记", "admin", PASSWORD)
    accounts.login(sqlite_db, "admin", PASSWORD)
    accounts.add(sqlite_db, "chuna", "周出纳", "cashier", PASSWORD)
    case = cases.create_case(sqlite_db, CaseInput("设施维修", "门禁坏了"))
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(SCAN)
    accounts.login(sqlite_db, "chuna", PASSWORD)
    before = _count(sqlite_db)
    with pytest.raises(UserError):
        attachments.add(sqlite_db, "case_record", case, (scan,))
    assert _count(sqlite_db) == before


# opens the encrypted database with its passphrase, hands the scan to the "viewer" (prints
# where), then is killed — or, with "exit", ends normally
VIEW = """
import os, signal, sys
import redoffice.features
from redoffice.attachments import service as attachments
from redoffice.kit.db import open_database
db = open_database(sys.argv[1])
(row,) = attachments.list_for(db, "case_record", sys.argv[2])
print(attachments.file_path(db, row), flush=True)
if sys.argv[3] == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
db.close()
"""


def test_no_plain_copy_of_a_scan_outlives_a_killed_run(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("review10")
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(SCAN)
    case = cases.create_case(sqlite_db, CaseInput("设施维修", "门禁坏了", attachments=(scan,)))
    scan.unlink()
    encrypt_database(sqlite_db, tmp_path / "恢复密钥单.pdf", passphrase=PASSPHRASE)
    temp = tmp_path / "TEMP"
    temp.mkdir()
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "TMPDIR": str(temp),
        "REDOFFICE_DB_PASSPHRASE": PASSPHRASE,
    }

    def view(how: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-c", VIEW, f"sqlite:///{path}", case, how]
        return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=120)

    killed = view("kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert SECRET in Path(killed.stdout.decode().strip()).read_bytes()  # the viewer's copy
    assert view("exit").returncode == 0  # RedOffice started again, the scan opened, closed
    places = [*temp.rglob("*"), *data_dir().rglob("*")]  # the viewing folder is in the latter
    left = [p for p in places if p.is_file() and SECRET in p.read_bytes()]
    assert left == [], "a plain copy of an encrypted database's scan is left behind"
