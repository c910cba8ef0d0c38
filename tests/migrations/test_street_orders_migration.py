"""Migration 0017 (the street's decisions, replies and notices; a notice's completion; the
community's inbox): a 0016 database upgrades keeping its rows, the tables it makes are exactly
the models', and it goes down to 0016 and up again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text

import redoffice.kit.db as dbmod
from redoffice.kit.db import make_engine, open_database
from redoffice.models import Base, Grid

STREET_TABLES = {
    "street_decision",
    "street_reply",
    "street_notice",
    "notice_completion",
    "street_inbox",
}


def _migrate(engine: Engine, target: str, down: bool = False) -> None:
    cfg = dbmod._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def _differences(engine: Engine) -> list[object]:
    """What differs between the database and the models, for the tables of 0017."""
    with engine.connect() as conn:
        found = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    flat = [d for group in found for d in (group if isinstance(group, list) else [group])]
    return [d for d in flat if STREET_TABLES & {str(part) for part in _names(d)}]


def _names(difference: object) -> list[object]:
    """The table names a difference concerns (its objects' own names or their tables')."""
    names: list[object] = []
    for part in difference if isinstance(difference, tuple) else (difference,):
        table = getattr(part, "table", None)
        names.append(getattr(table, "name", getattr(part, "name", part)))
    return names


def test_a_0016_database_upgrades_to_tables_exactly_as_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    _migrate(engine, "0016")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO grid (id, code, name, notes, owner_node, version, updated_at, deleted,"
                " sync_seq, created_seq) VALUES ('g1', 'G01', '一网格', '', 'n1', 1,"
                " '2026-11-02 08:00:00', 0, 1, 1)"
            )
        )
    assert not STREET_TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    open_database(url).close()  # upgraded as a user's database is
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) >= STREET_TABLES
        assert _differences(engine) == []
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Grid)).scalar() == 1
        _migrate(engine, "0016", down=True)
        assert not STREET_TABLES & set(inspect(engine).get_table_names())
        _migrate(engine, "head")
        assert _differences(engine) == []
    finally:
        engine.dispose()
