"""Lists to Excel: residents, households, visits, cases, resolutions; and the blank import
template. ID numbers and phones are masked unless the user explicitly asks otherwise, and that
choice is written to the audit log. The residents' columns are the importer's: an export
imports back to the same registry."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.cases.queries import case_ids, case_rows
from redoffice.kit import codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.validation import mask_id_number, mask_phone
from redoffice.meetings import resolutions
from redoffice.models import AuditLog, Estate, Grid, Household, Resident, ResidentTag
from redoffice.output import printing
from redoffice.registry import reference as registry
from redoffice.registry.search import (
    HouseholdQuery,
    ResidentQuery,
    household_ids,
    household_rows,
    resident_ids,
    tag_in_force,
)
from redoffice.reports.meetings import FOLLOW_UP_COLUMNS
from redoffice.reports.workbook import rows_workbook, table_workbook
from redoffice.settings.calendar import local_date
from redoffice.visits.queries import VisitQuery, visit_ids, visit_rows

RESIDENT_COLUMNS: Final = (
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "民族",
    "联系电话",
    "政治面貌",
    "与户主关系",
    "户号",
    "小区",
    "楼栋",
    "单元",
    "房号",
    "住址",
    "所属网格",
    "人员类别",
    "人员类型",
    "户籍地",
    "备注",
)
KINDS: Final = {
    "residents": "居民",
    "households": "住户",
    "visits": "走访记录",
    "cases": "民情诉求",
    "resolutions": "议定事项",
}
Rows = tuple[Sequence[str], Iterable[list[Any]]]
Ids = Sequence[str] | None
CHUNK: Final = 500  # ids per IN (...) query


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def household_numbers(s: Session) -> dict[str, int]:
    """户号: each live household's place in the community's register, in address order (the
    same number in every export while the households stay the same)."""
    ids = s.scalars(
        select(Household.id)
        .where(Household.deleted.is_(False))
        .order_by(Household.address_sort, Household.id)
    )
    return {household_id: n for n, household_id in enumerate(ids, start=1)}


def _resident_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = resident_ids(db, ResidentQuery(sort="address"))
    return RESIDENT_COLUMNS, _stream_residents(db, ids, unmasked)


_RESIDENT_FIELDS: Final = select(
    Resident.id,
    Resident.name,
    Resident.gender,
    Resident.id_number,
    Resident.birth_date,
    Resident.ethnicity,
    Resident.phone,
    Resident.political_status,
    Resident.relation,
    Resident.residence_type,
    Resident.hukou_place,
    Resident.notes,
    Household.id.label("household_id"),
    Household.building,
    Household.unit,
    Household.room,
    Household.address_text,
    Estate.name.label("estate"),
    Grid.name.label("grid"),
)


def _stream_residents(db: Database, ids: Sequence[str], unmasked: bool) -> Iterator[list[Any]]:
    """The residents ``ids`` in that order with their households, read a chunk at a time as
    the workbook is written."""
    query = (
        _RESIDENT_FIELDS.outerjoin(Household, Household.id == Resident.household_id)
        .outerjoin(Estate, Estate.id == Household.estate_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
    )
    today = date.today()
    with db.read() as s:
        numbers = household_numbers(s)
        for chunk in chunks(ids):
            found = {r.id: r for r in s.execute(query.where(Resident.id.in_(chunk)))}
            tags: dict[str, list[str]] = {}
            for resident_id, tag in s.execute(
                select(ResidentTag.resident_id, ResidentTag.tag)
                .where(ResidentTag.resident_id.in_(chunk), *tag_in_force(today))
                .order_by(ResidentTag.tag)
            ):
                tags.setdefault(resident_id, []).append(codes.label(codes.TAGS, tag))
            for r in (found[i] for i in chunk if i in found):
                yield _resident_cells(r, numbers, tags.get(r.id, []), unmasked)


def _resident_cells(r: Any, numbers: dict[str, int], tags: list[str], unmasked: bool) -> list[Any]:
    return [
        r.name,
        codes.label(codes.GENDERS, r.gender),
        (r.id_number or "") if unmasked else mask_id_number(r.id_number),
        r.birth_date,
        r.ethnicity,
        r.phone if unmasked else mask_phone(r.phone),
        codes.label(codes.POLITICAL_STATUSES, r.political_status),
        codes.label(codes.RELATIONS, r.relation),
        numbers.get(r.household_id or "", ""),
        r.estate or "",
        r.building or "",
        r.unit or "",
        r.room or "",
        "" if r.estate else (r.address_text or ""),
        r.grid or "",
        "、".join(tags),
        codes.label(codes.RESIDENCE_TYPES, r.residence_type),
        r.hukou_place,
        r.notes,
    ]


def _household_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = household_ids(db, HouseholdQuery())
    with db.read() as s:
        numbers = household_numbers(s)
    found = (h for chunk in chunks(ids) for h in household_rows(db, chunk))
    return (
        ("户号", "地址", "小区", "网格", "户主", "人数", "联系电话", "人户状态"),
        (
            [
                numbers.get(h.id, ""),
                h.address,
                h.estate,
                h.grid,
                h.head,
                h.members,
                h.phone_masked,
                codes.label(codes.HOUSEHOLD_STATUSES, h.residence_status),
            ]
            for h in found
        ),
    )


def _visit_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = visit_ids(db, VisitQuery())
    found = (v for chunk in chunks(ids) for v in visit_rows(db, chunk))
    return (
        ("走访日期", "地址", "网格", "走访人", "走访目的", "情况记录", "发现问题数"),
        (
            [v.visit_date, v.address, v.grid, v.visitors, v.purposes, v.situation, v.issues]
            for v in found
        ),
    )


def _case_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    if ids is None:
        ids = case_ids(db)
    found = (c for chunk in chunks(ids) for c in case_rows(db, chunk))
    return (
        (
            "编号",
            "受理日期",
            "来源",
            "诉求人",
            "类别",
            "诉求内容",
            "承办",
            "时限",
            "状态",
            "办结日期",
            "回访结果",
            "网格",
            "地址",
        ),
        (
            [
                c.number,
                c.accepted_on,
                c.source,
                c.reporter_masked,
                c.category,
                c.description,
                c.assignee,
                local_date(c.due_at),
                c.status + ("（逾期）" if c.overdue else ""),
                c.resolved_on,
                c.satisfaction,
                c.grid,
                c.address,
            ]
            for c in found
        ),
    )


def _resolution_rows(db: Database, unmasked: bool, ids: Ids) -> Rows:
    found = resolutions.list_resolutions(db)
    if ids is not None:
        wanted = set(ids)
        found = [r for r in found if r.id in wanted]
    rows = printing.follow_up_rows(found)
    return FOLLOW_UP_COLUMNS, [list(r) for r in rows]


BUILDERS: Final[dict[str, Callable[[Database, bool, Ids], Rows]]] = {
    "residents": _resident_rows,
    "households": _household_rows,
    "visits": _visit_rows,
    "cases": _case_rows,
    "resolutions": _resolution_rows,
}


@dataclass(frozen=True)
class Exported:
    data: bytes
    count: int


def export_rows(db: Database, kind: str, unmasked: bool = False, ids: Ids = None) -> Exported:
    """The list as a workbook: the records ``ids`` in that order (what the screen shows), or
    every record; an unmasked export is recorded in the audit log."""
    builder = BUILDERS.get(kind)
    if builder is None:
        raise UserError("invalid_choice", value=kind)
    headers, rows = builder(db, unmasked, ids)
    counted = _Counted(rows)
    data = table_workbook(KINDS[kind], headers, counted)
    if unmasked:
        with db.uow() as s:
            s.add(
                AuditLog(
                    actor=db.actor,
                    action="export",
                    table_name=kind,
                    row_id="*",
                    before=None,
                    after=json.dumps({"unmasked": True, "rows": counted.count}, ensure_ascii=False),
                )
            )
    return Exported(data, counted.count)


def export_workbook(db: Database, kind: str, unmasked: bool = False, ids: Ids = None) -> bytes:
    return export_rows(db, kind, unmasked, ids).data


class _Counted:
    """Passes rows through and counts them (for the audit record of an export)."""

    def __init__(self, rows: Iterable[list[Any]]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[list[Any]]:
        for row in self.rows:
            self.count += 1
            yield row


def template_workbook(db: Database) -> bytes:
    """The blank 居民 import template: the header, drop-down lists and one example row."""
    grids = [g.name for g in registry.list_grids(db)] or ["第1网格"]
    example = [
        "王小明",
        "男",
        "11010519491231002X",
        "1949-12-31",
        "汉族",
        "13812345678",
        "群众",
        "户主",
        "",
        "阳光花园",
        "3",
        "2",
        "301",
        "",
        grids[0],
        "独居老人、高龄",
        "户籍人口",
        "湖北省武汉市",
        "",
    ]
    choices = {
        1: list(codes.GENDERS.values()),
        6: list(codes.POLITICAL_STATUSES.values()),
        7: list(codes.RELATIONS.values()),
        14: grids,
    }
    return rows_workbook("居民导入模板", [list(RESIDENT_COLUMNS)], [example], choices)
