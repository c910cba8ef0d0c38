"""变更记录 in Chinese: field names and code labels, other records by name or number, masked ID
numbers and phones, no internal columns; for the records of every audited table."""

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from redoffice.audit import history
from redoffice.audit.history import Change
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.demo.build import create_demo
from redoffice.kit import audit_log, clock, codes, records
from redoffice.kit.audit_log import dump
from redoffice.kit.db import Database
from redoffice.meetings import codes as meeting_codes
from redoffice.meetings import queries as meeting_queries
from redoffice.models import DERIVED_COLUMNS, AuditBatch, Grid, Resident
from redoffice.registry import importer, residents
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.reference import GridInput
from redoffice.registry.residents import TagInput
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from tests import excel_corpus as corpus
from tests.factories import add_resident, setup_place

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FULL_ID = re.compile(r"\d{17}[\dX]")
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_residents_history_reads_as_the_secretary_wrote_it(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    rid = add_resident(
        db, "王芳", household=household, relation="1", gender="female", phone="13912345678"
    )
    data = residents.get_resident(db, rid).data
    residents.save_resident(
        db,
        replace(
            data,
            political_status="party_member",
            tags=(TagInput("living_alone", date(2026, 1, 5)),),
        ),
        rid,
    )
    created, changed, tagged = history.history(db, "resident", rid)
    shown = {c.field: c.new for c in created.changes}
    assert shown["姓名"] == "王芳" and shown["性别"] == "女"
    assert shown["政治面貌"] == "群众" and shown["与户主关系"] == "配偶"
    assert shown["所属户"] == "阳光花园3栋2单元301室"
    assert shown["联系电话"] == "139****5678"
    assert shown["身份证号"].startswith("420106") and "*" in shown["身份证号"]
    assert shown["人员类别"] == "户籍人口" and shown["人员状态"] == "在册"
    assert not {"search_name", "name_pinyin", "id", "version", "姓名拼音"} & set(shown)
    assert (changed.action, changed.part, changed.changes) == (
        "update",
        "",
        (Change("政治面貌", "群众", "中共党员"),),
    )
    assert (tagged.action, tagged.part) == ("create", "特殊人群")
    assert Change("人群类别", "—", "独居老人") in tagged.changes
    assert Change("开始日期", "—", "2026-01-05") in tagged.changes
    residents.save_resident(db, replace(data, political_status="party_member"), rid)
    removed = history.history(db, "resident", rid)[-1]
    assert (removed.action, removed.part) == ("delete", "特殊人群")
    assert Change("人群类别", "—", "独居老人") in removed.changes  # which one was removed


def test_references_name_the_records_they_point_at(db: Database) -> None:
    _grid, _estate, household = setup_place(db)
    head = add_resident(db, "张建国", household=household, relation="0")
    case_id = cases.create_case(
        db,
        CaseInput(
            category="设施维修",
            description="单元门禁损坏",
            household_id=household,
            reporter_resident_id=head,
            reporter_phone="13800138000",
        ),
    )
    cases.transition(db, case_id, "in_progress", "已联系物业")
    created, moved = history.history(db, "case_record", case_id)
    shown = {c.field: c.new for c in created.changes}
    assert shown["住户"] == "阳光花园3栋2单元301室" and shown["诉求人"] == "张建国"
    assert shown["诉求人电话"] == "138****8000" and shown["办理状态"] == "受理"
    assert shown["诉求编号"].endswith("-00001") and re.match(
        r"\d{4}-\d\d-\d\d \d\d:\d\d", shown["受理时间"]
    )
    assert Change("办理状态", "受理", "办理中") in moved.changes


def _some_ids(db: Database, table: str, n: int = 3) -> list[str]:
    model = records.RECORD_TABLES[table]
    with db.read() as s:
        return list(s.scalars(select(model.id).order_by(model.id).limit(n)))  # type: ignore[attr-defined]


# What only the street office writes (and a community's answers to it): no community demo holds
# them; tests/core/test_street_orders.py checks that their records speak Chinese too.
STREET_ORDER_TABLES = frozenset(
    {"street_decision", "street_reply", "street_notice", "street_inbox", "notice_completion"}
)


def assert_history_readable(
    db: Database, table: str, record_id: str, hows: tuple[str, ...]
) -> None:
    """The 变更记录 of one record: created first (by one of ``hows``), every change readable."""
    entries = history.history(db, table, record_id)
    assert entries[0].action == "create" and entries[0].how in hows, table
    for entry in entries:
        for change in entry.changes:
            _assert_readable(table, change)


def test_the_records_of_every_audited_table_speak_chinese(db: Database) -> None:
    create_demo(db, 60, seed=11)
    meeting = meeting_queries.list_meetings(db)[0].id
    wish = next(w.id for w in wish_queries.list_wishes(db) if w.status == "fulfilled")
    for table in sorted(set(records.RECORD_TABLES) - STREET_ORDER_TABLES):
        ids = _some_ids(db, table)
        assert ids or table in ("attachment", "meeting_revision"), table
        for record_id in (
            ids + ([meeting] if table == "meeting" else []) + ([wish] if table == "wish" else [])
        ):
            # the demo's fund goes through the fund's services (its hash-chained ledger, its
            # rules), each a savepoint of the demo's transaction with its own entries
            # (its staff with fund roles included)
            fund = table.startswith("fund_") or table == "staff"
            hows = ("演示数据", "手工录入") if fund else ("演示数据",)
            assert_history_readable(db, table, record_id, hows)


RAW_CODES = {
    *codes.GENDERS,
    *codes.POLITICAL_STATUSES,
    *codes.RESIDENCE_TYPES,
    *codes.HOUSEHOLD_STATUSES,
    *codes.RESIDENT_STATUSES,
    *codes.TAGS,
    *cases.STATUSES,
    *wishes.STATUSES,
    *meeting_codes.PARTIES,
}


def _assert_readable(table: str, change: Change) -> None:
    where = f"{table}.{change.field}: {change.old} → {change.new}"
    assert CJK.search(change.field), where
    for value in (change.old, change.new):
        assert not UUID.search(value), where
        assert not FULL_ID.search(value), where
        assert value not in RAW_CODES, where
        if change.field == "与户主关系":
            assert value in codes.RELATIONS.values() or value == "—", where


@pytest.mark.parametrize("table", ["resident", "household", "visit", "case_record", "wish"])
def test_bookkeeping_alone_is_not_a_change(db: Database, table: str) -> None:
    create_demo(db, 30, seed=2)
    record_id = _some_ids(db, table, 1)[0]
    records.set_deleted(db, table, record_id, True)
    records.set_deleted(db, table, record_id, False)
    entries = history.history(db, table, record_id)
    assert [e.action for e in entries][-2:] == ["delete", "restore"]
    assert all(e.changes == () for e in entries[-2:])  # the action says it all


def test_values_read_as_on_screen(db: Database) -> None:
    texts_of = history.Texts
    with db.read() as s:
        assert texts_of(s)("resident", "household_id", "0190aaaa-0000-7000-8000-000000000000") == (
            "（已不存在的记录）"
        )
        assert texts_of(s)("wish", "estimated_value", 45000) == "450 元"
        assert texts_of(s)("visit", "purposes", '["听民意", "送政策"]') == "听民意、送政策"
        assert texts_of(s)("visit", "start_time", "09:30:00") == "09:30"
        assert texts_of(s)("party_member", "active", False) == "否"


def test_a_created_record_shows_what_it_held_then_though_changed_since(db: Database) -> None:
    """A creation entry copies nothing: what the record held is the row with every later change
    undone, entry by entry."""
    _grid, _estate, household = setup_place(db)
    rid = add_resident(db, "王芳", household=household, relation="1", phone="13912345678")
    data = residents.get_resident(db, rid).data
    residents.save_resident(db, replace(data, phone="13800001111", notes="腿脚不便"), rid)
    residents.save_resident(db, replace(data, phone="13700002222", notes="腿脚不便"), rid)
    created, first, second = history.history(db, "resident", rid)
    shown = {c.field: c.new for c in created.changes}
    assert shown["联系电话"] == "139****5678" and shown["录入方式"] == "手工录入"
    assert "备注" not in shown  # empty then
    assert set(first.changes) == {
        Change("联系电话", "139****5678", "138****1111"),
        Change("备注", "—", "腿脚不便"),
    }
    assert second.changes == (Change("联系电话", "138****1111", "137****2222"),)


def test_an_imported_record_names_the_file_it_came_from(db: Database, tmp_path: Path) -> None:
    setup_place(db)
    path = corpus.two_row_header(tmp_path)
    importer.apply_import(db, importer.plan_import(db, path))
    with db.read() as s:
        rid = s.scalar(select(Resident.id).where(Resident.name == "王建国"))
    assert rid is not None
    data = residents.get_resident(db, rid).data
    residents.save_resident(db, replace(data, notes="独自居住"), rid)
    created, *parts, changed = history.history(db, "resident", rid)
    assert [(p.action, p.part, p.how) for p in parts] == [("create", "特殊人群", created.how)]
    assert created.action == "create" and created.actor == "张秘书"
    assert created.how.startswith(f"导入《{path.name}》（SHA-256 ")
    assert Change("录入方式", "—", created.how) in created.changes
    assert Change("姓名", "—", "王建国") in created.changes
    assert changed.changes == (Change("备注", "—", "独自居住"),)
    with db.read() as s:
        batch = s.scalars(select(AuditBatch)).one()
        imported = set(s.scalars(select(Resident.id)))
    listed = history.batch_records(db, batch.id)
    assert set(listed["resident"]) == imported and listed["resident_tag"]
    assert history.batch_records(db, batch.id + 1) == {}


def test_steps_follow_the_chain_not_the_clerks_clocks(db: Database) -> None:
    """Two clerks whose PC clocks disagree: the history is in the order the changes were
    saved (the entries' ids), not in the order of the instants their clocks gave."""
    grid = registry.save_grid(db, GridInput(code="G1", name="一"))
    with clock.frozen(datetime(2027, 3, 17, 10, 5)):  # clerk A's PC runs five minutes fast
        registry.save_grid(db, GridInput(code="G1", name="二"), grid)
    with clock.frozen(datetime(2027, 3, 17, 10, 1)):  # clerk B, a minute later in reality
        registry.save_grid(db, GridInput(code="G1", name="三"), grid)
    steps = [(e.action, e.changes[-1].new) for e in history.history(db, "grid", grid)]
    assert steps == [("create", "一"), ("update", "二"), ("update", "三")]


def test_a_record_of_a_batch_starts_with_it_whatever_the_clock(db: Database) -> None:
    """A demo run on a PC whose clock was ahead, the record changed later on a correct one:
    the creation by the batch still comes first."""
    with clock.frozen(datetime(2027, 3, 20, 9, 0)):
        create_demo(db, 1, seed=3)
    with db.read() as s:
        grid = s.scalars(select(Grid.id)).first()
    assert grid is not None
    with clock.frozen(datetime(2027, 3, 17, 9, 0)), db.uow() as s:
        found = s.get(Grid, grid)
        assert found is not None
        found.notes = "改过"
    created, changed = history.history(db, "grid", grid)
    assert (created.action, created.how, changed.changes) == (
        "create",
        "演示数据",
        (Change("备注", "—", "改过"),),
    )


def test_a_households_history_shows_the_parts_of_its_address(db: Database) -> None:
    """The display address is derived (from the 小区's name and the parts): the history shows
    the 小区, 楼栋, 单元 and 室 a person typed, never the address or its search and sort keys."""
    grid, estate, household = setup_place(db)
    data = HouseholdInput(estate_id=estate, building="3", unit="2", room="302", grid_id=grid)
    save_household(db, data, household)
    created, moved = history.history(db, "household", household)
    shown = {c.field: c.new for c in created.changes}
    parts = (shown["小区"], shown["楼栋"], shown["单元"], shown["室"])
    assert parts == ("阳光花园", "3", "2", "301")
    assert "地址" not in shown
    assert moved.changes == (Change("室", "301", "302"),)
    assert not any(
        history.shown(table, column)
        for table, columns in DERIVED_COLUMNS.items()
        for column in columns
    )


def test_an_older_entry_of_derived_columns_alone_is_no_change(db: Database) -> None:
    """Entries written before the derived columns were left out (a 小区 renamed then gave each
    household one, of its address and search keys) show nothing in the history."""
    _grid, _estate, household = setup_place(db)
    old = {"address": ["旧名3栋2单元301室", "阳光花园3栋2单元301室"], "address_sort": ["a", "b"]}
    with db.uow() as s:
        audit_log.append(s, [audit_log.Entry("update", "household", household, dump(old))])
    assert [e.action for e in history.history(db, "household", household)] == ["create"]
