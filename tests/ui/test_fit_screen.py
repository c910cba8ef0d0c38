"""Every dialog and the main window fit a 1366×768 office screen with a taskbar (1366×728
available): their buttons are on screen, inside the window, and the main window keeps its
status bar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from redoffice.cases import queries as case_queries
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import resolutions
from redoffice.registry import party_members
from redoffice.ui.cases.case_dialogs import CaseDialog, CaseStepDialog
from redoffice.ui.cases.cases_page import PeriodDialog
from redoffice.ui.kit import screen_fit
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.history_dialog import HistoryDialog
from redoffice.ui.kit.household_picker import HouseholdPicker
from redoffice.ui.kit.preview import PreviewWindow
from redoffice.ui.main_window import MainWindow
from redoffice.ui.meetings.meeting_dialog import MeetingDialog
from redoffice.ui.meetings.meetings_page import CompleteDialog
from redoffice.ui.meetings.minutes_editor import MinutesEditor
from redoffice.ui.registry.household_dialog import HouseholdDialog
from redoffice.ui.registry.import_wizard import ImportWizard
from redoffice.ui.registry.reference_page import RecordDialog, ReferencePage
from redoffice.ui.registry.resident_dialog import ResidentDialog, StatusDialog
from redoffice.ui.settings.setup_dialog import SetupDialog
from redoffice.ui.visits.visit_dialog import VisitDialog
from redoffice.ui.wishes.wish_dialogs import (
    ClaimDialog,
    FollowUpDialog,
    FulfilDialog,
    MemberDialog,
    ServiceDialog,
    VerifyDialog,
    WishDialog,
)
from redoffice.visits import service as visits
from redoffice.wishes import queries as wish_queries

SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar
Make = Callable[[AppContext, QWidget], QWidget]


@pytest.fixture(autouse=True)
def office_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: SCREEN)


def _pdf(ctx: AppContext) -> bytes:
    from redoffice.meetings import documents

    return documents.sign_in_sheet(ctx.db, meeting_queries.list_meetings(ctx.db)[0].id)


def _wish(ctx: AppContext) -> wish_queries.WishRow:
    return wish_queries.list_wishes(ctx.db, wish_queries.WishFilter())[0]


def _case(ctx: AppContext) -> case_queries.CaseRow:
    return case_queries.case_rows(ctx.db, case_queries.case_ids(ctx.db)[:1])[0]


def _resident_id(ctx: AppContext) -> str:
    from redoffice.registry import search

    return search.resident_ids(ctx.db, search.ResidentQuery())[0]


def _member_id(ctx: AppContext) -> str:
    return party_members.list_members(ctx.db)[0].id


DIALOGS: dict[str, Make] = {
    "resident": lambda c, p: ResidentDialog(c, parent=p),
    "status": lambda c, p: StatusDialog(c, _resident_id(c), "王小明", p),
    "household": lambda c, p: HouseholdDialog(c, parent=p),
    "visit": lambda c, p: VisitDialog(c, visits.entry_choices(c.db), parent=p),
    "case": lambda c, p: CaseDialog(c, visits.entry_choices(c.db), parent=p),
    "case step": lambda c, p: CaseStepDialog(c, _case(c), "transition", p),
    "meeting": lambda c, p: MeetingDialog(c, meeting_queries.meeting_choices(c.db), parent=p),
    "minutes": lambda c, p: MinutesEditor(
        c, meeting_queries.get_meeting(c.db, meeting_queries.list_meetings(c.db)[0].id), parent=p
    ),
    "completion": lambda c, p: CompleteDialog(
        c, resolutions.list_resolutions(c.db, resolutions.ResolutionFilter())[0], p
    ),
    "wish": lambda c, p: WishDialog(c, p),
    "verify": lambda c, p: VerifyDialog(c, _wish(c), p),
    "claim": lambda c, p: ClaimDialog(c, _wish(c), party_members.claimer_choices(c.db), p),
    "fulfil": lambda c, p: FulfilDialog(c, _wish(c), p),
    "follow-up": lambda c, p: FollowUpDialog(c, _wish(c), p),
    "member": lambda c, p: MemberDialog(c, party_members.member_form(c.db), parent=p),
    "service": lambda c, p: ServiceDialog(c, _member_id(c), "王小明", [], p),
    "setup": lambda c, p: SetupDialog(c, p),
    "reference": lambda c, p: RecordDialog(c, ReferencePage(c, p).kinds()[3], None, p),
    "household picker": lambda c, p: HouseholdPicker(c, p),
    "attachments": lambda c, p: AttachmentsDialog(c, "resident", _resident_id(c), "王小明", p),
    "history": lambda c, p: HistoryDialog(c, "resident", _resident_id(c), p),
    "import wizard": lambda c, p: ImportWizard(c, p),
    "ledger period": lambda _c, p: PeriodDialog(p),
    "preview": lambda c, p: PreviewWindow("签到表", _pdf(c), "签到表.pdf", p),
}


def _outside(window: QWidget) -> list[str]:
    """Buttons of ``window`` (not those scrolled inside a form) not wholly on the window and
    the screen."""
    frame = window.frameGeometry()
    bad = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_scroll_area(button, window):
            continue
        place = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if not (frame.contains(place) and SCREEN.contains(place)):
            bad.append(f"{button.text() or button.toolTip()} at {place.getRect()}")
    return bad


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_the_office_screen(
    qtbot: QtBot, ctx: AppContext, no_questions: list[str], name: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DIALOGS[name](ctx, parent)
    dialog.move(200, 150)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ctx.tasks.wait_idle()
    QApplication.processEvents()
    assert SCREEN.contains(dialog.frameGeometry()), dialog.frameGeometry().getRect()
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    assert buttons, "a dialog without buttons cannot be closed by mouse"
    assert _outside(dialog) == []
    dialog.close()
    if name != "setup":  # closing the first-run setup warns that the program will close
        assert no_questions == [], "nothing was typed: closing asks nothing"
    assert not dialog.isVisible()


def test_the_main_window_keeps_its_status_bar(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert ctx.tasks.wait_idle()
    QApplication.processEvents()
    assert SCREEN.contains(window.frameGeometry()), window.frameGeometry().getRect()
    bar = window.statusBar()
    place = QRect(bar.mapToGlobal(QPoint(0, 0)), bar.size())
    assert bar.isVisible() and bar.height() > 0
    assert SCREEN.contains(place) and window.frameGeometry().contains(place)
