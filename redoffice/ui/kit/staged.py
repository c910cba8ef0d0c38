"""A page built in parts, one per turn of the event loop (issue 11 §5: no GUI-thread step over
50 ms). Building a whole page with all its tabs, then laying it out and painting it, was one
event of 60–165 ms on the 35,000-household demo; built in parts, the page's frame paints first,
its visible tab on the next turn, and a hidden tab only when it is first shown.

:class:`LazyTabs` holds the parts. A part asked for in code (``tabs.part(key)``, or an
attribute declared with :func:`built_in_parts`) is built at once: code that opens a page and goes
straight to a tab's row never sees it missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class _Slot(QWidget):
    """A part's place, holding the part once built."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make: Callable[[], QWidget] | None = make
        self.widget: QWidget | None = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)

    def build(self) -> bool:
        """Build the part unless it is built; whether it was built now."""
        if self.make is None:
            return False
        make, self.make = self.make, None  # once, even if building asks for it again
        self.widget = make()
        self.column.addWidget(self.widget)
        return True


class LazyPart(QWidget):
    """A page's whole content as one part, built on the turn of the event loop after the
    page was made (the page's frame shows first), or at once when asked for with
    :meth:`part` — for a page without tabs (居民, 住户)."""

    built = Signal(str)

    def __init__(self, key: str, make: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self._slot = _Slot(make, self)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self._slot)
        QTimer.singleShot(0, self, lambda: self.part(key))

    def part(self, key: str) -> QWidget:
        """The part, built now if it was not yet."""
        if self._slot.build():
            self.built.emit(key)
        assert self._slot.widget is not None
        return self._slot.widget

    def is_built(self) -> bool:
        return self._slot.make is None


class LazyTabs(QTabWidget):
    """Tabs whose parts are built when the tab is first made current — on the next turn of
    the event loop, after the tab bar has painted (the first tab's: on the turn after the
    page was made) — or at once when asked for with :meth:`part`. ``built(key)`` follows each
    part's building (a read-only view hides its new buttons)."""

    built = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slots: dict[str, _Slot] = {}
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self._build_current)
        self.currentChanged.connect(lambda _index: self._later.start())

    def add_part(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        self._slots[key] = _Slot(make)
        self.addTab(self._slots[key], title)

    def part(self, key: str) -> QWidget:
        """The part, built now if it was not yet."""
        slot = self._slots[key]
        if slot.build():
            self.built.emit(key)
        assert slot.widget is not None
        return slot.widget

    def is_built(self, key: str) -> bool:
        return self._slots[key].make is None

    def show_part(self, key: str) -> QWidget:
        """Bring ``key``'s tab to the front, built."""
        self.setCurrentWidget(self._slots[key])
        return self.part(key)

    def _slot_of(self, widget: QWidget) -> QWidget:
        """A built part's tab (its slot); any other widget as it is."""
        return next((s for s in self._slots.values() if s.widget is widget), widget)

    def setCurrentWidget(self, widget: QWidget) -> None:
        """A part (``tabs.setCurrentWidget(page.coverage)``) or its tab."""
        super().setCurrentWidget(self._slot_of(widget))

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._slot_of(widget))

    def key_of(self, index: int) -> str | None:
        slot = self.widget(index)
        return next((k for k, s in self._slots.items() if s is slot), None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._later.start()

    def _build_current(self) -> None:
        key = self.key_of(self.currentIndex())
        if key is not None:
            self.part(key)


class _BuiltWith:
    """An attribute a part's builder sets (``self.list = …``): read before that part was
    built, it builds the part first (the value then lives in the instance's own dict, which
    Python reads before this non-data descriptor)."""

    def __init__(self, name: str, part: str, tabs: str) -> None:
        self.name, self.part, self.tabs = name, part, tabs

    def __get__(self, page: Any, owner: type | None = None) -> Any:
        if page is None:
            return self
        parts: LazyTabs | LazyPart = getattr(page, self.tabs)
        parts.part(self.part)
        return page.__dict__[self.name]


T = TypeVar("T", bound=type)


def built_in_parts(tabs: str = "tabs", **parts: tuple[str, ...]) -> Callable[[T], T]:
    """Class decorator of a page: ``@built_in_parts(list=("places", "list"))`` — the
    attributes ``places`` and ``list``, set by the builder of the part ``list`` of the
    :class:`LazyTabs` (or :class:`LazyPart`) ``self.<tabs>``, build that part when read
    before it was built."""

    def declare(page: T) -> T:
        for part, names in parts.items():
            for name in names:
                setattr(page, name, _BuiltWith(name, part, tabs))
        return page

    return declare
