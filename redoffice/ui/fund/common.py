"""What the fund's screens share: the acting staff member, amounts as ¥1,234.50, staff choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from redoffice.fund.periods import Period, quarter_of, year_of
from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.money import yuan_mark
from redoffice.models import FundPeriodClose
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


def closed_periods(db: Database) -> list[str]:
    """The names of the periods closed (结账) on this office's ledger, earliest first.
    (A read of the 台账 screen; fund.screens has none yet.)"""
    with db.read() as s:
        node = str(s.info.get("node_id") or "")
        return list(
            s.scalars(
                select(FundPeriodClose.period)
                .where(FundPeriodClose.owner_node == node, FundPeriodClose.deleted.is_(False))
                .order_by(FundPeriodClose.starts_on, FundPeriodClose.ends_on.desc())
            )
        )


def period_to_close(today: date, closed: list[str]) -> str:
    """The latest period that has ended and is not closed (a quarter before the year that
    ends with it; a quarter inside a closed year counts as closed); "" when none of the last
    three years is open."""
    candidates: list[Period] = []
    quarter = quarter_of(today)
    for _ in range(12):
        quarter = quarter_of(quarter.starts_on - timedelta(days=1))
        candidates.append(quarter)
    for back in (1, 2, 3):
        candidates.append(year_of(date(today.year - back, 1, 1)))
    done = set(closed)

    def is_closed(p: Period) -> bool:
        return p.name in done or ("Q" in p.name and p.name.split("Q")[0] in done)

    open_ = [p for p in candidates if not is_closed(p)]
    open_.sort(key=lambda p: (p.ends_on, "Q" in p.name), reverse=True)
    return open_[0].name if open_ else ""
