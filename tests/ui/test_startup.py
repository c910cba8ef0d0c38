"""Start-up (issue 12 §4): the window's frame shows before the database, the models and the
pages are imported; opening a database needs none of the report, workbook, migration or pinyin
libraries; ``--startup-probe`` (what `make bench` reads) reports its milestones in order; a
mistyped ``--db`` is refused, nothing made; an encrypted database starts with the key in the
keyring and, unattended without it, is refused unchanged (issue 16)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from redoffice.kit.db import Database
from redoffice.settings.encryption import encrypt_database
from redoffice.ui.kit.context import AppContext
from tests.core.file_keyring import FileKeyring

LOADED = """
import sys
for name in sys.argv[1:]:
    __import__(name)
print(" ".join(sorted(sys.modules)))
"""


def _modules_after_importing(*names: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``names``."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *names], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def _any(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in prefixes or m.startswith(prefixes))


def test_the_frame_needs_no_database_models_or_pages() -> None:
    modules = _modules_after_importing("redoffice.ui.app", "redoffice.ui.main_window")
    assert _any(modules, "sqlalchemy", "redoffice.models", "redoffice.kit.db") == []
    assert (
        _any(modules, "redoffice.ui.workbench", "redoffice.ui.visits", "redoffice.ui.cases") == []
    )


def test_opening_a_database_needs_no_report_workbook_migration_or_pinyin_library() -> None:
    modules = _modules_after_importing("redoffice.features", "redoffice.kit.db")
    heavy = ("reportlab", "openpyxl", "alembic", "python_calamine", "pypinyin")
    assert _any(modules, *heavy) == []


def test_the_startup_probe_reports_its_milestones_in_order(ctx: AppContext, tmp_path: Path) -> None:
    path = ctx.db.engine.url.database
    assert path is not None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "redoffice.ui.app", "--db", path, "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = [line.split() for line in done.stdout.splitlines()]
    assert [words[0] for words in lines] == ["shown", "attached", "ready"]
    times = [float(words[1]) for words in lines]
    assert times == sorted(times)


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``redoffice <args> --self-test`` (unattended: nobody to answer a dialog)."""
    return subprocess.run(
        [sys.executable, "-m", "redoffice.ui.app", *args, "--self-test"],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {})),
        timeout=120,
    )


def test_a_mistyped_database_path_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    typo = tmp_path / "redofice.sqlite"
    done = _start("--db", str(typo))
    assert done.returncode == 1 and "找不到数据库文件" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_encrypted_database_starts_with_its_key_and_is_refused_untouched_without(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path_factory.mktemp("pc")
    ring = {"REDOFFICE_TEST_KEYRING": str(folder / "keyring.json")}
    monkeypatch.setenv("REDOFFICE_TEST_KEYRING", ring["REDOFFICE_TEST_KEYRING"])
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        done = encrypt_database(sqlite_db, tmp_path_factory.mktemp("safe") / "sheet.pdf")
    finally:
        keyring.set_keyring(before)
    backend = {"PYTHON_KEYRING_BACKEND": "tests.core.file_keyring.FileKeyring"}
    started = _start("--db", str(done.database), env=backend | ring)
    assert started.returncode == 0 and "self-test ok" in started.stdout, started.stderr
    other_pc = {"REDOFFICE_TEST_KEYRING": str(folder / "other-pc.json")}
    digest = hashlib.sha256(done.database.read_bytes()).hexdigest()
    refused = _start("--db", str(done.database), env=backend | other_pc)
    assert refused.returncode == 1 and "已加密，本机的系统密钥库中没有它的密钥" in refused.stderr
    assert hashlib.sha256(done.database.read_bytes()).hexdigest() == digest
