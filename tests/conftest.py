"""Shared fixtures: a migrated, initialized template database copied for each test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import redoffice.features  # noqa: F401  (registers the features' session hooks)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR
from redoffice.kit import clock
from redoffice.kit.db import Database, open_database
from redoffice.settings import community

# ── The clock (issue 12 §1) ──────────────────────────────────────────────────────────────────
# Every test runs on a fixed day, never the real one: REDOFFICE_TEST_TODAY (YYYY-MM-DD) if set —
# `make test` runs the date-sensitive tests (marker `dates`) at several days that way — else
# TEST_TODAY. Set here, before the test modules are imported (some compute TODAY at import).
# REDOFFICE_TODAY hands the same clock to the processes the tests start (CLI runs, the killed
# editor, report workers): redoffice.kit.clock reads it at import.
TEST_TODAY = "2027-03-17"
os.environ[clock.ENV] = os.environ.get("REDOFFICE_TEST_TODAY") or TEST_TODAY
clock.reset()


@pytest.fixture(autouse=True)
def _suite_clock() -> Iterator[None]:
    """Each test starts on the suite's day and time line, whatever an earlier one set."""
    clock.reset()
    yield
    clock.reset()


# ── Databases ────────────────────────────────────────────────────────────────────────────────

IDENTITY = DEMO_IDENTITY
OPERATOR = DEMO_OPERATOR


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data folder or keyring."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("REDOFFICE_DB", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = open_database(f"sqlite:///{path}")
    community.initialize(db, IDENTITY, OPERATOR)
    db.close()
    return path


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    with opened_copy(sqlite_template, tmp_path) as db:
        yield db


@contextmanager
def opened_copy(template: Path, folder: Path) -> Iterator[Database]:
    """A database file of the test's own, copied from a template built once per run (copying
    is much cheaper than building: the schema, the identity, demo data)."""
    path = folder / "redoffice.sqlite"
    shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    db.actor = OPERATOR
    try:
        yield db
    finally:
        db.close()
