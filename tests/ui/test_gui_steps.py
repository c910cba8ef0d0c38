"""What keeps the GUI thread's steps short (issue 11 §5: no step over 50 ms on any page),
pinned structurally rather than timed: tests print no timings (make bench does)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.simple_table import RowsModel, SimpleTable
from redoffice.ui.settings.settings_page import SettingsPage


def _rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [
        [
            "x" * rng.randint(1, 40),
            "中" * rng.randint(1, 20),
            f"{rng.randint(1, 10 ** rng.randint(1, 9)):,}",
            "第一行\n" + "第二行" * rng.randint(0, 5),
        ]
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [0, 1, 30, 100, 101, 250, 1000])
def test_a_short_list_measures_its_columns_as_qt_does(qtbot: QtBot, count: int) -> None:
    """SimpleTable answers Qt's width question itself (the widest text of the rows Qt samples,
    measured by the delegate): the same widths as Qt's own, hidden, shown and scrolled."""
    table = SimpleTable(["a", "b", "c", "d"], stretch=1)
    qtbot.addWidget(table)
    table.set_rows(_rows(count, count))

    def same_widths() -> None:
        for column in range(4):
            assert table.sizeHintForColumn(column) == QTableView.sizeHintForColumn(table, column)

    same_widths()
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    for share in (0.0, 0.3, 0.5, 1.0):
        bar = table.verticalScrollBar()
        bar.setValue(int(bar.maximum() * share))
        same_widths()


def test_showing_a_short_list_again_reads_only_the_cells_on_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each time a page is shown its headers re-measure their columns: through the delegate
    that was every sampled row × column × eight roles (6,400 calls into Python, 45–75 ms, when
    the 工作台 was shown again); now one cell per column."""
    asked: list[int] = []
    data = RowsModel.data

    def counted(model: RowsModel, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        asked.append(role)
        return data(model, index, role)

    monkeypatch.setattr(RowsModel, "data", counted)
    table = SimpleTable(["a", "b", "c", "d"], stretch=1)
    qtbot.addWidget(table)
    table.set_rows(_rows(200, 7))
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    table.hide()
    asked.clear()
    table.show()
    assert len(asked) < 8 * 4 * 2, len(asked)
    assert table.columnWidth(0) == max(
        table.sizeHintForColumn(0), table.horizontalHeader().sectionSizeHint(0)
    )
    assert table.model().data(table.model().index(0, 2), Qt.ItemDataRole.TextAlignmentRole)


class _Clock:
    """time as gui_gc reads it: the wall clock and the process's CPU time, moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0
        self.cpu = 5.0

    def monotonic(self) -> float:
        return self.now

    def process_time(self) -> float:
        return self.cpu


class _Gc:
    """gc as gui_gc reads it: an older generation past its threshold, collections recorded."""

    def __init__(self) -> None:
        self.counts = (800, 11, 0)  # gen0 and gen1 past their thresholds
        self.collected: list[int] = []

    def isenabled(self) -> bool:
        return False

    def get_count(self) -> tuple[int, int, int]:
        return self.counts

    def get_threshold(self) -> tuple[int, int, int]:
        return (700, 10, 10)

    def collect(self, generation: int) -> None:
        self.collected.append(generation)


def test_older_generations_are_collected_when_the_program_is_idle(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass over the older generations (60–160 ms of GUI-thread CPU on the bench database)
    waits while pages open and lists load; the young generation is collected meanwhile."""
    from redoffice.ui.kit import gui_gc

    clock, fake = _Clock(), _Gc()
    monkeypatch.setattr(gui_gc, "time", clock)
    monkeypatch.setattr(gui_gc, "gc", fake)
    collector = gui_gc._Collector()
    tick = gui_gc.INTERVAL_MS / 1000
    for _ in range(8):  # busy: half a core used between ticks
        clock.now += tick
        clock.cpu += tick / 2
        collector.collect()
    assert fake.collected == [0] * 8, "only the young generation while busy"
    ticks_to_idle = int(gui_gc.IDLE_S / tick)
    for _ in range(ticks_to_idle):  # idle: next to no CPU
        clock.now += tick
        clock.cpu += tick / 100
        collector.collect()
    assert fake.collected[-1] == 1 and fake.collected.count(1) == 1
    fake.collected.clear()
    for _ in range(int(gui_gc.MAX_DEFER_S / tick) + 1):  # busy for longer than the limit
        clock.now += tick
        clock.cpu += tick
        collector.collect()
    assert fake.collected.count(1) == 1, "collected at the latest after MAX_DEFER_S"
    collector.collect(force=True)
    assert fake.collected[-1] == 1


def test_the_settings_page_builds_a_tab_when_it_is_first_shown(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """设置 opens with its frame; the identity tab follows on the next turn of the event loop,
    日常工作 and 节假日与调休 (more than half of building the page) when their tab is clicked,
    or at once when asked for."""
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.tabs.is_built("identity"), "not built with the page"
    qtbot.waitUntil(lambda: page.tabs.is_built("identity"))
    assert ctx.tasks.wait_idle() and page.form.community_name.text()
    assert not page.tabs.is_built("work") and not page.tabs.is_built("calendar")
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: page.tabs.is_built("work"))
    area = page.tabs.currentWidget().findChild(QScrollArea)
    assert isinstance(area, QScrollArea) and area.widget() is page.work
    assert not page.tabs.is_built("calendar")
    assert page.calendar.isVisibleTo(page.tabs.widget(2))  # asked for: built at once
    assert ctx.tasks.wait_idle()
