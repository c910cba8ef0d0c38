"""A page built in parts (ui/kit/staged.py): the frame first, the visible tab on the next turn
of the event loop, a hidden tab when it is first shown or first asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.staged import LazyTabs, built_in_parts


@built_in_parts(first=("title",), second=("other",))
class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.made: list[str] = []
        self.tabs = LazyTabs()
        self.tabs.add_part("first", "一", self._first)
        self.tabs.add_part("second", "二", self._second)
        QVBoxLayout(self).addWidget(self.tabs)

    def _first(self) -> QWidget:
        self.made.append("first")
        self.title = QLabel("第一")
        return self.title

    def _second(self) -> QWidget:
        self.made.append("second")
        self.other = QLabel("第二")
        return self.other


def test_the_visible_tab_is_built_on_the_next_turn(qtbot: QtBot) -> None:
    page = Page()
    qtbot.addWidget(page)
    built: list[str] = []
    page.tabs.built.connect(built.append)
    page.show()
    assert page.made == []  # the frame alone in the event that made the page
    qtbot.waitUntil(lambda: page.made == ["first"])
    assert built == ["first"]
    qtbot.waitUntil(page.title.isVisible)  # shown with its tab
    qtbot.wait(20)
    assert page.made == ["first"]  # the hidden tab waits
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.made == ["first"]  # the click paints the tab bar first …
    qtbot.waitUntil(lambda: page.made == ["first", "second"])  # … then builds the tab
    assert built == ["first", "second"] and page.other.text() == "第二"


def test_a_part_asked_for_is_built_at_once_and_only_once(qtbot: QtBot) -> None:
    page = Page()
    qtbot.addWidget(page)
    assert page.other.text() == "第二"  # read before its tab was shown: built now
    assert page.made == ["second"] and page.tabs.is_built("second")
    page.tabs.setCurrentWidget(page.other)  # a part stands for its tab
    assert page.tabs.currentIndex() == 1 == page.tabs.indexOf(page.other)
    qtbot.wait(20)
    assert page.made == ["second"]
    assert page.tabs.show_part("first") is page.title
    assert page.made == ["second", "first"] and page.tabs.currentIndex() == 0
