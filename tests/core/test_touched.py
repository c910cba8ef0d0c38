"""The core says which tables a write changed (issue 12 §3, decision 0013): every unit of work
reports exactly the tables it wrote — by the ORM, in bulk, with Core or raw SQL — once it has
committed, to the recordings open on its thread; and reading never writes."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert, select, text, update

from redoffice.kit import clock, touched
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.kit.touched import Changes
from redoffice.models import Base, Grid, HouseholdVisitState
from redoffice.registry import importer
from redoffice.registry import reference as registry
from redoffice.visits import plan, service
from redoffice.visits.plan import PlanFilter
from redoffice.visits.service import PlanQuery
from redoffice.workbench import queries as workbench
from tests import excel_corpus as corpus
from tests.factories import add_resident, setup_place

# What change capture writes beside every change (the audit trail, the sync counter): present
# in every report, left out of the comparisons below, which are about the data.
BOOKKEEPING = frozenset(t for t in Base.metadata.tables if t.startswith(("audit_", "sync_")))


def _data(changes: Changes) -> set[str]:
    return set(changes.tables - BOOKKEEPING)


def test_a_save_reports_exactly_the_tables_it_wrote(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    with touched.recording() as rec:
        add_resident(db, "张三", household=household)
    assert _data(rec.changes) == {"resident", "household_visit_state"}
    assert rec.changes.tables & BOOKKEEPING  # the audit trail is written with it


def test_renaming_an_estate_reports_the_addresses_it_rewrote(db: Database) -> None:
    _grid, estate, _household = setup_place(db)
    renamed = registry.EstateInput(name="阳光花园二期", address="解放路1号")
    with touched.recording() as rec:
        registry.save_estate(db, renamed, estate)
    assert _data(rec.changes) == {"estate", "household", "household_visit_state"}


def test_a_bulk_import_reports_every_table_it_wrote(db: Database, tmp_path: Path) -> None:
    setup_place(db)
    plan_ = importer.plan_import(db, corpus.title_and_merged(tmp_path))
    with touched.recording() as rec:
        importer.apply_import(db, plan_)
    search_index = {"resident_name_fts", "household_address_fts"} if db.has_fts else set()
    assert _data(rec.changes) == {
        "household",
        "resident",
        "resident_tag",
        "household_visit_state",
        *search_index,
    }


def test_core_and_orm_bulk_statements_on_the_session_are_counted(db: Database) -> None:
    grid, _estate, _household = setup_place(db)
    with touched.recording() as rec, db.uow() as s:
        s.connection().execute(update(Grid).where(Grid.id == grid).values(notes="Core"))
    assert _data(rec.changes) == {"grid"}
    with touched.recording() as rec, db.uow() as s:
        s.execute(insert(Grid), [{"code": "G02", "name": "第二网格", "owner_node": "n"}])
    assert _data(rec.changes) == {"grid"}
    with touched.recording() as rec, db.uow() as s:
        s.execute(text("UPDATE household_visit_state SET interval_days = interval_days"))
    assert _data(rec.changes) == {"household_visit_state"}


def test_a_unit_of_work_that_fails_reports_nothing(db: Database) -> None:
    setup_place(db)
    with touched.recording() as rec:
        with pytest.raises(ValidationFailed):
            registry.save_grid(db, registry.GridInput(code="", name=""))
        with pytest.raises(RuntimeError), db.uow() as s:
            s.add(Grid(code="G77", name="第七十七网格"))
            s.flush()  # written, then rolled back
            raise RuntimeError("half-way")
    assert rec.changes == Changes()
    assert not rec.changes


def test_a_long_job_reports_what_it_committed_before_it_stopped(db: Database) -> None:
    with touched.recording() as outer:
        with touched.recording() as inner, pytest.raises(RuntimeError):
            registry.save_grid(db, registry.GridInput(code="G01", name="第一网格"))
            registry.save_estate(db, registry.EstateInput(name="阳光花园", address="解放路1号"))
            raise RuntimeError("stopped")
        registry.save_staff(db, registry.StaffInput(name="李四", role="grid_worker"))
    assert _data(inner.changes) == {"grid", "estate"}
    assert _data(outer.changes) == {"grid", "estate", "staff"}  # recordings nest


def test_a_recording_hears_only_its_own_thread(db: Database) -> None:
    def elsewhere() -> None:
        registry.save_grid(db, registry.GridInput(code="G02", name="第二网格"))

    with touched.recording() as rec:
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
    assert not rec.changes
    with db.read() as s:
        assert s.scalar(select(Grid.id).where(Grid.code == "G02"))


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ("INSERT INTO resident (id, name) VALUES (?, ?)", "resident"),
        ('insert or replace into "setting" (key, value) values (?, ?)', "setting"),
        ("REPLACE INTO calendar_day VALUES (?)", "calendar_day"),
        ("  UPDATE main.household SET address = ?", "household"),
        ("DELETE FROM household_visit_state WHERE 1", "household_visit_state"),
        ("SELECT * FROM resident", None),
        ("PRAGMA optimize", None),
        ("CREATE TRIGGER t AFTER INSERT ON resident BEGIN SELECT 1; END", None),
    ],
)
def test_driver_level_sql_names_the_table_it_writes(sql: str, table: str | None) -> None:
    assert touched.written_table(sql, None) == table


def test_changes_tell_a_view_whether_it_must_refresh() -> None:
    changes = Changes(frozenset({"estate", "household"})) | Changes(frozenset({"visit"}))
    assert changes.tables == {"estate", "household", "visit"}
    assert changes.touches({"resident", "estate"})
    assert not changes.touches({"wish", "wish_round"})
    assert Changes.everything().tables == set(Base.metadata.tables)


# -- reading never writes -----------------------------------------------------------------


@pytest.fixture
def statements_written(db: Database) -> Iterator[list[str]]:
    """Every INSERT, UPDATE or DELETE sent to the database while the test runs, by anyone."""
    written: list[str] = []

    def executing(_conn: Any, _cur: Any, sql: str, _params: Any, context: Any, _many: Any) -> None:
        if (table := touched.written_table(sql, context)) is not None:
            written.append(table)

    event.listen(db.engine, "before_cursor_execute", executing)
    yield written
    event.remove(db.engine, "before_cursor_execute", executing)


@pytest.fixture
def commits_seen(db: Database) -> Iterator[Callable[[], int]]:
    """For SQLite: how many commits another connection has seen so far (``data_version``
    changes when any other connection commits); 0 on PostgreSQL."""
    if not db.is_sqlite:
        yield lambda: 0
        return
    observer = sqlite3.connect(str(db.engine.url.database))
    start = int(observer.execute("PRAGMA data_version").fetchone()[0])
    yield lambda: int(observer.execute("PRAGMA data_version").fetchone()[0]) - start
    observer.close()


def _read_the_plan(db: Database, today: date) -> None:
    week = PlanQuery(today + timedelta(days=7))
    service.due_households(db, week, today)
    service.due_counts(db, week, today)
    service.visit_plan(db, today)
    plan.plan_ids(db, PlanFilter(), today=today)
    plan.overdue_count(db, PlanFilter(), today=today)
    workbench.workbench(db, today)


def test_reading_the_plan_on_a_new_day_writes_nothing(
    db: Database, statements_written: list[str], commits_seen: Callable[[], int]
) -> None:
    setup_place(db)
    written_before = commits_seen()
    assert written_before > 0 or not db.is_sqlite  # the observer does see this test's writes
    tomorrow = clock.today() + timedelta(days=1)  # the stored due dates are a day old
    statements_written.clear()
    with clock.frozen(tomorrow), touched.recording() as rec:
        _read_the_plan(db, tomorrow)
    assert statements_written == []
    assert not rec.changes
    assert commits_seen() == written_before


def test_the_new_day_is_brought_in_by_a_write_once(db: Database) -> None:
    _grid, _estate, household = setup_place(db)  # never visited: due the day it is computed
    tomorrow = clock.today() + timedelta(days=1)
    with clock.frozen(tomorrow):
        with touched.recording() as rec:
            assert service.bring_plan_current(db) is True
            assert service.bring_plan_current(db) is False  # current: one read, no write
        assert _data(rec.changes) == {"household_visit_state"}
        (due,) = service.visit_plan(db)
        assert (due.household_id, due.due) == (household, tomorrow)
    with db.read() as s:
        assert s.scalar(select(HouseholdVisitState.computed_on)) == tomorrow


def test_databases_on_one_engine_share_one_listener_removed_with_the_last(
    sqlite_db: Database,
) -> None:
    """The PostgreSQL tests open a Database per test on one shared engine: the statement
    listener is the engine's, not one more per Database; each session still reports its own."""
    engine = sqlite_db.engine
    listeners = len(engine.dispatch.before_cursor_execute)
    with engine.connect() as conn:
        others = [Database(engine, within=conn) for _ in range(20)]
        assert len(engine.dispatch.before_cursor_execute) == listeners
        with touched.recording() as rec:
            registry.save_grid(others[-1], registry.GridInput(code="G7", name="七"))
        assert _data(rec.changes) == {"grid"}
        conn.rollback()
    with touched.recording() as rec:
        setup_place(sqlite_db)
    assert {"grid", "estate", "household"} <= _data(rec.changes)
    for other in others:
        other.close()
    others[0].close()  # closed twice: still counted once
    assert len(engine.dispatch.before_cursor_execute) == listeners  # sqlite_db's is kept
    sqlite_db.close()
    assert len(engine.dispatch.before_cursor_execute) == listeners - 1
