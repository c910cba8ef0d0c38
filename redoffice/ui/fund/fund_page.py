"""基金: 概览 (accounts and balances, this year's income and spending, notices running), 申请,
台账, 公示 and 收支报告 — one tab each, each built when first shown (:mod:`.kit.staged`)."""

from __future__ import annotations

from typing import TypeVar, cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from redoffice.ui.fund.applications_tab import ApplicationsTab
from redoffice.ui.fund.ledger_tab import LedgerTab
from redoffice.ui.fund.notices_tab import NoticesTab
from redoffice.ui.fund.overview_tab import OverviewTab
from redoffice.ui.fund.report_tab import ReportTab
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.staged import LazyTabs

W = TypeVar("W", bound=QWidget)


class FundPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        for key, title, make in (
            ("overview", self.tr("Overview"), self._overview),
            ("applications", self.tr("Applications"), self._applications),
            ("ledger", self.tr("Ledger"), lambda: LedgerTab(ctx)),
            ("notices", self.tr("Public notices"), self._notices),
            ("report", self.tr("Income and spending"), lambda: ReportTab(ctx)),
        ):
            self.tabs.add_part(key, title, make)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _overview(self) -> QWidget:
        tab = OverviewTab(self.ctx)
        tab.open_account.connect(self.show_account)
        tab.open_notices.connect(self.show_notices)
        return tab

    def _applications(self) -> QWidget:
        tab = ApplicationsTab(self.ctx)
        tab.notice_opened.connect(lambda notice_id: self.notices_tab.select(notice_id))
        return tab

    def _notices(self) -> QWidget:
        tab = NoticesTab(self.ctx)
        tab.open_application.connect(self.select_application)
        return tab

    def _tab(self, key: str, kind: type[W]) -> W:
        return cast(W, self.tabs.part(key))

    def _show(self, key: str) -> None:
        self.tabs.show_part(key)

    @property
    def overview_tab(self) -> OverviewTab:
        return self._tab("overview", OverviewTab)

    @property
    def applications_tab(self) -> ApplicationsTab:
        return self._tab("applications", ApplicationsTab)

    @property
    def ledger_tab(self) -> LedgerTab:
        return self._tab("ledger", LedgerTab)

    @property
    def notices_tab(self) -> NoticesTab:
        return self._tab("notices", NoticesTab)

    @property
    def report_tab(self) -> ReportTab:
        return self._tab("report", ReportTab)

    def show_applications(self, which: str) -> None:
        """From the 工作台: the 申请 tab filtered (``mine``, ``due`` or a state)."""
        self._show("applications")
        self.applications_tab.show_filter(which)

    def select_application(self, application_id: str) -> None:
        self._show("applications")
        self.applications_tab.select(application_id)

    def show_notices(self, which: str = "") -> None:
        """The 公示 tab: all notices, or (``ending``) those the 工作台's 本周公示期满 counts."""
        self._show("notices")
        self.notices_tab.show_filter(which)

    def show_account(self, account_id: str) -> None:
        self._show("ledger")
        self.ledger_tab.show_account(account_id)
