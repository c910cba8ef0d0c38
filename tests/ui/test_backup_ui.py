"""Backups in the GUI (issue 16): 设置 → 备份 (second folder, 立即备份, the same-disk warning),
从备份恢复… answered by pressing the message box's buttons, and a damaged database at start-up
put right by pressing 恢复最新的完好备份."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.kit import backups, clock
from redoffice.kit.db import Database, open_database
from redoffice.kit.touched import Changes
from redoffice.models import Resident
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.ui import backup_actions
from redoffice.ui.backup_actions import open_or_recover
from redoffice.ui.kit import screen_fit
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.restore_dialog import RestoreDialog
from redoffice.ui.settings.backup_settings import BackupSettings
from tests.core.test_backup_safety import damage

if TYPE_CHECKING:
    from redoffice.ui.settings.settings_page import SettingsPage

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


def in_restore_dialog(qtbot: QtBot, act: Callable[[RestoreDialog], None]) -> None:
    """Once 从备份恢复… is shown and has listed the copies, ``act`` on it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog) or dialog.table.rowCount() == 0:
            QTimer.singleShot(20, look)
            return
        act(dialog)

    QTimer.singleShot(20, look)


def _row_texts(dialog: RestoreDialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def _click_row(qtbot: QtBot, dialog: RestoreDialog, row: int) -> None:
    rect = dialog.table.visualItemRect(dialog.table.item(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_restore_lists_the_copies_and_keeps_the_current_database_aside(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """从备份恢复… lists the copies (newest first: date, kind, size, counts); the older one
    chosen by a click, 恢复 pressed, the question answered 是: the data is the copy's, and
    the healthy database is kept aside as -before-restore-, not -damaged-."""
    window = _window(qtbot, ctx)
    before = search.count_residents(ctx.db, ResidentQuery())
    made = backups.make_backup(ctx.db).path
    (first,) = search.resident_ids(ctx.db, ResidentQuery(), limit=1)
    with ctx.db.uow() as s:
        s.get_one(Resident, first).deleted = True
    later = backups.backup_before(ctx.db, "import")
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    listed: list[list[str]] = []

    def choose_the_older(dialog: RestoreDialog) -> None:
        listed.extend(_row_texts(dialog, row) for row in range(dialog.table.rowCount()))
        _click_row(qtbot, dialog, 1)
        press_in_message_box(qtbot, QMessageBox.StandardButton.Yes, asked)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    asked: list[str] = []
    in_restore_dialog(qtbot, choose_the_older)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert [row[4] for row in listed] == [later.name, made.name]  # the heading names the folder
    assert all(len(row[0]) == len("2027-03-17 09:00:00") for row in listed)  # with seconds
    assert listed[0][1] == "导入前" and listed[1][1] == "自动备份"
    assert listed[1][2].endswith(" MB") and f"居民 {before}" in listed[1][3]
    assert f"居民 {before - 1}" in listed[0][3]
    assert f"备份文件：{made}" in asked[0]
    assert search.count_residents(ctx.db, ResidentQuery()) == before
    aside = Path(
        told[0].splitlines()[0].removeprefix("已恢复。恢复前的数据库已另存为 ").rstrip("。")
    )
    assert aside.name.startswith("redoffice-before-restore-")
    assert dict(backups.verify(aside).counts)["居民"] == before - 1


def test_the_restore_list_shows_each_file_name_whole_at_1366(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a 1366×768 office screen 从备份恢复… shows every copy's file name whole (the second
    folder's marked as such) and each row on one line: 内容 takes the room left. It was cut
    to "redoffice-before-…"."""
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(0, 0, 1366, 728))
    window = _window(qtbot, ctx)
    stick = tmp_path / "U盘"
    stick.mkdir()
    backups.set_second_folder(ctx.db, stick)
    names = [backups.make_backup(ctx.db).path.name, backups.backup_before(ctx.db, "import").name]
    shown: list[tuple[str, int, int, bool]] = []
    on_screen: list[bool] = []  # the column's end inside the table, no scrolling

    def look_and_cancel(dialog: RestoreDialog) -> None:
        table, files = dialog.table, dialog.table.columnCount() - 1
        right = table.horizontalHeader().sectionViewportPosition(files) + table.columnWidth(files)
        for row in range(table.rowCount()):
            text = table.item(row, files).text()
            need = table.fontMetrics().horizontalAdvance(text)
            one_line = table.rowHeight(row) == table.verticalHeader().defaultSectionSize()
            shown.append((text, need, table.columnWidth(files), one_line))
        on_screen.append(right <= table.viewport().width() and dialog.width() <= 1366)
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    in_restore_dialog(qtbot, look_and_cancel)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    texts = [text for text, _need, _width, _one in shown]
    assert sorted(texts) == sorted([*names, f"{names[0]}（第二备份位置）"])
    assert all(need < width for _text, need, width, _one in shown)  # not elided
    assert all(one_line for *_rest, one_line in shown)
    assert on_screen == [True]


def test_other_file_opens_the_file_dialog_in_the_backup_folder(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ctx)
    backups.make_backup(ctx.db)
    elsewhere = backups.backup_to(ctx.db, tmp_path / "U盘" / "社区备份.sqlite").path
    started_in: list[str] = []

    def open_path(_parent: object, _title: str, _filters: str, start: str = "") -> str:
        started_in.append(start)
        return str(elsewhere)

    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", open_path)
    asked: list[str] = []

    def other_file(dialog: RestoreDialog) -> None:
        press_in_message_box(qtbot, QMessageBox.StandardButton.No, asked)
        qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)

    in_restore_dialog(qtbot, other_file)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    ctx.tasks.wait_idle()
    assert started_in == [str(backups.default_backup_folder(ctx.db.engine))]
    assert f"备份文件：{elsewhere}" in asked[0]


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


def _backup_page(window: MainWindow, ctx: AppContext) -> BackupSettings:
    window.show_page("settings")
    page = cast("SettingsPage", window.page("settings")).tabs.show_part("backup")
    ctx.tasks.wait_idle()
    assert isinstance(page, BackupSettings)
    return page


def test_back_up_now_makes_a_copy_that_opens_and_the_page_follows_every_copy(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """The daily copy at start and 立即备份 (on the worker, as the window runs them) refresh
    设置 → 备份's count, size and date; the copy made by the button opens as a database with
    the same residents."""
    window = _window(qtbot, ctx)
    page = _backup_page(window, ctx)
    assert page.copies.text().startswith("备份 0 份")
    backup_actions.automatic(ctx, window)  # what the app runs once the window is filled
    ctx.tasks.wait_idle()
    assert page.copies.text().startswith("备份 1 份")
    residents = search.count_residents(ctx.db, ResidentQuery())
    with clock.frozen(clock.now() + timedelta(days=1)):
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
        ctx.tasks.wait_idle()
        assert page.copies.text().startswith("备份 2 份")
        assert f"最新一份：{clock.today():%Y-%m-%d}" in page.copies.text()
    made = Path(page.status.text().removeprefix("已备份并校验：").split("（")[0])
    copy = open_database(f"sqlite:///{made}")
    try:
        assert search.count_residents(copy, ResidentQuery()) == residents
    finally:
        copy.close()


def test_the_backup_warning_stays_clear_of_the_operator_label_at_1366(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = _window(qtbot, ctx)
    window.resize(1366, 768)
    backup_actions.automatic(ctx, window)
    ctx.tasks.wait_idle()
    warning = window.statusBar().findChild(QLabel, "backup_warning")
    assert isinstance(warning, QLabel)
    qtbot.waitUntil(lambda: "同一块磁盘" in warning.toolTip())
    assert warning.isVisible() and warning.text()
    operator = window.identity_label
    assert "经办人" in operator.text()
    assert warning.geometry().right() < operator.geometry().left()
    shown = warning.fontMetrics().horizontalAdvance(warning.text())
    assert shown <= warning.contentsRect().width()
