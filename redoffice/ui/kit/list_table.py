"""The one table view of every list. :class:`TableView` is what every list does alike: one
row selected at a time, double-click or Enter opens it, a right-click on a row offers the
page's buttons for it, the header's right-click menu hides and shows columns, and a click on a
heading sorts. :class:`ListTable` is the big lists' (lazily loaded, sorted in SQL): columns the
user can also reorder and widen, and the first (name) column frozen while scrolling sideways;
:class:`~redoffice.ui.kit.simple_table.SimpleTable` is the short lists' (rows held in memory).

The frozen column is Qt's frozen-column technique: a second view over the same model and
selection shows only the first column, laid over the left edge of the main view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from redoffice.ui.kit.lazy_table import LazyTableModel
from redoffice.ui.kit.row_menu import RowMenu

ROW_HEIGHT = 26


def _configure(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # Row numbers up to 100,000 keep widening the header while scrolling, and each width
    # change relays out the whole table (70+ ms steps); the count is shown below instead.
    view.verticalHeader().hide()


class TableView(QTableView):
    """``open_row(position)``: double-click or Enter on a row. ``rows``: the row menu (the
    page sets its buttons); ``menu``: the header menu shown last."""

    open_row = Signal(int)

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        _configure(self)
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self._header_menu(header.viewport().mapToGlobal(pos))
        )
        self.doubleClicked.connect(lambda index: self.open_row.emit(index.row()))
        self.rows = RowMenu(self)
        self.menu: QMenu | None = None
        self._headers: list[QHeaderView] = []
        self.sort_only_sortable(header)

    def sortable(self, column: int) -> bool:
        """Whether a click on ``column``'s heading sorts (a lazy list sorts in SQL, only by
        the columns with a sort key; a short list sorts by any)."""
        model = self.model()
        return not isinstance(model, LazyTableModel) or model.sort_key(column) is not None

    def sort_only_sortable(self, header: QHeaderView) -> None:
        """A press on a heading that cannot sort leaves the arrow where it is (on the column
        the rows are sorted by, which is also what is remembered): such a heading is not
        clickable while pressed; it can still be dragged and widened."""
        header.viewport().installEventFilter(self)
        self._headers.append(header)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            header = next((h for h in self._headers if h.viewport() is watched), None)
            if header is not None:
                column = header.logicalIndexAt(event.position().toPoint())
                header.setSectionsClickable(column < 0 or self.sortable(column))
        return super().eventFilter(watched, event)

    def enable_sorting(self, column: int, order: Qt.SortOrder) -> None:
        """Clicking a heading sorts; the list starts sorted by ``column`` (-1: as given)."""
        self.horizontalHeader().setSortIndicator(column, order)
        self.setSortingEnabled(True)

    # --- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    # --- menus ----------------------------------------------------------------------------
    def visible_columns(self) -> list[int]:
        """Logical columns in the order shown, hidden ones left out."""
        header = self.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in shown if not header.isSectionHidden(c)]

    def header_menu(self) -> QMenu:
        """Every column but the first as a check box (shown/hidden), and the default layout."""
        menu = QMenu(self)
        header = self.horizontalHeader()
        model = self.model()
        for column in range(1, model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", "")
            action = QAction(text, menu, checkable=True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.setColumnHidden(c, not shown))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Default columns"))
        reset.setObjectName("default_columns")
        reset.triggered.connect(self.reset_columns)
        return menu

    def reset_columns(self) -> None:
        header = self.horizontalHeader()
        for column in range(header.count()):
            header.moveSection(header.visualIndex(column), column)
            header.setSectionHidden(column, False)
        self.reset_widths()

    def reset_widths(self) -> None:
        """The columns at their first widths (here: as wide as their contents)."""

    def _header_menu(self, at: QPoint) -> None:
        self._popup(self.header_menu(), at)

    def _popup(self, menu: QMenu, at: QPoint) -> None:
        """Show ``menu`` (kept as ``self.menu`` until the next one replaces it)."""
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        menu.popup(at)


class ListTable(TableView):
    """A big list over a lazily loaded model: columns widened and reordered by the user, the
    first one frozen at the left."""

    def __init__(self, model: LazyTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.lazy_model = model
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.sectionMoved.connect(self._keep_first_column)
        self.frozen = self._frozen_view(model)

    # --- the frozen first column ----------------------------------------------------------
    def _frozen_view(self, model: QAbstractItemModel) -> QTableView:
        frozen = QTableView(self)
        frozen.setObjectName("frozen")
        frozen.setModel(model)
        frozen.setSelectionModel(self.selectionModel())
        _configure(frozen)
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.horizontalHeader().setSectionsClickable(True)  # sorts through the main header
        frozen.horizontalHeader().setSortIndicatorShown(True)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setStyleSheet("QTableView#frozen { border: none; }")
        frozen.doubleClicked.connect(lambda index: self.open_row.emit(index.row()))
        frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        frozen.customContextMenuRequested.connect(
            lambda pos: self.rows.open_at(
                self.viewport().mapFromGlobal(frozen.viewport().mapToGlobal(pos))
            )
        )
        top = frozen.horizontalHeader()
        self.sort_only_sortable(top)
        top.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        top.customContextMenuRequested.connect(
            lambda pos: self._header_menu(top.viewport().mapToGlobal(pos))
        )
        for one, other in (
            (frozen.horizontalHeader(), self.horizontalHeader()),
            (self.horizontalHeader(), frozen.horizontalHeader()),
        ):
            one.sortIndicatorChanged.connect(
                lambda column, order, h=other: h.setSortIndicator(column, order)
            )
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._first_resized)
        model.modelReset.connect(self._hide_frozen_columns)
        self.viewport().stackUnder(frozen)
        self._hide_frozen_columns(frozen)
        frozen.show()
        return frozen

    def _hide_frozen_columns(self, frozen: QTableView | None = None) -> None:
        view = frozen or self.frozen
        for column in range(1, view.model().columnCount()):
            view.setColumnHidden(column, True)
        view.setColumnWidth(0, self.columnWidth(0))

    def _first_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical == 0:
            self.place_frozen()

    def place_frozen(self) -> None:
        """Lay the frozen column over the first one, at its width (a restored header state
        does not announce the widths it sets: the first resize brings them over)."""
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        frame = self.frameWidth()
        self.frozen.setGeometry(
            frame,
            frame,
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_frozen()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Moving right under the frozen column scrolls the table instead of hiding the cell."""
        current = super().moveCursor(action, modifiers)
        if (
            action == QAbstractItemView.CursorAction.MoveLeft
            and current.column() > 0
            and self.visualRect(current).topLeft().x() < self.frozen.columnWidth(0)
        ):
            position = (
                self.horizontalScrollBar().value()
                + self.visualRect(current).topLeft().x()
                - self.frozen.columnWidth(0)
            )
            self.horizontalScrollBar().setValue(position)
        return current

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() > 0:
            super().scrollTo(index, hint)
        else:  # only scroll vertically: the first column is always in view
            super().scrollTo(self.model().index(index.row(), self._first_visible()), hint)

    def _first_visible(self) -> int:
        header = self.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        return next((c for c in shown[1:] if not header.isSectionHidden(c)), 0)

    def _keep_first_column(self, logical: int, _old: int, _new: int) -> None:
        """The name column stays leftmost: a column dropped before it goes after it."""
        header = self.horizontalHeader()
        if header.visualIndex(0) != 0:
            header.moveSection(header.visualIndex(0), 0)

    def reset_widths(self) -> None:
        for column, width in enumerate(self.lazy_model.widths()):
            self.setColumnWidth(column, width)
