"""Finding residents and households: one search box, filters and sorting, all in SQL.

The list screens ask for the ordered ids of everything that matches (cheap) and then fetch
rows for the visible ids only, so 100k residents never become 100k Python objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.kit.id_lists import IdQuery
from redoffice.kit.records import SEARCH_MAX, like_pattern
from redoffice.kit.validation import mask_id_number, mask_phone, normalize, spaced_chars
from redoffice.models import Estate, Grid, Household, Resident, ResidentTag

DIGITS = re.compile(r"\d{4,18}[Xx]?|\d{3,17}[Xx]")
LETTERS = re.compile(r"[a-z]+")
# CJK ideographs: the basic block, Extension A, compatibility ideographs and Extensions B-G
# (rare name characters such as 𠮷 and 𪚥)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# separators written inside minority and foreign names (阿依古丽·买买提吐尔逊), typed or not
NAME_DOTS = "·•‧・．.-"
# a search text longer than this is an address, not a name
LONGEST_NAME = 32


@dataclass(frozen=True)
class ResidentQuery:
    """What the resident list shows. ``scope``: active, left (迁出/去世), all."""

    text: str = ""
    grid_id: str | None = None
    estate_id: str | None = None
    tag: str | None = None
    party_only: bool = False
    scope: str = "active"
    deleted: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class ResidentRow:
    id: str
    name: str
    gender: str
    birth_date: date | None
    id_number_masked: str
    phone_masked: str
    household_id: str | None
    relation: str
    address: str
    grid: str
    tags: tuple[str, ...]
    party_member: bool
    political_status: str
    status: str


@dataclass(frozen=True)
class HouseholdQuery:
    text: str = ""
    grid_id: str | None = None
    estate_id: str | None = None
    deleted: bool = False
    sort: str = "address"
    descending: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    address: str
    estate: str
    grid: str
    head: str
    members: int
    phone_masked: str
    residence_status: str


def _prefix(column: InstrumentedAttribute[Any], text: str) -> ColumnElement[bool]:
    """``column`` starts with ``text``, as an index-friendly range."""
    return and_(column >= text, column < text + "\uffff")


def tag_in_force(today: date) -> tuple[ColumnElement[bool], ...]:
    """Conditions on ResidentTag: not deleted, started and not ended ``today``."""
    return (
        ResidentTag.deleted.is_(False),
        or_(ResidentTag.since.is_(None), ResidentTag.since <= today),
        or_(ResidentTag.until.is_(None), ResidentTag.until >= today),
    )


def active_tag(tag: str | None, today: date) -> ColumnElement[bool]:
    """EXISTS a tag row on the resident in force today (any tag when ``tag`` is None)."""
    cond = [ResidentTag.resident_id == Resident.id, *tag_in_force(today)]
    if tag:
        cond.append(ResidentTag.tag == tag)
    return exists().where(*cond)


FTS_INDEXES: dict[str, tuple[str, str]] = {
    # content table: (FTS5 table, indexed column), created by migration 0002 on SQLite
    "resident": ("resident_name_fts", "search_name"),
    "household": ("household_address_fts", "search_address"),
}


@contextmanager
def deferred_indexing(s: Session) -> Iterator[None]:
    """For bulk inserts (imports, demo data): the FTS insert triggers are set aside inside the
    transaction and the new rows are indexed by one statement at the end — 110k names take
    0.2 s instead of 3.6 s row by row. A rollback brings the triggers back with everything
    else. Rows inserted inside must not be updated inside (the update trigger would remove
    index entries that are not there yet)."""
    conn = s.connection()
    saved: dict[str, tuple[str, int]] = {}
    if conn.dialect.name == "sqlite":
        if not getattr(conn.connection.dbapi_connection, "in_transaction", True):
            # pysqlite opens its transaction at the first INSERT/UPDATE only: a DROP TRIGGER
            # before it would be committed at once and survive a rollback
            conn.exec_driver_sql("BEGIN")
        for content, (fts, _column) in FTS_INDEXES.items():
            trigger = f"{fts}_ai"
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
            ).scalar()
            if sql is None:  # a SQLite without FTS5: search falls back to LIKE
                continue
            last = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {content}").scalar()
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
            saved[content] = (str(sql), int(last or 0))
    try:
        yield
        for content, (_sql, last) in saved.items():
            fts, column = FTS_INDEXES[content]
            conn.exec_driver_sql(
                f"INSERT INTO {fts}(rowid, {column}) "
                f"SELECT rowid, {column} FROM {content} WHERE rowid > ?",
                (last,),
            )
    finally:
        for sql, _last in saved.values():
            conn.exec_driver_sql(sql)


_RESIDENT_FTS = table("resident_name_fts", column("rowid"), column("resident_name_fts"))
_HOUSEHOLD_FTS = table("household_address_fts", column("rowid"), column("household_address_fts"))


def _phrase(text: str) -> str:
    """An FTS5 phrase of single characters: any substring of the indexed text matches."""
    return '"' + spaced_chars(text).replace('"', '""') + '"'


def _fts_rowids(fts: Any, text: str) -> Select[Any]:
    return select(fts.c.rowid).where(fts.c[fts.name].match(_phrase(text)))


def _households_at(text: str, fts: bool) -> Select[Any]:
    """Ids of households whose address contains ``text``."""
    if fts:
        return select(Household.id).where(
            literal_column("household.rowid").in_(_fts_rowids(_HOUSEHOLD_FTS, text))
        )
    return select(Household.id).where(Household.address.like(like_pattern(text), escape="\\"))


def _clean(raw: str) -> str:
    return re.sub(r"\s+", "", normalize(raw)).lower()[:SEARCH_MAX]


def _text_condition(text: str, fts: bool) -> ColumnElement[bool] | None:
    """What the one search box means: ID or phone tail, pinyin, or name/address fragment.

    Each alternative is its own indexed lookup and the ids are united first: written as one OR,
    SQLite walks the whole list index to keep the name order and takes 100+ ms.
    """
    if not text:
        return None
    if DIGITS.fullmatch(text):
        rev = text.upper()[::-1]
        alternatives = [_prefix(Resident.id_number_rev, rev), _prefix(Resident.phone_rev, rev)]
    elif LETTERS.fullmatch(text):
        # pinyin of a Chinese name, or a name written in Latin letters (Zhang San)
        alternatives = [
            _prefix(Resident.name_initials, text),
            _prefix(Resident.name_pinyin, text),
            _name_contains(text, fts),
        ]
    elif fts:
        return _fragment_by_rowid(text)
    else:
        alternatives = [Resident.household_id.in_(_households_at(text, fts))]
        if _may_be_name(text):
            alternatives.append(_name_contains(text, fts))
    return Resident.id.in_(union(*(select(Resident.id).where(a) for a in alternatives)))


def _may_be_name(text: str) -> bool:
    return bool(CJK.search(text)) and len(_undotted(text)) <= LONGEST_NAME


def _undotted(text: str) -> str:
    return text.translate({ord(dot): None for dot in NAME_DOTS})


def _name_contains(text: str, fts: bool) -> ColumnElement[bool]:
    """The name holds ``text``, ignoring case, spaces and the dots inside names. The FTS5 index
    drops spaces and punctuation and folds case by itself; without it the name is compared
    with its dots and spaces removed."""
    if fts:
        rowid: ColumnElement[Any] = literal_column("resident.rowid")
        return rowid.in_(_fts_rowids(_RESIDENT_FTS, text))
    name: ColumnElement[Any] = Resident.name.expression
    for dot in NAME_DOTS + " ":
        name = func.replace(name, dot, "")
    return func.lower(name).like(like_pattern(_undotted(text)), escape="\\")


def _fragment_by_rowid(text: str) -> ColumnElement[bool]:
    """SQLite with FTS5: name or address fragment, united as rowids (the cheapest lookups)."""
    rowid: ColumnElement[Any] = literal_column("resident.rowid")
    by_address = select(rowid).where(Resident.household_id.in_(_households_at(text, True)))
    if not _may_be_name(text):
        return rowid.in_(by_address)
    return rowid.in_(union(_fts_rowids(_RESIDENT_FTS, text), by_address))


_RESIDENT_SORTS = {
    "name": Resident.name_pinyin,
    "gender": Resident.gender,
    "birth_date": Resident.birth_date,
    "address": Household.address_sort,
    "grid": Grid.code,
    "relation": Resident.relation,
    "political_status": Resident.political_status,
    "status": Resident.status,
}


def _resident_filter(q: ResidentQuery, today: date, fts: bool) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Resident.deleted == q.deleted]
    if q.scope == "active":
        conds.append(Resident.status == "active")
    elif q.scope == "left":
        conds.append(Resident.status != "active")
    text = _text_condition(_clean(q.text), fts)
    if text is not None:
        conds.append(text)
    if q.grid_id:
        conds.append(Household.grid_id == q.grid_id)
    if q.estate_id:
        conds.append(Household.estate_id == q.estate_id)
    if q.tag:
        conds.append(active_tag(q.tag, today))
    if q.party_only:
        conds.append(Resident.political_status.in_(codes.PARTY_STATUSES))
    return conds


def _resident_select(q: ResidentQuery, fts: bool) -> Select[Any]:
    needs_join = bool(q.grid_id or q.estate_id or q.sort in ("address", "grid"))
    query = select(Resident.id)
    if needs_join:
        query = query.outerjoin(Household, Household.id == Resident.household_id)
    if q.sort == "grid":
        query = query.outerjoin(Grid, Grid.id == Household.grid_id)
    query = query.where(*_resident_filter(q, clock.today(), fts))
    key = _RESIDENT_SORTS.get(q.sort, Resident.name_pinyin)
    order = key.desc() if q.descending else key.asc()
    return query.order_by(order, Resident.id)


def resident_ids(db: Database, q: ResidentQuery, limit: int | None = None) -> list[str]:
    """Ids of the matching residents in display order."""
    query = _resident_select(q, db.has_fts)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as s:
        return list(s.scalars(query))


def resident_id_query(db: Database, q: ResidentQuery) -> IdQuery:
    """:func:`resident_ids` as a list's job, which can also read the first page alone."""
    return IdQuery(db, _resident_select(q, db.has_fts))


def count_residents(db: Database, q: ResidentQuery) -> int:
    with db.read() as s:
        sub = _resident_select(q, db.has_fts).order_by(None).subquery()
        return int(s.scalar(select(func.count()).select_from(sub)) or 0)


def _tags_by_resident(s: Session, ids: Sequence[str], today: date) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    rows = s.execute(
        select(ResidentTag.resident_id, ResidentTag.tag)
        .where(
            ResidentTag.resident_id.in_(ids),
            *tag_in_force(today),
        )
        .order_by(ResidentTag.tag)
    )
    for resident_id, tag in rows:
        found[resident_id].append(codes.label(codes.TAGS, tag))
    return found


def resident_rows(db: Database, ids: Sequence[str]) -> list[ResidentRow]:
    """Display rows for ``ids``, in the same order; ID numbers and phones masked."""
    if not ids:
        return []
    today = clock.today()
    with db.read() as s:
        rows = s.execute(
            select(Resident, Household.address, Grid.name)
            .outerjoin(Household, Household.id == Resident.household_id)
            .outerjoin(Grid, Grid.id == Household.grid_id)
            .where(Resident.id.in_(ids))
        ).all()
        tags = _tags_by_resident(s, ids, today)
        by_id = {
            r.id: _resident_row(r, address, grid, tags.get(r.id, [])) for r, address, grid in rows
        }
    return [by_id[i] for i in ids if i in by_id]


def _resident_row(
    r: Resident, address: str | None, grid: str | None, tags: list[str]
) -> ResidentRow:
    return ResidentRow(
        id=r.id,
        name=r.name,
        gender=r.gender,
        birth_date=r.birth_date,
        id_number_masked=mask_id_number(r.id_number),
        phone_masked=mask_phone(r.phone),
        household_id=r.household_id,
        relation=r.relation,
        address=address or r.current_address,
        grid=grid or "",
        tags=tuple(tags),
        party_member=r.political_status in codes.PARTY_STATUSES,
        political_status=r.political_status,
        status=r.status,
    )


def search_residents(db: Database, q: ResidentQuery, limit: int = 50) -> list[ResidentRow]:
    """The first ``limit`` matching residents as display rows."""
    return resident_rows(db, resident_ids(db, q, limit))


_HOUSEHOLD_SORTS = {
    "address": Household.address_sort,
    "estate": Estate.name,
    "grid": Grid.code,
    "residence_status": Household.residence_status,
}


def _household_text(raw: str, fts: bool) -> ColumnElement[bool] | None:
    text = _clean(raw)
    members = _text_condition(text, fts)
    if members is None:
        return None
    member_match = select(Resident.household_id).where(Resident.deleted.is_(False), members)
    conds = [Household.id.in_(member_match), Household.id.in_(_households_at(text, fts))]
    if DIGITS.fullmatch(text):
        conds.append(Household.phone.like("%" + text))
    return or_(*conds)


def _household_select(q: HouseholdQuery, fts: bool) -> Select[Any]:
    conds: list[ColumnElement[bool]] = [Household.deleted.is_(q.deleted)]
    text = _household_text(q.text, fts)
    if text is not None:
        conds.append(text)
    if q.grid_id:
        conds.append(Household.grid_id == q.grid_id)
    if q.estate_id:
        conds.append(Household.estate_id == q.estate_id)
    key = _HOUSEHOLD_SORTS.get(q.sort, Household.address)
    return (
        select(Household.id)
        .outerjoin(Estate, Estate.id == Household.estate_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .where(*conds)
        .order_by(key.desc() if q.descending else key.asc(), Household.id)
    )


def household_ids(db: Database, q: HouseholdQuery, limit: int | None = None) -> list[str]:
    query = _household_select(q, db.has_fts)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as s:
        return list(s.scalars(query))


def household_id_query(db: Database, q: HouseholdQuery) -> IdQuery:
    """:func:`household_ids` as a list's job, which can also read the first page alone."""
    return IdQuery(db, _household_select(q, db.has_fts))


def household_rows(db: Database, ids: Sequence[str]) -> list[HouseholdRow]:
    if not ids:
        return []
    with db.read() as s:
        live_members = and_(
            Resident.household_id == Household.id,
            Resident.deleted.is_(False),
            Resident.status == "active",
        )
        is_head = and_(live_members, Resident.relation == codes.HEAD_OF_HOUSEHOLD)
        head = select(Resident.name).where(is_head).limit(1).scalar_subquery()
        # 联系电话: the household's own, else its head's (most households have only that)
        head_phone = select(Resident.phone).where(is_head).limit(1).scalar_subquery()
        members = select(func.count(Resident.id)).where(live_members).scalar_subquery()
        rows = s.execute(
            select(Household, Estate.name, Grid.name, head, members, head_phone)
            .outerjoin(Estate, Estate.id == Household.estate_id)
            .outerjoin(Grid, Grid.id == Household.grid_id)
            .where(Household.id.in_(ids))
        ).all()
        by_id = {
            h.id: HouseholdRow(
                h.id,
                h.address,
                estate or "",
                grid or "",
                head_name or "",
                int(count or 0),
                mask_phone(h.phone or phone or ""),
                h.residence_status,
            )
            for h, estate, grid, head_name, count, phone in rows
        }
    return [by_id[i] for i in ids if i in by_id]


def household_members(db: Database, household_id: str) -> list[ResidentRow]:
    """Live members of a household, 户主 first."""
    with db.read() as s:
        ids = list(
            s.scalars(
                select(Resident.id)
                .where(Resident.household_id == household_id, Resident.deleted.is_(False))
                .order_by(Resident.relation, Resident.birth_date)
            )
        )
    return resident_rows(db, ids)
