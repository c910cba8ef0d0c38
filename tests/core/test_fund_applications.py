"""红色基金 applications: the whole path 申请 → 初审 → 审核 → (上级审批) → 公示 → 发放, every step
tried from every wrong state, every rule refused with its message and nothing written, the
repeat override kept, and what waits on whom."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redoffice.fund import applications as fund
from redoffice.fund import ledger
from redoffice.fund import queries as fq
from redoffice.fund.applications import ApplicationInput, NoticeInput, PayInput, StepInput
from redoffice.fund.codes import STATUSES
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError, ValidationFailed
from redoffice.models import (
    Attachment,
    AuditLog,
    FundAccount,
    FundApplication,
    FundEntry,
    FundNotice,
    FundObjection,
    FundStep,
)
from redoffice.registry import party_members
from redoffice.registry import reference as registry
from redoffice.registry.households import HouseholdInput, save_household
from redoffice.registry.party_members import MemberInput
from redoffice.settings import calendar, config
from tests.factories import add_resident, setup_place

TODAY = clock.today()
APPLIED = TODAY - timedelta(days=60)
NOTICE_FROM = TODAY - timedelta(days=50)
VOUCHERS = itertools.count(1)
LATE = "补录：公示已于当日张贴，今日登记"  # the tests' notices start before they are recorded
World = dict[str, str]


def _staff(db: Database, name: str, *roles: str, resident: str | None = None) -> str:
    return registry.save_staff(
        db,
        registry.StaffInput(
            name=name, role="community_worker", fund_roles=roles, resident_id=resident
        ),
    )


def _account(db: Database, handler: str, fen: int, name: str = "红色基金专户") -> str:
    with db.uow() as s:
        account = FundAccount(name=name, kind="special", opened_on=date(2026, 1, 1))
        s.add(account)
        s.flush()
        if fen:
            ledger.append(
                s,
                account_id=account.id,
                kind="income",
                entry_date=APPLIED - timedelta(days=10),
                amount=fen,
                handled_by=handler,
                source="fiscal",
            )
        return account.id


@pytest.fixture
def w(db: Database) -> World:
    grid, estate, household = setup_place(db)
    other = save_household(
        db, HouseholdInput(estate_id=estate, building="5", unit="1", room="101", grid_id=grid)
    )
    applicant = add_resident(db, "王小明", household=household, relation="0", seq=11)
    spouse = add_resident(db, "李芳", household=household, relation="1", gender="female", seq=12)
    neighbour = add_resident(db, "赵大伟", household=other, relation="0", seq=13)
    member = party_members.save_member(
        db, MemberInput(resident_id=neighbour, reported_on=APPLIED - timedelta(days=300))
    )
    handler = _staff(db, "张经办", "handler")
    staff = {
        "handler": handler,
        "reviewer": _staff(db, "李审核", "reviewer"),
        "reviewer2": _staff(db, "陈审核", "reviewer"),
        "cashier": _staff(db, "周出纳", "cashier"),
        "accountant": _staff(db, "吴会计", "accountant"),
        # a reviewer living in the applicant's household
        "kin": _staff(db, "李芳", "reviewer", "cashier", resident=spouse),
        # entered and may review: must not approve what they entered
        "both": _staff(db, "孙多岗", "handler", "reviewer"),
        "till": _staff(db, "钱兼职", "cashier", "accountant"),
    }
    account = _account(db, handler, 2_000_000)  # ¥20,000
    config.update(db, {"fund.supervision_phone": "027-88886666"})  # a 公示 needs one
    return {
        **staff,
        "applicant": applicant,
        "spouse": spouse,
        "neighbour": neighbour,
        "member": member,
        "account": account,
        "grid": grid,
        "estate": estate,
    }


def _input(w: World, amount: str = "800", **changes: object) -> ApplicationInput:
    data = ApplicationInput(
        account_id=w["account"],
        hardship="illness",
        use="relief",
        amount_asked=amount,
        reason="突发重病住院，家庭收入微薄",
        applied_on=APPLIED,
        entered_by=w["handler"],
        resident_id=w["applicant"],
        family_size=3,
        income_per_capita="650",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _status(db: Database, app_id: str) -> str:
    with db.read() as s:
        app = s.get(FundApplication, app_id)
        assert app is not None
        return app.status


def _counts(db: Database) -> tuple[int, ...]:
    """Everything a refused call must leave as it was."""
    with db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (FundApplication, FundStep, FundEntry, FundNotice, FundObjection)
        ) + tuple(s.scalars(select(FundApplication.status).order_by(FundApplication.id)))


def _step(db: Database, w: World, app: str, step: str, by: str = "reviewer", **kw: object) -> None:
    on = kw.pop("on", APPLIED + timedelta(days=1))
    data = StepInput(by=w[by], on=on, **kw)  # type: ignore[arg-type]
    fund.take_step(db, app, step, data)


def _notice(db: Database, w: World, *apps: str, days: int | None = None) -> str:
    return fund.open_notice(
        db,
        list(apps),
        NoticeInput(
            starts_on=NOTICE_FROM,
            title="红色基金救助公示",
            basis="《红色基金管理办法》",
            working_days=days,
            by=w["handler"],
            late_reason=LATE,
        ),
    )


def _pay_input(w: World, amount: str = "800", **changes: object) -> PayInput:
    data = PayInput(
        amount=amount,
        entry_date=TODAY,
        by=w["cashier"],
        checked_by=w["accountant"],
        method="cash",
        place="home",
        voucher_no=f"记-{next(VOUCHERS):03d}",  # a 凭证号 names one entry
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _to(db: Database, w: World, state: str, amount: str = "800") -> str:
    """A new application brought to ``state``."""
    if state == "pending_higher":
        amount = "4000"
    app = fund.apply(db, _input(w, amount))
    if state == "applied":
        return app
    if state in ("rejected", "withdrawn"):
        _step(
            db,
            w,
            app,
            "reject" if state == "rejected" else "withdraw",
            by="reviewer" if state == "rejected" else "handler",
            opinion="不符合条件",
        )
        return app
    _step(db, w, app, "review")
    if state == "reviewed":
        return app
    _step(db, w, app, "approve", by="reviewer2")
    if state in ("pending_higher",):
        return app
    if _status(db, app) == "pending_higher":
        _step(db, w, app, "approve_higher", opinion="街道同意")
    if state == "approved":
        return app
    _notice(db, w, app)
    if state == "on_notice":
        return app
    fund.pay(db, app, _pay_input(w, amount))
    assert state == "paid"
    return app


# ── the whole path ──────────────────────────────────────────────────────────────────────────


def test_happy_path_from_application_to_payment(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))
    row = fq.application_rows(db)[0]
    assert row.number == f"{APPLIED.year}-JJ001"
    assert (row.applicant, row.grid, row.estate) == ("王小明", "第一网格", "阳光花园")
    assert row.status_label == "待初审" and row.waiting_for == "待 审核人 初审"
    _step(db, w, app, "review", opinion="情况属实")
    assert fq.application_rows(db)[0].waiting_for == "待 审核人 审核"
    _step(db, w, app, "approve", by="reviewer2", opinion="同意", amount="600")
    assert _status(db, app) == "approved"  # ¥600 ≤ ¥3,000: no 上级审批
    assert fq.application_rows(db)[0].waiting_for == "待 经办人 公示"
    notice_id = _notice(db, w, app)
    with db.read() as s:
        notice = s.get(FundNotice, notice_id)
        assert notice is not None
        assert notice.number == f"{NOTICE_FROM.year}-GS01"
        seven = calendar.load(s).add_working_days(NOTICE_FROM, 7)  # the default
        assert notice.ends_on == seven and seven > NOTICE_FROM + timedelta(days=8)
        assert notice.issuer == "幸福社区"  # the community's name
    objection = fund.add_objection(db, app, "申请人家有两套房", NOTICE_FROM + timedelta(days=1))
    assert fq.application_rows(db)[0].waiting_for == "有异议未处理"
    assert fq.payments_due(db) == []
    fund.resolve_objection(
        db,
        objection,
        "dismissed",
        "经入户核实，仅一套住房",
        w["reviewer"],
        NOTICE_FROM + timedelta(days=2),
    )
    assert fq.application_rows(db)[0].waiting_for == "公示期满，待 出纳 发放"
    assert [r.id for r in fq.payments_due(db)] == [app]
    entry_id = fund.pay(db, app, _pay_input(w, "600"))
    assert _status(db, app) == "paid"
    with db.read() as s:
        entry = s.get(FundEntry, entry_id)
        assert entry is not None
        assert (entry.kind, entry.amount, entry.use, entry.counterparty) == (
            "payment",
            -60000,
            "relief",
            "王小明",
        )
        assert (entry.application_id, entry.handled_by, entry.checked_by) == (
            app,
            w["cashier"],
            w["accountant"],
        )
        assert entry.balance_after == 2_000_000 - 60000
    detail = fq.application_detail(db, app)
    assert [st.step for st in detail.steps] == [
        "applied",
        "reviewed",
        "approved",
        "noticed",
        "objection",
        "objection_resolved",
        "paid",
    ]
    assert detail.steps[1].staff == "李审核" and detail.steps[1].opinion == "情况属实"
    assert detail.steps[2].amount == 60000 and detail.steps[2].staff == "陈审核"
    assert detail.steps[-1].amount == 60000
    assert detail.row.amount_paid == 60000 and detail.row.amount_approved == 60000
    assert detail.entered_by == "张经办" and detail.account == "红色基金专户"
    assert detail.objections[0].outcome_label == "异议不成立"
    assert detail.payments[0].cashier == "周出纳" and detail.payments[0].accountant == "吴会计"
    assert detail.notice is not None and detail.notice.applications == 1
    assert fq.payments_due(db) == []


def test_above_the_threshold_goes_to_the_higher_level(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w, "4000"))
    _step(db, w, app, "review")
    _step(db, w, app, "approve", by="reviewer2")
    assert _status(db, app) == "pending_higher"
    assert fq.application_rows(db)[0].waiting_for == "待 上级 审批"
    _step(db, w, app, "approve_higher", opinion="街道办同意（街发〔2027〕3号）")
    assert _status(db, app) == "approved"
    steps = fq.application_detail(db, app).steps
    assert steps[-1].step == "approved_higher" and steps[-1].opinion.startswith("街道办同意")
    assert steps[-1].amount == 400000
    # approved lower than the threshold: no 上级审批
    other = fund.apply(db, _input(w, "4000", resident_id=w["neighbour"]))
    _step(db, w, other, "review")
    _step(db, w, other, "approve", by="reviewer2", amount="2500")
    assert _status(db, other) == "approved"


def test_member_applicant_and_notice_defaults(db: Database, w: World) -> None:
    config.update(db, {"fund.supervision_phone": "010-65123456"})
    app = fund.apply(db, _input(w, resident_id=None, member_id=w["member"]))
    row = fq.application_rows(db, text="赵大")[0]
    assert row.id == app and row.applicant == "赵大伟" and row.estate == "阳光花园"
    assert fq.application_rows(db, status="paid") == []
    _step(db, w, app, "review")
    _step(db, w, app, "approve", by="reviewer2")
    notice_id = _notice(db, w, app, days=3)
    notice = fq.notice_rows(db)[0]
    assert notice.id == notice_id and notice.phone == "010-65123456"
    assert notice.ended and not notice.running and notice.applications == 1


def test_a_reversal_does_not_reopen_the_application(db: Database, w: World) -> None:
    app = _to(db, w, "paid")
    with db.read() as s:
        entry = s.scalars(select(FundEntry).where(FundEntry.application_id == app)).one()
    with db.uow() as s:
        ledger.append(
            s,
            account_id=w["account"],
            kind="reversal",
            entry_date=TODAY,
            amount=80000,
            handled_by=w["handler"],
            reverses_id=entry.id,
        )
    assert _status(db, app) == "paid"
    detail = fq.application_detail(db, app)
    assert detail.payments[0].reversed and detail.row.amount_paid == 0


# ── every step from every wrong state ──────────────────────────────────────────────────────

STATES = (
    "applied",
    "reviewed",
    "pending_higher",
    "approved",
    "on_notice",
    "paid",
    "rejected",
    "withdrawn",
)
WRONG = [
    (state, step)
    for state in STATES
    for step, (_label, starts, *_rest) in fund.TRANSITIONS.items()
    if state not in starts
]


@pytest.mark.parametrize(("state", "step"), WRONG)
def test_every_step_from_a_wrong_state_is_refused(
    db: Database, w: World, state: str, step: str
) -> None:
    app = _to(db, w, state)
    before = _counts(db)
    with pytest.raises(UserError) as refused:
        if step == "notice":
            _notice(db, w, app)
        elif step == "pay":
            fund.pay(db, app, _pay_input(w))
        else:
            by = {"withdraw": "handler"}.get(step, "reviewer2" if step == "approve" else "reviewer")
            _step(db, w, app, step, by=by, opinion="理由")
    assert refused.value.code == "fund.transition_refused"
    label = fund.TRANSITIONS[step][0]
    assert label in refused.value.text and STATUSES[state] in refused.value.text
    assert _counts(db) == before


@pytest.mark.parametrize("step", ["reject", "withdraw"])
@pytest.mark.parametrize("state", fund.BEFORE_PAID)
def test_reject_or_withdraw_from_any_state_before_paid(
    db: Database, w: World, state: str, step: str
) -> None:
    app = _to(db, w, state)
    by = "handler" if step == "withdraw" else "reviewer"
    _step(db, w, app, step, by=by, opinion="申请人已获其他救助", on=TODAY)  # after every step
    assert _status(db, app) == ("rejected" if step == "reject" else "withdrawn")
    detail = fq.application_detail(db, app)
    assert detail.closed_reason == "申请人已获其他救助"
    last = detail.steps[-1]
    assert (last.from_status, last.to_status, last.opinion) == (
        state,
        detail.row.status,
        "申请人已获其他救助",
    )
    assert detail.row.waiting_for == ""


# ── the rules ──────────────────────────────────────────────────────────────────────────────


def _refused(db: Database, code: str, text: str, call: object, *args: object, **kw: object) -> None:
    before = _counts(db)
    with pytest.raises(UserError) as refused:
        call(*args, **kw)  # type: ignore[operator]
    assert refused.value.code == code, refused.value.text
    assert text in refused.value.text
    assert _counts(db) == before


def test_role_required_for_every_step(db: Database, w: World) -> None:
    _refused(db, "fund.role_missing", "经办人", fund.apply, db, _input(w, entered_by=w["cashier"]))
    app = fund.apply(db, _input(w))
    _refused(db, "fund.role_missing", "审核人", _step, db, w, app, "review", "handler")
    app2 = _to(db, w, "on_notice")
    _refused(
        db,
        "fund.role_missing",
        "出纳",
        fund.pay,
        db,
        app2,
        _pay_input(w, by=w["accountant"], checked_by=w["accountant"]),
    )
    _refused(
        db, "fund.role_missing", "会计", fund.pay, db, app2, _pay_input(w, checked_by=w["cashier"])
    )


def test_entered_by_does_not_approve(db: Database, w: World) -> None:
    """QA 8: the entrant does neither 初审 nor 审核; the 审核 is by someone other than who did
    the 初审 (two-level review stays two people); each refusal names its rule."""
    app = fund.apply(db, _input(w, entered_by=w["both"]))
    _refused(
        db,
        "fund.rule.reviewer_is_entrant",
        "违反“录入人不初审”",
        _step,
        db,
        w,
        app,
        "review",
        "both",
    )
    _step(db, w, app, "review", by="reviewer")
    _refused(
        db, "fund.rule.entered_by_approves", "录入人不审批", _step, db, w, app, "approve", "both"
    )
    _refused(
        db,
        "fund.rule.approver_is_reviewer",
        "违反“两级审核由两人办理”",
        _step,
        db,
        w,
        app,
        "approve",
        "reviewer",
    )
    assert app not in [r.id for r in fq.waiting_on(db, w["reviewer"])]
    _step(db, w, app, "approve", by="reviewer2")
    assert _status(db, app) == "approved"


def test_no_decision_on_own_household(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))
    _refused(db, "fund.rule.own_household", "本人及家庭回避", _step, db, w, app, "review", "kin")
    _refused(
        db,
        "fund.rule.own_household",
        "本人及家庭回避",
        _step,
        db,
        w,
        app,
        "reject",
        "kin",
        opinion="不符合",
    )
    on_notice = _to(db, w, "on_notice")
    _refused(
        db,
        "fund.rule.own_household",
        "本人及家庭回避",
        fund.pay,
        db,
        on_notice,
        _pay_input(w, by=w["kin"]),
    )
    # a member applicant through their resident record
    neighbour_staff = _staff(db, "赵大伟", "reviewer", resident=w["neighbour"])
    member_app = fund.apply(db, _input(w, resident_id=None, member_id=w["member"]))
    _refused(
        db,
        "fund.rule.own_household",
        "赵大伟",
        fund.take_step,
        db,
        member_app,
        "review",
        StepInput(by=neighbour_staff, on=APPLIED),
    )


def test_accountant_is_not_the_cashier(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    _refused(
        db,
        "fund.rule.accountant_is_cashier",
        "会计出纳分设",
        fund.pay,
        db,
        app,
        _pay_input(w, by=w["till"], checked_by=w["till"]),
    )


def test_paid_not_above_approved_and_approved_not_above_asked(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w))
    _step(db, w, app, "review")
    _refused(
        db,
        "fund.rule.over_asked",
        "批准金额不超过申请金额",
        _step,
        db,
        w,
        app,
        "approve",
        "reviewer2",
        amount="900",
    )
    _step(db, w, app, "approve", by="reviewer2", amount="700")
    _notice(db, w, app)
    _refused(
        db,
        "fund.rule.over_approved",
        "发放金额不超过批准金额",
        fund.pay,
        db,
        app,
        _pay_input(w, "750"),
    )
    fund.pay(db, app, _pay_input(w, "700"))


def test_payment_not_above_the_balance(db: Database, w: World) -> None:
    poor = _account(db, w["handler"], 50000, name="小额账户")
    app = fund.apply(db, _input(w, account_id=poor))
    _step(db, w, app, "review")
    _step(db, w, app, "approve", by="reviewer2")
    _notice(db, w, app)
    _refused(db, "fund.rule.over_balance", "支出不超过账户余额", fund.pay, db, app, _pay_input(w))


def test_notice_must_have_ended(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    with db.read() as s:
        ends = s.scalars(select(FundNotice.ends_on)).one()
    _refused(
        db,
        "fund.rule.notice_not_ended",
        "公示期满方可发放",
        fund.pay,
        db,
        app,
        _pay_input(w, entry_date=ends),
    )
    fund.pay(db, app, _pay_input(w, entry_date=ends + timedelta(days=1)))


def test_objection_blocks_payment_until_dismissed(db: Database, w: World) -> None:
    app = _to(db, w, "on_notice")
    first = fund.add_objection(db, app, "有异议", NOTICE_FROM)
    _refused(db, "fund.rule.objection_open", "异议未处理不得发放", fund.pay, db, app, _pay_input(w))
    fund.resolve_objection(db, first, "upheld", "异议属实", w["reviewer"], NOTICE_FROM)
    _refused(db, "fund.rule.objection_open", "异议未处理不得发放", fund.pay, db, app, _pay_input(w))
    _refused(
        db,
        "fund.objection_resolved",
        "已经处理",
        fund.resolve_objection,
        db,
        first,
        "dismissed",
        "再议",
        w["reviewer"],
        NOTICE_FROM,
    )
    _step(db, w, app, "reject", opinion="异议成立，不予批准", on=NOTICE_FROM)
    assert _status(db, app) == "rejected"
    _refused(
        db, "fund.objection_not_on_notice", "不予批准", fund.add_objection, db, app, "又一条", TODAY
    )


def test_yearly_cap_per_person(db: Database, w: World) -> None:
    config.update(db, {"fund.yearly_cap_yuan": 1000})
    _to(db, w, "paid")  # ¥800 this year
    month_ago = TODAY - timedelta(days=30)  # the notice (20 days ago) follows the approval
    again = fund.apply(db, _input(w, "300", applied_on=month_ago, repeat_override="二次手术"))
    fund.take_step(db, again, "review", StepInput(by=w["reviewer"], on=month_ago))
    fund.take_step(db, again, "approve", StepInput(by=w["reviewer2"], on=month_ago))
    fund.open_notice(
        db,
        [again],
        NoticeInput(
            starts_on=TODAY - timedelta(days=20),
            title="公示",
            by=w["handler"],
            late_reason=LATE,
        ),
    )
    _refused(
        db, "fund.rule.yearly_cap", "每人每年救助上限", fund.pay, db, again, _pay_input(w, "300")
    )
    fund.pay(db, again, _pay_input(w, "200"))  # ¥800 + ¥200 = the cap


def test_a_reversed_payment_frees_the_yearly_cap(db: Database, w: World) -> None:
    config.update(db, {"fund.yearly_cap_yuan": 1000})
    first = _to(db, w, "paid")  # ¥800 this year
    with db.read() as s:
        entry = s.scalars(select(FundEntry).where(FundEntry.application_id == first)).one()
    with db.uow() as s:
        ledger.append(
            s,
            account_id=w["account"],
            kind="reversal",
            entry_date=TODAY,
            amount=80000,
            handled_by=w["handler"],
            reverses_id=entry.id,
        )
    month_ago = TODAY - timedelta(days=30)
    again = fund.apply(db, _input(w, "1000", applied_on=month_ago, repeat_override="上次发放冲正"))
    fund.take_step(db, again, "review", StepInput(by=w["reviewer"], on=month_ago))
    fund.take_step(db, again, "approve", StepInput(by=w["reviewer2"], on=month_ago))
    fund.open_notice(
        db,
        [again],
        NoticeInput(
            starts_on=TODAY - timedelta(days=20),
            title="公示",
            by=w["handler"],
            late_reason=LATE,
        ),
    )
    fund.pay(db, again, _pay_input(w, "1000"))  # the reversed ¥800 no longer counts


def test_repeat_within_months_needs_an_override_that_is_kept(db: Database, w: World) -> None:
    _to(db, w, "paid")  # paid today
    _refused(
        db, "fund.rule.repeat", "12 个月内不重复救助", fund.apply, db, _input(w, applied_on=TODAY)
    )
    # the spouse is another person: not refused
    fund.apply(db, _input(w, applied_on=TODAY, resident_id=w["spouse"]))
    app = fund.apply(db, _input(w, applied_on=TODAY, repeat_override="病情恶化，二次住院"))
    with db.read() as s:
        row = s.get(FundApplication, app)
        assert row is not None and row.repeat_override == "病情恶化，二次住院"
    detail = fq.application_detail(db, app)
    assert detail.repeat_override == "病情恶化，二次住院"
    with db.read() as s:  # the created row is in the audit trail, the reason on the row
        logged = s.scalars(
            select(AuditLog.action).where(
                AuditLog.table_name == "fund_application", AuditLog.row_id == app
            )
        ).all()
        assert logged
    assert detail.steps[0].opinion == "病情恶化，二次住院"


def test_input_checks(db: Database, w: World) -> None:
    before = _counts(db)
    with pytest.raises(ValidationFailed) as refused:
        fund.apply(
            db,
            _input(
                w,
                "0",
                reason=" ",
                family_size=21,
                applied_on=TODAY + timedelta(days=1),
                hardship="flood",
                income_per_capita="abc",
                member_id=w["member"],
            ),
        )
    fields = {e.field for e in refused.value.errors}
    assert fields == {
        "fund_amount_asked",
        "fund_reason",
        "fund_family_size",
        "fund_applied_on",
        "fund_hardship",
        "fund_income_per_capita",
        "fund_applicant",
    }
    assert "申请理由" in refused.value.text
    _refused(
        db, "fund.applicant_not_found", "申请人", fund.apply, db, _input(w, resident_id="nobody")
    )
    with db.uow() as s:
        account = s.get(FundAccount, w["account"])
        assert account is not None
        account.active = False
    _refused(db, "fund.account_inactive", "已停用", fund.apply, db, _input(w))
    assert _counts(db)[:5] == before[:5]
    app_id = None
    with db.uow() as s:
        account = s.get(FundAccount, w["account"])
        assert account is not None
        account.active = True
    app_id = fund.apply(db, _input(w))
    with pytest.raises(ValidationFailed):
        _step(db, w, app_id, "reject", opinion="")  # a reason is required


def test_attachments_are_kept(db: Database, w: World, tmp_path: Path) -> None:
    scan = tmp_path / "诊断书.pdf"
    scan.write_bytes(b"%PDF-1.4 diagnosis")
    app = fund.apply(db, _input(w, attachments=(scan,)))
    assert fq.application_detail(db, app).attachments == 1
    with db.read() as s:
        stored = s.scalars(select(Attachment).where(Attachment.owner_id == app)).one()
        assert (stored.owner_table, stored.original_name) == ("fund_application", "诊断书.pdf")
    # a refused file: nothing written
    bad = tmp_path / "说明.txt"
    bad.write_text("not a scan")
    before = _counts(db)
    with pytest.raises(ValidationFailed):
        fund.apply(db, _input(w, resident_id=w["spouse"], attachments=(bad,)))
    assert _counts(db) == before


# ── what waits on whom ─────────────────────────────────────────────────────────────────────


def _waiting(db: Database, w: World, who: str) -> list[str]:
    return [r.id for r in fq.waiting_on(db, w[who])]


def test_waiting_on(db: Database, w: World) -> None:
    app = fund.apply(db, _input(w, entered_by=w["both"]))
    assert _waiting(db, w, "reviewer") == [app]
    assert _waiting(db, w, "both") == []  # entered it: may not do its 初审 (QA 8)
    assert _waiting(db, w, "kin") == []  # own household
    assert _waiting(db, w, "handler") == [] and _waiting(db, w, "cashier") == []
    _step(db, w, app, "review")
    assert _waiting(db, w, "reviewer2") == [app]
    assert _waiting(db, w, "reviewer") == []  # did the 初审: may not do the 审核 too
    assert _waiting(db, w, "both") == []  # entered it: may not approve
    _step(db, w, app, "approve", by="reviewer2")
    assert _waiting(db, w, "handler") == [app] and _waiting(db, w, "reviewer") == []
    _notice(db, w, app)
    assert _waiting(db, w, "cashier") == [app]  # the notice has ended
    assert _waiting(db, w, "kin") == []
    objection = fund.add_objection(db, app, "有异议", NOTICE_FROM)
    assert _waiting(db, w, "cashier") == [] and _waiting(db, w, "reviewer") == [app]
    fund.resolve_objection(db, objection, "dismissed", "不成立", w["reviewer"], NOTICE_FROM)
    assert _waiting(db, w, "cashier") == [app]
    fund.pay(db, app, _pay_input(w))
    assert _waiting(db, w, "cashier") == []


def test_notices_ending_and_running(db: Database, w: World) -> None:
    app = _to(db, w, "approved")
    notice_id = fund.open_notice(
        db,
        [app],
        NoticeInput(
            starts_on=TODAY - timedelta(days=1),
            title="公示",
            working_days=3,
            by=w["handler"],
            late_reason=LATE,
        ),
    )
    ending = fq.notices_ending(db)
    assert [n.id for n in ending] == [notice_id]
    assert ending[0].running and not ending[0].ended and ending[0].ends_on > TODAY
    assert fq.notices_ending(db, within_days=(ending[0].ends_on - TODAY).days - 1) == []
    ends = ending[0].ends_on
    assert fq.application_rows(db)[0].waiting_for == f"公示中，至 {ends.month}月{ends.day}日"
    assert fq.payments_due(db) == []
    fund.add_objection(db, app, "有异议", TODAY)
    assert fq.notice_rows(db)[0].open_objections == 1
    with clock.frozen(ends + timedelta(days=1)):
        # QA 5: ended, still on_notice: the lists say 公示期满 (with the open objection)
        row = fq.application_rows(db)[0]
        assert row.status == "on_notice" and row.status_label == "公示期满（有异议未处理）"
        assert fq.notice_rows(db)[0].ended
        assert fq.payments_due(db) == []  # the objection is open
    with clock.frozen(ends + timedelta(days=7)):  # the next calendar week
        assert fq.notices_ending(db) == []


def test_an_ended_notice_reads_notice_period_over(db: Database, w: World) -> None:
    """QA 5: once the notice has ended, lists and waiting_for read 公示期满（待发放）; the state
    stays on_notice until it is paid."""
    from redoffice.fund import screens

    app = _to(db, w, "approved")
    notice_id = _notice(db, w, app)  # from NOTICE_FROM: ended long ago
    row = fq.application_rows(db)[0]
    assert row.status == "on_notice" and _status(db, app) == "on_notice"
    assert row.status_label == "公示期满（待发放）"
    assert row.waiting_for == "公示期满，待 出纳 发放"
    assert [r.status_label for r in fq.waiting_on(db, w["cashier"])] == ["公示期满（待发放）"]
    assert [a.status_label for a in screens.notice_applications(db, notice_id)] == [
        "公示期满（待发放）"
    ]
    ends = fq.notice_rows(db)[0].ends_on
    with clock.frozen(ends):  # its last day: still 公示中
        assert fq.application_rows(db)[0].status_label == STATUSES["on_notice"]


def test_notices_ending_counts_this_calendar_week(db: Database, w: World) -> None:
    """QA 9: the 工作台's 本周公示期满 counts notices ending Monday–Sunday of today's week: not
    one ending next Monday (within 7 days), but one that ended this Monday."""
    from redoffice.workbench import queries as workbench

    app = _to(db, w, "approved")
    notice_id = _notice(db, w, app)
    ends = fq.notice_rows(db)[0].ends_on
    monday = ends - timedelta(days=ends.weekday())
    with clock.frozen(monday - timedelta(days=1)):  # the Sunday before: ends in 1–7 days
        assert fq.notices_ending(db) == []
        assert workbench.fund_cards(db).notices_ending.total == 0
        assert [n.id for n in fq.notices_ending(db, within_days=7)] == [notice_id]
    for day in range(7):  # every day of its week, before and after it ends
        with clock.frozen(monday + timedelta(days=day)):
            assert [n.id for n in fq.notices_ending(db)] == [notice_id]
            assert workbench.fund_cards(db).notices_ending.total == 1
    with clock.frozen(monday + timedelta(days=7)):
        assert fq.notices_ending(db) == []


def _notice_data(w: World, starts_on: date, **changes: object) -> NoticeInput:
    data = NoticeInput(starts_on=starts_on, title="公示", by=w["handler"])
    return replace(data, **changes)  # type: ignore[arg-type]


def test_a_backdated_notice_needs_a_late_entry_reason(db: Database, w: World) -> None:
    """QA 1: a 公示 starts no earlier than the day it is recorded, unless a 补录 reason is
    given — kept in the 公示 step's opinion and shown in the application's steps — and never
    before the approval's date, reason or not."""
    app = _to(db, w, "approved")  # approved on APPLIED + 1
    before = _counts(db)
    with pytest.raises(ValidationFailed) as refused:
        fund.open_notice(db, [app], _notice_data(w, NOTICE_FROM))
    assert refused.value.for_field("fund_notice_late_reason")
    assert "违反“公示自登记之日起算”" in refused.value.text and "补录原因" in refused.value.text
    assert _counts(db) == before
    # never before the approval, even as a late entry
    _refused(
        db,
        "fund.before_previous_step",
        "公示",
        fund.open_notice,
        db,
        [app],
        _notice_data(w, APPLIED, late_reason="补录"),
    )
    fund.open_notice(
        db, [app], _notice_data(w, NOTICE_FROM, late_reason="10月23日已张贴，今日补录")
    )
    steps = fq.application_detail(db, app).steps
    noticed = next(st for st in steps if st.step == "noticed")
    assert noticed.opinion == "补录：10月23日已张贴，今日补录"
    assert noticed.staff == "张经办" and noticed.acted_on == NOTICE_FROM
    # starting today needs no reason (and records none)
    other = _to(db, w, "approved")
    fund.open_notice(db, [other], _notice_data(w, TODAY, late_reason="多余的说明"))
    noticed = next(st for st in fq.application_detail(db, other).steps if st.step == "noticed")
    assert noticed.opinion == ""


def test_a_notice_without_a_supervision_phone_is_refused(db: Database, w: World) -> None:
    """QA 6: no 监督电话 typed and none in the settings: refused, naming the field."""
    config.update(db, {"fund.supervision_phone": ""})
    app = _to(db, w, "approved")
    before = _counts(db)
    with pytest.raises(ValidationFailed) as refused:
        fund.open_notice(db, [app], _notice_data(w, TODAY))
    assert refused.value.for_field("fund_notice_phone")
    assert "监督电话" in refused.value.text and "违反“公示须公布监督电话”" in refused.value.text
    assert _counts(db) == before
    fund.open_notice(db, [app], _notice_data(w, TODAY, phone="010-65123456"))
    assert fq.notice_rows(db)[0].phone == "010-65123456"


def test_objection_step_names_its_recorder_and_refusals_name_the_rule(
    db: Database, w: World
) -> None:
    """QA 17: the 收到异议 step names who recorded it (when known) and says what was received;
    不予批准 or 撤回 with no reason names the rule."""
    app = _to(db, w, "on_notice")
    fund.add_objection(db, app, "反映其家中另有房产", NOTICE_FROM + timedelta(days=1), w["handler"])
    fund.add_objection(db, app, "匿名来电", NOTICE_FROM + timedelta(days=1))
    received = [st for st in fq.application_detail(db, app).steps if st.step == "objection"]
    assert [(st.staff, st.opinion) for st in received] == [
        ("张经办", "收到异议：反映其家中另有房产"),
        ("", "收到异议：匿名来电"),
    ]
    with pytest.raises(UserError) as unknown:
        fund.add_objection(db, app, "又一条", TODAY, "no-such-staff")
    assert unknown.value.code == "record.not_found"
    other = _to(db, w, "reviewed")
    for step, rule in (("reject", "不予批准须说明理由"), ("withdraw", "撤回须说明原因")):
        with pytest.raises(ValidationFailed) as refused:
            _step(db, w, other, step, by="reviewer2" if step == "reject" else "handler")
        assert refused.value.for_field("fund_opinion")
        assert f"违反“{rule}”" in refused.value.text
