"""红色基金 reads for the 基金 page, the 审批表 and the 工作台: applications with what each one
is waiting for and by whom, one application in full, the 公示 calendar, and the cards
(waiting on me, notices ending, payments due)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from redoffice.fund import roles
from redoffice.fund.applications import OUTCOMES, allowed_steps
from redoffice.fund.codes import HARDSHIPS, PAY_METHODS, PAY_PLACES, ROLES, STATUSES, USES
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.records import contains, live
from redoffice.models import (
    Attachment,
    Estate,
    FundAccount,
    FundApplication,
    FundEntry,
    FundNotice,
    FundObjection,
    FundStep,
    Grid,
    Household,
    PartyMember,
    Resident,
    Staff,
    StreetDecision,
)
from redoffice.street.decisions import OUTCOMES as STREET_OUTCOMES

STEP_LABELS: Final = {
    "applied": "申请",
    "reviewed": "初审",
    "approved": "社区审核",
    "approved_higher": "上级审批",
    "noticed": "公示",
    "paid": "发放",
    "rejected": "不予批准",
    "withdrawn": "撤回",
    "objection": "收到异议",
    "objection_resolved": "处理异议",
}
# the status -> (the next step forward, the role that takes it)
NEXT: Final = {
    "applied": ("review", "reviewer", "初审"),
    "reviewed": ("approve", "reviewer", "审核"),
    "pending_higher": ("approve_higher", "", "审批"),
    "approved": ("notice", "handler", "公示"),
    "on_notice": ("pay", "cashier", "发放"),
}


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    number: str
    applicant: str
    resident_id: str | None
    member_id: str | None
    grid: str
    estate: str
    hardship: str  # label
    use: str  # code
    use_label: str
    amount_asked: int  # fen
    amount_approved: int | None
    amount_paid: int  # fen, reversals netted
    applied_on: date
    status: str
    status_label: str
    waiting_for: str  # "待 审核人 初审", "公示中，至 3月24日", "有异议未处理", "待 出纳 发放"
    notice_ends: date | None
    open_objections: int


@dataclass(frozen=True)
class StepRow:
    step: str
    label: str
    from_status: str
    to_status: str
    staff: str  # name
    acted_on: date
    opinion: str
    amount: int | None


@dataclass(frozen=True)
class ObjectionRow:
    id: str
    received_on: date
    text: str
    resolved_on: date | None
    outcome: str
    outcome_label: str
    resolution: str
    resolved_by: str  # name


@dataclass(frozen=True)
class PaymentRow:
    entry_id: str
    number: int
    entry_date: date
    amount: int  # fen paid (positive)
    method: str  # label
    place: str  # label
    voucher_no: str
    cashier: str
    accountant: str
    reversed: bool


@dataclass(frozen=True)
class NoticeRow:
    id: str
    number: str
    title: str
    basis: str
    starts_on: date
    ends_on: date
    phone: str
    issuer: str
    running: bool  # today within starts_on..ends_on
    ended: bool  # today after ends_on
    applications: int
    open_objections: int


@dataclass(frozen=True)
class ApplicationDetail:
    """Everything the detail pane and the 红色基金申请审批表 show."""

    row: ApplicationRow
    account_id: str
    account: str
    hardship_code: str
    reason: str
    family_size: int | None
    income_per_capita: int | None  # fen a month
    entered_by: str  # name
    repeat_override: str
    closed_reason: str
    needs_higher: bool
    notice: NoticeRow | None
    steps: list[StepRow]
    objections: list[ObjectionRow]
    attachments: int
    payments: list[PaymentRow]


_member_resident = aliased(Resident)


def _row_query() -> Select[FundApplication, str, str, str, date]:
    """Applications with their applicant's name, grid and 小区 (a member via their resident)."""
    holder = func.coalesce(Resident.household_id, _member_resident.household_id)
    return (
        select(
            FundApplication,
            func.coalesce(Resident.name, PartyMember.name),
            Grid.name,
            Estate.name,
            FundNotice.ends_on,
        )
        .outerjoin(Resident, Resident.id == FundApplication.resident_id)
        .outerjoin(PartyMember, PartyMember.id == FundApplication.member_id)
        .outerjoin(_member_resident, _member_resident.id == PartyMember.resident_id)
        .outerjoin(Household, Household.id == holder)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(Estate, Estate.id == Household.estate_id)
        .outerjoin(FundNotice, FundNotice.id == FundApplication.notice_id)
        .where(FundApplication.deleted.is_(False))
    )


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + 500] for i in range(0, len(ids), 500)]


def _street_decided(s: Session, ids: list[str]) -> dict[str, str]:
    """At the street: its decision on applications still 待上级审批 in its copy (the
    community's row moves only when the community has taken the decision in and sent its
    next package), as their status reads: 待上级审批（街道已批准，待社区回传）."""
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        for app_id, outcome in s.execute(
            select(StreetDecision.application_id, StreetDecision.outcome).where(
                StreetDecision.application_id.in_(chunk), StreetDecision.deleted.is_(False)
            )
        ):
            verdict = STREET_OUTCOMES.get(outcome, outcome)
            found[app_id] = f"{STATUSES['pending_higher']}（街道已{verdict}，待社区回传）"
    return found


def _open_objections(s: Session, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(ids):
        for app_id, count in s.execute(
            select(FundObjection.application_id, func.count())
            .where(
                FundObjection.application_id.in_(chunk),  # deleted ones too, like the rule
                or_(FundObjection.resolved_on.is_(None), FundObjection.outcome == "upheld"),
            )
            .group_by(FundObjection.application_id)
        ):
            found[app_id] = int(count)
    return found


def _paid(s: Session, ids: list[str]) -> dict[str, int]:
    """Application id -> fen paid, reversals of its payments netted."""
    paid: dict[str | None, int] = defaultdict(int)
    for chunk in _chunks(ids):
        payments = select(FundEntry.id).where(FundEntry.application_id.in_(chunk))
        for app_id, amount in s.execute(
            select(FundEntry.application_id, func.sum(FundEntry.amount))
            .where(FundEntry.application_id.in_(chunk), FundEntry.kind == "payment")
            .group_by(FundEntry.application_id)
        ):
            paid[app_id] -= int(amount)
        target = aliased(FundEntry)
        for app_id, amount in s.execute(
            select(target.application_id, func.sum(FundEntry.amount))
            .join(target, target.id == FundEntry.reverses_id)
            .where(FundEntry.reverses_id.in_(payments), FundEntry.kind == "reversal")
            .group_by(target.application_id)
        ):
            paid[app_id] -= int(amount)
    return {k: v for k, v in paid.items() if k}


NOTICE_ENDED: Final = "公示期满（待发放）"
NOTICE_ENDED_OBJECTED: Final = "公示期满（有异议未处理）"


def status_label(status: str, notice_ends: date | None, open_objections: int, today: date) -> str:
    """The status as lists show it: an application still 公示中 (``on_notice``) whose notice
    has ended reads 公示期满（待发放） — or （有异议未处理） while an objection is open; the
    state itself stays ``on_notice`` until it is paid."""
    if status == "on_notice" and notice_ends is not None and notice_ends < today:
        return NOTICE_ENDED_OBJECTED if open_objections else NOTICE_ENDED
    return STATUSES.get(status, status)


def waiting_text(status: str, notice_ends: date | None, open_objections: int, today: date) -> str:
    """What an application is waiting for, and by whom."""
    if status == "on_notice":
        if open_objections:
            return "有异议未处理"
        if notice_ends is not None and today <= notice_ends:
            return f"公示中，至 {notice_ends.month}月{notice_ends.day}日"
        return f"公示期满，待 {ROLES['cashier']} 发放"
    if status == "pending_higher":
        return "待 上级 审批"
    step = NEXT.get(status)
    if step is None:
        return ""
    return f"待 {ROLES[step[1]]} {step[2]}"


def _rows(
    s: Session, query: Select[FundApplication, str, str, str, date], today: date
) -> list[ApplicationRow]:
    found = s.execute(query).all()
    ids = [app.id for app, *_ in found]
    objections = _open_objections(s, ids)
    paid = _paid(s, ids)
    decided = _street_decided(s, [app.id for app, *_ in found if app.status == "pending_higher"])
    rows = []
    for app, name, grid, estate, ends in found:
        open_ = objections.get(app.id, 0)
        label = status_label(app.status, ends, open_, today)
        rows.append(
            ApplicationRow(
                id=app.id,
                number=app.number,
                applicant=name or "",
                resident_id=app.resident_id,
                member_id=app.member_id,
                grid=grid or "",
                estate=estate or "",
                hardship=HARDSHIPS.get(app.hardship, app.hardship),
                use=app.use,
                use_label=USES.get(app.use, app.use),
                amount_asked=app.amount_asked,
                amount_approved=app.amount_approved,
                amount_paid=paid.get(app.id, 0),
                applied_on=app.applied_on,
                status=app.status,
                status_label=decided.get(app.id, label),
                waiting_for=waiting_text(app.status, ends, open_, today),
                notice_ends=ends,
                open_objections=open_,
            )
        )
    return rows


def application_rows(
    db: Database, status: str | None = None, text: str = ""
) -> list[ApplicationRow]:
    """Applications, newest first; ``status`` one of STATUSES; ``text`` in number or name."""
    query = _row_query()
    if status:
        query = query.where(FundApplication.status == status)
    query = query.where(
        *contains(text, FundApplication.number, Resident.name, PartyMember.name)
    ).order_by(FundApplication.applied_on.desc(), FundApplication.number.desc())
    with db.read() as s:
        return _rows(s, query, clock.today())


def _one_row(s: Session, application_id: str) -> ApplicationRow:
    rows = _rows(s, _row_query().where(FundApplication.id == application_id), clock.today())
    return rows[0]


def _names(s: Session, ids: set[str | None]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(wanted))).all())


def _street_clerk(s: Session, application_id: str) -> str:
    """Who at the street decided the application (街道办·<clerk>): the 办理人 of the step the
    street's decision wrote (a step with no staff member of the community); "" when none."""
    clerk = s.scalar(
        select(StreetDecision.decided_by).where(
            StreetDecision.application_id == application_id, StreetDecision.deleted.is_(False)
        )
    )
    return "" if clerk is None else f"街道办·{clerk}"


def _notice_rows(s: Session, query: Select[Any], today: date) -> list[NoticeRow]:
    notices = list(s.scalars(query))
    ids = [n.id for n in notices]
    apps: dict[str | None, int] = {}
    open_: dict[str | None, int] = {}
    for chunk in _chunks(ids):
        apps.update(
            (k, int(v))
            for k, v in s.execute(
                select(FundApplication.notice_id, func.count())
                .where(FundApplication.notice_id.in_(chunk), FundApplication.deleted.is_(False))
                .group_by(FundApplication.notice_id)
            )
        )
        open_.update(
            (k, int(v))
            for k, v in s.execute(
                select(FundObjection.notice_id, func.count())
                .where(
                    FundObjection.notice_id.in_(chunk),  # deleted ones too, like the rule
                    or_(FundObjection.resolved_on.is_(None), FundObjection.outcome == "upheld"),
                )
                .group_by(FundObjection.notice_id)
            )
        )
    return [
        NoticeRow(
            id=n.id,
            number=n.number,
            title=n.title,
            basis=n.basis,
            starts_on=n.starts_on,
            ends_on=n.ends_on,
            phone=n.phone,
            issuer=n.issuer,
            running=n.starts_on <= today <= n.ends_on,
            ended=today > n.ends_on,
            applications=apps.get(n.id, 0),
            open_objections=open_.get(n.id, 0),
        )
        for n in notices
    ]


def application_detail(db: Database, application_id: str) -> ApplicationDetail:
    """One application in full: steps with names, objections, attachments, payments."""
    with db.read() as s:
        app = live(s, FundApplication, application_id, "fund.application_not_found")
        today = clock.today()
        steps = list(
            s.scalars(
                select(FundStep)
                .where(FundStep.application_id == app.id, FundStep.deleted.is_(False))
                .order_by(FundStep.created_seq, FundStep.acted_on)  # as recorded
            )
        )
        objections = list(
            s.scalars(
                select(FundObjection)
                .where(FundObjection.application_id == app.id)  # deleted ones too
                .order_by(FundObjection.received_on)
            )
        )
        entries = list(
            s.scalars(
                select(FundEntry)
                .where(FundEntry.application_id == app.id, FundEntry.kind == "payment")
                .order_by(FundEntry.number)
            )
        )
        reversed_ids = set(
            s.scalars(
                select(FundEntry.reverses_id).where(
                    FundEntry.reverses_id.in_([e.id for e in entries])
                )
            )
        )
        names = _names(
            s,
            {st.staff_id for st in steps}
            | {o.resolved_by for o in objections}
            | {e.handled_by for e in entries}
            | {e.checked_by for e in entries}
            | {app.entered_by},
        )
        street = _street_clerk(s, app.id)
        account = s.get(FundAccount, app.account_id)
        notice = None
        if app.notice_id:
            notice = _notice_rows(
                s, select(FundNotice).where(FundNotice.id == app.notice_id), today
            )[0]
        attachments = s.scalar(
            select(func.count())
            .select_from(Attachment)
            .where(
                Attachment.owner_table == "fund_application",
                Attachment.owner_id == app.id,
                Attachment.deleted.is_(False),
            )
        )
        return ApplicationDetail(
            row=_one_row(s, app.id),
            account_id=app.account_id,
            account=account.name if account else "",
            hardship_code=app.hardship,
            reason=app.reason,
            family_size=app.family_size,
            income_per_capita=app.income_per_capita,
            entered_by=names.get(app.entered_by, ""),
            repeat_override=app.repeat_override,
            closed_reason=app.closed_reason,
            needs_higher=app.needs_higher,
            notice=notice,
            steps=[
                StepRow(
                    step=st.step,
                    label=STEP_LABELS.get(st.step, st.step),
                    from_status=st.from_status,
                    to_status=st.to_status,
                    staff=names.get(st.staff_id, "") if st.staff_id else street,
                    acted_on=st.acted_on,
                    opinion=st.opinion,
                    amount=st.amount,
                )
                for st in steps
            ],
            objections=[
                ObjectionRow(
                    id=o.id,
                    received_on=o.received_on,
                    text=o.text,
                    resolved_on=o.resolved_on,
                    outcome=o.outcome,
                    outcome_label=OUTCOMES.get(o.outcome, ""),
                    resolution=o.resolution,
                    resolved_by=names.get(o.resolved_by or "", ""),
                )
                for o in objections
            ],
            attachments=int(attachments or 0),
            payments=[
                PaymentRow(
                    entry_id=e.id,
                    number=e.number,
                    entry_date=e.entry_date,
                    amount=-e.amount,
                    method=PAY_METHODS.get(e.pay_method, e.pay_method),
                    place=PAY_PLACES.get(e.pay_place, e.pay_place),
                    voucher_no=e.voucher_no,
                    cashier=names.get(e.handled_by, ""),
                    accountant=names.get(e.checked_by or "", ""),
                    reversed=e.id in reversed_ids,
                )
                for e in entries
            ],
        )


def notice_rows(db: Database) -> list[NoticeRow]:
    """The 公示 calendar: every notice, latest end first (running, objections, ends)."""
    query = (
        select(FundNotice)
        .where(FundNotice.deleted.is_(False))
        .order_by(FundNotice.ends_on.desc(), FundNotice.number.desc())
    )
    with db.read() as s:
        return _notice_rows(s, query, clock.today())


def notices_ending(db: Database, within_days: int | None = None) -> list[NoticeRow]:
    """The 工作台's 本周公示期满: notices whose last day falls in the current calendar week
    (Monday to Sunday of today, those that ended earlier this week included); with
    ``within_days``, those ending from today to that many days on instead."""
    today = clock.today()
    if within_days is None:
        first = today - timedelta(days=today.weekday())
        last = first + timedelta(days=6)
    else:
        first, last = today, today + timedelta(days=within_days)
    query = (
        select(FundNotice)
        .where(
            FundNotice.deleted.is_(False),
            FundNotice.ends_on.between(first, last),
        )
        .order_by(FundNotice.ends_on, FundNotice.number)
    )
    with db.read() as s:
        return _notice_rows(s, query, today)


def payments_due(db: Database) -> list[ApplicationRow]:
    """公示中 applications whose notice has ended with no open objection: to be paid."""
    today = clock.today()
    query = (
        _row_query()
        .where(FundApplication.status == "on_notice", FundNotice.ends_on < today)
        .order_by(FundNotice.ends_on, FundApplication.number)
    )
    with db.read() as s:
        return [r for r in _rows(s, query, today) if not r.open_objections]


def waiting_on(db: Database, staff_id: str) -> list[ApplicationRow]:
    """Applications whose next step needs a role this person holds and that they may take (not
    their own household's, not approving what they entered): to review, approve, record the
    上级's decision, put on 公示, resolve an objection, or pay once the notice has ended."""
    today = clock.today()
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        if staff is None or staff.deleted or not roles.roles_of(staff):
            return []
        query = (
            _row_query()
            .where(FundApplication.status.in_(tuple(NEXT)))
            .order_by(FundApplication.applied_on, FundApplication.number)
        )
        rows = _rows(s, query, today)
        apps = {
            a.id: a
            for chunk in _chunks([r.id for r in rows])
            for a in s.scalars(select(FundApplication).where(FundApplication.id.in_(chunk)))
        }
        held = roles.roles_of(staff)
        mine = []
        for row in rows:
            app = apps[row.id]
            allowed = allowed_steps(s, app, staff)
            if row.status == "pending_higher":
                ok = "approve_higher" in allowed
            elif row.status == "on_notice":
                if row.open_objections:
                    ok = "reviewer" in held and "reject" in allowed
                else:
                    ended = row.notice_ends is not None and today > row.notice_ends
                    ok = ended and "pay" in allowed
            else:
                ok = NEXT[row.status][0] in allowed
            if ok:
                mine.append(row)
        return mine
