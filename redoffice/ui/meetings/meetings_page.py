"""三方联席会议: the meetings (new, minutes, sign-in sheet, attachments) and the 督办 list of
resolutions (filter by party, 小区 and deadline; progress, completion, cancellation; print and
export)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit import clock
from redoffice.meetings import codes as meeting_codes
from redoffice.meetings import documents, exports, resolutions
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings.queries import MeetingRow
from redoffice.meetings.resolutions import NoteEntry, ResolutionFilter, ResolutionRow
from redoffice.registry import reference as registry
from redoffice.settings.calendar import SHANGHAI
from redoffice.ui.kit import ask
from redoffice.ui.kit.attachments_dialog import AttachmentsDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.export import exported, save_bytes
from redoffice.ui.kit.lazy_table import Column
from redoffice.ui.kit.list_view import SearchableList, layout_buttons
from redoffice.ui.kit.preview import show_report
from redoffice.ui.kit.row_buttons import RowButtons
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.kit.show_gate import refresh_on
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.staged import LazyTabs, built_in_parts
from redoffice.ui.kit.widgets import (
    Writes,
    button_row,
    code_combo,
    combo_value,
    fill_combo,
    splitter,
)
from redoffice.ui.meetings.meeting_changes import open_cancel_dialog, open_correct_dialog
from redoffice.ui.meetings.meeting_dialog import open_meeting_dialog
from redoffice.ui.meetings.minutes_editor import open_minutes_editor

translate = QCoreApplication.translate


class CompleteDialog(SaveDialog):
    """已完成: the date, the 核验人, residents' feedback, and whether to close its requests."""

    def __init__(self, ctx: AppContext, row: ResolutionRow, parent: QWidget) -> None:
        super().__init__(ctx, f"{row.number} · " + self.tr("Completed"), parent)
        self.resolution_id = row.id
        self.completed_on = DateField(required=True)
        self.completed_on.set_value(clock.today())
        self.verifier, self.feedback = QLineEdit(), QLineEdit()
        self.close_cases = QCheckBox(self.tr("Also close the requests behind it"))
        self.close_cases.setChecked(True)
        text = QLabel(row.text)
        text.setWordWrap(True)
        self.body.insertWidget(0, text)
        self.form.add_row("completed_on", self.tr("Completed on"), self.completed_on)
        self.form.add_row("verifier", self.tr("Verified by"), self.verifier)
        self.form.add_row("feedback", self.tr("Residents' feedback"), self.feedback)
        self.form.add_row("close_cases", "", self.close_cases)

    def action(self) -> Callable[[], Any]:
        return partial(
            resolutions.complete,
            self.ctx.db,
            self.resolution_id,
            self.completed_on.required_value(),
            self.verifier.text(),
            self.feedback.text(),
            self.close_cases.isChecked(),
        )


@built_in_parts(
    meetings=("meetings", "meeting_buttons"),
    follow_up=(
        *("resolutions", "notes", "outcome", "resolution_buttons", "party", "estate"),
        *("deadline_to", "open_only", "overdue_only"),
    ),
)
class MeetingsPage(QWidget):
    # the tables each part shows
    MEETINGS = frozenset({"meeting", "meeting_estate", "estate", "resolution"})
    FOLLOW_UP = frozenset({"resolution", "resolution_note", "meeting", "meeting_estate", "estate"})
    ESTATES = frozenset({"estate"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        self.tabs.add_part("meetings", self.tr("Meetings"), self._meetings_tab)
        self.tabs.add_part("follow_up", self.tr("Follow-up"), self._follow_up_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # -- meetings ------------------------------------------------------------------------
    def _meetings_tab(self) -> QWidget:
        self.meetings: SearchableList[MeetingRow] = SearchableList(
            self.ctx,
            self._meeting_columns(),
            lambda ids: meeting_queries.get_meetings(self.ctx.db, ids),
            lambda m: m.id,
            self._meeting_ids,
            self.tr("Number, title, type or place"),
            "date",
            self,
            newest_first=True,
            state_key="meetings",
        )
        self.meetings.activated.connect(self.edit_minutes)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = button_row(
            Writes(self.tr("New meeting"), self.new_meeting),
            Writes(self.tr("Minutes…"), lambda: self.edit_minutes(self.meetings.current_id())),
            Writes(self.tr("Correct…"), partial(self.change_meeting, open_correct_dialog)),
            Writes(self.tr("Cancel meeting…"), partial(self.change_meeting, open_cancel_dialog)),
            (self.tr("Sign-in sheet"), partial(self.print_meeting, "sign_in")),
            (self.tr("Print minutes"), partial(self.print_meeting, "minutes")),
            Writes(self.tr("Scanned minutes"), self.show_attachments),
        )
        self._meeting_buttons(layout_buttons(buttons))
        self.meetings.set_row_actions(layout_buttons(buttons)[1:])
        layout.addLayout(buttons)
        layout.addWidget(self.meetings)
        refresh_on(self.ctx, self.meetings, self.MEETINGS, self.reload_meetings)
        self.reload_meetings()
        return tab

    def _meeting_columns(self) -> list[Column[MeetingRow]]:
        return [
            Column(self.tr("Number"), lambda m: m.number, "number", 100),
            Column(self.tr("Date"), lambda m: m.meeting_date.isoformat(), "date", 90),
            Column(self.tr("Type"), lambda m: m.kind, "kind", 110),
            Column(self.tr("Title"), lambda m: m.title, None, 260),
            Column(self.tr("Estates"), lambda m: m.estates, None, 160),
            Column(self.tr("Minutes"), lambda m: m.status, None, 70),
            Column(self.tr("Open resolutions"), lambda m: str(m.open_resolutions or ""), None, 110),
            Column(self.tr("Overdue"), lambda m: str(m.overdue_resolutions or ""), None, 60),
        ]

    def _meeting_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        return partial(meeting_queries.meeting_ids, self.ctx.db, text, sort, descending)

    def _meeting_buttons(self, buttons: list[QPushButton]) -> None:
        """Only a draft can be corrected or cancelled; a cancelled meeting has no minutes to
        edit or sign in to."""
        _new, minutes, correct, cancel, sign_in, print_minutes, scanned = buttons
        self.meeting_buttons = RowButtons(self.current_meeting, self)
        draft = meeting_codes.STATUSES["draft"]
        for button in (correct, cancel):
            self.meeting_buttons.add(button, lambda m: m.status == draft)
        for button in (minutes, sign_in, print_minutes):
            self.meeting_buttons.add(button, lambda m: m.status in meeting_codes.STATUSES.values())
        self.meeting_buttons.add(scanned)
        self.meeting_buttons.watch(self.meetings.table)

    def current_meeting(self) -> MeetingRow | None:
        row = self.meetings.current_row()
        return row if isinstance(row, MeetingRow) else None

    def new_meeting(self) -> None:
        """新建会议; the new meeting is then selected in the list (and scrolled to)."""
        open_meeting_dialog(self.ctx, self, saved=self.meetings.select_after_reload)

    def reload_meetings(self) -> None:
        self.meetings.reload()

    def reload_estates(self) -> None:
        self.ctx.query(partial(registry.estate_choices, self.ctx.db), self._show_estates)

    def edit_minutes(self, meeting_id: str | None) -> None:
        if meeting_id:
            open_minutes_editor(self.ctx, self, meeting_id)

    def change_meeting(self, open_dialog: Callable[[AppContext, QWidget, str], None]) -> None:
        """修改… or 取消会议… for the selected meeting (refused once its minutes are final)."""
        meeting_id = self.meetings.current_id()
        if meeting_id:
            open_dialog(self.ctx, self, meeting_id)

    def print_meeting(self, which: str) -> None:
        meeting_id = self.meetings.current_id()
        if not meeting_id:
            return
        render = documents.sign_in_sheet if which == "sign_in" else documents.minutes
        make = partial(render, self.ctx.db, meeting_id)
        title = self.tr("Sign-in sheet") if which == "sign_in" else self.tr("Minutes")
        show_report(self.ctx, self, title, f"{title}.pdf", make)

    def show_attachments(self) -> None:
        meeting = self.current_meeting()
        if meeting is not None:
            AttachmentsDialog(self.ctx, "meeting", meeting.id, meeting.title, self).open()

    # -- follow-up -----------------------------------------------------------------------
    def _follow_up_tab(self) -> QWidget:
        self.resolutions: SearchableList[ResolutionRow] = SearchableList(
            self.ctx,
            self._resolution_columns(),
            lambda ids: resolutions.get_resolutions(self.ctx.db, ids),
            lambda r: r.id,
            self._resolution_ids,
            self.tr("Number, resolution, responsible or meeting"),
            "deadline",
            self,
            state_key="resolutions",
        )
        self._follow_up_filters()
        self.resolutions.current_changed.connect(self.show_notes)
        self.notes = SimpleTable(
            [self.tr("Time"), self.tr("Done by"), self.tr("State"), self.tr("Note")], stretch=3
        )
        self.outcome = QLabel()  # what completing a resolution closed
        self.outcome.hide()
        split = splitter(Qt.Orientation.Vertical, [420, 160], self.resolutions, self.notes)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        buttons = button_row(
            Writes(self.tr("Progress…"), self.add_progress),
            Writes(self.tr("Completed…"), self.complete),
            Writes(self.tr("Cancel…"), self.cancel),
            (self.tr("Print follow-up sheet"), self.print_follow_up),
            (self.tr("Export to Excel…"), self.export_follow_up),
        )
        self.resolution_buttons = RowButtons(self.current, self)
        for button in layout_buttons(buttons)[:3]:  # only while the resolution is open
            self.resolution_buttons.add(
                button, lambda r: r.status_code in meeting_codes.OPEN_RESOLUTION
            )
        self.resolution_buttons.watch(self.resolutions.table)
        self.resolutions.set_row_actions(layout_buttons(buttons)[:3])
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.outcome)
        refresh_on(self.ctx, self.resolutions, self.FOLLOW_UP, self.refresh_follow_up)
        refresh_on(self.ctx, self.estate, self.ESTATES, self.reload_estates)
        self.reload_follow_up()
        self.reload_estates()
        return tab

    def _follow_up_filters(self) -> None:
        """责任方, 小区, 期限 up to, 未完成, 已逾期 beside the search box (remembered, but the
        date)."""
        self.party = code_combo(meeting_codes.PARTIES, empty=self.tr("All parties"))
        self.estate = QComboBox()
        self.deadline_to = DateField()
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.resolutions.add_filter(self.party)
        self.resolutions.add_filter(self.estate)
        self.resolutions.add_filter(QLabel(self.tr("Deadline up to")), 0, remember=False)
        self.resolutions.add_filter(self.deadline_to, 0, remember=False)
        self.resolutions.add_filter(self.open_only, 0)
        self.resolutions.add_filter(self.overdue_only, 0)
        for combo in (self.party, self.estate):
            combo.currentIndexChanged.connect(self.reload_follow_up)
        self.deadline_to.value_changed.connect(self.reload_follow_up)
        self.open_only.toggled.connect(self.reload_follow_up)
        self.overdue_only.toggled.connect(self.reload_follow_up)

    def _resolution_columns(self) -> list[Column[ResolutionRow]]:
        late = self.tr(" (overdue)")
        return [
            Column(self.tr("Number"), lambda r: r.number, "number", 100),
            Column(
                self.tr("Meeting"),
                lambda r: f"{r.meeting_date} {r.meeting_title}",
                "meeting",
                170,
            ),
            Column(self.tr("Resolution"), lambda r: r.text, None, 240),
            Column(
                self.tr("Responsible"), lambda r: f"{r.party} {r.responsible}".strip(), None, 170
            ),
            Column(self.tr("Deadline"), lambda r: r.deadline.isoformat(), "deadline", 90),
            Column(
                self.tr("State"), lambda r: r.status + (late if r.overdue else ""), "status", 110
            ),
            Column(self.tr("Progress"), lambda r: r.progress, None, 150),
            Column(self.tr("Estates"), lambda r: r.estates, None, 80),
        ]

    def _resolution_ids(self, text: str, sort: str, descending: bool) -> Callable[[], list[str]]:
        f = self.follow_up_filter(text)
        return partial(resolutions.resolution_ids, self.ctx.db, f, sort, descending)

    def _show_estates(self, estates: list[tuple[str, str]]) -> None:
        fill_combo(self.estate, estates, self.tr("All estates"))

    def follow_up_filter(self, text: str | None = None) -> ResolutionFilter:
        """The filters in force; ``text``: the search (default: as typed)."""
        return ResolutionFilter(
            open_only=self.open_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
            party=combo_value(self.party),
            estate_id=combo_value(self.estate),
            deadline_to=self.deadline_to.value(),
            text=self.resolutions.search.text() if text is None else text,
        )

    def reload_follow_up(self) -> None:
        self.resolutions.reload()

    def refresh_follow_up(self) -> None:
        """After a write: the list, and the notes of the resolution still selected."""
        self.reload_follow_up()
        self.show_notes()

    def show_resolution(self, resolution_id: str) -> None:
        """From the 工作台: every open resolution listed, this one selected."""
        self.tabs.show_part("follow_up")
        self.resolutions.clear_filters()
        self.deadline_to.set_value(None)
        self.open_only.setChecked(True)
        self.resolutions.select_after_reload(resolution_id)

    def current(self) -> ResolutionRow | None:
        row = self.resolutions.current_row()
        return row if isinstance(row, ResolutionRow) else None

    def show_notes(self) -> None:
        resolution_id = self.resolutions.current_id()
        if not resolution_id:
            self.notes.set_rows([])
            return
        self.ctx.query(
            partial(resolutions.notes, self.ctx.db, resolution_id),
            partial(self._fill_notes, resolution_id),
        )

    def _fill_notes(self, resolution_id: str, entries: list[NoteEntry]) -> None:
        if resolution_id != self.resolutions.current_id():
            return  # it left the list (完成, 取消 under 只看未完成) or another was selected
        self.notes.set_rows(
            [
                (e.at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M"), e.actor, e.status, e.note)
                for e in entries
            ]
        )

    def add_progress(self) -> None:
        row = self.current()
        if row is None:
            return
        note = ask.text(self, f"{row.number} · " + self.tr("Progress"), self.tr("Progress"))
        if note:
            job = partial(resolutions.add_progress, self.ctx.db, row.id, note)
            self.ctx.write(job, _nothing, parent=self)

    def complete(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = CompleteDialog(self.ctx, row, self)
        dialog.saved.connect(lambda closed: self._completed(dialog.close_cases.isChecked(), closed))
        dialog.open()

    def _completed(self, close_cases: bool, closed: list[str]) -> None:
        """What completing closed: the requests, or, when they were to be closed too, that
        none was linked (still open)."""
        if closed:
            self.outcome.setText(self.tr("Requests closed: %1").replace("%1", "、".join(closed)))
        else:
            self.outcome.setText(self.tr("No open request is linked to it"))
        self.outcome.setVisible(bool(closed) or close_cases)

    def cancel(self) -> None:
        row = self.current()
        if row is None:
            return
        reason = ask.text(self, f"{row.number} · " + self.tr("Cancel"), self.tr("Reason"))
        if reason:
            job = partial(resolutions.cancel, self.ctx.db, row.id, reason)
            self.ctx.write(job, _nothing, parent=self)

    def print_follow_up(self) -> None:
        make = partial(documents.follow_up_pdf, self.ctx.db, self.follow_up_filter())
        title = self.tr("Follow-up sheet")
        show_report(self.ctx, self, title, f"{title}.pdf", make)

    def export_follow_up(self) -> None:
        path = ask.save_path(
            self, self.tr("Export to Excel"), "议定事项督办表.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        make = partial(exports.follow_up_xlsx, self.ctx.db, self.follow_up_filter())
        shown = len(self.resolutions.ids())
        save_bytes(self.ctx, self, path, make, lambda _r: exported(self, path, shown))


def _nothing(_result: Any) -> None:
    """The lists reload on the tables the write changed."""
