"""A long print job (the year's 民情台账) shows its progress while the other pages keep working,
can be cancelled with the progress dialog's 取消 (and then says that nothing was printed), and
otherwise ends in the preview."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.kit.steps import Steps
from redoffice.ui.cases.cases_page import PeriodDialog
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.preview import PreviewWindow, ReportProgress
from redoffice.ui.kit.tasks import BackgroundJob
from redoffice.ui.main_window import MainWindow
from redoffice.ui.registry.residents_page import ResidentsPage
from tests.ui.driver import click, opened

JOB_SECONDS = 60  # a process is started for the job: importing the report code takes a while


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr("redoffice.ui.kit.ask.inform", lambda _p, _title, text: told.append(text))
    return told


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("cases")
    assert ctx.tasks.wait_idle()
    return window


def _print_ledger(qtbot: QtBot, window: MainWindow) -> ReportProgress:
    """打印民情台账 on the requests page, the period dialog confirmed with its OK button."""

    def confirm_period() -> None:  # once the modal period dialog is up
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PeriodDialog)]
        if not any(w.isVisible() for w in shown):
            QTimer.singleShot(20, confirm_period)
            return
        dialog = opened(PeriodDialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, confirm_period)
    click(qtbot, window.page("cases"), "打印民情台账")
    progress = opened(ReportProgress)
    qtbot.waitUntil(lambda: progress.job is not None and progress.job.running, timeout=10_000)
    return progress


def _previews() -> list[PreviewWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow)]


def test_cancel_stops_the_ledger_and_nothing_is_printed(
    qtbot: QtBot, ctx: AppContext, informed: list[str]
) -> None:
    window = _window(qtbot, ctx)
    progress = _print_ledger(qtbot, window)
    assert progress.isVisible() and progress.windowModality() == Qt.WindowModality.NonModal
    window.show_page("residents")  # meanwhile another page opens and lists its rows
    residents = window.page("residents")
    assert isinstance(residents, ResidentsPage)
    qtbot.waitUntil(lambda: residents.list.model.rowCount() > 0, timeout=5000)
    assert progress.job is not None and progress.job.running
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: informed != [], timeout=JOB_SECONDS * 1000)
    assert informed == [message("job.cancelled")]
    assert "没有打印" in informed[0]
    assert not progress.isVisible()
    assert not [w for w in _previews() if w.isVisible()]


def test_ledger_shows_progress_then_the_preview(
    qtbot: QtBot, ctx: AppContext, informed: list[str]
) -> None:
    progress = _print_ledger(qtbot, _window(qtbot, ctx))
    seen: list[tuple[int, int]] = []
    assert progress.job is not None
    progress.job.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: any(w.isVisible() for w in _previews()), timeout=JOB_SECONDS * 1000)
    assert not progress.isVisible() and informed == []
    assert seen, "the dialog followed the job"
    done, total = seen[-1]
    assert done == total > 0
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    preview = next(w for w in _previews() if w.isVisible())
    assert preview.pdf.startswith(b"%PDF") and preview.document.pageCount() >= 1
    preview.close()


def _ignores_the_flag(steps: Steps) -> bytes:
    """A job stuck inside one long step: it never looks at the cancel flag."""
    time.sleep(60)
    steps.report(1, 1)
    return b""


def test_a_job_busy_inside_one_step_is_ended_soon_after_cancel(qtbot: QtBot) -> None:
    outcome: list[BaseException] = []
    job = BackgroundJob(_ignores_the_flag, lambda _r: None, outcome.append)
    job.start()
    qtbot.wait(300)
    started = time.monotonic()
    job.cancel()
    qtbot.waitUntil(lambda: outcome != [], timeout=JOB_SECONDS * 1000)
    assert time.monotonic() - started < 5 and not job.running
    assert isinstance(outcome[0], UserError) and outcome[0].code == "job.cancelled"
