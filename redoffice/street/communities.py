"""The street office's communities: each one's sync state in one row (the 社区 page and
``street communities``), and a community named the way a clerk names it (node id, code or
name) for ``--community``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from redoffice.kit.db import Database
from redoffice.kit.errors import UserError
from redoffice.models import SyncPackage
from redoffice.sync import enrol, status

KEY_STATES = {enrol.ENROLLED: "有效", "revoked": "已撤销"}


@dataclass(frozen=True)
class CommunityRow:
    node_id: str
    name: str
    code: str
    last_package_at: datetime | None  # the last package received from it, whatever became of it
    last_package_status: str
    applied_seq: int  # applied up to this sequence number
    held: int
    refused: int
    conflicts: int  # open for review
    key_state: str  # 有效 / 已撤销 / 无密钥
    fingerprint: str


def communities(db: Database) -> list[CommunityRow]:
    """Every enrolled (or revoked) community, by code."""
    states = {p.node_id: p for p in status.partner_status(db)}
    with db.read() as s:
        newest = (
            select(SyncPackage.sender, func.max(SyncPackage.id).label("id"))
            .where(SyncPackage.kind == "package", SyncPackage.direction == "in")
            .group_by(SyncPackage.sender)
            .subquery()
        )
        last = {
            sender: (at, state)
            for sender, at, state in s.execute(
                select(SyncPackage.sender, SyncPackage.at, SyncPackage.status).join(
                    newest, newest.c.id == SyncPackage.id
                )
            )
        }
    rows = []
    for p in enrol.partners(db):
        if p.role != "community":
            continue
        st = states[p.node_id]
        at, state = last.get(p.node_id, (None, ""))
        key = KEY_STATES.get(p.status, p.status) if p.fingerprint else "无密钥"
        rows.append(
            CommunityRow(
                p.node_id,
                p.name,
                p.code,
                at,
                state,
                p.applied_seq,
                st.held,
                st.refused,
                st.conflicts,
                key,
                p.fingerprint,
            )
        )
    return rows


def community_node(db: Database, text: str) -> str:
    """The node id of the community ``text`` names: its node id, its code or its name."""
    wanted = text.strip()
    for p in enrol.partners(db):
        if p.role == "community" and wanted in (p.node_id, p.code, p.name):
            return p.node_id
    raise UserError("street.unknown_community", name=wanted)
