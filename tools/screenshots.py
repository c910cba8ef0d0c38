"""Screenshots of every page for docs/ (run under xvfb-run; see `make screenshots`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

import redoffice.features  # noqa: F401  (registers the features' session hooks)
from redoffice.kit import exports
from redoffice.kit.db import open_database
from redoffice.meetings import documents as meeting_documents
from redoffice.meetings import queries as meeting_queries
from redoffice.reports import meetings as meeting_forms
from redoffice.reports.lists import list_pdf
from redoffice.settings import community
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.kit.resources import install_font, install_translators, prefer_chinese_dates
from redoffice.ui.kit.screen_fit import install_screen_fit
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from redoffice.ui.registry.import_wizard import ImportWizard
from redoffice.ui.registry.resident_dialog import ResidentDialog
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.visits import service as visits
from redoffice.wishes import documents as wish_documents


def settle(ctx: AppContext) -> None:
    ctx.tasks.wait_idle()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    ctx.tasks.wait_idle()


def _answer_questions() -> None:
    """Unattended: a dialog closed after being filled in for its picture asks nothing."""
    for name in ("confirm", "risky"):
        setattr(ask, name, lambda *_a: True)
    ask.inform = lambda *_a: None


def main(db_path: str, out: str) -> None:
    prefer_chinese_dates()
    _answer_questions()
    app = QApplication(sys.argv[:1])
    install_font(app)
    keep = install_translators(app)
    install_screen_fit(app)  # as the application does: dialogs fit the 1366×768 screen
    db = open_database(f"sqlite:///{Path(db_path).resolve()}")
    community.use_operator(db)
    ctx = AppContext(db)
    window = MainWindow(ctx)
    window.resize(1366, 728)  # an office screen less its taskbar
    window.show()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for key in window.pages:
        window.show_page(key)
        settle(ctx)
        if key == "residents":
            window.pages[key].list.table.selectRow(2)  # type: ignore[attr-defined]
            settle(ctx)
        window.grab().save(str(folder / f"{key}.png"))
    window.show_page("residents")
    dialog = ResidentDialog(ctx, parent=window)
    dialog.show()
    dialog.name.setText("王小明")
    dialog.id_number.setText("110105194912310021")
    dialog.phone.setText("1381234567")
    dialog.submit()
    settle(ctx)
    dialog.grab().save(str(folder / "resident-dialog-error.png"))
    dialog.close()
    work_screens(window, ctx, folder)
    meeting_screens(window, ctx, folder)
    wish_screens(window, ctx, folder)
    import_screens(window, ctx, folder)
    list_screens(window, ctx, folder)
    window.close()
    del keep


def work_screens(window: MainWindow, ctx: AppContext, folder: Path) -> None:
    """The visit entry dialog, a case with its timeline, and the print preview."""
    window.show_page("visits")
    window.visits.tabs.setCurrentIndex(1)
    settle(ctx)
    window.visits.plan.table.selectRow(0)
    settle(ctx)
    window.grab().save(str(folder / "visit-plan.png"))
    choices = visits.entry_choices(ctx.db)
    due = window.visits.plan.current_row()
    household = (due.household_id, due.address) if isinstance(due, visits.DueHousehold) else None
    dialog = VisitDialog(ctx, choices, household, window)
    dialog.show()
    dialog.purpose_boxes[0].setChecked(True)
    dialog.situation.setPlainText("老人独居，身体尚可，希望社区帮忙联系助餐服务。")
    dialog.issue_table.add_issue()
    settle(ctx)
    dialog.grab().save(str(folder / "visit-dialog.png"))
    dialog.close()
    window.show_page("cases")
    window.cases.list.table.selectRow(3)
    settle(ctx)
    window.grab().save(str(folder / "cases.png"))
    window.show_page("visits")
    window.visits.tabs.setCurrentIndex(0)
    window.visits.list.table.selectRow(0)
    settle(ctx)
    window.visits.print_current()
    settle(ctx)
    preview = window.visits.findChild(PreviewWindow)
    if preview is not None:
        preview.resize(900, 728)
        settle(ctx)
        preview.grab().save(str(folder / "preview.png"))
        preview.close()


def meeting_screens(window: MainWindow, ctx: AppContext, folder: Path) -> None:
    """The meetings list, the 督办 list, the minutes editor, and a rendered 会议纪要 page."""
    window.show_page("meetings")
    settle(ctx)
    page = window.meetings
    page.meetings.table.selectRow(1)
    window.grab().save(str(folder / "meetings.png"))
    page.tabs.setCurrentIndex(1)
    page.resolutions.table.selectRow(0)
    settle(ctx)
    window.grab().save(str(folder / "follow-up.png"))
    meeting_id = page.meetings.current_id()
    detail = meeting_queries.get_meeting(ctx.db, meeting_id)
    editor = MinutesEditor(ctx, detail, parent=window)
    editor.show()
    editor.item_list.setCurrentRow(editor.item_list.count() - 1)
    settle(ctx)
    editor.grab().save(str(folder / "minutes-editor.png"))
    editor.closing = True
    editor.close()
    pdf_page(
        meeting_forms.minutes(meeting_documents.meeting_sheet(ctx.db, meeting_id)),
        folder,
        "minutes",
    )


def pdf_page(pdf: bytes, folder: Path, name: str) -> None:
    """The first page of a PDF as ``<name>-1.png``."""
    target = folder / f"{name}.pdf"
    target.write_bytes(pdf)
    command = ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", str(target)]
    subprocess.run([*command, str(folder / name)], check=True)
    target.unlink()
    for page in folder.glob(f"{name}-0*1.png"):  # pdftoppm pads the number to the page count
        page.replace(folder / f"{name}-1.png")


def wish_screens(window: MainWindow, ctx: AppContext, folder: Path) -> None:
    """The wish list with a wish's timeline, the members, the statistics, the wish wall."""
    window.show_page("wishes")
    settle(ctx)
    page = window.page("wishes")
    page.wishes_tab.table.selectRow(3)  # type: ignore[attr-defined]
    settle(ctx)
    window.grab().save(str(folder / "wishes.png"))
    for index, name in ((1, "wishes-members"), (2, "wishes-stats")):
        page.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        settle(ctx)
        window.grab().save(str(folder / f"{name}.png"))
    pdf_page(wish_documents.wish_board(ctx.db), folder, "wish-board")


def import_screens(window: MainWindow, ctx: AppContext, folder: Path) -> None:
    """The import wizard's mapping step and its dry run, on the residents' own export."""
    source = folder / "residents.xlsx"
    source.write_bytes(exports.export_workbook(ctx.db, "residents", unmasked=True))
    wizard = ImportWizard(ctx, window)
    wizard.show()
    wizard.open_file(source)
    settle(ctx)
    wizard.grab().save(str(folder / "import-mapping.png"))
    wizard.dry_run()
    settle(ctx)
    wizard.grab().save(str(folder / "import-check.png"))
    wizard.close()
    source.unlink()


def list_screens(window: MainWindow, ctx: AppContext, folder: Path) -> None:
    """The residents list with its header menu open, and a printed list's first page."""
    window.show_page("residents")
    settle(ctx)
    listing = window.page("residents").list  # type: ignore[attr-defined]
    header = listing.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(3) + 20, 8)  # a right-click on 身份证号
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, header.mapToGlobal(at))
    QApplication.sendEvent(header.viewport(), menu_event)
    menu = listing.table.menu
    settle(ctx)
    screen = window.screen().grabWindow(0)
    screen.copy(window.frameGeometry()).save(str(folder / "residents-columns.png"))
    menu.close()
    pdf_page(list_pdf(listing.print_data("居民名单")()), folder, "residents-list")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
