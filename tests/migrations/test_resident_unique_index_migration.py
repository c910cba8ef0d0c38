"""Migration 0020 (resident's unique (owner_node, id_number) becomes a unique index of the same
name, so that a bulk load can drop and rebuild it): a 0019 database — a small demo, whose
residents have tags, visits, cases, wishes and fund records pointing at them — upgrades keeping
every row and rowid, its name search and foreign keys intact, the table exactly the model's,
and the index still refuses a second resident with the same ID number; it goes down to 0019
(the table constraint again) and up again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

import redoffice.kit.db as dbmod
from redoffice.demo.build import DEMO_IDENTITY, DEMO_OPERATOR, create_demo
from redoffice.kit.db import make_engine, open_database
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery
from redoffice.settings import community
from tests.migrations.test_street_orders_migration import _differences

NAME = "uq_resident_owner_node_id_number"


def _downgrade(engine: Engine, target: str) -> None:
    """As kit.db.upgrade runs the migrations (foreign keys off on SQLite), downwards."""
    cfg = dbmod._alembic_config()
    with engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, target)
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            "resident": conn.execute("SELECT rowid, * FROM resident ORDER BY rowid").fetchall(),
            "resident_tag": conn.execute("SELECT * FROM resident_tag ORDER BY id").fetchall(),
            "fts": conn.execute(
                "SELECT rowid, search_name FROM resident_name_fts ORDER BY rowid"
            ).fetchall(),
        }
    finally:
        conn.close()


def _schema(path: Path) -> tuple[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        table = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'resident'").fetchone()
        others = conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'resident' ORDER BY name"
        ).fetchall()
        return str(table[0]), [str(name) for (name,) in others]
    finally:
        conn.close()


def _automatic(names: list[str]) -> set[str]:
    """The indexes SQLite makes for a table's PRIMARY KEY and UNIQUE constraints."""
    return {name for name in names if name.startswith("sqlite_autoindex_")}


def _copy_a_resident(engine: Engine) -> None:
    """A second resident with the first one's node and ID number."""
    with engine.begin() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(resident)")]
        others = ", ".join(c for c in columns if c != "id")
        conn.exec_driver_sql(
            f"INSERT INTO resident (id, {others}) SELECT 'copy', {others} FROM resident LIMIT 1"
        )


def test_a_0019_database_upgrades_keeping_its_residents_and_refusing_a_duplicate(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    create_demo(db, 6, seed=3)
    name = search.search_residents(db, ResidentQuery(), 1)[0].name
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    _downgrade(engine, "0019")
    engine.dispose()
    old_table, old_others = _schema(path)
    assert f"CONSTRAINT {NAME} UNIQUE (owner_node, id_number)" in old_table
    assert NAME not in old_others and len(_automatic(old_others)) == 2  # primary key, unique
    before = _rows(path)

    db = open_database(f"sqlite:///{path}")  # upgrades, foreign keys checked
    table, others = _schema(path)
    assert "UNIQUE" not in table and NAME in others
    assert len(_automatic(others)) == 1  # the primary key's
    assert set(old_others) - _automatic(old_others) <= set(others)  # triggers, indexes
    assert _rows(path) == before  # every row with its rowid, the search index pointing at them
    assert name in [r.name for r in search.search_residents(db, ResidentQuery(text=name))]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again
    assert [d for d in _differences(db.engine) if "resident" in repr(d)] == []
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed"):
        _copy_a_resident(db.engine)
    db.close()


def test_it_goes_down_to_the_table_constraint_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    create_demo(db, 2, seed=5)
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    before = _rows(path)
    _downgrade(engine, "0019")
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed"):
        _copy_a_resident(engine)
    dbmod.upgrade(engine)
    assert _rows(path) == before
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed"):
        _copy_a_resident(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    engine.dispose()


def test_the_rebuilt_table_has_planner_statistics_again(tmp_path: Path) -> None:
    """The rebuild drops resident's rows of sqlite_stat1; the migration gathers them again, so
    that the first queries after the upgrade plan as before (the street's pages were 4-6 times
    slower until an ANALYZE)."""
    path = tmp_path / "db.sqlite"
    db = open_database(f"sqlite:///{path}", create=True)
    community.initialize(db, DEMO_IDENTITY, DEMO_OPERATOR)
    create_demo(db, 4, seed=2)
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    _downgrade(engine, "0019")
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    dbmod.upgrade(engine)
    with engine.connect() as conn:
        indexes = (
            conn.exec_driver_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'resident'")
            .scalars()
            .all()
        )
    engine.dispose()
    assert NAME in indexes and "ix_resident_list" in indexes
