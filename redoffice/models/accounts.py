"""Staff accounts (issue 16, decision 0027): local to this database — never synced, so a
password hash never travels to the street. Changes are audited by the accounts service in
words (who added, reset, unlocked, disabled whom), never with the hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redoffice.kit.clock import utcnow
from redoffice.kit.ids import new_id
from redoffice.models.base import Base, UTCDateTime


class Account(Base):
    """One person's login: name, role, the scrypt hash of the password, the lockout state."""

    __tablename__ = "account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))  # the operator the audit names
    role: Mapped[str] = mapped_column(String(32))  # accounts.permissions.ROLES
    password_hash: Mapped[str] = mapped_column(String(255))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
