"""The viewing folder is emptied when RedOffice starts (issue 16, decision 0028; session 11).

On an encrypted database 打开 on a photo or scan hands the viewer a plain copy in
``<data folder>/viewing``; the folder is emptied at exit — but a run killed while a scan was
open (a crash, the task manager, a power cut) left its copy there until the next run *opened a
file*, which may be never. The window's start now empties it: a start that opens no file
leaves no plain copy behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit.db import Database
from redoffice.kit.paths import data_dir
from redoffice.settings.encryption import encrypt_database

ROOT = Path(__file__).resolve().parents[2]
SECRET = "王小明 身份证 110101199003077777".encode()
SCAN = b"%PDF-1.4\n" + SECRET + b"\n%%EOF\n"
PASSPHRASE = "session11-passphrase"  # no keyring needed: the key comes from the passphrase

# RedOffice's core opens the case's scan for a viewer, then is killed before its exit
VIEW_THEN_KILLED = """
import os, signal, sys
import redoffice.features
from redoffice.attachments import service as attachments
from redoffice.kit.db import open_database
db = open_database(sys.argv[1])
(row,) = attachments.list_for(db, "case_record", sys.argv[2])
print(attachments.file_path(db, row), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _plain_copies() -> list[Path]:
    return [p for p in data_dir().rglob("*") if p.is_file() and SECRET in p.read_bytes()]


def test_starting_the_window_removes_the_plain_copy_a_killed_run_left(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("viewing")
    path = Path(str(sqlite_db.engine.url.database)).resolve()
    scan = folder / "扫描件.pdf"
    scan.write_bytes(SCAN)
    case = cases.create_case(sqlite_db, CaseInput("设施维修", "门禁坏了", attachments=(scan,)))
    scan.unlink()
    encrypt_database(sqlite_db, folder / "恢复密钥单.pdf", passphrase=PASSPHRASE)
    env = os.environ | {"PYTHONPATH": str(ROOT), "REDOFFICE_DB_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-c", VIEW_THEN_KILLED, f"sqlite:///{path}", case]
    killed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert _plain_copies() == [Path(killed.stdout.decode().strip())]  # the viewer's copy
    window = [sys.executable, "-m", "redoffice.ui.app", "--db", str(path), "--startup-probe"]
    started = subprocess.run(
        window,
        env=env | {"QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    assert _plain_copies() == [], "the window started and ended, a plain scan is still there"
