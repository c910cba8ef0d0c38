"""在职党员双报到: party members working elsewhere who report to the community where they live,
the partner units (共建单位) they come through, and the services they give — printed per member
each quarter for their employer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.records import check_ref, live, save
from redoffice.kit.scope import EVERY, per_owner
from redoffice.kit.validation import Checker, mask_phone
from redoffice.models import (
    Case,
    Organization,
    PartyMember,
    Resident,
    ServiceRecord,
    Wish,
    WishClaim,
    WishClaimMember,
)


def hours(minutes: int) -> str:
    """150 -> "2.5"."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class MemberInput:
    name: str = ""
    resident_id: str | None = None  # a resident of the community; else standalone
    phone: str = ""
    workplace: str = ""
    unit_id: str | None = None  # the 共建单位 the member reported through
    party_org: str = ""
    reported_on: date | None = None
    commitments: str = ""
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    resident_id: str | None
    phone_masked: str
    workplace: str
    unit_id: str | None
    unit: str
    party_org: str
    reported_on: date
    commitments: str
    active: bool
    minutes_this_year: int


@dataclass(frozen=True)
class ServiceInput:
    member_id: str
    service_date: date
    activity: str
    hours: float
    wish_id: str | None = None
    case: str | None = None  # a 民情诉求 by its number (2026-00042) or id
    notes: str = ""


@dataclass(frozen=True)
class ServiceRow:
    id: str
    service_date: date
    activity: str
    minutes: int
    wish_number: str
    case_number: str
    notes: str


@dataclass(frozen=True)
class UnitRow:
    id: str
    name: str
    contact_person: str
    phone: str
    members: int


def _member_values(s: Session, data: MemberInput) -> dict[str, object]:
    c = Checker()
    resident = s.get(Resident, data.resident_id) if data.resident_id else None
    if data.resident_id and (resident is None or resident.deleted):
        c.add("resident_id", "record.not_found")
    name = c.text(
        "name", data.name or (resident.name if resident else ""), required=True, max_len=64
    )
    phone = c.phone("phone", data.phone or (resident.phone if resident else ""))
    unit = s.get(Organization, data.unit_id) if data.unit_id else None
    if data.unit_id and (unit is None or unit.deleted or unit.kind != "partner_unit"):
        c.add("unit_id", "member.not_partner_unit")
    if data.reported_on is None:
        c.add("reported_on", "required")
    c.past_date("reported_on", data.reported_on, clock.today())
    values: dict[str, object] = {
        "resident_id": data.resident_id,
        "name": name,
        "phone": phone,
        "workplace": c.text("workplace", data.workplace, max_len=128),
        "unit_id": data.unit_id,
        "party_org": c.text("party_org", data.party_org, max_len=128),
        "reported_on": data.reported_on,
        "commitments": c.text("commitments", data.commitments, max_len=2000),
        "active": data.active,
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    c.raise_if_any()
    return values


def save_member(db: Database, data: MemberInput, member_id: str | None = None) -> str:
    """Register (双报到) or change a member; name and phone default to the resident's."""
    with db.uow() as s:
        return save(s, PartyMember, member_id, _member_values(s, data)).id


def _minutes_since(s: Session, start: date) -> dict[str, int]:
    return {
        member_id: int(total or 0)
        for member_id, total in s.execute(
            select(ServiceRecord.member_id, func.sum(ServiceRecord.minutes))
            .where(ServiceRecord.deleted.is_(False), ServiceRecord.service_date >= start)
            .group_by(ServiceRecord.member_id)
        )
    }


def list_members(
    db: Database, unit_id: str | None = None, active_only: bool = False
) -> list[MemberRow]:
    """Registered members by name, with the hours served this year."""
    query = (
        select(PartyMember, Organization.name)
        .outerjoin(Organization, Organization.id == PartyMember.unit_id)
        .where(PartyMember.deleted.is_(False))
        .order_by(PartyMember.name, PartyMember.id)
    )
    if unit_id:
        query = query.where(PartyMember.unit_id == unit_id)
    if active_only:
        query = query.where(PartyMember.active.is_(True))
    with db.read() as s:
        minutes = _minutes_since(s, date(clock.today().year, 1, 1))
        return [
            MemberRow(
                m.id,
                m.name,
                m.resident_id,
                mask_phone(m.phone),
                m.workplace,
                m.unit_id,
                unit or "",
                m.party_org,
                m.reported_on,
                m.commitments,
                m.active,
                minutes.get(m.id, 0),
            )
            for m, unit in s.execute(query)
        ]


def get_member(db: Database, member_id: str) -> MemberInput:
    with db.read() as s:
        m = live(s, PartyMember, member_id, "member.not_found")
        return MemberInput(
            m.name,
            m.resident_id,
            m.phone,
            m.workplace,
            m.unit_id,
            m.party_org,
            m.reported_on,
            m.commitments,
            m.active,
            m.notes,
        )


@dataclass(frozen=True)
class MemberForm:
    """What the member dialog needs: the member as stored (None for a new one), the name of
    the resident they are, and the partner units to choose from."""

    data: MemberInput | None
    resident_name: str
    units: list[tuple[str, str]]


def member_form(db: Database, member_id: str | None = None) -> MemberForm:
    data = get_member(db, member_id) if member_id else None
    with db.read() as s:
        resident = s.get(Resident, data.resident_id) if data and data.resident_id else None
    units = [(u.name, u.id) for u in partner_units(db)]
    return MemberForm(data, resident.name if resident else "", units)


def add_service(db: Database, data: ServiceInput) -> str:
    """A service record; hours in steps of a quarter hour at most a day."""
    c = Checker()
    activity = c.text("activity", data.activity, required=True, max_len=255)
    minutes = round(data.hours * 60)
    if not 0 < minutes <= 24 * 60:
        c.add("hours", "member.hours_range")
    c.past_date("service_date", data.service_date, clock.today())
    notes = c.text("notes", data.notes, max_len=2000)
    with db.uow() as s:
        live(s, PartyMember, data.member_id, "member.not_found")
        check_ref(s, c, "wish_id", Wish, data.wish_id)
        case_id = _case_id(s, data.case)
        if data.case and case_id is None:
            c.add("case", "record.not_found")
        c.raise_if_any()
        record = ServiceRecord(
            member_id=data.member_id,
            service_date=data.service_date,
            activity=activity,
            minutes=minutes,
            wish_id=data.wish_id,
            case_id=case_id,
            notes=notes,
        )
        s.add(record)
        s.flush()
        return record.id


def _case_id(s: Session, reference: str | None) -> str | None:
    if not reference or not reference.strip():
        return None
    ref = reference.strip()
    found = s.scalar(
        select(Case.id).where(Case.deleted.is_(False), (Case.id == ref) | (Case.number == ref))
    )
    return str(found) if found else None


def service_records(db: Database, member_id: str, start: date, end: date) -> list[ServiceRow]:
    """A member's services from ``start`` to ``end`` (inclusive), oldest first."""
    if end < start:
        raise UserError("date_order")
    query = (
        select(ServiceRecord, Wish.number, Case.number)
        .outerjoin(Wish, Wish.id == ServiceRecord.wish_id)
        .outerjoin(Case, Case.id == ServiceRecord.case_id)
        .where(
            ServiceRecord.member_id == member_id,
            ServiceRecord.deleted.is_(False),
            ServiceRecord.service_date.between(start, end),
        )
        .order_by(ServiceRecord.service_date, ServiceRecord.id)
    )
    with db.read() as s:
        return [
            ServiceRow(r.id, r.service_date, r.activity, r.minutes, wish or "", case or "", r.notes)
            for r, wish, case in s.execute(query)
        ]


def partner_units(db: Database) -> list[UnitRow]:
    """共建单位 with their contact and the number of members who reported through them."""
    members = (
        select(func.count())
        .where(
            PartyMember.unit_id == Organization.id,
            PartyMember.deleted.is_(False),
            PartyMember.active.is_(True),
        )
        .scalar_subquery()
    )
    query = (
        select(Organization, members)
        .where(Organization.kind == "partner_unit", Organization.deleted.is_(False))
        .order_by(Organization.name)
    )
    with db.read() as s:
        return [
            UnitRow(o.id, o.name, o.contact_person, o.phone, int(n or 0))
            for o, n in s.execute(query)
        ]


@dataclass(frozen=True)
class ClaimerChoices:
    members: list[tuple[str, str]]  # (label, id)
    units: list[tuple[str, str]]


def member_wishes(db: Database, member_id: str) -> list[tuple[str, str]]:
    """The wishes a member has claimed (live or fulfilled), to link a service record to."""
    query = (
        select(Wish.number, Wish.text, Wish.id)
        .join(WishClaim, WishClaim.wish_id == Wish.id)
        .join(WishClaimMember, WishClaimMember.claim_id == WishClaim.id)
        .where(
            WishClaimMember.member_id == member_id,
            WishClaim.status.in_(("live", "fulfilled")),
            Wish.deleted.is_(False),
        )
        .order_by(Wish.number.desc())
    )
    with db.read() as s:
        return [(f"{number} {text}", wish_id) for number, text, wish_id in s.execute(query)]


def claimer_choices(db: Database) -> ClaimerChoices:
    """Who can claim a wish: active registered members and the partner units."""
    members = [
        (f"{m.name}（{m.workplace}）" if m.workplace else m.name, m.id)
        for m in list_members(db, active_only=True)
    ]
    return ClaimerChoices(members, [(u.name, u.id) for u in partner_units(db)])


@dataclass(frozen=True)
class ServiceTotals:
    """双报到 in a period: the members registered (active, reported by its last day), those
    who served in it, and their service time."""

    members: int
    serving: int
    minutes: int


def service_totals(db: Database, start: date, end: date) -> ServiceTotals:
    return _service_totals(db, start, end, grouped=False).get(EVERY, ServiceTotals(0, 0, 0))


def service_totals_by_owner(db: Database, start: date, end: date) -> dict[str, ServiceTotals]:
    """:func:`service_totals` of each community whose rows the read shows (a street), by node
    id, in two statements; a community without members or service has no key."""
    return _service_totals(db, start, end, grouped=True)


def _service_totals(
    db: Database, start: date, end: date, grouped: bool
) -> dict[str, ServiceTotals]:
    if end < start:
        raise UserError("date_order")
    with db.read() as s:
        registered = s.execute(
            per_owner(PartyMember.owner_node if grouped else None, func.count()).where(
                PartyMember.deleted.is_(False),
                PartyMember.active.is_(True),
                PartyMember.reported_on <= end,
            )
        ).all()
        served = s.execute(
            per_owner(
                ServiceRecord.owner_node if grouped else None,
                func.count(func.distinct(ServiceRecord.member_id)),
                func.sum(ServiceRecord.minutes),
            ).where(
                ServiceRecord.deleted.is_(False), ServiceRecord.service_date.between(start, end)
            )
        ).all()
    members = {owner: int(n or 0) for owner, n in registered}
    service = {owner: (int(n or 0), int(minutes or 0)) for owner, n, minutes in served}
    return {
        owner: ServiceTotals(members.get(owner, 0), *service.get(owner, (0, 0)))
        for owner in members.keys() | service.keys()
    }
