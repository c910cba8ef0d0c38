"""Work that the start must wait for, done off the GUI thread: the window keeps painting and
the dialog shown stays responsive while a local event loop turns (issue 16, review 10).

For the steps of the start that need an answer before they go on (has this database
accounts? is the typed key right? the damaged file restored?): :func:`wait_for` runs the job
on the context's worker when there is one yet, otherwise on a worker of its own for this job,
and returns its result (or raises its error) on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop

from redoffice.ui.kit.tasks import TaskRunner

T = TypeVar("T")


def wait_for(fn: Callable[[], T], runner: TaskRunner | None = None) -> T:
    """``fn()`` on ``runner`` (or on a worker started for it), the event loop turning until it
    answers; its result returned, its error raised here."""
    own = runner is None
    tasks = TaskRunner() if runner is None else runner
    outcome: list[T] = []
    errors: list[BaseException] = []
    loop = QEventLoop()

    def done(result: T) -> None:
        outcome.append(result)
        loop.quit()

    def failed(error: BaseException) -> None:
        errors.append(error)
        loop.quit()

    tasks.run(fn, done, failed)
    try:
        loop.exec()
    finally:
        if own:
            tasks.shutdown()
    if errors:
        raise errors[0]
    return outcome[0]
