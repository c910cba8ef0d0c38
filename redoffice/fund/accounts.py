"""Fund accounts: a 专户, a 专项科目 in the 党费 account, or a 社区慈善基金 held through a
慈善组织 (its ``holder``, so that the 居委会 is never presented as the fundraiser)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redoffice.fund import roles
from redoffice.fund.codes import ACCOUNT_KINDS
from redoffice.kit import clock
from redoffice.kit.db import Database
from redoffice.kit.records import save
from redoffice.kit.validation import Checker
from redoffice.models import FundAccount


@dataclass(frozen=True)
class AccountInput:
    name: str
    kind: str
    holder: str = ""  # 慈善组织 / 开户单位; required for a 社区慈善基金
    bank_account: str = ""
    opened_on: date | None = None  # today when not given
    active: bool = True
    notes: str = ""


def _values(s: Session, data: AccountInput, record_id: str | None) -> dict[str, object]:
    c = Checker()
    values: dict[str, object] = {
        "name": c.text("account_name", data.name, required=True, max_len=64),
        "kind": c.choice("account_kind", data.kind, ACCOUNT_KINDS),
        "holder": c.text("holder", data.holder, max_len=128),
        "bank_account": c.text("bank_account", data.bank_account, max_len=64),
        "opened_on": c.past_date("opened_on", data.opened_on or clock.today(), clock.today()),
        "active": bool(data.active),
        "notes": c.text("notes", data.notes, max_len=2000),
    }
    if values["kind"] == "charity" and not values["holder"]:
        c.add("holder", "fund.charity_holder")
    if values["name"]:
        clash = s.scalar(
            select(FundAccount.id).where(
                FundAccount.owner_node == str(s.info.get("node_id") or ""),
                FundAccount.name == values["name"],
                FundAccount.id != (record_id or ""),
            )
        )
        if clash is not None:
            c.add("account_name", "fund.account_name_taken", name=values["name"])
    c.raise_if_any()
    return values


def save_account(db: Database, data: AccountInput, record_id: str | None = None) -> str:
    """Add an account, or change a saved one; returns its id. Once someone is logged in, a
    会计 or a 书记/管理员 only (:data:`roles.ACCOUNT_SETUP`)."""
    step = "修改红色基金账户" if record_id else "新建红色基金账户"
    roles.check_permitted(db.user, roles.ACCOUNT_SETUP, step)
    with db.uow() as s:
        return save(s, FundAccount, record_id, _values(s, data, record_id)).id
