"""变更记录 in Chinese: field names and code labels, other records by name or number, masked ID
numbers and phones, no internal columns; for the records of every audited table."""

import re
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from redoffice.audit import history
from redoffice.audit.history import Change
from redoffice.cases import service as cases
from redoffice.cases.service import CaseInput
from redoffice.demo.build import create_demo
from redoffice.kit import codes, records
from redoffice.kit.db import Database
from redoffice.meetings import service as meetings
from redoffice.models import AuditLog
from redoffice.registry import residents
from redoffice.registry.residents import TagInput
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
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


def test_the_records_of_every_audited_table_speak_chinese(db: Database) -> None:
    create_demo(db, 60, seed=11)
    meeting = meetings.list_meetings(db)[0].id
    wish = next(w.id for w in wish_queries.list_wishes(db) if w.status == "fulfilled")
    with db.read() as s:
        tables = sorted(set(s.scalars(select(AuditLog.table_name).distinct())))
    assert set(records.RECORD_TABLES) <= set(tables) | {"attachment", "meeting_revision"}
    for table in records.RECORD_TABLES:
        with db.read() as s:
            ids = list(
                s.scalars(select(AuditLog.row_id).where(AuditLog.table_name == table).limit(3))
            )
        for record_id in (
            ids + ([meeting] if table == "meeting" else []) + ([wish] if table == "wish" else [])
        ):
            for entry in history.history(db, table, record_id):
                for change in entry.changes:
                    _assert_readable(table, change)


RAW_CODES = {
    *codes.GENDERS,
    *codes.POLITICAL_STATUSES,
    *codes.RESIDENCE_TYPES,
    *codes.HOUSEHOLD_STATUSES,
    *codes.RESIDENT_STATUSES,
    *codes.TAGS,
    *cases.STATUSES,
    *wishes.STATUSES,
    *meetings.PARTIES,
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
    with db.read() as s:
        record_id = s.scalar(select(AuditLog.row_id).where(AuditLog.table_name == table))
    assert record_id is not None
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
