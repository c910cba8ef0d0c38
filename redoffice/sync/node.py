"""Which kind of node this database is: a community office (the default) or a street office
(``init --street``), and the names and codes it goes by in enrolment files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from redoffice.kit.db import Database
from redoffice.kit.errors import Collector, UserError
from redoffice.kit.ids import new_id
from redoffice.kit.validation import normalize
from redoffice.settings import community
from redoffice.settings.config import get_value, put_value

COMMUNITY: Final = "community"
STREET: Final = "street"
ROLE_NAMES: Final = {COMMUNITY: "社区", STREET: "街道办"}


@dataclass(frozen=True)
class Node:
    """This node as its partners know it."""

    node_id: str
    role: str
    name: str
    code: str
    street_name: str
    street_code: str


def role(db: Database) -> str:
    with db.read() as s:
        return str(get_value(s, "sync.role") or COMMUNITY)


def this_node(db: Database) -> Node:
    ident = community.identity(db)
    kind = role(db)
    if kind == STREET:
        return Node(
            db.node_id,
            kind,
            ident.street_name,
            ident.street_code,
            ident.street_name,
            ident.street_code,
        )
    return Node(
        db.node_id,
        kind,
        ident.community_name,
        ident.community_code,
        ident.street_name,
        ident.street_code,
    )


def initialize_street(db: Database, street_name: str, street_code: str, operator: str) -> str:
    """A street-office database: the same application, its node named by the street. The
    community identity fields hold the street's name (what the status bar shows)."""
    c = Collector()
    name = normalize(street_name)
    code = "".join(normalize(street_code).split())
    if not name:
        c.add("street_name", "required")
    if not code:
        c.add("street_code", "required")
    elif not (code.isascii() and code.isdigit() and len(code) in (6, 9)):
        c.add(
            "street_code", "community.code_digits", digits=community.STREET_CODE_DIGITS, value=code
        )
    op = normalize(operator)
    if not op:
        c.add("operator", "required")
    c.raise_if_any()
    if community.is_initialized(db):
        raise UserError("community.already_initialized", name=community.identity(db).community_name)
    node_id = new_id()
    db.actor = op
    with db.uow() as s:
        s.info["node_id"] = node_id
        put_value(s, "node.id", node_id)
        put_value(s, "sync.role", STREET)
        put_value(s, "community_name", name)
        put_value(s, "community_code", "")
        put_value(s, "street_name", name)
        put_value(s, "street_code", code)
        put_value(s, "operator", op)
    db.refresh_identity()
    return node_id


def require(db: Database, wanted: str) -> None:
    if role(db) != wanted:
        raise UserError("sync.street_only" if wanted == STREET else "sync.community_only")
