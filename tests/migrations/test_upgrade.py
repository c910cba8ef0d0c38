"""Databases written by earlier versions open, upgrade and keep every record."""

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.kit.db import backup_if_due, backup_sqlite, head_revision, open_database, script_head
from redoffice.kit.errors import UserError
from redoffice.models import Household
from redoffice.registry import search
from redoffice.registry.search import ResidentQuery

FIXTURES = Path(__file__).parent.parent / "fixtures"
TABLES = (
    "grid",
    "estate",
    "organization",
    "staff",
    "household",
    "resident",
    "resident_tag",
    "audit_log",
    "change_log",
    "setting",
)


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def _upgraded_copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(FIXTURES / name, target)
    open_database(f"sqlite:///{target}").close()
    return target


def test_first_schema_database_upgrades_with_every_record(tmp_path: Path) -> None:
    before = _snapshot(FIXTURES / "schema_0001.sqlite")
    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    after = _snapshot(path)
    for table in TABLES:
        assert len(after[table]) >= len(before[table]), table
        assert {r[:3] for r in before[table]} <= {r[:3] for r in after[table]}, table
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    assert conn.execute("SELECT count(*) FROM resident").fetchone() == (69,)


def test_upgraded_database_is_searchable(tmp_path: Path) -> None:
    """0002 backfills the search columns and builds the FTS5 indexes for existing rows."""
    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    conn = sqlite3.connect(path)
    name, address = conn.execute(
        "SELECT r.name, h.address FROM resident r JOIN household h ON h.id = r.household_id "
        "ORDER BY r.id LIMIT 1"
    ).fetchone()
    db = open_database(f"sqlite:///{path}")
    assert db.has_fts
    by_name = search.search_residents(db, ResidentQuery(text=name[-2:]), limit=500)
    by_address = search.search_residents(db, ResidentQuery(text=address[2:7]), limit=500)
    db.close()
    assert name in [r.name for r in by_name]
    assert address in [r.address for r in by_address]


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = _snapshot(path)
    with pytest.raises(UserError) as info:
        open_database(f"sqlite:///{path}")
    assert "更新版本" in info.value.text and "9999" in info.value.text
    assert _snapshot(path) == before
    assert sqlite3.connect(path).execute("SELECT * FROM alembic_version").fetchall() == [("9999",)]


def test_outdated_database_is_backed_up_before_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redoffice.kit.db as dbmod

    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", path)
    upgraded: list[list[Path]] = []
    monkeypatch.setattr(dbmod, "head_revision", lambda: "0002")
    monkeypatch.setattr(dbmod, "_known_revisions", lambda: {"0001", "0002"})
    monkeypatch.setattr(
        dbmod, "upgrade", lambda engine: upgraded.append(list((tmp_path / "backups").glob("*")))
    )
    open_database(f"sqlite:///{path}").close()
    assert len(upgraded) == 1 and len(upgraded[0]) == 1, "backup must exist before the upgrade"
    kept = sqlite3.connect(upgraded[0][0])
    assert kept.execute("SELECT count(*) FROM resident").fetchone() == (69,)


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == script_head()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO accounts (name) VALUES ('x')")
    conn.close()
    with pytest.raises(UserError) as info:
        open_database(f"sqlite:///{path}")
    assert "不是 RedOffice 数据库" in info.value.text
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [
        ("accounts",)
    ]


def test_backups_keep_the_newest_seven_and_daily_one_is_skipped_when_fresh(
    tmp_path: Path,
) -> None:
    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    db = open_database(f"sqlite:///{path}")
    assert backup_if_due(db.engine, tmp_path / "b") is not None
    assert backup_if_due(db.engine, tmp_path / "b") is None
    for _ in range(9):
        backup_sqlite(db.engine, tmp_path / "b")
    db.close()
    assert len(list((tmp_path / "b").glob("*.sqlite"))) == 7


def test_unreadable_file_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "not-a-db.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(UserError) as info:
        open_database(f"sqlite:///{path}")
    assert info.value.text.startswith("无法打开数据库")


def test_upgraded_database_has_a_visit_plan(tmp_path: Path) -> None:
    """The derived visit state of an upgraded database is built on first use."""
    from redoffice.visits import service as visits

    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    db = open_database(f"sqlite:///{path}")
    try:
        plan = visits.visit_plan(db)
        with db.read() as s:
            households = s.scalar(
                select(func.count()).select_from(Household).where(Household.deleted.is_(False))
            )
        assert len(plan) == households  # nobody was visited before visits existed
    finally:
        db.close()


def test_session_two_database_keeps_its_work_and_takes_wishes(tmp_path: Path) -> None:
    """A database at 0006 (visits, cases, meetings, an attachment) upgrades to the 微心愿
    schema: 0007 adds lookup indexes, 0008 rebuilds the attachment table with a new owner."""
    from redoffice.attachments import service as attachments
    from redoffice.wishes import queries as wish_queries
    from redoffice.wishes import service as wishes
    from redoffice.wishes.service import WishInput

    work = ("visit", "case_record", "meeting", "resolution", "attachment")
    conn = sqlite3.connect(FIXTURES / "schema_0006.sqlite")
    columns = {t: ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({t})")) for t in work}

    def rows(table: str) -> list[tuple[object, ...]]:  # the columns it had (later ones added)
        return sorted(conn.execute(f"SELECT {columns[table]} FROM {table}").fetchall(), key=repr)

    before = {t: rows(t) for t in work}
    conn.close()
    path = _upgraded_copy("schema_0006.sqlite", tmp_path)
    conn = sqlite3.connect(path)
    for table in work:
        assert rows(table) == before[table]
    meetings = conn.execute("SELECT cancelled_on, cancel_reason FROM meeting").fetchall()
    assert set(meetings) == {(None, "")}  # 0010: no meeting was cancelled before
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_resident_id_number", "ix_household_address", "uq_wish_claim_live"} <= indexes
    resident = conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    conn.close()
    db = open_database(f"sqlite:///{path}")
    db.actor = "书记"
    try:
        wish = wishes.collect(
            db, WishInput(resident, "一台轮椅", "goods", "300", date(2026, 11, 1), "网格员")
        )
        with db.uow() as s:  # the rebuilt check constraint accepts a wish's photo
            attachments.link(
                s, "wish", wish, [attachments.StoredFile("0" * 64, "image/png", 9, "a")]
            )
        assert wish_queries.get_wishes(db, [wish])[0].status == "collected"
        assert len(attachments.list_for(db, "wish", wish)) == 1
    finally:
        db.close()
