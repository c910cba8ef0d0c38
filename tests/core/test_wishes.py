"""微心愿 and 双报到: every transition and rule (cap, consent, one live claim, contact deadline,
roll-over with priority, statistics by event date), members' services, and the printed board."""

import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.demo.build import create_demo
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import Wish, WishEvent
from redoffice.registry import party_members
from redoffice.registry import reference as registry
from redoffice.registry.party_members import MemberInput, ServiceInput
from redoffice.registry.residents import TagInput
from redoffice.wishes import documents
from redoffice.wishes import queries as wish_queries
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import WishFilter
from redoffice.wishes.service import ClaimInput, FulfilInput, WishInput
from tests.factories import add_resident, setup_place

pytestmark = pytest.mark.dates  # also run at other dates by `make test`

TODAY = clock.today()
AGO = TODAY - timedelta(days=40)


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    _grid, _estate, household = setup_place(db)
    elder = add_resident(db, "王小明", household=household, relation="0", born=date(1940, 3, 2))
    child = add_resident(db, "李娜", household=household, born=TODAY - timedelta(days=9 * 365))
    unit = registry.save_organization(
        db,
        registry.OrganizationInput(
            kind="partner_unit", name="市供电公司", contact_person="赵主任", phone="13800138000"
        ),
    )
    member = party_members.save_member(
        db, MemberInput(name="陈党员", phone="13900139000", workplace="市税务局", reported_on=AGO)
    )
    return {"elder": elder, "child": child, "unit": unit, "member": member}


def _wish(db: Database, who: str, value: str = "200", consent: bool = True) -> str:
    return wishes.collect(
        db,
        WishInput(
            beneficiary_id=who,
            text="一台轮椅",
            category="goods",
            estimated_value=value,
            collected_on=AGO,
            collected_by="网格员甲",
            consent_on=AGO if consent else None,
        ),
    )


def _published(db: Database, who: str) -> str:
    wish_id = _wish(db, who)
    wishes.verify(db, wish_id, AGO, "社区书记", "home_visit", "入户看过")
    if not wish_queries.rounds(db):
        wishes.open_round(db, "第一批", AGO)
    wishes.publish(db, wish_id, AGO)
    return wish_id


def _status(db: Database, wish_id: str) -> str:
    return wish_queries.get_wishes(db, [wish_id])[0].status


def test_value_cap_and_group_from_tags(db: Database, world: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _wish(db, world["elder"], value="600")
    assert "估价超过上限 500 元" in refused.value.text
    with pytest.raises(ValidationFailed, match="心愿人没有这个人群类别"):
        wishes.collect(
            db,
            WishInput(world["elder"], "理发", "service", "30", AGO, group_tag="disabled"),
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Wish)) == 0  # nothing written


def test_only_the_listed_transitions(db: Database, world: dict[str, str]) -> None:
    wish_id = _wish(db, world["elder"])
    wishes.open_round(db, "第一批", AGO)
    with pytest.raises(UserError, match="心愿当前为“待核实”，不能发布"):
        wishes.publish(db, wish_id, AGO)  # not verified yet
    with pytest.raises(UserError, match="不能认领"):
        wishes.claim(db, wish_id, ClaimInput(member_ids=(world["member"],)))
    wishes.reject(db, wish_id, AGO, "已由民政部门解决")
    with pytest.raises(UserError, match="心愿当前为“不予发布”"):
        wishes.verify(db, wish_id, AGO, "书记", "phone")
    assert _status(db, wish_id) == "rejected"


def test_consent_before_publishing(db: Database, world: dict[str, str]) -> None:
    wishes.open_round(db, "第一批", AGO)
    adult = _wish(db, world["elder"], consent=False)
    wishes.verify(db, adult, AGO, "书记", "phone")
    with pytest.raises(UserError, match="第二十五条"):
        wishes.publish(db, adult, AGO)
    signed = replace(wishes.wish_form(db, adult).data, consent_on=AGO)  # the paper came back
    wishes.update_wish(db, adult, signed)
    wishes.publish(db, adult, AGO)
    child = _wish(db, world["child"])
    wishes.verify(db, child, AGO, "书记", "home_visit")
    with pytest.raises(UserError, match="未满14周岁"):
        wishes.publish(db, child, AGO)
    guardian = replace(wishes.wish_form(db, child).data, guardian="李建国", guardian_consent_on=AGO)
    wishes.update_wish(db, child, guardian)
    wishes.publish(db, child, AGO)
    assert _status(db, child) == "published"


def test_one_live_claim_contact_deadline_cancel_fulfil_follow_up(
    db: Database, world: dict[str, str], tmp_path: Path
) -> None:
    wish_id = _published(db, world["elder"])
    wishes.claim(db, wish_id, ClaimInput((world["member"],), world["unit"], claimed_on=AGO))
    with pytest.raises(UserError, match="只能有一个有效认领"):
        wishes.claim(db, wish_id, ClaimInput(unit_id=world["unit"]))
    overdue = wish_queries.overdue_claims(db)
    assert [r.id for r in overdue] == [wish_id]
    assert overdue[0].contact_due == AGO + timedelta(days=7)
    assert overdue[0].claimer_name == "市供电公司、陈党员"
    wishes.record_contact(db, wish_id, AGO + timedelta(days=3))
    assert wish_queries.overdue_claims(db) == []
    wishes.cancel_claim(db, wish_id, AGO + timedelta(days=5), "单位人员调整")
    assert _status(db, wish_id) == "published"
    wishes.claim(db, wish_id, ClaimInput((world["member"],), claimed_on=AGO + timedelta(days=6)))
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    wishes.fulfil(db, wish_id, FulfilInput(AGO + timedelta(days=10), "188.5", True, (photo,)))
    wishes.follow_up(db, wish_id, AGO + timedelta(days=12), "satisfied", "谢谢党员同志")
    detail = wish_queries.wish_detail(db, wish_id)
    assert detail.row.status == "closed"
    assert (detail.actual_value, detail.receipt_signed) == (18850, True)
    kinds = [e[1] for e in detail.events]
    assert kinds == ["征集", "核实", "发布", "认领", "对接", "取消认领", "认领", "兑现", "回访"]


def test_unclaimed_wishes_roll_over_with_priority(db: Database, world: dict[str, str]) -> None:
    first = _published(db, world["elder"])
    second_round = wishes.open_round(db, "第二批", TODAY)
    rows = wish_queries.list_wishes(db, WishFilter(round_id=second_round))
    assert [(r.id, r.priority) for r in rows] == [(first, True)]
    new = _wish(db, world["elder"], value="50")
    wishes.verify(db, new, TODAY, "书记", "phone")
    wishes.publish(db, new, TODAY)
    ordered = wish_queries.list_wishes(db, WishFilter(round_id=second_round))
    assert [r.id for r in ordered] == [first, new]  # the rolled-over one first


def test_statistics_count_events_by_their_date(db: Database, world: dict[str, str]) -> None:
    wish_id = _published(db, world["elder"])
    wishes.claim(db, wish_id, ClaimInput((world["member"],), claimed_on=AGO))
    before = wish_queries.statistics(db, AGO, AGO, by="claimer")
    wishes.cancel_claim(db, wish_id, TODAY, "联系不上")
    after = wish_queries.statistics(db, AGO, AGO, by="claimer")
    assert before == after  # a later cancellation leaves the earlier day's figures alone
    total = after[-1]
    assert total.counts["claimed"] == 1 and total.claim_rate == 1.0
    assert [r.key for r in after] == ["陈党员", "合计"]
    by_round = wish_queries.statistics(db, AGO, TODAY, by="round")
    keyed = {r.key: r.counts for r in by_round}
    # collected and verified before publishing, counted under the round it was published in
    assert keyed["第一批"] == {
        "collected": 1,
        "verified": 1,
        "published": 1,
        "claimed": 1,
        "fulfilled": 0,
    }
    assert "未入批次" not in keyed
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WishEvent)) == 5


def test_statistics_count_each_rounds_wishes_under_that_round(db: Database) -> None:
    create_demo(db, 300, seed=5)
    found = wish_queries.list_wishes(db)
    stats = wish_queries.statistics(db, TODAY - timedelta(days=400), TODAY, by="round")
    keyed = {r.key: r.counts for r in stats}
    assert set(keyed) == {"第一批", "第二批", "未入批次", "合计"}
    for name in ("第一批", "第二批"):  # every wish published in a round was collected for it
        assert keyed[name]["collected"] == keyed[name]["verified"] == keyed[name]["published"]
        assert keyed[name]["published"] > 0
    never_published = [w for w in found if w.round_id is None]
    assert keyed["未入批次"]["collected"] == len(never_published) > 0
    assert keyed["未入批次"]["published"] == 0
    assert keyed["合计"]["collected"] == len(found)


def test_a_tagged_beneficiary_needs_a_group(db: Database) -> None:
    tags = (TagInput("living_alone", AGO), TagInput("very_elderly", AGO))
    elder = add_resident(db, "赵奶奶", born=date(1938, 1, 9), gender="female", tags=tags)
    with pytest.raises(ValidationFailed) as refused:
        _wish(db, elder)
    assert refused.value.for_field("group_tag") == ["请选择人群类别（心愿人属于：独居老人、高龄）"]
    wish_id = wishes.collect(
        db, WishInput(elder, "上门理发", "service", "30", AGO, group_tag="living_alone")
    )
    assert wish_queries.get_wishes(db, [wish_id])[0].group == "独居老人"


def test_members_services_and_partner_units(db: Database, world: dict[str, str]) -> None:
    resident_member = party_members.save_member(
        db,
        MemberInput(resident_id=world["elder"], unit_id=world["unit"], reported_on=AGO),
    )
    assert party_members.get_member(db, resident_member).name == "王小明"
    with pytest.raises(ValidationFailed, match="服务时长"):
        party_members.add_service(db, ServiceInput(world["member"], AGO, "送轮椅", 0))
    party_members.add_service(db, ServiceInput(world["member"], AGO, "陪同就医", 2.5))
    units = party_members.partner_units(db)
    assert [(u.name, u.members) for u in units] == [("市供电公司", 1)]
    rows = party_members.service_records(db, world["member"], AGO, TODAY)
    assert [(r.activity, r.minutes) for r in rows] == [("陪同就医", 150)]
    pdf = documents.member_service(db, world["member"], AGO, TODAY)
    text = _pdf_text(pdf, Path(f"/tmp/member-{db.node_id}.pdf"))
    assert "陈党员" in text and "陪同就医" in text and "2.5" in text


def _pdf_text(pdf: bytes, path: Path) -> str:
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_board_shows_masked_names_only(db: Database, world: dict[str, str], tmp_path: Path) -> None:
    _published(db, world["elder"])
    for paper in ("A4", "A3"):
        path = tmp_path / f"board-{paper}.pdf"
        text = _pdf_text(documents.wish_board(db, paper=paper), path)
        assert "王*明" in text and "一台轮椅" in text
        assert "王小明" not in text and "13" not in text.replace("2026", "")  # no phone
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" for r in rows)  # every font embedded
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        size = "1190.55 x 841.89" if paper == "A3" else "841.89 x 595.276"
        assert size in info


def _at(db: Database, world: dict[str, str], state: str) -> str:
    """A wish brought to ``state`` through the services."""
    if state == "rejected":
        wish_id = _wish(db, world["elder"])
        wishes.reject(db, wish_id, AGO, "重复登记")
        return wish_id
    if state in ("collected", "verified"):
        wish_id = _wish(db, world["elder"])
        if state == "verified":
            wishes.verify(db, wish_id, AGO, "书记", "phone")
            wishes.open_round(db, "第一批", AGO)
        return wish_id
    wish_id = _published(db, world["elder"])
    if state in ("claimed", "fulfilled", "closed"):
        wishes.claim(db, wish_id, ClaimInput((world["member"],), claimed_on=AGO))
    if state in ("fulfilled", "closed"):
        wishes.fulfil(db, wish_id, FulfilInput(AGO, "100"))
    if state == "closed":
        wishes.follow_up(db, wish_id, AGO, "satisfied")
    return wish_id


STEPS = {
    "verify": lambda db, w, m: wishes.verify(db, w, AGO, "书记", "phone"),
    "reject": lambda db, w, m: wishes.reject(db, w, AGO, "理由"),
    "publish": lambda db, w, m: wishes.publish(db, w, AGO),
    "claim": lambda db, w, m: wishes.claim(db, w, ClaimInput((m,), claimed_on=AGO)),
    "cancel": lambda db, w, m: wishes.cancel_claim(db, w, AGO, "理由"),
    "fulfil": lambda db, w, m: wishes.fulfil(db, w, FulfilInput(AGO, "100")),
    "follow_up": lambda db, w, m: wishes.follow_up(db, w, AGO, "satisfied"),
}
ALLOWED = {
    "collected": {"verify", "reject"},
    "verified": {"publish"},
    "rejected": set(),
    "published": {"claim"},
    "claimed": {"cancel", "fulfil"},
    "fulfilled": {"follow_up"},
    "closed": set(),
}


@pytest.mark.parametrize("state", list(ALLOWED))
def test_every_other_step_is_refused_and_writes_nothing(
    db: Database, world: dict[str, str], state: str
) -> None:
    wish_id = _at(db, world, state)
    assert _status(db, wish_id) == state
    with db.read() as s:
        events = s.scalar(select(func.count()).select_from(WishEvent))
    for step in sorted(set(STEPS) - ALLOWED[state]):
        with pytest.raises(UserError, match=r"心愿当前为|只能有一个有效认领"):
            STEPS[step](db, wish_id, world["member"])
        assert _status(db, wish_id) == state, step
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WishEvent)) == events
    if ALLOWED[state]:  # the refusals left the wish intact: an allowed step still goes through
        STEPS[min(ALLOWED[state])](db, wish_id, world["member"])
        assert _status(db, wish_id) != state


def test_a_wish_is_corrected_only_before_publishing(db: Database, world: dict[str, str]) -> None:
    wish_id = _wish(db, world["elder"])
    form = wishes.wish_form(db, wish_id)
    assert (form.beneficiary_name, form.data.estimated_value) == ("王小明", "200")
    fixed = replace(form.data, text="一台电动轮椅", estimated_value="480")
    wishes.update_wish(db, wish_id, fixed)
    row = wish_queries.get_wishes(db, [wish_id])[0]
    assert (row.wish, row.estimated_value, row.number) == (
        "一台电动轮椅",
        48000,
        f"{AGO.year}-W0001",
    )
    with pytest.raises(ValidationFailed, match="估价超过上限"):
        wishes.update_wish(db, wish_id, replace(fixed, estimated_value="501"))
    wishes.verify(db, wish_id, AGO, "书记", "phone")
    wishes.open_round(db, "第一批", AGO)
    wishes.publish(db, wish_id, AGO)
    with pytest.raises(UserError, match="只能在发布前修改"):
        wishes.update_wish(db, wish_id, fixed)


def test_publish_every_verified_wish_at_once(db: Database, world: dict[str, str]) -> None:
    ready = _wish(db, world["elder"])
    waiting = _wish(db, world["elder"], consent=False)
    for wish_id in (ready, waiting):
        wishes.verify(db, wish_id, AGO, "书记", "phone")
    with pytest.raises(UserError, match="还没有开启批次"):
        wishes.publish_verified(db, AGO)
    wishes.open_round(db, "第一批", AGO)
    result = wishes.publish_verified(db, AGO)
    numbers = {w.id: w.number for w in wish_queries.get_wishes(db, [ready, waiting])}
    assert result.numbers == [numbers[ready]]
    assert [number for number, _why in result.refused] == [numbers[waiting]]
    assert "第二十五条" in result.refused[0][1]  # the reason, as the user reads it
    assert (_status(db, ready), _status(db, waiting)) == ("published", "verified")
