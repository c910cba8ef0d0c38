"""Where the database lives: ``--db-url`` > ``--db`` > ``REDOFFICE_DB`` > the user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

from redoffice.kit.files import private_folder

APP_NAME = "RedOffice"
DEFAULT_DB_NAME = "redoffice.sqlite"


def data_dir() -> Path:
    """The per-user data folder (created on demand, open to the user only)."""
    return private_folder(Path(user_data_dir(APP_NAME, appauthor=False)))


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def resolve_db_url(
    db_path: str | None = None,
    db_url: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """The SQLAlchemy URL chosen by the command line, the environment or the default."""
    if db_url:
        return db_url
    chosen = db_path or environ.get("REDOFFICE_DB")
    if chosen:
        return chosen if "://" in chosen else sqlite_url(chosen)
    return sqlite_url(data_dir() / DEFAULT_DB_NAME)
