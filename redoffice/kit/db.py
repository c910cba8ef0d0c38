"""Opening, migrating and using the database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar, overload

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, inspect, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from redoffice import __version__
from redoffice.kit import changes, cipher, logs, scope, touched
from redoffice.kit.errors import UserError
from redoffice.kit.files import journal_files, owner_only
from redoffice.kit.identity import SESSION_KEY, User
from redoffice.kit.paths import data_dir
from redoffice.models import AppRelease, Setting

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent.parent / "migrations"
# The newest migration. Kept here so that opening a current database needs no Alembic import
# (0.2 s of the 1 s start-up budget); a test checks it against the migration scripts.
SCHEMA_HEAD = "0020"
T = TypeVar("T")


# Reads of a plain (not encrypted: SQLCipher decrypts each page) SQLite file go through a memory
# mapping of its first 256 MB: no system call and copy per page read. The 工作台's first reads
# on a cold process, 110,000 residents, took ~25% less CPU (decision 0032).
MMAP_BYTES: Final = 256 * 1024 * 1024


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, key: bytes | None, salt: bytes) -> None:
    cur = dbapi_conn.cursor()
    if key is not None:  # first, before SQLCipher reads a page (kit/cipher.py)
        cur.execute(cipher.QUIET)
        cur.execute(cipher.key_pragma(key, salt))
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-32768")  # 32 MB (default 2 MB): bulk imports, big lists
    if key is None:  # pages read straight from the file's mapping (decision 0032)
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine with the connection settings RedOffice relies on. An encrypted SQLite file is
    opened with its key (the keyring's, checked before anything is read): refused with a
    message offering the recovery key when the key is missing or wrong."""
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        key = cipher.key_for(path) if path is not None else None
        salt = cipher.file_salt(path) if key is not None and path is not None else b""
        driver = {"module": cipher.dbapi} if key is not None else {}
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, hide_parameters=True, **driver
        )
        event.listen(engine, "connect", lambda conn, _record: _sqlite_pragmas(conn, key, salt))
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)  # no values in errors


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (also of a ``file:…?mode=ro&uri=true`` one); None for an
    in-memory database."""
    parsed = make_url(url)
    database = parsed.database
    if database and parsed.query.get("uri") == "true":
        database = database.removeprefix("file:")
    return Path(database) if database and database != ":memory:" else None


def connect_sqlite(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A DB-API connection to a RedOffice SQLite file, plain or encrypted (its key from the
    keyring): everything that opens a database file by itself goes through here. Catch
    :data:`cipher.ERRORS`, not only ``sqlite3.Error``."""
    return cipher.connect(path, cipher.key_for(path), read_only=read_only)


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return SCHEMA_HEAD


def script_head() -> str | None:
    """The newest revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database; None for an empty database."""
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        if "alembic_version" in tables:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if tables:
        raise UserError("db.not_redoffice")
    return None


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision, all revisions in one transaction: a failed or
    interrupted upgrade leaves the database as it was. SQLite enforces no foreign key meanwhile
    (the pragma changes only outside a transaction): a migration rebuilding a table that others
    point at (0020) drops it and renames its copy, and checks the keys itself."""
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                if raw is not None:
                    _begin_sqlite(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def _begin_sqlite(conn: Connection, mode: str = "") -> None:
    """Open the SQLite transaction now (``mode`` IMMEDIATE: with the write lock). The pysqlite
    driver opens one only before the first INSERT/UPDATE/DELETE and runs the DDL before it (an
    ALTER TABLE of 0011) in autocommit: an upgrade stopped later would leave new columns under
    the old version number, and the next upgrade would fail on them ("duplicate column name").
    A unit of work that read first would meet another writer's commit as SQLITE_BUSY_SNAPSHOT,
    which no busy timeout waits out: it takes the write lock first instead."""
    raw = conn.connection.dbapi_connection
    if raw is not None and not getattr(raw, "in_transaction", False):
        conn.exec_driver_sql(f"BEGIN {mode}")


@overload
def copy_sqlite(source: Path, target: Path) -> None: ...


@overload
def copy_sqlite(source: Path, target: Path, read: Callable[[sqlite3.Connection], T]) -> T: ...


def copy_sqlite(
    source: Path, target: Path, read: Callable[[sqlite3.Connection], T] | None = None
) -> T | None:
    """A consistent copy of the SQLite file ``source`` (committed data, the WAL included) into
    ``target``, with SQLite's online backup API: other connections may keep working. The copy
    of an encrypted file is encrypted with the same key. ``read(source)`` runs in the read
    transaction the copy is taken from: what it returns describes the copy exactly, whatever
    other writers (the window, a second process) commit meanwhile."""
    key = cipher.key_for(source)
    src = cipher.connect(source, key)
    try:
        src.isolation_level = None  # the BEGIN below is ours
        src.execute("BEGIN")
        seen = None if read is None else read(src)
        dst = cipher.connect(target, key, salt=cipher.file_salt(source) if key else None)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
        src.execute("COMMIT")
        return seen
    finally:
        src.close()


SessionHook = Callable[["sessionmaker[Session]"], None]
_SESSION_HOOKS: list[SessionHook] = []


def register_session_hook(install: SessionHook) -> None:
    """A feature keeps its derived data current on every flush (see :mod:`redoffice.features`)."""
    if install not in _SESSION_HOOKS:
        _SESSION_HOOKS.append(install)


def _session_factory(engine: Engine, within: Connection | None) -> sessionmaker[Session]:
    """Sessions on ``engine``; or, for tests, sessions ``within`` a connection whose transaction
    the test opened and rolls back at its end: each session runs in a savepoint of that
    transaction and its commit releases the savepoint (SQLAlchemy's "joining a session into an
    external transaction")."""
    if within is None:
        return sessionmaker(engine, expire_on_commit=False)
    return sessionmaker(within, expire_on_commit=False, join_transaction_mode="create_savepoint")


class Database:
    """An open, current database: hands out one session per user action."""

    def __init__(self, engine: Engine, *, within: Connection | None = None) -> None:
        self.engine = engine
        self.closed = False
        self.actor = ""
        self._factory = _session_factory(engine, within)
        changes.install(self._factory)
        touched.install(self._factory, engine)
        scope.install(self._factory)
        if not _SESSION_HOOKS:
            raise RuntimeError("import redoffice.features before opening a database")
        for install in _SESSION_HOOKS:
            install(self._factory)
        self.community: str | None = None  # a street's read scope (kit/scope.py); None = all
        self.user: User | None = None  # who is logged in (kit/identity.py); None = nobody
        self.refresh_identity()
        self.has_fts = self._has_table("resident_name_fts")

    def _has_table(self, name: str) -> bool:
        return name in inspect(self.engine).get_table_names()

    def _setting(self, key: str) -> str | None:
        with self._factory() as s:
            row = s.get(Setting, key)
            return None if row is None else str(json.loads(row.value))

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error (nothing half-written).
        Once committed, the tables it wrote go to every :func:`touched.recording` open on this
        thread (a rolled-back action reports nothing)."""
        info = {"actor": self.actor, "node_id": self.node_id, SESSION_KEY: self.user}
        session = self._factory(info=info)
        try:
            if self.is_sqlite:  # writers queue here, within the busy timeout (see _sqlite_pragmas)
                _begin_sqlite(session.connection(), "IMMEDIATE")
            yield session
            session.commit()
            touched.committed(session)
        except StaleDataError as exc:
            session.rollback()
            raise UserError("record.changed_elsewhere") from exc
        except OperationalError as exc:
            session.rollback()
            raise failure(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; loaded objects stay readable after it closes. On a
        street database it shows only ``self.community``'s rows when one is chosen
        (:mod:`redoffice.kit.scope`)."""
        session = self._factory(info=scope.read_info(self))
        try:
            yield session
        finally:
            session.close()

    @property
    def attachments_dir(self) -> Path:
        """Attachments live beside a SQLite file; for a server database, in the data folder."""
        source = self.engine.url.database
        if self.is_sqlite and source and source != ":memory:":
            return Path(source).resolve().parent / "attachments"
        return data_dir() / "attachments" / (self.engine.url.database or "memory")

    def refresh_identity(self) -> None:
        self.node_id = self._setting("node.id") or ""
        self.is_street = self._setting("sync.role") == "street"

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def analyze(self) -> None:
        """Gather planner statistics after a bulk load (demo data, imports)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

    def optimize(self) -> None:
        """Refresh SQLite's planner statistics where they are stale (cheap; SQLite docs advise
        it before closing). Without them a search may walk a whole index."""
        if self.is_sqlite:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except OperationalError:  # another writer holds the database: next time, then
                logs.log_exception("PRAGMA optimize skipped")

    def close(self) -> None:
        """Idempotent: a database encrypted in place (settings/encryption.py) is closed by the
        conversion; its opener's own close must not open the changed file again."""
        if self.closed:
            return
        self.optimize()
        touched.uninstall(self._factory, self.engine)
        self.engine.dispose()
        self.closed = True


# What SQLite and PostgreSQL say when a write cannot be done, and the message for each: the
# transaction was rolled back, nothing was saved (issue 16: these were internal errors).
_FAILURES: Final = (
    (("database is locked", "database is busy", "could not obtain lock"), "db.busy"),
    (("readonly database", "read-only"), "db.read_only"),
    (("database or disk is full", "no space left on device"), "db.disk_full"),
)


def failure(exc: DatabaseError) -> UserError:
    """The user's message for a database error: another writer held the database past the
    busy timeout, the file is read-only, the disk is full, the file is no database SQLite can
    read; else the driver's words."""
    said = str(exc.orig).lower()
    for words, code in _FAILURES:
        if any(w in said for w in words):
            return UserError(code)
    if "not a database" in said:  # a text file, a damaged one, an encrypted one without key
        return UserError("db.not_a_database", detail=str(exc.orig))
    return UserError("db.cannot_open", detail=str(exc.orig))


def open_database(url: str, backup_folder: Path | None = None, *, create: bool = False) -> Database:
    """Open ``url``: refuse a newer schema, back up and upgrade an older one. A missing SQLite
    file is created only when ``create`` (``redoffice-cli init``, the first start's setup, a
    demo): a mistyped path is refused and nothing is made. A file that is not RedOffice's —
    another program's SQLite file, an empty one — is refused before anything writes to it
    (no WAL switch, no migration)."""
    _refuse_foreign(url, create)
    engine = make_engine(url)
    try:
        _bring_up_to_date(engine, backup_folder)
    except DatabaseError as exc:
        engine.dispose()
        raise failure(exc) from exc
    except BaseException:
        engine.dispose()
        raise
    writable = make_url(url).query.get("mode") != "ro"  # a read-only opening changes nothing
    if (path := sqlite_path(url)) is not None and url.startswith("sqlite") and writable:
        for part in (path, *journal_files(path)):  # readable by the user only (0600)
            owner_only(part)
    return Database(engine)


def _refuse_foreign(url: str, create: bool) -> None:
    """Refuse a missing SQLite file unless ``create``, an empty file (0 bytes: SQLite would
    make it a new database), a SQLite file without any table unless ``create``, and a file
    with another program's tables: read-only, before the engine's connection switches the
    file to WAL."""
    path = sqlite_path(url) if url.startswith("sqlite") else None
    if path is None or (create and not path.exists()):
        return
    if path.is_dir():
        raise UserError("db.is_folder", path=str(path))
    if not path.is_file():
        raise UserError("db.not_found", path=str(path))
    if path.stat().st_size == 0:
        raise UserError("db.empty_file", path=str(path))
    try:
        conn = connect_sqlite(path, read_only=True)
        try:
            tables = {
                t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            conn.close()
    except cipher.ERRORS:
        return  # not readable so: the engine's opening says why
    if tables and "alembic_version" not in tables:
        raise UserError("db.not_redoffice")
    if not tables and not create:
        raise UserError("db.no_tables", path=str(path))


def _bring_up_to_date(engine: Engine, backup_folder: Path | None) -> None:
    found = current_revision(engine)
    if found == head_revision():
        _stamp_release(engine)
        return
    if found is not None and found not in _known_revisions():
        needed = _stamped_release(engine)
        if needed and _version_key(needed) > _version_key(__version__):
            raise UserError("db.too_new_release", found=found, needed=needed)
        raise UserError("db.too_new", found=found)
    if found is not None:
        from redoffice.kit.backups import backup_before_upgrade  # kit.backups imports this module

        backup_before_upgrade(engine, backup_folder, found)
    try:
        upgrade(engine)
    except (DatabaseError, UserError):
        raise
    except Exception as exc:  # a fault in the data an upgrade converts (say, unreadable JSON)
        logs.log_exception(f"upgrading {engine.url.render_as_string()} from {found}")
        raise UserError(
            "db.cannot_open", detail=f"升级数据库时出错（{exc}），数据库未改动"
        ) from exc
    _stamp_release(engine)
    if found is not None:
        _compact(engine)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def _releases(engine: Engine) -> list[str] | None:
    """The RedOffice versions stamped on this database (migration 0016 keeps them); None
    before that migration."""
    with engine.connect() as conn:
        if "app_release" not in inspect(conn).get_table_names():
            return None
        return [v for (v,) in conn.exec_driver_sql("SELECT version FROM app_release")]


def _stamped_release(engine: Engine) -> str | None:
    """The newest RedOffice version that opened this database."""
    return max(_releases(engine) or [], key=_version_key, default=None)


def _stamp_release(engine: Engine) -> None:
    """Record this program's version as the database's, unless a newer one opened it (an
    older program may still open a database whose schema it knows: the stamp stays)."""
    stamped = _releases(engine)
    if stamped is None or any(_version_key(v) >= _version_key(__version__) for v in stamped):
        return
    with engine.begin() as conn:
        conn.execute(delete(AppRelease))
        conn.execute(insert(AppRelease).values(version=__version__))


def _compact(engine: Engine) -> None:
    """Give back the space an upgrade freed in a SQLite file (0011/0012 dropped the change log
    and rewrote the audit log: two thirds of a 35,000-household file; 0013 rebuilt the
    attachment table) when over a tenth of its pages are free; else the file, and every backup
    of it, keeps its old size."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        free = conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 1
    if free * 10 > pages:
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM")
        except DatabaseError:  # the upgrade is saved; the file only stays larger (no disk space?)
            logs.log_exception(f"compacting {engine.url.database} after its upgrade")
