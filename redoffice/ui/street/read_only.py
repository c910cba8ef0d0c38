"""A community's page as the street office shows it: read-only. The street owns none of the
communities' records (each is changed only where it is owned, and travels in that community's
package), so every button marked as changing records where it is made (``Writes`` in a
``button_row``, :func:`redoffice.ui.kit.widgets.mark_writes`) is hidden — also from the row
menus, which offer only the visible buttons — and a double-click on a list opens nothing.
Each long list gets a 社区 column.
What reads stays: searching, filters, 变更记录, 导出 Excel, every print, the figures tabs."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.place_filters import PlaceFilters
from redoffice.ui.kit.simple_table import SimpleTable
from redoffice.ui.kit.staged import LazyPart
from redoffice.ui.kit.widgets import writes
from redoffice.ui.street.community_column import (
    add_community_column,
    add_short_community_column,
    name_places,
)

DONE: Final = "street_read_only"  # the property marking a widget already made read-only


class ReadOnly(QObject):
    """Keeps ``page`` read-only: its writing buttons hidden whenever the page would show them
    (a page shows and hides buttons as the selection or a tick box changes), also those of
    tabs built later (looked for whenever a tab is chosen or the page is shown again)."""

    def __init__(self, page: QWidget, ctx: AppContext) -> None:
        super().__init__(page)
        self.page, self.ctx = page, ctx
        page.installEventFilter(self)
        self.scan()

    def scan(self) -> None:
        window = self.page.window()  # not the buttons of a dialog the page opened
        for button in self.page.findChildren(QPushButton):
            if button.window() is window and not button.property(DONE) and writes(button):
                button.setProperty(DONE, True)
                button.hide()
                button.installEventFilter(self)
        for found in self.page.findChildren(SearchableList):
            if found.window() is window and not found.property(DONE):
                found.setProperty(DONE, True)
                if found.receivers("2activated(QString)") > 0:
                    found.activated.disconnect()
                add_community_column(found)
        for short in self.page.findChildren(SimpleTable):
            if short.window() is window and not short.property(DONE):
                short.setProperty(DONE, True)
                add_short_community_column(short, self.ctx)
        for tabs in [self.page, *self.page.findChildren(QTabWidget)]:
            if isinstance(tabs, QTabWidget) and not tabs.property(DONE):
                tabs.setProperty(DONE, True)
                tabs.currentChanged.connect(self.scan)  # after the page built the tab
                built = getattr(tabs, "built", None)  # ui/kit/staged.LazyTabs
                if built is not None:
                    built.connect(self.scan)  # a part built on a later turn
        for places in self.page.findChildren(PlaceFilters):
            if not places.property(DONE):
                places.setProperty(DONE, True)
                name_places(places)
                places.reload()
        for part in self.page.findChildren(LazyPart):  # 居民, 住户: built on a later turn
            if not part.property(DONE):
                part.setProperty(DONE, True)
                part.built.connect(self.scan)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.page:
            if kind == QEvent.Type.Show:
                self.scan()
        elif kind in (QEvent.Type.Show, QEvent.Type.ShowToParent) and isinstance(watched, QWidget):
            watched.hide()
        return False


def make_read_only(page: QWidget, ctx: AppContext) -> ReadOnly:
    return ReadOnly(page, ctx)
