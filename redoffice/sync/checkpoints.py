"""SQLite's checkpoints of a batch of packages on a second thread (issue 15).

A package's commit writes every page it changed to the write-ahead log, and SQLite's automatic
checkpoint then copies them into the database file, on the committing thread: at the street
each package changes pages all over the growing tables' indexes (22 MB of log for the first
of 40 packages, 110 MB for the 40th), and the copy with its ``fsync`` was about a quarter of
the import's wall time. In a batch (:func:`redoffice.sync.packages.import_packages`) the
automatic checkpoint is off; after each commit a checkpoint of its own connection copies the
pages on a second thread (C code and disk: Python's lock is not held) while the next package
is verified, and the next package's apply waits for it, so the log starts over at every
package as before (never more than one package's pages in it). PostgreSQL: nothing to do.

A checkpoint that fails or finds the log busy leaves the pages in the log: they are the
database's all the same, and the next automatic checkpoint copies them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError

from redoffice.kit import logs
from redoffice.kit.db import Database


class Behind:
    """The checkpoint after each commit of a batch, on its own thread."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """After a commit: copy the pages it logged, on a second thread."""
        self.wait()
        self._thread = threading.Thread(target=self._checkpoint, name="sync-checkpoint")
        self._thread.start()

    def wait(self) -> None:
        """Before the next write: the checkpoint under way is done (the log starts over)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _checkpoint(self) -> None:
        try:
            with self._db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except SQLAlchemyError:  # the pages stay in the log; the next checkpoint copies them
            logs.log_exception("sync checkpoint skipped")


class _Nothing(Behind):
    """PostgreSQL (or SQLite without a log file): no checkpoint to move."""

    def start(self) -> None:
        return None


@contextmanager
def behind(db: Database) -> Iterator[Behind]:
    """For the block, no automatic checkpoint on ``db``'s SQLite connections (each as it was
    when given back to the pool); the :class:`Behind` given does them instead."""
    if not db.is_sqlite or db.engine.url.database in (None, "", ":memory:"):
        yield _Nothing(db)
        return
    checkpoints = Behind(db)

    def checkout(dbapi: Any, record: Any, _proxy: Any) -> None:
        record.info["wal_autocheckpoint"] = dbapi.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        dbapi.execute("PRAGMA wal_autocheckpoint=0")

    def checkin(dbapi: Any, record: Any) -> None:
        pages = record.info.pop("wal_autocheckpoint", None)
        if pages is not None and dbapi is not None:
            dbapi.execute(f"PRAGMA wal_autocheckpoint={int(pages)}")

    event.listen(db.engine, "checkout", checkout)
    event.listen(db.engine, "checkin", checkin)
    try:
        yield checkpoints
    finally:
        checkpoints.wait()
        event.remove(db.engine, "checkout", checkout)
        event.remove(db.engine, "checkin", checkin)
