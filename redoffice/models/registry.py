"""The registry: grids, 小区, organizations, staff, households, residents and their tags."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.models.base import Base, SyncedRecord, derived


class Grid(SyncedRecord, Base):
    """网格."""

    __tablename__ = "grid"

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    leader_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id", use_alter=True))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("owner_node", "code"),)


class Organization(SyncedRecord, Base):
    """物业服务企业, 业主委员会, 共建单位 or 街道部门."""

    __tablename__ = "organization"

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(128))
    contact_person: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "kind IN ('property_company','owners_committee','partner_unit','street_department')",
            name="kind",
        ),
    )


class Estate(SyncedRecord, Base):
    """小区, with its property company and owners' committee."""

    __tablename__ = "estate"

    name: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(255), default="")
    property_company_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    owners_committee_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class Staff(SyncedRecord, Base):
    """社区工作者 or 网格员."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(32), default="")
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    # 红色基金 roles, comma-separated: handler (经办人), reviewer (审核人), accountant (会计),
    # cashier (出纳); the fund's steps require them
    fund_roles: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # the staff member as a resident, so that nobody decides on their own household's application
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id", use_alter=True))

    __table_args__ = (CheckConstraint("role IN ('community_worker','grid_worker')", name="role"),)


class Household(SyncedRecord, Base):
    """户: a dwelling in a 小区 (楼栋/单元/室) or a free-text address for 散居楼院."""

    __tablename__ = "household"

    estate_id: Mapped[str | None] = mapped_column(ForeignKey("estate.id"), index=True)
    building: Mapped[str] = mapped_column(String(32), default="")
    unit: Mapped[str] = mapped_column(String(32), default="")
    room: Mapped[str] = mapped_column(String(32), default="")
    address_text: Mapped[str] = mapped_column(String(255), default="")
    # derived from the 小区's name and the parts above (registry.households.set_address)
    address: Mapped[str] = mapped_column(String(255), default="", info=derived())
    search_address: Mapped[str] = mapped_column(
        String(512), default="", server_default="", info=derived()
    )
    address_sort: Mapped[str] = mapped_column(
        String(512), default="", server_default="", index=True, info=derived()
    )
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    residence_status: Mapped[str] = mapped_column(String(32), default="consistent")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "residence_status IN ('consistent','person_without_hukou','hukou_without_person')",
            name="residence_status",
        ),
        Index("ix_household_address", "address"),  # import: households at an address
    )


class Resident(SyncedRecord, Base):
    """居民. The name's pinyin, initials and search form and the ``*_rev`` columns (reversed
    digits, so that tail searches use an index) are derived (registry.residents)."""

    __tablename__ = "resident"

    name: Mapped[str] = mapped_column(String(64))
    name_pinyin: Mapped[str] = mapped_column(String(255), default="", info=derived())
    name_initials: Mapped[str] = mapped_column(String(64), default="", info=derived())
    search_name: Mapped[str] = mapped_column(
        String(128), default="", server_default="", info=derived()
    )
    gender: Mapped[str] = mapped_column(String(8))
    id_number: Mapped[str | None] = mapped_column(String(18))
    id_number_rev: Mapped[str | None] = mapped_column(String(18), info=derived())
    birth_date: Mapped[date | None] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    phone_rev: Mapped[str] = mapped_column(String(32), default="", info=derived())
    political_status: Mapped[str] = mapped_column(String(32), default="masses")
    party_org: Mapped[str] = mapped_column(String(128), default="")
    party_join_date: Mapped[date | None] = mapped_column(Date)
    hukou_place: Mapped[str] = mapped_column(String(255), default="")
    current_address: Mapped[str] = mapped_column(String(255), default="")
    residence_type: Mapped[str] = mapped_column(String(16), default="registered")
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), index=True)
    relation: Mapped[str] = mapped_column(String(2), default="9")
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_date: Mapped[date | None] = mapped_column(Date)
    status_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # one resident per ID number and node: a unique index, not a table constraint, so that
        # a bulk load can drop it and build it once after its rows (kit.bulk_load; migration
        # 0020) — a duplicate then fails the build, and with it the load
        Index("uq_resident_owner_node_id_number", "owner_node", "id_number", unique=True),
        CheckConstraint("gender IN ('male','female')", name="gender"),
        CheckConstraint("status IN ('active','moved_out','deceased')", name="status"),
        CheckConstraint(
            "residence_type IN ('registered','floating','overseas')", name="residence_type"
        ),
        CheckConstraint("relation IN ('0','1','2','3','4','5','6','7','8','9')", name="relation"),
        Index("ix_resident_name_pinyin", "name_pinyin"),
        Index("ix_resident_list", "deleted", "status", "name_pinyin", "id"),
        Index("ix_resident_name_initials", "name_initials"),
        Index("ix_resident_id_number_rev", "id_number_rev"),
        Index("ix_resident_id_number", "id_number"),  # import matching, street-wide lookups
        Index("ix_resident_phone_rev", "phone_rev"),
    )


class ResidentTag(SyncedRecord, Base):
    """One special-group membership (独居老人, 低保户 ...), dated from ``since`` to ``until``."""

    __tablename__ = "resident_tag"

    resident_id: Mapped[str] = mapped_column(ForeignKey("resident.id"), index=True)
    tag: Mapped[str] = mapped_column(String(32), index=True)
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("until IS NULL OR since IS NULL OR until >= since", name="dates"),
    )
