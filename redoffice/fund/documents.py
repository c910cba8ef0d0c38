"""What the fund's papers print, read from the database into the plain data of
:mod:`redoffice.reports.fund` (render them with its functions, or with :func:`pdf`).

Names are masked here for the 公示 (王*明), and the 公示 gets nothing else about a person but
their 网格 or 小区: never an ID number, phone, address, reason or income. The 收支情况 report
names nobody. A 捐赠收据 names the channel (慈善组织) or the account's holder as the receiving
body, never the 居委会."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from redoffice.fund.codes import (
    DONOR_KINDS,
    ENTRY_KINDS,
    HARDSHIPS,
    PAY_METHODS,
    PAY_PLACES,
    SOURCES,
    USES,
)
from redoffice.fund.periods import Period, parse_period
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan
from redoffice.kit.validation import mask_name
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
    Organization,
    PartyMember,
    Resident,
    Staff,
)
from redoffice.reports import fund as forms
from redoffice.reports.fund import (
    STEP_TITLES,
    ApplicationForm,
    DonationReceipt,
    HonourCertificate,
    Ledger,
    LedgerLine,
    Notice,
    NoticeLine,
    PaymentSlip,
    Quarterly,
    StepOpinion,
)
from redoffice.settings import community, config

# the step names (and their past forms) whose opinion goes into each block of the 审批表
_BLOCK_OF_STEP: Final = {
    "review": 0,
    "reviewed": 0,
    "approve": 1,
    "approved": 1,
    "approve_higher": 2,
    "approved_higher": 2,
}
# a refusal is written in the block of the step it was refused at
_BLOCK_OF_STATUS: Final = {"applied": 0, "reviewed": 1, "pending_higher": 2}
_OUTCOMES: Final = {"": "待处理", "dismissed": "异议不成立", "upheld": "异议成立"}
_GENDERS: Final = {"male": "男", "female": "女"}
QUARTER_NAMES: Final = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def _community(db: Database) -> str:
    return community.heading_name(db)


def _cn_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _get(s: Session, model: Any, record_id: str | None, code: str = "record.not_found") -> Any:
    row = s.get(model, record_id) if record_id else None
    if row is None or row.deleted:
        raise UserError(code)
    return row


def _staff_names(s: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(wanted))).all()
    return {row[0]: row[1] for row in rows}


@dataclass(frozen=True)
class _Person:
    name: str
    gender: str
    born: date | None
    joined_party: date | None
    party_org: str
    grid: str
    estate: str


def _applicant(s: Session, app: FundApplication) -> _Person:
    member = s.get(PartyMember, app.member_id) if app.member_id else None
    resident_id = app.resident_id or (member.resident_id if member else None)
    resident = s.get(Resident, resident_id) if resident_id else None
    grid = estate = ""
    if resident is not None and resident.household_id:
        household = s.get(Household, resident.household_id)
        if household is not None:
            grid_row = s.get(Grid, household.grid_id) if household.grid_id else None
            estate_row = s.get(Estate, household.estate_id) if household.estate_id else None
            grid = grid_row.name if grid_row else ""
            estate = estate_row.name if estate_row else ""
    return _Person(
        name=member.name if member else (resident.name if resident else ""),
        gender=_GENDERS.get(resident.gender, "") if resident else "",
        born=resident.birth_date if resident else None,
        joined_party=resident.party_join_date if resident else None,
        party_org=(member.party_org if member else "") or (resident.party_org if resident else ""),
        grid=grid,
        estate=estate,
    )


def application_form(db: Database, application_id: str) -> ApplicationForm:
    """红色基金申请审批表 of one application: the applicant in full (an internal paper), each
    decision with who took it and when; blocks not reached yet are left to write in."""
    name = _community(db)
    with db.read() as s:
        app = _get(s, FundApplication, application_id, "fund.application_not_found")
        person = _applicant(s, app)
        steps = s.scalars(
            select(FundStep)
            .where(FundStep.application_id == app.id, FundStep.deleted.is_(False))
            .order_by(FundStep.acted_on, FundStep.created_seq)
        ).all()
        names = _staff_names(s, (st.staff_id for st in steps))
        blocks: dict[int, StepOpinion] = {}
        for st in steps:
            block = _BLOCK_OF_STEP.get(st.step)
            opinion = st.opinion
            if st.step in ("reject", "rejected"):
                block = _BLOCK_OF_STATUS.get(st.from_status)
                opinion = "不予批准。" + (opinion or app.closed_reason)
            if block is None:
                continue
            blocks[block] = StepOpinion(
                STEP_TITLES[block],
                opinion,
                names.get(st.staff_id or "", ""),
                _iso(st.acted_on),
                st.amount if block else None,
            )
        notice = s.get(FundNotice, app.notice_id) if app.notice_id else None
        objections = s.scalars(
            select(FundObjection)
            .where(FundObjection.application_id == app.id, FundObjection.deleted.is_(False))
            .order_by(FundObjection.received_on, FundObjection.created_seq)
        ).all()
        payment = s.scalars(
            select(FundEntry)
            .where(FundEntry.application_id == app.id, FundEntry.kind == "payment")
            .order_by(FundEntry.number)
        ).first()
        attachments = s.scalars(
            select(Attachment.original_name)
            .where(
                Attachment.owner_table == "fund_application",
                Attachment.owner_id == app.id,
                Attachment.deleted.is_(False),
            )
            .order_by(Attachment.created_seq)
        ).all()
    if notice is not None:
        objection_text = (
            "；".join(
                f"{_iso(o.received_on)} 收到异议，{_OUTCOMES.get(o.outcome, o.outcome)}"
                + (f"（{_iso(o.resolved_on)}）" if o.resolved_on else "")
                for o in objections
            )
            or "无"
        )
    else:
        objection_text = ""
    return ApplicationForm(
        community=name,
        number=app.number,
        applied_on=_iso(app.applied_on),
        applicant=person.name,
        gender=person.gender,
        born=f"{person.born.year}年{person.born.month}月" if person.born else "",
        joined_party=(
            f"{person.joined_party.year}年{person.joined_party.month}月"
            if person.joined_party
            else ""
        ),
        branch_or_grid="／".join(x for x in (person.party_org, person.grid) if x),
        family_size=str(app.family_size or ""),
        income_per_capita=f"{yuan(app.income_per_capita)} 元/月"
        if app.income_per_capita is not None
        else "",
        hardship=HARDSHIPS.get(app.hardship, app.hardship),
        use=USES.get(app.use, app.use),
        reason=app.reason,
        amount_asked=app.amount_asked,
        attachments=tuple(a or "附件" for a in attachments),
        steps=tuple(blocks[k] for k in sorted(blocks)),
        notice_period=f"{_iso(notice.starts_on)} 至 {_iso(notice.ends_on)}" if notice else "",
        objections=objection_text,
        pay_method=PAY_METHODS.get(payment.pay_method, "") if payment else "",
        paid_on=_iso(payment.entry_date) if payment else "",
        amount_paid=-payment.amount if payment else None,
    )


LEAD_IN: Final = (
    "根据{basis}，经本人申请、支部（网格）初审、社区党组织审核，拟对以下人员给予帮扶，现予公示。"
)


def lead_in(basis: str, community_name: str) -> str:
    """The 公示's lead-in sentence with its 依据: a typed 依据 (《…办法》, 第五条 …) goes into
    the sentence, never replaces it (a leading 根据/依据 and a typed "，经…审核" are not said
    twice); without one, the community's 红色基金管理办法. A typed whole sentence (it already
    says 现予公示) is kept as typed."""
    text = basis.strip()
    if "现予公示" in text:
        return text
    for word in ("根据", "依据", "按照"):
        text = text.removeprefix(word).strip()
    head, comma, rest = text.replace(",", "，").partition("，")
    if comma and rest.startswith("经"):  # the procedure typed too: the sentence says it
        text = head
    text = text.rstrip("，,。.；;").strip()
    return LEAD_IN.format(basis=text or f"《{community_name}红色基金管理办法》")


def notice(db: Database, notice_id: str, paper: str = "A4") -> Notice:
    """公示 of the applications it lists: masked name, 网格 (else 小区), use and amount only."""
    name = _community(db)
    with db.read() as s:
        row = _get(s, FundNotice, notice_id)
        apps = s.scalars(
            select(FundApplication)
            .where(FundApplication.notice_id == row.id, FundApplication.deleted.is_(False))
            .order_by(FundApplication.number)
        ).all()
        lines = []
        for app in apps:
            person = _applicant(s, app)
            lines.append(
                NoticeLine(
                    name=mask_name(person.name),
                    place=person.grid or person.estate,
                    category=USES.get(app.use, app.use),
                    amount=app.amount_approved
                    if app.amount_approved is not None
                    else app.amount_asked,
                )
            )
        phone = row.phone or str(config.get_value(s, "fund.supervision_phone") or "")
    return Notice(
        community=name,
        number=row.number,
        title=row.title or f"{name}红色基金救助公示",
        basis=lead_in(row.basis, name),
        lines=tuple(lines),
        starts_on=_cn_date(row.starts_on),
        ends_on=_cn_date(row.ends_on),
        supervision_phone=phone,
        issuer=row.issuer or f"中共{name}委员会",
        issued_on=_cn_date(row.starts_on),
        paper=paper,
    )


def _entry(s: Session, entry_id: str) -> FundEntry:
    entry: FundEntry = _get(s, FundEntry, entry_id)
    return entry


def slip(db: Database, entry_id: str) -> PaymentSlip:
    """发放签收单 of a payment: the recipient in full (they sign it)."""
    name = _community(db)
    with db.read() as s:
        entry = _entry(s, entry_id)
        if entry.kind != "payment":
            raise UserError("fund.doc.not_payment", number=entry.number)
        app = s.get(FundApplication, entry.application_id) if entry.application_id else None
        recipient = _applicant(s, app).name if app else entry.counterparty
        names = _staff_names(s, (entry.handled_by, entry.checked_by))
    return PaymentSlip(
        community=name,
        application_number=app.number if app else "",
        voucher_no=entry.voucher_no,
        recipient=recipient or entry.counterparty,
        use=USES.get(entry.use, entry.use),
        amount=-entry.amount,
        method=PAY_METHODS.get(entry.pay_method, ""),
        place=PAY_PLACES.get(entry.pay_place, ""),
        paid_on=_iso(entry.entry_date),
        handler=names.get(entry.handled_by, ""),
        checker=names.get(entry.checked_by or "", ""),
    )


def _donor(s: Session, entry: FundEntry) -> str:
    if entry.donor_kind == "anonymous":
        return "匿名"
    if entry.counterparty:
        return entry.counterparty
    models: tuple[tuple[Any, str | None], ...] = (
        (Resident, entry.donor_resident_id),
        (PartyMember, entry.donor_member_id),
        (Organization, entry.donor_org_id),
    )
    for model, record_id in models:
        row = s.get(model, record_id) if record_id else None
        if row is not None:
            return str(row.name)
    return ""


def _receiver(s: Session, entry: FundEntry, community_name: str) -> str:
    """The receiving body: the channel (慈善组织), else the account's holder, else the fund
    itself — never the 居委会."""
    account = s.get(FundAccount, entry.account_id)
    holder = account.holder if account else ""
    return entry.channel or holder or f"{community_name}红色基金"


def _void(s: Session, entry: FundEntry, paper: str) -> str:
    """ "" for a standing entry; for a reversed one, what voids it: 已冲正 and the reversing
    entry (its number, date, voucher and reason)."""
    reversal = s.scalars(
        select(FundEntry)
        .where(FundEntry.reverses_id == entry.id, FundEntry.deleted.is_(False))
        .order_by(FundEntry.number)
        .limit(1)
    ).first()
    if reversal is None:
        return ""
    details = [_iso(reversal.entry_date)]
    if reversal.voucher_no:
        details.append(f"凭证号 {reversal.voucher_no}")
    if reversal.note:
        details.append(f"原因：{reversal.note}")
    said = "，".join(details)
    return f"已冲正：本笔捐赠已由台账第 {reversal.number} 笔冲正（{said}），本{paper}作废。"


def receipt(db: Database, entry_id: str) -> DonationReceipt:
    """捐赠收据 of a donation (an income entry with a receipt number).

    A reversed donation's receipt still prints, marked 作废 with the reversing entry named
    (已冲正, 第 N 笔): the receipt number was issued and the donor may hold the first copy, so the
    file needs a voided copy that says why, the way a paper receipt book keeps its voided
    leaves; refusing to print it would leave the number with no paper at all."""
    name = _community(db)
    with db.read() as s:
        entry = _entry(s, entry_id)
        if entry.kind != "income" or not entry.receipt_no:
            raise UserError("fund.doc.not_income", number=entry.number)
        handler = _staff_names(s, (entry.handled_by,)).get(entry.handled_by, "")
        return DonationReceipt(
            community=name,
            receipt_no=entry.receipt_no,
            donor=_donor(s, entry),
            donor_kind=DONOR_KINDS.get(entry.donor_kind, ""),
            source=SOURCES.get(entry.source, entry.source),
            amount=entry.amount,
            received_on=_iso(entry.entry_date),
            receiver=_receiver(s, entry, name),
            purpose=f"定向用于{name}红色基金" + (f"（{entry.note}）" if entry.note else ""),
            handler=handler,
            void=_void(s, entry, "收据"),
        )


def certificate(db: Database, entry_id: str) -> HonourCertificate:
    """荣誉证书 of a donation of at least the setting fund.honour_yuan; of a reversed donation
    it prints marked 作废 with the reversing entry named, as the receipt does (the copy that
    replaces one already handed out is the record that it no longer stands)."""
    name = _community(db)
    with db.read() as s:
        entry = _entry(s, entry_id)
        if entry.kind != "income" or not entry.receipt_no:
            raise UserError("fund.doc.not_income", number=entry.number)
        honour = int(config.get_value(s, "fund.honour_yuan") or 0) * 100
        if entry.amount < honour:
            raise UserError(
                "fund.doc.below_honour",
                number=entry.number,
                amount=yuan(entry.amount),
                honour=yuan(honour),
            )
        receiver = _receiver(s, entry, name)
        return HonourCertificate(
            community=name,
            number=entry.receipt_no,
            donor=_donor(s, entry),
            amount=entry.amount,
            donated_on=_cn_date(entry.entry_date),
            issuer=receiver,
            issued_on=_cn_date(entry.entry_date),
            void=_void(s, entry, "证书"),
        )


def _span(
    period: str | Period | None, date_from: date | None, date_to: date | None
) -> tuple[str, date, date]:
    if period is not None:
        p = parse_period(period) if isinstance(period, str) else period
        return f"{p.name}（{_iso(p.starts_on)} 至 {_iso(p.ends_on)}）", p.starts_on, p.ends_on
    if date_from is None or date_to is None:
        raise UserError("fund.doc.no_period")
    return f"{_iso(date_from)} 至 {_iso(date_to)}", date_from, date_to


def _entries_filter(account_id: str | None) -> Any:
    mine = FundEntry.deleted.is_(False)
    return and_(mine, FundEntry.account_id == account_id) if account_id else mine


def _balance_before(s: Session, day: date, account_id: str | None) -> int:
    total = s.scalar(
        select(func.coalesce(func.sum(FundEntry.amount), 0)).where(
            _entries_filter(account_id), FundEntry.entry_date < day
        )
    )
    return int(total or 0)


def _what(entry_kind: str, source: str, use: str) -> str:
    label = SOURCES.get(source) or USES.get(use) or ""
    return f"冲正：{label}" if entry_kind == "reversal" else label


def ledger(
    db: Database,
    period: str | Period | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    account_id: str | None = None,
) -> Ledger:
    """基金台账 of a period (2026Q3, 2026H1, 2026) or a date range, one account or all.

    One order everywhere (the screen, this PDF and the workbook): the entries dated in the
    span by their number — the order the money moved in the books (记账顺序), so a payment
    dated 11-05 but entered on 12-02 comes after the entries entered before it — each with its
    own account's balance after it (``balance_after``, as the screen shows) and, when several
    accounts are shown, the account's name. The 期初余额 is the balance of the entries dated
    before the span, the 期末余额 that plus the span's entries (by date, like 收支情况)."""
    name = _community(db)
    title, start, end = _span(period, date_from, date_to)
    reversed_entry = FundEntry.__table__.alias("reversed_entry")
    with db.read() as s:
        account = _get(s, FundAccount, account_id) if account_id else None
        opening = _balance_before(s, start, account_id)
        rows = s.execute(
            select(
                FundEntry.number,
                FundEntry.kind,
                FundEntry.entry_date,
                FundEntry.voucher_no,
                FundEntry.amount,
                FundEntry.balance_after,
                FundAccount.name,
                func.coalesce(func.nullif(FundEntry.source, ""), reversed_entry.c.source, ""),
                func.coalesce(func.nullif(FundEntry.use, ""), reversed_entry.c.use, ""),
                FundEntry.counterparty,
                FundApplication.number,
                FundEntry.handled_by,
                FundEntry.checked_by,
            )
            .join(FundAccount, FundAccount.id == FundEntry.account_id)
            .outerjoin(FundApplication, FundApplication.id == FundEntry.application_id)
            .outerjoin(reversed_entry, reversed_entry.c.id == FundEntry.reverses_id)
            .where(_entries_filter(account_id), FundEntry.entry_date.between(start, end))
            .order_by(FundEntry.number)
        ).all()
        names = {row[0]: row[1] for row in s.execute(select(Staff.id, Staff.name)).all()}
        several = account is None and (
            int(
                s.scalar(
                    select(func.count(func.distinct(FundEntry.account_id))).where(
                        _entries_filter(None)
                    )
                )
                or 0
            )
            > 1
        )
    closing = opening
    lines = []
    for (
        number,
        kind,
        day,
        voucher,
        amount,
        balance_after,
        account_name,
        source,
        use,
        party,
        app_number,
        handler,
        checker,
    ) in rows:
        closing += amount
        lines.append(
            LedgerLine(
                entry_date=day.isoformat(),
                voucher_no=voucher,
                what=_what(kind, source, use),
                counterparty=party,
                income=amount if amount > 0 else None,
                spending=-amount if amount < 0 else None,
                balance=balance_after,
                application_number=app_number or "",
                handler=names.get(handler, ""),
                checker=names.get(checker, "") if checker else "",
                number=number,
                account=account_name,
                kind=ENTRY_KINDS.get(kind, kind),
            )
        )
    return Ledger(
        community=name,
        period=title,
        account=account.name if account else "全部账户",
        opening=opening,
        lines=tuple(lines),
        closing=closing,
        opened_on=start.isoformat(),
        several_accounts=several,
    )


def _period_name(p: Period) -> str:
    if len(p.name) == 6 and p.name[4] == "Q":
        return f"{p.name[:4]}年{QUARTER_NAMES[int(p.name[5])]}"
    if len(p.name) == 6 and p.name[4] == "H":
        return f"{p.name[:4]}年{'上' if p.name[5] == '1' else '下'}半年"
    return f"{p.name}年度"


def quarterly(db: Database, period: str | Period) -> Quarterly:
    """收支情况 of a period: income by source and spending by use (reversals counted against
    the source or use of the entry they reverse), opening and closing balance, each account's
    closing balance; nobody is named."""
    name = _community(db)
    p = parse_period(period) if isinstance(period, str) else period
    reversed_entry = FundEntry.__table__.alias("reversed_entry")
    source = func.coalesce(func.nullif(FundEntry.source, ""), reversed_entry.c.source, "")
    use = func.coalesce(func.nullif(FundEntry.use, ""), reversed_entry.c.use, "")
    in_period = and_(
        FundEntry.deleted.is_(False), FundEntry.entry_date.between(p.starts_on, p.ends_on)
    )
    with db.read() as s:
        opening = _balance_before(s, p.starts_on, None)
        closing = _balance_before(s, p.ends_on + timedelta(days=1), None)
        by_source: defaultdict[str, int] = defaultdict(
            int,
            s.execute(
                select(source, func.sum(FundEntry.amount))
                .select_from(FundEntry)
                .outerjoin(reversed_entry, reversed_entry.c.id == FundEntry.reverses_id)
                .where(in_period, source != "")
                .group_by(source)
            ).all(),
        )
        by_use: defaultdict[str, int] = defaultdict(
            int,
            s.execute(
                select(use, func.sum(FundEntry.amount))
                .select_from(FundEntry)
                .outerjoin(reversed_entry, reversed_entry.c.id == FundEntry.reverses_id)
                .where(in_period, use != "")
                .group_by(use)
            ).all(),
        )
        accounts = s.execute(
            select(FundAccount.name, func.coalesce(func.sum(FundEntry.amount), 0))
            .select_from(FundAccount)
            .outerjoin(
                FundEntry,
                and_(FundEntry.account_id == FundAccount.id, FundEntry.entry_date <= p.ends_on),
            )
            .where(FundAccount.deleted.is_(False))
            .group_by(FundAccount.id, FundAccount.name)
            .order_by(FundAccount.name)
        ).all()
        helped = s.scalar(
            select(func.count(func.distinct(FundEntry.application_id))).where(
                in_period, FundEntry.kind == "payment", FundEntry.application_id.is_not(None)
            )
        )
    return Quarterly(
        community=name,
        period=_period_name(p),
        span=f"{_iso(p.starts_on)} 至 {_iso(p.ends_on)}",
        opening=opening,
        income=tuple((label, int(by_source[code])) for code, label in SOURCES.items()),
        spending=tuple((label, -int(by_use[code])) for code, label in USES.items()),
        closing=closing,
        accounts=tuple((n, int(v)) for n, v in accounts),
        counts=(("救助人次", str(helped or 0)),),
        issuer=f"中共{name}委员会",
    )


def pdf(data: Any) -> bytes:
    """Any of the papers above rendered."""
    renderers: dict[type, Callable[[Any], bytes]] = {
        ApplicationForm: forms.application_form,
        Notice: forms.notice,
        PaymentSlip: forms.payment_slip,
        DonationReceipt: forms.donation_receipt,
        HonourCertificate: forms.honour_certificate,
        Ledger: forms.ledger,
        Quarterly: forms.quarterly,
    }
    return renderers[type(data)](data)
