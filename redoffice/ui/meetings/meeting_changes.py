"""修改… and 取消会议… on the meetings page: a meeting is corrected or called off (with the
reason) until its minutes are final; after 定稿 the service refuses, saying why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from redoffice.kit import clock
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import service as meetings
from redoffice.meetings.queries import MeetingChoices, MeetingDetail
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.save_dialog import SaveDialog
from redoffice.ui.meetings.meeting_dialog import MeetingDialog


class CorrectMeetingDialog(MeetingDialog):
    """The new-meeting form filled with the meeting as stored; the agenda is left to the
    minutes editor, so the list of requests is not shown."""

    def __init__(
        self,
        ctx: AppContext,
        detail: MeetingDetail,
        choices: MeetingChoices,
        parent: QWidget | None = None,
    ) -> None:
        kinds = list(dict.fromkeys([*choices.kinds, detail.data.kind]))
        super().__init__(ctx, replace(choices, kinds=kinds, cases=[]), (), parent)
        self.setWindowTitle(f"{detail.number} · " + self.tr("Correct the meeting"))
        self.meeting_id = detail.id
        case_row = self.cases.parentWidget()
        assert case_row is not None
        self.form.layout_.setRowVisible(case_row, False)
        self._fill(detail)

    def _fill(self, detail: MeetingDetail) -> None:
        d = detail.data
        self.kind.setCurrentText(d.kind)
        self.day.set_value(d.meeting_date)
        self.start.set_value(d.start_time)
        self.notice.set_value(d.notice_date)
        for edit, text in (
            (self.title_edit, d.title),
            (self.place, d.place),
            (self.convener, d.convener),
            (self.host, d.host),
            (self.recorder, d.recorder),
        ):
            edit.setText(text)
        self._typed = True  # the stored title is kept, not suggested again
        for n in range(self.estates.count()):
            item = self.estates.item(n)
            chosen = item.data(Qt.ItemDataRole.UserRole) in d.estate_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def action(self) -> Callable[[], Any]:
        return partial(meetings.correct_meeting, self.ctx.db, self.meeting_id, self.data())


class CancelMeetingDialog(SaveDialog):
    """取消会议: the day it was called off and why."""

    def __init__(
        self, ctx: AppContext, detail: MeetingDetail, parent: QWidget | None = None
    ) -> None:
        title = f"{detail.number} {detail.data.title} · " + self.tr("Cancel the meeting")
        super().__init__(ctx, title, parent)
        self.meeting_id = detail.id
        self.on = DateField(required=True)
        self.on.set_value(clock.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("e.g. postponed: the owners' committee is re-elected")
        )
        self.form.add_row("cancelled_on", self.tr("Cancelled on"), self.on)
        self.form.add_row("cancel_reason", self.tr("Reason"), self.reason)
        self.resize(520, 200)

    def action(self) -> Callable[[], Any]:
        return partial(
            meetings.cancel_meeting,
            self.ctx.db,
            self.meeting_id,
            self.reason.text(),
            self.on.required_value(),
        )


def _load(ctx: AppContext, meeting_id: str) -> tuple[MeetingDetail, MeetingChoices]:
    return meetings.draft_meeting(ctx.db, meeting_id), meeting_queries.meeting_choices(ctx.db)


def open_correct_dialog(ctx: AppContext, parent: QWidget, meeting_id: str) -> None:
    """Open 修改 for a draft meeting; a final or cancelled one is refused with the reason."""

    def show(loaded: tuple[MeetingDetail, MeetingChoices]) -> None:
        CorrectMeetingDialog(ctx, *loaded, parent=parent).open()

    ctx.query(partial(_load, ctx, meeting_id), show, partial(report, parent))


def open_cancel_dialog(ctx: AppContext, parent: QWidget, meeting_id: str) -> None:
    """Open 取消会议 for a draft meeting; a final or cancelled one is refused with the reason."""

    def show(detail: MeetingDetail) -> None:
        CancelMeetingDialog(ctx, detail, parent).open()

    ctx.query(partial(meetings.draft_meeting, ctx.db, meeting_id), show, partial(report, parent))
