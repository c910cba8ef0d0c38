"""Backups in the GUI (issue 16): 设置 → 备份 (second folder, 立即备份, the same-disk warning),
从备份恢复… answered by pressing the message box's buttons, and a damaged database at start-up
put right by pressing 恢复最新的完好备份."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.kit import backups
from redoffice.kit.db import Database
from redoffice.kit.touched import Changes
from redoffice.models import Resident
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.ui.backup_actions import open_or_recover
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.settings.backup_settings import BackupSettings
from tests.core.test_backup_safety import damage

PASSWORD = "backup-secret"


def press_in_message_box(
    qtbot: QtBot, label: str | QMessageBox.StandardButton, seen: list[str]
) -> None:
    """Once a message box is shown, note its text and press its button ``label`` (a text,
    or a standard button)."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        if isinstance(label, str):
            (button,) = [b for b in box.buttons() if b.text() == label]
        else:
            button = box.button(label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, look)


@pytest.fixture
def settings(qtbot: QtBot, ctx: AppContext) -> BackupSettings:
    page = BackupSettings(ctx)
    qtbot.addWidget(page)
    page.show()
    ctx.tasks.wait_idle()
    return page


def test_backup_settings_second_folder_and_back_up_now(
    qtbot: QtBot,
    settings: BackupSettings,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "同一块磁盘" in settings.warning.text() and settings.warning.isVisible()
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr("redoffice.ui.kit.ask.folder", lambda *_a: str(stick))
    qtbot.mouseClick(settings.choose_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    assert settings.second.text() == f"第二备份位置：{stick}"
    qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    assert settings.status.text().startswith("已备份并校验：")
    assert settings.copies.text().startswith("备份 2 份")  # the folder's and the stick's
    assert not settings.warning.isVisible()
    assert len(list(stick.glob("*.sqlite"))) == 1


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    ctx.tasks.wait_idle()
    return main


def test_restore_from_backup_pressing_yes(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ctx)
    before = search.count_residents(ctx.db, ResidentQuery())
    made = backups.make_backup(ctx.db).path
    (first,) = search.resident_ids(ctx.db, ResidentQuery(), limit=1)
    with ctx.db.uow() as s:
        s.get_one(Resident, first).deleted = True
    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", lambda *_a: str(made))
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    asked: list[str] = []
    press_in_message_box(qtbot, QMessageBox.StandardButton.Yes, asked)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert f"备份文件：{made}" in asked[0] and f"居民 {before}" in asked[0]
    assert search.count_residents(ctx.db, ResidentQuery()) == before
    aside = Path(
        told[0].splitlines()[0].removeprefix("已恢复。恢复前的数据库已另存为 ").rstrip("。")
    )
    assert aside.name.startswith("redoffice-before-restore-")
    assert dict(backups.verify(aside).counts)["居民"] == before - 1


def test_a_damaged_database_at_start_is_restored_by_pressing_the_button(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(r.name for r in search.search_residents(sqlite_db, ResidentQuery()))
    backups.make_backup(sqlite_db)
    url, path = str(sqlite_db.engine.url), Path(str(sqlite_db.engine.url.database))
    sqlite_db.close()
    damage(path)
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    shown: list[str] = []
    press_in_message_box(qtbot, "恢复最新的完好备份", shown)
    db = open_or_recover(MainWindow(), url)
    try:
        assert shown[0].startswith(f"数据库文件 {path.resolve()} 已损坏")
        assert sorted(r.name for r in search.search_residents(db, ResidentQuery())) == names
        assert told[0].startswith("已恢复。恢复前的数据库已另存为 ")
    finally:
        db.close()


def test_declining_the_recovery_leaves_the_damaged_file_as_it_was(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    backups.make_backup(sqlite_db)
    url, path = str(sqlite_db.engine.url), Path(str(sqlite_db.engine.url.database))
    sqlite_db.close()
    damage(path)
    damaged: Callable[[], bytes] = path.read_bytes
    before = damaged()
    press_in_message_box(qtbot, "退出", [])
    with pytest.raises(backups.Damaged):
        open_or_recover(MainWindow(), url)
    assert damaged() == before


def test_back_up_to_and_restore_are_enabled_by_the_role(qtbot: QtBot, ctx: AppContext) -> None:
    """备份到… needs EXPORT_UNMASKED (the copy holds every full ID number), 从备份恢复…
    MANAGE_SETTINGS: a 出纳 sees both greyed out; after switching to the 书记 they work."""
    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    accounts.add(ctx.db, "chuna", "周出纳", "cashier", PASSWORD)
    accounts.login(ctx.db, "chuna", PASSWORD)
    window = _window(qtbot, ctx)
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    accounts.login(ctx.db, "wang", PASSWORD)
    ctx.announce(Changes.everything())
    ctx.tasks.wait_idle()
    assert window.backup_action.isEnabled() and window.restore_action.isEnabled()
