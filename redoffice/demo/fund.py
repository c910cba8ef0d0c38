"""Demo 红色基金: a year of fund activity ending on ``today``, written through the fund's own
services (so the ledger's hash chain, numbers, balances and every rule are as the program makes
them): two accounts (a 专户 and a 社区慈善基金 held through a 慈善组织), income from every source
(anonymous gifts and a unit's donation that earns an honour certificate among them), five staff
with the four fund roles, applications in every state, 公示 with objections (one resolved, one
open), payments, a reversed double entry and the last complete quarter closed.

Fixed size whatever the number of households (nothing per resident): about 20 applications
and 25 ledger entries, ~150 small transactions. The events run in date order, so the ledger's
numbers follow its dates and everything dated inside the closed quarter is written before the
close."""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from redoffice.fund import accounts, applications, ledger, periods
from redoffice.fund.accounts import AccountInput
from redoffice.fund.applications import ApplicationInput, NoticeInput, PayInput, StepInput
from redoffice.fund.ledger import IncomeInput
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.models import Organization, PartyMember, Resident, ResidentTag
from redoffice.models.base import Base
from redoffice.registry import reference as registry
from redoffice.settings import calendar, community

Rows = dict[type[Base], list[dict[str, Any]]]

# the fund's staff: key → (name, roles). Not the demo's operator (张秘书): on the staff list,
# the operator would become the visit form's default visitor and narrow the 工作台's “我的”
# to no grid at all; give the operator fund roles in the staff register to act in the program
STAFF = {
    "handler": ("王经办", ("handler",)),
    "reviewer": ("陈书记", ("reviewer",)),  # 社区党组织书记: 审核; records the 上级's decision
    "first_reviewer": ("周支书", ("reviewer",)),  # 支部书记 / 网格: 初审
    "accountant": ("刘会计", ("accountant",)),
    "cashier": ("赵出纳", ("cashier",)),
}
CHARITY_HOLDER = "市慈善总会"
# the hardships and uses whose people are asked for help first (resident tags)
NEEDY = frozenset({"subsistence", "disabled", "needy_party_member", "very_elderly", "living_alone"})
REASONS = {
    "illness": "家庭成员患重病住院，医疗费用自付部分负担较重，家庭生活困难。",
    "disaster": "住房遭遇火灾，家具电器损毁，需临时安置。",
    "accident": "家庭主要劳动力因意外事故受伤，暂时失去收入来源。",
    "other": "家庭收入低于当地低保标准，子女就学支出较大。",
}


@dataclass(frozen=True)
class Plan:
    """One application: where it ends, when it starts (days before today), how much."""

    fate: str  # the status it ends in; "paid_objection" = paid after a dismissed objection
    days_ago: int
    amount: int  # yuan asked (and approved)
    use: str = "relief"
    hardship: str = "illness"
    account: str = "special"  # or "charity"
    member: bool = False  # the applicant is a 双报到 party member, not a resident


# (fate, days before today it was applied for, yuan, use, hardship, account)
PLANS = (
    Plan("paid", 330, 1500),
    Plan("paid", 330, 800, hardship="disaster"),
    Plan("paid", 270, 2000, use="startup", hardship="other"),
    Plan("paid", 235, 3500, hardship="accident"),  # above ¥3,000: 上级审批 first
    Plan("paid", 200, 1000, use="model_care", hardship="other", member=True),
    Plan("paid_objection", 160, 1200, account="charity"),
    Plan("paid", 130, 600, use="commendation", hardship="other", account="charity"),
    Plan("paid", 75, 2500, use="position_building", hardship="other"),
    Plan("paid", 52, 900, hardship="accident", account="charity"),
    Plan("rejected", 100, 3000, hardship="other"),
    Plan("withdrawn", 60, 1000),
    Plan("due", 26, 1100),  # 公示 ended, waiting for the 出纳
    Plan("on_notice", 10, 700, hardship="disaster"),  # 公示 running
    Plan("objection", 10, 1300, account="charity"),  # 公示 running, an objection open
    Plan("pending_higher", 15, 4000, hardship="accident"),
    Plan("approved", 10, 900),
    Plan("reviewed", 6, 1200, hardship="other"),
    Plan("applied", 2, 800),
    Plan("applied", 1, 1500, hardship="disaster"),
)


@dataclass(order=True)
class _Event:
    day: date
    seq: int
    run: Callable[[], None] = field(compare=False)


class _Fund:
    def __init__(self, db: Database, rows: Rows, seed: int, today: date) -> None:
        self.db, self.today = db, today
        self.rng = random.Random(seed + 13)
        self.events: list[_Event] = []
        self.staff: dict[str, str] = {}
        self.accounts: dict[str, str] = {}
        self.apps: dict[int, str] = {}
        self.objections: dict[int, str] = {}
        self.entries: dict[str, str] = {}
        with db.read() as s:
            self.calendar = calendar.load(s)
        tags: dict[str, set[str]] = {}
        for t in rows.get(ResidentTag, []):
            tags.setdefault(t["resident_id"], set()).add(t["tag"])
        # the applicants: people in need first (a few dozen drawn, whatever the registry's size)
        wanted = len(PLANS)
        needy = [p for p, held in tags.items() if held & NEEDY]  # in the rows' order
        chosen = self.rng.sample(needy, min(wanted, len(needy)))
        people = rows.get(Resident, [])
        for r in self.rng.sample(people, min(3 * wanted, len(people))):
            if len(chosen) >= wanted:
                break
            if r["id"] not in chosen:
                chosen.append(r["id"])
        self.applicants = chosen
        self.members = [
            m["id"] for m in rows.get(PartyMember, []) if m.get("resident_id") is None
        ] or [m["id"] for m in rows.get(PartyMember, [])]
        self.donors = [
            r["name"] for r in rows.get(Resident, []) if r["political_status"] == "party_member"
        ]
        self.units = [
            o["name"] for o in rows.get(Organization, []) if o["kind"] == "partner_unit"
        ] or ["辖区共建单位"]

    def at(self, day: date, run: Callable[[], None]) -> None:
        heapq.heappush(self.events, _Event(min(day, self.today), len(self.events), run))

    def run(self) -> None:
        while self.events:
            heapq.heappop(self.events).run()

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    # ── people and accounts ─────────────────────────────────────────────────────────────────

    def add_staff(self) -> None:
        for key, (name, fund_roles) in STAFF.items():
            data = registry.StaffInput(
                name=name,
                role="community_worker",
                phone=f"1398600{len(self.staff):04d}",
                notes="红色基金工作人员（演示）",
                fund_roles=fund_roles,
            )
            self.staff[key] = registry.save_staff(self.db, data)
        self.add_operator()

    def add_operator(self) -> None:
        """Whoever tries the demo (the setup's 经办人) may record income and applications: on
        the staff list as a 经办人, unless already there (the next steps need other people)."""
        name = community.operator(self.db)
        if name and name not in {s.name for s in registry.list_staff(self.db)}:
            data = registry.StaffInput(
                name=name, role="community_worker", notes="演示的经办人", fund_roles=("handler",)
            )
            registry.save_staff(self.db, data)

    def add_accounts(self) -> None:
        opened = self.ago(380)
        self.accounts["special"] = accounts.save_account(
            self.db,
            AccountInput("红色基金专户", "special", "", "6217 0000 1234 5678", opened),
        )
        self.accounts["charity"] = accounts.save_account(
            self.db,
            AccountInput("社区慈善基金", "charity", CHARITY_HOLDER, "", opened, notes="冠名基金"),
        )

    # ── money in ────────────────────────────────────────────────────────────────────────────

    def income(
        self, days: int, source: str, yuan: int, account: str = "special", **kw: Any
    ) -> None:
        key = kw.pop("key", "")

        def run() -> None:
            data = IncomeInput(
                account_id=self.accounts[account],
                source=source,
                amount=str(yuan),
                entry_date=self.ago(days),
                handled_by=self.staff["accountant"],
                voucher_no=f"记-{self.ago(days):%m%d}-{len(self.entries) + 1:02d}",
                **kw,
            )
            self.entries[key or f"income-{len(self.entries)}"] = ledger.add_income(self.db, data)

        self.at(self.ago(days), run)

    def plan_income(self) -> None:
        self.income(360, "fiscal", 50000, note="区级财政拨付红色基金")
        self.income(345, "party_fee", 20000, note="留存党费划拨")
        for n, days in enumerate((330, 300, 296, 200)):
            donor = self.donors[n % len(self.donors)] if self.donors else f"党员{n + 1}"
            self.income(
                days,
                "party_donation",
                self.rng.choice((200, 300, 500)),
                donor_kind="party_member",
                donor_name=donor,
                note="党员自愿捐款",
            )
        self.income(
            310,
            "social_donation",
            8000,
            "charity",
            donor_kind="unit",
            donor_name=self.units[0],
            note="共建单位捐赠",
        )  # ≥ ¥5,000: an honour certificate
        self.income(250, "social_donation", 500, "charity", donor_kind="anonymous")
        self.income(
            180,
            "social_donation",
            1000,
            "charity",
            donor_kind="person",
            donor_name="热心居民",
            note="敬老月捐赠",
        )
        self.income(170, "fiscal", 30000, note="区级财政追加拨款", key="double")
        self.income(170, "fiscal", 30000, note="区级财政追加拨款（重复录入）", key="duplicate")
        self.at(self.ago(168), self.reverse_duplicate)
        self.income(90, "other", 36, note="专户利息")
        self.income(40, "social_donation", 300, "charity", donor_kind="anonymous")

    def reverse_duplicate(self) -> None:
        ledger.reverse(
            self.db,
            self.entries["duplicate"],
            "同一笔拨款重复录入",
            self.staff["accountant"],
            self.ago(168),
        )

    # ── applications ────────────────────────────────────────────────────────────────────────

    def plan_applications(self) -> None:
        people = iter(self.applicants)
        notices: dict[int, list[int]] = {}
        for n, plan in enumerate(PLANS):
            applicant = self.members[0] if plan.member and self.members else next(people, None)
            if applicant is None:
                continue
            self.plan_application(n, plan, applicant, notices)
        for days, group in notices.items():
            self.at(self.ago(days), partial(self.notice, days, group))

    def plan_application(self, n: int, plan: Plan, who: str, notices: dict[int, list[int]]) -> None:
        start, fate = plan.days_ago, plan.fate
        member = plan.member and bool(self.members)

        def apply() -> None:
            data = ApplicationInput(
                account_id=self.accounts[plan.account],
                hardship=plan.hardship,
                use=plan.use,
                amount_asked=str(plan.amount),
                reason=REASONS[plan.hardship],
                applied_on=self.ago(start),
                entered_by=self.staff["handler"],
                resident_id=None if member else who,
                member_id=who if member else None,
                family_size=self.rng.randint(1, 5),
                income_per_capita=str(self.rng.randrange(600, 1500, 50)),
            )
            self.apps[n] = applications.apply(self.db, data)

        self.at(self.ago(start), apply)
        if fate == "applied":
            return
        if fate == "withdrawn":
            self.step(n, "withdraw", start - 2, "handler", "申请人已获得医保报销，主动撤回申请")
            return
        self.step(n, "review", start - 2, "first_reviewer", "情况属实，同意上报")
        if fate == "reviewed":
            return
        if fate == "rejected":
            self.step(n, "reject", start - 5, "reviewer", "经入户核实，家庭人均收入高于救助标准")
            return
        self.step(n, "approve", start - 4, "reviewer", "经社区党组织研究，同意救助")
        if plan.amount > 3000:
            if fate == "pending_higher":
                return
            self.step(n, "approve_higher", start - 7, "reviewer", "街道党工委批复同意")
        if fate == "approved":
            return
        notice_day = start - (9 if plan.amount > 3000 else 6)
        notices.setdefault(notice_day, []).append(n)
        ends = self.calendar.add_working_days(self.ago(notice_day), 7)
        if fate in ("objection", "paid_objection"):
            self.at(self.ago(notice_day - 2), lambda: self.object(n, self.ago(notice_day - 2)))
        if fate == "paid_objection":
            self.at(self.ago(notice_day - 4), lambda: self.resolve(n, self.ago(notice_day - 4)))
        if fate in ("paid", "paid_objection"):
            self.at(ends + timedelta(days=2), lambda: self.pay(n, plan, ends + timedelta(days=2)))

    def step(self, n: int, step: str, days: int, who: str, opinion: str) -> None:
        def run() -> None:
            data = StepInput(self.staff[who], self.ago(days), opinion)
            applications.take_step(self.db, self.apps[n], step, data)

        self.at(self.ago(days), run)

    def notice(self, days: int, group: list[int]) -> None:
        ids = [self.apps[n] for n in group if n in self.apps]
        if ids:
            title = f"{self.ago(days).year}年红色基金救助对象公示"
            basis = "依据《社区红色基金管理办法》，经社区党组织审核"
            data = NoticeInput(
                self.ago(days),
                title,
                basis,
                phone="027-88886666",
                by=self.staff["handler"],
                # the demo records a year of history today: each past notice is a late entry
                late_reason="演示数据：按当时张贴的公示补录" if days > 0 else "",
            )
            applications.open_notice(self.db, ids, data)

    def object(self, n: int, day: date) -> None:
        self.objections[n] = applications.add_objection(
            self.db,
            self.apps[n],
            "反映申请人家中另有经营收入，请核实。",
            day,
            self.staff["handler"],
        )

    def resolve(self, n: int, day: date) -> None:
        applications.resolve_objection(
            self.db,
            self.objections[n],
            "dismissed",
            "经入户核实，所反映经营已于去年停业，异议不成立",
            self.staff["reviewer"],
            day,
        )

    def pay(self, n: int, plan: Plan, day: date) -> None:
        if day > self.today:
            return
        data = PayInput(
            amount=str(plan.amount),
            entry_date=day,
            by=self.staff["cashier"],
            checked_by=self.staff["accountant"],
            method=self.rng.choice(("cash", "bank", "bank")),
            place=self.rng.choice(("home", "office")),
            voucher_no=f"付-{day:%m%d}-{n:02d}",
        )
        self.entries[f"pay-{n}"] = applications.pay(self.db, self.apps[n], data)

    # ── the quarter closed ──────────────────────────────────────────────────────────────────

    def plan_close(self) -> None:
        quarter = periods.quarter_of(periods.quarter_of(self.today).starts_on - timedelta(days=1))
        day = min(quarter.ends_on + timedelta(days=10), self.today)

        def run() -> None:
            ledger.close_period(self.db, quarter.name, self.staff["accountant"], day)

        self.at(day, run)


@contextmanager
def _on(today: date) -> Iterator[None]:
    """The services check dates against the clock: a demo "as of" another day runs on it."""
    if today == clock.today():
        yield
    else:
        with clock.frozen(today):
            yield


def add_fund_history(
    db: Database, s: Session, rows: Rows, seed: int, today: date
) -> dict[str, int]:
    """The year of fund activity, inside the demo's transaction (``s``): each service's own
    transaction is a savepoint of it, so the ~150 steps cost no commit each and the demo
    stays all or nothing. Returns counts (staff, accounts, applications)."""
    inner = Database(db.engine, within=s.connection())
    inner.actor = db.actor
    fund = _Fund(inner, rows, seed, today)
    with _on(today):
        fund.add_staff()
        fund.add_accounts()
        fund.plan_income()
        fund.plan_applications()
        fund.plan_close()
        fund.run()
    return {
        "fund_staff": len(fund.staff),
        "fund_account": len(fund.accounts),
        "fund_application": len(fund.apps),
    }
