"""Writing the accepted rows: new residents and their tags as bulk inserts (the plan has
checked each of them as the form would), registered residents updated one by one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from redoffice.kit import changes, clock
from redoffice.kit.bulk_load import indexes_rebuilt
from redoffice.kit.changes import Rows
from redoffice.kit.clock import utcnow
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.kit.ids import new_ids
from redoffice.kit.records import save
from redoffice.kit.validation import spaced_chars
from redoffice.models import Resident, ResidentTag
from redoffice.registry.importer_rows import ImportRow
from redoffice.registry.residents import (
    ResidentInput,
    TagInput,
    pinyin_keys,
    resident_input,
    resident_values,
    sync_tags,
)

Progress = Callable[[int, int], None]
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


class Steps:
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


def insert_residents(s: Session, rows: list[ImportRow], homes: dict[str, str], step: Steps) -> None:
    """The new residents and their tags, each table's indexes built once after its rows when
    the import is large against what the table holds (kit.bulk_load)."""
    tags = sum(len(r.values.get("tags", ())) for r in rows)
    with (
        indexes_rebuilt(s.connection(), Resident, len(rows)),
        indexes_rebuilt(s.connection(), ResidentTag, tags),
    ):
        _insert_residents(s, rows, homes, step)


class NameKeys(dict[str, tuple[str, str, str]]):
    """One import's search keys per distinct name: full pinyin, initials, spaced characters
    (110k rows name ~22k people: each name's keys are made once)."""

    def __missing__(self, name: str) -> tuple[str, str, str]:
        keys = self[name] = (*pinyin_keys(name), spaced_chars(name))
        return keys


def _insert_residents(
    s: Session, rows: list[ImportRow], homes: dict[str, str], step: Steps
) -> None:
    now, today = utcnow(), clock.today()
    names = NameKeys()
    for start in range(0, len(rows), 2000):
        chunk = rows[start : start + 2000]
        people = [
            _new_resident(r.values, homes[r.household_key], record_id, names)
            for r, record_id in zip(chunk, new_ids(len(chunk)), strict=True)
        ]
        tag_ids = iter(new_ids(sum(len(r.values.get("tags", ())) for r in chunk)))
        tags = [
            (next(tag_ids), person[0], tag)
            for person, row in zip(people, chunk, strict=True)
            for tag in row.values.get("tags", ())
        ]
        changes.insert_rows(s, Resident, Rows(RESIDENT_COLUMNS, people, _shared(now)))
        shared = {"updated_at": now, "since": today, "until": None, "note": ""}
        changes.insert_rows(s, ResidentTag, Rows(("id", "resident_id", "tag"), tags, shared))
        step.done(len(chunk))


# the columns of a new resident's row, in the order of new_resident's tuple
RESIDENT_COLUMNS: Final = (
    "id",
    "name",
    "name_pinyin",
    "name_initials",
    "search_name",
    "gender",
    "id_number",
    "id_number_rev",
    "birth_date",
    "ethnicity",
    "phone",
    "phone_rev",
    "political_status",
    "hukou_place",
    "residence_type",
    "household_id",
    "relation",
    "notes",
)


def _shared(now: datetime) -> dict[str, Any]:
    """What every new resident from a ledger has: the import's instant and the columns a 台账
    has none for."""
    return {
        "updated_at": now,
        "party_org": "",
        "party_join_date": None,
        "current_address": "",
        "status": "active",
        "status_date": None,
        "status_reason": "",
    }


def _new_resident(
    v: dict[str, Any], household_id: str, record_id: str, names: NameKeys
) -> tuple[Any, ...]:
    """The values ``residents.resident_values`` would store for this checked input, in the
    order of RESIDENT_COLUMNS (the others are :func:`_shared`); its id ``record_id`` one of a
    batch made at once (kit.ids.new_ids)."""
    name = str(v["name"])
    full, initials, spaced = names[name]
    number = str(v.get("id_number") or "").upper() or None
    phone = str(v.get("phone") or "")
    get = v.get
    return (
        record_id,
        name,
        full,
        initials,
        spaced,
        get("gender") or "",
        number,
        number[::-1] if number else None,
        get("birth_date"),
        get("ethnicity") or "汉族",
        phone,
        phone[::-1],
        get("political_status") or "masses",
        get("hukou_place") or "",
        get("residence_type") or "registered",
        household_id,
        get("relation") or "9",
        get("notes") or "",
    )


def save_resident(s: Session, row: ImportRow, household_id: str) -> None:
    """A registered resident updated with the row's filled cells (tags added, none removed)."""
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
    return current + tuple(TagInput(tag, clock.today()) for tag in tags if tag not in have)
