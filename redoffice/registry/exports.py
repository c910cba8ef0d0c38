"""The registry's lists to Excel (居民, 住户) and the blank import template. ID numbers and
phones are masked unless the user explicitly asks otherwise (:mod:`redoffice.kit.exports`
records that choice). The residents' columns are the importer's: an export imports back to the
same registry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.kit.exports import Ids, ListExport, Rows, chunks
from redoffice.kit.validation import mask_id_number, mask_phone
from redoffice.kit.workbook import rows_workbook
from redoffice.models import Estate, Grid, Household, Resident, ResidentTag
from redoffice.registry import reference as registry
from redoffice.registry.search import (
    HouseholdQuery,
    ResidentQuery,
    household_ids,
    household_rows,
    resident_ids,
    tag_in_force,
)

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
    today = clock.today()
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


RESIDENTS: Final = ListExport("residents", "居民", _resident_rows)
HOUSEHOLDS: Final = ListExport("households", "住户", _household_rows)


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
