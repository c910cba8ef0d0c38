"""Right-click on a row: the row is selected and a menu offers the page's own buttons for it
(their text, visibility and enabled state as they are), so menu and buttons never differ."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QTableView


class RowMenu(QObject):
    """The row menu of ``view``; ``menu`` is the one shown last (until the next replaces it)."""

    def __init__(self, view: QTableView, buttons: Sequence[QPushButton] = ()) -> None:
        super().__init__(view)
        self.view = view
        self.buttons = list(buttons)
        self.menu: QMenu | None = None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.open_at)

    def actions_menu(self) -> QMenu:
        menu = QMenu(self.view)
        for button in self.buttons:
            if button.isHidden():
                continue
            action = menu.addAction(button.text().replace("&", "&&"))
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        return menu

    def open_at(self, pos: QPoint) -> None:
        """``pos``: where the user right-clicked, in the view's viewport."""
        index = self.view.indexAt(pos)
        if not index.isValid() or not self.buttons:
            return
        self.view.selectRow(index.row())
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.actions_menu()
        self.menu.popup(self.view.viewport().mapToGlobal(pos))
