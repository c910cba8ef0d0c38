import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.context import AppContext
from redoffice.ui.main_window import MainWindow
from redoffice.ui.workbench.dashboard import Dashboard


def test_main_window_opens_every_page(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    for row, key in enumerate(window.pages):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert ctx.tasks.wait_idle()
        assert window.stack.currentWidget() is window.pages[key]
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Home)  # the keyboard goes back to the 工作台
    assert window.stack.currentWidget() is window.dashboard
    names = [window.nav.item(n).text() for n in range(window.nav.count())]
    first = ["工作台", "入户走访", "民情诉求", "三方联席会议", "微心愿", "红色基金", "居民"]
    assert names[:7] == first
    assert "幸福社区" in window.identity_label.text()
    assert "张秘书" in window.identity_label.text()


def test_dashboard_shows_registry_figures(qtbot: QtBot, ctx: AppContext) -> None:
    page = Dashboard(ctx)
    qtbot.addWidget(page)
    assert ctx.tasks.wait_idle()
    assert page.cards["households"].value.text() == "40"
    assert page.grids.rowCount() >= 1
    assert any(label == "高龄" for label, _ in page.charts["groups"].items)


def _self_test(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redoffice.ui.app", *args, "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_command_exits_0() -> None:
    result = _self_test()
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout


def test_self_test_on_a_given_database(ctx: AppContext, tmp_path: Path) -> None:
    path = ctx.db.engine.url.database
    assert path is not None
    result = _self_test("--db", path)
    assert result.returncode == 0, result.stderr
    empty = _self_test("--db", str(tmp_path / "empty.sqlite"))
    assert empty.returncode == 1  # a named file that is not there: refused, never made
    assert "找不到数据库文件" in empty.stderr and not (tmp_path / "empty.sqlite").exists()
