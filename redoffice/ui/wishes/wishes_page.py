"""微心愿 and 双报到: the wishes, the registered party members, the statistics — one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redoffice.ui.kit.context import AppContext
from redoffice.ui.wishes.members_tab import MembersTab
from redoffice.ui.wishes.stats_tab import StatsTab
from redoffice.ui.wishes.wishes_tab import WishesTab


class WishesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.wishes_tab = WishesTab(ctx)
        self.members_tab = MembersTab(ctx)
        self.stats_tab = StatsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.wishes_tab, self.tr("Wishes"))
        self.tabs.addTab(self.members_tab, self.tr("Party members"))
        self.tabs.addTab(self.stats_tab, self.tr("Statistics"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def select_wish(self, wish_id: str) -> None:
        """From the 工作台: the wishes tab, all wishes listed, this one selected."""
        self.tabs.setCurrentWidget(self.wishes_tab)
        self.wishes_tab.select_wish(wish_id)
