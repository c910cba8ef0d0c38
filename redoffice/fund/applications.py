"""红色基金 applications: 申请 → 初审 → 社区审核 → (上级审批) → 公示 → 发放, or 不予批准 / 撤回.

Only the steps in :data:`TRANSITIONS` happen, each from its starting state(s); anything else is
refused ("fund.transition_refused", naming the state and the step) and writes nothing. Every
step writes a :class:`~redoffice.models.FundStep` (who, when, opinion, amount, from → to).
The rules (:mod:`redoffice.fund.rules`) and the roles (:mod:`redoffice.fund.roles`) are
checked before anything is written.

A payment is written to the ledger only through :func:`redoffice.fund.ledger.append`. Reversing
that entry later (``ledger.reverse``) corrects the ledger but does NOT reopen the application:
it stays 已发放 (paid), and the reversal nets out of the person's yearly total; help paid again
needs a new application."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Final

from sqlalchemy.orm import Session

from redoffice.attachments import service as attachments
from redoffice.fund import ledger, roles, rules
from redoffice.fund.codes import HARDSHIPS, PAY_METHODS, PAY_PLACES, STATUSES, USES
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import parse_yuan
from redoffice.kit.records import live, next_number
from redoffice.kit.validation import Checker
from redoffice.models import (
    FundAccount,
    FundApplication,
    FundNotice,
    FundObjection,
    FundStep,
    PartyMember,
    Resident,
    Staff,
)
from redoffice.settings import calendar, config

BEFORE_PAID: Final = ("applied", "reviewed", "pending_higher", "approved", "on_notice")
# each step: (its Chinese name, the states it starts from, the state it leads to, the role
# that takes it, whether it is a decision (not on one's own or household's application))
TRANSITIONS: Final = {
    "review": ("初审", ("applied",), "reviewed", "reviewer", True),
    # → pending_higher instead when the approved amount is above fund.higher_approval_yuan
    "approve": ("审核", ("reviewed",), "approved", "reviewer", True),
    "approve_higher": ("上级审批", ("pending_higher",), "approved", "reviewer", True),
    "reject": ("不予批准", BEFORE_PAID, "rejected", "reviewer", True),
    "withdraw": ("撤回", BEFORE_PAID, "withdrawn", "handler", False),
    "notice": ("公示", ("approved",), "on_notice", "handler", False),
    "pay": ("发放", ("on_notice",), "paid", "cashier", True),
}
STEPS: Final = ("review", "approve", "approve_higher", "reject", "withdraw")
# the FundStep.step written by each transition
STEP_KINDS: Final = {
    "review": "reviewed",
    "approve": "approved",
    "approve_higher": "approved_higher",
    "reject": "rejected",
    "withdraw": "withdrawn",
    "notice": "noticed",
    "pay": "paid",
}
OUTCOMES: Final = MappingProxyType({"dismissed": "异议不成立", "upheld": "异议成立"})
MAX_FAMILY: Final = 20
# no amount of this fund is above ¥100,000,000: a typo of extra digits is refused in Chinese
# instead of failing in the database (BIGINT / SQLite INTEGER overflow)
MAX_YUAN: Final = ledger.MAX_YUAN
ATTACHMENT_OWNER: Final = "fund_application"


@dataclass(frozen=True)
class ApplicationInput:
    account_id: str
    hardship: str
    use: str
    amount_asked: str  # yuan as typed
    reason: str
    applied_on: date
    entered_by: str  # staff id, holds 经办人 (handler)
    resident_id: str | None = None  # the applicant: a resident …
    member_id: str | None = None  # … or a 双报到 party member
    family_size: int | None = None
    income_per_capita: str = ""  # yuan a month as typed; "" unknown
    repeat_override: str = ""  # why help again within fund.repeat_months (kept on the row)
    attachments: tuple[Path, ...] = ()  # diagnosis, certificates: kept, never on a notice


@dataclass(frozen=True)
class StepInput:
    by: str  # staff id
    on: date
    opinion: str = ""  # 意见; the reason for reject / withdraw; the 上级's for approve_higher
    # approve: yuan as typed, None = the amount asked; approve_higher: the 上级's amount when
    # lower than the community's, None = the same
    amount: str | None = None


@dataclass(frozen=True)
class NoticeInput:
    starts_on: date
    title: str
    basis: str = ""
    working_days: int | None = None  # None: setting fund.notice_working_days
    phone: str | None = None  # None: setting fund.supervision_phone, else the community's
    issuer: str | None = None  # None: the community's name
    # staff id of the 经办人 recorded on the steps: required (the role rule), None is refused
    by: str | None = None
    # 补录原因: required when ``starts_on`` is before the day the notice is recorded (a notice
    # posted on paper earlier and entered late); kept in the 公示 steps' opinion
    late_reason: str = ""


@dataclass(frozen=True)
class PayInput:
    amount: str  # yuan as typed
    entry_date: date
    by: str  # 出纳 (cashier), staff id
    checked_by: str  # 会计 (accountant), staff id
    method: str = "cash"
    place: str = "office"
    voucher_no: str = ""


def apply(db: Database, data: ApplicationInput) -> str:
    """申请: register an application (number ``<year>-JJ<001>``); returns its id."""
    c = Checker()
    reason = c.text("fund_reason", data.reason, required=True, max_len=2000)
    c.choice("fund_hardship", data.hardship, HARDSHIPS)
    c.choice("fund_use", data.use, USES)
    asked = parse_yuan(data.amount_asked)
    if asked is None or asked <= 0:
        c.add("fund_amount_asked", "money.invalid" if asked is None else "fund.amount_positive")
    _check_max(c, "fund_amount_asked", asked)
    income: int | None = None
    if str(data.income_per_capita).strip():
        income = parse_yuan(data.income_per_capita)
        if income is None:
            c.add("fund_income_per_capita", "money.invalid")
        _check_max(c, "fund_income_per_capita", income)
    if data.family_size is not None and not 1 <= data.family_size <= MAX_FAMILY:
        c.add("fund_family_size", "settings.range", min=1, max=MAX_FAMILY)
    c.past_date("fund_applied_on", data.applied_on, clock.today())
    override = c.text("fund_repeat_override", data.repeat_override, max_len=2000)
    if bool(data.resident_id) == bool(data.member_id):
        c.add("fund_applicant", "required")
    c.raise_if_any()
    stored = attachments.store_files(db, data.attachments) if data.attachments else []
    with db.uow() as s:
        if data.resident_id:
            live(s, Resident, data.resident_id, "fund.applicant_not_found")
        else:
            live(s, PartyMember, str(data.member_id), "fund.applicant_not_found")
        account = live(s, FundAccount, data.account_id, "fund.account_not_found")
        if not account.active:
            raise UserError("fund.account_inactive", name=account.name)
        staff = roles.require(s, data.entered_by, "handler", db.user)
        rules.check_repeat(s, data.resident_id, data.member_id, data.applied_on, override)
        number = next_number(s, FundApplication.number, f"{data.applied_on.year}-JJ", 3)
        app = FundApplication(
            number=number,
            account_id=account.id,
            resident_id=data.resident_id or None,
            member_id=data.member_id or None,
            hardship=data.hardship,
            use=data.use,
            amount_asked=asked,
            reason=reason,
            family_size=data.family_size,
            income_per_capita=income,
            applied_on=data.applied_on,
            entered_by=staff.id,
            status="applied",
            repeat_override=override,
        )
        s.add(app)
        s.flush()
        if stored:
            attachments.link(s, ATTACHMENT_OWNER, app.id, stored)
        _step(s, app, "applied", "", "applied", staff.id, data.applied_on, override, asked)
        return app.id


def take_step(db: Database, application_id: str, step: str, data: StepInput) -> None:
    """One of :data:`STEPS` by a staff member who holds its role: review, approve (→
    pending_higher above fund.higher_approval_yuan), approve_higher (the 上级's paper decision;
    ``opinion`` is theirs), reject / withdraw (a reason required, any state before paid)."""
    if step not in STEPS:
        raise UserError("invalid_choice", value=step)
    c = Checker()
    opinion = c.text("fund_opinion", data.opinion, max_len=2000)
    if step in ("reject", "withdraw") and not opinion:  # the message names the rule
        c.add("fund_opinion", f"fund.rule.{step}_reason")
    c.past_date("fund_acted_on", data.on, clock.today())
    amount: int | None = None
    if (
        step in ("approve", "approve_higher")
        and data.amount is not None
        and str(data.amount).strip()
    ):
        amount = parse_yuan(data.amount)
        if amount is None or amount <= 0:
            c.add(
                "fund_amount_approved",
                "money.invalid" if amount is None else "fund.amount_positive",
            )
        _check_max(c, "fund_amount_approved", amount)
    c.raise_if_any()
    with db.uow() as s:
        app = _application(s, application_id)
        _check_state(app, step)
        label, _starts, end, role, decides = TRANSITIONS[step]
        staff = roles.require(s, data.by, role, db.user)
        if decides:
            rules.check_not_own(s, app, staff)
        if data.on < app.applied_on:
            raise UserError("fund.before_applied", step=label)
        rules.check_not_before_last_step(s, app, data.on, label)
        if step == "review":
            rules.check_review_not_by_entrant(app, staff)
        if step == "approve":
            rules.check_not_entered_by(app, staff)
            rules.check_approver_not_reviewer(s, app, staff)
            amount = app.amount_asked if amount is None else amount
            rules.check_over_approval_asked(app, amount)
            higher = int(config.get_value(s, "fund.higher_approval_yuan")) * 100
            app.amount_approved = amount
            app.needs_higher = amount > higher
            end = "pending_higher" if app.needs_higher else "approved"
        elif step == "approve_higher":
            # the 上级 may approve less than the community did: what is paid is then capped
            # by their amount (an amount above the community's is refused)
            if amount is not None:
                rules.check_higher_not_above_approved(app, amount)
                app.amount_approved = amount
            amount = app.amount_approved
        elif step in ("reject", "withdraw"):
            app.closed_reason = opinion
        start = app.status
        app.status = end
        _step(s, app, STEP_KINDS[step], start, end, staff.id, data.on, opinion, amount)


def open_notice(db: Database, application_ids: Sequence[str], data: NoticeInput) -> str:
    """公示 of approved applications from ``starts_on`` for N working days (the calendar of
    :mod:`redoffice.settings.calendar`); number ``<year>-GS<01>``. Returns the notice id."""
    c = Checker()
    title = c.text("fund_notice_title", data.title, required=True, max_len=128)
    basis = c.text("fund_notice_basis", data.basis, max_len=2000)
    if data.working_days is not None and not 1 <= data.working_days <= 30:
        c.add("fund_notice_days", "settings.range", min=1, max=30)
    c.past_date("fund_starts_on", data.starts_on, clock.today())
    late = c.text("fund_notice_late_reason", data.late_reason, max_len=500)
    today = clock.today()
    if data.starts_on < today and not late:
        # the waiting period runs from when the notice is posted: a start before today is a
        # late entry (补录) of a notice already posted, and says why
        c.add(
            "fund_notice_late_reason",
            "fund.rule.notice_backdated",
            day=data.starts_on.isoformat(),
            today=today.isoformat(),
        )
    phone = c.phone("fund_notice_phone", data.phone) if data.phone else ""
    issuer = c.text("fund_notice_issuer", data.issuer or "", max_len=128)
    ids = list(dict.fromkeys(application_ids))
    if not ids:
        c.add("fund_notice_applications", "required")
    if not data.by:
        c.add("handled_by", "required")
    c.raise_if_any()
    with db.uow() as s:
        apps = [_application(s, i) for i in ids]
        for app in apps:
            _check_state(app, "notice")
            if data.starts_on < app.applied_on:
                raise UserError("fund.before_applied", step=TRANSITIONS["notice"][0])
            rules.check_not_before_last_step(s, app, data.starts_on, TRANSITIONS["notice"][0])
        # every step names who took it, who must hold the role: a notice without its 经办人
        # would let anyone put applications on 公示 (the CLI left --by out)
        staff_id = roles.require(s, data.by, "handler", db.user).id
        days = data.working_days or int(config.get_value(s, "fund.notice_working_days"))
        ends_on = calendar.load(s).add_working_days(data.starts_on, days)
        if not phone:
            phone = str(config.get_value(s, "fund.supervision_phone") or "").strip()
        if not phone:  # a 公示 without a 监督电话 cannot take objections: refused
            missing = Checker()
            missing.add("fund_notice_phone", "fund.rule.notice_phone_missing")
            missing.raise_if_any()
        if not issuer:
            issuer = str(config.get_value(s, "community_name") or "")
        year = data.starts_on.year
        notice = FundNotice(
            number=next_number(s, FundNotice.number, f"{year}-GS", 2),
            title=title,
            basis=basis,
            starts_on=data.starts_on,
            ends_on=ends_on,
            phone=phone,
            issuer=issuer,
        )
        s.add(notice)
        s.flush()
        for app in apps:
            app.status, app.notice_id = "on_notice", notice.id
            opinion = f"补录：{late}" if late and data.starts_on < today else ""
            _step(
                s, app, "noticed", "approved", "on_notice", staff_id, data.starts_on, opinion, None
            )
        return notice.id


def add_objection(
    db: Database, application_id: str, text: str, received_on: date, by: str | None = None
) -> str:
    """An objection (异议) received during the 公示; while unresolved it blocks payment. ``by``:
    the staff member who recorded it (named on the 收到异议 step; any live staff member).
    Once someone is logged in, a role handling or reviewing applications
    (:data:`roles.OBJECTION`), not the 会计 or the 出纳."""
    roles.check_permitted(db.user, roles.OBJECTION, "收到异议")
    c = Checker()
    text = c.text("fund_objection_text", text, required=True, max_len=2000)
    c.past_date("fund_received_on", received_on, clock.today())
    c.raise_if_any()
    with db.uow() as s:
        recorder = s.get(Staff, by) if by else None
        if by and (recorder is None or recorder.deleted):
            raise UserError("record.not_found")
        app = _application(s, application_id)
        if app.status != "on_notice" or app.notice_id is None:
            raise UserError("fund.objection_not_on_notice", status=STATUSES[app.status])
        notice = s.get(FundNotice, app.notice_id)
        if notice is not None and received_on < notice.starts_on:
            raise UserError(
                "fund.objection_before_notice",
                day=received_on.isoformat(),
                starts=notice.starts_on.isoformat(),
            )
        objection = FundObjection(
            application_id=app.id, notice_id=app.notice_id, received_on=received_on, text=text
        )
        s.add(objection)
        s.flush()
        _step(
            s,
            app,
            "objection",
            app.status,
            app.status,
            recorder.id if recorder else None,
            received_on,
            f"收到异议：{text}",
            None,
        )
        return objection.id


def resolve_objection(
    db: Database, objection_id: str, outcome: str, resolution: str, by: str, on: date
) -> None:
    """处理异议 by a reviewer: dismissed (payment may go ahead) or upheld (it may not; reject
    the application)."""
    c = Checker()
    c.choice("fund_outcome", outcome, OUTCOMES)
    resolution = c.text("fund_resolution", resolution, required=True, max_len=2000)
    c.past_date("fund_acted_on", on, clock.today())
    c.raise_if_any()
    with db.uow() as s:
        objection = live(s, FundObjection, objection_id, "fund.objection_not_found")
        if objection.resolved_on is not None:
            raise UserError("fund.objection_resolved")
        app = _application(s, objection.application_id)
        if app.status != "on_notice":
            raise UserError("fund.objection_not_on_notice", status=STATUSES[app.status])
        staff = roles.require(s, by, "reviewer", db.user)
        rules.check_not_own(s, app, staff)
        if on < objection.received_on:
            raise UserError("fund.resolved_before_received")
        objection.resolved_on, objection.outcome = on, outcome
        objection.resolution, objection.resolved_by = resolution, staff.id
        opinion = f"{OUTCOMES[outcome]}：{resolution}"
        _step(s, app, "objection_resolved", app.status, app.status, staff.id, on, opinion, None)


def pay(db: Database, application_id: str, data: PayInput) -> str:
    """发放 by the 出纳, recorded with the 会计 (who checks): after the 公示 ended, with no
    unresolved or upheld objection, at most the approved amount and within the person's yearly
    cap and the account's balance. Writes the payment through :func:`ledger.append` and moves
    the application to 已发放; returns the ledger entry's id. A later reversal of that entry
    does not reopen the application."""
    c = Checker()
    amount = parse_yuan(data.amount)
    if amount is None or amount <= 0:
        c.add("fund_amount_paid", "money.invalid" if amount is None else "fund.amount_positive")
    _check_max(c, "fund_amount_paid", amount)
    c.choice("fund_pay_method", data.method, PAY_METHODS)
    c.choice("fund_pay_place", data.place, PAY_PLACES)
    voucher = c.text("fund_voucher_no", data.voucher_no, max_len=32)
    c.past_date("fund_entry_date", data.entry_date, clock.today())
    c.raise_if_any()
    assert amount is not None
    with db.uow() as s:
        # the ledger's head row first: two cashiers paying at once (PostgreSQL) take turns
        # from here, so each checks the yearly cap, the repeat rule and the balance with the
        # other's payment already written (ledger.append alone locks only after the checks)
        _lock_ledger(s)
        app = _application(s, application_id)
        _check_state(app, "pay")
        cashier = roles.require(s, data.by, "cashier", db.user)
        accountant = roles.require(s, data.checked_by, "accountant")
        rules.check_accountant_not_cashier(cashier, accountant)
        rules.check_not_own(s, app, cashier)
        rules.check_not_own(s, app, accountant)
        rules.check_notice_ended(s, app, data.entry_date)
        rules.check_no_open_objection(s, app)
        rules.check_not_before_last_step(s, app, data.entry_date, TRANSITIONS["pay"][0])
        rules.check_over_approved(app, amount)
        rules.check_yearly_cap(s, app, amount, data.entry_date)
        rules.check_repeat_at_payment(s, app, data.entry_date)
        rules.check_balance(s, app.account_id, amount, data.entry_date)
        entry = ledger.append(
            s,
            account_id=app.account_id,
            kind="payment",
            entry_date=data.entry_date,
            amount=-amount,
            handled_by=cashier.id,
            checked_by=accountant.id,
            use=app.use,
            counterparty=applicant_name(s, app),
            application_id=app.id,
            pay_method=data.method,
            pay_place=data.place,
            voucher_no=voucher,
        )
        app.status = "paid"
        _step(s, app, "paid", "on_notice", "paid", cashier.id, data.entry_date, "", amount)
        return entry.id


def applicant_name(s: Session, app: FundApplication) -> str:
    if app.resident_id:
        who = s.get(Resident, app.resident_id)
        return who.name if who is not None else ""
    member = s.get(PartyMember, app.member_id) if app.member_id else None
    return member.name if member is not None else ""


def allowed_steps(s: Session, app: FundApplication, staff: Staff) -> list[str]:
    """The steps of :data:`TRANSITIONS` this staff member may take on ``app`` now (state, role,
    own household, entered-by); the payment's time rules are not looked at."""
    held = roles.roles_of(staff)
    own = rules.applicant_resident(s, app)
    steps = []
    for step, (_label, starts, _end, role, decides) in TRANSITIONS.items():
        if app.status not in starts or role not in held:
            continue
        if decides and roles.same_household(s, staff, own):
            continue
        if step in ("review", "approve") and app.entered_by == staff.id:
            continue
        if step == "approve" and rules.reviewed_by(s, app) == staff.id:
            continue
        steps.append(step)
    return steps


def _check_max(c: Checker, field: str, fen: int | None) -> None:
    if fen is not None and fen > MAX_YUAN * 100:
        c.add(field, "fund.amount_too_large", max=f"{MAX_YUAN:,}")


def _lock_ledger(s: Session) -> None:
    """Take the ledger head's row lock (PostgreSQL; SQLite has one writer at a time)."""
    ledger.lock_head(s)


def _application(s: Session, application_id: str) -> FundApplication:
    return live(s, FundApplication, application_id, "fund.application_not_found")


def _check_state(app: FundApplication, step: str) -> None:
    """Refuse ``step`` unless the application is in a state it starts from."""
    label, starts, *_rest = TRANSITIONS[step]
    if app.status not in starts:
        raise UserError("fund.transition_refused", old=STATUSES[app.status], step=label)


def _step(
    s: Session,
    app: FundApplication,
    kind: str,
    start: str,
    end: str,
    staff_id: str | None,
    on: date,
    opinion: str,
    amount: int | None,
) -> None:
    s.add(
        FundStep(
            application_id=app.id,
            step=kind,
            from_status=start,
            to_status=end,
            staff_id=staff_id,
            acted_on=on,
            opinion=opinion,
            amount=amount,
        )
    )
