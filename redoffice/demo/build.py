"""Realistic demo data: grids, 小区 with 物业 and 业委会, households, residents, tags, and a
year of visits, cases, meetings, wishes and 红色基金 activity.

The same seed gives the same data (names, ID numbers, addresses, relations, tags); record ids
are fresh UUIDv7s each time. Rows go in with bulk inserts in one transaction, audited as one
batch (the rows carry its sequence number).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from faker import Faker
from sqlalchemy.orm import Session
from stdnum.cn import ric

from redoffice.demo.fund import add_fund_history
from redoffice.demo.meetings import add_meeting_history
from redoffice.demo.wishes import add_wish_history
from redoffice.demo.work import add_work_history
from redoffice.kit import audit_log, changes, clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.validation import natural_key, parse_id_number, spaced_chars
from redoffice.models import (
    AgendaItem,
    Case,
    CaseEvent,
    Estate,
    Grid,
    Household,
    Meeting,
    MeetingAttendee,
    MeetingEstate,
    Organization,
    PartyMember,
    Resident,
    ResidentTag,
    Resolution,
    ResolutionNote,
    ServiceRecord,
    Staff,
    Visit,
    VisitParticipant,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.models.base import Base
from redoffice.registry import search
from redoffice.registry.addresses import household_address
from redoffice.registry.residents import pinyin_keys
from redoffice.settings.community import Identity, is_initialized
from redoffice.visits import state as visit_state

Progress = Callable[[int, int], None]

DEMO_IDENTITY = Identity("幸福社区", "420106001001", "中南路街道", "420106001")
DEMO_OPERATOR = "张秘书"

REGIONS = (
    "420102",
    "420103",
    "420104",
    "420106",
    "420111",
    "420115",
    "421002",
    "422801",
    "330802",
    "330803",
    "110105",
    "110108",
    "370921",
    "460203",
    "510107",
    "610113",
)
ESTATE_NAMES = (
    "阳光花园",
    "幸福里",
    "和平小区",
    "书香苑",
    "锦绣家园",
    "翠湖天地",
    "东湖新村",
    "桂园",
    "丽水湾",
    "南湖名都",
    "长江花园",
    "百步亭",
    "紫阳新居",
    "梅苑小区",
    "建设新村",
    "民主里",
    "育才小区",
    "江景华庭",
    "枫叶苑",
    "工人新村",
)
STREETS = ("解放路", "中山路", "民主路", "和平大道", "胜利街", "新华路", "建设大道", "友谊路")
ETHNIC = ("汉族",) * 19 + ("回族", "土家族", "满族", "苗族", "蒙古族")


@dataclass
class _Batch:
    rows: dict[type[Base], list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type[Base], node: str, **values: Any) -> str:
        row = changes.new_record(node, **values)
        self.rows.setdefault(model, []).append(row)
        return str(row["id"])

    def flush(self, s: Session) -> None:
        for model in (
            Organization,
            Estate,
            Staff,
            Grid,
            Household,
            Resident,
            ResidentTag,
            Visit,
            VisitParticipant,
            Case,
            CaseEvent,
            Meeting,
            MeetingEstate,
            MeetingAttendee,
            AgendaItem,
            Resolution,
            ResolutionNote,
            WishRound,
            PartyMember,
            ServiceRecord,
            Wish,
            WishClaim,
            WishClaimMember,
            WishEvent,
        ):
            # staff first: grid.leader_id points at them (their grid_id stays empty here)
            changes.insert_records(s, model, self.rows.get(model, []))


class _People:
    """Generates people with valid, unique ID numbers consistent with gender and birth date."""

    def __init__(self, rng: random.Random, fake: Faker, today: date) -> None:
        self.rng, self.fake, self.today = rng, fake, today
        self.used: set[str] = set()

    def id_number(self, born: date, gender: str, region: str) -> str:
        while True:
            seq = self.rng.randrange(0, 500) * 2 + (1 if gender == "male" else 0)
            body = f"{region}{born:%Y%m%d}{seq:03d}"
            number = body + ric.calc_check_digit(body + "0")
            if number not in self.used:
                self.used.add(number)
                return number

    def birth(self, age: int) -> date:
        start = date(self.today.year - age - 1, self.today.month, 1) + timedelta(days=1)
        return min(start + timedelta(days=self.rng.randrange(360)), self.today)

    def phone(self) -> str:
        return "1" + self.rng.choice("3578") + "".join(self.rng.choices("0123456789", k=9))

    def given(self, gender: str) -> str:
        return str(
            self.fake.first_name_male() if gender == "male" else self.fake.first_name_female()
        )


def _grids_and_estates(
    b: _Batch, node: str, p: _People, households: int
) -> tuple[list[str], list[tuple[str, str]]]:
    rng, fake = p.rng, p.fake
    grid_count = max(2, round(households / 220))
    grids = []
    for n in range(1, grid_count + 1):
        staff = b.add(
            Staff,
            node,
            name=fake.name(),
            role="grid_worker",
            phone=p.phone(),
            grid_id=None,
            notes="",
        )
        grids.append(
            b.add(Grid, node, code=f"G{n:03d}", name=f"第{n}网格", leader_id=staff, notes="")
        )
    estates = []
    for name in ESTATE_NAMES[: max(2, min(len(ESTATE_NAMES), households // 400 + 2))]:
        pc = b.add(
            Organization,
            node,
            kind="property_company",
            name=f"{fake.company_prefix()}物业服务有限公司",
            contact_person=fake.name(),
            phone=f"027-8{rng.randrange(1000000, 9999999)}",
            notes="",
        )
        oc = b.add(
            Organization,
            node,
            kind="owners_committee",
            name=f"{name}业主委员会",
            contact_person=fake.name(),
            phone="",
            notes="",
        )
        street = rng.choice(STREETS)
        estate = b.add(
            Estate,
            node,
            name=name,
            address=f"{street}{rng.randrange(1, 300)}号",
            property_company_id=pc,
            owners_committee_id=oc,
            notes="",
        )
        estates.append((estate, name))
    return grids, estates


def _member(
    b: _Batch,
    node: str,
    p: _People,
    household: str,
    relation: str,
    surname: str,
    gender: str,
    age: int,
    address: str,
) -> str:
    rng = p.rng
    born = p.birth(age)
    name = surname + p.given(gender)
    kind = rng.choices(["registered", "floating", "overseas"], [85, 14, 1])[0]
    region = rng.choice(REGIONS)
    number = p.id_number(born, gender, region)
    if kind == "overseas":
        body = f"9{region[:2]}156{born:%Y%m%d}{rng.randrange(10, 99)}{1 if gender == 'male' else 2}"
        number = body + ric.calc_check_digit(body + "0")
        p.used.add(number)
    parse_id_number(number, p.today)
    party = age >= 20 and rng.random() < 0.1
    full, initials = pinyin_keys(name)
    phone = p.phone() if age >= 16 else ""
    return b.add(
        Resident,
        node,
        name=name,
        name_pinyin=full,
        name_initials=initials,
        search_name=spaced_chars(name),
        gender=gender,
        id_number=number,
        id_number_rev=number[::-1],
        birth_date=born,
        ethnicity=rng.choice(ETHNIC),
        phone=phone,
        phone_rev=phone[::-1],
        political_status="party_member"
        if party
        else rng.choice(["masses"] * 6 + ["youth_league_member"]),
        party_org="社区第一党支部" if party else "",
        party_join_date=min(
            born + timedelta(days=365 * rng.randrange(20, max(21, age)) + 30), p.today
        )
        if party
        else None,
        hukou_place=p.fake.province() + p.fake.city_name() + "市",
        current_address=address,
        residence_type=kind,
        household_id=household,
        relation=relation,
        status="active",
        status_date=None,
        notes="",
    )


def _tags(
    b: _Batch, node: str, rng: random.Random, resident: dict[str, Any], size: int, today: date
) -> None:
    age = (today - resident["birth_date"]).days // 365
    wanted = []
    if age >= 80:
        wanted.append("very_elderly")
    if age >= 65 and size == 1:
        wanted.append("living_alone")
    if age >= 60 and size == 2 and rng.random() < 0.6:
        wanted.append("empty_nester")
    if rng.random() < 0.045:
        wanted.append("disabled")
    if rng.random() < 0.035:
        wanted.append("subsistence")
    if resident["gender"] == "male" and 25 < age < 70 and rng.random() < 0.03:
        wanted.append("veteran")
    if age < 16 and rng.random() < 0.05:
        wanted.append("left_behind_child")
    if resident["political_status"] == "party_member" and rng.random() < 0.05:
        wanted.append("needy_party_member")
    for tag in wanted:
        since = today - timedelta(days=rng.randrange(30, 3000))
        b.add(
            ResidentTag, node, resident_id=resident["id"], tag=tag, since=since, until=None, note=""
        )


def _household(
    b: _Batch, node: str, p: _People, estates: list[tuple[str, str]], grids: list[str], n: int
) -> None:
    rng = p.rng
    estate, estate_name = estates[n % len(estates)]
    scattered = rng.random() < 0.05
    values: dict[str, Any] = {
        "estate_id": None if scattered else estate,
        "building": "" if scattered else str(rng.randrange(1, 21)),
        "unit": "" if scattered else str(rng.randrange(1, 4)),
        "room": "" if scattered else f"{rng.randrange(1, 19)}{rng.randrange(1, 5):02d}",
        "address_text": f"{rng.choice(STREETS)}{rng.randrange(1, 500)}号" if scattered else "",
    }
    address = household_address(
        None if scattered else estate_name,
        values["building"],
        values["unit"],
        values["room"],
        values["address_text"],
    )
    values["search_address"] = spaced_chars(address)
    values["address_sort"] = natural_key(address)
    household = b.add(
        Household,
        node,
        **values,
        address=address,
        grid_id=grids[n % len(grids)],
        phone="",
        residence_status=rng.choices(
            ["consistent", "person_without_hukou", "hukou_without_person"], [85, 10, 5]
        )[0],
        notes="",
    )
    _family(b, node, p, household, address)


def _family(b: _Batch, node: str, p: _People, household: str, address: str) -> None:
    rng = p.rng
    surname = str(p.fake.last_name())
    head_gender = rng.choice(["male", "male", "female"])
    head_age = int(rng.triangular(26, 92, 48))
    plan = [("0", surname, head_gender, head_age)]
    if rng.random() < 0.8:
        other = "female" if head_gender == "male" else "male"
        plan.append(("1", str(p.fake.last_name()), other, max(20, head_age + rng.randrange(-5, 6))))
    if head_age < 75:
        for _ in range(rng.choices([0, 1, 2, 3], [18, 40, 33, 9])[0]):
            age = max(0, head_age - rng.randrange(22, 36))
            plan.append(("2", surname, rng.choice(["male", "female"]), age))
    if head_age < 55 and rng.random() < 0.15:
        plan.append(
            ("3", surname, rng.choice(["male", "female"]), head_age + rng.randrange(24, 32))
        )
    if head_age >= 60 and rng.random() < 0.2:
        plan.append(("7", surname, rng.choice(["male", "female"]), rng.randrange(1, 15)))
    plan = plan[:6]
    start = len(b.rows.get(Resident, []))
    for relation, family, gender, age in plan:
        _member(b, node, p, household, relation, family, gender, age, address)
    for resident in b.rows[Resident][start:]:
        _tags(b, node, rng, resident, len(plan), p.today)


def create_demo(
    db: Database,
    households: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
) -> dict[str, int]:
    """Add ``households`` demo households (and their grids, 小区, people) in one transaction,
    with a year of work ending on ``today`` (default: the current date)."""
    if not is_initialized(db):
        raise UserError("community.not_initialized")
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    people = _People(rng, fake, today or clock.today())
    b = _Batch()
    grids, estates = _grids_and_estates(b, db.node_id, people, households)
    for n in range(households):
        _household(b, db.node_id, people, estates, grids, n)
        if progress and n % 1000 == 0:
            progress(n, households)
    add_work_history(b.rows, b.add, db.node_id, seed, people.today)
    add_meeting_history(b.rows, b.add, db.node_id, seed, people.today, fake.name)
    add_wish_history(b.rows, b.add, db.node_id, seed, people.today)
    with db.uow() as s:
        with (
            search.deferred_indexing(s),
            audit_log.batch(s, "demo", households=households, seed=seed),
        ):
            b.flush(s)
        # the fund through its own services (its hash-chained ledger), in this transaction
        fund = add_fund_history(db, s, b.rows, seed, people.today)
        visit_state.recompute(s.connection(), visit_state.ALL, people.today)
    db.analyze()
    if progress:
        progress(households, households)
    return {model.__tablename__: len(rows) for model, rows in b.rows.items()} | fund
