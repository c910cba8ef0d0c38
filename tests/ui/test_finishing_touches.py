"""Small things that make the program feel finished: Qt's own dialogs in Chinese, rare name
characters on screen, headings that say what they hold, the holiday list import."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from redoffice import __version__
from redoffice.attachments import service as attachments
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.kit import clock, records
from redoffice.models import Resident
from redoffice.registry import residents, search
from redoffice.registry.search import ResidentQuery
from redoffice.settings import calendar
from redoffice.ui.cases.cases_page import CasesPage
from redoffice.ui.kit.bar_chart import BarChart
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.help_window import HelpDialog
from redoffice.ui.kit.resources import prefer_chinese_dates
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meetings_page import MeetingsPage
from redoffice.ui.registry.households_page import HouseholdsPage
from redoffice.ui.registry.reference_page import ReferencePage
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.registry.residents_page import ResidentsPage
from redoffice.ui.restore_dialog import RestoreDialog
from redoffice.ui.settings.holiday_paste import HolidayPasteDialog
from redoffice.ui.settings.work_settings import CalendarSettings
from redoffice.ui.visits.visits_page import VisitsPage
from redoffice.ui.wishes.wishes_page import WishesPage
from redoffice.ui.workbench.dashboard import Dashboard


def test_qt_file_dialog_speaks_chinese(qtbot: QtBot) -> None:
    """Qt's own widget file dialog (used on Linux without a platform theme)."""
    dialog = QFileDialog(None, "选择工作簿", str(Path.cwd()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels
    english = [text for text in labels if re.search("[A-Za-z]", re.sub(r"\(&\w\)", "", text))]
    assert english == []


def test_rare_name_characters_have_a_font_on_screen(qapp: QApplication) -> None:
    font = qapp.font()
    assert font.families() == ["WenQuanYi Micro Hei", "HanaMinA", "HanaMinB"]
    assert not QRawFont.fromFont(QFont("WenQuanYi Micro Hei")).supportsCharacter(0x20BB7)
    assert QRawFont.fromFont(QFont("HanaMinB")).supportsCharacter(0x20BB7)  # 𠮷
    assert QRawFont.fromFont(QFont("HanaMinA")).supportsCharacter(0x4DAE)  # 䶮


def test_reference_lists_are_headed_by_what_they_hold(qtbot: QtBot, ctx: AppContext) -> None:
    page = ReferencePage(ctx)
    qtbot.addWidget(page)
    ctx.tasks.wait_idle()
    headings = {
        table: [
            tab.table.model().headerData(n, Qt.Orientation.Horizontal)
            for n in range(tab.table.model().columnCount())
        ]
        for table, tab in page.tabs.items()
    }
    assert headings["grid"][1] == "网格名称"
    assert headings["estate"][0] == "小区名称"
    assert headings["organization"][1] == "单位名称"
    assert headings["staff"][0] == "姓名"


def test_holiday_list_imported_with_the_button(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = clock.today().year + 1
    good = tmp_path / "节假日.csv"
    good.write_text(
        f"日期,名称,类型\n{year}-01-01,元旦,休\n{year}-02-10~{year}-02-16,春节,休\n"
        f"{year}-02-07,春节调休,班\n",
        encoding="utf-8",
    )
    chosen = [str(good)]
    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", lambda *_args: chosen.pop())
    reported: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.kit.context.report", lambda _parent, error: reported.append(str(error))
    )
    widget = CalendarSettings(ctx)
    qtbot.addWidget(widget)
    ctx.tasks.wait_idle()
    assert not widget.remove.isEnabled()
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    assert reported == []
    assert widget.import_status.text() == "已导入 9 天：新增 9 天，更新 0 天，原已相同 0 天。"
    assert widget.year.value() == year
    assert widget.table.rowCount() == 9
    assert widget.table.text(0, 1) == "法定节假日（休息）"
    widget.table.selectRow(0)
    assert widget.remove.isEnabled()

    bad = tmp_path / "错误.csv"
    bad.write_text(f"{year}-05-01,劳动节,休\n{year}-05-32,劳动节,休\n", encoding="utf-8")
    chosen.append(str(bad))
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    assert len(reported) == 1 and "第2行" in reported[0]
    assert calendar.list_days(ctx.db, year)[0][0] == date(year, 1, 1)
    assert (date(year, 5, 1), "holiday", "劳动节") not in calendar.list_days(ctx.db, year)


@pytest.mark.parametrize("width", [700, 330, 200])
def test_month_chart_labels_and_values_never_touch(qtbot: QtBot, width: int) -> None:
    months = [12, *range(1, 12)]
    chart = BarChart(vertical=True)
    qtbot.addWidget(chart)
    chart.resize(width, 200)
    chart.set_items([(f"{m}月", 1000 + m) for m in months], partial_last=True)
    layout = chart.column_layout()
    label_metrics, value_metrics = QFontMetrics(layout.label_font), QFontMetrics(layout.value_font)
    named = [label for label in layout.labels if label]
    assert layout.labels[-1] in ("11月", "11"), "the running month is always named"
    assert len(named) >= 6
    assert all(label_metrics.horizontalAdvance(t) + 4 <= layout.step for t in named)
    assert all(value_metrics.horizontalAdvance(t) + 4 <= layout.step for t in layout.values) or (
        layout.value_font.pointSizeF() <= 6
    )
    if width >= 700:
        assert layout.labels == [f"{m}月" for m in months]
    assert "本月至今" in chart.toolTip() and "1011" in chart.toolTip()
    chart.grab()  # paints without error


def test_dashboard_marks_the_running_month(qtbot: QtBot, ctx: AppContext) -> None:
    dashboard = Dashboard(ctx)
    qtbot.addWidget(dashboard)
    ctx.tasks.wait_idle()
    visits = dashboard.charts["visits"]
    assert visits.partial_last
    assert visits.items[-1][0] == f"{clock.today().month}月"
    assert not dashboard.charts["categories"].partial_last


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    ctx.tasks.wait_idle()
    return main


def test_f1_opens_the_chinese_help(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    text = help_window.browser.toPlainText()
    assert "使用说明" in text and "从备份恢复" in text and "2027-02-07,春节调休,班" in text
    assert help_window.windowTitle() == "RedOffice 使用说明"


def test_about_says_version_data_and_backups(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "redoffice.ui.main_window.QMessageBox.about", lambda _p, _t, text: shown.append(text)
    )
    (about,) = [a for a in window.menuBar().actions()[-1].menu().actions() if "关于" in a.text()]
    about.trigger()
    database = Path(str(window.ctx.db.engine.url.database))
    assert f"RedOffice 社区红色工作台 {__version__}" in shown[0]
    assert f"数据库：{database}" in shown[0]
    kept = "（每天一份，保留最近 7 天、4 周、6 个月各一份）"
    assert f"自动备份：{database.parent / 'backups'}{kept}" in shown[0]


def test_back_up_and_restore_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = window.ctx
    told: list[str] = []
    asked: list[str] = []
    target = tmp_path / "U盘" / "社区备份.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr("redoffice.ui.kit.ask.save_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.open_path", lambda *_a: str(target))
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(
        "redoffice.ui.kit.ask.risky", lambda _p, _t, text: asked.append(text) or True
    )
    before = search.count_residents(ctx.db, ResidentQuery())
    photo = tmp_path / "门禁.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    data = CaseInput(category="设施维修", description="门禁坏了", attachments=(photo,))
    case = cases.create_case(ctx.db, data)
    window.backup_action.trigger()
    ctx.tasks.wait_idle()
    assert told == [
        f"已备份到 {target}。\n照片和扫描件 1 个已复制到 {target.parent / '社区备份-附件'}。"
    ]

    (first,) = search.resident_ids(ctx.db, ResidentQuery(), limit=1)
    with ctx.db.uow() as s:
        s.get_one(Resident, first).deleted = True  # to the recycle bin
    assert search.count_residents(ctx.db, ResidentQuery()) == before - 1
    (row,) = attachments.list_for(ctx.db, "case_record", case)
    attachments.file_path(ctx.db, row).unlink()  # the photo lost on this computer
    old_db = ctx.db

    def other_file() -> None:  # 从备份恢复… lists the copies; the one on the stick is 其他文件…
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, other_file)
            return
        qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, other_file)
    window.restore_action.trigger()
    ctx.tasks.wait_idle()
    assert f"备份文件：{target}" in asked[0] and "单位：幸福社区" in asked[0]
    assert f"居民 {before}" in asked[0] and "照片和扫描件：1 个（备份旁 1 个）" in asked[0]
    assert ctx.db is not old_db
    assert search.count_residents(ctx.db, ResidentQuery()) == before
    first_line = told[1].splitlines()[0]
    assert first_line.startswith("已恢复。恢复前的数据库已另存为 ")
    assert Path(first_line.removeprefix("已恢复。恢复前的数据库已另存为 ").rstrip("。")).is_file()
    assert told[1].splitlines()[1] == "照片和扫描件 1 个已放回。"
    assert attachments.file_path(ctx.db, row).read_bytes() == photo.read_bytes()


def _enabled(row_buttons: RowButtons) -> dict[str, bool]:
    return {button.text(): button.isEnabled() for button in row_buttons.rules}


def test_reference_row_buttons_need_a_selected_row(qtbot: QtBot, ctx: AppContext) -> None:
    page = ReferencePage(ctx)
    qtbot.addWidget(page)
    ctx.tasks.wait_idle()
    tab = page.tabs["grid"]
    assert tab.table.rowCount() > 0
    assert _enabled(tab.row_buttons) == {"编辑": False, "删除": False, "变更记录": False}
    tab.table.selectRow(0)
    assert _enabled(tab.row_buttons) == {"编辑": True, "删除": True, "变更记录": True}
    tab.table.clearSelection()
    assert not any(_enabled(tab.row_buttons).values())


def _select_where(qtbot: QtBot, ctx: AppContext, page: ResidentsPage, status: str) -> None:
    model = page.list.model
    for position in range(model.rowCount()):
        page.list.table.selectRow(position)
        qtbot.waitUntil(lambda: page.list.current_row() is not None, timeout=5000)
        if page.list.current_row().status == status:
            ctx.tasks.wait_idle()
            return
    pytest.fail(f"no resident with status {status}")


def test_a_resident_who_moved_out_can_not_move_out_again(qtbot: QtBot, ctx: AppContext) -> None:
    (first,) = search.resident_ids(ctx.db, ResidentQuery(), limit=1)
    residents.set_status(ctx.db, first, "moved_out", clock.today())
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.scope.setCurrentIndex(page.scope.findData("all"))
    ctx.tasks.wait_idle()
    buttons = page.row_buttons
    assert not any(_enabled(buttons).values()), "nothing selected"
    _select_where(qtbot, ctx, page, "active")
    assert page.move_button.isEnabled() and page.status_button.isEnabled()
    _select_where(qtbot, ctx, page, "moved_out")
    assert not page.move_button.isEnabled() and not page.status_button.isEnabled()
    assert page.edit_button.isEnabled() and page.history_button.isEnabled()


def test_wish_steps_only_from_their_state(qtbot: QtBot, ctx: AppContext) -> None:
    page = WishesPage(ctx)
    qtbot.addWidget(page)
    ctx.tasks.wait_idle()
    assert not any(_enabled(page.wishes_tab.row_buttons).values())
    by_state = {}
    for position in range(page.wishes_tab.list.model.rowCount()):
        page.wishes_tab.table.selectRow(position)
        qtbot.waitUntil(lambda: page.wishes_tab.current() is not None, timeout=5000)
        row = page.wishes_tab.current()
        assert row is not None
        by_state.setdefault(row.status, _enabled(page.wishes_tab.row_buttons))
    assert by_state["published"]["认领…"] and not by_state["published"]["核实…"]
    assert by_state["claimed"]["兑现…"] and not by_state["claimed"]["认领…"]
    closed = {k for k, v in by_state["closed"].items() if v}
    assert closed == {"照片", "认领登记卡", "兑现签收单"}


@pytest.mark.parametrize(
    ("environment", "chinese"),
    [
        ({"LANG": "C.UTF-8"}, True),
        ({}, True),
        ({"LC_ALL": "C"}, True),
        ({"LANG": "en_GB.UTF-8"}, False),
    ],
)
def test_chinese_dates_and_sizes_unless_a_locale_was_chosen(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], chinese: bool
) -> None:
    for name in ("LANG", "LC_ALL", "LC_TIME", "LC_MESSAGES", "LC_NUMERIC"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    prefer_chinese_dates()
    assert (os.environ.get("LC_TIME") == "zh_CN.UTF-8") is chinese
    assert (os.environ.get("LC_MESSAGES") == "zh_CN.UTF-8") is chinese
    assert "LC_ALL" not in os.environ or not chinese


def test_only_a_draft_meeting_can_be_corrected_or_cancelled(qtbot: QtBot, ctx: AppContext) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    ctx.tasks.wait_idle()
    assert not any(_enabled(page.meeting_buttons).values())
    seen: dict[str, dict[str, bool]] = {}
    for position in range(page.meetings.model.rowCount()):
        page.meetings.table.selectRow(position)
        qtbot.waitUntil(lambda: page.current_meeting() is not None, timeout=5000)
        meeting = page.current_meeting()
        assert meeting is not None
        seen.setdefault(meeting.status, _enabled(page.meeting_buttons))
    assert seen["草稿"]["修改…"] and seen["草稿"]["取消会议…"]
    assert not seen["已定稿"]["修改…"] and not seen["已定稿"]["取消会议…"]
    assert seen["已定稿"]["打印会议纪要"]


def test_visit_plan_buttons_need_a_household(qtbot: QtBot, ctx: AppContext) -> None:
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.plan.model.rowCount() > 0, timeout=5000)
    ctx.tasks.wait_idle()
    assert not any(_enabled(page.plan_buttons).values())
    page.plan.table.selectRow(0)
    assert all(_enabled(page.plan_buttons).values())
    assert not any(_enabled(page.record_buttons).values())  # its tab built when first read
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0, timeout=5000)
    page.list.table.selectRow(0)
    assert all(_enabled(page.record_buttons).values())


def _select_each(qtbot: QtBot, ctx: AppContext, listing: object) -> Iterator[object]:
    """Select each row of a lazy list in turn, once its data has arrived."""
    table, model = listing.table, listing.model  # type: ignore[attr-defined]
    for position in range(model.rowCount()):
        table.selectRow(position)
        qtbot.waitUntil(lambda: listing.current_row() is not None, timeout=5000)  # type: ignore[attr-defined]
        ctx.tasks.wait_idle(2)
        yield listing.current_row()  # type: ignore[attr-defined]


def test_case_steps_follow_the_case_state(qtbot: QtBot, ctx: AppContext) -> None:
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    ctx.tasks.wait_idle()
    assert not any(_enabled(page.row_buttons).values())
    seen: dict[str, dict[str, bool]] = {}
    for row in _select_each(qtbot, ctx, page.list):
        seen.setdefault(row.status_code, _enabled(page.row_buttons))  # type: ignore[attr-defined]
        if {"accepted", "called_back"} <= set(seen):
            break
    assert seen["accepted"]["办理下一步"] and seen["accepted"]["进展说明"]
    assert not seen["called_back"]["办理下一步"] and not seen["called_back"]["上报街道"]
    assert seen["called_back"]["附件"]


def test_a_household_in_the_recycle_bin_can_only_be_restored(qtbot: QtBot, ctx: AppContext) -> None:
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    ctx.tasks.wait_idle()
    next(_select_each(qtbot, ctx, page.list))
    in_use = _enabled(page.row_buttons)
    assert in_use["编辑"] and in_use["记录走访"] and not in_use["恢复"]
    first = page.list.current_id()
    assert first is not None
    records.set_deleted(ctx.db, "household", first, True)
    qtbot.mouseClick(page.deleted, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    next(_select_each(qtbot, ctx, page.list))
    in_bin = _enabled(page.row_buttons)
    assert {text for text, enabled in in_bin.items() if enabled} == {"恢复", "变更记录"}


def test_the_holiday_notice_pasted_into_a_dialog(qtbot: QtBot, ctx: AppContext) -> None:
    from tests.core.test_holiday_import import state_council_notice

    year = clock.today().year + 1
    widget = CalendarSettings(ctx)
    qtbot.addWidget(widget)
    widget.show()
    ctx.tasks.wait_idle()
    qtbot.mouseClick(widget.paste_button, Qt.MouseButton.LeftButton)
    dialog = widget.findChild(HolidayPasteDialog)
    assert dialog is not None and dialog.isVisible()
    clipboard = QApplication.clipboard()
    clipboard.setText(state_council_notice(year).replace("4月5日", "4月31日"))
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "refused: the pasted text stays for correcting"
    assert "第5行" in dialog.problem.text() and "未导入任何日期" in dialog.problem.text()
    assert calendar.list_days(ctx.db, year) == []
    dialog.text.selectAll()
    clipboard.setText(state_council_notice(year))
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    assert not dialog.isVisible()
    assert widget.import_status.text().startswith("已导入 20 天：新增 20 天")
    assert (date(year, 2, 20), "workday", "春节调休") in calendar.list_days(ctx.db, year)


def test_f1_in_an_open_dialog(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("residents")
    window.ctx.tasks.wait_idle()
    page = window.page("residents")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ResidentDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClick(dialog.name, Qt.Key.Key_F1)
    (help_window,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()
    ]
    assert help_window.parent() is None, "a window of its own: not blocked by the dialog"
    assert dialog.isVisible(), "the dialog keeps what was typed"
    window.close()
    assert not help_window.isVisible(), "closed with the main window"


def test_f1_in_any_dialog(qtbot: QtBot, window: MainWindow) -> None:
    """Not only the form dialogs: the import wizard (a QWizard) answers F1 too."""
    from redoffice.ui.registry.import_wizard import ImportWizard

    wizard = ImportWizard(window.ctx, window)
    wizard.open()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=5000)
    qtbot.keyClick(wizard, Qt.Key.Key_F1)
    helps = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog)]
    assert any(w.isVisible() for w in helps)
    wizard.reject()
    window.close()
