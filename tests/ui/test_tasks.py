"""The task runner's wait for idle: until the work is done and what it started too, with no
fixed pause (the UI tests wait on it hundreds of times)."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from redoffice.ui.kit import gui_gc
from redoffice.ui.kit.tasks import TaskRunner


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle(5)
    tasks.shutdown()


def test_an_idle_runner_answers_at_once(runner: TaskRunner) -> None:
    started = time.monotonic()
    assert runner.wait_idle()
    assert time.monotonic() - started < 0.2  # the fixed quiet used to be 0.25 s


def test_waits_for_the_job_and_for_the_job_its_answer_queues(runner: TaskRunner) -> None:
    done: list[str] = []

    def first_done(_result: object) -> None:
        done.append("first")
        # what an answer often does: a zero-delay timer (a list's buttons, a remembered
        # filter) that asks for more
        QTimer.singleShot(0, lambda: runner.run(lambda: "rows", lambda _r: done.append("second")))

    runner.run(lambda: time.sleep(0.05), first_done)
    assert runner.wait_idle()
    assert done == ["first", "second"]


def test_waits_for_an_announced_timer_then_its_job(runner: TaskRunner) -> None:
    """A search typed is run once the typing pauses: the pause is not idleness."""
    done: list[str] = []
    debounce = QTimer(runner, singleShot=True, interval=150)
    debounce.timeout.connect(lambda: runner.run(lambda: "ids", done.append))
    runner.announce(debounce)
    debounce.start()
    assert runner.wait_idle()
    assert done == ["ids"] and not debounce.isActive()


def test_a_deleted_announced_timer_is_forgotten(runner: TaskRunner) -> None:
    debounce = QTimer(singleShot=True, interval=10_000)
    runner.announce(debounce)
    debounce.start()
    shiboken6.delete(debounce)  # its list was closed
    assert runner.wait_idle(2)


def test_gives_up_at_the_timeout_and_waits_again_later(runner: TaskRunner) -> None:
    release = threading.Event()
    done: list[bool] = []
    runner.run(lambda: release.wait(5), done.append)
    assert not runner.wait_idle(0.2)
    release.set()
    assert runner.wait_idle()
    assert done == [True]


class _Page(QObject):
    """Stands for a page whose bound method is a queued job."""

    def read(self) -> str:
        time.sleep(0.2)  # the page is dropped while its job runs
        return "rows"


def test_a_dropped_pages_job_is_let_go_of_on_the_gui_thread(runner: TaskRunner) -> None:
    """Released on the worker, the page's deletion would run at a random later Python call on
    the GUI thread — once inside a destructor, where Qt deadlocked (a hung test run)."""
    freed_on: list[str] = []
    page = _Page()
    weakref.finalize(page, lambda: freed_on.append(threading.current_thread().name))
    runner.run(page.read, lambda _rows: None)
    del page
    assert runner.wait_idle()
    runner.run(lambda: None, lambda _r: None)  # the next answer lets go of the earlier job
    assert runner.wait_idle()
    assert freed_on == [threading.main_thread().name]


def test_while_a_worker_runs_garbage_is_collected_on_the_gui_thread_only(
    qapp: QApplication,
) -> None:
    was = gc.isenabled()
    tasks = TaskRunner()
    try:
        assert not gc.isenabled()  # no collection on the worker's allocations
        garbage: list[object] = []
        garbage.append(garbage)  # a cycle only the collector frees
        freed = weakref.ref(_Page())  # a wrapper in no cycle goes at once
        del garbage
        assert freed() is None
        thresholds = gc.get_threshold()
        gc.set_threshold(1, 1, 1)
        try:
            collected = sum(g["collections"] for g in gc.get_stats())
            QTest.qWait(int(gui_gc.INTERVAL_MS * 1.5))  # the GUI thread's timer collects
            assert sum(g["collections"] for g in gc.get_stats()) > collected
        finally:
            gc.set_threshold(*thresholds)
    finally:
        tasks.shutdown()
    assert gc.isenabled() == was


def test_a_job_hands_over_each_result_as_it_comes(runner: TaskRunner, qtbot: QtBot) -> None:
    """A batch's rows: each told on the worker reaches the GUI thread while the job still
    runs, in order, before the job's own answer."""
    heard: list[tuple[object, str]] = []
    go_on = threading.Event()
    tell = runner.relay(lambda value: heard.append((value, threading.current_thread().name)))

    def batch() -> str:
        tell(1)
        go_on.wait(5)
        tell(None)  # a bare None crosses too
        tell(3)
        return "end"

    runner.run(batch, lambda result: heard.append((result, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == [(1, threading.main_thread().name)] and runner.busy  # the job goes on
    go_on.set()
    assert runner.wait_idle()
    assert [value for value, _thread in heard] == [1, None, 3, "end"]
    assert {thread for _value, thread in heard} == {threading.main_thread().name}


class _Rows(QObject):
    """Stands for a page listing a batch's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[object] = []

    def add(self, value: object) -> None:
        self.rows.append(value)


def test_a_result_for_a_deleted_page_is_dropped(runner: TaskRunner) -> None:
    page, kept = _Rows(), _Rows()
    to_page, to_kept = runner.relay(page.add), runner.relay(kept.add)
    seen = page.rows
    shiboken6.delete(page)  # its page was closed while the batch ran

    def batch() -> None:
        to_page("row")
        to_kept("row")

    runner.run(batch, lambda _r: None)
    assert runner.wait_idle()
    assert seen == [] and kept.rows == ["row"]
