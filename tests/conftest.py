"""Shared fixtures: a migrated, initialized template database copied for each test."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, create_engine, text

import redoffice.features  # noqa: F401  (registers the features' session hooks)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR, create_demo
from redoffice.kit import clock
from redoffice.kit.db import Database, copy_sqlite, make_engine, open_database
from redoffice.settings import community
from tests.core.file_keyring import FileKeyring
from tests.pgserver import running_server

# ── The clock (issue 12 §1) ──────────────────────────────────────────────────────────────────
# Every test runs on a fixed day, never the real one: REDOFFICE_TEST_TODAY (YYYY-MM-DD) if set —
# `make test` runs the date-sensitive tests (marker `dates`) at several days that way — else
# TEST_TODAY. Set here, before the test modules are imported (some compute TODAY at import).
# REDOFFICE_TODAY hands the same clock to the processes the tests start (CLI runs, the killed
# editor, report workers): redoffice.kit.clock reads it at import.
TEST_TODAY = "2027-03-17"
os.environ[clock.ENV] = os.environ.get("REDOFFICE_TEST_TODAY") or TEST_TODAY
clock.reset()
if clock.ignored_setting():  # a malformed REDOFFICE_TEST_TODAY: never run on the real date
    raise pytest.UsageError(f"REDOFFICE_TEST_TODAY: {clock.ignored_setting()}")


@pytest.fixture(autouse=True)
def _suite_clock() -> Iterator[None]:
    """Each test starts on the suite's day and time line, whatever an earlier one set."""
    clock.reset()
    yield
    clock.reset()


# keyring chooses its backend once, among every backend class imported by then — the suite's
# FileKeyring among them once the test modules are collected: chosen here, the same for every
# test whatever ran first (a test of another keyring sets its own: memory_keyring, no_keyring,
# file_ring)
keyring.set_keyring(FileKeyring())


# ── Databases ────────────────────────────────────────────────────────────────────────────────

IDENTITY = DEMO_IDENTITY
OPERATOR = DEMO_OPERATOR


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data folder or keyring: the suite's keyring is a file
    of each test's own (see below)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("REDOFFICE_TEST_KEYRING", str(home / "keyring.json"))
    monkeypatch.delenv("REDOFFICE_DB", raising=False)


class Templates:
    """Database files built once per run, each by its recipe, and copied for every test that
    asks: copying a file takes a millisecond, building the schema or demo data 0.1–0.3 s."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def build(self, name: str, recipe: Callable[[Path], object]) -> Path:
        """The template ``name``, made by ``recipe(path)`` the first time it is asked for on
        the clock's day (a test on another day gets one made on its day). Stored as one
        self-contained file, whatever the recipe left in SQLite's WAL."""
        key = f"{name}-{clock.today().isoformat()}"
        template = self._folder / f"{key}.sqlite"
        if not template.exists():
            scratch = self._folder / "build" / key
            scratch.mkdir(parents=True)
            recipe(scratch / "redoffice.sqlite")
            copy_sqlite(scratch / "redoffice.sqlite", template)
        return template

    def copy(self, name: str, recipe: Callable[[Path], object], target: Path) -> Path:
        """A copy of the template ``name`` at ``target``, for one test."""
        shutil.copy(self.build(name, recipe), target)
        return target

    def initialized(self) -> Path:
        """A new office: the schema, the identity, the operator."""
        return self.build("initialized", _initialize)

    def demo(self, households: int, seed: int) -> Path:
        """A new office with ``create_demo(households, seed)`` on the suite's day."""

        def recipe(path: Path) -> None:
            with opened_copy(self.initialized(), path) as db:
                create_demo(db, households, seed=seed)

        return self.build(f"demo-{households}-{seed}", recipe)


def _initialize(path: Path) -> None:
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, IDENTITY, OPERATOR)
    db.close()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def sqlite_template(templates: Templates) -> Path:
    return templates.initialized()


@pytest.fixture(scope="session")
def demo_template(templates: Templates) -> Path:
    """The 40-household demo (seed 3) most UI tests start from."""
    return templates.demo(40, 3)


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    with opened_copy(sqlite_template, tmp_path / "redoffice.sqlite") as db:
        yield db


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo of this test's own."""
    with opened_copy(demo_template, tmp_path / "redoffice.sqlite") as db:
        yield db


@contextmanager
def opened_copy(template: Path, path: Path) -> Iterator[Database]:
    """The database ``path``, a copy of ``template``, opened for the operator."""
    shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    db.actor = OPERATOR
    try:
        yield db
    finally:
        db.close()


TEMPLATE = "redoffice_template"  # PostgreSQL: the initialized office every test database copies


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The run's own PostgreSQL server (tests/pgserver.py), one for the core and the migration
    tests, holding the template database of an initialized office."""
    with running_server() as url:
        if url is None:
            if os.environ.get("REDOFFICE_REQUIRE_PG") == "1":
                pytest.fail("PostgreSQL is required (REDOFFICE_REQUIRE_PG=1) but not installed")
            pytest.skip("PostgreSQL binaries not installed")
        run_admin(url, f"DROP DATABASE IF EXISTS {TEMPLATE}", f"CREATE DATABASE {TEMPLATE}")
        db = open_database(f"{url}/{TEMPLATE}")
        community.initialize(db, IDENTITY, OPERATOR)
        db.close()
        yield url


def run_admin(server: str, *statements: str) -> None:
    """Statements that cannot run inside a transaction (CREATE/DROP DATABASE)."""
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        admin.dispose()


# ── The `db` fixture: SQLite always, PostgreSQL started by the test run itself ──────────────
# PostgreSQL: one database for the whole run (made from the initialized template); each test runs
# inside one transaction on one connection that is rolled back at its end, every unit of work
# committing a savepoint of it (``Database(engine, within=connection)``). Creating a database per
# test took most of the core suite's time. A test whose commits must be real — seen by other
# connections or processes (concurrency, stale data, migrations, a CLI run) — is marked
# ``@pytest.mark.real_commits`` and gets a database of its own, copied from the template.
# Defined here, once for the whole run: a second copy of the session fixture (a test module
# importing it) would drop and re-create the shared database under the first one's connections.

SHARED = "redoffice_tests"
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_shared(pg_server: str) -> Iterator[Engine]:
    """The run's one PostgreSQL database, which no test commits to."""
    run_admin(
        pg_server,
        f"DROP DATABASE IF EXISTS {SHARED}",
        f"CREATE DATABASE {SHARED} TEMPLATE {TEMPLATE}",
    )
    engine = make_engine(f"{pg_server}/{SHARED}")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_db(request: pytest.FixtureRequest, pg_server: str) -> Iterator[Database]:
    """A PostgreSQL database as the template left it: the shared one inside a transaction
    rolled back after the test, or a copy of its own for a test marked ``real_commits``."""
    if request.node.get_closest_marker("real_commits"):
        yield from _own_database(pg_server)
    else:
        yield from _rolled_back(request.getfixturevalue("pg_shared"))


def _rolled_back(engine: Engine) -> Iterator[Database]:
    with engine.connect() as conn:
        outer = conn.begin()
        db = Database(engine, within=conn)
        db.actor = OPERATOR
        try:
            yield db
        finally:
            outer.rollback()


def _own_database(server: str) -> Iterator[Database]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    run_admin(server, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    db = open_database(f"{server}/{name}")
    db.actor = OPERATOR
    try:
        yield db
    finally:
        db.close()
        run_admin(server, f"DROP DATABASE {name}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db(request: pytest.FixtureRequest) -> Database:
    """The database under test, once per backend."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]


@pytest.fixture
def file_ring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A keyring kept in a file of this test (tests/core/file_keyring.py, which a CLI process
    started by the test reads too: PYTHON_KEYRING_BACKEND); no key held from another test."""
    from redoffice.kit import cipher

    monkeypatch.setenv("REDOFFICE_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setattr(cipher, "_held", {})
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        yield tmp_path / "keyring.json"
    finally:
        keyring.set_keyring(before)
