"""Residents (居民): validated create and edit with their special-group tags, moves, status."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.kit.identity import SESSION_KEY
from redoffice.kit.records import check_ref, live, save
from redoffice.kit.validation import Checker, IdNumber, IdNumberError, parse_id_number, spaced_chars
from redoffice.models import Household, Resident, ResidentTag
from redoffice.registry.households import head_of, require_household


@dataclass(frozen=True)
class TagInput:
    tag: str
    since: date | None = None
    until: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ResidentInput:
    name: str
    gender: str = ""
    id_number: str = ""
    birth_date: date | None = None
    ethnicity: str = "汉族"
    phone: str = ""
    political_status: str = "masses"
    party_org: str = ""
    party_join_date: date | None = None
    hukou_place: str = ""
    current_address: str = ""
    residence_type: str = "registered"
    household_id: str | None = None
    relation: str = "9"
    notes: str = ""
    tags: tuple[TagInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ResidentDetail:
    """Everything the editor shows, the full ID number included."""

    id: str
    data: ResidentInput
    status: str
    status_date: date | None
    deleted: bool
    household_address: str
    status_reason: str = ""


@lru_cache(maxsize=65536)  # imports meet the same names again and again
def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials without tones: 王小明 -> ("wangxiaoming", "wxm").

    What ``lazy_pinyin(name)`` gives, word by word: pypinyin splits the name into words (its
    phrase dictionary decides, so polyphonic characters read as in their word) and converts
    each word on its own; the words recur from name to name (surnames, common given names), so
    each word's syllables are made once (~3× quicker for the 22k distinct names of a 110k-row
    import; checked equal to lazy_pinyin on them and on 60k other strings)."""
    from pypinyin.seg.simpleseg import seg  # 0.3 s to import: only when a name is saved

    syllables = [p for word in seg(name) for p in _word_pinyin(word)]
    return "".join(syllables), "".join(p[0] for p in syllables)  # one lookup, half the time


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    """One word's syllables, lower case, without tones (characters without pinyin dropped)."""
    from pypinyin import lazy_pinyin

    return tuple(p.lower() for p in lazy_pinyin(word, errors="ignore") if p)


def _check_id(
    c: Checker, s: Session, data: ResidentInput, record_id: str | None
) -> IdNumber | None:
    raw = (data.id_number or "").strip()
    if not raw:
        if data.residence_type != "overseas":
            c.add("id_number", "required")
        return None
    try:
        parsed = parse_id_number(raw)
    except IdNumberError as exc:
        c.add("id_number", exc.code, **exc.params)
        return None
    holder = s.scalars(
        select(Resident).where(
            Resident.id_number == parsed.number, Resident.id != (record_id or "")
        )
    ).first()
    if holder is not None and _hidden(s, holder):
        c.add("id_number", "id.other_grid")
    elif holder is not None:
        where = "（已删除，可在回收站中恢复）" if holder.deleted else ""
        c.add("id_number", "id.duplicate", name=holder.name, where=where)
    return parsed


def _hidden(s: Session, holder: Resident) -> bool:
    """Whether the user of ``s`` does not see ``holder``: a 网格员, a resident of another grid
    (or of no household), whose name is not theirs to see (issue 16)."""
    user = s.info.get(SESSION_KEY)
    if user is None or user.grids is None:
        return False
    home = s.get(Household, holder.household_id) if holder.household_id else None
    return home is None or home.grid_id not in user.grids


def _check_identity(c: Checker, data: ResidentInput, parsed: IdNumber | None) -> ResidentInput:
    """Gender and birth date must agree with the ID number; missing ones are taken from it."""
    if parsed is None:
        return data
    gender = data.gender or parsed.gender
    born = data.birth_date or parsed.birth_date
    if gender != parsed.gender:
        c.add("gender", "id.gender_mismatch", expected=codes.label(codes.GENDERS, parsed.gender))
    if born != parsed.birth_date:
        c.add("birth_date", "id.birth_mismatch", expected=parsed.birth_date.isoformat())
    return replace(data, gender=gender, birth_date=born, id_number=parsed.number)


def _check_tags(c: Collector, tags: tuple[TagInput, ...]) -> None:
    for t in tags:
        if t.tag not in codes.TAGS:
            c.add("tags", "tag.unknown", tag=t.tag)
        elif t.since and t.until and t.until < t.since:
            c.add("tags", "date_order")


def resident_values(s: Session, data: ResidentInput, record_id: str | None) -> dict[str, object]:
    """The checked column values of a resident (ValidationFailed naming every bad field)."""
    today = clock.today()
    c = Checker()
    data = _check_identity(c, data, _check_id(c, s, data, record_id))
    party = data.political_status in codes.PARTY_STATUSES
    values: dict[str, object] = {
        "name": c.text("name", data.name, required=True, max_len=64),
        "gender": c.choice("gender", data.gender, codes.GENDERS),
        "id_number": data.id_number.strip().upper() or None,
        "birth_date": c.past_date("birth_date", data.birth_date, today),
        "ethnicity": c.text("ethnicity", data.ethnicity, max_len=16),
        "phone": c.phone("phone", data.phone),
        "political_status": c.choice(
            "political_status", data.political_status, codes.POLITICAL_STATUSES
        ),
        "party_org": c.text("party_org", data.party_org if party else "", max_len=128),
        "party_join_date": c.past_date(
            "party_join_date", data.party_join_date if party else None, today
        ),
        "hukou_place": c.text("hukou_place", data.hukou_place, max_len=255),
        "current_address": c.text("current_address", data.current_address, max_len=255),
        "residence_type": c.choice("residence_type", data.residence_type, codes.RESIDENCE_TYPES),
        "household_id": check_ref(s, c, "household_id", Household, data.household_id),
        "relation": c.choice("relation", data.relation, codes.RELATIONS),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    _check_head(s, c, values, record_id)
    _check_tags(c, data.tags)
    c.raise_if_any()
    values["name_pinyin"], values["name_initials"] = pinyin_keys(str(values["name"]))
    values["search_name"] = spaced_chars(str(values["name"]))
    values["id_number_rev"] = values["id_number"][::-1] if values["id_number"] else None  # type: ignore[index]
    values["phone_rev"] = str(values["phone"])[::-1]
    return values


def _check_head(s: Session, c: Collector, values: dict[str, object], record_id: str | None) -> None:
    household_id = values["household_id"]
    if not household_id or values["relation"] != codes.HEAD_OF_HOUSEHOLD or c.has("household_id"):
        return
    head = head_of(s, str(household_id), excluding=record_id)
    if head is not None:
        c.add("relation", "household.head_exists", name=head.name)


def sync_tags(s: Session, resident_id: str, tags: tuple[TagInput, ...]) -> None:
    """Make the resident's live tag rows equal ``tags``: keep equal ones, soft-delete the rest."""
    existing = list(
        s.scalars(
            select(ResidentTag).where(
                ResidentTag.resident_id == resident_id, ResidentTag.deleted.is_(False)
            )
        )
    )
    wanted = list(tags)
    for row in existing:
        same = TagInput(row.tag, row.since, row.until, row.note)
        if same in wanted:
            wanted.remove(same)
        else:
            row.deleted = True
    for t in wanted:
        s.add(
            ResidentTag(
                resident_id=resident_id, tag=t.tag, since=t.since, until=t.until, note=t.note
            )
        )


def save_resident(db: Database, data: ResidentInput, record_id: str | None = None) -> str:
    """Create or edit a resident with tags, in one transaction; invalid input writes nothing."""
    with db.uow() as s:
        resident = save(s, Resident, record_id, resident_values(s, data, record_id))
        sync_tags(s, resident.id, data.tags)
        return resident.id


def resident_input(s: Session, r: Resident) -> ResidentInput:
    """A stored resident as the editor (and the importer) sees it, live tags included."""
    tags = s.scalars(
        select(ResidentTag)
        .where(ResidentTag.resident_id == r.id, ResidentTag.deleted.is_(False))
        .order_by(ResidentTag.since)
    )
    return ResidentInput(
        name=r.name,
        gender=r.gender,
        id_number=r.id_number or "",
        birth_date=r.birth_date,
        ethnicity=r.ethnicity,
        phone=r.phone,
        political_status=r.political_status,
        party_org=r.party_org,
        party_join_date=r.party_join_date,
        hukou_place=r.hukou_place,
        current_address=r.current_address,
        residence_type=r.residence_type,
        household_id=r.household_id,
        relation=r.relation,
        notes=r.notes,
        tags=tuple(TagInput(t.tag, t.since, t.until, t.note) for t in tags),
    )


def get_resident(db: Database, resident_id: str) -> ResidentDetail:
    with db.read() as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise UserError("resident.not_found")
        data = resident_input(s, r)
        household = s.get(Household, r.household_id) if r.household_id else None
        address = household.address if household else ""
        return ResidentDetail(
            r.id, data, r.status, r.status_date, r.deleted, address, r.status_reason
        )


def move_resident(db: Database, resident_id: str, household_id: str, relation: str) -> None:
    """Move a resident into another household with a new 与户主关系."""
    with db.uow() as s:
        resident = live(s, Resident, resident_id, "resident.not_found")
        require_household(s, household_id)
        c = Checker()
        c.choice("relation", relation, codes.RELATIONS)
        if resident.household_id == household_id and resident.relation == relation:
            c.add("household_id", "resident.same_household")
        _check_head(s, c, {"household_id": household_id, "relation": relation}, resident_id)
        c.raise_if_any()
        resident.household_id = household_id
        resident.relation = relation


def set_status(
    db: Database, resident_id: str, status: str, when: date | None = None, reason: str = ""
) -> None:
    """Mark a resident 已迁出 or 已去世 on a date (not in the future) with the reason (迁往何处,
    死亡原因 …), or back to 在册 (date and reason cleared)."""
    if status not in codes.RESIDENT_STATUSES:
        raise UserError("resident.status_invalid", status=status)
    c = Checker()
    reason = c.text("status_reason", reason, max_len=200)
    c.past_date("status_date", when, clock.today())
    c.raise_if_any()
    active = status == "active"
    with db.uow() as s:
        resident = live(s, Resident, resident_id, "resident.not_found")
        resident.status = status
        resident.status_date = None if active else (when or clock.today())
        resident.status_reason = "" if active else reason
