"""Core tests run on SQLite always and on PostgreSQL started by the test run itself."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from redoffice.kit.db import Database, open_database
from redoffice.settings import community
from tests.conftest import IDENTITY, OPERATOR
from tests.pgserver import running_server

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with running_server() as url:
        if url is None:
            if os.environ.get("REDOFFICE_REQUIRE_PG") == "1":
                pytest.fail("PostgreSQL is required (REDOFFICE_REQUIRE_PG=1) but not installed")
            pytest.skip("PostgreSQL binaries not installed")
        admin = create_engine(f"{url}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS redoffice_template"))
            conn.execute(text("CREATE DATABASE redoffice_template"))
        db = open_database(f"{url}/redoffice_template")
        community.initialize(db, IDENTITY, OPERATOR)
        db.close()
        yield url
        admin.dispose()


@pytest.fixture
def pg_db(pg_server: str) -> Iterator[Database]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE redoffice_template"))
    db = open_database(f"{pg_server}/{name}")
    db.actor = OPERATOR
    yield db
    db.close()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name}"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db(request: pytest.FixtureRequest) -> Database:
    """The database under test, once per backend."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]
