"""Importing a 居民台账 workbook: plan (a dry run that writes nothing), then apply the accepted
rows in one transaction, and give back the failed rows as a workbook to fix and import again.

Every row is checked before anything is written (``importer_rows``): cells are cleaned, the
ID number is verified and agrees with gender and birth date, 网格 and 小区 exist or are to be
created (``importer_places``), a person listed twice is reported or skipped, and a resident
already registered is updated, skipped or refused as the user chose. Households come from a 户号
column, or from the address with 与户主关系 = 户主 (``importer_households``)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from threading import Thread
from typing import Any, Final

from sqlalchemy import Row, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redoffice.kit import audit_log, backups, clock, scope
from redoffice.kit.bulk_load import collector_paused, larger_cache
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.exports import chunks
from redoffice.kit.messages import message
from redoffice.kit.sheets import Header, auto_mapping, head_and_header, sheet_names, stream_sheet
from redoffice.kit.workbook import rows_workbook
from redoffice.models import Grid, Household, Resident, ResidentTag
from redoffice.registry import cleaning, search
from redoffice.registry.importer_households import group_households, has_rows, household_ids
from redoffice.registry.importer_places import NewPlaces, Places, create_places, place_rows
from redoffice.registry.importer_rows import Cleaner, ImportRow, Labels, check_row, is_note_row
from redoffice.registry.importer_write import (
    RESIDENT_FIELDS,
    Progress,
    Steps,
    insert_residents,
    save_resident,
)
from redoffice.settings import config
from redoffice.visits import state as visit_state

ON_DUPLICATE: Final = ("update", "skip", "error")
GROUP_BY: Final = ("auto", "household_no", "address")
UNIQUE_NUMBER: Final = "uq_resident_owner_node_id_number"  # PostgreSQL names the index
ANALYZE_AFTER: Final = 5000  # rows written; planner statistics refreshed after larger imports


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    mapping: dict[int, str] | None = None  # column index -> field; None: remembered or automatic
    on_duplicate: str = "update"  # a registered resident, or a person listed twice in the file
    all_or_nothing: bool = False
    create_places: bool = False  # the 网格 and 小区 not yet registered are created
    group_by: str = "auto"  # household_no (户号) | address (住址 + 户主) | auto: 户号 if mapped


@dataclass
class ImportPlan:
    path: Path
    source: audit_log.SourceFile  # the file's name and SHA-256 as read for this plan
    sheet: str
    header: Header
    header_rows: list[list[Any]]  # the title rows and the header, as in the file
    mapping: dict[int, str]
    options: ImportOptions
    rows: list[ImportRow]
    ignored: list[int] = field(default_factory=list)  # 合计/小计 rows and notes under the table
    new_places: NewPlaces = field(default_factory=NewPlaces)
    today: date = field(default_factory=clock.today)
    labels: Labels = field(init=False)  # field -> its column's header text

    def __post_init__(self) -> None:
        self.labels = Labels.of(self.header, self.mapping)

    @property
    def by_number(self) -> bool:
        """Households are grouped by the 户号 column."""
        return self.options.group_by != "address" and "household_no" in self.mapping.values()

    def count(self, action: str) -> int:
        return sum(r.action == action for r in self.rows)

    def summary(self) -> dict[str, Any]:
        return {
            "rows": len(self.rows),
            **{a: self.count(a) for a in ("new", "updated", "unchanged", "skipped", "failed")},
            "errors": [e.__dict__ for r in self.rows for e in r.errors],
            "warnings": [e.__dict__ for r in self.rows for e in r.warnings],
            "ignored": self.ignored,
            "new_places": self.new_places.describe(),
        }

    def text(self) -> str:
        """The dry run's counts, as the CLI and the wizard say them."""
        s = self.summary()
        ignored = f"；略过合计/说明行 {len(self.ignored)} 行" if self.ignored else ""
        places = f"\n将新建{self.new_places.describe()}" if self.new_places else ""
        return (
            f"共 {s['rows']} 行：新增 {s['new']}，更新 {s['updated']}，无变化 {s['unchanged']}，"
            f"跳过 {s['skipped']}，不能导入 {s['failed']}{ignored}{places}"
        )


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
    errors and warnings, and the places the import will create. Nothing is written."""
    with collector_paused():
        return _plan(db, path, options)


def _plan(db: Database, path: Path, options: ImportOptions) -> ImportPlan:
    if options.on_duplicate not in ON_DUPLICATE:
        raise UserError("invalid_choice", value=options.on_duplicate)
    if options.group_by not in GROUP_BY:
        raise UserError("invalid_choice", value=options.group_by)
    loader = None if "pypinyin" in sys.modules else Thread(target=_load_pinyin, name="pypinyin")
    if loader is not None:
        loader.start()
    stream = stream_sheet(path, options.sheet)
    source = audit_log.SourceFile.of(path)  # the file previewed, not the one there at import
    head, header = head_and_header(stream)
    mapping = options.mapping or remembered_mapping(db, header) or auto_mapping(header)
    if "name" not in mapping.values():
        raise UserError("import.no_name_column")
    if options.group_by == "household_no" and "household_no" not in mapping.values():
        raise UserError("import.no_household_column")
    plan = ImportPlan(
        path, source, stream.name, header, head[: header.data_row], mapping, options, []
    )
    _read_rows(plan, chain(head[header.data_row :], stream.rows))
    del stream, head  # the workbook's copy of the sheet goes with them
    if loader is not None:  # pypinyin's own modules import each other in a circle: imported
        loader.join()  # on two threads at once (a small file's write), one fails (ImportError)
    with db.read() as s:
        _check_rows(s, plan, db.user.name if db.user else "")
    return plan


def _load_pinyin() -> None:
    """pypinyin and its dictionaries (0.1–0.3 s), which the write needs for every new name,
    loaded on the other core while calamine reads the file (it lets go of the GIL meanwhile)."""
    import pypinyin  # noqa: F401


def _read_rows(plan: ImportPlan, data: Iterable[list[Any]]) -> None:
    """Each person's row cleaned; blank lines (nothing in a mapped column), 合计 rows and notes
    under the table left out."""
    clean = Cleaner(plan.mapping, plan.labels)
    id_column = next((c for c, f in plan.mapping.items() if f == "id_number"), None)
    blank = _blank_test(sorted(plan.mapping))
    for n, cells in enumerate(data, start=plan.header.data_row + 1):
        if blank(cells):
            continue  # blank, or only a 序号 written in advance
        if is_note_row(cells, id_column):
            plan.ignored.append(n)
        else:
            plan.rows.append(clean.row(n, cells))


def _blank_test(mapped: list[int]) -> Callable[[list[Any]], bool]:
    """Whether a row has nothing in any mapped column: the mapped cells taken at once and their
    Nones counted in C (a generator over 110k rows × 20 columns cost 0.2 s)."""
    width, cells_of = mapped[-1] + 1, itemgetter(*mapped, mapped[-1])  # always a tuple

    def blank(cells: list[Any]) -> bool:
        if len(cells) >= width:
            values: tuple[Any, ...] = cells_of(cells)
            return values.count(None) == len(values)
        return all(cells[c] is None for c in mapped if c < len(cells))

    return blank


def _check_rows(s: Session, plan: ImportPlan, user: str) -> None:
    labels, places = plan.labels, Places.read(s)
    for row in plan.rows:
        check_row(row, labels, plan.today)
        places.check(row, labels, plan.options.create_places)
    _check_repeats(plan, labels)
    _refuse_hidden(s, _match_registry(s, plan), user)
    group_households(s, plan.rows, labels, plan.by_number)
    plan.new_places = places.new(r for r in plan.rows if r.action in ("new", "updated"))


def _check_repeats(plan: ImportPlan, labels: Labels) -> None:
    """A person listed twice in the file: the later row is skipped (the same content, or the
    user chose to skip) or refused (different content, or the user chose errors)."""
    first: dict[str, ImportRow] = {}
    choice = plan.options.on_duplicate
    for row in plan.rows:
        number = row.values.get("id_number")
        if not number or row.action == "failed":
            continue
        earlier = first.setdefault(number, row)
        if earlier is row:
            continue
        same = row.values == earlier.values
        if choice == "skip" or (same and choice == "update"):
            row.action = "skipped"
            row.warn(labels["id_number"], f"与第 {earlier.row} 行的身份证号重复，已跳过")
        else:
            differs = "" if same else "，两行内容不同，请核对后只保留一行"
            row.fail(labels["id_number"], f"与第 {earlier.row} 行的身份证号重复{differs}")


def _match_registry(s: Session, plan: ImportPlan) -> list[ImportRow]:
    """Rows whose ID number is registered: updated, unchanged, skipped or refused. Read 500 at
    a time and compared at once, so a re-import never holds the whole registry. A 网格员's
    plan looks across every grid (a person of another grid is not new: adding them again
    would break the registry's one resident per ID number): the rows of a person they do not
    see (to update, or unchanged) are given back to be refused; their name is never shown."""
    hidden: list[ImportRow] = []
    columns = [Resident.id, *(getattr(Resident, f) for f in RESIDENT_FIELDS)]
    by_number = {
        str(r.values["id_number"]): r for r in plan.rows if r.accepted and r.values.get("id_number")
    }
    with _every_grid(s):
        numbers = list(by_number) if has_rows(s, Resident) else []
    for start in range(0, len(numbers), 500):
        with _every_grid(s):
            found = s.execute(
                select(*columns).where(Resident.id_number.in_(numbers[start : start + 500]))
            ).all()
            tags = _tags(s, [r.id for r in found])
        shown = _shown(s, [r.id for r in found])
        for existing in found:
            row = by_number[str(existing.id_number)]
            registered = _Registered(existing, tags.get(existing.id, set()), existing.id in shown)
            _against_registry(plan, row, registered)
            if not registered.shown and row.accepted:
                hidden.append(row)
    return hidden


def _refuse_hidden(s: Session, rows: list[ImportRow], user: str) -> None:
    """A 网格员's 台账 listing residents of other grids (rows to update or unchanged; skipped
    or refused rows write nothing) is refused as a whole, naming the first rows and the grid
    of the first person."""
    if not rows:
        return
    with _every_grid(s):
        grid = s.scalar(
            select(Grid.name)
            .join(Household, Household.grid_id == Grid.id)
            .join(Resident, Resident.household_id == Household.id)
            .where(Resident.id == rows[0].resident_id)
        )
    raise UserError(
        "import.outside_grids", rows=_row_numbers(rows), grid=grid or "未划分网格", name=user
    )


def _row_numbers(rows: list[ImportRow]) -> str:
    """The rows' numbers (2、5、9): the first five, and how many there are when more."""
    shown = "、".join(str(r.row) for r in rows[:5])
    return shown + (f" 等 {len(rows)} 行" if len(rows) > 5 else "")


def _shown(s: Session, resident_ids: list[str]) -> set[str]:
    """Those of the residents the read session ``s`` shows (a 网格员: of their grids)."""
    if s.info.get(scope.GRIDS_KEY) is None:
        return set(resident_ids)
    return set(s.scalars(select(Resident.id).where(Resident.id.in_(resident_ids))))


@contextmanager
def _every_grid(s: Session) -> Iterator[None]:
    """The read session ``s`` not bound to a 网格员's grids (kit.scope) for the block."""
    grids = s.info.pop(scope.GRIDS_KEY, None)
    try:
        yield
    finally:
        s.info[scope.GRIDS_KEY] = grids


def _tags(s: Session, resident_ids: list[str]) -> dict[str, set[str]]:
    tags: dict[str, set[str]] = {}
    for resident_id, tag in s.execute(
        select(ResidentTag.resident_id, ResidentTag.tag).where(
            ResidentTag.resident_id.in_(resident_ids), ResidentTag.deleted.is_(False)
        )
    ):
        tags.setdefault(resident_id, set()).add(tag)
    return tags


@dataclass(frozen=True)
class _Registered:
    """The resident a row's ID number names: their fields, tags, and whether the user sees
    them (a 网格员: a resident of their grids)."""

    row: Row[Any]
    tags: set[str]
    shown: bool


def _against_registry(plan: ImportPlan, row: ImportRow, registered: _Registered) -> None:
    choice, existing = plan.options.on_duplicate, registered.row
    if choice == "error":
        text = f"该身份证号已登记在居民“{existing.name}”名下"
        row.fail(plan.labels["id_number"], text if registered.shown else message("id.other_grid"))
        return
    row.resident_id = existing.id
    if choice == "skip":
        row.action = "skipped"
        return
    same = all(
        (getattr(existing, f) or "") == (row.values[f] or "")
        for f in RESIDENT_FIELDS
        if f in row.values
    )
    new_tags = set(row.values.get("tags", ())) - registered.tags
    row.action = "unchanged" if same and not new_tags else "updated"


# -- apply ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What the import wrote (and what it left out)."""

    new: int
    updated: int
    unchanged: int
    skipped: int
    failed: int
    grids: int = 0  # 网格 created
    estates: int = 0  # 小区 created

    def text(self) -> str:
        wrote = self.new + self.updated + self.grids + self.estates
        head = "已导入" if wrote else "没有写入任何数据"
        places = "".join(
            f"，新建{what} {n} 个"
            for what, n in (("网格", self.grids), ("小区", self.estates))
            if n
        )
        return (
            f"{head}：新增 {self.new} 人，更新 {self.updated} 人{places}；"
            f"无变化 {self.unchanged} 人，跳过 {self.skipped} 人，不能导入 {self.failed} 行"
        )


def apply_import(
    db: Database,
    plan: ImportPlan,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the accepted rows and the new places in one transaction, audited as one batch
    (the file, its SHA-256, the counts). All-or-nothing refuses when any row failed; Cancel
    (``cancelled()`` returning True) stops and writes nothing."""
    with collector_paused():
        try:
            return _apply(db, plan, progress, cancelled)
        except IntegrityError as exc:  # rolled back: nothing written
            if not _duplicate_number(exc):
                raise
            raise _registered_since(db, plan) from exc


def _duplicate_number(exc: IntegrityError) -> bool:
    """Whether the failure is a second resident of one ID number (the unique index, rebuilt
    after a large load: kit.bulk_load, or kept row by row)."""
    text = str(exc.orig)
    return UNIQUE_NUMBER in text or "resident.owner_node, resident.id_number" in text


def _registered_since(db: Database, plan: ImportPlan) -> UserError:
    """The refusal naming the new rows whose ID number another clerk (or a sync) registered
    between the dry run and the write: the dry run refused every one it saw."""
    new = {r.values.get("id_number"): r for r in plan.rows if r.action == "new"}
    numbers = [str(n) for n in new if n]
    found: set[str] = set()
    with db.read() as s, _every_grid(s):
        for part in chunks(numbers):
            found |= set(s.scalars(select(Resident.id_number).where(Resident.id_number.in_(part))))
    rows = sorted((new[n] for n in found), key=lambda r: r.row)
    return UserError("import.registered_since", rows=_row_numbers(rows) or "?")


def _apply(
    db: Database,
    plan: ImportPlan,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ImportResult:
    failed = plan.count("failed")
    if plan.options.all_or_nothing and failed:
        raise UserError("import.has_failures", count=failed)
    backups.backup_before(db, "import")  # a verified copy first (issue 16)
    todo = [r for r in plan.rows if r.action in ("new", "updated")]
    step = Steps(len(todo), progress, cancelled)
    # the plan checked duplicates and heads within the file: no autoflush needed
    with (
        db.uow() as s,
        larger_cache(s, len(todo)),  # SQLite: a larger page cache, its own again before commit
        s.no_autoflush,
        search.deferred_indexing(s),
        audit_log.batch(s, "import", plan.source),
    ):
        grids, estates = create_places(s, plan.new_places)
        place_rows(todo, grids, estates)
        homes = household_ids(s, todo)
        _refuse_other_grids(db, s, todo, homes)
        for row in todo:
            if row.action == "updated":
                save_resident(s, row, homes[row.household_key])
                step.done(1)
        insert_residents(s, [r for r in todo if r.action == "new"], homes, step)
        s.flush()
        visit_state.recompute(s.connection(), _plan_households(s, homes), clock.today())
        step.check()  # the last moment to say no: nothing is kept
    if len(todo) >= ANALYZE_AFTER:
        db.analyze()  # else the next import's lookups may walk the whole registry
    return ImportResult(
        plan.count("new"),
        plan.count("updated"),
        plan.count("unchanged"),
        plan.count("skipped"),
        failed,
        len(grids),
        len(estates),
    )


def _refuse_other_grids(
    db: Database, s: Session, rows: list[ImportRow], homes: dict[str, str]
) -> None:
    """A 网格员 imports only the households of their grids (issue 16): a row going to a
    household of another grid (or of none), or moving a resident out of one (a person of
    another grid listed in their 台账), refuses the whole import, naming the first such rows
    and the grid of the first; the transaction is rolled back."""
    user = db.user
    if user is None or user.grids is None:
        return
    updated = [r.resident_id for r in rows if r.action == "updated" and r.resident_id]
    before = _pairs(s, select(Resident.id, Resident.household_id), Resident.id, updated)
    wanted = sorted(set(homes.values()) | {h for h in before.values() if h})
    grid_of = _pairs(s, select(Household.id, Household.grid_id), Household.id, wanted)
    grids = user.grids

    def far(row: ImportRow) -> list[str | None]:
        """The grids of the row outside the user's: its household's, the one it leaves."""
        moves = [before.get(row.resident_id or "")] if row.action == "updated" else []
        return [
            g
            for g in (grid_of.get(h or "") for h in [homes[row.household_key], *moves])
            if g not in grids
        ]

    outside = [(r, grid) for r in rows if (grid := far(r))]
    if outside:
        first = s.get(Grid, outside[0][1][0] or "")
        raise UserError(
            "import.outside_grids",
            rows=_row_numbers([r for r, _ in outside]),
            grid=first.name if first else "未划分网格",
            name=user.name,
        )


def _pairs(s: Session, query: Any, key: Any, ids: list[str]) -> dict[str, Any]:
    """``query``'s (key, value) rows for ``ids`` of ``key``, a query's worth at a time."""
    found: dict[str, Any] = {}
    for part in chunks(ids):
        found.update((k, v) for k, v in s.execute(query.where(key.in_(part))))
    return found


def _plan_households(s: Session, homes: dict[str, str]) -> set[str] | None:
    """The households whose visit state the import may have moved, or every household when
    they are most of them: one pass over the tables beats 35,000 ids in IN lists (0.47 s
    against 0.7–0.8 s for an import into an empty registry)."""
    touched = set(homes.values())
    if not touched:
        return touched
    live = s.scalar(select(func.count()).where(Household.deleted.is_(False))) or 0
    return visit_state.ALL if 2 * len(touched) >= live else touched


# -- the failed rows, to fix and import again --------------------------------------------------


def failure_rows(plan: ImportPlan) -> tuple[list[list[Any]], list[list[Any]]]:
    """The title rows and header as in the file, and the failed rows as they were (read again
    from the file), each with a 错误原因 naming its row in the original file."""
    reasons = {
        r.row: f"原表第 {r.row} 行：" + "；".join(f"{e.column}：{e.message}" for e in r.errors)
        for r in plan.rows
        if r.action == "failed"
    }
    cells = [
        (_printable(row), reasons[n])
        for n, row in enumerate(stream_sheet(plan.path, plan.sheet).rows, start=1)
        if n in reasons
    ]
    top = [_unmerged(_printable(row)) for row in plan.header_rows]
    width = max([len(r) for r in top] + [len(c) for c, _ in cells] + [1])
    header = [row + [None] * (width - len(row)) for row in top]
    for extra in header[:-1]:
        extra.append(None)
    header[-1].append("错误原因")
    failed = [row + [None] * (width - len(row)) + [reason] for row, reason in cells]
    return header, failed


def _printable(row: list[Any]) -> list[Any]:
    """Cells a workbook can hold: control characters removed."""
    return [cleaning.CONTROL.sub("", v) if isinstance(v, str) else v for v in row]


def _unmerged(row: list[Any]) -> list[Any]:
    """A merged title or header cell once, not repeated over every column it covers."""
    return [None if c and v is not None and v == row[c - 1] else v for c, v in enumerate(row)]


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
