"""设置: the community's identity and the operator; daily-work settings; the calendar; backups;
数据安全 (encryption)."""

from __future__ import annotations

from functools import partial
from typing import cast

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redoffice.accounts.permissions import Permission, permits
from redoffice.settings import community
from redoffice.ui.accounts.accounts_tab import AccountsTab
from redoffice.ui.kit.connect import on_click
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.staged import LazyTabs, built_in_parts
from redoffice.ui.kit.widgets import NEEDS, mark_writes
from redoffice.ui.settings.backup_settings import BackupSettings
from redoffice.ui.settings.encryption_tab import EncryptionTab
from redoffice.ui.settings.identity_form import IdentityForm
from redoffice.ui.settings.work_settings import CalendarSettings, WorkSettings


@built_in_parts(identity=("form", "save_button", "status"))
class SettingsPage(QWidget):
    """社区与操作员, 日常工作 and 节假日与调休, one tab each, built when first shown
    (:mod:`redoffice.ui.kit.staged`; 日常工作 alone is ~20 ms of GUI thread)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        self.tabs.add_part("identity", self.tr("Community and operator"), self._identity)
        self.tabs.add_part("work", self.tr("Daily work"), self._work_area)
        self.tabs.add_part("calendar", self.tr("Holidays and 调休"), partial(CalendarSettings, ctx))
        if permits(ctx.db, Permission.MANAGE_ACCOUNTS):  # everyone while there are no accounts
            self.tabs.add_part("accounts", self.tr("Accounts"), partial(AccountsTab, ctx))
        self.tabs.add_part("backup", self.tr("Backups"), partial(BackupSettings, ctx))
        if permits(ctx.db, Permission.MANAGE_SETTINGS):  # administrators: 加密此数据库
            self.tabs.add_part("security", self.tr("Data security"), partial(EncryptionTab, ctx))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _identity(self) -> QWidget:
        self.form = IdentityForm()
        self.save_button = QPushButton(self.tr("Save"))
        mark_writes(self.save_button)  # greyed by the role gate for who may not change them
        self.save_button.setProperty(NEEDS, Permission.MANAGE_SETTINGS.value)
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
        self.load()
        return identity

    def _work_area(self) -> QWidget:
        area = QScrollArea()  # visits, requests, meetings, wishes, fund: > 768 px
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(WorkSettings(self.ctx))
        return area

    @property
    def work(self) -> WorkSettings:
        """The 日常工作 tab's settings, built on first use."""
        area = self.tabs.part("work")
        assert isinstance(area, QScrollArea)
        return cast(WorkSettings, area.widget())

    @property
    def calendar(self) -> CalendarSettings:
        """The 节假日与调休 tab, built on first use."""
        return cast(CalendarSettings, self.tabs.part("calendar"))

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
