"""Checks across communities that no single community can make, on the street database: the
same person (the same ID number) registered as a live resident in two communities, granted
fund aid in two communities in the same half-year (the fund's 公示 period), or a wish
beneficiary in two communities' rounds in the same year.

Each check is one grouped query over every community's rows (the ID numbers found in more than
one community, among those of two resident rows or more) and one query for their rows: the
cost does not grow with the number of communities. Both sides are listed, by community, for
the clerk to resolve; nothing is ever merged or changed. Names and ID numbers are masked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, case, extract, func, select
from sqlalchemy.orm import Session, aliased

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
        found = _residents(s, names) + _fund_aid(s, names) + _wishes(s, names)
    return found


def _both_sides(
    s: Session, keys: tuple[Any, ...], owner: Any, where: tuple[Any, ...], shown: tuple[Any, ...]
) -> Sequence[Any]:
    """The rows (``keys``, owner, ``shown``) whose keys (an ID number, a period) more than one
    owner holds, in one statement: the grouped query as a subquery, joined back by the keys."""
    number = keys[0]
    held = (
        select(*(k.label(f"k{i}") for i, k in enumerate(keys)))
        .where(number.in_(_repeated()), *where)
        .group_by(*keys)
        .having(func.count(func.distinct(owner)) > 1)
        .subquery()
    )
    same = and_(*(k == held.c[f"k{i}"] for i, k in enumerate(keys)))
    return s.execute(select(*keys, owner, *shown).where(same, *where)).all()


def _repeated() -> Select[Any]:
    """The ID numbers of more than one resident row (of any community, live or not): read
    from the ID number's index alone, they narrow each check to the few numbers that can be
    in two communities (instead of grouping every live row, each read from the table)."""
    other = aliased(Resident)
    return (
        select(other.id_number)
        .where(other.id_number.is_not(None), other.id_number != "")
        .group_by(other.id_number)
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


def _residents(s: Session, names: dict[str, str]) -> list[Finding]:
    rows = _both_sides(
        s,
        (Resident.id_number,),
        Resident.owner_node,
        _LIVE,
        (Resident.name, Resident.current_address, Resident.id),
    )
    return _findings(RESIDENT, [(n, "", o, nm, a or "", i) for n, o, nm, a, i in rows], names)


def _fund_aid(s: Session, names: dict[str, str]) -> list[Finding]:
    granted = (
        FundApplication.deleted.is_(False),
        FundApplication.status.in_(GRANTED),
        Resident.id == FundApplication.resident_id,
    )
    rows = _both_sides(
        s,
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


def _wishes(s: Session, names: dict[str, str]) -> list[Finding]:
    in_round = (
        Wish.deleted.is_(False),
        Wish.status != "rejected",
        Resident.id == Wish.beneficiary_id,
        WishRound.id == Wish.round_id,
    )
    rows = _both_sides(
        s,
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
