"""The registry figures of the 工作台 count the live residents by reading the table through,
also where SQLite has no statistics for it (a table rebuilt by a migration, a database never
analyzed): it then used the list index and fetched 110,000 rows one by one, 3–6× slower
(issue 11 §5). The figures are those of a plain count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event, func, select

from redoffice.kit import codes
from redoffice.kit.db import Database, open_database
from redoffice.models import Resident
from redoffice.registry.stats import RegistryFigures, registry_figures, registry_stats


def _without_resident_statistics(db: Database) -> Database:
    """The same file, opened again once SQLite's statistics of the resident table are gone."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = 'resident'")
    return open_database(str(db.engine.url))


def _plans(db: Database, figures: Callable[[Database], RegistryFigures]) -> list[str]:
    """The query plan of every statement ``figures`` runs."""
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        statements.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        figures(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    with db.engine.connect() as conn:
        return [
            " / ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", p))
            for sql, p in statements
        ]


@pytest.mark.parametrize("figures", [registry_figures, registry_stats])
def test_the_residents_are_counted_by_reading_the_table_through(
    demo_db: Database, figures: Callable[[Database], RegistryFigures]
) -> None:
    db = _without_resident_statistics(demo_db)
    try:
        counting = [plan for plan in _plans(db, figures) if plan.startswith("SCAN resident")]
        assert counting, _plans(db, figures)
        with db.read() as s:
            live = s.scalar(
                select(func.count()).where(Resident.deleted.is_(False), Resident.status == "active")
            )
            party = s.scalar(
                select(func.count()).where(
                    Resident.deleted.is_(False),
                    Resident.status == "active",
                    Resident.political_status.in_(codes.PARTY_STATUSES),
                )
            )
        found = figures(db)
        assert live and (found.residents, found.party_members) == (live, party)
    finally:
        db.close()


def test_the_workbench_cards_are_the_statistics_totals(demo_db: Database) -> None:
    """The 工作台's registry cards (without the per-网格 join) say what ``redoffice-cli stats``
    says: households, residents, party members, every special group."""
    cards, full = registry_figures(demo_db), registry_stats(demo_db)
    assert cards == RegistryFigures(
        full.households, full.residents, full.party_members, full.by_tag
    )
    assert sum(g.residents for g in full.by_grid) == full.residents
    assert sum(g.households for g in full.by_grid) == full.households
    assert any(n for _tag, _label, n in cards.by_tag)
