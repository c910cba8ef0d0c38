"""A community's page as the street office shows it: read-only. The street owns none of the
communities' records (each is changed only where it is owned, and travels in that community's
package), so every button that would add, change or delete one is hidden — also from the row
menus, which offer only the visible buttons — and a double-click on a list opens nothing.
Each long list gets a 社区 column.
What reads stays: searching, filters, 变更记录, 导出 Excel, 打印, the figures tabs."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.kit.staged import LazyPart
from redoffice.ui.street.community_column import add_community_column

# what a button that only reads says (the source text and the Chinese the user sees)
READS: Final = (
    "Export",
    "导出",
    "Print",
    "打印",
    "History",
    "变更记录",
    "Preview",
    "预览",
    "Verify",
    "校验",
)
DONE: Final = "street_read_only"  # the property marking a widget already made read-only


def reads_only(button: QPushButton) -> bool:
    return any(word in button.text() for word in READS)


class ReadOnly(QObject):
    """Keeps ``page`` read-only: its writing buttons hidden whenever the page would show them
    (a page shows and hides buttons as the selection or a tick box changes), also those of
    tabs built later (looked for whenever a tab is chosen or the page is shown again)."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        page.installEventFilter(self)
        self.scan()

    def scan(self) -> None:
        window = self.page.window()  # not the buttons of a dialog the page opened
        for button in self.page.findChildren(QPushButton):
            if button.window() is window and not button.property(DONE) and not reads_only(button):
                button.setProperty(DONE, True)
                button.hide()
                button.installEventFilter(self)
        for found in self.page.findChildren(SearchableList):
            if found.window() is window and not found.property(DONE):
                found.setProperty(DONE, True)
                if found.receivers("2activated(QString)") > 0:
                    found.activated.disconnect()
                add_community_column(found)
        for tabs in [self.page, *self.page.findChildren(QTabWidget)]:
            if isinstance(tabs, QTabWidget) and not tabs.property(DONE):
                tabs.setProperty(DONE, True)
                tabs.currentChanged.connect(self.scan)  # after the page built the tab
                built = getattr(tabs, "built", None)  # ui/kit/staged.LazyTabs
                if built is not None:
                    built.connect(self.scan)  # a part built on a later turn
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


def make_read_only(page: QWidget) -> ReadOnly:
    return ReadOnly(page)
