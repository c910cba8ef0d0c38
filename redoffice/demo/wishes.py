"""Demo 微心愿 and 双报到: partner units, registered party members with service records, and two
rounds of wishes in every state (with their claims and dated events, as the services write them)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from redoffice.models import (
    Household,
    Organization,
    PartyMember,
    Resident,
    ResidentTag,
    ServiceRecord,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.models.base import Base

Add = Callable[..., str]
Rows = dict[type[Base], list[dict[str, Any]]]

UNITS = ("市供电公司", "区人民医院", "市税务局第三分局", "区实验小学", "建设银行江汉支行")
WISHES = {
    "living_alone": [("一台助行器", "goods", 260), ("上门理发", "service", 30)],
    "very_elderly": [("老花镜一副", "goods", 80), ("陪同去医院复查", "service", 0)],
    "disabled": [("一台轮椅", "goods", 450), ("更换卫生间扶手", "service", 150)],
    "subsistence": [("冬季棉被一床", "goods", 200), ("修理漏水的窗户", "service", 120)],
    "needy_party_member": [("订一年党报", "goods", 150), ("家中电路检修", "service", 100)],
    "left_behind_child": [("一个新书包", "goods", 120), ("周末学业辅导", "service", 0)],
}
ACTIVITIES = ("楼道清理志愿服务", "陪同老人就医", "政策宣讲", "垃圾分类督导", "微心愿兑现")
# the state a demo wish ends in, per round; "rolled" = unclaimed in round 1, published in 2
ROUND_ONE = ["closed"] * 6 + ["fulfilled"] * 3 + ["rolled"] * 3 + ["rejected"] * 2
ROUND_TWO = ["published"] * 5 + ["claimed"] * 4 + ["overdue"] * 2 + ["fulfilled"] * 2
ROUND_TWO += ["closed"] * 2 + ["verified"] * 3 + ["collected"] * 3 + ["cancelled"] * 2


class _Wishes:
    def __init__(self, rows: Rows, add: Add, node: str, rng: random.Random, today: date) -> None:
        self.add, self.node, self.rng, self.today = add, node, rng, today
        homes = {h["id"]: h.get("grid_id") for h in rows.get(Household, [])}
        self.people = {r["id"]: r for r in rows.get(Resident, [])}
        self.grid = {r["id"]: homes.get(r["household_id"]) for r in self.people.values()}
        self.candidates = [
            (t["resident_id"], t["tag"]) for t in rows.get(ResidentTag, []) if t["tag"] in WISHES
        ]
        self.numbers = 0
        self.members: list[str] = []
        self.units: list[str] = []

    def event(self, wish: dict[str, Any], kind: str, day: date, **extra: Any) -> None:
        self.add(
            WishEvent,
            self.node,
            wish_id=wish["id"],
            kind=kind,
            event_date=day,
            round_id=extra.pop("round_id", wish["round_id"]),
            claim_id=extra.pop("claim_id", None),
            grid_id=self.grid.get(wish["beneficiary_id"]),
            group_tag=wish["group_tag"],
            note=extra.pop("note", ""),
        )

    def wish(self, fate: str, collected: date, round_id: str | None, later: str | None) -> None:
        person, tag = self.rng.choice(self.candidates)
        text, category, value = self.rng.choice(WISHES[tag])
        self.numbers += 1
        born = self.people[person].get("birth_date")
        child = born is not None and (collected - born).days < 14 * 365
        values: dict[str, Any] = {
            "number": f"{collected.year}-W{self.numbers:04d}",
            "beneficiary_id": person,
            "text": text,
            "category": category,
            "group_tag": tag,
            "estimated_value": value * 100,
            "status": "collected",
            "consent_on": collected,
            "guardian": "监护人" if child else "",
            "guardian_consent_on": collected if child else None,
            "collected_on": collected,
            "collected_by": "网格员",
            "verified_on": None,
            "verified_by": "",
            "verify_method": "",
            "verify_note": "",
            "reject_reason": "",
            "round_id": None,
            "rollovers": 0,
            "fulfilled_on": None,
            "actual_value": None,
            "receipt_signed": False,
            "feedback": "",
            "satisfaction": "",
            "feedback_on": None,
        }
        self._advance(values, fate, collected, round_id, later)
        events = values.pop("_events")
        values["id"] = self.add(Wish, self.node, **values)
        for kind, day, extra in events:
            self.event(values, kind, day, **extra)

    def _advance(
        self,
        w: dict[str, Any],
        fate: str,
        day: date,
        round_id: str | None,
        later: str | None,
    ) -> None:
        events: list[tuple[str, date, dict[str, Any]]] = [("collected", day, {"round_id": None})]
        w["_events"] = events
        if fate == "collected":
            return
        day += timedelta(days=3)
        if fate == "rejected":
            w.update(status="rejected", reject_reason="已通过民政渠道解决")
            events.append(("rejected", day, {"round_id": None}))
            return
        w.update(status="verified", verified_on=day, verified_by="社区书记")
        w["verify_method"] = self.rng.choice(("phone", "home_visit"))
        events.append(("verified", day, {"round_id": None}))
        if fate == "verified":
            return
        day += timedelta(days=2)
        w.update(status="published", round_id=round_id)
        events.append(("published", day, {"round_id": round_id}))
        if fate == "rolled":
            w.update(round_id=later, rollovers=1)
            events.append(("rolled_over", day + timedelta(days=60), {"round_id": later}))
            return
        if fate == "published":
            return
        self._claims(w, fate, day + timedelta(days=4), events)

    def _claims(
        self, w: dict[str, Any], fate: str, day: date, events: list[tuple[str, date, Any]]
    ) -> None:
        if fate == "overdue":
            day = self.today - timedelta(days=10)
        claim = self._claim(w, day, "cancelled" if fate == "cancelled" else "live")
        events.append(("claimed", day, {"claim_id": claim["id"]}))
        w["status"] = "claimed"
        if fate == "cancelled":
            w["status"] = "published"
            events.append(("claim_cancelled", day + timedelta(days=5), {"claim_id": claim["id"]}))
            return
        if fate == "overdue":
            return
        claim["contacted_on"] = day + timedelta(days=2)
        events.append(("contacted", day + timedelta(days=2), {"claim_id": claim["id"]}))
        if fate == "claimed":
            return
        done = min(day + timedelta(days=12), self.today)
        claim["status"] = "fulfilled"
        w.update(status="fulfilled", fulfilled_on=done, receipt_signed=True)
        w["actual_value"] = w["estimated_value"]
        events.append(("fulfilled", done, {"claim_id": claim["id"]}))
        if fate == "closed":
            w.update(status="closed", feedback_on=done, satisfaction="satisfied", feedback="很满意")
            events.append(("visited", done, {"note": "满意"}))

    def _claim(self, w: dict[str, Any], day: date, status: str) -> dict[str, Any]:
        claim: dict[str, Any] = {
            "wish_id": None,  # set once the wish row exists (below)
            "unit_id": self.rng.choice(self.units) if self.rng.random() < 0.4 else None,
            "claimed_on": day,
            "contact_due": day + timedelta(days=7),
            "contacted_on": None,
            "status": status,
            "cancelled_on": day + timedelta(days=5) if status == "cancelled" else None,
            "cancel_reason": "工作调动，无法兑现" if status == "cancelled" else "",
        }
        members = self.rng.sample(self.members, k=1 + int(self.rng.random() < 0.3))
        w.setdefault("_claims", []).append((claim, [] if claim["unit_id"] else members))
        claim["id"] = f"pending-{len(w['_claims'])}"
        return claim


def _units_and_members(m: _Wishes, rows: Rows) -> None:
    for name in UNITS:
        m.units.append(
            m.add(
                Organization,
                m.node,
                kind="partner_unit",
                name=name,
                contact_person="联络员",
                phone=f"1390000{m.rng.randrange(1000, 9999)}",
                notes="",
            )
        )
    party = [r for r in rows.get(Resident, []) if r["political_status"] == "party_member"]
    for n, person in enumerate(m.rng.sample(party, k=min(12, len(party)))):
        m.members.append(_member(m, person["name"], person["phone"], person["id"], n))
    for n in range(8):
        m.members.append(_member(m, f"在职党员{n + 1:02d}", f"1370000{n:04d}", None, n))


def _member(m: _Wishes, name: str, phone: str, resident: str | None, n: int) -> str:
    member = m.add(
        PartyMember,
        m.node,
        resident_id=resident,
        name=name,
        phone=phone,
        workplace=UNITS[n % len(UNITS)],
        unit_id=m.units[n % len(m.units)] if n % 2 == 0 else None,
        party_org=f"{UNITS[n % len(UNITS)]}党支部",
        reported_on=m.today - timedelta(days=300 - n * 7),
        commitments="每季度参加社区志愿服务不少于2次",
        active=True,
        notes="",
    )
    for k in range(m.rng.randrange(1, 6)):
        m.add(
            ServiceRecord,
            m.node,
            member_id=member,
            service_date=m.today - timedelta(days=m.rng.randrange(1, 200)),
            activity=ACTIVITIES[(n + k) % len(ACTIVITIES)],
            minutes=m.rng.choice((60, 90, 120, 180)),
            wish_id=None,
            case_id=None,
            notes="",
        )
    return member


def add_wish_history(rows: Rows, add: Add, node: str, seed: int, today: date) -> None:
    """Partner units, ~20 members, and two rounds of wishes (the second one open)."""
    rng = random.Random(seed + 3)
    claims: list[tuple[dict[str, Any], list[str]]] = []

    def add_wish(model: type[Base], n: str, **values: Any) -> str:
        pending = values.pop("_claims", [])
        wish_id = add(model, n, **values)
        for claim, members in pending:
            claim["wish_id"] = wish_id
            claims.append((claim, members))
        return wish_id

    m = _Wishes(rows, add_wish, node, rng, today)
    if not m.candidates:
        return
    _units_and_members(m, rows)
    first_open, second_open = today - timedelta(days=120), today - timedelta(days=30)
    first = add(
        WishRound, node, number=1, name="第一批", opened_on=first_open, closed_on=second_open
    )
    second = add(WishRound, node, number=2, name="第二批", opened_on=second_open, closed_on=None)
    for n, fate in enumerate(ROUND_ONE):
        m.wish(fate, first_open - timedelta(days=10 - n % 5), first, second)
    for n, fate in enumerate(ROUND_TWO):
        m.wish(fate, second_open - timedelta(days=8 - n % 5), second, None)
    _add_claims(add, node, claims, rows)


def _add_claims(
    add: Add, node: str, claims: list[tuple[dict[str, Any], list[str]]], rows: Rows
) -> None:
    """Claims go in with their members; the events pointing at them get their real ids."""
    real: dict[tuple[str, str], str] = {}
    for claim, members in claims:
        pending = claim.pop("id")
        claim_id = add(WishClaim, node, **claim)
        real[(claim["wish_id"], pending)] = claim_id
        for member in members:
            add(WishClaimMember, node, claim_id=claim_id, member_id=member)
    for event in rows.get(WishEvent, []):
        if event["claim_id"]:
            event["claim_id"] = real[(event["wish_id"], event["claim_id"])]
