"""The PostgreSQL server of the core tests, for the upgrade tests that run on it."""

from tests.core.conftest import pg_server

__all__ = ["pg_server"]
