"""Reading wishes: the list (by round, status, text), overdue claims for the 工作台, and the
statistics counted from dated events (by round, 网格, group or claimer)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import ColumnElement, Row, and_, select
from sqlalchemy.orm import Session

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import contains
from redoffice.kit.scope import owned
from redoffice.models import (
    Grid,
    Household,
    Organization,
    PartyMember,
    Resident,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.wishes.service import (
    CATEGORIES,
    STATUSES,
    VERIFY_METHODS,
    claimer_names,
    group_label,
)

COUNTED: Final = ("collected", "verified", "published", "claimed", "fulfilled")
STATS_BY: Final = MappingProxyType(
    {"round": "批次", "grid": "网格", "group": "人群类别", "claimer": "认领人"}
)


@dataclass(frozen=True)
class WishFilter:
    status: str | None = None
    round_id: str | None = None
    text: str = ""


@dataclass(frozen=True)
class WishRow:
    id: str
    number: str
    status: str
    status_label: str
    round_id: str | None
    round: str
    priority: bool
    beneficiary_id: str
    beneficiary_name: str
    grid: str
    group: str
    wish: str
    category: str
    estimated_value: int  # fen
    claimer_name: str
    claimed_on: date | None
    contact_due: date | None
    contact_overdue: bool
    fulfilled_on: date | None


@dataclass(frozen=True)
class RoundRow:
    id: str
    number: int
    name: str
    opened_on: date
    closed_on: date | None


@dataclass(frozen=True)
class StatRow:
    key: str
    counts: dict[str, int]

    @property
    def claim_rate(self) -> float | None:
        """认领率: claimed / published in the period."""
        return _rate(self.counts["claimed"], self.counts["published"])

    @property
    def fulfil_rate(self) -> float | None:
        """兑现率: fulfilled / claimed in the period."""
        return _rate(self.counts["fulfilled"], self.counts["claimed"])


def _rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else min(part / whole, 1.0)


def _select(db: Database) -> Any:
    claim = and_(
        WishClaim.wish_id == Wish.id,
        WishClaim.status.in_(("live", "fulfilled")),
        WishClaim.deleted.is_(False),
    )
    return (
        select(
            Wish.__table__,
            Resident.name.label("beneficiary_name"),
            Grid.name.label("grid_name"),
            WishRound.name.label("round_name"),
            WishClaim.claimed_on,
            WishClaim.contact_due,
            WishClaim.contacted_on,
            WishClaim.status.label("claim_status"),
        )
        .join(Resident, Resident.id == Wish.beneficiary_id)
        .outerjoin(Household, Household.id == Resident.household_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(WishRound, WishRound.id == Wish.round_id)
        .outerjoin(WishClaim, claim)
        .where(owned(db, Wish.__table__))
    )


def _conditions(f: WishFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Wish.deleted.is_(False)]
    if f.status:
        cond.append(Wish.status == f.status)
    if f.round_id:
        cond.append(Wish.round_id == f.round_id)
    cond += contains(f.text, Wish.text, Resident.name, Wish.number)
    return cond


def _row(r: Row[Any], claimers: dict[str, str], today: date) -> WishRow:
    overdue = r.claim_status == "live" and r.contacted_on is None and r.contact_due < today
    return WishRow(
        id=r.id,
        number=r.number,
        status=r.status,
        status_label=STATUSES.get(r.status, r.status),
        round_id=r.round_id,
        round=r.round_name or "",
        priority=r.rollovers > 0,
        beneficiary_id=r.beneficiary_id,
        beneficiary_name=r.beneficiary_name,
        grid=r.grid_name or "",
        group=group_label(r.group_tag),
        wish=r.text,
        category=CATEGORIES.get(r.category, r.category),
        estimated_value=r.estimated_value,
        claimer_name=claimers.get(r.id, ""),
        claimed_on=r.claimed_on,
        contact_due=r.contact_due,
        contact_overdue=overdue,
        fulfilled_on=r.fulfilled_on,
    )


def _rows(s: Session, query: Any, today: date) -> list[WishRow]:
    rows = s.execute(query).all()
    claimers = claimer_names(s, [r.id for r in rows])
    return [_row(r, claimers, today) for r in rows]


def list_wishes(
    db: Database, f: WishFilter = WishFilter(), today: date | None = None
) -> list[WishRow]:
    """Wishes, rolled-over (priority) ones first, then by number."""
    query = _select(db).where(*_conditions(f)).order_by(Wish.rollovers.desc(), Wish.number)
    with db.read() as s:
        return _rows(s, query, today or clock.today())


WISH_SORTS: Final = MappingProxyType(
    {
        "number": Wish.number,
        "status": Wish.status,
        "beneficiary": Resident.name,
        "value": Wish.estimated_value,
    }
)


def wish_ids(
    db: Database, f: WishFilter = WishFilter(), sort: str = "number", descending: bool = False
) -> list[str]:
    """Ids of the matching wishes for the lazily loaded list: rolled-over (priority) ones
    first, then in the order asked."""
    column = WISH_SORTS.get(sort, Wish.number)
    query = (
        select(Wish.id)
        .join(Resident, Resident.id == Wish.beneficiary_id)
        .where(*_conditions(f))
        .order_by(Wish.rollovers.desc(), column.desc() if descending else column, Wish.number)
    )
    with db.read() as s:
        return list(s.scalars(query))


def get_wishes(db: Database, ids: Sequence[str]) -> list[WishRow]:
    with db.read() as s:
        found = {r.id: r for r in _rows(s, _select(db).where(Wish.id.in_(ids)), clock.today())}
    return [found[i] for i in ids if i in found]


def overdue_claims(db: Database, today: date | None = None) -> list[WishRow]:
    """Live claims whose claimer has not contacted the beneficiary by the deadline."""
    today = today or clock.today()
    query = (
        _select(db)
        .where(
            Wish.deleted.is_(False),
            WishClaim.status == "live",
            WishClaim.contacted_on.is_(None),
            WishClaim.contact_due < today,
        )
        .order_by(WishClaim.contact_due, Wish.number)
    )
    with db.read() as s:
        return _rows(s, query, today)


def rounds(db: Database) -> list[RoundRow]:
    with db.read() as s:
        return [
            RoundRow(r.id, r.number, r.name, r.opened_on, r.closed_on)
            for r in s.scalars(
                select(WishRound).where(WishRound.deleted.is_(False)).order_by(WishRound.number)
            )
        ]


def round_named(db: Database, text: str) -> str:
    """A round by its number ("2") or name; the id, or a UserError."""
    for r in rounds(db):
        if text in (str(r.number), r.name):
            return r.id
    raise UserError("wish.round_not_found", name=text)


def statistics(db: Database, start: date, end: date, by: str = "round") -> list[StatRow]:
    """Counts of events from ``start`` to ``end`` (inclusive), grouped ``by`` round, grid,
    group or claimer, with a 合计 row last."""
    if by not in STATS_BY:
        raise UserError("invalid_choice", value=by)
    return _statistics(db, start, end, by)


def statistics_by_owner(db: Database, start: date, end: date) -> dict[str, dict[str, int]]:
    """:func:`statistics`' 合计 of each community whose rows the read shows (a street), by
    node id, in one statement; a community without events in the period has no key."""
    return {row.key: row.counts for row in _statistics(db, start, end, "owner")[:-1]}


def _statistics(db: Database, start: date, end: date, by: str) -> list[StatRow]:
    if end < start:
        raise UserError("date_order")
    with db.read() as s:
        events = s.execute(
            select(
                WishEvent.kind,
                WishEvent.wish_id,
                WishEvent.round_id,
                WishEvent.grid_id,
                WishEvent.group_tag,
                WishEvent.claim_id,
                WishEvent.owner_node,
            ).where(
                WishEvent.deleted.is_(False),
                WishEvent.event_date.between(start, end),
                WishEvent.kind.in_(COUNTED),
            )
        ).all()
        names = _key_names(s, by, events, (start, end))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTED, 0))
    for e in events:
        for key in names(e):
            counts[key][e.kind] += 1
    total = dict.fromkeys(COUNTED, 0)
    for e in events:
        total[e.kind] += 1
    return [StatRow(k, v) for k, v in sorted(counts.items())] + [StatRow("合计", total)]


def _key_names(s: Session, by: str, events: Sequence[Any], period: tuple[date, date]) -> Any:
    """A function: event -> the keys (names) it counts under."""
    if by == "owner":
        return lambda e: [e.owner_node]
    if by == "round":
        names = {r.id: r.name for r in s.scalars(select(WishRound))}
        first = _first_rounds(s, period)
        return lambda e: [names.get(e.round_id or first.get(e.wish_id) or "", "未入批次")]
    if by == "grid":
        grids = {g.id: g.name for g in s.scalars(select(Grid))}
        return lambda e: [grids.get(e.grid_id, "未分网格")]
    if by == "group":
        return lambda e: [group_label(e.group_tag) or "未分类"]
    claimers = _claimers_by_claim(s, {e.claim_id for e in events if e.claim_id})
    return lambda e: claimers.get(e.claim_id, []) if e.claim_id else []


def _first_rounds(s: Session, period: tuple[date, date]) -> dict[str, str]:
    """Wish id -> the round it was first published in, for the wishes of the period's events
    that happened before any round (征集, 核实): a round's wishes count under that round."""
    in_period = select(WishEvent.wish_id).where(
        WishEvent.deleted.is_(False),
        WishEvent.event_date.between(*period),
        WishEvent.round_id.is_(None),
    )
    first: dict[str, str] = {}
    for wish_id, round_id in s.execute(
        select(WishEvent.wish_id, WishEvent.round_id)
        .where(
            WishEvent.deleted.is_(False),
            WishEvent.kind == "published",
            WishEvent.round_id.is_not(None),
            WishEvent.wish_id.in_(in_period),
        )
        .order_by(WishEvent.event_date.desc(), WishEvent.id.desc())
    ):
        first[wish_id] = str(round_id)  # the earliest publication is written last
    return first


def _claimers_by_claim(s: Session, claim_ids: set[str]) -> dict[str, list[str]]:
    """Claim id -> its claimers (the unit and each member count the claim)."""
    found: dict[str, list[str]] = defaultdict(list)
    wanted = list(claim_ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for claim_id, unit in s.execute(
            select(WishClaim.id, Organization.name)
            .join(Organization, Organization.id == WishClaim.unit_id)
            .where(WishClaim.id.in_(chunk))
        ):
            found[claim_id].append(unit)
        for claim_id, member in s.execute(
            select(WishClaimMember.claim_id, PartyMember.name)
            .join(PartyMember, PartyMember.id == WishClaimMember.member_id)
            .where(WishClaimMember.claim_id.in_(chunk), WishClaimMember.deleted.is_(False))
        ):
            found[claim_id].append(member)
    return found


@dataclass(frozen=True)
class WishDetail:
    row: WishRow
    collected: str
    verified: str
    consent: str
    claimer_contact: str
    actual_value: int | None
    receipt_signed: bool
    feedback: str
    events: list[tuple[date, str, str]]  # date, what, note


EVENT_LABELS: Final = {
    "collected": "征集",
    "verified": "核实",
    "rejected": "不予发布",
    "published": "发布",
    "rolled_over": "转入下一批次",
    "claimed": "认领",
    "contacted": "对接",
    "claim_cancelled": "取消认领",
    "fulfilled": "兑现",
    "visited": "回访",
}


def _claimer_contact(s: Session, wish_id: str) -> str:
    claim = s.scalars(
        select(WishClaim).where(
            WishClaim.wish_id == wish_id, WishClaim.status.in_(("live", "fulfilled"))
        )
    ).first()
    if claim is None:
        return ""
    unit = s.get(Organization, claim.unit_id) if claim.unit_id else None
    if unit is not None and (unit.contact_person or unit.phone):
        return " ".join(x for x in (unit.contact_person, unit.phone) if x)
    phones = s.scalars(
        select(PartyMember.phone)
        .join(WishClaimMember, WishClaimMember.member_id == PartyMember.id)
        .where(WishClaimMember.claim_id == claim.id, PartyMember.phone != "")
    ).all()
    return "、".join(phones)


def wish_detail(db: Database, wish_id: str) -> WishDetail:
    """Everything about one wish: its row, the 核实 and consent records, the claim contact,
    兑现 and 回访, and its timeline."""
    rows = get_wishes(db, [wish_id])
    if not rows:
        raise UserError("wish.not_found")
    with db.read() as s:
        w = s.get(Wish, wish_id)
        assert w is not None
        events = [
            (e.event_date, EVENT_LABELS.get(e.kind, e.kind), e.note)
            for e in s.scalars(
                select(WishEvent)
                .where(WishEvent.wish_id == wish_id, WishEvent.deleted.is_(False))
                .order_by(WishEvent.event_date, WishEvent.id)
            )
        ]
        verified = (
            f"{w.verified_on.isoformat()} {w.verified_by}"
            f"（{VERIFY_METHODS.get(w.verify_method, '')}）"
            if w.verified_on
            else ""
        )
        consent = (f"{w.consent_on.isoformat()} 本人同意公开" if w.consent_on else "未登记同意") + (
            f"；监护人{w.guardian} {w.guardian_consent_on}同意" if w.guardian else ""
        )
        return WishDetail(
            rows[0],
            f"{w.collected_on.isoformat()} {w.collected_by}".strip(),
            verified,
            consent,
            _claimer_contact(s, wish_id),
            w.actual_value,
            w.receipt_signed,
            w.feedback,
            events,
        )


def resolve(db: Database, reference: str) -> str:
    """A wish id from its id or its number (2026-W0003)."""
    with db.read() as s:
        found = s.scalar(
            select(Wish.id).where(
                Wish.deleted.is_(False), (Wish.id == reference) | (Wish.number == reference.strip())
            )
        )
    if found is None:
        raise UserError("wish.not_found")
    return str(found)
