"""A year of demo meetings: a monthly 三方联席会议 per 小区 with its attendees, agenda items
(some from that 小区's cases, open resolutions carried forward) and resolutions in every state."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from redoffice.models import (
    AgendaItem,
    Case,
    Estate,
    Household,
    Meeting,
    MeetingAttendee,
    MeetingEstate,
    Organization,
    Resolution,
    ResolutionNote,
)
from redoffice.models.base import Base

Add = Callable[..., str]
Rows = dict[type[Base], list[dict[str, Any]]]

TOPICS = (
    ("小区停车秩序管理", "施划停车位并安排夜间巡查", "property"),
    ("电梯维保与更新", "联系维保单位全面检修电梯", "property"),
    ("物业费收缴与公示", "按季度公示物业费收支情况", "owners_committee"),
    ("公共收益使用", "公共收益用于更换单元门禁", "owners_committee"),
    ("垃圾分类与清运", "增加垃圾清运频次并设置督导员", "property"),
    ("消防通道占用整治", "清理消防通道堆放物并设置警示标识", "community"),
    ("楼道杂物清理", "组织党员志愿者清理楼道杂物", "community"),
    ("安防监控补盲", "在小区东门增设监控探头", "property"),
    ("绿化带修剪", "修剪影响采光的树木", "property"),
    ("老旧管网改造", "上报街道申请老旧管网改造项目", "street"),
)
PEOPLE = (
    ("community", "社区党委书记", "社区党委"),
    ("property", "项目经理", ""),
    ("owners_committee", "业委会主任", ""),
    ("grid_worker", "网格员", "社区"),
    ("police", "片区民警", "派出所"),
)


@dataclass
class _Estate:
    id: str
    name: str
    company: str
    committee: str
    cases: list[str] = field(default_factory=list)
    open: list[tuple[str, str]] = field(default_factory=list)  # (resolution id, text)


def _estates(rows: Rows) -> list[_Estate]:
    orgs = {o["id"]: o["name"] for o in rows.get(Organization, [])}
    estates = {
        e["id"]: _Estate(
            e["id"],
            e["name"],
            orgs.get(e["property_company_id"], ""),
            orgs.get(e["owners_committee_id"], ""),
        )
        for e in rows.get(Estate, [])
    }
    home = {h["id"]: h["estate_id"] for h in rows.get(Household, [])}
    for c in rows.get(Case, []):
        estate = estates.get(home.get(c["household_id"]) or "")
        if estate is not None and c["status"] in ("accepted", "in_progress"):
            estate.cases.append(c["id"])
    return list(estates.values())


class _Meetings:
    def __init__(self, add: Add, node: str, rng: random.Random, today: date) -> None:
        self.add, self.node, self.rng, self.today = add, node, rng, today
        self.count: dict[int, int] = {}

    def _row(self, model: type[Base], **values: Any) -> str:
        return self.add(model, self.node, **values)

    def meeting(self, estate: _Estate, day: date, fake_name: Callable[[], str]) -> None:
        self.count[day.year] = self.count.get(day.year, 0) + 1
        number = f"{day.year}-H{self.count[day.year]:03d}"
        final = day < self.today - timedelta(days=7)
        meeting = self._row(
            Meeting,
            number=number,
            kind="三方联席会议",
            title=f"{estate.name}{day.month}月三方联席会议",
            meeting_date=day,
            start_time=time(15, 0),
            place="社区党群服务中心会议室",
            convener="社区党委",
            host="社区党委书记",
            recorder="社区工作者",
            notice_date=day - timedelta(days=3),
            next_meeting="下月同期召开，地点另行通知",
            status="final" if final else "draft",
            finalized_at=datetime.combine(day, time(18, 0), UTC) if final else None,
            revision=0,
        )
        self._row(MeetingEstate, meeting_id=meeting, estate_id=estate.id)
        for seq, (party, post, unit) in enumerate(PEOPLE, 1):
            unit = unit or (estate.company if party == "property" else estate.committee)
            self._row(
                MeetingAttendee,
                meeting_id=meeting,
                seq=seq,
                party=party,
                name=fake_name(),
                unit=unit,
                post=post,
                phone="1" + self.rng.choice("3578") + f"{self.rng.randrange(10**9):09d}",
                attendance=self.rng.choices(["present", "observer", "absent"], [80, 12, 8])[0],
                note="",
            )
        self._agenda(meeting, number, estate, day)

    def _agenda(self, meeting: str, number: str, estate: _Estate, day: date) -> None:
        seq = 0
        for resolution, text in estate.open:
            seq += 1
            self._row(
                AgendaItem,
                meeting_id=meeting,
                seq=seq,
                source="carried",
                title=text,
                case_id=None,
                carried_resolution_id=resolution,
                discussion="",
            )
        counter = 0
        for topic, decision, party in self.rng.sample(TOPICS, self.rng.randint(1, 3)):
            seq += 1
            case = estate.cases.pop() if estate.cases and self.rng.random() < 0.4 else None
            item = self._row(
                AgendaItem,
                meeting_id=meeting,
                seq=seq,
                source="case" if case else "new",
                title=topic,
                case_id=case,
                carried_resolution_id=None,
                discussion=f"与会各方就{topic}充分讨论，一致同意：{decision}。",
            )
            for n, text in enumerate((decision, "整改结果向居民公示")[: self.rng.randint(1, 2)]):
                counter += 1
                self._resolution(
                    meeting,
                    f"{number}-{counter:02d}",
                    item,
                    seq * 100 + n,
                    estate,
                    day,
                    text,
                    party,
                )

    def _resolution(
        self,
        meeting: str,
        number: str,
        item: str,
        seq: int,
        estate: _Estate,
        day: date,
        text: str,
        party: str,
    ) -> None:
        deadline = day + timedelta(days=self.rng.choice((14, 21, 30, 45)))
        status, completed, verifier, feedback = self._fate(day, deadline)
        unit = (
            estate.company
            if party == "property"
            else estate.committee
            if party == "owners_committee"
            else "社区"
        )
        resolution = self._row(
            Resolution,
            meeting_id=meeting,
            item_id=item,
            number=number,
            seq=seq,
            text=text,
            party=party,
            org_id=None,
            unit=unit,
            person="",
            deadline=deadline,
            status=status,
            completed_on=completed,
            verifier=verifier,
            feedback=feedback,
        )
        if status in ("in_progress", "done", "cancelled"):
            note = {
                "in_progress": "已部署，正在推进",
                "done": f"核验人：{verifier}",
                "cancelled": "经业主大会表决取消",
            }[status]
            at = datetime.combine(min(completed or deadline, self.today), time(10, 0), UTC)
            self._row(
                ResolutionNote,
                resolution_id=resolution,
                at=at,
                actor="演示数据",
                status=status,
                note=note,
            )
        if status in ("pending", "in_progress"):
            estate.open.append((resolution, text))

    def _fate(self, day: date, deadline: date) -> tuple[str, date | None, str, str]:
        """Recent resolutions are open; older ones mostly done (some late), some still open
        (overdue, carried from meeting to meeting), a few cancelled."""
        age = (self.today - day).days
        if age <= 14:
            return self.rng.choice(("pending", "pending", "in_progress")), None, "", ""
        state = self.rng.choices(["done", "in_progress", "pending", "cancelled"], [70, 12, 10, 8])[
            0
        ]
        if state != "done":
            return state, None, "", ""
        done = min(deadline + timedelta(days=self.rng.randint(-12, 8)), self.today)
        return "done", done, "网格员", self.rng.choice(("居民满意", "基本满意", ""))


def add_meeting_history(
    rows: Rows, add: Add, node: str, seed: int, today: date, fake_name: Callable[[], str]
) -> None:
    """Twelve monthly meetings per 小区, oldest first so open resolutions carry forward."""
    rng = random.Random(seed + 2)
    maker = _Meetings(add, node, rng, today)
    estates = _estates(rows)
    for months_ago in range(11, -1, -1):
        year, month = divmod(today.year * 12 + today.month - 1 - months_ago, 12)
        first = date(year, month + 1, 1)
        for estate in estates:
            if months_ago:
                day = first.replace(day=5 + rng.randrange(15))
            else:  # held in the last days, however early in the month: its minutes are a draft
                day = today - timedelta(days=rng.randrange(min(7, today.day)))
            maker.meeting(estate, day, fake_name)
