"""What the fund's screens share: the acting staff member, amounts as ¥1,234.50, staff choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan_mark
from redoffice.registry import reference as registry
from redoffice.settings import community


def money(fen: int | None) -> str:
    """12345 -> "¥123.45"; 123456789 -> "¥1,234,567.89"; None -> ""."""
    return "" if fen is None else yuan_mark(fen)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def acting_staff(db: Database) -> str:
    """The current operator's staff record (the one live staff member of that name); the
    fund's steps are recorded as done by them. UserError when the operator is not on the staff
    list."""
    name = (db.actor or "").strip() or community.operator(db)
    staff_id = registry.staff_named(db, name)
    if staff_id is None:
        raise UserError("fund.operator_not_staff", name=name)
    return staff_id


def as_operator(db: Database, act: Callable[[str], Any]) -> Callable[[], Any]:
    """A worker job: find the operator's staff record, then ``act(staff_id)``."""

    def job() -> Any:
        return act(acting_staff(db))

    return job
