"""Core tests: the `db` fixture (SQLite and PostgreSQL) is in tests/conftest.py, shared with
the report tests."""
