"""Opening, backing up, migrating and using the database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from redoffice import changes
from redoffice.errors import UserError
from redoffice.models import Setting

MIGRATIONS = Path(__file__).parent / "migrations"
BACKUPS_KEPT = 10


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine with the connection settings RedOffice relies on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision."""
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def backup_sqlite(engine: Engine, folder: Path) -> Path | None:
    """Copy a SQLite database with the online backup API; keep the newest few copies."""
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(source).stem}-{stamp}.sqlite"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    for old in sorted(folder.glob(f"{Path(source).stem}-*.sqlite"))[:-BACKUPS_KEPT]:
        old.unlink()
    return target


def default_backup_folder(engine: Engine) -> Path | None:
    source = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not source or source == ":memory:":
        return None
    return Path(source).resolve().parent / "backups"


class Database:
    """An open, current database: hands out one session per user action."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.actor = ""
        self._factory = sessionmaker(engine, expire_on_commit=False)
        changes.install(self._factory)
        self.node_id = self._setting("node.id") or ""

    def _setting(self, key: str) -> str | None:
        with self._factory() as s:
            row = s.get(Setting, key)
            return None if row is None else str(json.loads(row.value))

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error (nothing half-written)."""
        session = self._factory(info={"actor": self.actor, "node_id": self.node_id})
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise UserError("record.changed_elsewhere") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; loaded objects stay readable after it closes."""
        session = self._factory()
        try:
            yield session
        finally:
            session.close()

    def refresh_identity(self) -> None:
        self.node_id = self._setting("node.id") or ""

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, backup_folder: Path | None = None) -> Database:
    """Open ``url``: refuse a newer schema, back up and upgrade an older one, create a new one."""
    engine = make_engine(url)
    try:
        found = current_revision(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise UserError("db.cannot_open", detail=str(exc.orig)) from exc
    if found is not None and found not in _known_revisions():
        engine.dispose()
        raise UserError("db.too_new", found=found)
    if found != head_revision():
        if found is not None:
            backup_sqlite(engine, backup_folder or default_backup_folder(engine) or Path("."))
        upgrade(engine)
    return Database(engine)


def schema_is_empty(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Setting.key).where(Setting.key == "node.id")) is None
