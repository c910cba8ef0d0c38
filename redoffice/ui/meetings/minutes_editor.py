"""会议纪要 editor, made for fast typing: attendees, agenda items with 讨论情况 and 议定事项, and
下次会议安排. What is typed is autosaved as a draft every few seconds, so a crash or a power cut
loses at most that; reopening offers the draft back. 定稿 locks the minutes; changing them
afterwards asks for a reason, kept as a revision."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.meetings import codes as meeting_codes
from redoffice.meetings import drafts as meeting_drafts
from redoffice.meetings import inputs as meeting_inputs
from redoffice.meetings import minutes as meeting_minutes
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings.inputs import AttendeeInput, ItemInput, Minutes, ResolutionInput
from redoffice.meetings.queries import MeetingDetail
from redoffice.ui.kit import ask
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.list_view import layout_buttons
from redoffice.ui.kit.save_dialog import read_only_why
from redoffice.ui.kit.widgets import button_row, code_combo, fit_columns, select_data

AUTOSAVE_MS = 3000


def _text(table: QTableWidget, row: int, column: int) -> str:
    widget = table.cellWidget(row, column)
    if isinstance(widget, QComboBox):
        return str(widget.currentData())
    return widget.text() if isinstance(widget, QLineEdit) else ""


class RowTable(QTableWidget):
    """A table whose cells are editors; rows added and removed by buttons."""

    def __init__(self, headers: list[str], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        fit_columns(self, stretch)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)
        self.ids: list[str | None] = []

    def append(self, widgets: list[QWidget], record_id: str | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.ids.append(record_id)
        for column, widget in enumerate(widgets):
            self.setCellWidget(row, column, widget)
        self.horizontalHeader().resizeSections()  # the columns fit the new editors
        widgets[0].setFocus()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            del self.ids[row]

    def clear_rows(self) -> None:
        self.setRowCount(0)
        self.ids = []


def _line(text: str = "") -> QLineEdit:
    return QLineEdit(text)


class AttendeeTable(RowTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Party"),
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Post"),
                self.tr("Phone"),
                self.tr("Attendance"),
                self.tr("Note"),
            ],
            2,
            parent,
        )

    def add(self, a: AttendeeInput | None = None) -> None:
        a = a or AttendeeInput("community", "")
        party, attendance = code_combo(meeting_codes.PARTIES), code_combo(meeting_codes.ATTENDANCE)
        select_data(party, a.party)
        select_data(attendance, a.attendance)
        self.append(
            [
                party,
                _line(a.name),
                _line(a.unit),
                _line(a.post),
                _line(a.phone),
                attendance,
                _line(a.note),
            ]
        )

    def attendees(self) -> tuple[AttendeeInput, ...]:
        return tuple(
            AttendeeInput(*(_text(self, r, c) for c in range(7))) for r in range(self.rowCount())
        )


class ResolutionTable(RowTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Resolution"),
                self.tr("Responsible party"),
                self.tr("Unit"),
                self.tr("Person"),
                self.tr("Deadline"),
            ],
            0,
            parent,
        )

    def add(self, r: ResolutionInput | None = None) -> None:
        party = code_combo(meeting_codes.PARTIES)
        select_data(party, r.party if r else "property")
        deadline = DateField(in_cell=True)
        deadline.set_value(r.deadline if r else None)
        person = _line(r.person if r else "")
        person.setMaximumWidth(90)  # a name: the resolution's text keeps the width
        self.append(
            [
                _line(r.text if r else ""),
                party,
                _line(r.unit if r else ""),
                person,
                deadline,
            ],
            r.id if r else None,
        )

    def resolutions(self) -> tuple[ResolutionInput, ...]:
        result = []
        for row in range(self.rowCount()):
            deadline = self.cellWidget(row, 4)
            assert isinstance(deadline, DateField)
            result.append(
                ResolutionInput(
                    _text(self, row, 0),
                    _text(self, row, 1),
                    deadline.value(),
                    _text(self, row, 2),
                    _text(self, row, 3),
                    None,
                    self.ids[row],
                )
            )
        return tuple(result)


class MinutesEditor(QDialog):
    """Opened with the meeting as stored (and a draft, if an earlier editor left one)."""

    def __init__(
        self,
        ctx: AppContext,
        detail: MeetingDetail,
        draft: Minutes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.setWindowTitle(f"{detail.number} {detail.data.title} · " + self.tr("Minutes"))
        self.items: list[ItemInput] = []
        self.current = -1
        self.closing = False
        self._build()
        self.read_only = read_only_why(self)  # a role that holds no meetings: shown only
        start = detail.minutes
        if draft is not None and draft != detail.minutes and not self.read_only:
            question = self.tr("Minutes typed earlier were not saved. Restore them?")
            if ask.confirm(self, self.tr("Restore draft"), question):
                start = draft
        self.show_minutes(start)
        self.saved_state = detail.minutes
        self.autosaved_state = start
        self.autosave = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)
        if self.read_only:
            self._show_read_only()
        else:
            self.autosave.start()
            QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(1000, 720)

    def _build(self) -> None:
        self.attendees = AttendeeTable()
        self.item_list = QListWidget()
        self.item_list.currentRowChanged.connect(self.switch_item)
        self.item_title = QLineEdit()
        self.discussion = QPlainTextEdit()
        self.discussion.setTabChangesFocus(True)
        self.resolutions = ResolutionTable()
        self.next_meeting = QPlainTextEdit()
        self.next_meeting.setTabChangesFocus(True)
        self.status = QLabel()
        tabs = QTabWidget()
        tabs.addTab(self._attendee_tab(), self.tr("Attendees"))
        tabs.addTab(self._items_tab(), self.tr("Agenda and resolutions"))
        tabs.addTab(self.next_meeting, self.tr("Next meeting"))
        tabs.setCurrentIndex(1)
        bottom = button_row(
            (self.tr("Save"), self.save),
            (self.tr("Finalize"), self.finalize),
            (self.tr("Close"), self.close),
        )
        bottom.addWidget(self.status)
        self.save_button, self.finalize_button, self.close_button = layout_buttons(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)

    def _show_read_only(self) -> None:
        """The minutes to read: the texts read-only, the tables and their buttons disabled, no
        保存 or 定稿, and why."""
        for text in (self.item_title, self.discussion, self.next_meeting):
            text.setReadOnly(True)
        self.save_button.hide()
        self.finalize_button.hide()
        for button in self.findChildren(QPushButton):
            button.setEnabled(button is self.close_button)
        self.attendees.setEnabled(False)
        self.resolutions.setEnabled(False)
        self.status.setText(self.read_only)

    def _attendee_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.attendees)
        layout.addLayout(
            button_row(
                (self.tr("Add person"), lambda: self.attendees.add()),
                (self.tr("From the registry…"), self.pick_attendees),
                (self.tr("Remove"), self.attendees.remove_current),
            )
        )
        return tab

    def _items_tab(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.item_list)
        left_layout.addLayout(
            button_row((self.tr("New item"), self.add_item), (self.tr("Remove"), self.remove_item))
        )
        right = QWidget()
        form = QVBoxLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("Item"), self.item_title),
            (self.tr("Discussion"), self.discussion),
            (self.tr("Resolutions"), self.resolutions),
        ):
            form.addWidget(QLabel(label))
            form.addWidget(widget, 1 if widget is not self.item_title else 0)
        form.addLayout(
            button_row(
                (self.tr("Add resolution"), lambda: self.resolutions.add()),
                (self.tr("Remove resolution"), self.resolutions.remove_current),
            )
        )
        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addWidget(left, 1)
        row.addWidget(right, 3)
        return tab

    # -- showing and collecting ----------------------------------------------------------
    def show_minutes(self, minutes: Minutes) -> None:
        self.attendees.clear_rows()
        for a in minutes.attendees:
            self.attendees.add(a)
        self.items = list(minutes.items)
        self.current = -1
        self.item_list.clear()
        for item in self.items:
            self.item_list.addItem(self._label(item))
        self.next_meeting.setPlainText(minutes.next_meeting)
        if self.items:
            self.item_list.setCurrentRow(0)
        self._enable_item(bool(self.items))

    def _label(self, item: ItemInput) -> str:
        mark = {"carried": self.tr("[earlier] "), "case": self.tr("[request] ")}.get(
            item.source, ""
        )
        return mark + (item.title or self.tr("(untitled)"))

    def _enable_item(self, enabled: bool) -> None:
        for widget in (self.item_title, self.discussion, self.resolutions):
            widget.setEnabled(enabled)

    def _keep_current(self) -> None:
        if 0 <= self.current < len(self.items):
            old = self.items[self.current]
            self.items[self.current] = ItemInput(
                self.item_title.text(),
                self.discussion.toPlainText(),
                self.resolutions.resolutions(),
                old.source,
                old.case_id,
                old.carried_resolution_id,
                old.id,
            )
            self.item_list.item(self.current).setText(self._label(self.items[self.current]))

    def switch_item(self, row: int) -> None:
        self._keep_current()
        self.current = row
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.item_title.setText(item.title)
        self.discussion.setPlainText(item.discussion)
        self.resolutions.clear_rows()
        for r in item.resolutions:
            self.resolutions.add(r)
        self.discussion.setFocus()

    def add_item(self) -> None:
        self._keep_current()
        self.items.append(ItemInput(""))
        self.item_list.addItem(self._label(self.items[-1]))
        self._enable_item(True)
        self.item_list.setCurrentRow(len(self.items) - 1)
        self.item_title.setFocus()

    def remove_item(self) -> None:
        row = self.item_list.currentRow()
        if row >= 0:
            self.current = -1
            del self.items[row]
            self.item_list.takeItem(row)
            self._enable_item(bool(self.items))

    def minutes(self) -> Minutes:
        self._keep_current()
        return Minutes(
            self.attendees.attendees(), tuple(self.items), self.next_meeting.toPlainText()
        )

    def pick_attendees(self) -> None:
        def show(people: list[AttendeeInput]) -> None:
            labels = [f"{meeting_codes.PARTIES[p.party]}　{p.name}　{p.unit}" for p in people]
            chosen = ask.choose(self, self.tr("Invite"), self.tr("Attendee"), labels)
            if chosen is not None:
                self.attendees.add(people[labels.index(chosen)])

        self.ctx.query(partial(meeting_queries.attendee_choices, self.ctx.db), show)

    # -- saving --------------------------------------------------------------------------
    def save_draft(self) -> None:
        """Autosave: only when something changed since the last save or draft."""
        minutes = self.minutes()
        if minutes in (self.autosaved_state, self.saved_state):
            return
        self.autosaved_state = minutes
        job = partial(meeting_drafts.save_draft, self.ctx.db, self.detail.id, minutes)
        self.ctx.tasks.run(job, lambda _r: self.status.setText(self.tr("Draft autosaved.")))

    def save(self, then: Any = None) -> None:
        minutes = self.minutes()
        reason = ""
        if self.detail.status == "final":
            reason = ask.text(self, self.tr("Revise finalized minutes"), self.tr("Reason")) or ""
            if not reason:
                return

        def done(saved: Minutes) -> None:
            self._adopt_ids(saved)
            self.saved_state = self.autosaved_state = meeting_inputs.with_ids(minutes, saved)
            self.status.setText(self.tr("Saved."))
            if then is not None:
                then()

        job = partial(meeting_minutes.save_minutes, self.ctx.db, self.detail.id, minutes, reason)
        self.ctx.write(job, done, parent=self)

    def _adopt_ids(self, saved: Minutes) -> None:
        """What was just saved keeps its ids: saving again updates it, and the numbers of
        its resolutions stay as they are."""
        self._keep_current()
        self.items = list(meeting_inputs.with_ids(Minutes(items=tuple(self.items)), saved).items)
        if 0 <= self.current < len(self.items):
            ids = [r.id for r in self.items[self.current].resolutions]
            if len(ids) == self.resolutions.rowCount():
                self.resolutions.ids = ids

    def finalize(self) -> None:
        question = self.tr("After finalizing, every change needs a reason. Finalize now?")
        if not ask.risky(self, self.tr("Finalize"), question):
            return

        def lock() -> None:
            job = partial(meeting_minutes.finalize, self.ctx.db, self.detail.id)
            self.ctx.write(job, lambda _r: self.accept(), parent=self)

        self.save(then=lock)

    def closeEvent(self, event: Any) -> None:
        """Unsaved changes: save them, or throw them away (the draft too)."""
        if not self.closing and self.minutes() != self.saved_state:
            question = self.tr("The minutes have unsaved changes. Save them?")
            if ask.confirm(self, self.tr("Minutes"), question):
                event.ignore()
                self.save(then=self._close_now)
                return
            job = partial(meeting_drafts.discard_draft, self.ctx.db, self.detail.id)
            self.ctx.tasks.run(job, _ignore)
        self.autosave.stop()
        super().closeEvent(event)

    def _close_now(self) -> None:
        self.closing = True
        self.close()


def _ignore(_result: Any) -> None:
    """Nothing to show when a draft has been discarded."""


def open_minutes_editor(ctx: AppContext, parent: QWidget | None, meeting_id: str) -> None:
    """Load the meeting and any draft on the worker, then open the editor."""

    def load() -> tuple[MeetingDetail, Minutes | None]:
        return meeting_queries.get_meeting(ctx.db, meeting_id), meeting_drafts.load_draft(
            ctx.db, meeting_id
        )

    def show(loaded: tuple[MeetingDetail, Minutes | None]) -> None:
        editor = MinutesEditor(ctx, *loaded, parent=parent)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.show()

    ctx.query(load, show)
