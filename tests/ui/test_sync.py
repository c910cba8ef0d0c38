"""数据同步 page (issue 14, screens): a community and a street office as two real SQLite files,
driven by real clicks and keys. The only stand-ins: the keyring (an in-memory one, the edge of
the machine) and the file dialogs' answers (as every UI test answers them)."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.models import Resident, SyncPackage, SyncPartner
from redoffice.sync import acks, keys, wire
from redoffice.ui.kit import ui_state
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.main_window import MainWindow
from redoffice.ui.sync import drives
from redoffice.ui.sync.dialogs import EnrolImportDialog, PassphraseDialog
from redoffice.ui.sync.sync_page import SyncPage
from tests.conftest import Templates
from tests.core.sync_support import community_db, memory_keyring, no_keyring, street_db
from tests.factories import add_resident, setup_place
from tests.ui.driver import click_row, type_into

D = TypeVar("D", bound=QWidget)
SCREEN_W, SCREEN_H = 1366, 728  # 1366×768 less the taskbar


class Office:
    """One office's database, its context and its 数据同步 page on screen."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.db = db
        self.ctx = AppContext(db)
        self.page = SyncPage(self.ctx)
        qtbot.addWidget(self.page)
        self.page.resize(1216, 700)
        self.page.show()
        self.settle()

    def settle(self) -> None:
        assert self.ctx.tasks.wait_idle(30)

    def close(self) -> None:
        self.ctx.tasks.wait_idle(5)
        self.ctx.tasks.shutdown()


@pytest.fixture
def offices(qtbot: QtBot, tmp_path: Path, templates: Templates) -> Iterator[tuple[Office, Office]]:
    with memory_keyring():
        c = community_db(tmp_path / "community.sqlite", templates)
        s = street_db(tmp_path / "street.sqlite", templates)
        community, street = Office(qtbot, c), Office(qtbot, s)
        try:
            yield community, street
        finally:
            community.close()
            street.close()
            c.close()
            s.close()


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def when_open(kind: type[D], answer: Callable[[D], None]) -> list[D]:
    """Answer the modal dialog of ``kind`` a click is about to open (it runs its own event
    loop, so the answer comes from a timer inside it). Returns the dialogs answered."""
    answered: list[D] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and all(modal is not seen for seen in answered):
            answered.append(modal)
            answer(modal)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return answered


def fits_screen(dialog: QWidget) -> None:
    frame = dialog.frameGeometry()
    assert frame.width() <= SCREEN_W and frame.height() <= SCREEN_H, frame


def export_enrolment(
    qtbot: QtBot, office: Office, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    office.page.show_tab("enrol")
    click(qtbot, office.page.enrol_tab.export_button)
    office.settle()
    assert target.exists()
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow)]
    shown = [w for w in previews if w.isVisible()]
    assert shown and shown[-1].windowTitle() == "数据同步登记表"
    assert shown[-1].document.pageCount() == 1
    shown[-1].hide()


def import_enrolment(
    qtbot: QtBot,
    office: Office,
    source: Path,
    fingerprint: str,
    monkeypatch: pytest.MonkeyPatch,
    wrong_first: bool = False,
) -> list[str]:
    """Import ``source`` through the dialog, typing ``fingerprint`` (a wrong one first when
    asked); returns the refusals the dialog showed."""
    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", lambda *_a: str(source))
    refusals: list[str] = []

    def answer(dialog: EnrolImportDialog) -> None:
        fits_screen(dialog)
        shown = dialog.findChild(QLabel, "fingerprint")
        assert shown is not None and keys.grouped(dialog.found.fingerprint)[:11] in (
            shown.text().replace("\n", " ")
        )
        if wrong_first:
            wrong = ("1" if fingerprint[0] != "1" else "2") + fingerprint[1:]
            type_into(qtbot, dialog.typed, wrong)
            click(qtbot, dialog.enrol_button)
            qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
            refusals.append(dialog.error.text())
            dialog.typed.clear()
        type_into(qtbot, dialog.typed, keys.grouped(fingerprint))
        click(qtbot, dialog.enrol_button)

    answered = when_open(EnrolImportDialog, answer)
    office.page.show_tab("enrol")
    click(qtbot, office.page.enrol_tab.import_button)
    qtbot.waitUntil(lambda: bool(answered), timeout=20000)
    office.settle()
    qtbot.waitUntil(lambda: not isValid(answered[0]) or not answered[0].isVisible())
    office.settle()
    return refusals


def enrol_both(
    qtbot: QtBot,
    community: Office,
    street: Office,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> list[str]:
    c_file, s_file = folder / "社区.roenrol", folder / "街道.roenrol"
    export_enrolment(qtbot, community, c_file, monkeypatch)
    export_enrolment(qtbot, street, s_file, monkeypatch)
    c_print = keys.info(community.db).fingerprint
    s_print = keys.info(street.db).fingerprint
    refusals = import_enrolment(qtbot, street, c_file, c_print, monkeypatch, wrong_first=True)
    import_enrolment(qtbot, community, s_file, s_print, monkeypatch)
    return refusals


def residents(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def _button(root: QWidget, text: str) -> QPushButton:
    return next(b for b in root.findChildren(QPushButton) if text in b.text())


def export_package(
    qtbot: QtBot, community: Office, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setattr("redoffice.ui.kit.ask.folder", lambda *_a: str(usb))
    community.page.show_tab("transfer")
    send = community.page.send_tab
    assert send is not None
    choose = next(
        b for b in send.findChildren(type(send.export_button)) if "选择文件夹" in b.text()
    )
    click(qtbot, choose)
    assert send.target.currentData() == str(usb)
    before = set(usb.glob(f"*{wire.SUFFIX}"))
    click(qtbot, send.export_button)
    community.settle()
    made = set(usb.glob(f"*{wire.SUFFIX}")) - before
    assert len(made) == 1, send.export_result.text()
    return made.pop()


def import_packages(
    qtbot: QtBot, street: Office, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> list[list[str]]:
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(f) for f in files])
    street.page.show_tab("transfer")
    receive = street.page.receive_tab
    assert receive is not None
    click(qtbot, receive.import_button)
    street.settle()
    table = receive.results
    return [[table.text(r, c) for c in range(6)] for r in range(table.rowCount())]


def history(office: Office) -> list[list[str]]:
    office.page.show_tab("history")
    office.settle()
    table = office.page.history_tab.history_table
    return [[table.text(r, c) for c in range(9)] for r in range(table.rowCount())]


# ── the whole round trip ──────────────────────────────────────────────────────────────────


def test_enrol_export_import_and_acknowledge_by_clicks(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    add_resident(community.db, "李四", household=household, seq=1)
    add_resident(community.db, "王五", household=household, seq=2)

    refusals = enrol_both(qtbot, community, street, tmp_path, monkeypatch)
    # a wrong digit: the core's refusal shown in the dialog, nothing stored until it matched
    assert refusals and "指纹不符" in refusals[0] and "请勿登记" in refusals[0]
    # the fingerprint large, in groups, on both sides
    own = keys.grouped(keys.info(street.db).fingerprint)
    assert street.page.enrol_tab.fingerprint.text().replace("\n", " ") == own
    partners = street.page.enrol_tab.partners
    assert partners.rowCount() == 1
    assert partners.text(0, 0) == "幸福社区" and partners.text(0, 3) == "已登记"

    usb = tmp_path / "U盘"
    usb.mkdir()
    package = export_package(qtbot, community, usb, monkeypatch)
    send = community.page.send_tab
    assert send is not None and "已导出" in send.export_result.text()
    assert ui_state.load("sync/export_folder") == str(usb)  # remembered for next time

    rows = import_packages(qtbot, street, [package], monkeypatch)
    assert rows[0][0] == package.name and rows[0][1] == "已导入", rows
    assert int(rows[0][3]) >= 5 and rows[0][4] == "0" and rows[0][5].endswith(".rosack")
    assert residents(street.db) == 2
    assert any(r[1] == "收到数据包" and r[4] == "已导入" for r in history(street)), history(street)
    status = street.page.history_tab.partner_table
    assert status.rowCount() == 1 and status.text(0, 0) == "幸福社区"
    assert int(status.text(0, 4)) > 0  # imported up to

    # the same file again: 重复, nothing changed
    rows = import_packages(qtbot, street, [package], monkeypatch)
    assert rows[0][1] == "重复"
    assert residents(street.db) == 2

    ack = sorted(usb.glob("*.rosack"))[-1]
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(ack)])
    community.page.show_tab("transfer")
    click(qtbot, send.ack_button)
    community.settle()
    assert "第" in send.ack_result.text() and ack.name in send.ack_result.text()
    with community.db.read() as s:
        street_row = s.scalars(select(SyncPartner)).one()
        assert street_row.acked_seq == street_row.sent_seq > 0
    assert any(r[1] == "收到回执" for r in history(community))
    assert "已确认到第" in send.summary.text() or str(street_row.acked_seq) in send.summary.text()

    # a receipt the street sent unasked (审批与通知 › 发送回执…): its status in words
    unasked = acks.write_receipt(street.db, keys.load_keys(street.db), community.db.node_id, usb)
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(unasked)])
    community.page.show_tab("transfer")
    click(qtbot, send.ack_button)
    community.settle()
    assert "（街道主动发送，不对应数据包）" in send.ack_result.text(), send.ack_result.text()


def test_a_refused_package_shows_the_reason_and_applies_nothing(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    add_resident(community.db, "李四", household=household, seq=1)
    enrol_both(qtbot, community, street, tmp_path, monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()
    package = export_package(qtbot, community, usb, monkeypatch)
    data = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        member = archive.getinfo(wire.CHANGES)
    start = member.header_offset + 30 + len(member.filename.encode()) + len(member.extra)
    data[start + member.compress_size // 2] ^= 0x01  # one bit flipped in the payload
    broken = usb / "坏的.rosync"
    broken.write_bytes(bytes(data))
    truncated = usb / "拔早了.rosync"
    truncated.write_bytes(package.read_bytes()[: len(data) // 3])

    rows = import_packages(qtbot, street, [broken, truncated], monkeypatch)
    by_file = {r[0]: r for r in rows}
    assert by_file[broken.name][1] == "拒绝" and "已拒收" in by_file[broken.name][2]
    assert by_file[truncated.name][1] in ("拒绝", "未导入")
    assert "U盘" in by_file[truncated.name][2] or "损坏" in by_file[truncated.name][2]
    assert "Traceback" not in str(rows)
    assert residents(street.db) == 0
    refused = [r for r in history(street) if r[4] == "拒绝"]
    assert refused and refused[0][5]  # the reason in the history too
    street.page.history_tab.only_problems.click()
    assert street.page.history_tab.history_table.rowCount() == len(refused)


def test_cancel_leaves_nothing_applied(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    add_resident(community.db, "李四", household=household, seq=1)
    enrol_both(qtbot, community, street, tmp_path, monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()

    # 取消 pressed while the export waits behind other work: no file, nothing recorded
    monkeypatch.setattr("redoffice.ui.kit.ask.folder", lambda *_a: str(usb))
    send = community.page.send_tab
    assert send is not None
    community.page.show_tab("transfer")
    choose = next(
        b for b in send.findChildren(type(send.export_button)) if "选择文件夹" in b.text()
    )
    click(qtbot, choose)
    gate = threading.Event()
    community.ctx.tasks.run(gate.wait, lambda _r: None)
    click(qtbot, send.export_button)
    assert send.work.isVisible()
    click(qtbot, send.work.cancel_button)
    gate.set()
    community.settle()
    assert "已取消" in send.export_result.text()
    assert not list(usb.iterdir())
    with community.db.read() as s:
        assert not s.scalars(select(SyncPackage).where(SyncPackage.direction == "out")).all()
    assert not send.work.isVisible()

    package = export_package(qtbot, community, usb, monkeypatch)

    # 取消 during the import: nothing applied, the high-water mark unchanged
    monkeypatch.setattr("redoffice.ui.kit.ask.open_paths", lambda *_a: [str(package)])
    receive = street.page.receive_tab
    assert receive is not None
    street.page.show_tab("transfer")
    gate = threading.Event()
    street.ctx.tasks.run(gate.wait, lambda _r: None)
    click(qtbot, receive.import_button)
    click(qtbot, receive.work.cancel_button)
    gate.set()
    street.settle()
    assert receive.results.text(0, 1) == "已取消"
    assert residents(street.db) == 0
    with street.db.read() as s:
        assert s.scalars(select(SyncPartner)).one().applied_seq == 0
        assert not s.scalars(select(SyncPackage).where(SyncPackage.status == "applied")).all()
    # and the same file imports whole afterwards
    rows = import_packages(qtbot, street, [package], monkeypatch)
    assert rows[0][1] == "已导入" and residents(street.db) == 1


def test_packages_dropped_onto_the_page_are_imported(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    add_resident(community.db, "李四", household=household, seq=1)
    enrol_both(qtbot, community, street, tmp_path, monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = export_package(qtbot, community, usb, monkeypatch)
    add_resident(community.db, "王五", household=household, seq=2)
    second = export_package(qtbot, community, usb, monkeypatch)

    street.page.show_tab("transfer")
    receive = street.page.receive_tab
    assert receive is not None
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    # as a real drag does: it enters the page (accepted: files), then is dropped
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(receive, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(receive, drop)
    street.settle()
    results = {receive.results.text(r, 0): receive.results.text(r, 1) for r in range(2)}
    # cumulative: the second holds the first's records too; in order, each is applied or seen
    assert results[first.name] == "已导入" and results[second.name] == "已导入"
    assert residents(street.db) == 2


# ── keys, passphrase, revoking ────────────────────────────────────────────────────────────


def test_without_a_keyring_a_passphrase_protected_key_file(
    qtbot: QtBot, tmp_path: Path, templates: Templates
) -> None:
    with no_keyring():
        db = community_db(tmp_path / "c.sqlite", templates)
        office = Office(qtbot, db)
        try:
            tab = office.page.enrol_tab
            assert tab.no_keyring.isVisible() and "密钥库" in tab.no_keyring.text()
            seen: list[str] = []

            def answer(dialog: PassphraseDialog) -> None:
                fits_screen(dialog)
                for first, second in (("short", "short"), ("geheim-123", "geheim-124")):
                    type_into(qtbot, dialog.first, first)
                    type_into(qtbot, dialog.second, second)
                    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
                    assert dialog.isVisible()
                    seen.append(dialog.error.text())
                    dialog.first.clear()
                    dialog.second.clear()
                type_into(qtbot, dialog.first, "geheim-123")
                type_into(qtbot, dialog.second, "geheim-123")
                qtbot.keyClick(dialog.second, Qt.Key.Key_Return)

            answered = when_open(PassphraseDialog, answer)
            click(qtbot, tab.make_keys_button)
            office.settle()
            assert answered and not answered[0].isVisible()
            assert "8" in seen[0] and "不一致" in seen[1], seen
            info = keys.info(db)
            assert info.store == keys.KEY_FILE and keys.key_file(db.node_id).exists()
            assert tab.fingerprint.text().replace("\n", " ") == keys.grouped(info.fingerprint)
            assert str(keys.key_file(db.node_id)) in tab.key_where.text()
            assert not tab.make_keys_button.isVisible() and not tab.no_keyring.isVisible()
            assert keys.load_keys(db, "geheim-123").key_id == info.key_id
        finally:
            office.close()
            db.close()


def test_revoking_asks_with_no_as_the_safe_default(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    enrol_both(qtbot, community, street, tmp_path, monkeypatch)
    tab = street.page.enrol_tab
    street.page.show_tab("enrol")
    assert not community.page.enrol_tab.revoke_button.isVisible()  # the street's to do
    click_row(qtbot, tab.partners, 0)
    asked: list[str] = []

    def enter(box: QMessageBox) -> None:
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: 否

    when_open(QMessageBox, enter)
    click(qtbot, tab.revoke_button)
    street.settle()
    assert asked and "幸福社区" in asked[0]
    assert tab.partners.text(0, 3) == "已登记"

    def yes(box: QMessageBox) -> None:
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_open(QMessageBox, yes)
    click(qtbot, tab.revoke_button)
    street.settle()
    assert tab.partners.text(0, 3) == "已撤销"
    assert not tab.revoke_button.isEnabled()


# ── where packages go ────────────────────────────────────────────────────────────────────


def test_usb_sticks_and_the_last_folder_are_offered(
    qtbot: QtBot, offices: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    community, _street = offices
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    last = tmp_path / "上次"
    last.mkdir()
    ui_state.save("sync/export_folder", str(last))
    monkeypatch.setattr(drives, "removable_drives", lambda: [drives.Drive(str(stick), "KINGSTON")])
    monkeypatch.setattr("redoffice.ui.sync.transfer_tab.removable_drives", drives.removable_drives)
    community.page.show_tab("transfer")
    send = community.page.send_tab
    assert send is not None
    look = _button(send, "U盘")
    click(qtbot, look)
    offered = [send.target.itemData(i) for i in range(send.target.count())]
    texts = [send.target.itemText(i) for i in range(send.target.count())]
    assert offered == [str(last), str(stick)], texts
    assert "KINGSTON" in texts[1] and "U盘" in texts[1]


def test_which_volumes_count_as_removable() -> None:
    assert drives.is_removable("/media/zhang/KINGSTON")
    assert drives.is_removable("/run/media/zhang/U盘")
    assert not drives.is_removable("/")
    assert not drives.is_removable("/home")
    assert not drives.is_removable("/boot/efi")


def test_the_page_is_in_the_navigation(qtbot: QtBot, demo_db: Database) -> None:
    ctx = AppContext(demo_db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    try:
        assert ctx.tasks.wait_idle(10)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "数据同步" in titles
        click_row(qtbot, window.nav, titles.index("数据同步"))
        assert ctx.tasks.wait_idle(10)
        page = window.page("sync")
        assert isinstance(page, SyncPage) and window.stack.currentWidget() is page
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            "登记",
            "发送",
            "记录",
        ]
    finally:
        ctx.tasks.wait_idle(5)
        ctx.tasks.shutdown()


def test_the_dialogs_fit_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    for dialog in (PassphraseDialog(True), PassphraseDialog(False)):
        qtbot.addWidget(dialog)
        dialog.show()
        fits_screen(dialog)
        dialog.close()
