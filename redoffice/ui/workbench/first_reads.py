"""The 工作台's registry figures and 基金 cards, asked for as the window is attached — before
its page is built, beside the worker.

At the window start the 工作台's reads waited for the page (built on the GUI thread, it asked
for them) and then ran one after another on the worker: the 工作台 read, the registry figures,
the 基金 cards (ready 0.75–1 s after the attach on the 35k demo, issue 11 §5). The registry
figures and the 基金 cards depend on neither the page nor the plan's upkeep: they are read
from the attach on, on a thread of their own with a connection of its own — the registry
figures are one pass over the residents, most of it inside SQLite, which releases the GIL —
while the worker imports, upkeeps the plan and reads the 工作台 for the page. (The 工作台 read
queued early too, behind the plan's upkeep, ran its Python beside the page's build: the GUI
thread's stall grew and, at load 3 on 2 cores, the page was ready no sooner — dropped.)

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


class FirstReads:
    """The registry figures, then the 基金 cards, on a thread started here (a 网格员's
    narrowed by the services, as always)."""

    def __init__(self, ctx: AppContext) -> None:
        db = ctx.db
        self._reads: dict[str, Future[Any]] = {key: Future() for key in ("registry", "fund")}
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
        """For the page's first query of ``key`` (``registry``, ``fund``): a callable
        returning the answer (waiting for it if need be), or None once taken."""
        future = self._reads.pop(key, None)
        return None if future is None else future.result
