"""Business settings stored in the ``setting`` table as JSON, with their defaults."""

from __future__ import annotations

from typing import Any, Final

from redoffice.kit.codes import TAGS
from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.kit.stored_settings import get_value as get_value
from redoffice.kit.stored_settings import put_value as put_value
from redoffice.kit.validation import Checker, clean_text

RANGES: Final = {
    "case.normal_working_days": (1, 60),
    "attachment.max_mb": (1, 200),
    "visit.intervals": (7, 730),
    "wish.value_cap_yuan": (1, 100000),
    "wish.contact_days": (1, 60),
    "fund.higher_approval_yuan": (1, 1000000),
    "fund.notice_working_days": (1, 30),
    "fund.yearly_cap_yuan": (1, 1000000),
    "fund.repeat_months": (0, 60),
    "fund.honour_yuan": (1, 10000000),
    "privacy.retention_years": (1, 30),
}


def _number(c: Collector, key: str, value: object) -> int:
    low, high = RANGES[key]
    if not isinstance(value, int) or not low <= value <= high:
        c.add(key, "settings.range", min=low, max=high)
        return 0
    return value


def _labels(c: Collector, key: str, values: object) -> list[str]:
    cleaned = [clean_text(str(v)) for v in values] if isinstance(values, list) else []
    cleaned = [v for v in cleaned if v]
    if not cleaned:
        c.add(key, "settings.list_empty")
    for v in {v for v in cleaned if cleaned.count(v) > 1}:
        c.add(key, "settings.duplicate", value=v)
    for v in cleaned:
        if len(v) > 32:
            c.add(key, "too_long", max=32)
    return cleaned


def _intervals(c: Collector, key: str, value: object) -> dict[str, int]:
    rules = value if isinstance(value, dict) else {}
    for tag in rules:
        if tag != "*" and tag not in TAGS:
            c.add(key, "tag.unknown", tag=tag)
    if "*" not in rules:
        c.add(key, "required")
    return {tag: _number(c, key, days) for tag, days in rules.items()}


def _phone(c: Collector, key: str, value: object) -> str:
    """A phone number (手机 or 固话 with its area code), or empty."""
    if not isinstance(value, str):
        c.add(key, "phone.invalid")
        return ""
    checker = Checker()
    cleaned = checker.phone(key, value)
    c.errors.extend(checker.errors)
    return cleaned


CHECKS: Final = {
    "visit.purposes": _labels,
    "meeting.types": _labels,
    "case.categories": _labels,
    "case.normal_working_days": _number,
    "attachment.max_mb": _number,
    "visit.intervals": _intervals,
    "wish.value_cap_yuan": _number,
    "wish.contact_days": _number,
    "fund.higher_approval_yuan": _number,
    "fund.notice_working_days": _number,
    "fund.yearly_cap_yuan": _number,
    "fund.repeat_months": _number,
    "fund.honour_yuan": _number,
    "fund.supervision_phone": _phone,
    "privacy.retention_years": _number,
}


def update(db: Database, changes: dict[str, Any]) -> None:
    """Change business settings after checking every one; all are written in one transaction,
    or none when any is refused."""
    c = Collector()
    cleaned = {}
    for key, value in changes.items():
        check = CHECKS.get(key)
        if check is None:
            raise UserError("invalid_choice", value=key)
        cleaned[key] = check(c, key, value)
    c.raise_if_any()
    with db.uow() as s:
        for key, value in cleaned.items():
            put_value(s, key, value)


def values(db: Database) -> dict[str, Any]:
    """Every business setting, stored or default."""
    with db.read() as s:
        return {key: get_value(s, key) for key in CHECKS}
