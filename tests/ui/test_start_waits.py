"""Review 10 (issue 16): what the start waits for runs off the GUI thread — the reads before the
login, the key typed into 加密的数据库 (scrypt, 0.1-0.3 s) — and the event loop turns meanwhile
(the window paints, the dialog answers). Shown by a zero-delay timer set just before: it fires
while the start waits, not only after."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from redoffice.kit.errors import UserError
from redoffice.ui.accounts.login_dialog import log_in_at_start
from redoffice.ui.kit.context import AppContext
from redoffice.ui.kit.waiting import wait_for
from redoffice.ui.main_window import MainWindow
from redoffice.ui.opening import KeyDialog
from tests.ui.driver import type_into
from tests.ui.test_encryption_ui import OtherPc, opened_answering, other_pc, residents, safe

__all__ = ["other_pc", "safe"]  # the fixtures used here


def test_the_job_runs_off_the_gui_thread_while_the_loop_turns(qtbot: QtBot) -> None:
    ticked = threading.Event()
    QTimer.singleShot(0, ticked.set)

    def job() -> bool:  # on the GUI thread it would wait for the timer in vain
        return ticked.wait(5) and threading.current_thread() is not threading.main_thread()

    assert wait_for(job)


def test_the_jobs_refusal_is_raised_to_the_start(qtbot: QtBot, ctx: AppContext) -> None:
    def job() -> None:
        raise UserError("db.key_not_typed")

    with pytest.raises(UserError) as refused:
        wait_for(job, ctx.tasks)
    assert refused.value.code == "db.key_not_typed"


def test_the_window_paints_while_the_start_reads_the_database(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    turned: list[bool] = []
    QTimer.singleShot(0, lambda: turned.append(True))
    assert log_in_at_start(ctx, window, offer=False)
    assert turned == [True] and window.isVisible()
    assert ctx.db.actor  # the stored 经办人, read on the worker


def test_the_key_dialog_answers_while_the_typed_key_is_checked(
    qtbot: QtBot, other_pc: OtherPc
) -> None:
    during: list[tuple[bool, bool]] = []

    def answer(dialog: KeyDialog) -> None:
        type_into(qtbot, dialog.recovery, other_pc.recovery)

        def look() -> None:
            during.append((dialog.isVisible(), dialog.buttons.isEnabled()))

        QTimer.singleShot(0, look)
        qtbot.keyClick(dialog.recovery, Qt.Key.Key_Return)

    with opened_answering(other_pc.url, answer) as db:
        assert during == [(True, False)]  # shown, its buttons off until the check answers
        assert db is not None and residents(db) == other_pc.residents
