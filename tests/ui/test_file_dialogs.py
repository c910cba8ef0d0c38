"""File dialogs open where the user last chose a file, else in 文档 — never in the program's
own folder (on Windows, where it is installed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from redoffice.kit.db import Database
from redoffice.ui.kit import ask, ui_state


def _opened_in(qtbot: QtBot, show: object) -> str:
    """Open a real file dialog through ``show()``, note its folder, cancel it."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.directory().absolutePath())
        dialog.reject()

    QTimer.singleShot(20, look)
    assert show() in (None, [])  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_first_time_not_the_programs_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "RedOffice"
    program.mkdir()
    monkeypatch.chdir(program)
    folder = _opened_in(qtbot, lambda: ask.save_path(None, "导出", "居民.xlsx", "Excel (*.xlsx)"))
    assert Path(folder) != program and Path(folder) == ui_state.start_folder()


def test_the_last_folder_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    ui_state.remember_folder(str(stick / "台账.xlsx"))
    assert ui_state.start_folder() == stick
    assert _opened_in(qtbot, lambda: ask.open_path(None, "导入", "Excel (*.xlsx)")) == str(stick)
    assert _opened_in(qtbot, lambda: ask.save_path(None, "导出", "a.xlsx", "*.xlsx")) == str(stick)


def _locks_on(*files: Path) -> int:
    """POSIX locks this process holds on the given files (Linux: /proc/locks)."""
    inodes = {f":{f.stat().st_ino} " for f in files if f.exists()}
    mine = f" {os.getpid()} "
    lines = Path("/proc/locks").read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if mine in line and any(i in line for i in inodes))


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux only (POSIX locks)")
def test_browsing_the_databases_folder_keeps_its_locks(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    """Closing any descriptor of a file drops the process's POSIX locks on it: a dialog that
    opened the database's files to guess their type let the CLI delete the running app's WAL."""
    with sqlite_db.engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM resident").all()
        database = Path(str(sqlite_db.engine.url.database))
        files = (database, database.with_name(database.name + "-shm"))
        held = _locks_on(*files)
        assert held > 0
        ui_state.remember_folder(str(database))

        def listed() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, listed)
                return
            qtbot.wait(1500)  # the dialog's gatherer lists and types every file of the folder
            dialog.reject()

        QTimer.singleShot(20, listed)
        assert ask.open_path(None, "导入", "Excel (*.xlsx)") is None
        assert _locks_on(*files) == held
