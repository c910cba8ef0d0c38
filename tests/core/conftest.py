"""Core tests run on SQLite always and on PostgreSQL started by the test run itself.

PostgreSQL: one database for the whole run (made from the initialized template); each test runs
inside one transaction on one connection that is rolled back at its end, every unit of work
committing a savepoint of it (``Database(engine, within=connection)``). Creating a database per
test took most of the core suite's time. A test whose commits must be real — seen by other
connections or processes (concurrency, stale data, migrations, a CLI run) — is marked
``@pytest.mark.real_commits`` and gets a database of its own, copied from the template.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from redoffice.kit.db import Database, make_engine, open_database
from tests.conftest import OPERATOR, TEMPLATE, run_admin

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
