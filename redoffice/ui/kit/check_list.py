"""A short list of choices to tick (visitors, 小区 of a meeting, members claiming a wish): each
entry carries its data; Space ticks the highlighted one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def checkable_list(items: list[tuple[str, Any]], checked: set[Any]) -> QListWidget:
    """``items`` as (text, data); those whose data is in ``checked`` start ticked."""
    widget = QListWidget()
    fill_checkable(widget, items, checked)
    widget.setMaximumHeight(min(24 * len(items) + 6, 110))
    return widget


def fill_checkable(widget: QListWidget, items: list[tuple[str, Any]], checked: set[Any]) -> None:
    """Replace the entries of ``widget`` by ``items``; those whose data is in ``checked`` ticked."""
    widget.clear()
    for text, data in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if data in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked_data(widget: QListWidget) -> tuple[Any, ...]:
    """The data of the ticked entries, in list order."""
    return tuple(
        widget.item(n).data(Qt.ItemDataRole.UserRole)
        for n in range(widget.count())
        if widget.item(n).checkState() == Qt.CheckState.Checked
    )
