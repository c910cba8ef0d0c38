"""个人信息查询 (PIPL 第四十五条): everything the office holds on one person, for that person —
the resident record and its special groups, the household, the household's visits, the
requests they made, their wishes and consents, their fund applications and payments, and who
revealed their full ID number or phone. Read in one transaction, handed out as a workbook (one
sheet: 部分 · 序号 · 项目 · 内容) and a printable PDF; the export holds the full ID number and
phone, so it needs the role that handles data-subject requests (ERASE_PERSONAL), and it is
audited (who, whose — no values)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, TypeVar

import orjson
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from redoffice.accounts.permissions import Permission
from redoffice.cases.service import SATISFACTIONS
from redoffice.cases.service import STATUSES as CASE_STATUSES
from redoffice.fund.codes import STATUSES as FUND_STATUSES
from redoffice.kit import audit_log, codes
from redoffice.kit.db import Database
from redoffice.kit.money import yuan
from redoffice.kit.records import live
from redoffice.kit.workbook import rows_workbook
from redoffice.models import (
    AuditLog,
    Case,
    FundApplication,
    FundEntry,
    Grid,
    Household,
    Resident,
    ResidentTag,
    SyncedRecord,
    Visit,
    Wish,
)
from redoffice.registry import access
from redoffice.reports.subject import subject_pdf
from redoffice.settings import community
from redoffice.wishes.service import STATUSES as WISH_STATUSES

Pairs = list[tuple[str, str]]
R = TypeVar("R", bound=SyncedRecord)


@dataclass(frozen=True)
class Section:
    """One part of the answer: its title and its records, each a list of (项目, 内容)."""

    title: str
    records: list[Pairs]


@dataclass(frozen=True)
class SubjectAnswer:
    name: str
    made_on: date
    sections: list[Section]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _resident(s: Session, r: Resident) -> Section:
    pairs: Pairs = [
        ("姓名", r.name),
        ("性别", codes.label(codes.GENDERS, r.gender)),
        ("身份证号", r.id_number or ""),
        ("出生日期", _text(r.birth_date)),
        ("民族", r.ethnicity),
        ("联系电话", r.phone),
        ("政治面貌", codes.label(codes.POLITICAL_STATUSES, r.political_status)),
        ("所在党组织", r.party_org),
        ("入党时间", _text(r.party_join_date)),
        ("户籍地", r.hukou_place),
        ("现住址", r.current_address),
        ("人员类型", codes.label(codes.RESIDENCE_TYPES, r.residence_type)),
        ("状态", codes.label(codes.RESIDENT_STATUSES, r.status)),
        ("状态日期", _text(r.status_date)),
        ("状态原因", r.status_reason),
        ("备注", r.notes),
    ]
    tags = _live(s, ResidentTag, ResidentTag.resident_id == r.id, ResidentTag.since)
    records = [pairs] + [
        [
            ("特殊人群", codes.label(codes.TAGS, t.tag)),
            ("起止", f"{_text(t.since)} 至 {_text(t.until) or '今'}"),
            ("说明", t.note),
        ]
        for t in tags
    ]
    return Section("居民信息", records)


def _household(s: Session, r: Resident) -> Section:
    home = s.get(Household, r.household_id) if r.household_id else None
    if home is None:
        return Section("住户", [])
    grid = s.get(Grid, home.grid_id) if home.grid_id else None
    pair = [
        ("住址", home.address),
        ("网格", grid.name if grid else ""),
        ("与户主关系", codes.label(codes.RELATIONS, r.relation)),
    ]
    return Section("住户", [pair])


def _live(s: Session, model: type[R], where: ColumnElement[bool], order: Any) -> list[R]:
    """The rows of ``model`` matching ``where`` that are not deleted, in ``order``."""
    return list(s.scalars(select(model).where(where, model.deleted.is_(False)).order_by(order)))


def _visits(s: Session, r: Resident) -> Section:
    if not r.household_id:
        return Section("入户走访（本户）", [])
    rows = _live(s, Visit, Visit.household_id == r.household_id, Visit.visit_date)
    return Section("入户走访（本户）", [_visit(v) for v in rows])


def _visit(v: Visit) -> Pairs:
    purposes = "、".join(orjson.loads(v.purposes or "[]"))
    return [
        ("走访日期", _text(v.visit_date)),
        ("走访事项", purposes),
        ("情况", v.situation),
        ("备注", v.notes),
    ]


def _cases(s: Session, r: Resident) -> Section:
    rows = _live(s, Case, Case.reporter_resident_id == r.id, Case.accepted_at)
    return Section("民情诉求（本人反映）", [_case(c) for c in rows])


def _case(c: Case) -> Pairs:
    return [
        ("编号", c.number),
        ("受理时间", _text(c.accepted_at)),
        ("诉求内容", c.description),
        ("状态", codes.label(CASE_STATUSES, c.status)),
        ("满意度", codes.label(SATISFACTIONS, c.satisfaction)),
    ]


def _wishes(s: Session, r: Resident) -> Section:
    rows = _live(s, Wish, Wish.beneficiary_id == r.id, Wish.collected_on)
    return Section("微心愿及同意记录", [_wish(w) for w in rows])


def _wish(w: Wish) -> Pairs:
    return [
        ("编号", w.number),
        ("心愿内容", w.text),
        ("状态", codes.label(WISH_STATUSES, w.status)),
        ("登记日期", _text(w.collected_on)),
        ("本人同意公开", _text(w.consent_on) or "未登记"),
        ("监护人", w.guardian),
        ("监护人同意", _text(w.guardian_consent_on)),
        ("兑现日期", _text(w.fulfilled_on)),
    ]


def _fund(s: Session, r: Resident) -> Section:
    apps = _live(
        s, FundApplication, FundApplication.resident_id == r.id, FundApplication.applied_on
    )
    paid = select(FundEntry).where(
        or_(
            FundEntry.application_id.in_([a.id for a in apps]),
            FundEntry.donor_resident_id == r.id,
        )
    )
    records: list[Pairs] = [
        [
            ("申请编号", a.number),
            ("申请日期", _text(a.applied_on)),
            ("申请金额（元）", yuan(a.amount_asked)),
            ("批准金额（元）", yuan(a.amount_approved)),
            ("状态", codes.label(FUND_STATUSES, a.status)),
            ("申请事由", a.reason),
        ]
        for a in apps
    ]
    records += [
        [
            ("台账序号", str(e.number)),
            ("日期", _text(e.entry_date)),
            ("金额（元）", yuan(abs(e.amount))),
            ("收支", "发放" if e.amount < 0 else "捐赠"),
        ]
        for e in s.scalars(paid.order_by(FundEntry.number))
    ]
    return Section("红色基金", records)


FIELD_NAMES: Final = {"id_number": "身份证号", "phone": "联系电话"}


def _reveals(s: Session, r: Resident) -> Section:
    rows = s.scalars(
        select(AuditLog)
        .where(
            AuditLog.table_name == "resident",
            AuditLog.row_id == r.id,
            AuditLog.action.in_(("reveal", "subject_export")),
        )
        .order_by(AuditLog.id)
    )
    return Section(
        "查看完整信息的记录",
        [
            [
                ("时间", _text(a.at)),
                ("经办人", a.actor),
                ("内容", _what(a)),
            ]
            for a in rows
        ],
    )


def _what(entry: AuditLog) -> str:
    if entry.action == "subject_export":
        return "导出个人信息查询结果"
    field = orjson.loads(entry.fields or "{}").get("field", "")
    return f"显示完整{FIELD_NAMES.get(field, field)}"


PARTS: Final[Sequence[Callable[[Session, Resident], Section]]] = (
    _resident,
    _household,
    _visits,
    _cases,
    _wishes,
    _fund,
    _reveals,
)


def subject_answer(db: Database, resident_id: str, today: date) -> SubjectAnswer:
    """Everything held on the resident, read in one transaction; the export is audited.
    Refused for a role that does not handle data-subject requests."""
    access.require(db, Permission.ERASE_PERSONAL)
    with db.uow() as s:
        person = live(s, Resident, resident_id, "resident.not_found")
        sections = [part(s, person) for part in PARTS]
        audit_log.record(s, "subject_export", "resident", resident_id, {})
        return SubjectAnswer(person.name, today, sections)


def answer_rows(answer: SubjectAnswer) -> list[list[str]]:
    """部分, 序号, 项目, 内容: a part with nothing held reads 无."""
    rows: list[list[str]] = []
    for section in answer.sections:
        if not section.records:
            rows.append([section.title, "", "", "无"])
        for n, record in enumerate(section.records, start=1):
            rows += [[section.title, str(n), label, value] for label, value in record]
    return rows


def answer_workbook(answer: SubjectAnswer) -> bytes:
    title = f"个人信息查询结果：{answer.name}（{answer.made_on.isoformat()}）"
    return rows_workbook(
        "个人信息查询", [[title], ["部分", "序号", "项目", "内容"]], answer_rows(answer)
    )


def answer_pdf(answer: SubjectAnswer, community_name: str) -> bytes:
    parts = [(s.title, s.records) for s in answer.sections]
    return subject_pdf(community_name, answer.name, answer.made_on, parts)


def export_answer(db: Database, resident_id: str, today: date) -> tuple[str, bytes, bytes]:
    """The person's name, the workbook and the PDF (one audited read)."""
    answer = subject_answer(db, resident_id, today)
    return answer.name, answer_workbook(answer), answer_pdf(answer, community.heading_name(db))
