"""The street's 上级审批 of fund applications and its 答复 to escalated cases (issue 15).

Street side: :func:`decide` and :func:`reply` write a street-owned record pointing at the
community's application or case (the community's own rows are never changed at the street);
it travels in the next receipt to that community (:mod:`redoffice.street.orders`).

Community side: :func:`take_effect`, inside the receipt's transaction, for each record new
here: a decision moves the application along ``fund.applications.TRANSITIONS`` (approved →
``approve_higher``'s end, rejected → ``reject``'s, the opinion as the step's and the closing
reason), with its step written as the 上级审批; a reply enters the case's timeline. A decision
whose application is no longer awaiting it (withdrawn meanwhile, decided on paper) is kept and
reported, the application left as it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redoffice.cases.service import OPEN as CASE_OPEN
from redoffice.cases.service import STATUSES as CASE_STATUSES
from redoffice.fund.applications import STEP_KINDS, TRANSITIONS
from redoffice.fund.codes import HARDSHIPS, USES
from redoffice.fund.codes import STATUSES as FUND_STATUSES
from redoffice.kit.clock import utcnow
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.messages import message
from redoffice.kit.money import yuan
from redoffice.kit.validation import Checker
from redoffice.models import (
    Case,
    CaseEvent,
    FundApplication,
    FundStep,
    Resident,
    StreetDecision,
    StreetReply,
    SyncPartner,
)
from redoffice.settings.calendar import local_date
from redoffice.sync import node

APPROVE: Final = "approve"
REJECT: Final = "reject"
AWAITING: Final = "pending_higher"  # 待上级审批
OUTCOMES: Final = MappingProxyType({APPROVE: "批准", REJECT: "驳回"})


@dataclass(frozen=True)
class Awaiting:
    """An application awaiting the street's 上级审批, or an escalated case awaiting its 答复."""

    id: str
    community: str
    number: str
    who: str  # the applicant's name; the case's category
    what: str  # the amount approved by the community (yuan) and use; the escalation reason
    since: date
    state: str = "待上级审批"  # in words: a case's 受理/办理中/已办结/已回访
    closed: bool = False  # a case already 办结 (or 回访) at its community
    details: tuple[tuple[str, str], ...] = ()  # (label, value) to judge it by, in words


@dataclass(frozen=True)
class Decided:
    """What ``street decide`` / ``street reply`` report."""

    id: str
    record: str  # the application's or case's number
    community: str  # the community's name
    outcome: str


def _community_name(s: Session, node_id: str) -> str:
    partner = s.get(SyncPartner, node_id)
    return partner.name if partner is not None else node_id


def _one(s: Session, model: Any, reference: str, missing: str, community: str | None) -> Any:
    """The community record named by id or by number, of ``community`` (node id or code)
    when given (a number several communities use is ambiguous without it)."""
    ref = reference.strip()
    chosen = select(model).where(
        ((model.id == ref) | (model.number == ref)),
        model.deleted.is_(False),
        model.owner_node != s.info.get("node_id"),
    )
    if community:
        owner = s.scalar(
            select(SyncPartner.node_id).where(
                (SyncPartner.node_id == community) | (SyncPartner.code == community)
            )
        )
        if owner is None:
            raise UserError("street.unknown_community", name=community)
        chosen = chosen.where(model.owner_node == owner)
    found = list(s.scalars(chosen))
    if not found:
        raise UserError(missing, ref=ref)
    if len(found) > 1:
        names = "、".join(sorted(_community_name(s, f.owner_node) for f in found))
        raise UserError("street.ambiguous", ref=ref, communities=names)
    return found[0]


def decide(
    db: Database, application: str, outcome: str, opinion: str, community: str | None = None
) -> Decided:
    """上级审批 of an application awaiting it (by id, or number of ``community``):
    ``outcome`` approve or reject (an opinion is required for a rejection). One decision per
    application."""
    node.require(db, node.STREET)
    c = Checker()
    c.choice("street_outcome", outcome, OUTCOMES)
    text = c.text("street_opinion", opinion, required=outcome == REJECT, max_len=2000)
    c.raise_if_any()
    with db.uow() as s:
        app = _one(s, FundApplication, application, "street.application_not_found", community)
        if app.status != AWAITING:
            status = FUND_STATUSES.get(app.status, app.status)
            raise UserError("street.not_awaiting", number=app.number, status=status)
        earlier = s.scalar(
            select(StreetDecision.id).where(
                StreetDecision.application_id == app.id, StreetDecision.deleted.is_(False)
            )
        )
        if earlier is not None:
            raise UserError("street.already_decided", number=app.number)
        decision = StreetDecision(
            community_node=app.owner_node,
            application_id=app.id,
            outcome=outcome,
            opinion=text,
            decided_by=str(s.info.get("actor") or ""),
            decided_at=utcnow(),
        )
        s.add(decision)
        number = app.number
        try:
            s.flush()
        except IntegrityError as exc:  # another clerk decided it since the read above
            raise UserError("street.already_decided", number=number) from exc
        return Decided(decision.id, app.number, _community_name(s, app.owner_node), outcome)


def reply(
    db: Database, case: str, department: str, text: str, community: str | None = None
) -> Decided:
    """答复 to a case its community escalated (转街道; by id, or number of ``community``),
    naming the 承办部门."""
    node.require(db, node.STREET)
    c = Checker()
    dept = c.text("street_department", department, required=True, max_len=64)
    body = c.text("street_reply", text, required=True, max_len=2000)
    c.raise_if_any()
    with db.uow() as s:
        found = _one(s, Case, case, "street.case_not_found", community)
        if not found.escalated:
            raise UserError("street.not_escalated", number=found.number)
        answer = StreetReply(
            community_node=found.owner_node,
            case_id=found.id,
            department=dept,
            text=body,
            replied_by=str(s.info.get("actor") or ""),
            replied_at=utcnow(),
        )
        s.add(answer)
        s.flush()
        return Decided(answer.id, found.number, _community_name(s, found.owner_node), "reply")


def awaiting(db: Database) -> list[Awaiting]:
    """At the street: the communities' applications in 待上级审批 not yet decided here."""
    node.require(db, node.STREET)
    decided = select(StreetDecision.application_id).where(StreetDecision.deleted.is_(False))
    with db.read() as s:
        names = _names(s)
        rows = s.execute(
            select(FundApplication, Resident.name)
            .outerjoin(Resident, Resident.id == FundApplication.resident_id)
            .where(
                FundApplication.status == AWAITING,
                FundApplication.deleted.is_(False),
                FundApplication.id.not_in(decided),
            )
            .order_by(FundApplication.applied_on, FundApplication.number)
        ).all()
    return [
        Awaiting(
            a.id,
            names.get(a.owner_node, a.owner_node),
            a.number,
            name or "",
            f"{yuan(a.amount_approved)} 元 · {USES.get(a.use, a.use)}",
            a.applied_on,
            details=_application_details(a),
        )
        for a, name in rows
    ]


def _money(fen: int | None) -> str:
    return "未填写" if fen is None else f"{yuan(fen)} 元"


def _application_details(a: FundApplication) -> tuple[tuple[str, str], ...]:
    """What the street judges an application by (the 审批表's facts), in words."""
    return (
        ("申请金额", _money(a.amount_asked)),
        ("社区批准金额", _money(a.amount_approved)),
        ("用途", USES.get(a.use, a.use)),
        ("困难类型", HARDSHIPS.get(a.hardship, a.hardship)),
        ("家庭人口", "未填写" if a.family_size is None else f"{a.family_size} 人"),
        ("人均月收入", _money(a.income_per_capita)),
        ("申请事由", a.reason or "未填写"),
    )


def escalated(db: Database) -> list[Awaiting]:
    """At the street: the cases communities escalated (转街道) not yet answered here, those
    already 办结 at their community marked ``closed`` (their status in words)."""
    node.require(db, node.STREET)
    answered = select(StreetReply.case_id).where(StreetReply.deleted.is_(False))
    with db.read() as s:
        names = _names(s)
        rows = s.scalars(
            select(Case)
            .where(Case.escalated.is_(True), Case.deleted.is_(False), Case.id.not_in(answered))
            .order_by(Case.accepted_at, Case.number)
        ).all()
    return [
        Awaiting(
            c.id,
            names.get(c.owner_node, c.owner_node),
            c.number,
            c.category,
            c.escalation_reason,
            local_date(c.accepted_at),
            state=CASE_STATUSES.get(c.status, c.status),
            closed=c.status not in CASE_OPEN,
            details=(("诉求内容", c.description), ("转街道原因", c.escalation_reason or "未填写")),
        )
        for c in rows
    ]


def _names(s: Session) -> dict[str, str]:
    return {n: name for n, name in s.execute(select(SyncPartner.node_id, SyncPartner.name))}


def take_effect(s: Session, table: str, row: dict[str, Any]) -> str | None:
    """At the community: the effect of a street record new here; a report in words when a
    decision or reply could not take effect (kept all the same), else None."""
    if table == StreetDecision.__tablename__:
        return _decision_effect(s, row)
    if table == StreetReply.__tablename__:
        return _reply_effect(s, row)
    return None  # a notice: listed, nothing moves


def _mine(s: Session, model: Any, record_id: str) -> Any:
    found = s.get(model, record_id)
    if found is None or found.deleted or found.owner_node != s.info.get("node_id"):
        return None
    return found


def _decision_effect(s: Session, row: dict[str, Any]) -> str | None:
    app = _mine(s, FundApplication, row["application_id"])
    verdict = OUTCOMES[row["outcome"]]
    if app is None:
        return message("street.decision_unknown", outcome=verdict)
    if app.status != AWAITING:
        status = FUND_STATUSES.get(app.status, app.status)
        return message("street.decision_kept", number=app.number, outcome=verdict, status=status)
    step = "approve_higher" if row["outcome"] == APPROVE else "reject"
    start, end = app.status, TRANSITIONS[step][2]
    app.status = end
    if step == "reject":  # nothing is approved: the community's amount is kept in its step
        app.closed_reason = row["opinion"]
        app.amount_approved = None
    s.add(
        FundStep(
            application_id=app.id,
            step=STEP_KINDS[step],
            from_status=start,
            to_status=end,
            staff_id=None,
            acted_on=local_date(row["decided_at"]),
            opinion=row["opinion"],
            amount=app.amount_approved if step == "approve_higher" else None,
        )
    )
    return None


def _reply_effect(s: Session, row: dict[str, Any]) -> str | None:
    case = _mine(s, Case, row["case_id"])
    if case is None:
        return message("street.reply_unknown", department=row["department"])
    s.add(
        CaseEvent(
            case_id=case.id,
            at=row["replied_at"],
            actor=f"街道办·{row.get('replied_by') or row['department']}"[:64],
            kind="note",
            from_status=None,
            to_status=case.status,
            note=message("street.reply_note", department=row["department"], text=row["text"]),
        )
    )
    return None
