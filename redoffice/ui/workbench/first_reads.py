"""The 工作台's first figures, asked for as the window is attached — before its page is built.

At the window start the 工作台's reads used to wait for the page: built on the GUI thread, it
asked for them, and they ran one after another on the worker (the 工作台 read, then the registry
figures: ready 0.75–1 s after the attach on the 35k demo, issue 11 §5). Now the 工作台 read is
queued on the worker right behind the plan's upkeep (its write comes first, so the read sees
today's plan) and runs while the GUI thread builds the page, and the registry figures, then the
红色基金 cards, are read meanwhile on a thread of their own with a connection of their own: one
pass over the residents, most of it inside SQLite, which releases the GIL — the second core
counts them.

The page takes each answer once (:meth:`FirstReads.take`): its own query then waits for that
answer on the worker, so an error reaches it as any query's error does, and the worker counts
as busy (``wait_idle``, the bench's "ready") until the answer is shown."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from functools import partial
from typing import Any

from redoffice.registry import stats
from redoffice.ui.kit.context import AppContext
from redoffice.workbench import queries as workbench


def _settle(future: Future[Any], read: Callable[[], Any]) -> None:
    """``read()``'s result or error into ``future`` (never raises: the taker meets the error)."""
    try:
        future.set_result(read())
    except Exception as exc:  # handed to the page's query, which reports it as usual
        future.set_exception(exc)


def _settle_each(reads: Iterable[tuple[Future[Any], Callable[[], Any]]]) -> None:
    for future, read in reads:
        _settle(future, read)


def _nothing(_result: None) -> None:
    """The answer is taken from the future by the page."""


class FirstReads:
    """The whole community's 工作台 read (a 网格员's narrowed by the service, as always) on
    the worker; the registry figures and the 基金 cards on a thread started here."""

    def __init__(self, ctx: AppContext) -> None:
        db = ctx.db
        self._reads: dict[str, Future[Any]] = {
            key: Future() for key in ("workbench", "registry", "fund")
        }
        ctx.tasks.run(
            partial(_settle, self._reads["workbench"], partial(workbench.workbench, db)), _nothing
        )
        beside = (
            (self._reads["registry"], partial(stats.registry_stats, db)),
            (self._reads["fund"], partial(workbench.fund_cards, db)),
        )
        threading.Thread(
            target=_settle_each,
            args=(beside,),
            name="redoffice-first-figures",
            daemon=True,  # reads: nothing to finish at exit
        ).start()

    def take(self, key: str) -> Callable[[], Any] | None:
        """For the page's first query of ``key`` (``workbench``, ``registry``, ``fund``): a
        callable returning the answer (waiting for it if need be), or None once taken."""
        future = self._reads.pop(key, None)
        return None if future is None else future.result
