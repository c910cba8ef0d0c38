"""Start-up (issue 12 §4): the window's frame shows before the database, the models and the
pages are imported; opening a database needs none of the report, workbook, migration or pinyin
libraries; and ``--startup-probe`` (what `make bench` reads) reports its milestones in order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from redoffice.ui.kit.context import AppContext

LOADED = """
import sys
for name in sys.argv[1:]:
    __import__(name)
print(" ".join(sorted(sys.modules)))
"""


def _modules_after_importing(*names: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``names``."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *names], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def _any(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in prefixes or m.startswith(prefixes))


def test_the_frame_needs_no_database_models_or_pages() -> None:
    modules = _modules_after_importing("redoffice.ui.app", "redoffice.ui.main_window")
    assert _any(modules, "sqlalchemy", "redoffice.models", "redoffice.kit.db") == []
    assert (
        _any(modules, "redoffice.ui.workbench", "redoffice.ui.visits", "redoffice.ui.cases") == []
    )


def test_opening_a_database_needs_no_report_workbook_migration_or_pinyin_library() -> None:
    modules = _modules_after_importing("redoffice.features", "redoffice.kit.db")
    heavy = ("reportlab", "openpyxl", "alembic", "python_calamine", "pypinyin")
    assert _any(modules, *heavy) == []


def test_the_startup_probe_reports_its_milestones_in_order(ctx: AppContext, tmp_path: Path) -> None:
    path = ctx.db.engine.url.database
    assert path is not None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "redoffice.ui.app", "--db", path, "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = [line.split() for line in done.stdout.splitlines()]
    assert [words[0] for words in lines] == ["shown", "attached", "ready"]
    times = [float(words[1]) for words in lines]
    assert times == sorted(times)
