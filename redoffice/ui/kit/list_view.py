"""A search box over a lazily loaded, SQL-sorted table: the shape of every big list."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redoffice.kit.id_lists import FirstPage, IdQuery
from redoffice.reports.lists import ListPrint, ListSheet, list_pdf
from redoffice.settings import community
from redoffice.ui.kit import ui_state
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.errors import report
from redoffice.ui.kit.lazy_table import PAGE, Column, LazyTableModel
from redoffice.ui.kit.list_table import ListTable
from redoffice.ui.kit.preview import show_long_report

if TYPE_CHECKING:
    from redoffice.kit.exports import KeyedColumn

R = TypeVar("R")
IdLoader = Callable[[str, str, bool], Callable[[], list[str]]]
WHOLE_UP_TO = 20_000  # a list of at most this many rows is read whole at once


def layout_buttons(layout: QLayout) -> list[QPushButton]:
    """The push buttons of a button row, left to right."""
    return [w for w in _widgets(layout) if isinstance(w, QPushButton)]


def _widgets(layout: QLayout) -> list[QWidget]:
    items = (layout.itemAt(n) for n in range(layout.count()))
    return [w for w in (i.widget() for i in items if i is not None) if w is not None]


class SearchableList(QWidget, Generic[R]):
    """``load_ids(text, sort_key, descending)`` returns the worker job that lists the ids.

    When that job is an :class:`~redoffice.kit.id_lists.IdQuery`, a list longer than
    ``whole_up_to`` shows its first page and its count first; the rest of its ids is read when
    it is needed — a row past them wanted by the view, an action waiting for the whole list
    (:meth:`when_ready`: export, print), the selection kept across a reload further down.

    With a ``state_key`` the column layout, sort and filters are remembered between runs."""

    current_changed = Signal(str)
    activated = Signal(str)
    reloaded = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        columns: Sequence[Column[R]],
        fetch: Callable[[Sequence[str]], list[R]],
        row_id: Callable[[R], str],
        load_ids: IdLoader,
        placeholder: str,
        default_sort: str,
        parent: QWidget | None = None,
        newest_first: bool = False,
        state_key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._load_ids = load_ids
        self._fetch = fetch
        self._columns = list(columns)
        self._state_key = state_key
        self._sort = (default_sort, newest_first)
        self._generation, self._shown = 0, -1  # pending until its first reading is shown
        self.whole_up_to = WHOLE_UP_TO
        self._rest: tuple[int, IdQuery] | None = None  # the shown list's (generation, ids job)
        self._rest_asked = -1  # the generation whose rest of ids is being read
        self._failed = -1  # the generation whose reading failed (read again when asked)
        self._keep: str | None = None  # the id to select again once the rest arrives
        self._select_next: str | None = None
        self._when_ready: list[Callable[[], object]] = []
        self._filters: list[QWidget] = []
        self.highlight_first = False
        self.keyed_column: KeyedColumn | None = None  # add_keyed_column's
        self._save_layout = QTimer(self, singleShot=True, interval=400)
        self._save_layout.timeout.connect(self._store_layout)
        self.model: LazyTableModel[R] = LazyTableModel(ctx, columns, fetch, row_id, self)
        self.model.sort_requested.connect(self._sort_by)
        self.model.more_wanted.connect(self._read_the_rest)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.count = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=180)
        self._debounce.timeout.connect(self.reload)
        ctx.tasks.announce(self._debounce)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_now)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 3)
        self.table = self._make_table()
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _make_table(self) -> ListTable:
        table = ListTable(self.model)
        table.reset_widths()
        self._restore_layout(table)
        table.enable_sorting(
            self._sort_column(),
            Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder,
        )
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.open_row.connect(lambda position: self._emit_id(position, self.activated))
        header = table.horizontalHeader()
        for signal in (header.sectionMoved, header.sectionResized, header.sortIndicatorChanged):
            signal.connect(self._layout_changed)
        return table

    def _sort_column(self) -> int:
        keys = [c.sort_key for c in self._columns]
        return keys.index(self._sort[0]) if self._sort[0] in keys else 0

    def add_filter(self, widget: QWidget, stretch: int = 1, remember: bool = True) -> None:
        """A filter beside the search box; ``remember``: restored in the next run."""
        self.filters.addWidget(widget, stretch)
        if remember and self._state_key:
            # filters per database (its node id): a 网格 or a state chosen in one office's
            # database must not hide the list of another
            key = f"lists/{self._state_key}/{self.ctx.db.node_id}/filter{len(self._filters)}"
            saved = ui_state.load(key)
            if saved is not None:
                ui_state.set_filter_value(widget, saved)
            self._filters.append(widget)
            remember_now = partial(self._remember_filter, widget, key)
            if isinstance(widget, QCheckBox):
                widget.toggled.connect(remember_now)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(remember_now)

    @staticmethod
    def _remember_filter(widget: QWidget, key: str, *_args: object) -> None:
        ui_state.save(key, ui_state.filter_value(widget))

    def filter_widgets(self) -> list[QWidget]:
        """The filters beside the search box, in order."""
        return [w for w in _widgets(self.filters) if w is not self.search]

    def clear_filters(self) -> None:
        """Every filter back to its first choice (全部), boxes unticked, the search emptied;
        a remembered choice still to come is dropped."""
        for widget in self.filter_widgets():
            if isinstance(widget, QComboBox):
                ui_state.drop_pending(widget)
                widget.setCurrentIndex(0)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
        self.search.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_row_actions(self, buttons: Sequence[QPushButton]) -> None:
        """Right-click on a row offers these buttons."""
        self.table.rows.buttons = list(buttons)

    # --- remembered layout ----------------------------------------------------------------
    def _restore_layout(self, table: ListTable) -> None:
        if not self._state_key:
            return
        saved = ui_state.load(f"lists/{self._state_key}/header")
        if isinstance(saved, QByteArray):
            table.horizontalHeader().restoreState(saved)
        sort = ui_state.load(f"lists/{self._state_key}/sort")
        keys = {c.sort_key for c in self._columns if c.sort_key}
        if isinstance(sort, str) and sort.split(" ")[0] in keys:
            self._sort = (sort.split(" ")[0], sort.endswith(" desc"))

    def _layout_changed(self, *_args: object) -> None:
        if self._state_key:
            self._save_layout.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Closing the window or leaving the page keeps a column change made just before."""
        if self._save_layout.isActive():
            self._save_layout.stop()
            self._store_layout()
        super().hideEvent(event)

    def _store_layout(self) -> None:
        if self._state_key:
            state = self.table.horizontalHeader().saveState()
            ui_state.save(f"lists/{self._state_key}/header", state)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Query the ids again (in the background); older answers are ignored."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        job = self._load_ids(self.search.text(), *self._sort)
        failed = partial(self._read_failed, generation)
        if isinstance(job, IdQuery) and self._select_next is None:
            first = partial(job.first, PAGE, self.whole_up_to)
            self.ctx.query(first, partial(self._show_first, generation, job), failed)
        else:
            self.ctx.query(job, lambda ids: self._show(generation, ids), failed)

    @property
    def pending(self) -> bool:
        """A search typed or a reload asked for whose answer has not been shown yet — or
        nothing read yet (the first reading may wait for the filters' choices at the start)."""
        return self._debounce.isActive() or self._shown != self._generation

    def when_ready(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the list shows the latest search and filters, every id read;
        until then the list says that it is reading (its count line, a busy cursor over it)."""
        if not self.pending and self.model.complete:
            action()
            return
        self._when_ready.append(action)
        self._say_count()
        self.setCursor(Qt.CursorShape.BusyCursor)
        if self._debounce.isActive() or self._failed == self._generation:
            self.reload()  # a search typed, or the last reading failed: read again
        elif not self.pending:
            self._read_the_rest()

    def _read_failed(self, generation: int, error: BaseException) -> None:
        """A reading of the list failed: said as any read's error; what waited for it (an
        export, a print) is dropped with the list's 正在读取列表… — pressed again, it reads
        again."""
        if generation == self._generation:
            self._failed = generation
            if self._rest_asked == generation:
                self._rest_asked = -1
            self._when_ready = []
            self._say_count()
            self.unsetCursor()
        report(self, error)

    def _search_now(self) -> None:
        if self._debounce.isActive():
            self.reload()

    def _show_first(self, generation: int, job: IdQuery, first: FirstPage) -> None:
        if generation == self._generation:
            self._rest = None if first.whole else (generation, job)
            self._show(generation, first.ids, first.total)

    def _show(self, generation: int, ids: list[str], total: int | None = None) -> None:
        if generation != self._generation:
            return
        self._shown = generation
        selected = self.current_id()
        keep = self._select_next or selected
        self._select_next = None
        self.model.set_ids(ids, total)
        position = self.model.row_of(keep) if keep else -1
        if position < 0 and keep and not self.model.complete:
            self._keep = keep  # perhaps further down: selected when the rest arrives
            self._read_the_rest()
        else:
            self._select(position, selected)
        self._say_count()
        self.reloaded.emit(self.model.rowCount())
        if self.model.complete:
            self._run_waiting()
        elif self._when_ready:
            self._read_the_rest()

    def _select(self, position: int, selected: str | None) -> None:
        if position < 0 and self.highlight_first and self.model.rowCount():
            position = 0
        if position >= 0:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))
        elif selected:  # the selected record left the list: a reset says nothing of it
            self.current_changed.emit("")

    def _say_count(self) -> None:
        """The rows shown — or, while an action waits for the whole list, that it is read."""
        if self._when_ready:
            self.count.setText(self.tr("Reading the list…"))
        else:
            self.count.setText(self.tr("%n record(s)", "", self.model.rowCount()))

    def _run_waiting(self) -> None:
        waiting, self._when_ready = self._when_ready, []
        self._say_count()
        self.unsetCursor()
        for action in waiting:
            action()

    def _read_the_rest(self) -> None:
        """Every id of the list shown (its first page and count were read), once."""
        if self._rest is None or self._rest[0] != self._generation:
            return
        generation, job = self._rest
        if self._rest_asked != generation:
            self._rest_asked = generation
            self.ctx.query(
                job, partial(self._rest_arrived, generation), partial(self._read_failed, generation)
            )

    def _rest_arrived(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self._rest = None
        keep, self._keep = self._keep, None
        known = len(self.model.ids())
        if not self.model.extend(ids):  # the list changed meanwhile: shown anew
            keep = keep or self.current_id()
            self.model.set_ids(ids)
        elif keep is None and self._selected_row() >= known:  # its id has just arrived
            self.current_changed.emit(self.current_id() or "")
        if keep:
            self._select(self.model.row_of(keep), keep)
        self._run_waiting()

    def select_after_reload(self, record_id: str) -> None:
        """Reload, then select ``record_id`` when it is in the list."""
        self._select_next = record_id
        self.reload()

    def _sort_by(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            if self._state_key:
                ui_state.save(
                    f"lists/{self._state_key}/sort", key + (" desc" if descending else " asc")
                )
            self.reload()

    # --- what the page asks -----------------------------------------------------------------
    @property
    def state_key(self) -> str | None:
        return self._state_key

    def add_keyed_column(
        self,
        header: str,
        texts: Callable[[Sequence[str]], dict[str, str]],
        width: int = 90,
        layout_key: str | None = None,
    ) -> None:
        """A column whose texts are read by id with each page of rows (the street office's
        社区): ``texts(ids)`` runs on the worker after the rows are read. The model holds it at
        the end (exports and saved layouts keep the list's own columns first); the view shows
        it right after the first column (the name or number it tells apart), as wide as its
        texts. With a ``layout_key`` the list's column layout (now with one more column) is
        remembered under that key instead (a street's list apart from a community's)."""
        found: dict[str, str] = {}
        fetch = self._fetch

        def fetch_with_texts(ids: Sequence[str]) -> list[R]:
            rows = fetch(ids)
            found.update(texts(ids))
            return rows

        self.keyed_column = (header, texts)  # exported with the list (ui/kit/export)
        model = self.model
        column: Column[R] = Column(
            header, lambda row: found.get(model.row_id(row), ""), None, width
        )
        self._columns.append(column)
        self._fetch = fetch_with_texts
        model.add_column(column, fetch_with_texts)
        if layout_key is not None:
            self._state_key = layout_key
            saved = ui_state.load(f"lists/{layout_key}/header")
            if isinstance(saved, QByteArray):
                self.table.horizontalHeader().restoreState(saved)
        self._show_keyed_second(len(self._columns) - 1, found)

    def _show_keyed_second(self, column: int, found: dict[str, str]) -> None:
        """The keyed ``column`` shown second unless the clerk has moved it (a layout saved
        with it last, as before, is shown with it second too), widened to its texts as pages
        of rows arrive."""
        header = self.table.horizontalHeader()
        if header.visualIndex(column) == header.count() - 1 and header.count() > 2:
            header.moveSection(header.visualIndex(column), 1)
        self.model.loaded.connect(partial(self._fit_keyed, column, found))

    def _fit_keyed(self, column: int, found: dict[str, str]) -> None:
        header = self.table.horizontalHeader()
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
        widths = [self.table.fontMetrics().horizontalAdvance(text) for text in found.values()]
        wanted = max([header.fontMetrics().horizontalAdvance(title), *widths]) + 24
        if wanted > header.sectionSize(column):
            header.resizeSection(column, wanted)

    def ids(self) -> list[str]:
        """The ids the list shows, in order (of a long list shown by its first page, those
        read so far: every one inside :meth:`when_ready`)."""
        return self.model.ids()

    def current_id(self) -> str | None:
        return self.model.id_at(self._selected_row())

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def current_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def with_current_row(self, action: Callable[[Any], None]) -> None:
        """``action(row)`` with the highlighted row once the list is current and the row has
        arrived from the worker (nothing when no row is highlighted)."""

        def run() -> None:
            row = self.current_row()
            if row is not None or not self.current_id():
                if row is not None:
                    action(row)
                return
            self.model.loaded.connect(retry)

        def retry() -> None:
            self.model.loaded.disconnect(retry)
            run()

        self.when_ready(run)

    def describe_filters(self) -> str:
        """The search and the filters in force, as words (for a printed title)."""
        parts = []
        for widget in self.filter_widgets():
            if isinstance(widget, QComboBox) and widget.currentIndex() > 0:
                parts.append(widget.currentText())
            elif isinstance(widget, QCheckBox) and widget.isChecked():
                parts.append(widget.text())
        if self.search.text().strip():
            parts.append(self.tr("search “%1”").replace("%1", self.search.text().strip()))
        return "，".join(parts)

    def shown_columns(self) -> list[tuple[Column[R], int]]:
        """The columns on screen in their order, with their widths."""
        return [(self._columns[c], self.table.columnWidth(c)) for c in self.table.visible_columns()]

    def print_data(self, title: str) -> Callable[[], ListPrint]:
        """The job (for the database worker) that reads the list as shown: its rows in order,
        the visible columns, the filters in words."""
        columns = self.shown_columns()
        ids = self.ids()
        fetch = self._fetch
        filters = self.describe_filters()

        def rows() -> Iterator[list[str]]:
            for start in range(0, len(ids), PAGE):
                for row in fetch(ids[start : start + PAGE]):
                    yield [column.text(row) for column, _w in columns]

        sheet = ListSheet(title, filters, [c.header for c, _w in columns], [w for _c, w in columns])
        db = self.ctx.db
        return lambda: ListPrint(community.identity(db).community_name, sheet, list(rows()))

    def print_preview(self, title: str) -> None:
        """The list as shown, once it shows the latest search: read on the worker, laid out
        in a process of its own (with progress and 取消), then the print preview."""
        self.when_ready(
            lambda: show_long_report(
                self.ctx, self, title, f"{title}.pdf", self.print_data(title), list_pdf
            )
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.current_changed.emit(self.current_id() or "")

    def _emit_id(self, position: int, signal: Any) -> None:
        record_id = self.model.id_at(position)
        if record_id:
            signal.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move the highlight in the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.table.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(row + step, 0), self.model.rowCount() - 1)
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)
