"""Encryption in the window (issue 16, decision 0028): 设置 → 数据安全 → 加密此数据库… pressed and
typed through; the encrypted database opened again with the key in the keyring, on "another PC"
(an empty keyring) with the recovery key typed into the key dialog, and refused with a wrong
key, the file byte-identical. The keyring is the file backend of tests/core/file_keyring.py,
the previous backend put back after each test. Dialogs are found as the active modal widget
and answered with the keyboard and the mouse."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

import keyring
import keyring.backends.fail as fail
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from redoffice.accounts import service as accounts
from redoffice.kit import backup_paths, backups, cipher
from redoffice.kit.db import Database, open_database
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.settings.encryption import encrypt_database
from redoffice.ui.app import _open_and_run, _parse
from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.opening import KeyDialog, check_after_start, open_with_key
from redoffice.ui.settings.encryption_dialog import EncryptDialog
from redoffice.ui.settings.encryption_tab import EncryptionTab
from redoffice.ui.settings.settings_page import SettingsPage
from tests.core.test_backup_safety import damage
from tests.core.test_encryption_damaged import cut_short
from tests.ui.driver import click, tick, type_into

D = TypeVar("D", bound=QWidget)
PASSWORD = "tab-secret-1"


@pytest.fixture
def safe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where a recovery sheet goes: a folder away from the database's."""
    return tmp_path_factory.mktemp("safe")


def another_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An empty keyring, as on another PC, and nothing held by this program."""
    monkeypatch.setenv("REDOFFICE_TEST_KEYRING", str(tmp_path / "other-pc-keyring.json"))
    monkeypatch.setattr(cipher, "_held", {})


def when_modal(kind: type[D], act: Callable[[D], None], tries: int = 1500) -> None:
    """Once a modal dialog of ``kind`` is shown (a dialog's ``exec`` runs), ``act`` on it;
    looked for every 20 ms, ``tries`` times at most."""

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))

    QTimer.singleShot(20, lambda: look(tries))


def residents(db: Database) -> int:
    return search.count_residents(db, ResidentQuery())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def encrypted_copy(db: Database, safe: Path) -> tuple[str, str, int]:
    """``db`` encrypted by the core (the GUI's own path is the first test), its sheet in
    ``safe``: url, recovery key, residents."""
    count = residents(db)
    done = encrypt_database(db, safe / "sheet.pdf")
    return f"sqlite:///{done.database}", done.recovery, count


@dataclass(frozen=True)
class OtherPc:
    """The test's database encrypted (its sheet in the safe), then an empty keyring, as on
    another PC: its url, recovery key and residents."""

    url: str
    recovery: str
    residents: int


@pytest.fixture
def other_pc(
    sqlite_db: Database,
    file_ring: Path,
    safe: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> OtherPc:
    url, recovery, count = encrypted_copy(sqlite_db, safe)
    another_pc(monkeypatch, tmp_path)
    return OtherPc(url, recovery, count)


@contextmanager
def opened_answering(url: str, answer: Callable[[KeyDialog], None]) -> Iterator[Database | None]:
    """``url`` opened as the window's start does (:func:`open_with_key`), ``answer`` acting on
    the key dialog it shows; the database (None: 退出) closed afterwards."""
    when_modal(KeyDialog, answer)
    db = open_with_key(MainWindow(), url)
    try:
        yield db
    finally:
        if db is not None:
            db.close()


def restore_when_offered(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], list[str]]:
    """When the damaged database's box is shown, 恢复最新的完好备份 pressed: the box's texts
    and what the program told afterwards (已恢复…), as they come."""
    offered: list[str] = []
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))

    def restore(box: QMessageBox) -> None:
        offered.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "恢复最新的完好备份"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, restore)
    return offered, told


def security_tab(qtbot: QtBot, ctx: AppContext, status: str) -> EncryptionTab:
    """设置 → 数据安全 shown, once it reads ``status``."""
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = cast(EncryptionTab, page.tabs.show_part("security"))
    qtbot.waitUntil(lambda: tab.status.text() == status)
    return tab


def encrypt_through_the_tab(qtbot: QtBot, ctx: AppContext, sheet: str) -> list[str]:
    """设置 → 数据安全 → 加密此数据库…, the sheet's place typed, 加密 pressed; the key shown,
    then 关闭. Returns the texts the dialog showed at the end (key, message)."""
    tab = security_tab(qtbot, ctx, "未加密")
    shown: list[str] = []

    def answer(dialog: EncryptDialog) -> None:
        dialog.sheet.clear()
        type_into(qtbot, dialog.sheet, sheet)
        tick(qtbot, dialog.move_off)  # the test's folders are on the database's disk
        click(qtbot, dialog, "加密")
        qtbot.waitUntil(lambda: dialog.key.isVisible() or dialog.message.isVisible(), timeout=60000)
        done = dialog.key.isVisible()
        shown.extend([dialog.key.text(), (dialog.intro if done else dialog.message).text()])
        click(qtbot, dialog, "关闭" if dialog.key.isVisible() else "取消")

    when_modal(EncryptDialog, answer)
    click(qtbot, tab, "加密此数据库")
    qtbot.waitUntil(lambda: bool(shown))
    return shown


def test_encrypting_through_the_tab_shows_the_key_once_and_keeps_working(
    qtbot: QtBot, ctx: AppContext, file_ring: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = Path(str(ctx.db.engine.url.database))
    before = residents(ctx.db)
    sheet = tmp_path_factory.mktemp("documents") / "恢复密钥单.pdf"
    key, said = encrypt_through_the_tab(qtbot, ctx, str(sheet))
    assert cipher.is_encrypted(path) and b"SQLite format 3" not in path.read_bytes()[:16]
    assert len(key.split()) == 14 and cipher.parse_recovery_key(key) is not None
    assert str(sheet) in said and "已加密" in said and "备份文件夹中的 1 份副本" in said
    assert sheet.read_bytes().startswith(b"%PDF")
    assert f"RedOffice/database/{cipher.file_salt(path).hex()}" in file_ring.read_text("utf-8")
    assert not ctx.db.closed and residents(ctx.db) == before  # opened again, with its key
    ctx.tasks.wait_idle()
    security_tab(qtbot, ctx, "已加密")


def test_the_dialog_names_the_plain_copy_made_to_a_chosen_place_before(
    qtbot: QtBot, ctx: AppContext, file_ring: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A 备份到… copy made before encrypting stays plain where it was put: the dialog's last
    text names it, to be deleted or made again; the backup folder's copies are encrypted."""
    path = Path(str(ctx.db.engine.url.database)).resolve()
    stick = backups.backup_to(ctx.db, tmp_path_factory.mktemp("usb") / "社区备份.sqlite").path
    sheet = tmp_path_factory.mktemp("documents") / "恢复密钥单.pdf"
    _key, said = encrypt_through_the_tab(qtbot, ctx, str(sheet))
    assert str(stick) in said and "仍未加密" in said, said
    copies = list(backup_paths.backup_folder_of(path).glob("*.sqlite"))
    assert copies and all(cipher.is_encrypted(c) for c in copies)
    ctx.tasks.wait_idle()


def test_the_recovery_sheet_is_refused_beside_the_database(
    qtbot: QtBot, ctx: AppContext, file_ring: Path, tmp_path: Path
) -> None:
    path = Path(str(ctx.db.engine.url.database))
    before = digest(path)
    _key, said = encrypt_through_the_tab(qtbot, ctx, str(path.with_name("sheet.pdf")))
    assert "数据库所在的文件夹" in said
    assert digest(path) == before and not cipher.is_encrypted(path)


def test_an_encrypted_database_opens_in_a_new_window_with_the_key_in_the_keyring(
    qtbot: QtBot, sqlite_db: Database, file_ring: Path, safe: Path
) -> None:
    url, _recovery, count = encrypted_copy(sqlite_db, safe)
    asked: list[str] = []

    def note(dialog: QDialog) -> None:
        asked.append(dialog.windowTitle())
        dialog.reject()

    when_modal(QDialog, note, tries=50)
    db = open_with_key(MainWindow(), url)
    qtbot.wait(1200)  # the look-out for a dialog has ended
    try:
        assert db is not None and residents(db) == count and asked == []
    finally:
        if db is not None:
            db.close()


def test_on_another_pc_the_typed_recovery_key_opens_it_and_is_kept(
    qtbot: QtBot, other_pc: OtherPc, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def answer(dialog: KeyDialog) -> None:
        seen.append(dialog.windowTitle())
        said.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        typed = "-".join(other_pc.recovery.lower().split())  # as typed: dashes, lower case
        type_into(qtbot, dialog.recovery, typed)
        qtbot.keyClick(dialog.recovery, Qt.Key.Key_Return)

    said: list[str] = []
    with opened_answering(other_pc.url, answer) as db:
        assert seen == ["加密的数据库"]
        assert any("请用保险柜中恢复密钥单上的恢复密钥解锁" in text for text in said)
        assert not [text for text in said if "redoffice-cli" in text or "命令行" in text]
        assert db is not None and residents(db) == other_pc.residents
    monkeypatch.setattr(cipher, "_held", {})  # the keyring alone opens it from now on
    again = open_database(other_pc.url)
    assert residents(again) == other_pc.residents
    again.close()


def test_a_wrong_key_is_said_in_the_dialog_and_quitting_leaves_the_file_as_it_was(
    qtbot: QtBot, other_pc: OtherPc
) -> None:
    path = Path(other_pc.url.removeprefix("sqlite:///"))
    before, files = digest(path), sorted(path.parent.iterdir())
    said: list[str] = []
    recovery = other_pc.recovery
    typo = recovery[:5] + ("Z" if recovery[5] != "Z" else "Y") + recovery[6:]

    def answer(dialog: KeyDialog) -> None:
        assert not dialog.message.isVisible()
        for key in (cipher.recovery_key(cipher.new_key()), typo, "ABCD EFGH"):
            dialog.recovery.clear()
            type_into(qtbot, dialog.recovery, key)
            click(qtbot, dialog, "打开")
            said.append(dialog.message.text())
        dialog.recovery.clear()
        type_into(qtbot, dialog.passphrase, "not the passphrase")
        click(qtbot, dialog, "打开")
        said.append(dialog.message.text())
        click(qtbot, dialog, "退出")

    with opened_answering(other_pc.url, answer) as db:
        assert db is None
    assert said[0].startswith("恢复密钥不对（格式正确") and said[1] == said[0]
    assert said[2].startswith("恢复密钥有误")  # only a malformed key gets the format message
    assert said[3].startswith("口令不对，请再试") and "没有口令" in said[3]  # a keyring's: none
    assert digest(path) == before and sorted(path.parent.iterdir()) == files


def test_a_database_found_damaged_after_the_window_shows_is_restored_by_pressing_the_button(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = residents(sqlite_db)
    backups.make_backup(sqlite_db)
    url, path = str(sqlite_db.engine.url), Path(str(sqlite_db.engine.url.database))
    sqlite_db.close()
    damage(path)
    db = open_database(url)  # it opens: the check finds the damage, on the worker
    ctx = AppContext(db)
    offered, told = restore_when_offered(qtbot, monkeypatch)
    ran: list[bool] = []
    check_after_start(ctx, MainWindow(), lambda: ran.append(True))
    try:
        qtbot.waitUntil(lambda: bool(ran), timeout=30000)
        assert offered[0].startswith(f"数据库文件 {path.resolve()} 已损坏")
        assert "可以用最新的备份恢复" in offered[0]  # the button below does it: no command
        assert "redoffice-cli" not in offered[0] and "命令行" not in offered[0]
        assert told[0].startswith("已恢复")
        assert ctx.db is not db and residents(ctx.db) == count
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()
        ctx.db.close()


def test_only_administrators_see_the_data_security_tab(qtbot: QtBot, ctx: AppContext) -> None:
    def tab_names() -> list[str]:
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        return [page.tabs.tabText(n) for n in range(page.tabs.count())]

    accounts.add(ctx.db, "wang", "王书记", "admin", PASSWORD)
    accounts.add(ctx.db, "li", "李四", "worker", PASSWORD)
    accounts.login(ctx.db, "wang", PASSWORD)
    assert "数据安全" in tab_names()
    accounts.login(ctx.db, "li", PASSWORD)
    assert "数据安全" not in tab_names()


@pytest.fixture
def no_ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A PC without a keyring; no key held from another test."""
    monkeypatch.setattr(cipher, "_held", {})
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(before)


def test_without_a_keyring_a_passphrase_typed_twice_encrypts_and_typed_again_opens(
    qtbot: QtBot,
    ctx: AppContext,
    no_ring: None,
    safe: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = residents(ctx.db)
    tab = security_tab(qtbot, ctx, "未加密")
    # QA 12: the tab spoke of this PC's keyring where there is none
    assert (
        "没有系统密钥库" in tab.explain.text() and "保存在本机系统密钥库" not in tab.explain.text()
    )
    said: list[str] = []

    def answer(dialog: EncryptDialog) -> None:
        assert "每次启动" in dialog.intro.text() and "照常打开" not in dialog.intro.text()
        dialog.sheet.clear()
        type_into(qtbot, dialog.sheet, str(safe / "sheet.pdf"))
        tick(qtbot, dialog.move_off)
        type_into(qtbot, dialog.passphrase, "社区口令 2027 spring")
        type_into(qtbot, dialog.again, "社区口令 2027 sprung")
        click(qtbot, dialog, "加密")
        said.append(dialog.message.text())
        dialog.again.clear()
        type_into(qtbot, dialog.again, "社区口令 2027 spring")
        click(qtbot, dialog, "加密")
        qtbot.waitUntil(dialog.key.isVisible, timeout=60000)
        click(qtbot, dialog, "关闭")

    when_modal(EncryptDialog, answer)
    click(qtbot, tab, "加密此数据库")
    assert said == ["两次输入的口令不一致，请输入相同的口令。"]
    path = Path(str(ctx.db.engine.url.database))
    assert cipher.is_encrypted(path) and residents(ctx.db) == before  # this run holds the key
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    ctx.tasks.wait_idle()
    monkeypatch.setattr(cipher, "_held", {})  # the next start of the program

    def type_passphrase(dialog: KeyDialog) -> None:
        assert not dialog.remember.isVisible()  # nowhere to keep it
        assert "请输入恢复密钥（或数据库口令）" in [lb.text() for lb in dialog.findChildren(QLabel)]
        type_into(qtbot, dialog.passphrase, "社区口令 2027 spring")
        click(qtbot, dialog, "打开")

    when_modal(KeyDialog, type_passphrase)
    db = open_with_key(MainWindow(), url)
    assert db is not None and residents(db) == before
    db.close()


def test_every_page_works_on_after_encrypting_from_the_window(
    qtbot: QtBot, ctx: AppContext, file_ring: Path, safe: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()

    def visit_every_page() -> None:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            assert ctx.tasks.wait_idle()

    visit_every_page()
    shown: list[str] = []

    def answer(dialog: EncryptDialog) -> None:
        dialog.sheet.clear()
        type_into(qtbot, dialog.sheet, str(safe / "sheet.pdf"))
        tick(qtbot, dialog.move_off)
        click(qtbot, dialog, "加密")
        qtbot.waitUntil(dialog.key.isVisible, timeout=60000)
        click(qtbot, dialog, "关闭")

    when_modal(EncryptDialog, answer)
    settings = cast(SettingsPage, window.page("settings"))
    tab = cast(EncryptionTab, settings.tabs.show_part("security"))
    qtbot.waitUntil(tab.encrypt_button.isVisible)
    click(qtbot, tab, "加密此数据库")
    watching = [True]

    def close_failures() -> None:  # every message box a page's failure shows, noted and closed
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.done(0)
        if watching:
            QTimer.singleShot(20, close_failures)

    close_failures()
    visit_every_page()  # each page built again on the reopened database: no failure shown
    qtbot.wait(500)
    watching.clear()
    assert shown == [] and cipher.is_encrypted(Path(str(ctx.db.engine.url.database)))
    assert window.page("settings") is not settings


def test_the_program_started_on_another_pc_asks_for_the_key_then_fills_the_window(
    qtbot: QtBot, qapp: QApplication, other_pc: OtherPc
) -> None:
    """The real start (``--startup-probe`` returns once the 工作台's answers and the integrity
    check are in): the key dialog over the frame, the recovery key typed, the window filled."""
    asked: list[str] = []

    def answer(dialog: KeyDialog) -> None:
        asked.append(dialog.windowTitle())
        type_into(qtbot, dialog.recovery, other_pc.recovery)
        click(qtbot, dialog, "打开")

    when_modal(KeyDialog, answer)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    args = _parse(["--db", other_pc.url.removeprefix("sqlite:///"), "--startup-probe"])
    try:
        assert _open_and_run(qapp, window, args) == 0
    finally:
        gc.unfreeze()  # the start froze every object alive (freeze_startup_objects)
    assert asked == ["加密的数据库"]
    assert "幸福社区" in window.identity_label.text()  # read from the opened database
    window.ctx.tasks.shutdown()
    window.ctx.db.close()


def test_a_damaged_encrypted_database_opened_with_its_key_offers_the_newest_backup(
    qtbot: QtBot, other_pc: OtherPc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 12: the right recovery key typed for a cut-short encrypted file was told "恢复密钥不对"
    again and again; the start now offers the damaged database's way out, as for a plain one."""
    path = Path(other_pc.url.removeprefix("sqlite:///"))
    cipher.hold(path, cipher.parse_recovery_key(other_pc.recovery))
    db = open_database(other_pc.url)
    backups.make_backup(db, manual=True)
    db.close()
    monkeypatch.setattr(cipher, "_held", {})  # another start: the key not known
    cut_short(path)
    offered, told = restore_when_offered(qtbot, monkeypatch)

    def answer(dialog: KeyDialog) -> None:
        type_into(qtbot, dialog.recovery, other_pc.recovery)
        click(qtbot, dialog, "打开")

    with opened_answering(other_pc.url, answer) as db:
        assert db is not None and residents(db) == other_pc.residents
    assert offered[0].startswith(f"数据库文件 {path.resolve()} 已损坏")
    assert told[0].startswith("已恢复")
