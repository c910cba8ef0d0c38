"""File dialogs open where the user last chose a file, else in 文档 — never in the program's
own folder (on Windows, where it is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

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
