"""Change capture: the sync state on the rows (one sequence number per transaction) and the lean,
hash-chained audit log, written in the same transaction as the change (decision 0012)."""

import hashlib
import json
import re
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Table, delete, event, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from redoffice.audit import history
from redoffice.audit.history import Change
from redoffice.demo.build import create_demo
from redoffice.kit import audit_log, changes, clock, records, sync_state, touched
from redoffice.kit.audit_log import GENESIS, entry_hash
from redoffice.kit.db import Database
from redoffice.kit.errors import ValidationFailed
from redoffice.kit.ids import new_id
from redoffice.kit.validation import natural_key, spaced_chars
from redoffice.models import (
    DERIVED_COLUMNS,
    AuditBatch,
    AuditChain,
    AuditLog,
    Base,
    Grid,
    Household,
    Resident,
    ResidentTag,
    SyncCounter,
)
from redoffice.registry import importer, residents
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.reference import EstateInput, GridInput
from redoffice.settings import config
from tests import excel_corpus as corpus
from tests.factories import add_resident, setup_place


def _entries(db: Database, start: int = 0) -> list[AuditLog]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.id > start).order_by(AuditLog.id)))


def _last_entry(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.coalesce(func.max(AuditLog.id), 0))) or 0)


def _counter(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(SyncCounter.last_seq)) or 0)


def _seqs(db: Database, grid: str) -> tuple[int, int]:
    with db.read() as s:
        row = s.execute(select(Grid.sync_seq, Grid.created_seq).where(Grid.id == grid)).one()
    return int(row.sync_seq), int(row.created_seq)


def test_each_change_stamps_the_next_sequence_number_on_the_row(db: Database) -> None:
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    created, _ = _seqs(db, grid)
    assert _seqs(db, grid) == (created, created) == (_counter(db), created)
    registry.save_grid(db, GridInput(code="G01", name="一网格"), grid)
    records.set_deleted(db, "grid", grid, True)  # the tombstone travels as the row
    records.set_deleted(db, "grid", grid, False)
    assert _seqs(db, grid) == (created + 3, created) and _counter(db) == created + 3
    with db.read() as s:
        assert s.scalar(select(Grid.version).where(Grid.id == grid)) == 4


def test_a_package_holds_the_rows_changed_since_the_acknowledged_number(db: Database) -> None:
    """Latest states above the acknowledged sequence number; a deletion as its tombstone."""
    kept = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    gone = registry.save_grid(db, GridInput(code="G02", name="第二网格"))
    acknowledged = _counter(db)
    registry.save_grid(db, GridInput(code="G01", name="一网格"), kept)
    records.set_deleted(db, "grid", gone, True)
    added = registry.save_grid(db, GridInput(code="G03", name="第三网格"))
    with db.read() as s:
        package = sync_state.changed_since(s, Grid, acknowledged, _counter(db))
    assert [(g.id, g.name, g.deleted) for g in package] == [
        (kept, "一网格", False),
        (gone, "第二网格", True),
        (added, "第三网格", False),
    ]
    with db.read() as s:
        assert sync_state.changed_since(s, Grid, _counter(db), _counter(db)) == []
        bounded = sync_state.changed_since(s, Grid, acknowledged, acknowledged + 1)
        assert [g.id for g in bounded] == [kept]


@pytest.mark.real_commits
def test_a_package_is_read_in_one_snapshot_up_to_its_bound(db: Database) -> None:
    """What commits while the exporter reads is neither in the package nor lost: the package
    is the state at its ``seq_to``, the next one starts above it."""
    kept = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    with sync_state.snapshot(db.engine) as conn, Session(conn) as s:
        seq_to = sync_state.last_seq(s)
        registry.save_grid(db, GridInput(code="G01", name="一网格"), kept)  # another clerk
        added = registry.save_grid(db, GridInput(code="G02", name="第二网格"))
        assert sync_state.last_seq(s) == seq_to
        package = sync_state.changed_since(s, Grid, seq_to - 1, seq_to)
        assert [(g.id, g.name) for g in package] == [(kept, "第一网格")]
    with db.read() as s:
        later = sync_state.changed_since(s, Grid, seq_to, sync_state.last_seq(s))
    assert [(g.id, g.name) for g in later] == [(kept, "一网格"), (added, "第二网格")]


def test_one_transaction_takes_one_number_for_all_its_rows(db: Database) -> None:
    start = _counter(db)
    with db.uow() as s:
        first, second = Grid(code="G1", name="一"), Grid(code="G2", name="二")
        s.add_all([first, second])
        s.flush()
        first.name = "一网格"
        s.flush()
    assert _seqs(db, first.id) == _seqs(db, second.id) == (start + 1, start + 1)
    assert _counter(db) == start + 1


def test_a_savepoint_rolled_back_gives_its_number_back(db: Database) -> None:
    start = _counter(db)
    with db.uow() as s:
        with pytest.raises(RuntimeError), s.begin_nested():
            s.add(Grid(code="G1", name="一"))
            s.flush()
            raise RuntimeError("undone")
        kept = Grid(code="G2", name="二")
        s.add(kept)
    assert _seqs(db, kept.id) == (start + 1, start + 1) and _counter(db) == start + 1


def test_a_released_savepoint_hands_its_number_to_the_transaction(db: Database) -> None:
    """A row written in a savepoint that was released, another after it: one number."""
    start = _counter(db)
    with db.uow() as s:
        with s.begin_nested():
            first = Grid(code="G1", name="一")
            s.add(first)
            s.flush()
        second = Grid(code="G2", name="二")
        s.add(second)
    assert _seqs(db, first.id) == _seqs(db, second.id) == (start + 1, start + 1)
    assert _counter(db) == start + 1


def test_a_savepoint_rolled_back_gives_back_the_numbers_of_those_released_in_it(
    db: Database,
) -> None:
    start = _counter(db)
    with db.uow() as s:
        with pytest.raises(RuntimeError), s.begin_nested():
            with s.begin_nested():
                s.add(Grid(code="G1", name="一"))
                s.flush()
            raise RuntimeError("undone")
        with s.begin_nested():
            pass  # a savepoint released, with no number: nothing to hand up
        kept = Grid(code="G2", name="二")
        s.add(kept)
    assert _seqs(db, kept.id) == (start + 1, start + 1) and _counter(db) == start + 1


def test_rolled_back_action_leaves_no_entry_and_no_number(db: Database) -> None:
    add_resident(db, "王小明")
    last, seq = _last_entry(db), _counter(db)
    with pytest.raises(ValidationFailed):
        add_resident(db, "王小明")  # same ID number
    with pytest.raises(RuntimeError), db.uow() as s:
        s.add(Grid(code="G9", name="九"))
        s.flush()
        raise RuntimeError("power cut")
    assert (_last_entry(db), _counter(db)) == (last, seq)


def test_an_update_keeps_the_changed_fields_only_and_a_create_no_copy(db: Database) -> None:
    start = _last_entry(db)
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    db.actor = "李网格员"
    registry.save_grid(db, GridInput(code="G01", name="一网格"), grid)
    records.set_deleted(db, "grid", grid, True)
    created, renamed, deleted = _entries(db, start)
    assert (created.action, created.table_name, created.row_id, created.fields) == (
        "create",
        "grid",
        grid,
        None,
    )
    assert (renamed.actor, renamed.action) == ("李网格员", "update")
    assert json.loads(renamed.fields or "") == {"name": ["第一网格", "一网格"]}
    assert deleted.action == "delete"
    assert json.loads(deleted.fields or "") == {"deleted": [False, True]}


def test_unchanged_save_writes_nothing(db: Database) -> None:
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    last, seqs = _last_entry(db), _seqs(db, grid)
    registry.save_grid(db, GridInput(code="G01", name="第一网格"), grid)
    assert (_last_entry(db), _seqs(db, grid)) == (last, seqs)


def _addresses(db: Database, ids: list[str]) -> dict[str, tuple[str, str, str, int, int]]:
    """Each household's address, search and sort keys, sync_seq and version."""
    h = Household
    query = select(h.id, h.address, h.search_address, h.address_sort, h.sync_seq, h.version)
    with db.read() as s:
        return {r[0]: tuple(r[1:]) for r in s.execute(query.where(h.id.in_(ids)))}  # type: ignore[misc]


def test_renaming_an_estate_is_one_entry_not_one_per_household(db: Database) -> None:
    """The rename is the one change a person made: the households' addresses and their search
    and sort keys follow from it (derived columns). They change, and travel to the street
    office with a new sync_seq, but get no entry, and their histories show no change."""
    _grid, estate, first = setup_place(db)
    homes = [first] + [
        save_household(db, HouseholdInput(estate_id=estate, building="5", room=f"10{n}"))
        for n in range(3)
    ]
    before = _addresses(db, homes)
    start = _last_entry(db)
    registry.save_estate(db, EstateInput(name="朝阳新苑", address="解放路1号"), estate)
    (entry,) = _entries(db, start)
    assert (entry.action, entry.table_name, entry.row_id) == ("update", "estate", estate)
    assert json.loads(entry.fields or "") == {"name": ["阳光花园", "朝阳新苑"]}
    seq, after = _counter(db), _addresses(db, homes)
    assert after[first][:3] == (
        "朝阳新苑3栋2单元301室",
        spaced_chars("朝阳新苑3栋2单元301室"),
        natural_key("朝阳新苑3栋2单元301室"),
    )
    assert {a[0] for a in after.values()} == {"朝阳新苑3栋2单元301室"} | {
        f"朝阳新苑5栋10{n}室" for n in range(3)
    }
    assert all(after[h][3:] == (seq, before[h][4] + 1) for h in homes)  # stamped, versioned
    with db.read() as s:
        package = sync_state.changed_since(s, Household, seq - 1, seq)
    assert {h.id for h in package} == set(homes)
    for home in homes:
        (created,) = history.history(db, "household", home)
        assert created.action == "create" and Change("小区", "—", "朝阳新苑") in created.changes


def test_a_residents_rename_records_the_name_not_its_search_keys(db: Database) -> None:
    rid = add_resident(db, "王芳", phone="13912345678")
    data = residents.get_resident(db, rid).data
    start = _last_entry(db)
    residents.save_resident(db, replace(data, name="李芳芳", phone="13800001111"), rid)
    (entry,) = _entries(db, start)
    assert json.loads(entry.fields or "") == {
        "name": ["王芳", "李芳芳"],
        "phone": ["13912345678", "13800001111"],
    }
    with db.read() as s:
        row = s.get(Resident, rid)
        assert row is not None
        assert (row.name_pinyin, row.name_initials, row.phone_rev) == (
            "lifangfang",
            "lff",
            "11110000831",
        )


DERIVED = [(t, c) for t, columns in sorted(DERIVED_COLUMNS.items()) for c in sorted(columns)]


@pytest.mark.parametrize(("table", "column"), DERIVED)
def test_a_change_of_a_derived_column_alone_writes_no_entry(
    db: Database, table: str, column: str
) -> None:
    """Whichever derived column it is: the row is stamped and versioned as changed (the sync
    carries it), and the audit log stays as it was."""
    _grid, _estate, household = setup_place(db)
    rid = add_resident(db, "王芳", household=household, phone="13912345678")
    model: type[Resident | Household] = Resident if table == "resident" else Household
    row_id = rid if table == "resident" else household
    start, version = _last_entry(db), _version(db, model, row_id)
    with db.uow() as s:
        row = s.get(model, row_id)
        setattr(row, column, "改")
    assert _last_entry(db) == start
    assert _version(db, model, row_id) == version + 1
    seq = _counter(db)
    with db.read() as s:
        assert [r.id for r in sync_state.changed_since(s, model, seq - 1, seq)] == [row_id]


def _version(db: Database, model: type[Base], row_id: str) -> int:
    with db.read() as s:
        row = s.get(model, row_id)
        assert row is not None
        return int(row.version)  # type: ignore[attr-defined]


SEARCH_HELPER = re.compile(r"^search_|_sort$|_rev$|_pinyin$|_initials$")


def test_search_and_sort_keys_are_declared_derived() -> None:
    """Every column named like a search or sort helper is declared derived, so a new one cannot
    slip into the audit's entries or the 变更记录 unnoticed; and nothing declared is audited."""
    helpers = {
        (t.name, c.name)
        for t in Base.metadata.tables.values()
        for c in t.c
        if SEARCH_HELPER.search(c.name)
    }
    assert helpers and helpers <= set(DERIVED)
    assert ("household", "address") in DERIVED
    for table, column in DERIVED:
        mapper = inspect(records.RECORD_TABLES[table])
        assert column not in {name for _key, name in changes.recorded(mapper)}


def test_duplicate_grid_code_is_refused(db: Database) -> None:
    registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    with pytest.raises(ValidationFailed) as info:
        registry.save_grid(db, GridInput(code="G01", name="重复"))
    assert info.value.for_field("code") == ["网格编码“G01”已被“第一网格”使用"]


def test_entries_form_a_hash_chain_ending_at_the_head(db: Database) -> None:
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    registry.save_grid(db, GridInput(code="G01", name="一网格"), grid)
    entries = _entries(db)
    assert [e.id for e in entries] == list(range(1, len(entries) + 1))
    prev = GENESIS
    for e in entries:
        assert e.prev_hash == prev
        fields = (e.at, e.actor, e.action, e.table_name, e.row_id, e.fields, e.batch_id)
        assert e.hash == entry_hash(e.id, *fields, prev)
        prev = e.hash
    with db.read() as s:
        head = s.get(AuditChain, 1)
    assert head is not None and (head.last_id, head.last_hash) == (entries[-1].id, prev)


def test_added_audit_rows_are_refused(db: Database) -> None:
    with pytest.raises(RuntimeError, match="appended"), db.uow() as s:
        s.add(AuditLog(actor="x", action="create", table_name="grid", row_id="1"))


def _grid_rows(db: Database, n: int, first: int = 0) -> list[dict[str, object]]:
    return [
        changes.new_record(db.node_id, code=f"B{i}", name=f"批量{i}")
        for i in range(first, first + n)
    ]


def test_bulk_inserts_are_stamped_and_each_row_entered(db: Database) -> None:
    start, seq = _last_entry(db), _counter(db) + 1
    with db.uow() as s:
        changes.insert_records(s, Grid, _grid_rows(db, 3))
        s.execute(insert(Grid), _grid_rows(db, 2, 3))  # the ORM's bulk INSERT
    with db.read() as s:
        stamped = s.execute(select(Grid.sync_seq, Grid.created_seq).where(Grid.code.like("B%")))
        assert set(stamped) == {(seq, seq)}
    created = _entries(db, start)
    assert [(e.action, e.table_name) for e in created] == [("create", "grid")] * 5


def test_a_bulk_insert_of_one_row_is_entered_with_its_id(db: Database) -> None:
    """One row: every column the same object in every row (there is one) — its id is still
    its own, entered in the audit log."""
    start = _last_entry(db)
    [row] = _grid_rows(db, 1)
    with db.uow() as s:
        changes.insert_records(s, Grid, [row])
    with db.read() as s:
        assert s.scalar(select(Grid.code).where(Grid.id == row["id"])) == "B0"
    assert [(e.action, e.row_id) for e in _entries(db, start)] == [("create", row["id"])]


def test_rows_given_as_tuples_with_dates_keep_each_rows_values(db: Database) -> None:
    """Rows as tuples, a date column converted for the driver in place: each row's own."""
    _grid, _estate, household = setup_place(db)
    resident = add_resident(db, "张三", household=household)
    days = [date(2026, 1, 1) + timedelta(days=i % 7) for i in range(300)]
    values = [(new_id(), resident, f"t{i}", day) for i, day in enumerate(days)]
    shared = {"until": None, "note": ""}
    with db.uow() as s:
        changes.insert_rows(
            s, ResidentTag, changes.Rows(("id", "resident_id", "tag", "since"), values, shared)
        )
    with db.read() as s:
        stored = dict(s.execute(select(ResidentTag.tag, ResidentTag.since)).all())
    assert stored == {f"t{i}": day for i, day in enumerate(days)}


def test_bulk_inserts_of_many_statements_keep_every_row(db: Database) -> None:
    """SQLite takes the rows many to a statement (999 parameters: ~110 grids of 9 columns),
    the last ones one by one, a column holding the same object in every row (owner, version,
    one instant, the sequence numbers) bound once per statement: none lost, none mixed up."""
    now, seq = clock.utcnow(), _counter(db) + 1
    rows = [dict(row, updated_at=now) for row in _grid_rows(db, 250)]
    with db.uow() as s:
        changes.insert_records(s, Grid, rows)
    columns = (Grid.code, Grid.name, Grid.owner_node, Grid.version, Grid.deleted, Grid.sync_seq)
    with db.read() as s:
        stored = s.execute(select(*columns, Grid.updated_at).where(Grid.code.like("B%"))).all()
    assert {r[:6] for r in stored} == {
        (f"B{i}", f"批量{i}", db.node_id, 1, False, seq) for i in range(250)
    }
    assert {r.updated_at.replace(tzinfo=None) for r in stored} == {now.replace(tzinfo=None)}


def test_bulk_updates_and_deletes_are_refused_everywhere(db: Database) -> None:
    """A bulk UPDATE would change rows without their field entries (and, by primary key,
    without a new version): refused outside a batch and inside one alike."""
    grid = registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    before = (_seqs(db, grid), _counter(db), _last_entry(db))
    by_key = [{"id": grid, "name": "改"}]
    with pytest.raises(RuntimeError, match="bulk UPDATE"), db.uow() as s:
        s.execute(update(Grid).where(Grid.id == grid).values(name="改"))
    with pytest.raises(RuntimeError, match="bulk UPDATE"), db.uow() as s:
        s.execute(update(Grid), by_key)
    for in_batch in (
        lambda s: s.execute(update(Grid).where(Grid.id == grid).values(name="改")),
        lambda s: s.execute(update(Grid), by_key),
    ):
        with (
            pytest.raises(RuntimeError, match="bulk UPDATE"),
            db.uow() as s,
            audit_log.batch(s, "import"),
        ):
            in_batch(s)
    with pytest.raises(RuntimeError, match="soft-deleted"), db.uow() as s:
        s.execute(delete(Grid).where(Grid.id == grid))
    with pytest.raises(RuntimeError, match="batch"), db.uow() as s:
        s.execute(insert(Grid).values(**_grid_rows(db, 1, 7)[0]))
    assert (_seqs(db, grid), _counter(db), _last_entry(db)) == before
    with db.read() as s:
        assert s.scalar(select(Grid.name).where(Grid.id == grid)) == "第一网格"


def test_a_batch_is_one_entry_naming_the_file_and_its_rows(db: Database, tmp_path: Path) -> None:
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(b"ledger")
    resident = add_resident(db, "王芳")
    start = _last_entry(db)
    with db.uow() as s, audit_log.batch(s, "import", audit_log.SourceFile.of(ledger)) as batch:
        changes.insert_records(s, Grid, _grid_rows(db, 4))
        s.add(Grid(code="G99", name="新网格"))
        found = s.get(Resident, resident)
        assert found is not None
        found.notes = "导入时补充"
    renamed, entry = _entries(db, start)
    assert (renamed.action, renamed.batch_id) == ("update", batch.id)
    assert (entry.action, entry.table_name, entry.batch_id) == ("import", "audit_batch", batch.id)
    details = json.loads(entry.fields or "")
    assert details["file"] == "台账.xlsx"
    assert (
        details["sha256"] == audit_log.file_sha256(ledger) == hashlib.sha256(b"ledger").hexdigest()
    )
    assert details["counts"] == {"grid": {"create": 5}, "resident": {"update": 1}}
    with db.read() as s:
        row = s.get(AuditBatch, batch.id)
        assert row is not None and row.sha256 == audit_log.file_sha256(ledger)
        listed = s.scalars(select(Grid.code).where(Grid.created_seq == row.seq)).all()
    assert sorted(listed) == ["B0", "B1", "B2", "B3", "G99"]


@pytest.mark.parametrize("then", ["removed", "replaced"])
def test_an_import_names_the_file_as_previewed(db: Database, tmp_path: Path, then: str) -> None:
    """The SHA-256 is taken when the dry run reads the file: the file removed or replaced
    before the import is confirmed neither fails the import nor changes what the audit says."""
    setup_place(db)
    path = corpus.two_row_header(tmp_path)
    previewed = hashlib.sha256(path.read_bytes()).hexdigest()
    plan = importer.plan_import(db, path)
    if then == "removed":
        path.unlink()
    else:
        path.write_bytes(b"another file")
    assert importer.apply_import(db, plan).new > 0
    with db.read() as s:
        row = s.scalars(select(AuditBatch)).one()
        entry = s.scalars(select(AuditLog).where(AuditLog.batch_id == row.id)).one()
    assert (row.file_name, row.sha256) == (path.name, previewed)
    assert json.loads(entry.fields or "")["sha256"] == previewed


@pytest.mark.postgresql
@pytest.mark.real_commits
def test_clerks_on_one_server_get_numbers_in_commit_order(pg_db: Database) -> None:
    """The second clerk's transaction waits for the first one's number until it commits."""
    db = pg_db
    start = _counter(db)
    first_flushed, second_done = threading.Event(), threading.Event()
    seqs: dict[str, int] = {}

    def second() -> None:
        first_flushed.wait(10)
        grid = registry.save_grid(db, GridInput(code="G2", name="二"))
        seqs["second"] = _seqs(db, grid)[0]
        second_done.set()

    worker = threading.Thread(target=second)
    worker.start()
    with db.uow() as s:
        grid = Grid(code="G1", name="一")
        s.add(grid)
        s.flush()
        first_flushed.set()
        assert not second_done.wait(0.5)  # blocked on the counter row
    worker.join(10)
    assert (_seqs(db, grid.id)[0], seqs["second"]) == (start + 1, start + 2)


def _synced() -> dict[str, Table]:
    return {t: Base.metadata.tables[t] for t in sorted(records.RECORD_TABLES)}


def _unstamped(db: Database) -> dict[str, int]:
    """Synced rows still at the SQLite column default 0 (never stamped), per table."""
    found = {}
    with db.read() as s:
        for table, model in _synced().items():
            never = (model.c.sync_seq == 0) | (model.c.created_seq == 0)
            n = s.scalar(select(func.count()).select_from(model).where(never)) or 0
            if n:
                found[table] = int(n)
    return found


def test_every_write_path_stamps_every_synced_row(db: Database, tmp_path: Path) -> None:
    """Migration 0011 leaves ``DEFAULT 0`` on the SQLite columns; no write path may rely on it:
    the set-up, ORM objects, ORM and Core bulk inserts, an import and the demo."""
    assert _unstamped(db) == {}
    setup_place(db)
    add_resident(db, "王芳")
    with db.uow() as s:
        s.execute(insert(Grid), _grid_rows(db, 2, 3))
        changes.insert_records(s, Grid, _grid_rows(db, 2, 5))
    importer.apply_import(db, importer.plan_import(db, corpus.two_row_header(tmp_path)))
    create_demo(db, 2, seed=5)
    assert _unstamped(db) == {}
    with db.read() as s:
        created = {t: s.scalar(select(func.count()).select_from(m)) for t, m in _synced().items()}
    assert all(created[t] for t in ("grid", "household", "resident", "visit", "case_record"))


def test_the_counter_is_taken_before_any_audited_row_is_written(db: Database) -> None:
    """Lock order on PostgreSQL: the sync counter first, then the rows, then the chain head —
    also for a write of local rows only (a setting), so two clerks never wait for each other."""
    written: list[str] = []

    def note(_c: object, _cur: object, statement: str, *_a: object) -> None:
        table = touched.written_table(statement, None)
        if table is not None and written[-1:] != [table]:
            written.append(table)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with db.uow() as s:
            config.put_value(s, "report.footer", "幸福社区居委会")
        registry.save_grid(db, GridInput(code="G01", name="第一网格"))
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert written == [
        "sync_counter",
        "setting",
        "audit_chain",
        "audit_log",
        "audit_chain",
        "sync_counter",
        "grid",
        "audit_chain",
        "audit_log",
        "audit_chain",
    ]
