"""Defects a QA trial found driving the real window, each driven here through the widgets a
user touches: the sort arrow on headings that cannot sort, detail panes that kept a record
the list no longer shows, the empty 走访人 list, the import wizard's file name, the new record
selected after saving, 变更记录 everywhere, the 住户 list's phone, completing a resolution
with no linked request."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.list_view import SearchableList
from redoffice.ui.registry.residents_page import ResidentsPage


def _show(qtbot: QtBot, ctx: AppContext, page: Any) -> Any:
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert ctx.tasks.wait_idle()
    return page


def _click_heading(qtbot: QtBot, listing: SearchableList[Any], column: int) -> None:
    header = listing.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _heading(listing: SearchableList[Any], text: str) -> int:
    model = listing.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(text)


def test_a_heading_that_cannot_sort_does_not_take_the_arrow(qtbot: QtBot, ctx: AppContext) -> None:
    page = _show(qtbot, ctx, ResidentsPage(ctx))
    listing = page.list
    header = listing.table.horizontalHeader()
    address = _heading(listing, "地址")
    _click_heading(qtbot, listing, address)
    assert ctx.tasks.wait_idle()
    assert header.sortIndicatorSection() == address
    order = listing.ids()
    for text in ("身份证号", "联系电话", "特殊人群"):
        _click_heading(qtbot, listing, _heading(listing, text))
        assert ctx.tasks.wait_idle()
        assert header.sortIndicatorSection() == address, text
        assert listing.table.frozen.horizontalHeader().sortIndicatorSection() == address
        assert listing.ids() == order
    _click_heading(qtbot, listing, address)  # a sortable heading still flips the order
    assert ctx.tasks.wait_idle()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert listing.ids() != order
