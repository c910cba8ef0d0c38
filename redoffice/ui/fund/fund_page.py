"""基金: 概览 (accounts and balances, this year's income and spending, notices running), 申请,
台账, 公示 and 收支报告 — one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redoffice.ui.fund.applications_tab import ApplicationsTab
from redoffice.ui.fund.ledger_tab import LedgerTab
from redoffice.ui.fund.notices_tab import NoticesTab
from redoffice.ui.fund.overview_tab import OverviewTab
from redoffice.ui.fund.report_tab import ReportTab
from redoffice.ui.kit.context import AppContext


class FundPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview_tab = OverviewTab(ctx)
        self.applications_tab = ApplicationsTab(ctx)
        self.ledger_tab = LedgerTab(ctx)
        self.notices_tab = NoticesTab(ctx)
        self.report_tab = ReportTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview_tab, self.tr("Overview"))
        self.tabs.addTab(self.applications_tab, self.tr("Applications"))
        self.tabs.addTab(self.ledger_tab, self.tr("Ledger"))
        self.tabs.addTab(self.notices_tab, self.tr("Public notices"))
        self.tabs.addTab(self.report_tab, self.tr("Income and spending"))
        self.overview_tab.open_account.connect(self.show_account)
        self.overview_tab.open_notices.connect(lambda: self.tabs.setCurrentWidget(self.notices_tab))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def show_applications(self, which: str) -> None:
        """From the 工作台: the 申请 tab filtered (``mine``, ``due`` or a state)."""
        self.tabs.setCurrentWidget(self.applications_tab)
        self.applications_tab.show_filter(which)

    def select_application(self, application_id: str) -> None:
        self.tabs.setCurrentWidget(self.applications_tab)
        self.applications_tab.select(application_id)

    def show_notices(self) -> None:
        self.tabs.setCurrentWidget(self.notices_tab)

    def show_account(self, account_id: str) -> None:
        self.tabs.setCurrentWidget(self.ledger_tab)
        self.ledger_tab.show_account(account_id)
