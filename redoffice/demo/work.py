"""A year of demo work on top of the demo registry: visits by each grid's worker (more often
to the households the visit plan asks for), and 民情诉求 in every state with their timelines."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from redoffice.kit.defaults import DEFAULTS
from redoffice.models import (
    Case,
    CaseEvent,
    Estate,
    Grid,
    Household,
    Resident,
    ResidentTag,
    Staff,
    Visit,
    VisitParticipant,
)
from redoffice.models.base import Base
from redoffice.settings.calendar import SHANGHAI, WorkCalendar, end_of_day

Add = Callable[..., str]

SITUATIONS = (
    "身体状况良好，生活能够自理，子女每周回来探望。",
    "老人患有高血压，按时服药，已提醒定期到社区卫生服务站复查。",
    "家庭收入稳定，无特殊困难。",
    "独自居住，行动不便，需要定期上门关心，已留下网格员电话。",
    "家中有残疾人，已享受两项补贴，希望了解康复服务政策。",
    "新搬入住户，已登记家庭成员信息，宣传了垃圾分类和消防安全知识。",
    "低保复核材料已收齐，家庭情况无变化。",
    "子女在外地工作，老人希望社区帮忙联系助餐服务。",
)
ISSUES = {
    "物业服务": ("楼道灯坏了一个多月没人修，晚上上下楼不安全。", "电梯经常停运，老人上下楼困难。"),
    "环境卫生": ("单元门口垃圾清运不及时，夏天有异味。", "楼下绿化带堆放建筑垃圾。"),
    "矛盾纠纷": ("楼上住户夜间噪音大，多次沟通无果。", "邻居占用公共楼道堆放杂物引发矛盾。"),
    "治安消防": ("楼道内电动车充电，存在火灾隐患。", "小区东门门禁损坏，外来人员随意进出。"),
    "困难救助": (
        "家中老人住院，医疗费用负担重，询问救助办法。",
        "失业在家，希望社区推荐工作岗位。",
    ),
    "政策咨询": ("咨询高龄津贴申领条件和办理流程。", "咨询医保缴费和异地就医备案。"),
    "设施维修": ("屋顶漏水，雨天墙面渗水严重。", "单元楼下水管道堵塞，污水外溢。"),
    "其他": ("建议小区增设老年人休息座椅。", "希望社区组织健康讲座。"),
}
SOURCES = ("phone", "walk_in", "hotline", "patrol", "other")
SATISFACTION = (("satisfied", 70), ("basically", 22), ("unsatisfied", 8))


@dataclass(frozen=True)
class _Place:
    household: str
    grid_worker: str | None
    worker_name: str
    property_company: str | None


def _instant(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), SHANGHAI).astimezone(UTC)


def _places(rows: dict[type[Base], list[dict[str, Any]]]) -> list[tuple[_Place, int]]:
    """Each household with its worker and its visit interval (strictest active tag)."""
    intervals: dict[str, int] = DEFAULTS["visit.intervals"]
    home = {r["id"]: r["household_id"] for r in rows.get(Resident, [])}
    strictest: dict[str, int] = {}
    for tag in rows.get(ResidentTag, []):
        if tag["tag"] in intervals:
            h = home[tag["resident_id"]]
            strictest[h] = min(strictest.get(h, intervals["*"]), intervals[tag["tag"]])
    leaders = {g["id"]: g["leader_id"] for g in rows.get(Grid, [])}
    names = {s["id"]: s["name"] for s in rows.get(Staff, [])}
    companies = {e["id"]: e["property_company_id"] for e in rows.get(Estate, [])}
    result = []
    for h in rows.get(Household, []):
        worker = leaders.get(h["grid_id"])
        place = _Place(h["id"], worker, names.get(worker, ""), companies.get(h["estate_id"]))
        result.append((place, strictest.get(h["id"], intervals["*"])))
    return result


def _visit_days(rng: random.Random, interval: int, today: date) -> list[date]:
    """Roughly one visit per interval over the last year; households visited often fall
    behind more often."""
    keep = 0.6 if interval > 100 else 0.3
    days = []
    day = today - timedelta(days=365 - rng.randrange(interval))
    while day < today:
        if rng.random() < keep:
            days.append(day)
        day += timedelta(days=int(interval * rng.uniform(0.8, 1.6)))
    return days


def _visit(add: Add, node: str, rng: random.Random, place: _Place, day: date) -> str:
    purposes = rng.sample(DEFAULTS["visit.purposes"], rng.choice((1, 1, 2)))
    visit = add(
        Visit,
        node,
        household_id=place.household,
        visit_date=day,
        start_time=time(rng.randrange(9, 17), rng.choice((0, 15, 30, 45))),
        end_time=None,
        purposes=json.dumps(purposes, ensure_ascii=False),
        situation=rng.choice(SITUATIONS),
        resolved_on_spot=rng.choices((0, 1, 2), (70, 25, 5))[0],
        next_visit_date=None,
        notes="",
    )
    if place.grid_worker:
        add(
            VisitParticipant,
            node,
            visit_id=visit,
            role="staff",
            staff_id=place.grid_worker,
            name=place.worker_name,
        )
    return visit


class _CaseMaker:
    """Cases with numbers by year, deadlines on the working-day calendar, and timelines."""

    def __init__(self, add: Add, node: str, rng: random.Random, today: date) -> None:
        self.add, self.node, self.rng, self.today = add, node, rng, today
        self.calendar = WorkCalendar({})
        self.pending: list[tuple[datetime, dict[str, Any], list[dict[str, Any]]]] = []

    def case(self, place: _Place, day: date, visit: str | None, fresh: bool = False) -> None:
        """A case accepted on ``day``; ``fresh`` ones were just accepted (受理) today."""
        rng = self.rng
        category = rng.choice(list(ISSUES))
        accepted = _instant(day, rng.randrange(8, 18))
        urgent = rng.random() < 0.1
        due = (
            accepted + timedelta(hours=24)
            if urgent
            else end_of_day(self.calendar.add_working_days(day, 5))
        )
        org = category in ("物业服务", "设施维修") and place.property_company is not None
        values: dict[str, Any] = {
            "source": "visit" if visit else rng.choice(SOURCES),
            "category": category,
            "urgency": "urgent" if urgent else "normal",
            "reporter_resident_id": None,
            "household_id": place.household,
            "reporter_name": "",
            "reporter_phone": "",
            "place": "",
            "description": rng.choice(ISSUES[category]),
            "visit_id": visit,
            "assignee_staff_id": None if org else place.grid_worker,
            "assignee_org_id": place.property_company if org else None,
            "accepted_at": accepted,
            "due_at": due,
            "escalated": False,
            "escalation_reason": "",
        }
        events = [self._event("created", None, "accepted", accepted, values["description"])]
        if fresh:
            values.update(
                status="accepted", resolved_at=None, called_back_at=None, satisfaction=None
            )
        else:
            self._progress(values, events, accepted, due)
        self.pending.append((accepted, values, events))

    def _event(
        self, kind: str, old: str | None, new: str, at: datetime, note: str = "", sat: str = ""
    ) -> dict[str, Any]:
        return {
            "kind": kind,
            "from_status": old,
            "to_status": new,
            "at": at,
            "actor": "演示数据",
            "satisfaction": sat or None,
            "note": note,
        }

    def _progress(
        self, v: dict[str, Any], events: list[dict[str, Any]], accepted: datetime, due: datetime
    ) -> None:
        """Move the case on as far as its age allows: most old cases are closed and called
        back, some late, some reopened after 不满意; recent ones are still open."""
        rng, now = self.rng, _instant(self.today, 8)  # as of the office opening on ``today``
        v.update(status="accepted", resolved_at=None, called_back_at=None, satisfaction=None)
        if (now - accepted).days < 1 and rng.random() < 0.5:
            return
        self._step(v, events, "in_progress", accepted + timedelta(hours=3))
        if rng.random() < 0.03:
            v.update(escalated=True, escalation_reason="涉及多个部门，需街道协调")
            at = accepted + timedelta(hours=5)
            events.append(self._event("escalated", None, "in_progress", at, "需街道协调"))
        late = rng.random() < 0.12
        took = (due - accepted) * (rng.uniform(1.05, 2.0) if late else rng.uniform(0.2, 0.95))
        if accepted + took > now or rng.random() < 0.07:
            return
        self._step(v, events, "resolved", accepted + took, "已处理完毕")
        v["resolved_at"] = accepted + took
        called = accepted + took + timedelta(days=rng.choice((1, 2)))
        if called > now or rng.random() < 0.1:
            return
        sat = rng.choices([s for s, _ in SATISFACTION], [w for _, w in SATISFACTION])[0]
        self._step(v, events, "called_back", called, "电话回访", sat)
        v.update(called_back_at=called, satisfaction=sat)
        if sat == "unsatisfied":
            v.update(status="in_progress", resolved_at=None)
            events.append(
                self._event("reopened", "called_back", "in_progress", called, "居民不满意", sat)
            )

    def _step(
        self, v: dict[str, Any], events: list[dict[str, Any]], new: str, at: datetime, *note: str
    ) -> None:
        events.append(self._event("transition", v["status"], new, at, *note))
        v["status"] = new

    def flush(self) -> int:
        """Number the cases by year in order of acceptance and add them with their events."""
        sequence: dict[int, int] = {}
        for accepted, values, events in sorted(self.pending, key=lambda p: p[0]):
            year = accepted.astimezone(SHANGHAI).year
            sequence[year] = sequence.get(year, 0) + 1
            case = self.add(Case, self.node, number=f"{year}-{sequence[year]:05d}", **values)
            for event in events:
                self.add(CaseEvent, self.node, case_id=case, **event)
        return len(self.pending)


def add_work_history(
    rows: dict[type[Base], list[dict[str, Any]]], add: Add, node: str, seed: int, today: date
) -> None:
    """Visits and cases for the households already in ``rows``."""
    rng = random.Random(seed + 1)
    cases = _CaseMaker(add, node, rng, today)
    places = _places(rows)
    for place, _interval in rng.sample(places, min(len(places), max(3, len(places) // 400))):
        cases.case(place, today, None, fresh=True)
    for place, interval in places:
        for day in _visit_days(rng, interval, today):
            visit = _visit(add, node, rng, place, day)
            if rng.random() < 0.2:
                cases.case(place, day, visit)
        if rng.random() < 0.28:
            cases.case(place, today - timedelta(days=rng.randrange(0, 365)), None)
    cases.flush()
