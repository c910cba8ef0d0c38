"""Alembic migrations; configured in code by :mod:`redoffice.kit.db` (no alembic.ini needed)."""
