"""Checks across communities that no single community can make, on the street database: the
same person (the same ID number) registered as a live resident in two communities, granted
fund aid in two communities in the same half-year (the fund's 公示 period), or a wish
beneficiary in two communities' rounds in the same year.

The ID numbers held by two resident rows or more are read once, from the ID number's index
alone (a few hundred among 400,000 residents); each check is then one grouped statement over
those numbers only (looked up by the index, 5,000 a statement), joined back to their rows: the
cost is one pass over the index, whatever the number of communities. Both sides are listed, by
community, for the clerk to resolve; nothing is ever merged or changed. Names and ID numbers are
masked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, case, extract, func, select
from sqlalchemy.orm import Session

from redoffice.kit.db import Database
from redoffice.kit.scope import community_names, scoped
from redoffice.kit.validation import mask_id_number, mask_name
from redoffice.models import FundApplication, Resident, Wish, WishRound

RESIDENT: Final = "resident"
FUND_AID: Final = "fund_aid"
WISH: Final = "wish"
KINDS: Final = {
    RESIDENT: "多个社区登记为居民",
    FUND_AID: "同一半年在多个社区获得基金救助",
    WISH: "同一年在多个社区的微心愿批次中",
}
GRANTED: Final = ("approved", "on_notice", "paid")  # aid decided for the person
_LIVE = (Resident.deleted.is_(False), Resident.status == "active")
CHUNK: Final = 5000  # ID numbers per statement: far below SQLite's and PostgreSQL's bind limits


@dataclass(frozen=True)
class Side:
    node: str
    community: str
    name: str  # masked
    record: str  # what the community holds: the household's address, the application, the wish
    record_id: str


@dataclass(frozen=True)
class Finding:
    kind: str
    kind_label: str
    id_number: str  # masked
    period: str  # "2026H2", "2026", or "" for registration
    sides: tuple[Side, ...]


def find_duplicates(db: Database) -> list[Finding]:
    """Every finding of the three checks, by kind, then masked ID number."""
    names = community_names(db)
    with scoped(db, None), db.read() as s:
        numbers = list(s.scalars(_repeated()))
        found = [
            *_residents(s, names, numbers),
            *_fund_aid(s, names, numbers),
            *_wishes(s, names, numbers),
        ]
    return found


def _both_sides(
    s: Session,
    numbers: list[str],
    keys: tuple[Any, ...],
    owner: Any,
    where: tuple[Any, ...],
    shown: tuple[Any, ...],
) -> list[Any]:
    """The rows (``keys``, owner, ``shown``) whose keys (an ID number among ``numbers``, a
    period) more than one owner holds: the grouped query as a subquery, joined back by the
    keys, one statement per CHUNK numbers (a key's rows all share its number, so its group is
    never split between two statements)."""
    number = keys[0]
    found: list[Any] = []
    for start in range(0, len(numbers), CHUNK):
        part = (number.in_(numbers[start : start + CHUNK]), *where)
        held = (
            select(*(k.label(f"k{i}") for i, k in enumerate(keys)))
            .where(*part)
            .group_by(*keys)
            .having(func.count(func.distinct(owner)) > 1)
            .subquery()
        )
        same = and_(*(k == held.c[f"k{i}"] for i, k in enumerate(keys)))
        found += s.execute(select(*keys, owner, *shown).where(same, *part)).all()
    return found


def _repeated() -> Select[Any]:
    """The ID numbers of more than one resident row (of any community, live or not): read
    from the ID number's index alone, they narrow each check to the few numbers that can be
    in two communities. Read once for the three checks (in each check as a subquery, PostgreSQL
    grouped the whole index three times and walked every resident for the join back: 1.5-1.8 s
    at 40 communities)."""
    return (
        select(Resident.id_number)
        .where(Resident.id_number.is_not(None), Resident.id_number != "")
        .group_by(Resident.id_number)
        .having(func.count() > 1)
    )


def _half(day: Any) -> ColumnElement[Any]:
    return extract("year", day) * 10 + case((extract("month", day) <= 6, 1), else_=2)


def _findings(kind: str, rows: Sequence[Any], names: dict[str, str]) -> list[Finding]:
    """Group (id_number, period, owner, name, record, record_id) rows into findings."""
    groups: dict[tuple[str, str], list[Side]] = {}
    for number, period, owner, name, record, record_id in rows:
        side = Side(owner, names.get(owner, owner), mask_name(name), record, record_id)
        groups.setdefault((number, period), []).append(side)
    return [
        Finding(
            kind,
            KINDS[kind],
            mask_id_number(number),
            period,
            tuple(sorted(sides, key=lambda x: (x.community, x.record))),
        )
        for (number, period), sides in sorted(groups.items())
    ]


def _residents(s: Session, names: dict[str, str], numbers: list[str]) -> list[Finding]:
    rows = _both_sides(
        s,
        numbers,
        (Resident.id_number,),
        Resident.owner_node,
        _LIVE,
        (Resident.name, Resident.current_address, Resident.id),
    )
    return _findings(RESIDENT, [(n, "", o, nm, a or "", i) for n, o, nm, a, i in rows], names)


def _fund_aid(s: Session, names: dict[str, str], numbers: list[str]) -> list[Finding]:
    granted = (
        FundApplication.deleted.is_(False),
        FundApplication.status.in_(GRANTED),
        Resident.id == FundApplication.resident_id,
    )
    rows = _both_sides(
        s,
        numbers,
        (Resident.id_number, _half(FundApplication.applied_on)),
        FundApplication.owner_node,
        granted,
        (Resident.name, FundApplication.number, FundApplication.id),
    )
    return _findings(
        FUND_AID,
        [(n, _half_label(h), o, nm, f"救助申请 {num}", i) for n, h, o, nm, num, i in rows],
        names,
    )


def _half_label(key: Any) -> str:
    year, half = divmod(int(key), 10)
    return f"{year}H{half}"


def _wishes(s: Session, names: dict[str, str], numbers: list[str]) -> list[Finding]:
    in_round = (
        Wish.deleted.is_(False),
        Wish.status != "rejected",
        Resident.id == Wish.beneficiary_id,
        WishRound.id == Wish.round_id,
    )
    rows = _both_sides(
        s,
        numbers,
        (Resident.id_number, extract("year", WishRound.opened_on)),
        Wish.owner_node,
        in_round,
        (Resident.name, WishRound.name, Wish.number, Wish.id),
    )
    return _findings(
        WISH,
        [(n, str(int(y)), o, nm, f"{r} 心愿 {num}", i) for n, y, o, nm, r, num, i in rows],
        names,
    )
