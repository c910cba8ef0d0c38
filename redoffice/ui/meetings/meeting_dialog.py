"""新建会议: type, title, date and time, place, 召集人/主持/记录, notice date, the 小区 concerned
and the 民情诉求 to put on the agenda (open resolutions of earlier meetings come by themselves)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from redoffice.kit import clock
from redoffice.meetings import queries as meeting_queries
from redoffice.meetings import service as meetings
from redoffice.meetings.inputs import MeetingInput
from redoffice.meetings.queries import MeetingChoices
from redoffice.ui.kit.check_list import checkable_list, checked_data, fill_checkable
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.date_fields import DateField, TimeField
from redoffice.ui.kit.save_dialog import SaveDialog


class MeetingDialog(SaveDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: MeetingChoices,
        case_ids: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("New meeting"), parent)
        f = self.form
        self.kind = QComboBox()
        self.kind.addItems(choices.kinds)
        self.title_edit = QLineEdit()
        self.day = DateField(required=True)
        self.day.set_value(clock.today())
        self.start = TimeField()
        self.place, self.convener = QLineEdit(), QLineEdit(self.tr("Community Party committee"))
        self.host, self.recorder = QLineEdit(), QLineEdit()
        self.notice = DateField()
        self.estates = checkable_list(choices.estates, set())
        self.cases = checkable_list(choices.cases, set(case_ids))
        self.cases.setMaximumHeight(160)
        for field, label, widget in (
            ("kind", self.tr("Type"), self.kind),
            ("title", self.tr("Title"), self.title_edit),
            ("meeting_date", self.tr("Date"), self.day),
            ("start_time", self.tr("Time"), self.start),
            ("place", self.tr("Place"), self.place),
            ("convener", self.tr("Convened by"), self.convener),
            ("host", self.tr("Chaired by"), self.host),
            ("recorder", self.tr("Minutes by"), self.recorder),
            ("notice_date", self.tr("Notice given on"), self.notice),
            ("estate_ids", self.tr("Estates"), self.estates),
            ("case_ids", self.tr("Requests for the agenda"), self.cases),
        ):
            f.add_row(field, label, widget)
        self.estates.itemChanged.connect(self._suggest_title)
        self.estates.itemChanged.connect(self._narrow_cases)
        self.kind.currentTextChanged.connect(self._suggest_title)
        self.day.edited.connect(self._suggest_title)
        self.title_edit.textEdited.connect(lambda _t: setattr(self, "_typed", True))
        self._typed = False
        self._estate_names = dict((i, n) for n, i in choices.estates)
        self.resize(640, 720)

    def _suggest_title(self, *_args: Any) -> None:
        """“阳光花园11月三方联席会议” until the user types a title of their own."""
        if self._typed:
            return
        names = "、".join(self._estate_names[e] for e in checked_data(self.estates))
        day = self.day.value()
        month = f"{day.month}月" if day is not None else ""
        self.title_edit.setText(f"{names}{month}{self.kind.currentText()}")

    def _narrow_cases(self, *_args: Any) -> None:
        """The requests offered for the agenda follow the ticked 小区 (all while none is)."""
        estates = checked_data(self.estates)
        job = partial(meeting_queries.agenda_cases, self.ctx.db, estates)
        self.ctx.query(job, partial(self._show_cases, estates))

    def _show_cases(self, estates: tuple[str, ...], cases: list[tuple[str, str]]) -> None:
        """Requests still offered stay ticked; an answer for 小区 no longer ticked is dropped
        (a later one follows)."""
        if estates == checked_data(self.estates):
            fill_checkable(self.cases, cases, set(checked_data(self.cases)))

    def data(self) -> MeetingInput:
        return MeetingInput(
            kind=self.kind.currentText(),
            title=self.title_edit.text(),
            meeting_date=self.day.required_value(),
            estate_ids=checked_data(self.estates),
            start_time=self.start.value(),
            place=self.place.text(),
            convener=self.convener.text(),
            host=self.host.text(),
            recorder=self.recorder.text(),
            notice_date=self.notice.value(),
            case_ids=checked_data(self.cases),
        )

    def action(self) -> Callable[[], Any]:
        return partial(meetings.create_meeting, self.ctx.db, self.data())


def open_meeting_dialog(
    ctx: AppContext,
    parent: QWidget | None,
    case_ids: tuple[str, ...] = (),
    saved: Callable[[str], object] | None = None,
) -> None:
    """新建会议 once the choices are read; ``saved(meeting_id)`` after it is saved."""

    def show(choices: MeetingChoices) -> None:
        dialog = MeetingDialog(ctx, choices, case_ids, parent)
        if saved is not None:
            dialog.saved.connect(saved)
        dialog.open()

    ctx.query(partial(meeting_queries.meeting_choices, ctx.db), show)
