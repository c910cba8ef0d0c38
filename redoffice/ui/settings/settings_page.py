"""设置: the community's identity and the operator; daily-work settings; the calendar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redoffice.settings import community
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.settings.identity_form import IdentityForm
from redoffice.ui.settings.work_settings import CalendarSettings, WorkSettings


class SettingsPage(QWidget):
    """The identity tab is built with the page; 日常工作 and 节假日与调休 (≈ half of building the
    page, ~50 ms of GUI thread) one per turn of the event loop once it shows, or as soon as
    their tab or attribute is asked for (issue 11 §5: no GUI-thread step over 50 ms)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = IdentityForm()
        self.save_button = QPushButton(self.tr("Save"))
        on_click(self.save_button, self.save)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        identity = QWidget()
        identity_layout = QVBoxLayout(identity)
        identity_layout.addWidget(self.form)
        identity_layout.addLayout(buttons)
        identity_layout.addStretch(1)
        self._work: WorkSettings | None = None
        self._work_area = QScrollArea()  # visits, requests, meetings, wishes, fund: > 768 px
        self._work_area.setWidgetResizable(True)
        self._work_area.setFrameShape(QFrame.Shape.NoFrame)
        self._calendar: CalendarSettings | None = None
        self._calendar_box = QWidget()
        QVBoxLayout(self._calendar_box).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(identity, self.tr("Community and operator"))
        self.tabs.addTab(self._work_area, self.tr("Daily work"))
        self.tabs.addTab(self._calendar_box, self.tr("Holidays and 调休"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.load()

    @property
    def work(self) -> WorkSettings:
        """The 日常工作 tab's settings, built on first use."""
        if self._work is None:
            self._work = WorkSettings(self.ctx)
            self._work_area.setWidget(self._work)
        return self._work

    @property
    def calendar(self) -> CalendarSettings:
        """The 节假日与调休 tab, built on first use."""
        if self._calendar is None:
            self._calendar = CalendarSettings(self.ctx)
            box = self._calendar_box.layout()
            assert box is not None
            box.addWidget(self._calendar)
            self._calendar.show()  # at once when its tab is on screen (else with the tab)
        return self._calendar

    def _tab_shown(self, index: int) -> None:
        if index == 1:
            _ = self.work
        elif index == 2:
            _ = self.calendar

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._work is None or self._calendar is None:
            QTimer.singleShot(0, self, self._build_next)

    def _build_next(self) -> None:
        """One tab built per turn of the event loop."""
        if self._work is None:
            _ = self.work
            QTimer.singleShot(0, self, self._build_next)
        elif self._calendar is None:
            _ = self.calendar

    def load(self) -> None:
        self.ctx.query(
            partial(community.identity_and_operator, self.ctx.db),
            lambda values: self.form.set_values(*values),
        )

    def save(self) -> None:
        self.form.clear_errors()
        self.status.clear()
        job = partial(
            community.update_identity, self.ctx.db, self.form.identity(), self.form.operator.text()
        )
        self.ctx.write(
            job,
            lambda _r: self.status.setText(self.tr("Saved.")),
            partial(self.form.show_refusal, parent=self),
        )
