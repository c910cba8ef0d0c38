"""A report worker process (BackgroundJob) reads the clock the application reads (issue 12 §1):
its 打印日期 and the periods it computes are the same day."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from redoffice.kit import clock
from redoffice.kit.steps import Steps
from redoffice.ui.kit.tasks import BackgroundJob

pytestmark = pytest.mark.dates  # also run at other dates by `make test`


def _instant_in_the_worker(_steps: Steps) -> str:
    return clock.utcnow().isoformat()


def test_a_report_worker_continues_the_applications_time_line(qtbot: QtBot) -> None:
    answers: list[str] = []
    errors: list[BaseException] = []
    before = clock.utcnow()
    job = BackgroundJob(_instant_in_the_worker, answers.append, errors.append)
    job.start()
    qtbot.waitUntil(lambda: bool(answers or errors), timeout=30_000)
    assert not errors
    in_worker = datetime.fromisoformat(answers[0])
    assert before <= in_worker <= clock.utcnow()
    assert in_worker.astimezone().date() == clock.today()
