"""One row of a 台账 being imported: its cells cleaned, its classification columns read value by
value, and the checks the resident form makes, refused as row errors (so the write never stops
half-way). Also which rows are not people at all: 合计/小计 rows and the notes under a table."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Final

from redoffice.kit import codes
from redoffice.kit.messages import message
from redoffice.kit.sheets import FIELD_LABELS, Header
from redoffice.kit.validation import IdNumberError, normalize_phone, parse_id_number
from redoffice.registry import cleaning
from redoffice.registry.addresses import household_address


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
    warnings: tuple[RowError, ...] = ()  # imported all the same
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
            self.address = _address_of(self.values)
        return self.address

    @property
    def accepted(self) -> bool:
        return self.action not in ("failed", "skipped")

    def fail(self, column: str, text: str) -> None:
        self.errors += (RowError(self.row, column, text),)
        self.action = "failed"

    def warn(self, column: str, text: str) -> None:
        self.warnings += (RowError(self.row, column, text),)


def _address_of(v: dict[str, Any]) -> str:
    if v.get("estate"):
        return _estate_address(
            v["estate"], v.get("building", ""), v.get("unit", ""), v.get("room", "")
        )
    return str(v.get("address") or "")


@lru_cache(maxsize=65536)  # the members of a household share it: each address made once
def _estate_address(estate: str, building: str, unit: str, room: str) -> str:
    return household_address(estate, building, unit, room, "")


class Labels(dict[str, str]):
    """Field -> the header text of its column (the field's usual name when it is not mapped)."""

    @classmethod
    def of(cls, header: Header, mapping: dict[int, str]) -> Labels:
        # the leftmost column mapped to a field names it
        return cls(
            {f: header.texts[c] or FIELD_LABELS[f] for c, f in reversed(sorted(mapping.items()))}
        )

    def __missing__(self, key: str) -> str:
        return FIELD_LABELS.get(key, key)

    def required(self, key: str, text: str) -> str:
        """Why a required value is missing: ``text`` when its column is mapped and the cell is
        empty, else which column to map (the wizard's mapping step, the CLI's --mapping)."""
        if key in self:
            return text
        label = FIELD_LABELS[key]
        columns = SOURCE_COLUMNS.get(key, label)
        return (
            f"没有对应“{label}”的列：请在“对应字段”一步把{columns}所在的列对应到“{label}”"
            "（命令行 --mapping）"
        )


# the header texts a required field's column usually has, named when no column is mapped to it
SOURCE_COLUMNS: Final = {"room": "门牌号/房号", "id_number": "身份证号", "gender": "性别"}


CLEANERS: Final[dict[str, Callable[[Any], Any]]] = {
    "id_number": cleaning.id_number,
    "birth_date": cleaning.a_date,
    "gender": cleaning.gender,
    "relation": cleaning.relation,
    "political_status": cleaning.political_status,
    "residence_type": cleaning.classes,
    "tags": cleaning.classes,
    "notes": cleaning.prose,
    "address": cleaning.prose,
}

# columns with few distinct values: each distinct cell is cleaned once (names repeat ~5 times in
# 110k rows, and cleaning a Chinese name is a Unicode normalization)
REPEATING: Final = frozenset(
    {
        "name",
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
CONTROLS_REMOVED: Final = "含有不可见的控制字符，已删除"
# what a cleaned cell does to its row, when more than giving its field a value
KEEP: Final = 0  # its value is kept under its field (control characters were removed)
EMPTY: Final = 1  # nothing to keep
FAILS: Final = 2  # a CellError: the row fails
CLASSES: Final = 3  # classification words, settled once the whole row is read
TOO_LONG: Final = 4  # kept, and the row fails: longer than its field may be


@dataclass(frozen=True, slots=True)
class Odd:
    """A cleaned cell that does more to its row than give its field a value (most cells just
    do: they are their cleaned value, so that a row is read with one look-up per cell)."""

    value: Any  # the cleaned value, the CellError or the Classes
    controls: bool  # control characters were removed first
    kind: int


Column = tuple[int, str, Callable[[Any], Any], str, dict[Any, Any] | None, int | None]
_UNSEEN: Final = object()


class Cleaner:
    """Cleans each mapped cell of a row; a cell that cannot be cleaned fails its row."""

    def __init__(self, mapping: dict[int, str], labels: Labels) -> None:
        # the residence type column first: its word wins over 人员类别's
        ordered = sorted(mapping.items(), key=lambda item: item[1] != "residence_type")
        self.columns: list[Column] = [
            (
                column,
                field_name,
                CLEANERS.get(field_name) or cleaning.text,
                labels[field_name],
                {} if field_name in REPEATING else None,  # cell -> its cleaned value or Odd
                LENGTHS.get(field_name),
            )
            for column, field_name in ordered
        ]
        self.width = max(mapping) + 1
        self.notes_label = labels["notes"]

    def row(self, number: int, cells: list[Any]) -> ImportRow:
        """The row's cleaned values; empty cells are not kept (100k rows weigh less)."""
        values: dict[str, Any] = {}
        row = ImportRow(number, values)
        if len(cells) < self.width:
            cells = [*cells, *[None] * (self.width - len(cells))]
        odd: list[tuple[str, str, Odd]] = []
        for column, field_name, clean, label, memo, limit in self.columns:
            raw = cells[column]
            if raw is None:
                continue
            if memo is None:
                value = _cleaned(clean, raw, limit)
            else:  # 1, 1.0 and True are equal keys but different cells: the type is kept
                key = raw if raw.__class__ is str else (raw.__class__, raw)
                value = memo.get(key, _UNSEEN)
                if value is _UNSEEN:
                    value = memo[key] = _cleaned(clean, raw, limit)
            if value.__class__ is Odd:
                odd.append((field_name, label, value))
            else:
                values[field_name] = value
        if odd:
            self._odd(row, odd)
        return row

    def _odd(self, row: ImportRow, odd: list[tuple[str, str, Odd]]) -> None:
        """What the row's odd cells do to it, in the order of its columns."""
        found: list[tuple[str, cleaning.Classes]] = []
        for field_name, label, cell in odd:
            if cell.controls:
                row.warn(label, CONTROLS_REMOVED)
            if cell.kind in (KEEP, TOO_LONG):
                row.values[field_name] = cell.value
            if cell.kind == TOO_LONG:
                row.fail(label, message("too_long", max=LENGTHS[field_name]))
            elif cell.kind == CLASSES:
                found.append((label, cell.value))
            elif cell.kind == FAILS:
                row.fail(label, cell.value.text)
        if found:
            _settle_classes(row, tuple(found), self.notes_label)


def _cleaned(clean: Callable[[Any], Any], raw: Any, limit: int | None) -> Any:
    """The cleaned cell, or an :class:`Odd` saying what else it does: control characters
    removed from it first, empty, failing (why), classification words, too long (a repeating
    cell is cleaned once, so its text is searched for control characters, its kind told and
    its length checked only once)."""
    controls = False
    if isinstance(raw, str) and not raw.isprintable():
        bare = cleaning.without_controls(raw)
        raw, controls = (raw, False) if bare is None else (bare, True)
    try:
        value = clean(raw)
    except cleaning.CellError as exc:
        return Odd(exc, controls, FAILS)
    if isinstance(value, cleaning.Classes):
        kind = CLASSES
    elif limit is not None and len(str(value)) > limit:
        kind = TOO_LONG
    else:
        kind = KEEP if value or value == 0 else EMPTY
    return Odd(value, controls, kind) if controls or kind != KEEP else value


@dataclass(frozen=True, slots=True)
class Settled:
    """What a row's classification cells come to: its residence type, its tags, the words
    kept in 备注 and the warnings, as (column, text)."""

    residence: str
    tags: tuple[str, ...]
    notes: str
    warnings: tuple[tuple[str, str], ...]


def _settle_classes(
    row: ImportRow, found: tuple[tuple[str, cleaning.Classes], ...], notes_label: str
) -> None:
    settled = _settled(found)
    for label, text in settled.warnings:
        row.warn(label, text)
    if settled.residence:
        row.values["residence_type"] = settled.residence
    if settled.tags:
        row.values["tags"] = settled.tags
    if settled.notes:
        cell = row.values.get("notes", "")
        notes = row.values["notes"] = "；".join([cell, settled.notes]).lstrip("；")
        if len(cell) <= LENGTHS["notes"] < len(notes):  # a cell too long already failed
            row.fail(notes_label, message("too_long", max=LENGTHS["notes"]))


@lru_cache(maxsize=4096)  # rows say the same few things: each combination settled once
def _settled(found: tuple[tuple[str, cleaning.Classes], ...]) -> Settled:
    """Residence types to the residence type (the first one named), groups to the tags; a word
    that is neither, only approximately a residence type (寄住) or contradicting the first goes
    to 备注, so the row is imported and nothing the ledger said is lost."""
    residence = ""
    tags: list[str] = []
    notes: list[str] = []
    warnings: list[tuple[str, str]] = []
    for label, classes in found:
        kept = []
        for word, code, exact in classes.residences:
            if residence and code != residence:
                named = codes.label(codes.RESIDENCE_TYPES, residence)
                warnings.append((label, f"“{word}”与已填的人员类型“{named}”不一致，已记入备注"))
            residence = residence or code
            kept += [] if exact and code == residence else [word]
        for word in classes.unknown:
            warnings.append((label, f"“{word}”不是已知的人员类型或人群类别，已记入备注"))
        kept += classes.unknown
        tags += classes.tags
        if kept:
            notes.append(f"{label}：{'、'.join(kept)}")
    return Settled(residence, tuple(dict.fromkeys(tags)), "；".join(notes), tuple(warnings))


LENGTHS: Final = {
    "name": 64,
    "ethnicity": 16,
    "hukou_place": 255,
    "notes": 2000,
    "grid": 64,
    "estate": 128,
    "building": 32,
    "unit": 32,
    "room": 32,
    "address": 255,
}


def check_row(row: ImportRow, labels: Labels, today: date) -> None:
    """What the resident form refuses: a missing name, a bad phone, a birth date in the future,
    a 小区 without 房号, an ID number that is missing, invalid or contradicted (overlong text is
    refused as the cells are cleaned, :class:`Cleaner`)."""
    v = row.values
    if not v.get("name"):
        row.fail(labels["name"], "姓名必须填写")
    if v.get("phone"):
        phone = normalize_phone(str(v["phone"]))
        if phone is None:
            row.fail(labels["phone"], message("phone.invalid"))
        v["phone"] = phone or v["phone"]
    born = v.get("birth_date")
    if isinstance(born, date) and born > today:
        row.fail(labels["birth_date"], "出生日期不能晚于今天")
    if v.get("estate") and not v.get("room"):
        row.fail(labels["room"], labels.required("room", "小区住户必须填写房号"))
    _check_identity(row, labels, today)


def _check_identity(row: ImportRow, labels: Labels, today: date) -> None:
    """A valid ID number agreeing with gender and birth date; missing ones are taken from it."""
    v = row.values
    number = v.get("id_number")
    if not number:
        if v.get("residence_type") != "overseas" and row.action != "failed":
            row.fail(labels["id_number"], labels.required("id_number", "身份证号必须填写"))
        elif not v.get("gender"):
            row.fail(labels["gender"], labels.required("gender", "没有身份证号时必须填写性别"))
        return
    try:
        parsed = parse_id_number(number, today)
    except IdNumberError as exc:
        row.fail(labels["id_number"], message(exc.code, **exc.params))
        return
    v["id_number"] = parsed.number
    if v.get("gender") and v["gender"] != parsed.gender:
        expected = codes.label(codes.GENDERS, parsed.gender)
        row.fail(labels["gender"], f"性别与身份证号不一致（身份证号为{expected}性）")
    if v.get("birth_date") and v["birth_date"] != parsed.birth_date:
        row.fail(
            labels["birth_date"],
            f"出生日期与身份证号不一致（身份证号为 {parsed.birth_date.isoformat()}）",
        )
    v["gender"] = v.get("gender") or parsed.gender
    v["birth_date"] = v.get("birth_date") or parsed.birth_date


SUMMARY_WORDS: Final = ("合计", "小计", "总计", "共计")
NOTE = re.compile(
    r"^(填表人|填报人|制表人|审核人|审批人|负责人|统计人|经办人|联系人|填表日期|填报日期|"
    r"制表日期|填报单位|制表单位|说明|注|备注|附注|签字|盖章)\s*(?:[:：]|[0-9一二三（(]|$)"
)


def is_note_row(cells: list[Any], id_column: int | None) -> bool:
    """A 合计/小计 row or a note under the table (填表人：…, 说明：…), not a person: no ID
    number, and its first cell starts like one of those."""
    if id_column is not None and id_column < len(cells):
        raw = cells[id_column]
        head = raw[:15] if raw.__class__ is str and len(raw) >= 15 else ""
        if head.isascii() and head.isdigit():
            return False  # a person's row (almost all): told without cleaning the cell
        number = cleaning.text(raw).replace(" ", "")
        if len(number) >= 15 and number[:15].isdigit():
            return False
    first = next((cleaning.text(v).replace(" ", "") for v in cells if v is not None), "")
    return first.startswith(SUMMARY_WORDS) or NOTE.match(first) is not None
