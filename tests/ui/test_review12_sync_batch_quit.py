"""Review 12: the street's packages are imported as ONE worker job (session 12's batch,
ui/sync/transfer_tab.py import_batch). Closing the window runs TaskRunner.shutdown
(MainWindow.closeEvent): ``quit()`` then at most 5 s of ``wait``. With one job per file (before)
the files not yet begun were dropped with the worker's queue; in one batch job they go on being
imported after the window is gone — and a worker still running when Python ends is Qt's
"QThread: Destroyed while thread is still running" abort (a crash box on the secretary's PC)
after the 5 s. Here: the batch held on the street file's write lock as in test_sync_batch.py's
取消 test, the runner shut down as closing the window does, then the lock released: the
packages after the one running must not be imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_sync import Office, click, offices, residents
from tests.ui.test_sync_batch import receive_tab, three_packages

__all__ = ["offices"]


def test_closing_the_window_stops_the_batch(
    qtbot: QtBot,
    offices: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, two, three = three_packages(qtbot, offices, tmp_path, monkeypatch)
    street = offices[1]
    tab = receive_tab(street)
    monkeypatch.setattr(
        "redoffice.ui.kit.ask.open_paths", lambda *_a: [str(one), str(two), str(three)]
    )
    other = sqlite3.connect(str(street.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # the first package's apply waits for this writer
        click(qtbot, tab.import_button)
        qtbot.wait(300)
        assert street.ctx.tasks.busy
        street.ctx.tasks.shutdown()  # what MainWindow.closeEvent does
        other.execute("ROLLBACK")
    finally:
        other.close()
    street.ctx.tasks._thread.wait(60000)  # the test ends cleanly
    assert residents(street.db) <= 1  # at most the package running when the window closed
