"""Lists to Excel: residents, households, visits, cases, resolutions; and the blank import
template. ID numbers and phones are masked unless the user explicitly asks otherwise, and that
choice is written to the audit log. The residents' columns are the importer's: an export
imports back to the same registry."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

from sqlalchemy import select

from redoffice import codes
from redoffice.db import Database
from redoffice.errors import UserError
from redoffice.models import AuditLog, Estate, Grid, Household, Resident, ResidentTag
from redoffice.reports.meetings import FOLLOW_UP_COLUMNS
from redoffice.reports.workbook import rows_workbook, table_workbook
from redoffice.services import printing, registry, resolutions
from redoffice.services.case_queries import list_cases
from redoffice.services.search import HouseholdQuery, household_ids, household_rows
from redoffice.services.validation import mask_id_number, mask_phone
from redoffice.services.visit_queries import VisitQuery, visit_ids, visit_rows

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


def _resident_rows(db: Database, unmasked: bool) -> Rows:
    return RESIDENT_COLUMNS, _stream_residents(db, unmasked)


def _stream_residents(db: Database, unmasked: bool) -> Iterator[list[Any]]:
    """Residents with their households, read in batches as the workbook is written."""
    query = (
        select(
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
        .join(Household, Household.id == Resident.household_id)
        .outerjoin(Estate, Estate.id == Household.estate_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(Resident.deleted.is_(False), Resident.status == "active")
        .order_by(Household.address_sort, Resident.relation)
        .execution_options(yield_per=2000)
    )
    with db.read() as s:
        tags: dict[str, list[str]] = {}
        for resident_id, tag in s.execute(
            select(ResidentTag.resident_id, ResidentTag.tag).where(ResidentTag.deleted.is_(False))
        ):
            tags.setdefault(resident_id, []).append(codes.TAGS.get(tag, tag))
        for r in s.execute(query):
            yield [
                r.name,
                codes.label(codes.GENDERS, r.gender),
                (r.id_number or "") if unmasked else mask_id_number(r.id_number),
                r.birth_date,
                r.ethnicity,
                r.phone if unmasked else mask_phone(r.phone),
                codes.label(codes.POLITICAL_STATUSES, r.political_status),
                codes.label(codes.RELATIONS, r.relation),
                r.household_id,
                r.estate or "",
                r.building,
                r.unit,
                r.room,
                "" if r.estate else r.address_text,
                r.grid or "",
                "、".join(tags.get(r.id, [])),
                codes.label(codes.RESIDENCE_TYPES, r.residence_type),
                r.hukou_place,
                r.notes,
            ]


def _household_rows(db: Database, unmasked: bool) -> Rows:
    found = household_rows(db, household_ids(db, HouseholdQuery()))
    return (
        ("户号", "地址", "小区", "网格", "户主", "人数", "人户状态"),
        [
            [
                h.id,
                h.address,
                h.estate,
                h.grid,
                h.head,
                h.members,
                codes.label(codes.HOUSEHOLD_STATUSES, h.residence_status),
            ]
            for h in found
        ],
    )


def _visit_rows(db: Database, unmasked: bool) -> Rows:
    found = visit_rows(db, visit_ids(db, VisitQuery()))
    return (
        ("走访日期", "地址", "网格", "走访人", "走访目的", "情况记录", "发现问题数"),
        [
            [v.visit_date, v.address, v.grid, v.visitors, v.purposes, v.situation, v.issues]
            for v in found
        ],
    )


def _case_rows(db: Database, unmasked: bool) -> Rows:
    found = list_cases(db)
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
        [
            [
                c.number,
                c.accepted_on,
                c.source,
                c.reporter_masked,
                c.category,
                c.description,
                c.assignee,
                c.due_at.date(),
                c.status + ("（逾期）" if c.overdue else ""),
                c.resolved_on,
                c.satisfaction,
                c.grid,
                c.address,
            ]
            for c in found
        ],
    )


def _resolution_rows(db: Database, unmasked: bool) -> Rows:
    rows = printing.follow_up_rows(resolutions.list_resolutions(db))
    return FOLLOW_UP_COLUMNS, [list(r) for r in rows]


BUILDERS: Final[dict[str, Callable[[Database, bool], Rows]]] = {
    "residents": _resident_rows,
    "households": _household_rows,
    "visits": _visit_rows,
    "cases": _case_rows,
    "resolutions": _resolution_rows,
}


def export_workbook(db: Database, kind: str, unmasked: bool = False) -> bytes:
    """The list as a workbook; an unmasked export is recorded in the audit log."""
    builder = BUILDERS.get(kind)
    if builder is None:
        raise UserError("invalid_choice", value=kind)
    headers, rows = builder(db, unmasked)
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
    return data


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
