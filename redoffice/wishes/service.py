"""微心愿: 征集 → 核实 (or 不予发布) → 发布 into a round → 认领 → 兑现 → 回访.

Only the steps in ``TRANSITIONS`` happen, each from its one starting state; anything else is
refused and writes nothing. Every move also writes a dated :class:`WishEvent`, and the
statistics count events by their date, so a claim cancelled in May leaves April's 认领 figure
as it was. Publishing needs the
beneficiary's consent to publication (PIPL Art. 25) and, under 14, a guardian's (Art. 31)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.attachments import service as attachments
from redoffice.kit import clock, codes
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.kit.money import parse_yuan, yuan
from redoffice.kit.records import live, next_number
from redoffice.kit.validation import Checker, required_text
from redoffice.models import (
    Household,
    Organization,
    PartyMember,
    Resident,
    ResidentTag,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.registry.search import tag_in_force
from redoffice.settings import config

STATUSES: Final = MappingProxyType(
    {
        "collected": "待核实",
        "verified": "待发布",
        "rejected": "不予发布",
        "published": "待认领",
        "claimed": "已认领",
        "fulfilled": "已兑现",
        "closed": "已回访",
    }
)
CATEGORIES: Final = MappingProxyType({"goods": "实物类", "service": "服务类"})
VERIFY_METHODS: Final = MappingProxyType({"phone": "电话核实", "home_visit": "入户核实"})
SATISFACTION: Final = MappingProxyType(
    {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}
)
# each step: (its name, the state it starts from, the state it leads to)
TRANSITIONS: Final = {
    "verify": ("核实", "collected", "verified"),
    "reject": ("不予发布", "collected", "rejected"),
    "publish": ("发布", "verified", "published"),
    "claim": ("认领", "published", "claimed"),
    "cancel_claim": ("取消认领", "claimed", "published"),
    "fulfil": ("兑现", "claimed", "fulfilled"),
    "follow_up": ("回访", "fulfilled", "closed"),
}
GUARDIAN_AGE: Final = 14


@dataclass(frozen=True)
class WishInput:
    beneficiary_id: str
    text: str
    category: str
    estimated_value: str  # yuan as typed
    collected_on: date
    collected_by: str = ""
    group_tag: str = ""  # one of the beneficiary's tags
    consent_on: date | None = None  # the beneficiary agreed to the wish being published
    guardian: str = ""
    guardian_consent_on: date | None = None


@dataclass(frozen=True)
class ClaimInput:
    member_ids: tuple[str, ...] = ()
    unit_id: str | None = None
    claimed_on: date | None = None


@dataclass(frozen=True)
class FulfilInput:
    fulfilled_on: date
    actual_value: str  # yuan as typed
    receipt_signed: bool = False
    photos: tuple[Path, ...] = ()


def _cap(s: Session) -> int:
    return int(config.get_value(s, "wish.value_cap_yuan")) * 100


def _age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def resident_groups(db: Database, resident_id: str) -> list[str]:
    """The groups a wish can be filed under: the beneficiary's tags in force today."""
    with db.read() as s:
        return _groups(s, resident_id, clock.today())


def _groups(s: Session, resident_id: str, today: date) -> list[str]:
    return list(
        s.scalars(
            select(ResidentTag.tag)
            .where(ResidentTag.resident_id == resident_id, *tag_in_force(today))
            .order_by(ResidentTag.tag)
        )
    )


def _wish_values(s: Session, data: WishInput) -> dict[str, Any]:
    """The checked columns of a wish as 征集 records them (every refusal named by field)."""
    c = Checker()
    values: dict[str, Any] = {
        "text": c.text("text", data.text, required=True, max_len=200),
        "category": c.choice("category", data.category, CATEGORIES),
        "collected_on": c.past_date("collected_on", data.collected_on, clock.today()),
        "collected_by": c.text("collected_by", data.collected_by, max_len=64),
        "guardian": c.text("guardian", data.guardian, max_len=64),
        "group_tag": data.group_tag,
        "consent_on": data.consent_on,
        "beneficiary_id": data.beneficiary_id,
        "estimated_value": parse_yuan(data.estimated_value),
    }
    values["guardian_consent_on"] = data.guardian_consent_on if values["guardian"] else None
    resident = s.get(Resident, data.beneficiary_id) if data.beneficiary_id else None
    if resident is None or resident.deleted:
        c.add("beneficiary_id", "required" if not data.beneficiary_id else "record.not_found")
    else:
        _check_group(c, data.group_tag, _groups(s, resident.id, clock.today()))
    if values["estimated_value"] is None:
        c.add("estimated_value", "money.invalid")
    elif values["estimated_value"] > _cap(s):
        c.add("estimated_value", "wish.over_cap", cap=yuan(_cap(s)))
    c.raise_if_any()
    return values


def _check_group(c: Checker, group: str, tags: list[str]) -> None:
    """A wish is filed under one of the beneficiary's groups; a person in none may have none."""
    if group and group not in tags:
        c.add("group_tag", "wish.group_not_tagged")
    elif not group and tags:
        c.add("group_tag", "wish.group_required", groups="、".join(group_label(t) for t in tags))


def collect(db: Database, data: WishInput) -> str:
    """征集: register a wish (checked against the value cap); returns its id."""
    with db.uow() as s:
        values = _wish_values(s, data)
        number = next_number(s, Wish.number, f"{data.collected_on.year}-W", 4)
        wish = Wish(number=number, status="collected", **values)
        s.add(wish)
        s.flush()
        _event(s, wish, "collected", data.collected_on)
        return wish.id


EDITABLE: Final = ("collected", "verified")


def update_wish(db: Database, wish_id: str, data: WishInput) -> str:
    """Correct what was recorded at 征集 — only before the wish is published (or refused)."""
    with db.uow() as s:
        wish = _wish(s, wish_id)
        if wish.status not in EDITABLE:
            raise UserError("wish.not_editable", status=STATUSES[wish.status])
        for key, value in _wish_values(s, data).items():
            if getattr(wish, key) != value:
                setattr(wish, key, value)
        return wish.id


@dataclass(frozen=True)
class WishForm:
    """A wish as the 征集 form shows it, for correcting it."""

    data: WishInput
    beneficiary_name: str


def wish_form(db: Database, wish_id: str) -> WishForm:
    with db.read() as s:
        w = _wish(s, wish_id)
        if w.status not in EDITABLE:
            raise UserError("wish.not_editable", status=STATUSES[w.status])
        who = s.get(Resident, w.beneficiary_id)
        data = WishInput(
            w.beneficiary_id,
            w.text,
            w.category,
            yuan(w.estimated_value),
            w.collected_on,
            w.collected_by,
            w.group_tag,
            w.consent_on,
            w.guardian,
            w.guardian_consent_on,
        )
        return WishForm(data, who.name if who else "")


def verify(db: Database, wish_id: str, on: date, by: str, method: str, note: str = "") -> None:
    """核实 by a staff member, by phone or a home visit."""
    c = Checker()
    by = c.text("verified_by", by, required=True, max_len=64)
    c.choice("verify_method", method, VERIFY_METHODS)
    note = c.text("verify_note", note, max_len=2000)
    c.past_date("verified_on", on, clock.today())
    c.raise_if_any()
    with db.uow() as s:
        wish = _wish(s, wish_id)
        _move(wish, "verify")
        wish.verified_on, wish.verified_by, wish.verify_method, wish.verify_note = (
            on,
            by,
            method,
            note,
        )
        _event(s, wish, "verified", on, note=f"{by}（{VERIFY_METHODS[method]}）")


def reject(db: Database, wish_id: str, on: date, reason: str) -> None:
    """不予发布, with the reason."""
    reason = required_text("reject_reason", reason, 2000)
    with db.uow() as s:
        wish = _wish(s, wish_id)
        _move(wish, "reject")
        wish.reject_reason = reason
        _event(s, wish, "rejected", on, note=reason)


def open_round(db: Database, name: str, opened_on: date) -> str:
    """A new round (批次): the current one is closed and its unclaimed wishes move into the new
    one with priority (they are listed first and marked 优先)."""
    name = required_text("round_name", name, 64)
    with db.uow() as s:
        current = _current_round(s)
        if current is not None and opened_on < current.opened_on:
            raise UserError("wish.round_before_current", name=current.name)
        number = (current.number if current else 0) + 1
        new = WishRound(number=number, name=name, opened_on=opened_on)
        s.add(new)
        s.flush()
        if current is not None:
            current.closed_on = opened_on
            for wish in s.scalars(
                select(Wish).where(
                    Wish.round_id == current.id,
                    Wish.status == "published",
                    Wish.deleted.is_(False),
                )
            ):
                wish.round_id, wish.rollovers = new.id, wish.rollovers + 1
                _event(s, wish, "rolled_over", opened_on, note=f"转入{name}（优先）")
        return new.id


def _current_round(s: Session) -> WishRound | None:
    return s.scalars(
        select(WishRound)
        .where(WishRound.deleted.is_(False), WishRound.closed_on.is_(None))
        .order_by(WishRound.number.desc())
        .limit(1)
    ).first()


def publish(db: Database, wish_id: str, on: date) -> None:
    """发布 into the current round: needs the consents (PIPL Art. 25, and 31 under 14)."""
    with db.uow() as s:
        wish = _wish(s, wish_id)
        _check_step(wish, "publish")  # the state first: "not 待发布" says more than "no round"
        _publish_in(s, wish, _open_round(s), on)


@dataclass(frozen=True)
class Published:
    numbers: list[str]
    refused: list[tuple[str, str]]  # (number, why)


def publish_verified(db: Database, on: date) -> Published:
    """发布 every 待发布 wish into the current round at once; those still missing a consent
    are listed with the reason and stay 待发布."""
    done, refused = [], []
    with db.uow() as s:
        current = _open_round(s)
        for wish in s.scalars(
            select(Wish)
            .where(Wish.status == "verified", Wish.deleted.is_(False))
            .order_by(Wish.number)
        ):
            try:
                _publish_in(s, wish, current, on)
                done.append(wish.number)
            except UserError as exc:
                refused.append((wish.number, message(exc.code, **exc.params)))
    return Published(done, refused)


def _open_round(s: Session) -> WishRound:
    current = _current_round(s)
    if current is None:
        raise UserError("wish.no_round")
    return current


def _publish_in(s: Session, wish: Wish, current: WishRound, on: date) -> None:
    """Checks first, then the step: a refused wish is left as it was."""
    _check_step(wish, "publish")
    if wish.consent_on is None:
        raise UserError("wish.no_consent")
    born = s.get(Resident, wish.beneficiary_id)
    age = _age_on(born.birth_date if born else None, on)
    if age is not None and age < GUARDIAN_AGE and not (wish.guardian and wish.guardian_consent_on):
        raise UserError("wish.no_guardian_consent", age=age)
    _move(wish, "publish")
    wish.round_id = current.id
    _event(s, wish, "published", on)


def claim(db: Database, wish_id: str, data: ClaimInput) -> str:
    """认领 by members (one or several) and/or a partner unit; the claimer must contact the
    beneficiary within the set number of days. One live claim per wish."""
    on = data.claimed_on or clock.today()
    members = tuple(dict.fromkeys(data.member_ids))
    if not members and not data.unit_id:
        raise UserError("wish.no_claimer")
    with db.uow() as s:
        wish = _wish(s, wish_id)
        if wish.status == "claimed":
            raise UserError("wish.already_claimed", claimer=claimer_names(s, [wish.id])[wish.id])
        _move(wish, "claim")
        for member_id in members:
            live(s, PartyMember, member_id, "member.not_found")
        if data.unit_id:
            unit = live(s, Organization, data.unit_id, "record.not_found")
            if unit.kind != "partner_unit":
                raise UserError("member.not_partner_unit")
        days = int(config.get_value(s, "wish.contact_days"))
        record = WishClaim(
            wish_id=wish.id, unit_id=data.unit_id, claimed_on=on, contact_due=on + timedelta(days)
        )
        s.add(record)
        s.flush()
        s.add_all(WishClaimMember(claim_id=record.id, member_id=m) for m in members)
        _event(s, wish, "claimed", on, claim_id=record.id)
        return record.id


def record_contact(db: Database, wish_id: str, on: date) -> None:
    """The claimer has contacted the beneficiary (对接)."""
    with db.uow() as s:
        record = _live_claim(s, _wish(s, wish_id))
        if on < record.claimed_on:
            raise UserError("wish.contact_before_claim")
        record.contacted_on = on
        _event(s, _wish(s, wish_id), "contacted", on, claim_id=record.id)


def cancel_claim(db: Database, wish_id: str, on: date, reason: str) -> None:
    """The claim is withdrawn; the wish is 待认领 again in its round."""
    reason = required_text("cancel_reason", reason, 2000)
    with db.uow() as s:
        wish = _wish(s, wish_id)
        record = _live_claim(s, wish)
        _move(wish, "cancel_claim")
        record.status, record.cancelled_on, record.cancel_reason = "cancelled", on, reason
        _event(s, wish, "claim_cancelled", on, claim_id=record.id, note=reason)


def fulfil(db: Database, wish_id: str, data: FulfilInput) -> None:
    """兑现: date, actual value, photos, whether the receipt is signed."""
    c = Checker()
    value = parse_yuan(data.actual_value)
    if value is None:
        c.add("actual_value", "money.invalid")
    c.past_date("fulfilled_on", data.fulfilled_on, clock.today())
    c.raise_if_any()
    stored = attachments.store_files(db, data.photos)
    with db.uow() as s:
        wish = _wish(s, wish_id)
        record = _live_claim(s, wish)
        if data.fulfilled_on < record.claimed_on:
            raise UserError("wish.fulfil_before_claim")
        _move(wish, "fulfil")
        wish.fulfilled_on, wish.actual_value = data.fulfilled_on, value
        wish.receipt_signed = data.receipt_signed
        record.status = "fulfilled"
        attachments.link(s, "wish", wish.id, stored)
        _event(s, wish, "fulfilled", data.fulfilled_on, claim_id=record.id)


def follow_up(db: Database, wish_id: str, on: date, satisfaction: str, feedback: str = "") -> None:
    """回访: the beneficiary's feedback and satisfaction."""
    c = Checker()
    c.choice("satisfaction", satisfaction, SATISFACTION)
    feedback = c.text("feedback", feedback, max_len=2000)
    c.past_date("feedback_on", on, clock.today())
    c.raise_if_any()
    with db.uow() as s:
        wish = _wish(s, wish_id)
        _move(wish, "follow_up")
        wish.feedback_on, wish.satisfaction, wish.feedback = on, satisfaction, feedback
        _event(s, wish, "visited", on, note=SATISFACTION[satisfaction])


def _wish(s: Session, wish_id: str) -> Wish:
    return live(s, Wish, wish_id, "wish.not_found")


def _live_claim(s: Session, wish: Wish) -> WishClaim:
    found = s.scalars(
        select(WishClaim).where(
            WishClaim.wish_id == wish.id,
            WishClaim.status == "live",
            WishClaim.deleted.is_(False),
        )
    ).first()
    if found is None:
        raise UserError("wish.no_live_claim", status=STATUSES[wish.status])
    return found


def _check_step(wish: Wish, step: str) -> None:
    """Refuse ``step`` unless the wish is in the state it starts from."""
    label, start, _end = TRANSITIONS[step]
    if wish.status != start:
        raise UserError("wish.transition_refused", old=STATUSES[wish.status], step=label)


def _move(wish: Wish, step: str) -> None:
    """Take ``step`` from the state it starts from, or refuse (before anything is written)."""
    _check_step(wish, step)
    wish.status = TRANSITIONS[step][2]


def _event(
    s: Session, wish: Wish, kind: str, on: date, claim_id: str | None = None, note: str = ""
) -> None:
    """The dated event the statistics count, with the grid and group as they are today."""
    grid = s.scalar(
        select(Household.grid_id)
        .join(Resident, Resident.household_id == Household.id)
        .where(Resident.id == wish.beneficiary_id)
    )
    s.add(
        WishEvent(
            wish_id=wish.id,
            kind=kind,
            event_date=on,
            round_id=wish.round_id,
            claim_id=claim_id,
            grid_id=grid,
            group_tag=wish.group_tag,
            note=note,
        )
    )


def claimer_names(s: Session, wish_ids: list[str]) -> dict[str, str]:
    """Wish id -> who holds its live (or fulfilled) claim: 单位 + members."""
    names: dict[str, list[str]] = {}
    for start in range(0, len(wish_ids), 500):
        chunk = wish_ids[start : start + 500]
        for wish_id, unit in s.execute(
            select(WishClaim.wish_id, Organization.name)
            .outerjoin(Organization, Organization.id == WishClaim.unit_id)
            .where(WishClaim.wish_id.in_(chunk), WishClaim.status.in_(("live", "fulfilled")))
        ):
            names.setdefault(wish_id, []).extend([unit] if unit else [])
        for wish_id, member in s.execute(
            select(WishClaim.wish_id, PartyMember.name)
            .join(WishClaimMember, WishClaimMember.claim_id == WishClaim.id)
            .join(PartyMember, PartyMember.id == WishClaimMember.member_id)
            .where(WishClaim.wish_id.in_(chunk), WishClaim.status.in_(("live", "fulfilled")))
            .order_by(PartyMember.name)
        ):
            names.setdefault(wish_id, []).append(member)
    return {k: "、".join(v) for k, v in names.items()}


def group_label(tag: str) -> str:
    return codes.label(codes.TAGS, tag) if tag else ""
