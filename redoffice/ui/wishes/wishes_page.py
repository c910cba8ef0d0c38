"""微心愿 and 双报到: the wishes, the registered party members, the statistics — one tab each,
each built when first shown (:mod:`redoffice.ui.kit.staged`)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.staged import LazyTabs, built_in_parts
from redoffice.ui.wishes.members_tab import MembersTab
from redoffice.ui.wishes.stats_tab import StatsTab
from redoffice.ui.wishes.wishes_tab import WishesTab


@built_in_parts(wishes=("wishes_tab",), members=("members_tab",), stats=("stats_tab",))
class WishesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = LazyTabs()
        self.tabs.add_part("wishes", self.tr("Wishes"), self._wishes)
        self.tabs.add_part("members", self.tr("Party members"), self._members)
        self.tabs.add_part("stats", self.tr("Statistics"), self._stats)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _wishes(self) -> QWidget:
        self.wishes_tab = WishesTab(self.ctx)
        return self.wishes_tab

    def _members(self) -> QWidget:
        self.members_tab = MembersTab(self.ctx)
        return self.members_tab

    def _stats(self) -> QWidget:
        self.stats_tab = StatsTab(self.ctx)
        return self.stats_tab

    def select_wish(self, wish_id: str) -> None:
        """From the 工作台: the wishes tab, all wishes listed, this one selected."""
        self.tabs.show_part("wishes")
        self.wishes_tab.select_wish(wish_id)
