"""数据同步 messages a secretary understands (QA findings 5, 7, 8), by real clicks: the whole
reason of a refused package (wrapped, as a tooltip, and below the table for the row chosen),
the community named rather than its node id, the fingerprint check saying how many digits
were typed and which group differs, and 取消 saying what was not done."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from redoffice.sync import keys
from redoffice.ui.kit.list_table import ROW_HEIGHT
from redoffice.ui.sync.dialogs import EnrolImportDialog
from tests.factories import add_resident, setup_place
from tests.ui.driver import click_row, type_into
from tests.ui.test_sync import (
    Office,
    click,
    enrol_both,
    export_enrolment,
    export_package,
    import_enrolment,
    import_packages,
    offices,
    residents,
    when_open,
)

__all__ = ["offices"]  # the fixture, shared with test_sync.py
SHOTS = Path("/tmp/fix-messages")


def tooltip_at(table_view: object, row: int, column: int) -> str:
    """The tooltip the mouse resting on a cell shows (the event Qt sends after a pause)."""
    from redoffice.ui.sync.transfer_tab import ResultsTable

    assert isinstance(table_view, ResultsTable)
    QToolTip.hideText()
    rect = table_view.visualRect(table_view.model().index(row, column))
    viewport = table_view.viewport()
    at = rect.center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    return QToolTip.text()


def test_a_long_reason_is_shown_whole_and_names_the_community(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    _grid, _estate, household = setup_place(community.db)
    add_resident(community.db, "李四", household=household, seq=1)
    # the community enrolled the street, the street not (yet) the community
    s_file = tmp_path / "街道.roenrol"
    export_enrolment(qtbot, community, tmp_path / "社区.roenrol", monkeypatch)  # its keys
    export_enrolment(qtbot, street, s_file, monkeypatch)
    import_enrolment(qtbot, community, s_file, keys.info(street.db).fingerprint, monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()
    package = export_package(qtbot, community, usb, monkeypatch)
    truncated = usb / "拔早了.rosync"
    truncated.write_bytes(package.read_bytes()[:200])

    rows = import_packages(qtbot, street, [package, truncated], monkeypatch)
    receive = street.page.receive_tab
    assert receive is not None
    table = receive.results
    row = next(r for r in range(table.rowCount()) if table.text(r, 0) == package.name)
    reason = rows[row][2]
    assert reason.startswith("数据包来自未登记的社区（编号 ") and community.db.node_id in reason
    assert reason.endswith("请先导入该社区的登记文件并核对指纹")
    assert residents(street.db) == 0
    # the whole text as the tooltip of each cell, the row grown to hold the wrapped reason
    street.page.resize(1000, 700)  # narrower: the reason no longer fits on one line
    qtbot.wait(50)
    assert tooltip_at(table, row, 2) == reason
    assert tooltip_at(table, row, 0) == package.name
    assert table.rowHeight(row) > ROW_HEIGHT
    # the row clicked: its whole reason below the table
    click_row(qtbot, table, row)
    assert receive.detail.text() == f"{package.name}：拒绝。{reason}。"  # a sentence (QA 12)
    other = 1 - row
    click_row(qtbot, table, other)
    assert receive.detail.text().startswith(f"{truncated.name}：")
    assert rows[other][2] in receive.detail.text()
    SHOTS.mkdir(exist_ok=True)
    street.page.grab().save(str(SHOTS / "results.png"))


def test_the_fingerprint_dialog_says_what_is_wrong(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    community, street = offices
    c_file = tmp_path / "社区.roenrol"
    export_enrolment(qtbot, community, c_file, monkeypatch)
    right = keys.info(community.db).fingerprint
    wrong = list(right)
    wrong[36] = str((int(wrong[36]) + 1) % 10)  # in the 8th group of five
    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", lambda *_a: str(c_file))
    shown: list[str] = []

    def answer(dialog: EnrolImportDialog) -> None:
        for typed in (keys.grouped(right[:-1]), keys.grouped("".join(wrong))):
            dialog.typed.clear()
            type_into(qtbot, dialog.typed, typed)
            click(qtbot, dialog.enrol_button)
            qtbot.waitUntil(
                lambda: dialog.error.isVisible() and dialog.enrol_button.isEnabled(),
                timeout=10000,
            )
            shown.append(dialog.error.text())
            dialog.error.hide()
        SHOTS.mkdir(exist_ok=True)
        dialog.error.show()
        dialog.grab().save(str(SHOTS / "fingerprint.png"))
        dialog.reject()

    answered = when_open(EnrolImportDialog, answer)
    street.page.show_tab("enrol")
    click(qtbot, street.page.enrol_tab.import_button)
    qtbot.waitUntil(lambda: bool(answered), timeout=20000)
    qtbot.waitUntil(lambda: not isValid(answered[0]) or not answered[0].isVisible())
    street.settle()
    assert shown[0].startswith("指纹只输入了 39 位，应为 40 位。"), shown
    assert "第 8 组不同" in shown[1] and "请勿登记" in shown[1], shown
    assert all(text.endswith("。") for text in shown), shown
    assert street.page.enrol_tab.partners.rowCount() == 0  # nothing stored


def test_cancel_says_what_was_not_done(
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
    click(qtbot, send.work.cancel_button)
    gate.set()
    community.settle()
    assert send.export_result.text() == "已取消，没有生成数据包"
    assert not list(usb.iterdir())

    package = export_package(qtbot, community, usb, monkeypatch)
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
    assert receive.results.text(0, 2) == "已取消，这个数据包的数据没有导入"
    assert "打印" not in receive.detail.text()
    assert residents(street.db) == 0
