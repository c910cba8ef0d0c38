"""Migration 0018 (one live decision per application): a 0017 database upgrades keeping its
decisions, the index is the model's (no difference left), it refuses a second live decision
of one application and takes a deleted one, and it goes down to 0017 and up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from redoffice.kit.db import make_engine, open_database
from tests.migrations.test_street_orders_migration import _differences, _migrate

INDEX = "uq_street_decision_live"


def _decide(engine: Engine, row: str, deleted: int = 0) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO street_decision (id, community_node, application_id, outcome,"
                " opinion, decided_by, decided_at, owner_node, version, updated_at, deleted,"
                " sync_seq, created_seq) VALUES (:id, 'c1', 'app1', 'approve', '', '王主任',"
                " '2026-12-03 08:00:00', 's1', 1, '2026-12-03 08:00:00', :deleted, 1, 1)"
            ),
            {"id": row, "deleted": deleted},
        )


def _indexes(engine: Engine) -> set[str]:
    return {str(i["name"]) for i in inspect(engine).get_indexes("street_decision")}


def test_a_0017_database_upgrades_to_one_live_decision_per_application(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    _migrate(engine, "0017")
    _decide(engine, "d1")
    assert INDEX not in _indexes(engine)
    engine.dispose()
    open_database(url).close()  # upgraded as a user's database is
    engine = make_engine(url)
    try:
        assert INDEX in _indexes(engine)
        assert _differences(engine) == []
        with pytest.raises(IntegrityError):
            _decide(engine, "d2")  # a second live decision of app1
        _decide(engine, "d3", deleted=1)  # a deleted one does not count
        _migrate(engine, "0017", down=True)
        assert INDEX not in _indexes(engine)
        _migrate(engine, "head")
        assert INDEX in _indexes(engine)
        assert _differences(engine) == []
    finally:
        engine.dispose()
