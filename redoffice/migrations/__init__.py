"""Alembic migrations; configured in code by :mod:`redoffice.db` (no alembic.ini needed)."""
