"""The community's identity (社区/街道), this installation's node id and the operator (经办人)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.kit.ids import new_id
from redoffice.kit.scope import community_names
from redoffice.kit.validation import PROVINCES, Checker, normalize
from redoffice.models import Setting
from redoffice.settings.config import get_value, put_value

IDENTITY_KEYS = ("community_name", "community_code", "street_name", "street_code")
# 统计用区划代码: 6 digits of the county, 3 of the street (乡级), 3 of the community (村级)
COMMUNITY_CODE_DIGITS, STREET_CODE_DIGITS = 12, 9


@dataclass(frozen=True)
class Identity:
    community_name: str
    community_code: str
    street_name: str
    street_code: str


def _get(s: Session, key: str) -> str | None:
    value = get_value(s, key)
    return None if value is None else str(value)


_put = put_value


def _check(identity: Identity, operator: str) -> tuple[Identity, str]:
    c = Checker()
    cleaned = Identity(
        community_name=c.text("community_name", identity.community_name, required=True, max_len=64),
        community_code=_code(c, "community_code", identity.community_code, COMMUNITY_CODE_DIGITS),
        street_name=c.text("street_name", identity.street_name, required=True, max_len=64),
        street_code=_code(c, "street_code", identity.street_code, STREET_CODE_DIGITS),
    )
    if not (c.has("community_code") or c.has("street_code")):
        prefix = cleaned.community_code[:STREET_CODE_DIGITS]
        if cleaned.street_code != prefix:
            c.add("street_code", "community.street_not_prefix", prefix=prefix)
    op = c.text("operator", operator, required=True, max_len=32)
    c.raise_if_any()
    return cleaned, op


def _code(c: Checker, field: str, raw: str, digits: int) -> str:
    """A 统计用区划代码 of ``digits`` digits whose first two name a province (spaces and
    full-width digits as typed are accepted)."""
    code = re.sub(r"\s+", "", normalize(raw))
    if not code:
        c.add(field, "required")
    elif not (code.isascii() and code.isdigit() and len(code) == digits):
        c.add(field, "community.code_digits", digits=digits, value=code)
    elif int(code[:2]) not in PROVINCES:
        c.add(field, "community.code_province", prefix=code[:2])
    return code


def is_initialized(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Setting.key).where(Setting.key == "node.id")) is not None


def initialize(db: Database, identity: Identity, operator: str) -> str:
    """First start: record the identity and operator, create this installation's node id."""
    identity, operator = _check(identity, operator)
    with db.read() as s:
        existing = _get(s, "community_name")
    if is_initialized(db):
        raise UserError("community.already_initialized", name=existing or "")
    node_id = new_id()
    db.actor = operator
    with db.uow() as s:
        s.info["node_id"] = node_id
        _put(s, "node.id", node_id)
        for key in IDENTITY_KEYS:
            _put(s, key, getattr(identity, key))
        _put(s, "operator", operator)
    db.refresh_identity()
    return node_id


def identity(db: Database) -> Identity:
    with db.read() as s:
        values = {key: _get(s, key) for key in IDENTITY_KEYS}
    if values["community_name"] is None:
        raise UserError("community.not_initialized")
    return Identity(**{k: v or "" for k, v in values.items()})


def heading_name(db: Database) -> str:
    """The office a printed document of community records is headed with: the community's
    own name; at a street office the chosen community's name (its enrolment), or the
    street's name with 全部社区 when every community's rows are printed together."""
    own = identity(db).community_name
    if not db.is_street:
        return own
    if db.community is None:
        return f"{own}（全部社区）"
    return community_names(db).get(db.community, own)


def update_identity(db: Database, identity: Identity, operator: str) -> None:
    """Settings page: change the identity and the default operator."""
    identity, operator = _check(identity, operator)
    db.actor = operator
    with db.uow() as s:
        for key in IDENTITY_KEYS:
            _put(s, key, getattr(identity, key))
        _put(s, "operator", operator)


def operator(db: Database) -> str:
    with db.read() as s:
        return _get(s, "operator") or ""


def use_operator(db: Database, override: str | None = None) -> None:
    """Set who is recorded on changes: the given name, else the stored default operator."""
    db.actor = (override or "").strip() or operator(db)
    if not db.actor:
        raise UserError("operator.required")


def identity_and_operator(db: Database) -> tuple[Identity, str]:
    """What the status bar and the settings page show."""
    return identity(db), operator(db)
