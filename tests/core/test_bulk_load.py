"""A large import into an empty registry drops the secondary indexes of the tables it fills
(resident, resident_tag, household, household_visit_state) and builds them again after their
rows (kit.bulk_load): the schema it leaves is a
fresh database's, and a cancelled or failed import rolls back with every index in place and no
row written (SQLite and PostgreSQL), as does an import whose process is killed (SQLite)."""

import gc
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from redoffice.kit import bulk_load, changes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import Base, Resident, ResidentTag
from redoffice.registry import importer
from redoffice.registry.importer import ImportOptions, ImportPlan
from tests import excel_corpus as corpus

TABLES = ("resident", "resident_tag", "household", "household_visit_state")


def _schema(db: Database) -> set[tuple[str, ...]]:
    """Every table, index and trigger with its SQL (SQLite), or every index (PostgreSQL)."""
    with db.read() as s:
        if db.engine.dialect.name == "sqlite":
            query = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"
        else:
            query = (
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema()"
            )
        return {tuple(str(v) for v in row) for row in s.execute(text(query))}


def _indexes(db: Database) -> set[str]:
    with db.read() as s:
        return _index_names(s.connection())


def _index_names(conn: Connection) -> set[str]:
    """The names of the secondary indexes of the TABLES the database has."""
    if conn.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (?, ?, ?, ?)"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE tablename IN (%s, %s, %s, %s)"
    rows = conn.exec_driver_sql(query, TABLES)
    return {str(name) for (name,) in rows if str(name).startswith("ix_")}


def _own_indexes(conn: Connection, model: type[Base]) -> set[str]:
    own = {str(i.name) for i in Base.metadata.tables[model.__tablename__].indexes}
    return _index_names(conn) & own


def _plan(db: Database, tmp_path: Path) -> ImportPlan:
    path = corpus.community_ledger(tmp_path)
    plan = importer.plan_import(db, path, ImportOptions(create_places=True))
    assert plan.count("new") == len(corpus.LEDGER_PEOPLE)
    return plan


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Resident)) or 0,
            s.scalar(select(func.count()).select_from(ResidentTag)) or 0,
        )


@pytest.fixture
def small_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 8 rows of the corpus ledger count as a large load."""
    monkeypatch.setattr(bulk_load, "MIN_ROWS", 1)


@pytest.mark.usefixtures("small_loads")
def test_an_import_into_an_empty_registry_leaves_a_fresh_databases_schema(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, indexes = _schema(db), _indexes(db)
    assert {
        "ix_resident_name_pinyin",
        "ix_resident_tag_resident_id",
        "ix_household_address",
        "ix_household_visit_state_due",
    } <= indexes
    seen: dict[str, list[set[str]]] = {}
    insert = changes.insert_many

    def watched(conn: Connection, model: type[Base], rows: changes.Rows) -> None:
        seen.setdefault(model.__tablename__, []).append(_own_indexes(conn, model))
        insert(conn, model, rows)

    monkeypatch.setattr(changes, "insert_many", watched)
    result = importer.apply_import(db, _plan(db, tmp_path))
    assert result.new == len(corpus.LEDGER_PEOPLE)
    assert set(TABLES) <= set(seen)
    for table in TABLES:  # the rows went in without their table's indexes
        assert all(names == set() for names in seen[table]), table
    assert _schema(db) == fresh
    assert _counts(db)[0] == len(corpus.LEDGER_PEOPLE) and _counts(db)[1] > 0


@pytest.mark.usefixtures("small_loads")
def test_a_cancelled_import_keeps_every_index_and_writes_no_row(
    db: Database, tmp_path: Path
) -> None:
    fresh, plan = _schema(db), _plan(db, tmp_path)
    calls: list[int] = []

    def cancelled() -> bool:  # asked after the first rows went in, indexes dropped
        calls.append(1)
        return True

    with pytest.raises(UserError):
        importer.apply_import(db, plan, cancelled=cancelled)
    assert calls
    assert _schema(db) == fresh
    assert _counts(db) == (0, 0)


@pytest.mark.usefixtures("small_loads")
def test_an_import_failing_after_its_rows_keeps_every_index_and_writes_no_row(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, plan = _schema(db), _plan(db, tmp_path)
    insert = changes.insert_rows

    def failing(s: Session, model: type[Base], rows: changes.Rows, chunk: int = 5000) -> None:
        insert(s, model, rows, chunk)
        if model is ResidentTag:
            raise RuntimeError("killed mid-import")

    monkeypatch.setattr(changes, "insert_rows", failing)
    with pytest.raises(RuntimeError):
        importer.apply_import(db, plan)
    assert _schema(db) == fresh
    assert _counts(db) == (0, 0)


def test_a_load_smaller_than_the_table_keeps_its_indexes(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(corpus.LEDGER_PEOPLE) < bulk_load.MIN_ROWS
    table = Base.metadata.tables["resident"]
    with db.read() as s:
        assert not bulk_load.worth_rebuilding(s.connection(), table, len(corpus.LEDGER_PEOPLE))
        assert bulk_load.worth_rebuilding(s.connection(), table, bulk_load.MIN_ROWS)
    importer.apply_import(db, _plan(db, tmp_path))
    monkeypatch.setattr(bulk_load, "MIN_ROWS", 1)
    with db.read() as s:  # 8 rows there: a load of 7 does not pay, one of 8 does
        assert not bulk_load.worth_rebuilding(s.connection(), table, 7)
        assert bulk_load.worth_rebuilding(s.connection(), table, 8)


KILLED = """
import os, sys
from pathlib import Path
import redoffice.features
from redoffice.kit import bulk_load
from redoffice.kit.db import open_database
from redoffice.registry import importer
from redoffice.registry.importer import ImportOptions
from tests.conftest import OPERATOR

bulk_load.MIN_ROWS = 1
db = open_database(f"sqlite:///{sys.argv[1]}")
db.actor = OPERATOR
plan = importer.plan_import(db, Path(sys.argv[2]), ImportOptions(create_places=True))
importer.apply_import(db, plan, cancelled=lambda: os._exit(9))  # killed, rows in, indexes gone
"""


def test_an_import_killed_mid_write_leaves_every_index_and_no_row(
    sqlite_db: Database, tmp_path: Path
) -> None:
    fresh, path = _schema(sqlite_db), corpus.community_ledger(tmp_path)
    database = str(sqlite_db.engine.url.database)
    done = subprocess.run([sys.executable, "-c", KILLED, database, str(path)], check=False)
    assert done.returncode == 9
    assert _schema(sqlite_db) == fresh
    assert _counts(sqlite_db) == (0, 0)


def test_a_large_load_has_a_larger_page_cache_for_its_duration(db: Database) -> None:
    """SQLite: LOAD_CACHE_KIB while a large load runs, the connection's own size after it (and
    during a small one); PostgreSQL: nothing is changed."""
    with db.uow() as s:
        if s.connection().dialect.name != "sqlite":
            with bulk_load.larger_cache(s, bulk_load.MIN_ROWS):
                return

        def size() -> int:
            return int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar() or 0)

        own = size()
        with bulk_load.larger_cache(s, bulk_load.MIN_ROWS - 1):
            assert size() == own
        with bulk_load.larger_cache(s, bulk_load.MIN_ROWS):
            assert size() == -bulk_load.LOAD_CACHE_KIB
        assert size() == own


FIRST_IMPORT = """
import sys, threading
from pathlib import Path
import redoffice.features
from redoffice.kit.db import open_database
from redoffice.registry import importer
from redoffice.registry.importer import ImportOptions
from tests.conftest import OPERATOR

assert "pypinyin" not in sys.modules
db = open_database(f"sqlite:///{sys.argv[1]}")
db.actor = OPERATOR
plan = importer.plan_import(db, Path(sys.argv[2]), ImportOptions(create_places=True))
assert not [t for t in threading.enumerate() if t.name == "pypinyin"], "pypinyin still loading"
print(importer.apply_import(db, plan).new)
"""


def test_a_first_import_in_a_fresh_process_never_imports_pypinyin_twice_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """pypinyin, loaded on another thread while the file is read, is ready before the write
    needs it: its modules import each other in a circle, and the same import begun on two
    threads failed a small file's import with an ImportError (CI, 2026-12-03)."""
    path = corpus.community_ledger(tmp_path)
    database = str(sqlite_db.engine.url.database)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORT, database, str(path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 0


def test_what_a_paused_load_made_needs_no_young_collection_after_it() -> None:
    """The rows a load left alive go to the oldest generation at its end: the young
    generation is nearly empty (no pass over 200k objects at the next allocation), the rows
    are all there, and cyclic garbage made inside is still collected by a full collection."""
    was = gc.isenabled()
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.enable()
    try:
        with bulk_load.collector_paused():
            rows = [{"n": n, "tags": [n]} for n in range(100_000)]
            cycle: list[object] = []
            cycle.append(cycle)
            witness = weakref.ref(_Cyclic(cycle))
            gc.callbacks.append(seen)
        more = [[n] for n in range(300)]  # allocations after the block: no pass over the rows
        gc.callbacks.remove(seen)
        assert passes == [] and gc.get_count()[0] < gc.get_threshold()[0]
        assert len(rows) == 100_000 and rows[-1]["tags"] == [99_999] and len(more) == 300
        del cycle
        gc.collect()
        assert witness() is None
    finally:
        (gc.enable if was else gc.disable)()


def test_a_paused_load_leaves_frozen_objects_frozen() -> None:
    """The GUI freezes its start-up objects: a load's end does not hand them back."""
    was = gc.isenabled()
    gc.enable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with bulk_load.collector_paused():
            made = [[n] for n in range(10_000)]
        assert gc.get_freeze_count() == frozen and len(made) == 10_000
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


class _Cyclic:
    def __init__(self, other: list[object]) -> None:
        self.me, self.other = self, other
