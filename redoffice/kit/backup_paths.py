"""Where a SQLite database's backups are, by name: shared by the copies
(:mod:`redoffice.kit.backups`), the restore (:mod:`redoffice.kit.restoring`) and the erasure
register (:mod:`redoffice.kit.erasures`), which import it and not one another's internals."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

RESTORING = ".restoring"  # the backup's copy beside the database until it takes its name
SECOND_FOLDER = "backup.second_folder"  # setting: a second folder or USB stick, or absent


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite file behind ``engine``; None for a server or an in-memory database."""
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        return None
    return Path(source).resolve()


def backup_folder_of(database: Path) -> Path:
    """The automatic copies' folder: ``backups`` beside the database file."""
    return database.resolve().parent / "backups"
