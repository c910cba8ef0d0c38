"""变更记录 in the secretary's words: every audited change of a record (and of the rows that
belong to it, such as a resident's 特殊人群), field by field, with Chinese field names, code
labels instead of codes (性别 女, not ``female``), other records by their name or number (the
household's address, not its id), ID numbers and phones masked as on every screen, and no
internal columns (ids, sequence numbers, positions) nor derived ones (search and sort keys, a
household's display address: the models declare them, ``DERIVED_COLUMNS``; a household's
history shows the 小区, 楼栋, 单元 and 室 its address is made of)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Date, Time, select
from sqlalchemy.orm import Session

from redoffice.cases import service as cases
from redoffice.fund import applications as fund_applications
from redoffice.fund import codes as fund_codes
from redoffice.fund.queries import STEP_LABELS as FUND_STEPS
from redoffice.kit import codes, records
from redoffice.kit.audit_log import dump
from redoffice.kit.db import Database
from redoffice.kit.messages import FIELDS
from redoffice.kit.money import yuan
from redoffice.kit.validation import mask_id_number, mask_phone
from redoffice.meetings import codes as meeting_codes
from redoffice.meetings import resolutions
from redoffice.models import (
    DERIVED_COLUMNS,
    AgendaItem,
    AuditBatch,
    AuditLog,
    Base,
    Case,
    Estate,
    FundAccount,
    FundApplication,
    FundEntry,
    FundNotice,
    Grid,
    Household,
    Meeting,
    Organization,
    PartyMember,
    Resident,
    Resolution,
    Staff,
    StreetNotice,
    SyncPartner,
    Visit,
    Wish,
    WishRound,
)
from redoffice.models.base import UTCDateTime
from redoffice.settings.calendar import SHANGHAI
from redoffice.street import decisions as street_decisions
from redoffice.street import notices as street_notices
from redoffice.wishes import service as wishes
from redoffice.wishes.queries import EVENT_LABELS

EMPTY: Final = "—"
# entries that change no field (issue 16): the action in words, and what the entry notes
NOTED: Final = {
    "reveal": "查看完整信息",
    "erase": "清除个人信息",
    "purge_again": "恢复备份后再次登记清除（此人的信息不再接收）",
    "subject_export": "个人信息查询",
}
REVEALED: Final = {"id_number": "身份证号", "phone": "联系电话"}
TYPED_IN: Final = "手工录入"

# Columns no secretary needs to read: keys, bookkeeping, positions (the derived columns, such
# as search and sort keys, are never shown either: DERIVED_COLUMNS, declared by the models).
HIDDEN: Final = frozenset(
    {
        "id",
        "version",
        "updated_at",
        "owner_node",
        "deleted",
        "seq",
        "sync_seq",
        "created_seq",
        "claim_id",
        "owner_table",
        "owner_id",
        "sha256",
        "before",
        "prev_hash",  # the fund ledger's chain: checked by 校验台账, not read
        "hash",
        "last_hash",
    }
)
MASKED: Final = {"id_number": mask_id_number, "phone": mask_phone, "reporter_phone": mask_phone}
MONEY: Final = frozenset(
    {
        "estimated_value",
        "actual_value",
        "amount",
        "balance_after",
        "amount_asked",
        "amount_approved",
        "income_per_capita",
    }
)
LISTS: Final = frozenset({"purposes"})  # JSON arrays of labels

Show = Callable[[Any], str]


def _visit(v: Visit) -> str:
    return f"{v.visit_date.isoformat()} 走访"


def _meeting(m: Meeting) -> str:
    return f"{m.number} {m.title}"


# column -> (the record it names, how that record is named)
REFERENCES: Final[dict[str, tuple[type[Base], Show]]] = {
    "household_id": (Household, lambda h: h.address),
    "grid_id": (Grid, lambda g: g.name),
    "estate_id": (Estate, lambda e: e.name),
    "leader_id": (Staff, lambda p: p.name),
    "staff_id": (Staff, lambda p: p.name),
    "assignee_staff_id": (Staff, lambda p: p.name),
    "property_company_id": (Organization, lambda o: o.name),
    "owners_committee_id": (Organization, lambda o: o.name),
    "assignee_org_id": (Organization, lambda o: o.name),
    "org_id": (Organization, lambda o: o.name),
    "unit_id": (Organization, lambda o: o.name),
    "resident_id": (Resident, lambda r: r.name),
    "reporter_resident_id": (Resident, lambda r: r.name),
    "beneficiary_id": (Resident, lambda r: r.name),
    "member_id": (PartyMember, lambda m: m.name),
    "case_id": (Case, lambda c: c.number),
    "visit_id": (Visit, _visit),
    "wish_id": (Wish, lambda w: w.number),
    "round_id": (WishRound, lambda r: r.name),
    "meeting_id": (Meeting, _meeting),
    "item_id": (AgendaItem, lambda i: i.title),
    "account_id": (FundAccount, lambda a: a.name),
    "application_id": (FundApplication, lambda a: a.number),
    "notice_id": (FundNotice, lambda n: n.number),
    "reverses_id": (FundEntry, lambda e: f"第 {e.number} 笔"),
    "entered_by": (Staff, lambda p: p.name),
    "handled_by": (Staff, lambda p: p.name),
    "checked_by": (Staff, lambda p: p.name),
    "closed_by": (Staff, lambda p: p.name),
    "resolved_by": (Staff, lambda p: p.name),
    "donor_resident_id": (Resident, lambda r: r.name),
    "donor_member_id": (PartyMember, lambda m: m.name),
    "donor_org_id": (Organization, lambda o: o.name),
    "resolution_id": (Resolution, lambda r: r.number),
    "carried_resolution_id": (Resolution, lambda r: r.number),
    "community_node": (SyncPartner, lambda p: p.name),
    "street_node": (SyncPartner, lambda p: p.name),
}
# A column that names another kind of record in one table than REFERENCES says.
TABLE_REFERENCES: Final[dict[tuple[str, str], tuple[type[Base], Show]]] = {
    ("notice_completion", "notice_id"): (StreetNotice, lambda n: n.title),
}

CODE_LISTS: Final[dict[str, dict[str, Mapping[str, str]]]] = {
    "resident": {
        "gender": codes.GENDERS,
        "political_status": codes.POLITICAL_STATUSES,
        "residence_type": codes.RESIDENCE_TYPES,
        "relation": codes.RELATIONS,
        "status": codes.RESIDENT_STATUSES,
    },
    "household": {"residence_status": codes.HOUSEHOLD_STATUSES},
    "organization": {"kind": codes.ORGANIZATION_KINDS},
    "staff": {"role": codes.STAFF_ROLES},
    "resident_tag": {"tag": codes.TAGS},
    "visit_participant": {"role": codes.VISIT_ROLES},
    "case_record": {
        "source": cases.SOURCES,
        "urgency": cases.URGENCIES,
        "status": cases.STATUSES,
        "satisfaction": cases.SATISFACTIONS,
    },
    "meeting": {"status": meeting_codes.STATUSES},
    "meeting_attendee": {"party": meeting_codes.PARTIES, "attendance": meeting_codes.ATTENDANCE},
    "agenda_item": {"source": codes.AGENDA_SOURCES},
    "resolution": {"party": meeting_codes.PARTIES, "status": resolutions.STATUSES},
    "resolution_note": {"status": resolutions.STATUSES},
    "case_event": {
        "kind": codes.CASE_EVENT_KINDS,
        "from_status": cases.STATUSES,
        "to_status": cases.STATUSES,
        "satisfaction": cases.SATISFACTIONS,
    },
    "wish": {
        "status": wishes.STATUSES,
        "category": wishes.CATEGORIES,
        "verify_method": wishes.VERIFY_METHODS,
        "satisfaction": wishes.SATISFACTION,
        "group_tag": codes.TAGS,
    },
    "wish_claim": {"status": codes.CLAIM_STATUSES},
    "fund_account": {"kind": fund_codes.ACCOUNT_KINDS},
    "fund_entry": {
        "kind": fund_codes.ENTRY_KINDS,
        "source": fund_codes.SOURCES,
        "use": fund_codes.USES,
        "donor_kind": fund_codes.DONOR_KINDS,
        "pay_method": fund_codes.PAY_METHODS,
        "pay_place": fund_codes.PAY_PLACES,
    },
    "fund_application": {
        "hardship": fund_codes.HARDSHIPS,
        "use": fund_codes.USES,
        "status": fund_codes.STATUSES,
    },
    "fund_step": {
        "step": FUND_STEPS,
        "from_status": fund_codes.STATUSES,
        "to_status": fund_codes.STATUSES,
    },
    "fund_objection": {"outcome": fund_applications.OUTCOMES},
    "wish_event": {"kind": EVENT_LABELS, "group_tag": codes.TAGS},
    "street_decision": {"outcome": street_decisions.OUTCOMES},
    "street_notice": {"kind": street_notices.KINDS},
}

# Field names where a table means something else than the shared FIELDS wording.
LABELS: Final[dict[str, dict[str, str]]] = {
    "grid": {"name": "网格名称", "code": "网格编码"},
    "estate": {"name": "小区名称"},
    "organization": {"name": "单位名称"},
    "household": {"address": "地址", "address_text": "地址（散居）"},
    "resident": {"status_reason": "变动原因"},
    "resident_tag": {"since": "开始日期", "until": "结束日期", "note": "备注"},
    "visit": {"household_id": "住户"},
    "visit_participant": {"role": "身份", "staff_id": "工作人员", "visit_id": "走访"},
    "case_record": {
        "number": "诉求编号",
        "category": "诉求类别",
        "status": "办理状态",
        "household_id": "住户",
        "visit_id": "来自走访",
        "accepted_at": "受理时间",
        "due_at": "办理时限",
        "resolved_at": "办结时间",
        "called_back_at": "回访时间",
        "escalated": "已上报街道",
    },
    "meeting": {
        "number": "会议编号",
        "kind": "会议类型",
        "status": "纪要状态",
        "finalized_at": "定稿时间",
        "revision": "修订次数",
        "next_meeting": "下次会议安排",
        "cancel_reason": "取消原因",
    },
    "meeting_estate": {"meeting_id": "会议"},
    "meeting_attendee": {
        "meeting_id": "会议",
        "party": "所属方",
        "unit": "单位",
        "post": "职务",
        "attendance": "出席情况",
        "note": "备注",
    },
    "agenda_item": {
        "meeting_id": "会议",
        "title": "议题",
        "case_id": "民情诉求",
        "carried_resolution_id": "上次议定事项",
        "discussion": "讨论情况",
    },
    "resolution": {
        "meeting_id": "会议",
        "item_id": "议题",
        "number": "编号",
        "text": "议定事项",
        "party": "责任方",
        "org_id": "责任单位",
        "unit": "责任单位",
        "person": "责任人",
        "deadline": "完成时限",
        "status": "落实状态",
    },
    "resolution_note": {
        "resolution_id": "议定事项",
        "status": "状态",
        "at": "时间",
        "actor": "经办人",
    },
    "case_event": {
        "case_id": "诉求",
        "at": "时间",
        "actor": "经办人",
        "kind": "环节",
        "from_status": "原状态",
        "to_status": "新状态",
    },
    "meeting_revision": {"meeting_id": "会议", "revision": "修订次数", "reason": "修订原因"},
    "wish_round": {
        "name": "批次名称",
        "number": "批次序号",
        "opened_on": "开始日期",
        "closed_on": "结束日期",
    },
    "wish": {
        "number": "心愿编号",
        "status": "状态",
        "round_id": "批次",
        "rollovers": "转入下一批次次数",
        "receipt_signed": "已签收",
        "guardian_consent_on": "监护人同意日期",
    },
    "wish_claim": {
        "unit_id": "认领单位",
        "claimed_on": "认领日期",
        "contact_due": "对接期限",
        "contacted_on": "对接日期",
        "status": "状态",
        "cancelled_on": "取消日期",
    },
    "wish_claim_member": {"member_id": "认领党员"},
    "wish_event": {"kind": "环节", "event_date": "日期", "round_id": "批次"},
    "party_member": {"active": "仍在本社区报到", "resident_id": "本社区居民"},
    "service_record": {"member_id": "党员", "minutes": "服务时长（分钟）", "case_id": "关联诉求"},
    "attachment": {"original_name": "文件名", "size": "大小（字节）", "content_type": "文件类型"},
    "staff": {"resident_id": "本人居民记录"},
    "fund_account": {"name": "账户名称", "kind": "账户类型", "active": "在用"},
    "fund_entry": {
        "number": "台账序号",
        "kind": "收支类型",
        "balance_after": "余额",
        "use": "用途",
        "counterparty": "对方",
        "receipt_no": "收据编号",
        "application_id": "审批单号",
        "pay_method": "发放方式",
        "pay_place": "发放地点",
        "reverses_id": "冲正",
    },
    "fund_period_close": {
        "period": "结账期间",
        "starts_on": "开始日期",
        "ends_on": "结束日期",
        "closed_by": "结账人",
        "closed_on": "结账日期",
        "last_number": "结账时末笔序号",
    },
    "fund_notice": {
        "number": "公示编号",
        "title": "公示标题",
        "basis": "公示依据",
        "starts_on": "公示开始",
        "ends_on": "公示结束",
        "phone": "监督电话",
        "issuer": "落款",
    },
    "fund_application": {
        "number": "申请编号",
        "resident_id": "申请人（居民）",
        "member_id": "申请人（党员）",
        "hardship": "困难类型",
        "use": "用途",
        "amount_asked": "申请金额",
        "amount_approved": "批准金额",
        "reason": "申请事由",
        "family_size": "家庭人口",
        "income_per_capita": "人均月收入",
        "applied_on": "申请日期",
        "entered_by": "录入人",
        "status": "状态",
        "needs_higher": "需上级审批",
        "notice_id": "公示",
        "repeat_override": "再次救助理由",
        "closed_reason": "不予批准/撤回原因",
    },
    "fund_step": {
        "application_id": "申请",
        "step": "环节",
        "from_status": "原状态",
        "to_status": "新状态",
        "staff_id": "办理人",
        "acted_on": "日期",
        "opinion": "意见",
    },
    "fund_objection": {
        "application_id": "申请",
        "notice_id": "公示",
        "received_on": "收到日期",
        "text": "异议内容",
        "resolved_on": "处理日期",
        "outcome": "处理结果",
        "resolution": "处理情况",
        "resolved_by": "处理人",
    },
    "street_decision": {
        "community_node": "社区",
        "application_id": "救助申请",
        "outcome": "审批结果",
        "opinion": "审批意见",
        "decided_by": "审批人",
        "decided_at": "审批时间",
    },
    "street_reply": {
        "community_node": "社区",
        "case_id": "诉求",
        "department": "承办部门",
        "text": "答复内容",
        "replied_by": "答复人",
        "replied_at": "答复时间",
    },
    "street_notice": {
        "kind": "类别",
        "title": "标题",
        "body": "内容",
        "due_on": "完成时限",
        "recipients": "发往社区",
        "issued_by": "发布人",
        "issued_at": "发布时间",
    },
    "notice_completion": {
        "notice_id": "街道通知",
        "note": "完成情况",
        "done_by": "完成人",
        "done_at": "完成时间",
    },
    "street_inbox": {"street_node": "街道", "applied_seq": "已收到街道记录至"},
}

# Rows that belong to a record and appear in its history: (table, column naming the record,
# what the rows are called).
PARTS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "resident": (("resident_tag", "resident_id", "特殊人群"),),
    "visit": (("visit_participant", "visit_id", "走访人员"),),
    "meeting": (
        ("meeting_estate", "meeting_id", "小区"),
        ("meeting_attendee", "meeting_id", "参会人员"),
        ("agenda_item", "meeting_id", "议题"),
        ("resolution", "meeting_id", "议定事项"),
    ),
    "wish": (("wish_claim", "wish_id", "认领"),),
    "party_member": (("service_record", "member_id", "服务记录"),),
}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a record's 变更记录; ``part`` names a row that belongs to the record
    (特殊人群, 参会人员 …), empty for the record itself. An update lists each field's old
    and new text; a new part, or one removed or restored, what it holds (``Change.new``)."""

    at: datetime
    actor: str
    action: str
    part: str
    changes: tuple[Change, ...]
    how: str = ""  # for a creation: 手工录入, or the import (file, SHA-256) or demo it came in by


def field_label(table: str, column: str) -> str:
    return LABELS.get(table, {}).get(column) or FIELDS.get(column, column)


def shown(table: str, column: str) -> bool:
    return column not in HIDDEN and column not in DERIVED_COLUMNS.get(table, frozenset())


class Texts:
    """Stored values as the secretary reads them; referenced records are read once each."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._names: dict[tuple[str, str], str] = {}

    def __call__(self, table: str, column: str, value: Any) -> str:
        if value is None or value == "":
            return EMPTY
        if (table, column) in TABLE_REFERENCES:
            return self._name(TABLE_REFERENCES[table, column], str(value))
        if column in REFERENCES:
            return self._name(REFERENCES[column], str(value))
        if (table, column) == ("street_notice", "recipients"):  # node ids, space-separated
            named = [self._name(REFERENCES["community_node"], n) for n in str(value).split()]
            return "、".join(named) or "全部社区"
        known = CODE_LISTS.get(table, {}).get(column)
        if known is not None:
            return known.get(str(value), str(value))
        return _plain(table, column, value)

    def _name(self, reference: tuple[type[Base], Show], record_id: str) -> str:
        model, show = reference
        key = (model.__tablename__, record_id)
        if key not in self._names:
            found = self.s.get(model, record_id)
            self._names[key] = show(found) if found is not None else "（已不存在的记录）"
        return self._names[key]


def _plain(table: str, column: str, value: Any) -> str:
    if column in MASKED:
        return MASKED[column](str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if column in MONEY:
        return f"{yuan(int(value))} 元"
    if column in LISTS:
        return "、".join(json.loads(value)) or EMPTY
    if column == "fund_roles":  # comma-separated codes
        return "、".join(fund_codes.ROLES.get(r, r) for r in str(value).split(",") if r) or EMPTY
    model = Base.metadata.tables.get(table)
    kind = model.c[column].type if model is not None and column in model.c else None
    if isinstance(kind, UTCDateTime):
        instant = datetime.fromisoformat(str(value))
        return instant.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    if isinstance(kind, Time):
        return str(value)[:5]
    if isinstance(kind, Date):
        return str(value)[:10]
    return str(value)


def changes(
    table: str, before: dict[str, Any], after: dict[str, Any], texts: Texts, link: str = ""
) -> tuple[Change, ...]:
    """The fields that read differently after the change, in the table's column order
    (without ``link``, the column of a part that names the record it belongs to)."""
    model = Base.metadata.tables.get(table)
    columns = [c.name for c in model.c] if model is not None else sorted({*before, *after})
    found = []
    for column in columns:
        absent = column not in before and column not in after
        if column == link or absent or not shown(table, column):
            continue
        old, new = texts(table, column, before.get(column)), texts(table, column, after.get(column))
        if old != new:
            found.append(Change(field_label(table, column), old, new))
    return tuple(found)


@dataclass(frozen=True)
class _Step:
    """One audit entry of one row, with the row's values before and after it; ``order`` the
    entry's id (the chain's order: instants come from the clerks' PC clocks), ``rank`` 0 for a
    creation by a batch (before the row's changes in the same transaction, whose entries precede
    the batch's own)."""

    at: datetime
    order: int
    actor: str
    action: str
    table: str
    part: str
    link: str
    before: dict[str, Any]
    after: dict[str, Any]
    how: str = ""
    rank: int = 1
    note: str = ""  # what a NOTED entry records (never a personal value)


def _wanted(s: Session, table: str, record_id: str) -> list[tuple[str, list[str], str, str]]:
    """(table, row ids, part name, linking column): the record and the rows that belong to it."""
    wanted = [(table, [record_id], "", "")]
    for part, column, name in PARTS.get(table, ()):
        model = Base.metadata.tables[part]
        ids = list(s.scalars(select(model.c.id).where(model.c[column] == record_id)))
        wanted.append((part, ids, name, column))
    return wanted


def _current(s: Session, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The rows as they are now, their values as the audit stores them (JSON)."""
    model = Base.metadata.tables[table]
    rows = s.execute(select(model).where(model.c.id.in_(ids))).mappings()
    return {str(r["id"]): json.loads(dump(dict(r))) for r in rows}


@dataclass(frozen=True)
class Origin:
    """An import, the demo or the upgrade's legacy batch as its chained entry states it (not
    the ``audit_batch`` row, which the chain does not cover; ``audit verify`` compares both)."""

    entry: int
    at: datetime
    actor: str
    kind: str  # "import", "demo" or "legacy"
    seq: int
    details: dict[str, Any]

    @property
    def how(self) -> str:
        """How its records came in: the import of which file, the demo; for those written
        before 0012 (the ``legacy`` batch) that was not recorded."""
        if self.kind == "import":
            sha = str(self.details.get("sha256", ""))
            return f"导入《{self.details.get('file', '')}》（SHA-256 {sha[:12]}…）"
        if self.kind == "demo":
            return "演示数据"
        return "升级前录入，录入方式未记录"


def origin(s: Session, batch_id: int) -> Origin | None:
    """The batch ``batch_id`` from its chained entry; None when it has none."""
    entry = s.scalar(
        select(AuditLog).where(
            AuditLog.table_name == "audit_batch",
            AuditLog.row_id == str(batch_id),
            AuditLog.batch_id == batch_id,
        )
    )
    if entry is None:
        return None
    details = json.loads(entry.fields or "{}")
    kind = "legacy" if entry.action == "upgrade" else entry.action
    seq = int(details.get("seq", 0))
    return Origin(entry.id, entry.at, entry.actor, kind, seq, details)


def _origin_of(s: Session, seq: Any) -> Origin | None:
    """The batch whose transaction created a row (its ``created_seq``), if one did."""
    if not seq:
        return None
    found = s.scalar(select(AuditBatch.id).where(AuditBatch.seq == seq))
    batch = None if found is None else origin(s, found)
    return batch if batch is not None and batch.seq == seq else None


def _steps(s: Session, table: str, ids: list[str], part: str, link: str) -> Iterator[_Step]:
    """The entries of the rows ``ids`` of ``table``, each with the row's values around it."""
    current = _current(s, table, ids)
    query = select(AuditLog).where(AuditLog.table_name == table, AuditLog.row_id.in_(ids))
    by_row: dict[str, list[AuditLog]] = {}
    for row in s.scalars(query.order_by(AuditLog.id)):
        by_row.setdefault(row.row_id, []).append(row)
    for row_id in ids:
        shape = _Step(datetime.min, 0, "", "", table, part, link, {}, current.get(row_id, {}))
        yield from _row_steps(s, shape, by_row.get(row_id, []))


def _row_steps(s: Session, shape: _Step, entries: list[AuditLog]) -> Iterator[_Step]:
    """One row's entries with its values before and after each: from the row as it is now
    (``shape.after``), every later change undone in turn (an entry keeps only the fields it
    changed); a row an import or the demo created starts with that batch."""
    state = dict(shape.after)
    for entry in reversed(entries):
        if entry.action in NOTED:
            yield replace(
                shape,
                at=entry.at,
                order=entry.id,
                actor=entry.actor,
                action=entry.action,
                before=dict(state),
                after=dict(state),
                note=_note(entry),
            )
            continue
        after = dict(state)
        for column, (old, _new) in json.loads(entry.fields or "{}").items():
            state[column] = old
        created = entry.action == "create"
        yield replace(
            shape,
            at=entry.at,
            order=entry.id,
            actor=entry.actor,
            action=entry.action,
            before={} if created else dict(state),
            after=after,
            how=_created_how(s, entry) if created else "",
        )
    if not any(e.action == "create" for e in entries):
        batch = _origin_of(s, state.get("created_seq"))
        if batch is not None:
            first = min([batch.entry, *(e.id for e in entries)])
            yield replace(
                shape,
                at=batch.at,
                order=first,
                rank=0,
                actor=batch.actor,
                action="create",
                after=state,
                how=batch.how,
            )


def _note(entry: AuditLog) -> str:
    """显示完整身份证号, the reason of an erasure, or nothing."""
    details = json.loads(entry.fields or "{}")
    if entry.action == "reveal":
        field = str(details.get("field", ""))
        return "显示完整" + REVEALED.get(field, field)
    return str(details.get("reason", ""))


def _created_how(s: Session, entry: AuditLog) -> str:
    """手工录入, or the batch a create entry belongs to (the legacy batch of the upgrade)."""
    batch = origin(s, entry.batch_id) if entry.batch_id else None
    return TYPED_IN if batch is None else batch.how


def _entry(step: _Step, texts: Texts) -> HistoryEntry | None:
    if step.action in NOTED:
        noted = (Change("说明", EMPTY, step.note),) if step.note else ()
        return HistoryEntry(step.at, step.actor, NOTED[step.action], step.part, noted)
    before = step.before
    if step.part and step.action in ("delete", "restore"):
        before = {}  # which part was removed or restored: what it holds
    changed = changes(step.table, before, step.after, texts, step.link)
    if step.action == "create" and (not step.part or step.how != TYPED_IN):
        changed = (Change("录入方式", EMPTY, step.how), *changed)
    if not changed and step.action == "update":
        return None  # a change of bookkeeping alone
    return HistoryEntry(step.at, step.actor, step.action, step.part, changed, step.how)


def history(db: Database, table: str, record_id: str) -> list[HistoryEntry]:
    """Every audited change of one record and of its parts, oldest first; a record created by
    an import or the demo starts with that batch."""
    with db.read() as s:
        texts = Texts(s)
        steps = [
            step
            for part_table, ids, part, link in _wanted(s, table, record_id)
            if ids
            for step in _steps(s, part_table, ids, part, link)
        ]
        steps.sort(key=lambda step: (step.order, step.rank))
        return [e for e in (_entry(step, texts) for step in steps) if e is not None]


def batch_records(db: Database, batch_id: int) -> dict[str, list[str]]:
    """The records an import or the demo created, by table: the rows whose ``created_seq`` is
    the batch's sequence number (read by a scan: the auditor's question is rare, an index on
    every synced table would cost every write)."""
    with db.read() as s:
        batch = origin(s, batch_id)
        if batch is None or batch.kind == "legacy":
            return {}
        found: dict[str, list[str]] = {}
        for table in sorted(records.RECORD_TABLES):
            model = Base.metadata.tables[table]
            ids = list(s.scalars(select(model.c.id).where(model.c.created_seq == batch.seq)))
            if ids:
                found[table] = ids
        return found
