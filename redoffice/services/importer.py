"""Importing a 居民台账 workbook: plan (a dry run that writes nothing), then apply the accepted
rows in one transaction, and give back the failed rows as a workbook to fix and import again.

Every row is checked before anything is written: cells are cleaned (``cleaning``), the ID number
is verified and agrees with gender and birth date, 网格 and 小区 exist, the ID number is not
twice in the file, and a resident already registered is updated, skipped or refused as the user
chose. Households come from a 户号 column, or from the address with 与户主关系 = 户主."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from redoffice import changes, codes, visit_state
from redoffice.db import Database
from redoffice.errors import UserError, ValidationFailed
from redoffice.messages import message
from redoffice.models import Estate, Grid, Household, Resident, ResidentTag
from redoffice.models.base import utcnow
from redoffice.reports.workbook import rows_workbook
from redoffice.services import cleaning, config, search
from redoffice.services.addresses import household_address
from redoffice.services.records import save
from redoffice.services.residents import (
    ResidentInput,
    TagInput,
    pinyin_keys,
    resident_input,
    resident_values,
    sync_tags,
)
from redoffice.services.sheets import (
    FIELD_LABELS,
    Header,
    auto_mapping,
    head_and_header,
    sheet_names,
    stream_sheet,
)
from redoffice.services.validation import (
    IdNumberError,
    natural_key,
    normalize_phone,
    parse_id_number,
    spaced_chars,
)

ON_DUPLICATE: Final = ("update", "skip", "error")
GROUP_BY: Final = ("auto", "household_no", "address")
RESIDENT_FIELDS: Final = (
    "name",
    "gender",
    "id_number",
    "birth_date",
    "ethnicity",
    "phone",
    "political_status",
    "hukou_place",
    "residence_type",
    "relation",
    "notes",
)
Progress = Callable[[int, int], None]
ANALYZE_AFTER: Final = 5000  # rows written; planner statistics refreshed after larger imports


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    mapping: dict[int, str] | None = None  # column index -> field; None: remembered or automatic
    on_duplicate: str = "update"
    all_or_nothing: bool = False
    create_grids: bool = False
    group_by: str = "auto"  # household_no (户号) | address (住址 + 户主) | auto: 户号 if mapped


@dataclass(frozen=True)
class RowError:
    row: int  # as Excel shows it
    column: str  # header text
    message: str


@dataclass(slots=True)
class ImportRow:
    """One data row: its cleaned values (the cells themselves are read again only for the
    failure workbook, so 100k rows are never held twice)."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)  # the cleaned cells, by field
    errors: tuple[RowError, ...] = ()  # a list per row would weigh 6 MB for 100k rows
    action: str = "new"  # new | updated | unchanged | skipped | failed
    resident_id: str | None = None
    household_key: str = ""
    # worked out by the checks (kept out of ``values``: a larger dict per row costs 30 MB)
    grid_id: str | None = None
    estate_id: str | None = None
    address: str | None = None

    @property
    def address_key(self) -> str:
        """The household address the row names (worked out once)."""
        if self.address is None:
            self.address = _address_of(self)
        return self.address

    def fail(self, column: str, text: str) -> None:
        self.errors += (RowError(self.row, column, text),)
        self.action = "failed"


@dataclass
class ImportPlan:
    path: Path
    sheet: str
    header: Header
    header_rows: list[list[Any]]
    mapping: dict[int, str]
    options: ImportOptions
    rows: list[ImportRow]
    new_grids: list[str] = field(default_factory=list)
    today: date = field(default_factory=date.today)

    def count(self, action: str) -> int:
        return sum(r.action == action for r in self.rows)

    def summary(self) -> dict[str, Any]:
        return {
            "rows": len(self.rows),
            **{a: self.count(a) for a in ("new", "updated", "unchanged", "skipped", "failed")},
            "errors": [e.__dict__ for r in self.rows for e in r.errors],
        }


class _Places:
    """The 网格 and 小区 rows name, read once."""

    def __init__(self, s: Session) -> None:
        grids = s.execute(select(Grid.id, Grid.code, Grid.name).where(Grid.deleted.is_(False)))
        self.grids: dict[str, str] = {}
        for grid_id, code, name in grids:
            self.grids[code] = self.grids[name] = grid_id
        self.estates: dict[str, str] = {
            name: estate_id
            for name, estate_id in s.execute(
                select(Estate.name, Estate.id).where(Estate.deleted.is_(False))
            )
        }


def _match_registry(s: Session, plan: ImportPlan) -> None:
    """Rows whose ID number is registered: updated, unchanged, skipped or refused. Read 500 at
    a time and compared at once, so a re-import never holds the whole registry."""
    columns = [Resident.id, *(getattr(Resident, f) for f in RESIDENT_FIELDS)]
    by_number = {
        str(r.values["id_number"]): r
        for r in plan.rows
        if r.values.get("id_number") and r.action != "failed"
    }
    numbers = list(by_number)
    for start in range(0, len(numbers), 500):
        found = s.execute(
            select(*columns).where(Resident.id_number.in_(numbers[start : start + 500]))
        ).all()
        tags: dict[str, set[str]] = {}
        for resident_id, tag in s.execute(
            select(ResidentTag.resident_id, ResidentTag.tag).where(
                ResidentTag.resident_id.in_([r.id for r in found]),
                ResidentTag.deleted.is_(False),
            )
        ):
            tags.setdefault(resident_id, set()).add(tag)
        for existing in found:
            row = by_number[str(existing.id_number)]
            _against_registry(plan, row, existing, tags.get(existing.id, set()))


def remembered_mapping(db: Database, header: Header) -> dict[int, str] | None:
    with db.read() as s:
        stored = (config.get_value(s, "import.mappings") or {}).get(header.signature)
    return {int(k): v for k, v in stored.items()} if stored else None


def remember_mapping(db: Database, header: Header, mapping: dict[int, str]) -> None:
    """The mapping the user corrected, kept for workbooks with the same header."""
    with db.uow() as s:
        stored = dict(config.get_value(s, "import.mappings") or {})
        stored[header.signature] = {str(k): v for k, v in mapping.items()}
        config.put_value(s, "import.mappings", stored)


def plan_import(db: Database, path: Path, options: ImportOptions = ImportOptions()) -> ImportPlan:
    """The dry run: every row classified (new, updated, unchanged, skipped, failed) with its
    errors. Nothing is written."""
    if options.on_duplicate not in ON_DUPLICATE:
        raise UserError("invalid_choice", value=options.on_duplicate)
    if options.group_by not in GROUP_BY:
        raise UserError("invalid_choice", value=options.group_by)
    stream = stream_sheet(path, options.sheet)
    head, header = head_and_header(stream)
    mapping = options.mapping or remembered_mapping(db, header) or auto_mapping(header)
    if "name" not in mapping.values():
        raise UserError("import.no_name_column")
    if options.group_by == "household_no" and "household_no" not in mapping.values():
        raise UserError("import.no_household_column")
    header_rows = head[header.first_row : header.data_row]
    plan = ImportPlan(path, stream.name, header, header_rows, mapping, options, [])
    clean = _Cleaner(plan)
    data = chain(head[header.data_row :], stream.rows)
    for n, cells in enumerate(data, start=header.data_row + 1):
        if any(v is not None for v in cells):
            plan.rows.append(clean.row(n, cells))
    del stream, head, data  # the workbook's copy of the sheet goes with them
    rows = plan.rows
    with db.read() as s:
        known = _Places(s)
        for row in rows:
            _check(plan, row, known)
        _match_registry(s, plan)
        places = _registered_places(s, {r.address_key for r in rows} - {""})
    _check_duplicates(plan)
    _group_households(plan, places)
    return plan


def _column(plan: ImportPlan, field_name: str) -> str:
    for column, mapped in plan.mapping.items():
        if mapped == field_name:
            return plan.header.texts[column] or FIELD_LABELS[field_name]
    return FIELD_LABELS.get(field_name, field_name)


CLEANERS: Final[dict[str, Callable[[Any], Any]]] = {
    "id_number": cleaning.id_number,
    "birth_date": cleaning.a_date,
    "gender": cleaning.gender,
    "relation": cleaning.relation,
    "political_status": cleaning.political_status,
    "residence_type": cleaning.residence_type,
    "tags": cleaning.tags,
    "notes": cleaning.prose,
    "address": cleaning.prose,
}


# columns with few distinct values: each distinct cell is cleaned once
REPEATING: Final = frozenset(
    {
        "gender",
        "relation",
        "political_status",
        "residence_type",
        "tags",
        "ethnicity",
        "grid",
        "estate",
        "building",
        "unit",
        "room",
        "hukou_place",
        "household_no",  # repeated for each member of a household
        "birth_date",
    }
)


class _Cleaner:
    """Cleans each mapped cell of a row; a cell that cannot be cleaned fails its row."""

    def __init__(self, plan: ImportPlan) -> None:
        self.columns: list[tuple[int, str, Callable[[Any], Any], str, dict[Any, Any] | None]]
        self.columns = [
            (
                column,
                field_name,
                CLEANERS.get(field_name) or cleaning.text,
                _column(plan, field_name),
                {} if field_name in REPEATING else None,
            )
            for column, field_name in plan.mapping.items()
        ]

    def row(self, number: int, cells: list[Any]) -> ImportRow:
        """The row's cleaned values; empty cells are not kept (100k rows weigh less)."""
        row = ImportRow(number)
        width = len(cells)
        for column, field_name, clean, label, memo in self.columns:
            raw = cells[column] if column < width else None
            if raw is None:
                continue
            if memo is None:
                value = _cleaned(clean, raw)
            else:  # 1, 1.0 and True are equal keys but different cells: the type is kept
                value = memo.get((raw.__class__, raw), _UNSEEN)
                if value is _UNSEEN:
                    value = memo[(raw.__class__, raw)] = _cleaned(clean, raw)
            if isinstance(value, cleaning.CellError):
                row.fail(label, value.text)
            elif value or value == 0:
                row.values[field_name] = value
        return row


_UNSEEN: Final = object()


def _cleaned(clean: Callable[[Any], Any], raw: Any) -> Any:
    """The cleaned value, or the CellError saying why it cannot be trusted."""
    try:
        return clean(raw)
    except cleaning.CellError as exc:
        return exc


LENGTHS: Final = {
    "name": 64,
    "ethnicity": 16,
    "hukou_place": 255,
    "notes": 2000,
    "building": 32,
    "unit": 32,
    "room": 32,
    "address": 255,
}


def _check_fields(plan: ImportPlan, row: ImportRow) -> None:
    """What the resident form refuses, refused here as row errors (so the write never stops
    half-way): a missing name, overlong text, a bad phone, a birth date in the future."""
    v = row.values
    if not v.get("name"):
        row.fail(_column(plan, "name"), "姓名必须填写")
    for key, limit in LENGTHS.items():
        if len(str(v.get(key) or "")) > limit:
            row.fail(_column(plan, key), message("too_long", max=limit))
    if v.get("phone"):
        phone = normalize_phone(str(v["phone"]))
        if phone is None:
            row.fail(_column(plan, "phone"), message("phone.invalid"))
        v["phone"] = phone or v["phone"]
    born = v.get("birth_date")
    if isinstance(born, date) and born > plan.today:
        row.fail(_column(plan, "birth_date"), "出生日期不能晚于今天")
    if v.get("estate") and not v.get("room"):
        row.fail(_column(plan, "room"), "小区住户必须填写房号")


def _check(plan: ImportPlan, row: ImportRow, known: _Places) -> None:
    v = row.values
    _check_fields(plan, row)
    _check_identity(plan, row)
    grid = v.get("grid")
    if grid and grid not in known.grids:
        if plan.options.create_grids:
            plan.new_grids.append(grid) if grid not in plan.new_grids else None
        else:
            row.fail(_column(plan, "grid"), f"网格“{grid}”不存在，请先在基础数据中添加")
    estate = v.get("estate")
    if estate and estate not in known.estates:
        row.fail(_column(plan, "estate"), f"小区“{estate}”不存在，请先在基础数据中添加")
    row.grid_id = known.grids.get(grid or "")
    row.estate_id = known.estates.get(estate or "")


def _check_identity(plan: ImportPlan, row: ImportRow) -> None:
    """A valid ID number agreeing with gender and birth date; missing ones are taken from it."""
    v = row.values
    number = v.get("id_number")
    if not number:
        if v.get("residence_type") != "overseas" and row.action != "failed":
            row.fail(_column(plan, "id_number"), "身份证号必须填写")
        elif not v.get("gender"):
            row.fail(_column(plan, "gender"), "没有身份证号时必须填写性别")
        return
    try:
        parsed = parse_id_number(number, plan.today)
    except IdNumberError as exc:
        row.fail(_column(plan, "id_number"), message(exc.code, **exc.params))
        return
    v["id_number"] = parsed.number
    if v.get("gender") and v["gender"] != parsed.gender:
        expected = codes.label(codes.GENDERS, parsed.gender)
        row.fail(_column(plan, "gender"), f"性别与身份证号不一致（身份证号为{expected}性）")
    if v.get("birth_date") and v["birth_date"] != parsed.birth_date:
        row.fail(
            _column(plan, "birth_date"),
            f"出生日期与身份证号不一致（身份证号为 {parsed.birth_date.isoformat()}）",
        )
    v.setdefault("gender", parsed.gender)
    v["gender"] = v["gender"] or parsed.gender
    v["birth_date"] = v.get("birth_date") or parsed.birth_date


def _against_registry(plan: ImportPlan, row: ImportRow, existing: Row[Any], tags: set[str]) -> None:
    choice = plan.options.on_duplicate
    if choice == "error":
        row.fail(_column(plan, "id_number"), f"该身份证号已登记在居民“{existing.name}”名下")
        return
    row.resident_id = existing.id
    if choice == "skip":
        row.action = "skipped"
        return
    same = all(
        _same(getattr(existing, f), row.values[f]) for f in RESIDENT_FIELDS if f in row.values
    )
    new_tags = set(row.values.get("tags", ())) - tags
    row.action = "unchanged" if same and not new_tags else "updated"


def _same(stored: Any, new: Any) -> bool:
    return (stored or "") == (new or "")


def _check_duplicates(plan: ImportPlan) -> None:
    seen: dict[str, int] = {}
    for row in plan.rows:
        number = row.values.get("id_number")
        if not number or row.action == "failed":
            continue
        if number in seen:
            row.fail(_column(plan, "id_number"), f"与第 {seen[number]} 行的身份证号重复")
        else:
            seen[number] = row.row


def _address_of(row: ImportRow) -> str:
    v = row.values
    if row.estate_id:
        return household_address(
            v.get("estate"), v.get("building", ""), v.get("unit", ""), v.get("room", ""), ""
        )
    return str(v.get("address") or "")


def _group_households(plan: ImportPlan, places: dict[str, _Place]) -> None:
    """One household per 户号 (when that column is mapped) or per address; one 户主 each, also
    counting the 户主 already registered at that address."""
    by_number = plan.options.group_by != "address" and "household_no" in plan.mapping.values()
    heads: dict[str, int] = {}
    for row in plan.rows:
        if row.action in ("failed", "skipped"):
            continue
        v = row.values
        key = (
            f"户号:{v.get('household_no')}"
            if by_number and v.get("household_no")
            else row.address_key
        )
        if not row.address_key and not (by_number and v.get("household_no")):
            row.fail(_column(plan, "address"), "缺少住址（或户号），无法确定所属户")
            continue
        if not row.address_key:
            row.fail(_column(plan, "address"), "该户没有住址")
            continue
        row.household_key = key
        place = places.get(row.address_key, _Place())
        head = place.refuses(v.get("id_number"))
        if v.get("relation") == codes.HEAD_OF_HOUSEHOLD and head:
            row.fail(_column(plan, "relation"), f"该户已登记户主“{head}”，一户只能有一个户主")
            continue
        if v.get("relation") == codes.HEAD_OF_HOUSEHOLD:
            if key in heads:
                row.fail(
                    _column(plan, "relation"), f"与第 {heads[key]} 行同属一户，一户只能有一个户主"
                )
            else:
                heads[key] = row.row


@dataclass
class _Place:
    """The live households at one address and their registered 户主 (name, ID number)."""

    households: int = 0
    heads: list[tuple[str, str]] = field(default_factory=list)

    def refuses(self, number: str | None) -> str | None:
        """The name of a registered 户主 when a new 户主 has no household left to head."""
        if not self.heads or any(n == number for _, n in self.heads):
            return None
        return self.heads[0][0] if len(self.heads) >= self.households else None


def _registered_places(s: Session, addresses: set[str]) -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    wanted = list(addresses)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for address, count in s.execute(
            select(Household.address, func.count())
            .where(Household.address.in_(chunk), Household.deleted.is_(False))
            .group_by(Household.address)
        ):
            places[address] = _Place(int(count))
        for address, name, number in s.execute(
            select(Household.address, Resident.name, Resident.id_number)
            .join(Resident, Resident.household_id == Household.id)
            .where(
                Household.address.in_(chunk),
                Household.deleted.is_(False),
                Resident.deleted.is_(False),
                Resident.relation == codes.HEAD_OF_HOUSEHOLD,
            )
        ):
            places[address].heads.append((name, number or ""))
    return places


# -- apply ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    unchanged: int
    skipped: int
    failed: int


def apply_import(
    db: Database,
    plan: ImportPlan,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the accepted rows in one transaction (with their audit and change records).

    New households, residents and tags go in as bulk inserts (the plan has checked each of
    them as the forms would); residents already registered are updated one by one. All-or-
    nothing refuses when any row failed; Cancel (``cancelled()`` returning True) stops and
    writes nothing."""
    failed = plan.count("failed")
    if plan.options.all_or_nothing and failed:
        raise UserError("import.has_failures", count=failed)
    todo = [r for r in plan.rows if r.action in ("new", "updated")]
    step = _Steps(len(todo), progress, cancelled)
    # the plan checked duplicates and heads within the file: no autoflush needed
    with db.uow() as s, s.no_autoflush, search.deferred_indexing(s):
        grids = _create_grids(s, plan.new_grids)
        for row in todo:
            row.grid_id = row.grid_id or grids.get(row.values.get("grid") or "")
        homes = _household_ids(s, todo)
        for row in todo:
            if row.action == "updated":
                _save_resident(s, row, homes[row.household_key])
                step.done(1)
        _insert_residents(s, [r for r in todo if r.action == "new"], homes, step)
        s.flush()
        visit_state.recompute(s.connection(), set(homes.values()), date.today())
        step.check()  # the last moment to say no: nothing is kept
    if len(todo) >= ANALYZE_AFTER:
        db.analyze()  # else the next import's lookups may walk the whole registry
    return ImportResult(
        plan.count("new"),
        plan.count("updated"),
        plan.count("unchanged"),
        plan.count("skipped"),
        failed,
    )


class _Steps:
    """Progress reports and Cancel checks while writing."""

    def __init__(
        self, total: int, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.total, self.count = total, 0
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise UserError("import.cancelled")

    def done(self, n: int) -> None:
        self.count += n
        if self.count % 200 < n or self.count == self.total:
            self.check()
            if self.progress is not None:
                self.progress(self.count, self.total)


def _create_grids(s: Session, names: list[str]) -> dict[str, str]:
    created = {}
    for n, name in enumerate(names, 1):
        grid = Grid(code=f"IMP{n:03d}", name=name, notes="导入时新建")
        s.add(grid)
        s.flush()
        created[name] = grid.id
    return created


def _household_ids(s: Session, rows: list[ImportRow]) -> dict[str, str]:
    """Household key -> id: a live household at the address not yet given to another key,
    else a new one (inserted in bulk)."""
    node, now = str(s.info.get("node_id")), utcnow()  # one instant for the whole import
    addresses = list({r.address_key for r in rows})
    existing: dict[str, list[str]] = {}
    for start in range(0, len(addresses), 500):
        for address, household_id in s.execute(
            select(Household.address, Household.id)
            .where(
                Household.address.in_(addresses[start : start + 500]),
                Household.deleted.is_(False),
            )
            .order_by(Household.id)
        ):
            existing.setdefault(address, []).append(household_id)
    homes: dict[str, str] = {}
    taken: set[str] = set()
    new: list[dict[str, Any]] = []
    known = _live_households(s, {str(r.values.get("household_no") or "") for r in rows})
    for row in rows:
        if row.household_key in homes:
            continue
        number = str(row.values.get("household_no") or "")
        free = [h for h in existing.get(row.address_key, []) if h not in taken]
        if number in known:  # the 户号 of an export: that very household
            homes[row.household_key] = number
        elif free:
            homes[row.household_key] = free[0]
        else:
            new.append(_new_household(node, now, row))
            homes[row.household_key] = new[-1]["id"]
        taken.add(homes[row.household_key])
    changes.insert_records(s, Household, new)
    return homes


def _live_households(s: Session, ids: set[str]) -> set[str]:
    wanted = [i for i in ids if i]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found |= set(
            s.scalars(
                select(Household.id).where(
                    Household.id.in_(wanted[start : start + 500]), Household.deleted.is_(False)
                )
            )
        )
    return found


def _new_household(node: str, now: datetime, row: ImportRow) -> dict[str, Any]:
    v = row.values
    estate = bool(row.estate_id)
    parts = {
        "estate_id": row.estate_id,
        "building": v.get("building", "") if estate else "",
        "unit": v.get("unit", "") if estate else "",
        "room": v.get("room", "") if estate else "",
        "address_text": "" if estate else str(v.get("address") or ""),
    }
    address = row.address_key
    return changes.new_record(
        node,
        **parts,
        updated_at=now,
        address=address,
        search_address=spaced_chars(address),
        address_sort=natural_key(address),
        grid_id=row.grid_id,
        phone="",
        residence_status="consistent",
        notes="",
    )


def _insert_residents(
    s: Session, rows: list[ImportRow], homes: dict[str, str], step: _Steps
) -> None:
    node, now, today = str(s.info.get("node_id")), utcnow(), date.today()
    for start in range(0, len(rows), 2000):
        chunk = rows[start : start + 2000]
        people = [_new_resident(node, now, r.values, homes[r.household_key]) for r in chunk]
        tags = [
            changes.new_record(
                node,
                updated_at=now,
                resident_id=person["id"],
                tag=tag,
                since=today,
                until=None,
                note="",
            )
            for person, row in zip(people, chunk, strict=True)
            for tag in row.values.get("tags", ())
        ]
        changes.insert_records(s, Resident, people)
        changes.insert_records(s, ResidentTag, tags)
        step.done(len(chunk))


def _new_resident(node: str, now: datetime, v: dict[str, Any], household_id: str) -> dict[str, Any]:
    """The row ``residents.resident_values`` would store for this checked input."""
    name = str(v["name"])
    full, initials = pinyin_keys(name)
    number = str(v.get("id_number") or "").upper() or None
    phone = str(v.get("phone") or "")
    return changes.new_record(
        node,
        updated_at=now,
        name=name,
        name_pinyin=full,
        name_initials=initials,
        search_name=spaced_chars(name),
        gender=v.get("gender") or "",
        id_number=number,
        id_number_rev=number[::-1] if number else None,
        birth_date=v.get("birth_date"),
        ethnicity=v.get("ethnicity") or "汉族",
        phone=phone,
        phone_rev=phone[::-1],
        political_status=v.get("political_status") or "masses",
        party_org="",
        party_join_date=None,
        hukou_place=v.get("hukou_place") or "",
        current_address="",
        residence_type=v.get("residence_type") or "registered",
        household_id=household_id,
        relation=v.get("relation") or "9",
        status="active",
        status_date=None,
        notes=v.get("notes") or "",
    )


def _save_resident(s: Session, row: ImportRow, household_id: str) -> None:
    v = row.values
    current = s.get(Resident, row.resident_id) if row.resident_id else None
    base = ResidentInput(name="") if current is None else resident_input(s, current)
    updates = {f: v[f] for f in RESIDENT_FIELDS if f in v and v[f] not in (None, "")}
    data = replace(base, **updates, household_id=household_id)
    if "tags" in v:
        data = replace(data, tags=_merged_tags(base.tags, v["tags"]))
    try:
        resident = save(s, Resident, row.resident_id, resident_values(s, data, row.resident_id))
    except ValidationFailed as exc:  # the plan checks the same; kept so nothing slips through
        raise UserError("import.row_refused", row=row.row, detail=exc.text) from exc
    sync_tags(s, resident.id, data.tags)


def _merged_tags(current: tuple[TagInput, ...], tags: tuple[str, ...]) -> tuple[TagInput, ...]:
    have = {t.tag for t in current}
    return current + tuple(TagInput(tag, date.today()) for tag in tags if tag not in have)


def failure_rows(plan: ImportPlan) -> tuple[list[list[Any]], list[list[Any]]]:
    """The header rows and the failed rows as they were (read again from the file), each with
    a 错误原因 column."""
    reasons = {
        r.row: "；".join(f"{e.column}：{e.message}" for e in r.errors)
        for r in plan.rows
        if r.action == "failed"
    }
    cells = [
        (row, reasons[n])
        for n, row in enumerate(stream_sheet(plan.path, plan.sheet).rows, start=1)
        if n in reasons
    ]
    width = max([len(r) for r in plan.header_rows] + [len(c) for c, _ in cells] + [1])
    header = [row + [None] * (width - len(row)) for row in plan.header_rows]
    header[-1] = header[-1] + ["错误原因"]
    for extra in header[:-1]:
        extra.append(None)
    failed = [row + [None] * (width - len(row)) + [reason] for row, reason in cells]
    return header, failed


def failure_workbook(plan: ImportPlan) -> bytes:
    """The failed rows as a workbook to fix in Excel and import again."""
    header, failed = failure_rows(plan)
    return rows_workbook("导入失败", header, failed)


@dataclass(frozen=True)
class SheetPreview:
    """What the wizard's mapping step shows: the header, the proposed mapping, a few rows."""

    sheets: list[str]
    sheet: str
    header: Header
    mapping: dict[int, str]
    rows: list[list[Any]]


def preview(db: Database, path: Path, sheet: str | None = None, count: int = 5) -> SheetPreview:
    stream = stream_sheet(path, sheet)
    head, header = head_and_header(stream)
    mapping = remembered_mapping(db, header) or auto_mapping(header)
    rows = chain(head[header.data_row :], stream.rows)
    data = list(islice((r for r in rows if any(v is not None for v in r)), count))
    return SheetPreview(sheet_names(path), stream.name, header, mapping, data)
