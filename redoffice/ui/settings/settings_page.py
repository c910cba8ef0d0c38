"""设置: the community's identity and the operator; daily-work settings; the calendar."""

from __future__ import annotations

from functools import partial

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
        self.work = WorkSettings(ctx)
        work = QScrollArea()  # visits, requests, meetings, wishes and the fund: taller than 768
        work.setWidget(self.work)
        work.setWidgetResizable(True)
        work.setFrameShape(QFrame.Shape.NoFrame)
        self.calendar = CalendarSettings(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(identity, self.tr("Community and operator"))
        self.tabs.addTab(work, self.tr("Daily work"))
        self.tabs.addTab(self.calendar, self.tr("Holidays and 调休"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.load()

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
