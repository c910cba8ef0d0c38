"""The fund's rules (issue 13), each refused with a UserError ``fund.rule.*`` whose Chinese
names the rule. They only read; the callers check them before writing anything.

The role rule itself is :func:`redoffice.fund.roles.require` ("fund.role_missing"); the
over-balance rule is also enforced by :func:`redoffice.fund.ledger.append` ("fund.over_balance"),
checked here first so that the refusal names the rule like the others."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from redoffice.fund import ledger, roles
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan
from redoffice.models import (
    FundApplication,
    FundEntry,
    FundNotice,
    FundObjection,
    FundStep,
    PartyMember,
    Staff,
)
from redoffice.settings import config


def applicant_resident(s: Session, app: FundApplication) -> str | None:
    """The applicant as a resident: the resident, or a member applicant's resident record."""
    if app.resident_id:
        return app.resident_id
    member = s.get(PartyMember, app.member_id) if app.member_id else None
    return member.resident_id if member is not None else None


def person_applications(s: Session, resident_id: str | None, member_id: str | None) -> list[str]:
    """The ids of every application (deleted ones too) of the same person: as the resident, or
    as a party member linked to that resident, or (a member without a resident record) as that
    member."""
    if member_id and not resident_id:
        member = s.get(PartyMember, member_id)
        resident_id = member.resident_id if member is not None else None
    conditions = []
    if resident_id:
        members = select(PartyMember.id).where(PartyMember.resident_id == resident_id)
        conditions += [
            FundApplication.resident_id == resident_id,
            FundApplication.member_id.in_(members),
        ]
    if member_id:
        conditions.append(FundApplication.member_id == member_id)
    if not conditions:
        return []
    # deleted applications too: what was paid on one moved to the recycle bin was still paid
    # (the yearly cap and the repeat rule count the ledger's money, not the visible list)
    return list(s.scalars(select(FundApplication.id).where(or_(*conditions))))


def _paid_entries(s: Session, application_ids: list[str]) -> list[FundEntry]:
    """The payments of these applications that were not reversed."""
    if not application_ids:
        return []
    reversed_ids = select(FundEntry.reverses_id).where(FundEntry.reverses_id.is_not(None))
    return list(
        s.scalars(
            select(FundEntry).where(
                FundEntry.application_id.in_(application_ids),
                FundEntry.kind == "payment",
                FundEntry.id.not_in(reversed_ids),
            )
        )
    )


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def last_paid_on(s: Session, resident_id: str | None, member_id: str | None) -> date | None:
    """The date of the person's last payment (not reversed), or None."""
    entries = _paid_entries(s, person_applications(s, resident_id, member_id))
    return max((e.entry_date for e in entries), default=None)


def check_repeat(
    s: Session, resident_id: str | None, member_id: str | None, applied_on: date, override: str
) -> None:
    """规则“N 个月内不重复救助”: refused unless an override reason is given (kept on the row)."""
    months = int(config.get_value(s, "fund.repeat_months"))
    last = last_paid_on(s, resident_id, member_id)
    if months <= 0 or last is None or override:
        return
    until = add_months(last, months)
    if applied_on < until:
        raise UserError(
            "fund.rule.repeat", months=months, last=last.isoformat(), until=until.isoformat()
        )


def check_repeat_at_payment(s: Session, application: FundApplication, on: date) -> None:
    """规则“N 个月内不重复救助”, again when paying: another application of the same person may
    have been paid since this one was entered (both open at once), so the apply-time check
    alone let a second payment through. The application's kept override reason allows it."""
    months = int(config.get_value(s, "fund.repeat_months"))
    if months <= 0 or application.repeat_override:
        return
    last = last_paid_on(s, application.resident_id, application.member_id)
    if last is None:
        return
    until = add_months(last, months)
    if on < until:
        raise UserError(
            "fund.rule.repeat_pay", months=months, last=last.isoformat(), until=until.isoformat()
        )


def last_step_on(s: Session, application: FundApplication) -> date | None:
    """The date of the application's latest recorded step (申请, 初审, … 异议, 处理异议)."""
    return s.scalar(
        select(func.max(FundStep.acted_on)).where(
            FundStep.application_id == application.id, FundStep.deleted.is_(False)
        )
    )


def check_not_before_last_step(
    s: Session, application: FundApplication, on: date, step: str
) -> None:
    """A step is never dated before the step it follows (an approval before the review, a 公示
    before the approval, a payment before the objection was resolved)."""
    last = last_step_on(s, application)
    if last is not None and on < last:
        raise UserError(
            "fund.before_previous_step",
            step=step,
            number=application.number,
            day=on.isoformat(),
            last=last.isoformat(),
        )


def paid_in_year(s: Session, application: FundApplication, year: int) -> int:
    """What the applicant was paid in calendar ``year`` (fen): the payments dated in that year,
    less the reversals of those payments (whenever the reversal is dated)."""
    ids = person_applications(s, application.resident_id, application.member_id)
    if not ids:
        return 0
    payments = select(FundEntry.id).where(
        FundEntry.application_id.in_(ids),
        FundEntry.kind == "payment",
        FundEntry.entry_date.between(date(year, 1, 1), date(year, 12, 31)),
    )
    paid = s.scalar(
        select(func.coalesce(func.sum(FundEntry.amount), 0)).where(FundEntry.id.in_(payments))
    )
    reversed_ = s.scalar(
        select(func.coalesce(func.sum(FundEntry.amount), 0)).where(
            FundEntry.kind == "reversal", FundEntry.reverses_id.in_(payments)
        )
    )
    return -int(paid or 0) - int(reversed_ or 0)


def check_yearly_cap(s: Session, application: FundApplication, amount: int, on: date) -> None:
    """规则“每人每年救助上限”: the person's payments in ``on``'s year + this ≤ the cap."""
    cap = int(config.get_value(s, "fund.yearly_cap_yuan")) * 100
    before = paid_in_year(s, application, on.year)
    if before + amount > cap:
        raise UserError(
            "fund.rule.yearly_cap",
            cap=yuan(cap),
            year=on.year,
            paid=yuan(before),
            amount=yuan(amount),
        )


def check_over_approved(application: FundApplication, amount: int) -> None:
    """规则“发放金额不超过批准金额”."""
    approved = application.amount_approved or 0
    if amount > approved:
        raise UserError("fund.rule.over_approved", amount=yuan(amount), approved=yuan(approved))


def check_over_approval_asked(application: FundApplication, amount: int) -> None:
    """The approved amount is never above what was asked."""
    if amount > application.amount_asked:
        raise UserError(
            "fund.rule.over_asked", amount=yuan(amount), asked=yuan(application.amount_asked)
        )


def check_higher_not_above_approved(application: FundApplication, amount: int) -> None:
    """The 上级 approves at most what the community approved (it may approve less)."""
    approved = application.amount_approved or 0
    if amount > approved:
        raise UserError(
            "fund.rule.higher_over_approved", amount=yuan(amount), approved=yuan(approved)
        )


def check_balance(s: Session, account_id: str, amount: int, on: date | None = None) -> None:
    """规则“支出不超过账户余额”: the balance now, and (``on`` given) the balance on the
    payment's date and every day after it — money that came in later was not there to pay."""
    balance = ledger.account_balance(s, account_id)
    if amount > balance:
        raise UserError("fund.rule.over_balance", balance=yuan(balance), amount=yuan(amount))
    if on is not None:
        available = ledger.available_on(s, account_id, on)
        if amount > available:
            raise UserError(
                "fund.rule.over_balance_on",
                day=on.isoformat(),
                balance=yuan(max(available, 0)),
                amount=yuan(amount),
            )


def check_not_entered_by(application: FundApplication, staff: Staff) -> None:
    """规则“录入人不审批”: who entered an application does not approve it."""
    if application.entered_by == staff.id:
        raise UserError("fund.rule.entered_by_approves", name=staff.name)


def reviewed_by(s: Session, application: FundApplication) -> str | None:
    """The staff id of who did the application's 初审 (its latest review step), if any."""
    return s.scalar(
        select(FundStep.staff_id)
        .where(
            FundStep.application_id == application.id,
            FundStep.step == "reviewed",
            FundStep.deleted.is_(False),
        )
        .order_by(FundStep.created_seq.desc())
        .limit(1)
    )


def check_review_not_by_entrant(application: FundApplication, staff: Staff) -> None:
    """规则“录入人不初审”: who entered an application does not do its 初审 either."""
    if application.entered_by == staff.id:
        raise UserError("fund.rule.reviewer_is_entrant", name=staff.name)


def check_approver_not_reviewer(s: Session, application: FundApplication, staff: Staff) -> None:
    """规则“两级审核由两人办理”: the 审核 is by someone other than who did the 初审 (and, by
    :func:`check_not_entered_by`, other than who entered it)."""
    if reviewed_by(s, application) == staff.id:
        raise UserError("fund.rule.approver_is_reviewer", name=staff.name)


def check_accountant_not_cashier(cashier: Staff, accountant: Staff) -> None:
    """规则“会计出纳分设”: 会计 (records) and 出纳 (pays) are different people."""
    if cashier.id == accountant.id:
        raise UserError("fund.rule.accountant_is_cashier", name=cashier.name)


def check_not_own(s: Session, application: FundApplication, staff: Staff) -> None:
    """规则“本人及家庭回避”: nobody decides on their own or their household's application."""
    if roles.same_household(s, staff, applicant_resident(s, application)):
        raise UserError("fund.rule.own_household", name=staff.name)


def check_notice_ended(s: Session, application: FundApplication, on: date) -> None:
    """规则“公示期满方可发放”: payment only after the notice's last day."""
    notice = s.get(FundNotice, application.notice_id) if application.notice_id else None
    if notice is None or on <= notice.ends_on:
        ends = notice.ends_on.isoformat() if notice is not None else ""
        raise UserError("fund.rule.notice_not_ended", ends=ends)


def check_no_open_objection(s: Session, application: FundApplication) -> None:
    """规则“异议未处理不得发放”: an unresolved or upheld objection blocks payment."""
    open_ = s.scalar(
        select(func.count())
        .select_from(FundObjection)
        .where(
            # a deleted objection still counts: an objection is resolved on the record, never
            # made to vanish (the recycle bin can mark any synced row deleted)
            FundObjection.application_id == application.id,
            (FundObjection.resolved_on.is_(None)) | (FundObjection.outcome == "upheld"),
        )
    )
    if open_:
        raise UserError("fund.rule.objection_open", count=int(open_))
