"""What a long core function is handed so that the CLI and the GUI can follow it and stop it:
``progress(done, total)`` and a cancel flag ``cancelled()``. A job that is stopped raises
``UserError("job.cancelled")`` before it has produced anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from redoffice.kit.errors import UserError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Steps:
    """Reports go to ``progress`` shifted by ``offset`` within ``total`` (one stage of a job
    made of several stages); ``total`` 0: the stage is the whole job."""

    progress: Progress | None = None
    cancelled: Cancelled | None = None
    offset: int = 0
    total: int = 0

    def report(self, done: int, total: int) -> None:
        """``done`` of ``total`` units of this stage are finished; stops here when cancelled."""
        if self.cancelled is not None and self.cancelled():
            raise UserError("job.cancelled")
        if self.progress is not None:
            self.progress(self.offset + done, self.total or total)

    def stage(self, offset: int, total: int) -> Steps:
        """The same job seen as one stage: its units start at ``offset`` of ``total``."""
        return replace(self, offset=offset, total=total)


QUIET = Steps()
