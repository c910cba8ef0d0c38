"""``redoffice-cli audit verify``: the hash-chained audit log is intact, or the first entry that
was altered, removed or inserted outside the application is named (edits made with raw SQL)."""

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from redoffice.audit import chain, history
from redoffice.cli import main
from redoffice.kit.audit_log import entry_hash
from redoffice.kit.db import Database, open_database
from redoffice.kit.errors import UserError
from redoffice.models import AuditBatch, AuditLog, Estate, Household, Resident
from redoffice.registry import importer
from redoffice.registry import reference as registry
from redoffice.registry.reference import GridInput
from tests import excel_corpus as corpus
from tests.conftest import OPERATOR


@pytest.fixture
def dbfile(sqlite_db: Database) -> Iterator[Path]:
    """A database with a few entries: the set-up, two grids created, one renamed and deleted."""
    first = registry.save_grid(sqlite_db, GridInput(code="G01", name="第一网格"))
    registry.save_grid(sqlite_db, GridInput(code="G02", name="第二网格"))
    registry.save_grid(sqlite_db, GridInput(code="G01", name="一网格"), first)
    path = Path(str(sqlite_db.engine.url.database))
    sqlite_db.close()
    yield path


def _sql(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        for statement in statements:
            conn.execute(statement)


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def _verify(path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "audit", "verify", *flags])
    return code, capsys.readouterr().out


def _report(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code, out = _verify(path, capsys, "--json")
    return code, json.loads(out)


def test_an_intact_chain_passes(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = _count(dbfile)
    assert entries > 4
    assert _report(dbfile, capsys) == (
        0,
        {"ok": True, "entries": entries, "first_bad": None, "reason": None},
    )
    assert _verify(dbfile, capsys) == (0, f"审计记录完整：共 {entries} 条，哈希链未断\n")


def test_an_altered_entry_is_named(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(dbfile, "UPDATE audit_log SET actor = '王五' WHERE id = 3")
    code, report = _report(dbfile, capsys)
    assert (code, report["ok"], report["first_bad"], report["reason"]) == (1, False, 3, "altered")
    assert _verify(dbfile, capsys)[1].startswith(
        "审计记录不完整：第 3 条审计记录在程序之外被修改过"
    )


def test_an_entry_altered_and_rehashed_is_named(
    dbfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its own hash matches again; the next entry no longer follows it."""
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        e = s.get(AuditLog, 3)
    db.close()
    assert e is not None
    forged = entry_hash(
        3, e.at, "王五", e.action, e.table_name, e.row_id, e.fields, None, e.prev_hash
    )
    with closing(sqlite3.connect(dbfile)) as conn, conn:
        conn.execute("UPDATE audit_log SET actor = '王五', hash = ? WHERE id = 3", (forged,))
    code, report = _report(dbfile, capsys)
    assert (code, report["first_bad"], report["reason"]) == (1, 3, "altered")


@pytest.mark.parametrize("where", ["id = 3", "id = (SELECT max(id) FROM audit_log)"])
def test_a_removed_entry_is_named(
    dbfile: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    gone = 3 if where == "id = 3" else _count(dbfile)
    _sql(dbfile, f"DELETE FROM audit_log WHERE {where}")
    code, report = _report(dbfile, capsys)
    assert (code, report["first_bad"], report["reason"]) == (1, gone, "removed")
    assert f"第 {gone} 条审计记录在程序之外被删除了" in _verify(dbfile, capsys)[1]


def test_an_inserted_entry_is_named(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = _count(dbfile)
    _sql(
        dbfile,
        "INSERT INTO audit_log "
        "(id, at, actor, action, table_name, row_id, fields, prev_hash, hash) "
        'SELECT id + 1, at, actor, \'update\', table_name, row_id, \'{"name": ["a", "b"]}\', '
        "hash, hash FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
    )
    code, report = _report(dbfile, capsys)
    assert (code, report["first_bad"], report["reason"]) == (1, last + 1, "inserted")
    assert f"第 {last + 1} 条审计记录是在程序之外插入的" in _verify(dbfile, capsys)[1]


def test_a_removed_chain_head_is_reported(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(dbfile, "DELETE FROM audit_chain")
    code, out = _verify(dbfile, capsys)
    assert (code, out) == (1, "审计记录不完整：哈希链的链头记录在程序之外被删除了\n")


def test_without_the_chain_head_a_save_is_refused_in_words(dbfile: Path) -> None:
    _sql(dbfile, "DELETE FROM audit_chain")
    entries = _count(dbfile)
    db = open_database(f"sqlite:///{dbfile}")
    db.actor = OPERATOR
    try:
        with pytest.raises(UserError, match="审计记录的链头在程序之外被删除了"):
            registry.save_grid(db, GridInput(code="G09", name="第九网格"))
    finally:
        db.close()
    assert _count(dbfile) == entries


def test_the_first_entry_altered_and_rehashed_is_named_as_itself(
    dbfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entry 1 follows no entry: a changed prev_hash is entry 1's own alteration (not 第 0 条)."""
    db = open_database(f"sqlite:///{dbfile}")
    try:
        with db.engine.begin() as conn:
            e = conn.execute(select(AuditLog).where(AuditLog.id == 1)).one()
            prev = b"\x01" * 32
            digest = entry_hash(
                1, e.at, e.actor, e.action, e.table_name, e.row_id, e.fields, e.batch_id, prev
            )
            conn.execute(
                update(AuditLog).where(AuditLog.id == 1).values(prev_hash=prev, hash=digest)
            )
    finally:
        db.close()
    code, report = _report(dbfile, capsys)
    assert (code, report["first_bad"], report["reason"]) == (1, 1, "altered")
    assert "第 1 条审计记录在程序之外被修改过" in _verify(dbfile, capsys)[1]


@pytest.mark.postgresql
@pytest.mark.real_commits
def test_verify_reads_postgresql_too(pg_db: Database) -> None:
    registry.save_grid(pg_db, GridInput(code="G01", name="第一网格"))
    verdict = chain.verify(pg_db)
    assert verdict.ok and verdict.entries > 1
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = '王五' WHERE id = 2")
    assert chain.verify(pg_db) == chain.Verdict(False, 2, 2, "altered")


def test_entries_written_after_a_verify_keep_the_chain(dbfile: Path) -> None:
    db = open_database(f"sqlite:///{dbfile}")
    db.actor = OPERATOR
    try:
        registry.save_grid(db, GridInput(code="G03", name="第三网格"))
        assert chain.verify(db) == chain.Verdict(True, _count(dbfile))
    finally:
        db.close()


@pytest.mark.real_commits
def test_verify_reads_the_head_and_the_entries_in_one_snapshot(db: Database) -> None:
    """A clerk saving while the chain is read: the entry is in neither the head nor the
    entries read (no false "inserted"), and the next check counts it."""
    saved: list[str] = []

    def meanwhile(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("SELECT id, at, actor") and not saved:
            saved.append("G07")
            registry.save_grid(db, GridInput(code="G07", name="第七网格"))

    with db.read() as s:
        before = int(s.scalar(select(func.count()).select_from(AuditLog)) or 0)
    event.listen(db.engine, "before_cursor_execute", meanwhile)
    try:
        assert chain.verify(db) == chain.Verdict(True, before)
    finally:
        event.remove(db.engine, "before_cursor_execute", meanwhile)
    assert saved and chain.verify(db) == chain.Verdict(True, before + 1)


def _demo_file(demo_db: Database) -> Path:
    return Path(str(demo_db.engine.url.database))


def _demo_batch(demo_db: Database) -> tuple[int, int]:
    """The demo's batch id and the id of its chained entry."""
    with demo_db.read() as s:
        batch = s.scalars(select(AuditBatch).where(AuditBatch.kind == "demo")).one()
        entry = s.scalar(select(AuditLog.id).where(AuditLog.batch_id == batch.id))
    assert entry is not None
    return batch.id, entry


def _first_resident(demo_db: Database) -> str:
    with demo_db.read() as s:
        found = s.scalars(select(Resident.id).order_by(Resident.id)).first()
    assert found is not None
    return found


def test_a_batch_row_altered_outside_is_named_and_history_keeps_the_chain(
    demo_db: Database,
) -> None:
    """The 录入方式 is read from the chained entry, not from the audit_batch row it repeats."""
    batch, entry = _demo_batch(demo_db)
    rid = _first_resident(demo_db)
    assert chain.verify(demo_db).ok
    _sql(
        _demo_file(demo_db),
        "UPDATE audit_batch SET kind = 'import', file_name = '街道下发名单.xlsx', "
        f"sha256 = 'ab' || substr(sha256, 3) WHERE id = {batch}",
    )
    verdict = chain.verify(demo_db)
    assert (verdict.ok, verdict.first_bad, verdict.reason) == (False, entry, "batch")
    assert verdict.text().startswith(f"审计记录不完整：第 {entry} 条审计记录所记的导入批次")
    assert history.history(demo_db, "resident", rid)[0].how == "演示数据"
    assert history.batch_records(demo_db, batch)["resident"]


def test_a_record_moved_out_of_its_batch_is_found(demo_db: Database) -> None:
    """A row's created_seq changed outside: its batch no longer has the records it counts."""
    _batch, entry = _demo_batch(demo_db)
    rid = _first_resident(demo_db)
    _sql(
        _demo_file(demo_db),
        f"UPDATE resident SET created_seq = created_seq + 1000 WHERE id = '{rid}'",
    )
    verdict = chain.verify(demo_db)
    assert (verdict.ok, verdict.first_bad, verdict.reason) == (False, entry, "records")
    assert "记录数与数据库不符" in verdict.text()


def test_imports_and_hand_entries_keep_the_batches_in_agreement(
    demo_db: Database, tmp_path: Path
) -> None:
    """An import (creating and updating rows) after the demo, and a hand entry: all agree."""
    path = corpus.two_row_header(tmp_path)
    importer.apply_import(demo_db, importer.plan_import(demo_db, path))
    registry.save_grid(demo_db, GridInput(code="G99", name="九十九"))
    with demo_db.read() as s:
        entries = int(s.scalar(select(func.count()).select_from(AuditLog)) or 0)
    assert chain.verify(demo_db) == chain.Verdict(True, entries)


def test_a_renamed_estate_adds_one_entry_and_the_chain_holds(demo_db: Database) -> None:
    """The households whose addresses follow the new name are stamped, not entered: the chain
    grows by the estate's entry alone and verifies, the demo's batch still counts its rows."""
    with demo_db.read() as s:
        estate = s.scalars(select(Estate).order_by(Estate.id)).first()
        assert estate is not None
        homes = s.scalar(select(func.count()).where(Household.estate_id == estate.id)) or 0
        data = registry.EstateInput(
            estate.name + "新苑",
            estate.address,
            estate.property_company_id,
            estate.owners_committee_id,
            estate.notes,
        )
    before = chain.verify(demo_db)
    registry.save_estate(demo_db, data, estate.id)
    assert homes > 1 and before.ok
    assert chain.verify(demo_db) == chain.Verdict(True, before.entries + 1)
