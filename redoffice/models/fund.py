"""红色基金: accounts, the append-only hash-chained ledger, applications through approval and
公示 to payment, objections, period closes. Money in integer fen everywhere.

The ledger (``fund_entry``) is never updated or deleted by the application: a mistake is
corrected by a reversing entry. Each entry carries the hash of the previous one and of its own
content (:mod:`redoffice.fund.ledger`); ``fund_ledger_head`` holds the last entry's number and
hash so that a removed last entry is found too."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord

SOURCES = "('fiscal','party_fee','party_donation','social_donation','other')"
USES = "('relief','startup','model_care','commendation','position_building')"


class FundAccount(SyncedRecord, Base):
    """A fund account: a 专户, a 专项科目 in the 党费 account, or a 社区慈善基金 held through a
    慈善组织 (``holder``), so that the 居委会 is never presented as the fundraiser."""

    __tablename__ = "fund_account"

    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    holder: Mapped[str] = mapped_column(String(128), default="")  # 慈善组织 / 开户单位
    bank_account: Mapped[str] = mapped_column(String(64), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("owner_node", "name"),
        CheckConstraint("kind IN ('special','party_fee','charity')", name="kind"),
    )


class FundEntry(SyncedRecord, Base):
    """One line of the ledger (基金台账): income (+), a payment (−) or the reversal of an
    earlier entry (the opposite sign of the entry it reverses). Append-only.

    ``number`` is contiguous from 1 over the community's whole ledger (all accounts), so a
    removed entry leaves a gap; ``balance_after`` is the entry's account balance after it.
    ``prev_hash``/``hash`` chain the entries in ``number`` order."""

    __tablename__ = "fund_entry"
    __append_only__ = True  # kit.changes refuses any change to a written row

    number: Mapped[int] = mapped_column(BigInteger)
    account_id: Mapped[str] = mapped_column(ForeignKey("fund_account.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    entry_date: Mapped[date] = mapped_column(Date, index=True)
    # a voucher number is used by one entry (a reversal may repeat its entry's): looked up
    voucher_no: Mapped[str] = mapped_column(String(32), default="", index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # signed fen: + income, − payment
    balance_after: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(16), default="")  # income
    use: Mapped[str] = mapped_column(String(20), default="")  # payment
    channel: Mapped[str] = mapped_column(String(128), default="")  # 慈善组织 it came through
    donor_kind: Mapped[str] = mapped_column(String(16), default="")
    donor_resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id"))
    donor_member_id: Mapped[str | None] = mapped_column(ForeignKey("party_member.id"))
    donor_org_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    counterparty: Mapped[str] = mapped_column(String(128), default="")  # 对方, as printed
    receipt_no: Mapped[str] = mapped_column(String(32), default="")  # 捐赠收据 number
    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("fund_application.id"), index=True
    )
    pay_method: Mapped[str] = mapped_column(String(12), default="")
    pay_place: Mapped[str] = mapped_column(String(12), default="")
    reverses_id: Mapped[str | None] = mapped_column(ForeignKey("fund_entry.id"))
    handled_by: Mapped[str] = mapped_column(ForeignKey("staff.id"))  # 经办人
    checked_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))  # 复核人
    note: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))

    __table_args__ = (
        UniqueConstraint("owner_node", "number"),
        CheckConstraint("kind IN ('income','payment','reversal')", name="kind"),
        CheckConstraint("balance_after >= 0", name="balance_after"),
        CheckConstraint("amount <> 0", name="amount"),
        CheckConstraint(f"source = '' OR source IN {SOURCES}", name="source"),
        CheckConstraint(f"use = '' OR use IN {USES}", name="use"),
        CheckConstraint(
            "donor_kind IN ('','person','party_member','unit','anonymous')", name="donor_kind"
        ),
        CheckConstraint("pay_method IN ('','cash','bank','in_kind')", name="pay_method"),
        CheckConstraint("pay_place IN ('','home','office')", name="pay_place"),
    )


class FundLedgerHead(Base):
    """The last ledger entry of the community (one row per node): its number and hash.
    Appends update it in their transaction, which also serialises them."""

    __tablename__ = "fund_ledger_head"

    owner_node: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_number: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    # the digest of every period close's pinned values (ledger.closes_digest): a close removed
    # or changed with plain SQL, which would reopen its period unseen, shows as a mismatch
    closes_digest: Mapped[bytes | None] = mapped_column(LargeBinary(32))


class FundPeriodClose(SyncedRecord, Base):
    """A closed period (a quarter ``2026Q3`` or a year ``2026``): nothing can be dated inside
    it any more. ``last_number``/``last_hash`` pin the ledger as it was at the close."""

    __tablename__ = "fund_period_close"
    __append_only__ = True  # kit.changes refuses any change to a written row

    period: Mapped[str] = mapped_column(String(8))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    closed_by: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    closed_on: Mapped[date] = mapped_column(Date)
    last_number: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[bytes] = mapped_column(LargeBinary(32))

    __table_args__ = (UniqueConstraint("owner_node", "period"),)


class FundNotice(SyncedRecord, Base):
    """A 公示 of one or more approved applications: runs ``starts_on``..``ends_on`` (a number of
    working days from the calendar)."""

    __tablename__ = "fund_notice"

    number: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(128))
    basis: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")  # 监督电话
    issuer: Mapped[str] = mapped_column(String(128), default="")

    __table_args__ = (UniqueConstraint("owner_node", "number"),)


class FundApplication(SyncedRecord, Base):
    """An application for help; ``status`` moves only along ``fund.applications.TRANSITIONS``.

    The applicant is a resident or a 双报到 party member. Attachments (diagnosis, certificates)
    are linked through ``attachment`` and never printed on a notice."""

    __tablename__ = "fund_application"

    number: Mapped[str] = mapped_column(String(16))
    account_id: Mapped[str] = mapped_column(ForeignKey("fund_account.id"))
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("party_member.id"), index=True)
    hardship: Mapped[str] = mapped_column(String(12))
    use: Mapped[str] = mapped_column(String(20))
    amount_asked: Mapped[int] = mapped_column(BigInteger)
    amount_approved: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    family_size: Mapped[int | None] = mapped_column(Integer)
    income_per_capita: Mapped[int | None] = mapped_column(BigInteger)  # fen a month
    applied_on: Mapped[date] = mapped_column(Date, index=True)
    entered_by: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str] = mapped_column(String(16), default="applied", index=True)
    needs_higher: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_id: Mapped[str | None] = mapped_column(ForeignKey("fund_notice.id"), index=True)
    repeat_override: Mapped[str] = mapped_column(Text, default="")  # why help again so soon
    closed_reason: Mapped[str] = mapped_column(Text, default="")  # 不予批准 / 撤回

    __table_args__ = (
        UniqueConstraint("owner_node", "number"),
        CheckConstraint("(resident_id IS NULL) <> (member_id IS NULL)", name="one_applicant"),
        CheckConstraint("hardship IN ('illness','disaster','accident','other')", name="hardship"),
        CheckConstraint(f"use IN {USES}", name="use"),
        CheckConstraint("amount_asked > 0", name="amount_asked"),
        CheckConstraint(
            "status IN ('applied','reviewed','pending_higher','approved','on_notice','paid',"
            "'rejected','withdrawn')",
            name="status",
        ),
    )


class FundStep(SyncedRecord, Base):
    """One step of an application, with who acted, when and their opinion (the 审批表's
    blocks): applied, reviewed (支部/网格初审), approved (社区党组织审核), approved_higher
    (上级审批, from the paper decision or the street office), noticed, paid, rejected,
    withdrawn, objection, objection_resolved."""

    __tablename__ = "fund_step"
    __append_only__ = True  # kit.changes refuses any change to a written row

    application_id: Mapped[str] = mapped_column(ForeignKey("fund_application.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    acted_on: Mapped[date] = mapped_column(Date)
    opinion: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_fund_step_application_on", "application_id", "acted_on"),)


class FundObjection(SyncedRecord, Base):
    """An objection (异议) raised during a 公示; while unresolved it blocks payment. Its text is
    kept, never printed on the notice."""

    __tablename__ = "fund_objection"

    application_id: Mapped[str] = mapped_column(ForeignKey("fund_application.id"), index=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("fund_notice.id"))
    received_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(12), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))

    __table_args__ = (CheckConstraint("outcome IN ('','dismissed','upheld')", name="outcome"),)
