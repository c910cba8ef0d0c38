"""Databases written by earlier versions open, upgrade and keep every record."""

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

import redoffice
import redoffice.kit.db as dbmod
from redoffice.audit import chain, history
from redoffice.audit.history import Change
from redoffice.kit import audit_log, records
from redoffice.kit.backups import backup_if_due, backup_sqlite
from redoffice.kit.db import (
    Database,
    head_revision,
    make_engine,
    open_database,
    script_head,
)
from redoffice.kit.errors import UserError
from redoffice.models import AuditBatch, AuditLog, Grid, Household, Staff, SyncCounter
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


def test_a_database_opened_by_a_newer_release_names_the_version_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each program stamps its version on the database it opens (never lowering a newer
    one's stamp); a program too old for the schema says which version to install."""
    path = tmp_path / "office.sqlite"
    url = f"sqlite:///{path}"
    open_database(url, create=True).close()
    stamp = "SELECT version FROM app_release"
    assert sqlite3.connect(path).execute(stamp).fetchall() == [(redoffice.__version__,)]
    monkeypatch.setattr(dbmod, "__version__", "9.1.0")  # a newer release opens it
    open_database(url).close()
    monkeypatch.setattr(dbmod, "__version__", redoffice.__version__)  # the older one again
    open_database(url).close()  # same schema: it opens, and leaves the newer stamp
    assert sqlite3.connect(path).execute(stamp).fetchall() == [("9.1.0",)]
    conn = sqlite3.connect(path)
    with conn:  # the newer release also moved the schema on
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = _snapshot(path)
    with pytest.raises(UserError) as info:
        open_database(url)
    assert "RedOffice 9.1.0 或更新版本" in info.value.text and "9999" in info.value.text
    assert _snapshot(path) == before
    monkeypatch.setattr(dbmod, "__version__", "9.1.0")  # stamped by this very version: no
    with pytest.raises(UserError) as info:  # version to name, only that the schema is newer
        open_database(url)
    assert "请升级本软件" in info.value.text and "9.1.0" not in info.value.text
    assert _snapshot(path) == before


def test_outdated_database_is_backed_up_before_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def test_the_daily_backup_is_skipped_when_fresh_and_one_copy_a_day_is_kept(
    tmp_path: Path,
) -> None:
    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    db = open_database(f"sqlite:///{path}")
    assert backup_if_due(db.engine, tmp_path / "b") is not None
    assert backup_if_due(db.engine, tmp_path / "b") is None
    for _ in range(9):
        newest = backup_sqlite(db.engine, tmp_path / "b")
    db.close()
    assert list((tmp_path / "b").glob("*.sqlite")) == [newest]


def test_unreadable_file_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "not-a-db.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(UserError) as info:
        open_database(f"sqlite:///{path}")
    assert info.value.text.startswith("无法打开数据库")


def test_upgraded_database_has_a_visit_plan(tmp_path: Path) -> None:
    """The derived visit state of an upgraded database is built when the program starts
    (``bring_plan_current``, a write: reading the plan never writes)."""
    from redoffice.visits import service as visits

    path = _upgraded_copy("schema_0001.sqlite", tmp_path)
    db = open_database(f"sqlite:///{path}")
    try:
        assert visits.bring_plan_current(db)
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


# -- 0011/0012: sync state on the rows, the lean hash-chained audit ----------------------------

SYNCED = tuple(sorted(records.RECORD_TABLES))


def _logged_seqs(path: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(table, row) -> (latest, first) sequence number in a pre-0011 database's change log."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT table_name, row_id, max(seq), min(seq) FROM change_log GROUP BY 1, 2"
        )
        return {(t, r): (hi, lo) for t, r, hi, lo in rows}
    finally:
        conn.close()


def _row_seqs(path: Path) -> dict[tuple[str, str], tuple[int, int]]:
    conn = sqlite3.connect(path)
    try:
        return {
            (table, row_id): (sync_seq, created_seq)
            for table in SYNCED
            for row_id, sync_seq, created_seq in conn.execute(
                f"SELECT id, sync_seq, created_seq FROM {table}"
            )
        }
    finally:
        conn.close()


def _old_audit(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT actor, action, table_name, row_id FROM audit_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["schema_0001.sqlite", "schema_0006.sqlite"])
def test_upgrade_keeps_every_row_and_sequence_number(name: str, tmp_path: Path) -> None:
    """Each logged row's sync_seq is its latest log entry and created_seq its first; a row the
    log never saw gets a number above them all, which the counter has passed."""
    logged, audit = _logged_seqs(FIXTURES / name), _old_audit(FIXTURES / name)
    path = _upgraded_copy(name, tmp_path)
    seqs = _row_seqs(path)
    assert set(logged) <= set(seqs)
    assert {key: seqs[key] for key in logged} == logged
    top = max(hi for hi, _lo in logged.values())
    assert {seqs[key] for key in set(seqs) - set(logged)} <= {(top + 1, top + 1)}
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT last_seq FROM sync_counter").fetchone()[0] == max(
        hi for hi, _lo in seqs.values()
    )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "change_log" not in tables
    kept = conn.execute("SELECT actor, action, table_name, row_id FROM audit_log ORDER BY id")
    assert kept.fetchall() == [*audit, ("system", "upgrade", "audit_batch", "1")]
    conn.close()
    db = open_database(f"sqlite:///{path}")
    try:
        assert chain.verify(db) == chain.Verdict(True, len(audit) + 1)
    finally:
        db.close()


def _at_0010(url: str) -> Engine:
    """An empty database migrated to 0010 (what the previous version created)."""
    from alembic import command

    engine = make_engine(url)
    cfg = dbmod._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    return engine


G1, G2, STAFF = (f"0190aaaa-0000-7000-8000-00000000000{n}" for n in (1, 2, 3))
AT = "2026-11-02 08:00:00"


def _as_0010_wrote(engine: Engine) -> None:
    """What 0010's change capture wrote: a grid created, renamed and soft-deleted (log seqs 1,
    3, 4), another created (2), a 工作人员 never logged; the audit with whole rows, a removed
    setting and an unmasked export."""
    g1 = {"code": "G01", "name": "一网格", "id": G1, "version": 1, "deleted": False}
    renamed = g1 | {"name": "第一网格", "version": 2}
    gone = renamed | {"deleted": True, "version": 3}
    g2 = {"code": "G02", "name": "二", "id": G2, "version": 1, "deleted": False}
    row = "owner_node, version, updated_at, deleted"
    with engine.begin() as conn:
        for values in (gone, g2):
            conn.execute(
                text(
                    f"INSERT INTO grid (id, code, name, notes, {row}) "
                    "VALUES (:id, :code, :name, '', 'n', :version, :at, :deleted)"
                ),
                values | {"at": AT},
            )
        conn.execute(
            text(
                f"INSERT INTO staff (id, name, role, phone, notes, {row}) "
                "VALUES (:id, '李四', 'grid_worker', '', '', 'n', 1, :at, false)"
            ),
            {"id": STAFF, "at": AT},
        )
        for seq, values in ((1, g1), (2, g2), (3, renamed), (4, gone)):
            conn.execute(
                text(
                    "INSERT INTO change_log (channel, seq, epoch, table_name, row_id, op, "
                    "version, base_version, payload, created_at) VALUES ('street', :seq, 1, "
                    "'grid', :id, 'upsert', :version, :version - 1, :payload, :at)"
                ),
                {"seq": seq, "id": values["id"], "version": values["version"], "at": AT}
                | {"payload": json.dumps(values)},
            )
        conn.execute(text("UPDATE sync_counter SET last_seq = 4"))
        old = [
            ("create", "grid", G1, None, g1),
            ("create", "grid", G2, None, g2),
            ("update", "grid", G1, g1, renamed),
            ("delete", "grid", G1, renamed, gone),
            ("delete", "setting", "operator", {"key": "operator", "value": '"张三"'}, None),
            ("export", "residents", "*", None, {"unmasked": True, "rows": 5}),
        ]
        for action, table, row_id, before, after in old:
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, actor, action, table_name, row_id, before, after) "
                    "VALUES (:at, '张三', :action, :table, :row, :before, :after)"
                ),
                {"at": AT, "action": action, "table": table, "row": row_id}
                | {"before": before and json.dumps(before), "after": after and json.dumps(after)},
            )


def _check_upgraded(db: Database) -> None:
    with db.read() as s:
        seqs = {r[0]: r[1] for r in s.execute(select(Grid.id, Grid.sync_seq))}
        created = {r[0]: r[1] for r in s.execute(select(Grid.id, Grid.created_seq))}
        staff = s.execute(select(Staff.sync_seq, Staff.created_seq)).one()
        counter = s.scalar(select(SyncCounter.last_seq))
        entries = s.execute(select(AuditLog.id, AuditLog.action, AuditLog.fields)).all()
    assert (seqs, created) == ({G1: 4, G2: 2}, {G1: 1, G2: 2})
    assert tuple(staff) == (5, 5) and counter == 5  # fresh, above the log
    actions = ["create", "create", "update", "delete", "delete", "export", "upgrade"]
    assert [(e.id, e.action) for e in entries] == list(enumerate(actions, start=1))
    fields = [None if e.fields is None else json.loads(e.fields) for e in entries]
    assert fields[:6] == [
        None,
        None,
        {"name": ["一网格", "第一网格"]},
        {"deleted": [False, True]},
        {"key": ["operator", None], "value": ['"张三"', None]},
        {"unmasked": True, "rows": 5},
    ]
    assert fields[6]["entries"] == 6 and fields[6]["counts"]["grid"] == {
        "create": 2,
        "delete": 1,
        "update": 1,
    }
    assert chain.verify(db) == chain.Verdict(True, 7)
    created_entry, renamed, deleted = history.history(db, "grid", G1)
    assert created_entry.how == "升级前录入，录入方式未记录"
    assert Change("网格名称", "—", "一网格") in created_entry.changes
    assert renamed.changes == (Change("网格名称", "一网格", "第一网格"),)
    assert deleted.action == "delete"


def _batches_follow(db: Database) -> None:
    """The first imports or demos after the upgrade get batches of their own (the legacy batch's
    id did not leave PostgreSQL's serial sequence behind)."""
    db.actor = "张三"
    for code in ("G8", "G9"):
        with db.uow() as s, audit_log.batch(s, "demo"):
            s.add(Grid(code=code, name=code))
    with db.read() as s:
        kinds = s.execute(select(AuditBatch.id, AuditBatch.kind).order_by(AuditBatch.id)).all()
    assert [kind for _id, kind in kinds] == ["legacy", "demo", "demo"]
    assert chain.verify(db) == chain.Verdict(True, 9)


def test_a_0010_database_upgrades_with_its_sequences_and_audit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v0010.sqlite'}"
    _as_0010_wrote(_at_0010(url))
    db = open_database(url)
    try:
        _check_upgraded(db)
        _batches_follow(db)
    finally:
        db.close()


@pytest.mark.postgresql
def test_a_0010_postgresql_database_upgrades_with_its_sequences_and_audit(
    pg_server: str,
) -> None:
    name = "upgrade_from_0010"
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine = _at_0010(f"{pg_server}/{name}")
    _as_0010_wrote(engine)
    engine.dispose()
    db = open_database(f"{pg_server}/{name}")
    try:
        _check_upgraded(db)
        _batches_follow(db)
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name}"))
        admin.dispose()


def test_an_upgrade_that_frees_much_of_the_file_gives_it_back(tmp_path: Path) -> None:
    """0011/0012 drop the change log and rewrite the audit: the file is compacted (VACUUM)."""
    path = _upgraded_copy("schema_0006.sqlite", tmp_path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
    finally:
        conn.close()
    # smaller than before, but for the page each table and index of 0017 (empty) takes
    assert path.stat().st_size < (FIXTURES / "schema_0006.sqlite").stat().st_size + _street(path)


STREET_TABLES = (
    "street_decision",
    "street_reply",
    "street_notice",
    "notice_completion",
    "street_inbox",
)


def _street(path: Path) -> int:
    """The bytes the empty tables and indexes of migration 0017 take (a page each)."""
    conn = sqlite3.connect(path)
    try:
        marks = ",".join("?" for _ in STREET_TABLES)
        chosen = f"SELECT count(*) FROM sqlite_master WHERE rootpage > 0 AND tbl_name IN ({marks})"
        count = conn.execute(chosen, STREET_TABLES).fetchone()[0]
        return int(count) * int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
